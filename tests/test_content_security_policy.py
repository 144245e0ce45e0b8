"""hooks/content_security_policy.py: what the deployment's Content-Security-Policy blocks is
found in the build, on small inputs and in a tiny site; the real site has none of it.
"""

from __future__ import annotations

import shutil
import sys

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.utils.yaml import yaml_load
from sitebuilder import REPO, build_tiny_site, page

sys.path.insert(0, str(REPO / "hooks"))
import content_security_policy  # noqa: E402
from content_security_policy import find_in_page, find_inline_code, is_javascript  # noqa: E402


BLOCKED = [
        ("<script>alert(1)</script>", "an inline <script>"),
        ('<script type="module">import "./x.js"</script>', "an inline <script>"),
        ('<script type="text/javascript; charset=utf-8">x()</script>', "an inline <script>"),
        ('<script type="TEXT/JAVASCRIPT">x()</script>', "an inline <script>"),
        ('<button onclick="go()">Gå</button>', "an event handler attribute <button onclick=...>"),
        ('<p style="color: red">Text</p>', 'a style attribute <p style="color: red">'),
        ("<style>p { color: red }</style>", "a <style> element"),
        ('<a href="javascript:void(0)">x</a>', 'a javascript: URL <a href="javascript:void(0)">'),
        ('<a href=" JavaScript:x()">x</a>', "a javascript: URL"),
        # Entities in an attribute are decoded, by the parser as by a browser.
        ('<a href="&#106;avascript:x()">x</a>', "a javascript: URL"),
        ('<a href="javascript&colon;x()">x</a>', "a javascript: URL"),
        ('<A HREF=x ONCLICK = "go()">x</A>', "an event handler attribute <a onclick=...>"),
        ("<p class='x'style='color: red'>Text</p>", "a style attribute <p style="),
]


@pytest.mark.parametrize(("html", "what"), BLOCKED)
def test_what_the_policy_blocks_is_found(html, what):
    found = find_inline_code(f"<!doctype html>\n<html><body>\n{html}\n</body></html>")
    assert len(found) == 1, found
    assert found[0].what.startswith(what), found[0].what
    assert found[0].line == 3


@pytest.mark.parametrize(
    "html",
    [
        '<script src="assets/javascripts/x.js"></script>',
        '<script id="__config" type="application/json">{"base": "."}</script>',
        '<script type="application/ld+json">{"@type": "WebSite"}</script>',
        "<script></script>",
        '<a href="https://example.org/">x</a>',
        '<a href="sida/">x</a>',
        '<link rel="stylesheet" href="assets/stylesheets/x.css">',
        "<p>onclick is a word, style too, and javascript: in text</p>",
    ],
)
def test_what_the_policy_allows_passes(html):
    assert find_inline_code(f"<html><body>{html}</body></html>") == []


def test_a_page_is_checked_in_its_own_content_with_the_lines_of_the_written_page():
    content = '<h1>Rubrik</h1>\n<p onclick="x()">Klicka</p>'
    output = f'<html>\n<head>\n<script src="a.js"></script>\n</head>\n<body>\n<article>{content}</article>\n</body></html>'
    found = find_in_page(output, content)
    assert [(item.line, item.what) for item in found] == [(7, "an event handler attribute <p onclick=...>")]
    assert find_in_page(output, content) == find_inline_code(output)
    # What the template writes around the content is not read again for every page...
    assert find_in_page('<body><style>p {}</style><p>Text</p></body>', "<p>Text</p>") == []
    # ...unless a hook changed the content after conversion: then the whole page is read.
    assert [item.what for item in find_in_page('<body><style>p {}</style><p>Text</p></body>', "<p>Other</p>")] == ["a <style> element"]


# Content and what a template writes are searched with a regular expression first and parsed
# only where it finds something that could be inline code: the search must miss nothing the
# parser finds. Content: every page's (find_in_page); the template's: each template's first
# page (find_in_first_page), where scripts that load a file or hold JSON data do not count.
_IN_CONTENT = "<html>\n<body>\n<article><h1>Rubrik</h1>\n<p>Text.</p>\n{html}\n</article>\n</body></html>"
_IN_TEMPLATE = '<html>\n<head>\n<script src="a.js"></script>\n<script id="__config" type="application/json">{{"a": 1}}</script>\n{html}\n</head>\n<body><article><h1>Rubrik</h1>\n<p>Text.</p></article></body></html>'


@pytest.mark.parametrize(("html", "what"), BLOCKED)
@pytest.mark.parametrize(("written", "finder"), [(_IN_CONTENT, "find_in_page"), (_IN_TEMPLATE, "find_in_first_page")], ids=["content", "template"])
def test_what_the_policy_blocks_is_found_before_it_is_parsed(html, what, written, finder):
    output = written.format(html=html)
    content = output[output.index("<h1>") : output.index("</article>")]
    found = getattr(content_security_policy, finder)(output, content)
    assert [(item.line, item.what[: len(what)]) for item in found] == [(5, what)]


def test_content_without_inline_code_is_not_parsed(monkeypatch):
    parsed = []
    monkeypatch.setattr(content_security_policy, "find_inline_code", lambda html: parsed.append(html) or [])
    text = "<h1>Om stöd</h1>\n<p>Ring 1177 &#34;dygnet runt&#34;. onclick is a word, style too.</p>"
    assert content_security_policy.find_in_page(f"<body>{text}</body>", text) == []
    assert parsed == []
    content_security_policy.find_in_page(f"<body>{text}<p style=\"x\">y</p></body>", text + '<p style="x">y</p>')
    assert len(parsed) == 1


