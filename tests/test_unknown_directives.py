"""The last check: a [[...]] marker that no extension replaced fails the build; examples
in code stay as they are."""

from __future__ import annotations

from bs4 import BeautifulSoup
from sitebuilder import build_tiny_site
from tiny_pages import BODY_LINE, sv_page

import markdown
from anhorigguiden.markdown import marker_check


# Changed on purpose (issue 13): the check is a Markdown extension now, and the kinds it
# knows are those the other extensions on the same converter declare, not hooks'.
def test_known_markers_are_those_the_configured_extensions_declare():
    md = markdown.Markdown(extensions=["anhorigguiden.markdown.marker_check", "anhorigguiden.markdown.contacts", "anhorigguiden.markdown.citations"])
    known = marker_check.known_markers(md)
    assert sorted(known) == ["contacts", "fact", "law", "source"]
    assert known["fact"] == "[[fact:<key in data/facts.yml>]]"
    assert marker_check.known_markers(markdown.Markdown(extensions=["anhorigguiden.markdown.marker_check"])) == {}


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
