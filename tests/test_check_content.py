"""`make check-content` (scripts/check_content.py): one seeded mistake in each kind of file,
all reported in one run, each in the project's message form, without a browser."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sitebuilder import REPO

SCRIPT = REPO / "scripts" / "check_content.py"


def copy_repository(target: Path) -> Path:
    for name in ("docs", "data", "overrides", "hooks", "examples"):
        shutil.copytree(REPO / name, target / name)
    # The copy's own data/ (the hooks read upstream's data/ unless extra.data_dir says otherwise).
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    assert config.count("\nextra:\n") == 1
    (target / "mkdocs.yml").write_text(config.replace("\nextra:\n", "\nextra:\n  data_dir: data\n"), encoding="utf-8")
    return target


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path} no longer contains {old!r}: update the seeded mistake"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def check(work: Path, **environment: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(SCRIPT), "-f", str(work / "mkdocs.yml")],
        capture_output=True,
        text=True,
        cwd=work,
        env={**__import__("os").environ, **environment},
    )


@pytest.fixture
def work(tmp_path) -> Path:
    return copy_repository(tmp_path)


def test_every_seeded_mistake_is_reported_in_one_run(work):
    replace(work / "data" / "facts.yml", "  en: more than a million\n", "")  # a fact without its English text
    replace(work / "data" / "sources.yml", "  publisher: Nationellt kompetenscentrum anhöriga (Nka)\n", "  publisher: ''\n")
    replace(work / "data" / "glossary.yml", "  en: {term: carer,", "  en: {term: '',")
    replace(work / "data" / "ui.yml", "  en: Reviewed\n", "")
    replace(work / "docs" / "guider" / "vem-ar-anhorig.md", "reviewed:", "reveiwed:")
    replace(work / "docs" / "guider" / "kommunens-stod.md", "\n\n", "\n\nEn siffra: [[fact:finns_inte]].\n\n")
    result = check(work)
    assert result.returncode == 1, result.stdout + result.stderr
    report = result.stderr
    assert "Traceback" not in report
    for expected in (
        "facts.yml",
        "adults_more_than_a_million.en",
        "sources.yml",
        "nka-mer-stod.publisher",
        "glossary.yml",
        "ui.yml",
        "reviewed",
        "guider/vem-ar-anhorig.md",
        "reveiwed",
        "guider/kommunens-stod.md",
        "[[fact:finns_inte]]",
    ):
        assert expected in report, f"{expected!r} is not in the report:\n{report}"
    # Each message says how to fix it (the project's form), not only what is wrong.
    assert report.count("fix:") + report.count("did you mean") + report.count("known keys") >= 6, report


def test_a_mistake_in_an_organisations_file_is_reported(work):
    organisation = work / "examples" / "exempelkommun" / "organisation.yml"
    text = organisation.read_text(encoding="utf-8")
    organisation.write_text(text.replace("organisation: Exempelkommun", "organisation: <b>Exempelkommun</b>", 1), encoding="utf-8")
    result = check(work, ANHORIGGUIDEN_ORGANISATION=str(organisation))
    assert result.returncode == 1
    assert "organisation.yml" in result.stderr and "organisation" in result.stderr and "Traceback" not in result.stderr


def test_a_broken_link_is_found_by_the_build_step(work):
    replace(work / "docs" / "guider" / "vem-ar-anhorig.md", "\n\n", "\n\nSe [en sida som inte finns](finns-inte.md).\n\n")
    result = check(work)
    assert result.returncode == 1
    assert "finns-inte.md" in result.stderr and "vem-ar-anhorig.md" in result.stderr, result.stderr