def test_a_page_is_checked_around_what_the_template_writes_under_its_title():
    # partials/content.html writes the page tools (and who to call) after the title's
    # </h1>: the content is then found in two parts, and its lines are the written page's.
    content = '<h1 id="r">Rubrik</h1>\n<p>Text.</p>\n<p style="color: red">Röd</p>'
    output = f'<html>\n<body>\n<article><h1 id="r">Rubrik</h1>\n<div class="ag-page-tools">\n<button>Lyssna</button>\n</div>\n<p>Text.</p>\n<p style="color: red">Röd</p></article>\n</body></html>'
    found = find_in_page(output, content)
    assert [(item.line, item.what) for item in found] == [(8, 'a style attribute <p style="color: red">')]
    assert found == find_inline_code(output)


def test_a_first_page_with_only_scripts_that_load_files_or_hold_data_is_not_parsed(monkeypatch):
    parsed = []
    monkeypatch.setattr(content_security_policy, "find_inline_code", lambda html: parsed.append(html) or [])
    content = "<h1>Rubrik</h1>\n<p>Text.</p>"
    output = f'<html><head><script src="a.js" defer></script><script id="__config" type="application/json">{{}}</script></head><body>{content}</body></html>'
    assert content_security_policy.find_in_first_page(output, content) == [] and parsed == []
    # An editor's page content is searched as on every page: a script that only looks as
    # if it loaded a file is still parsed and found there.
    sneaky = '<script data-x=" src=">alert(1)</script>'
    content_security_policy.find_in_first_page(output.replace(content, content + sneaky), content + sneaky)
    assert parsed == [content + sneaky]


def test_script_types():
    assert is_javascript("") and is_javascript("module") and is_javascript("application/javascript")
    assert not is_javascript("application/json") and not is_javascript("text/x-template")


def test_an_inline_script_in_a_page_stops_the_build(tmp_path):
    body = 'Text.\n\n<script>document.title = "x"</script>\n\n<p onclick="x()">Klicka</p>'
    result = build_tiny_site(tmp_path, {"index.md": page("Start"), "guide.md": page("Guide", body)})
    assert result.returncode != 0
    assert "guide.md: the Content-Security-Policy would block 2 inline script(s) or style(s):" in result.output
    assert "an inline <script>: 'document.title = \"x\"'" in result.output
    assert "an event handler attribute <p onclick=...>" in result.output
    assert "See EDITING.md, section 'Scripts and styles'." in result.output


def test_an_inline_style_in_a_template_stops_the_build(tmp_path):
    # The hook reads each template's output in full once per language, not on every page:
    # what a partial writes on every page is still found.
    overrides = tmp_path / "overrides"
    shutil.copytree(REPO / "overrides", overrides)
    partial = overrides / "partials" / "page-meta.html"
    partial.write_text(partial.read_text(encoding="utf-8") + '\n<p style="color: red">Mall</p>\n', encoding="utf-8")
    theme = {**mkdocs_theme(), "custom_dir": str(overrides)}
    result = build_tiny_site(tmp_path / "site-files", {"index.md": page("Start"), "guide.md": page("Guide")}, config={"theme": theme})
    assert result.returncode != 0
    assert "the Content-Security-Policy would block 1 inline script(s) or style(s):" in result.output
    assert 'a style attribute <p style="color: red">' in result.output


def mkdocs_theme() -> dict:
    """mkdocs.yml's theme settings, as build_tiny_site writes them."""
    with open(REPO / "mkdocs.yml", encoding="utf-8") as handle:
        return dict(yaml_load(handle)["theme"])


def test_the_real_site_has_no_inline_script_or_style(site):
    for html in site.site_dir.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert find_inline_code(text) == [], html
        # Material's configuration stays, as data the browser does not run.
        if html.name == "index.html":
            config = BeautifulSoup(text, "lxml").find("script", id="__config")
            assert config is not None and config["type"] == "application/json"


# maybe_inline is the quick form of the regular expression _MAYBE_INLINE: both must find
# the same, in any text made of the pieces that matter and in every page of the real site.
_PIECES = [
    "on", "ON", "onclick", "style", "STYLE", "=", " ", "\t", "\n", '"', "'", "/", "<", ">", "script", "SCRIPT", ":", "&", "#",
    "34;", "39;", "106;", "tab;", "colon;", "x", "å", "İ", "p", " src=", ' type="application/json"', ' TYPE="Application/JSON"',
]


@settings(max_examples=400, derandomize=True, database=None, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_PIECES), max_size=14).map("".join))
def test_the_quick_search_finds_what_the_regular_expression_finds(text):
    assert content_security_policy.maybe_inline(text) == bool(content_security_policy._MAYBE_INLINE.search(text))
    template = bool(content_security_policy._MAYBE_INLINE_IN_TEMPLATE.search(text))
    assert content_security_policy.maybe_inline(text, template=True) == template


def test_the_quick_search_agrees_on_every_page_of_the_real_site(site):
    # Whole pages (their <script src=...> tags are found) and their content (nothing is).
    for html in site.site_dir.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        content = text[text.find("<article") : text.find("</article>")]
        for part in (text, content):
            assert content_security_policy.maybe_inline(part) == bool(content_security_policy._MAYBE_INLINE.search(part)), html
        assert content_security_policy.maybe_inline(text, template=True) == bool(content_security_policy._MAYBE_INLINE_IN_TEMPLATE.search(text)), html
