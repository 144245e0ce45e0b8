"""`make review` (scripts/review_report.py): what is due for review, on a tiny tree whose
dates are set so that exactly some items are overdue."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup
from sitebuilder import REPO

SCRIPT = REPO / "scripts" / "review_report.py"


def page(reviewed: str) -> str:
    return f"---\ntitle: Sida\ndescription: En sida.\naudience: [anhoriga]\nreviewed: {reviewed}\nsources: []\n---\nText.\n"


def tiny_tree(tmp_path: Path, *, organisation: str | None = None) -> dict[str, Path]:
    docs, data = tmp_path / "docs", tmp_path / "data"
    (docs / "guider").mkdir(parents=True)
    (data / "paths").mkdir(parents=True)
    (docs / "guider" / "gammal.md").write_text(page("2025-01-10"), encoding="utf-8")  # overdue
    (docs / "guider" / "ny.md").write_text(page("2026-11-01"), encoding="utf-8")  # not due
    (docs / "guider" / "ny.en.md").write_text(page("2026-06-01"), encoding="utf-8")  # older than its Swedish page
    (data / "sources.yml").write_text(
        "gammal-kalla:\n  publisher: P\n  title: T <b>\n  read: 2025-10-01\n  check_again: 2026-10-01\n"
        "ny-kalla:\n  publisher: P\n  title: T\n  read: 2026-11-01\n  check_again: 2027-06-01\n",
        encoding="utf-8",
    )
    (data / "law.yml").write_text("lagen:\n  verified: 2024-05-01\nannan:\n  verified: null\n", encoding="utf-8")
    (data / "paths" / "stig.yml").write_text("id: stig\nreviewed: 2025-02-01\n", encoding="utf-8")
    paths = {"docs": docs, "data": data}
    if organisation is not None:
        paths["organisation"] = tmp_path / "organisation.yml"
        paths["organisation"].write_text(organisation, encoding="utf-8")
    return paths


def run(paths: dict[str, Path], *extra: str) -> subprocess.CompletedProcess:
    arguments = [f"--{name}={path}" for name, path in paths.items()]
    return subprocess.run([sys.executable, str(SCRIPT), *arguments, "--today", "2026-11-27", *extra], capture_output=True, text=True)


def test_lists_what_is_overdue_and_nothing_else(tmp_path):
    result = run(tiny_tree(tmp_path))
    assert result.returncode == 0, result.stderr
    rows = [line.split() for line in result.stdout.splitlines()[3:]]
    listed = {(row[1], row[2]) for row in rows}
    assert listed == {
        ("page", "guider/gammal.md"),
        ("translation", "guider/ny.en.md"),
        ("source", "gammal-kalla"),
        ("law", "lagen"),
        ("training", "path"),  # "training path  stig.yml": two words
    }, result.stdout
    assert "12 months" in result.stdout.splitlines()[0]
    # The oldest first: the law verified in May 2024 fell due in May 2025.
    assert rows[0][:3] == ["2025-05-01", "law", "lagen"], rows


def test_the_organisations_period_moves_the_cutoff(tmp_path):
    result = run(tiny_tree(tmp_path, organisation="name: Exempelkommun\nreview_months: 24\n"))
    assert result.returncode == 0, result.stderr
    assert "24 months" in result.stdout
    assert "guider/gammal.md" not in result.stdout  # reviewed 2025-01-10: due only in 2027
    assert "gammal-kalla" in result.stdout  # a source's own date does not depend on the period


def test_a_bad_period_is_a_clear_message_not_a_traceback(tmp_path):
    result = run(tiny_tree(tmp_path, organisation="review_months: tolv\n"))
    assert result.returncode == 2
    assert "review_months is 'tolv'" in result.stderr and "whole number of months" in result.stderr
    assert "Traceback" not in result.stderr


def test_writes_an_editors_page_that_is_escaped_and_not_indexed(tmp_path):
    paths = tiny_tree(tmp_path)
    (paths["docs"] / "guider" / "<script>.md").write_text(page("2024-01-01"), encoding="utf-8")
    target = tmp_path / "site" / "redaktion" / "granskning.html"
    result = run(paths, "--html", str(target))
    assert result.returncode == 0, result.stderr
    soup = BeautifulSoup(target.read_text(encoding="utf-8"), "lxml")
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex, nofollow"
    assert soup.find("script") is None
    cells = [row.find_all("td")[2].get_text() for row in soup.select("tbody tr")]
    assert "guider/<script>.md" in cells and "guider/gammal.md" in cells


def test_the_real_content_has_nothing_overdue_today():
    """Every page, source and law reference of the guide itself is within its period."""
    result = subprocess.run([sys.executable, str(SCRIPT), "--today", "2026-11-27"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "Nothing is due." in result.stdout, result.stdout
