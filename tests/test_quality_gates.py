"""Quality gates over the built site: valid HTML, links and anchors that resolve, and a
build that is byte-for-byte reproducible. `make check` runs these alone.

The Nu HTML Checker (npm `vnu-jar`, run with Debian's Java) is installed by
`scripts/setup.sh --browser`.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sitebuilder import REPO, build_tiny_site, page

VNU_JAR = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Errors that Material for MkDocs 9.8.1's own templates put in every site, so that no
# template of ours can remove them without forking Material's base.html; each is matched
# by the exact message and the markup it is found in. Anything else fails. Remove an
# entry when Material fixes it (or we override the template): the test then guards it.
MATERIAL_ERRORS = [
    (
        # base.html: Material's drawer and search toggles; it sets autocomplete="off" so that
        # Firefox does not restore them as checked on back navigation.
        "Attribute “autocomplete” is only allowed when the input type is “color”, “date”, "
        "“datetime-local”, “email”, “hidden”, “month”, “number”, “password”, “range”, "
        "“search”, “tel”, “text”, “time”, “url”, or “week”.",
        re.compile(r'<input class="md-toggle" data-md-toggle="(drawer|search)" type="checkbox" id="__(drawer|search)" autocomplete="off">'),
    ),
    (
        # partials/nav-item.html: the label of a section (navigation.sections) gets
        # tabindex="" instead of no tabindex.
        "Bad value “” for attribute “tabindex” on element “label”: The empty string is not a valid integer.",
        re.compile(r'<label class="md-nav__link[ a-z_-]*" for="__nav_[0-9_]+" id="__nav_[0-9_]+_label" tabindex="">'),
    ),
    (
        # partials/toc.html: on a section's index page (navigation.indexes) the table of
        # contents' title points at the __toc toggle, which nav-item.html renders only for
        # pages that are not a section's index.
        "The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control.",
        re.compile(r'<label class="md-nav__title" for="__toc">'),
    ),
]


def _built_pages(site_dir: Path) -> list[Path]:
    return sorted(site_dir.rglob("*.html"))


def _is_known_material_error(message: dict) -> bool:
    extract = message.get("extract", "")
    return any(message.get("message") == text and pattern.search(extract) for text, pattern in MATERIAL_ERRORS)


def test_every_page_is_valid_html(site):
    assert shutil.which("java"), "the HTML check needs Java: run scripts/setup.sh --browser (as root it installs default-jre-headless)"
    assert VNU_JAR.is_file(), f"{VNU_JAR.relative_to(REPO)} is missing: run scripts/setup.sh --browser (npm ci)"
    pages = _built_pages(site.site_dir)
    assert len(pages) >= 4
    done = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *map(str, pages)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    raw = done.stderr + done.stdout
    assert '{"' in raw, f"the HTML checker gave no report (exit {done.returncode}):\n{raw[-2000:]}"
    report, _ = json.JSONDecoder().raw_decode(raw, raw.index('{"'))
    errors = [m for m in report["messages"] if m.get("type") in ("error", "non-document-error")]
    unexpected = [m for m in errors if not _is_known_material_error(m)]
    root = site.site_dir.as_posix() + "/"
    shown = "\n".join(
        f"{m.get('url', '').removeprefix('file:').removeprefix(root)}:{m.get('lastLine')}: {m['message']}\n"
        f"    {m.get('extract', '').strip()[:200]}"
        for m in unexpected[:30]
    )
    assert unexpected == [], f"{len(unexpected)} HTML error(s):\n{shown}"


def test_the_known_material_errors_are_only_the_listed_markup():
    # Guards the allow-list itself: it must not swallow an error of ours by accident.
    ours = {"message": MATERIAL_ERRORS[1][0], "extract": '<label class="ag-label" for="x" tabindex="">'}
    theirs = {"message": MATERIAL_ERRORS[1][0], "extract": '\n<label class="md-nav__link " for="__nav_2" id="__nav_2_label" tabindex="">'}
    assert not _is_known_material_error(ours)
    assert _is_known_material_error(theirs)


# Links and anchors: the strict build stops on either, naming the page and the link.

def test_a_link_to_a_missing_page_fails_the_build(tmp_path):
    result = build_tiny_site(tmp_path, {"index.md": page("Start"), "guide.md": page("Guide", "Se [sidan](finns-inte.md).")})
    assert result.returncode != 0, result.output
    assert "Doc file 'guide.md' contains a link 'finns-inte.md', but the target is not found" in result.output
    assert "Traceback" not in result.output


def test_a_link_to_a_missing_anchor_fails_the_build(tmp_path):
    pages = {
        "index.md": page("Start"),
        "guide.md": page("Guide", "Se [rubriken](index.md#ingen-sadan-rubrik)."),
    }
    result = build_tiny_site(tmp_path, pages)
    assert result.returncode != 0, result.output
    assert "Doc file 'guide.md' contains a link 'index.md#ingen-sadan-rubrik', but the doc 'index.md' does not contain an anchor '#ingen-sadan-rubrik'" in result.output
    assert "Traceback" not in result.output


def test_links_and_anchors_that_exist_pass(tmp_path):
    pages = {"index.md": page("Start", "## Hjälp\n\nText."), "guide.md": page("Guide", "Se [hjälp](index.md#hjalp).")}
    result = build_tiny_site(tmp_path, pages)
    assert result.returncode == 0, result.output


# Reproducible: the same tree, built again on another day, gives the same bytes.

# Runs MkDocs with a clock three days ahead: what a build next week would see.
_LATER_CLOCK = """
import datetime, sys
import mkdocs.utils
class Later(datetime.datetime):
    @classmethod
    def now(cls, tz=None):
        return datetime.datetime.now(tz) + datetime.timedelta(days=3)
mkdocs.utils.datetime = Later
from mkdocs.__main__ import cli
sys.argv = ["mkdocs", *sys.argv[1:]]
cli()
"""


def _build(site_dir: Path, *, later: bool) -> None:
    env = {key: value for key, value in os.environ.items() if key != "SOURCE_DATE_EPOCH"}
    env["NO_MKDOCS_2_WARNING"] = "1"
    command = [sys.executable, *(["-c", _LATER_CLOCK] if later else ["-m", "mkdocs"])]
    done = subprocess.run(
        [*command, "build", "--strict", "-f", str(REPO / "mkdocs.yml"), "-d", str(site_dir)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def _digests(site_dir: Path) -> dict[str, str]:
    return {
        path.relative_to(site_dir).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site_dir.rglob("*"))
        if path.is_file()
    }


@pytest.mark.skipif(not (REPO / ".git").exists(), reason="the build is dated with the last commit: needs a git checkout")
def test_two_builds_on_different_days_are_byte_identical(tmp_path):
    # Back to back (not the session's build): files edited meanwhile must not count.
    _build(tmp_path / "today", later=False)
    _build(tmp_path / "later", later=True)
    today, later = _digests(tmp_path / "today"), _digests(tmp_path / "later")
    assert sorted(today) == sorted(later), set(today) ^ set(later)
    differ = sorted(name for name in today if today[name] != later[name])
    assert differ == [], f"these files differ between the two builds: {differ}"
