"""Golden tests of the marker check (anhorigguiden/markdown/marker_check.py): a `--8<--`
line stops the conversion before anything else, a `[[...]]` marker that no extension
replaced stops it after them, each with the author-facing error (page, marker, what is
allowed, the fix); examples in code pass unchanged."""

from __future__ import annotations

from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from md_golden import DATA, LANGUAGES, assert_guide_error, convert, page_file

CHECK = "anhorigguiden.markdown.marker_check"
ALL = [CHECK, "anhorigguiden.markdown.contacts", "anhorigguiden.markdown.citations", "fenced_code", "attr_list"]
CONFIGS = {name: {"data_dir": str(DATA)} for name in ALL[1:3]} | {"anhorigguiden.markdown.citations": {"data_dir": str(DATA), "languages": LANGUAGES}}


def _error(text: str, extensions: list = ALL, *, on_page: str | None = None) -> str:
    """The error converting `text` stops with; `on_page`: converted as that Swedish page,
    whose file holds `text` (so that the error names the page and the line)."""
    page = page_file(on_page, "sv", text + "\n") if on_page else None
    return assert_guide_error(lambda: convert(text, extensions, CONFIGS, page=page))


def test_an_unknown_kind_names_page_line_marker_every_known_kind_and_the_fix():
    message = _error("# Stöd\n\nSe [[fakta:caring]] här.", on_page="guider/stod.md")
    assert message == (
        "guider/stod.md: 1 problem(s)\n"
        "  - key '[[fakta:caring]]': found the unknown kind 'fakta' on line 3\n"
        "    allowed: one of [[contacts]] or [[contacts:compact]], alone on a line, [[fact:<key in data/facts.yml>]], "
        "[[law:<key in data/law.yml>]], [[source:<key in data/sources.yml>]]\n"
        "    fix: correct the kind; for literal brackets, put the text in `backticks`; a new kind needs a Markdown "
        "extension that replaces it (listed under markdown_extensions: in mkdocs.yml)\n"
        "  See EDITING.md, section 'Markers'."
    )


def test_every_leftover_marker_is_reported_at_once_even_when_it_looks_like_markup():
    message = _error("Om [[fatc:x]] och [[<img src=x onerror=alert(1)>]].")
    assert "(the page being converted): 2 problem(s)" in message
    assert "key '[[fatc:x]]'" in message and "key '[[<img src=x onerror=alert(1)>]]'" in message


def test_without_extensions_that_replace_markers_none_is_allowed():
    assert "allowed: no markers: no extension that replaces markers is configured" in _error("[[fact:caring]]", [CHECK])


class _Declares(Preprocessor):
    MARKERS = {"video": "[[video]]"}

    def run(self, lines: list[str]) -> list[str]:
        return lines  # declares the kind, replaces nothing


class _DeclaresExtension(Extension):
    def extendMarkdown(self, md):  # noqa: ANN001, ANN201 - Python-Markdown's signature
        md.preprocessors.register(_Declares(md), "declares_video", 35)


def test_a_known_kind_its_extension_left_is_named_with_its_form():
    message = _error("[[video:x]]", [CHECK, _DeclaresExtension()])
    assert "key '[[video:x]]': found a 'video' marker written in a form its extension does not replace" in message
    assert "fix: write it as [[video]]" in message


def test_markers_the_extensions_replace_and_markers_in_code_pass():
    html = convert("Se `[[fakta:x]]` och [[law:sol]].\n\n```\n[[whatever]]\n--8<-- \"x.md\"\n```", ALL, CONFIGS)
    assert html == (
        '<p>Se <code>[[fakta:x]]</code> och <a class="ag-law" href="kallor.md#decision">socialtjänstlagen (2025:400)</a>.</p>\n'
        # fenced_code escapes quotes in code as well as < and &
        "<pre><code>[[whatever]]\n--8&lt;-- &quot;x.md&quot;\n</code></pre>"
    )


def test_a_snippet_line_stops_the_conversion_before_any_marker_is_read():
    message = _error('# Stöd\n\n--8<-- ".git/config"\n\n[[fact:carring]]', on_page="guider/stod.md")
    assert message == (
        "guider/stod.md: 1 problem(s)\n"
        "  - key '(text)': found the line '--8<-- \".git/config\"' on line 3, which would include another file\n"
        "    allowed: no '--8<--' lines: this site does not include files into pages\n"
        "    fix: copy the text you want into the page itself, or link to the page it is on; to show the syntax, put it in `backticks`\n"
        "  See EDITING.md, section 'Pages'."
    )
