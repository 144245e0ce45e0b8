"""Golden tests of the contacts extension (anhorigguiden/markdown/contacts.py): Markdown in,
HTML out. Its default rendering is upstream's overrides/partials/contacts.html with no
contacts (the neutral box), with the texts of tests/fixtures/md_data/ui.yml; a `render`
in its config (what hooks/local_contacts.py passes under MkDocs) replaces it."""

from __future__ import annotations

from md_golden import DATA, assert_guide_error, convert, page_file

EXT = "anhorigguiden.markdown.contacts"
SV = {EXT: {"data_dir": str(DATA)}}
NEUTRAL_SV = (
    '<div class="ag-contacts ag-contacts--none">\n'
    '<p class="ag-contacts__title">Stöd där du bor</p>\n'
    "<p>Fråga din kommun om anhörigstöd.</p>\n"
    "</div>"
)


def _html(text: str, configs: dict = SV, *, page: object | None = None) -> str:
    return convert(text, ["fenced_code", EXT], configs, page=page)


# Python-Markdown ends a raw HTML block with an empty line when text follows it.
def test_without_a_render_function_the_marker_becomes_the_neutral_box():
    assert _html("Text.\n\n[[contacts]]\n\nMer.") == f"<p>Text.</p>\n{NEUTRAL_SV}\n\n<p>Mer.</p>"


def test_the_neutral_box_is_in_the_language_the_page_is_written_in():
    html = _html("[[contacts]]", {EXT: {"data_dir": str(DATA), "language": "sv"}}, page=page_file("index.en.md", "en"))
    assert html == (
        '<div class="ag-contacts ag-contacts--none">\n'
        '<p class="ag-contacts__title">Support where you live</p>\n'
        "<p>Ask your municipality about support for carers.</p>\n"
        "</div>"
    )


def test_a_render_function_gets_the_variant_and_language_and_its_html_is_one_raw_block():
    def render(variant: str, language: str) -> str:
        return f'<div class="box">\n<p>{variant} {language}</p>\n</div>'

    configs = {EXT: {"data_dir": str(DATA), "render": render, "language": "fi"}}
    assert _html("Ovan.\n[[contacts:compact]]\nNedan.", configs) == '<p>Ovan.</p>\n<div class="box">\n<p>compact fi</p>\n</div>\n\n<p>Nedan.</p>'


def test_a_marker_in_code_stays_as_written():
    assert _html("Skriv `[[contacts]]`.\n\n```\n[[contacts]]\n```") == "<p>Skriv <code>[[contacts]]</code>.</p>\n<pre><code>[[contacts]]\n</code></pre>"


def test_a_marker_inside_a_sentence_stops_the_conversion_with_the_fix():
    page = page_file("guider/stod.md", "sv", "# Stöd\n\nRing oss [[contacts]] i dag.\n")
    assert_guide_error(
        lambda: _html("# Stöd\n\nRing oss [[contacts]] i dag.", page=page),
        "guider/stod.md: 1 problem(s)",
        "key '[[contacts]] (line 3)': found 'Ring oss [[contacts]] i dag.'",
        "allowed: the marker alone on its own line",
        "fix: move '[[contacts]]' to a line of its own, with an empty line before and after",
        "See EDITING.md, section 'Local contacts'.",
    )


def test_an_unknown_variant_stops_the_conversion_naming_both_forms():
    assert_guide_error(
        lambda: _html("[[contacts:stor]]"),
        "(the page being converted): 1 problem(s)",
        "key '[[contacts]]': found '[[contacts:stor]]'",
        "allowed: '[[contacts]]' or '[[contacts:compact]]'",
    )
