"""The last check: a [[...]] marker that no hook replaced fails the build; examples in
code stay as they are."""

from __future__ import annotations

import sys
import types

from bs4 import BeautifulSoup
from sitebuilder import REPO, build_tiny_site
from tiny_pages import BODY_LINE, sv_page

sys.path.insert(0, str(REPO / "hooks"))
import unknown_directives  # noqa: E402


class _Config(dict):
    @property
    def plugins(self):
        return self["plugins"]


def test_known_markers_are_those_the_configured_hooks_declare():
    citations = types.SimpleNamespace(MARKERS={"fact": "[[fact:<key>]]"})
    contacts = types.SimpleNamespace(MARKERS={"contacts": "[[contacts]]"})
    config = _Config(plugins={"hooks/citations.py": citations, "hooks/local_contacts.py": contacts, "search": object()})
    assert unknown_directives.known_markers(config) == {"fact": "[[fact:<key>]]", "contacts": "[[contacts]]"}


def test_a_leftover_marker_fails_naming_page_marker_known_kinds_and_fix(tmp_path):
    body = "Se [[fakta:adults_caring]] här."
    result = build_tiny_site(tmp_path, {"index.md": sv_page("Start"), "guide.md": sv_page("Guide", body)})
    assert result.returncode != 0
    assert "Traceback" not in result.output
    for fragment in (
        "guide.md: 1 problem(s)",
        "key '[[fakta:adults_caring]]'",
        f"found the unknown kind 'fakta' on line {BODY_LINE}",
        "[[fact:<key in data/facts.yml>]]",
        "[[law:<key in data/law.yml>]]",
        "[[source:<key in data/sources.yml>]]",
        "fix: correct the kind",
        "See EDITING.md, section 'Markers'",
    ):
        assert fragment in result.output, result.output


def test_markers_in_code_are_shown_as_written(tmp_path):
    body = "Skriv `[[fakta:x]]` så här:\n\n```markdown\n[[whatever]]\n```"
    result = build_tiny_site(tmp_path, {"index.md": sv_page("Start", body)})
    assert result.returncode == 0, result.output
    soup = BeautifulSoup((result.site_dir / "index.html").read_text(encoding="utf-8"), "lxml")
    assert [code.get_text().strip() for code in soup.select("article code")] == ["[[fakta:x]]", "[[whatever]]"]
