"""EDITING.md's three step-by-step tasks, done exactly as the text says: the YAML and
Markdown are read from the guide itself, so the guide and this test cannot drift apart.

Each task works on a copy of the repository, then checks with scripts/check_content.py (as
`make check-content` does) and looks at the built page the reader would see.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

from bs4 import BeautifulSoup
from sitebuilder import REPO, run_mkdocs

EDITING = (REPO / "EDITING.md").read_text(encoding="utf-8")
CHECK = REPO / "scripts" / "check_content.py"


def step(name: str) -> str:
    """The fenced block that follows `<!-- walkthrough: name -->` in EDITING.md."""
    match = re.search(rf"<!-- walkthrough: {re.escape(name)} -->\n(\s*)```\w*\n(.*?)\n\s*```", EDITING, re.S)
    assert match, f"EDITING.md has no walkthrough step {name!r}"
    return textwrap.dedent(match.group(2)) + "\n"


def copy_repository(target: Path) -> Path:
    for name in ("docs", "data", "overrides", "hooks", "examples"):
        shutil.copytree(REPO / name, target / name)
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    (target / "mkdocs.yml").write_text(config.replace("\nextra:\n", "\nextra:\n  data_dir: data\n", 1), encoding="utf-8")
    return target


def check_content(work: Path, organisation: Path | None = None) -> None:
    environment = {**os.environ, **({"ANHORIGGUIDEN_ORGANISATION": str(organisation)} if organisation else {})}
    result = subprocess.run([sys.executable, str(CHECK), "-f", str(work / "mkdocs.yml")], capture_output=True, text=True, env=environment)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no problems" in result.stdout


def build(work: Path, organisation: Path | None = None) -> Path:
    env = {"ANHORIGGUIDEN_ORGANISATION": str(organisation)} if organisation else {}
    result = run_mkdocs(work / "mkdocs.yml", work / "site", cwd=work, env=env)
    assert result.returncode == 0, result.output
    return work / "site"


def test_change_the_municipalitys_phone_number(tmp_path):
    work = copy_repository(tmp_path)
    organisation = work / "examples" / "exempelkommun" / "organisation.yml"
    text = organisation.read_text(encoding="utf-8")
    old_line = next(line for line in text.splitlines() if line.strip().startswith("phone:"))  # the first contact's
    # The step's line, written where the old one stood (at the contact's indentation).
    new_line = old_line[: len(old_line) - len(old_line.lstrip())] + step("phone").strip()
    organisation.write_text(text.replace(old_line, new_line, 1), encoding="utf-8")
    check_content(work, organisation)
    site = build(work, organisation)
    soup = BeautifulSoup((site / "guider" / "hitta-stod" / "index.html").read_text(encoding="utf-8"), "lxml")
    calls = [a["href"] for a in soup.select("article a[href^='tel:']")]
    assert "tel:+46701740699" in calls, calls


def test_add_a_local_page(tmp_path):
    work = copy_repository(tmp_path)
    organisation = work / "examples" / "exempelkommun" / "organisation.yml"
    (organisation.parent / "sidor" / "anhoriggrupp.md").write_text(step("local-page"), encoding="utf-8")
    check_content(work, organisation)
    site = build(work, organisation)
    page = BeautifulSoup((site / "lokalt" / "anhoriggrupp" / "index.html").read_text(encoding="utf-8"), "lxml")
    assert page.find("h1").get_text(strip=True) == "Anhöriggruppen i Exempelkommun"
    assert "varannan tisdag" in page.article.get_text()
    english = BeautifulSoup((site / "en" / "lokalt" / "anhoriggrupp" / "index.html").read_text(encoding="utf-8"), "lxml")
    assert "varannan tisdag" in english.article.get_text()  # the Swedish text, with a notice


def test_update_a_fact_and_its_source(tmp_path):
    work = copy_repository(tmp_path)
    sources, facts = work / "data" / "sources.yml", work / "data" / "facts.yml"
    sources.write_text(sources.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + step("source"), encoding="utf-8")
    new_fact = step("fact")
    key = new_fact.split(":", 1)[0]
    text = facts.read_text(encoding="utf-8")
    old = re.search(rf"^{re.escape(key)}:\n(?:  .*\n)+", text, re.M)
    assert old, f"data/facts.yml has no fact {key!r}"
    facts.write_text(text.replace(old.group(0), new_fact, 1), encoding="utf-8")
    check_content(work)
    site = build(work)
    money = BeautifulSoup((site / "guider" / "pengar" / "index.html").read_text(encoding="utf-8"), "lxml")
    assert "120 dagar" in money.article.get_text()
    references = [a["href"] for a in money.select("article a.ag-ref")]
    assert any(href.endswith("#forsakringskassan-narstaendepenning-2027") for href in references), references
    kallor = (site / "kallor" / "index.html").read_text(encoding="utf-8")
    assert 'id="forsakringskassan-narstaendepenning-2027"' in kallor
