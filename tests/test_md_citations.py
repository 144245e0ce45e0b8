"""Golden tests of the citations extension (anhorigguiden/markdown/citations.py):
Markdown in, HTML out, with the small registry in tests/fixtures/md_data/.

Each expected string was written out by hand from the rules in the module's docstring:
the fact's value (digit groups joined by a no-break space), a numbered link to the
source's entry on the Källor page with attr_list's class and accessible name, the law's
name, and the easy-to-read pages' one line of sources.
"""

from __future__ import annotations

import pytest
from md_golden import DATA, LANGUAGES, assert_guide_error, convert, page_file
from mkdocs.exceptions import PluginError

EXT = "anhorigguiden.markdown.citations"
SV = {EXT: {"data_dir": str(DATA), "languages": LANGUAGES}}
EN = {EXT: {"data_dir": str(DATA), "language": "en", "languages": LANGUAGES}}
DECK_SV = 'aria-label="Källa 1: Nationella nätverket för anhörigstöd" class="ag-cite ag-ref" href="kallor.md#deck"'


def _html(text: str, configs: dict = SV, *, page: object | None = None, more: tuple = ()) -> str:
    return convert(text, ["attr_list", *more, EXT], configs, page=page)


def test_a_fact_is_its_value_and_a_numbered_link_to_its_source():
    assert _html("Hela [[fact:caring]] personer.") == f"<p>Hela 150\u00a0000<a {DECK_SV}>1</a> personer.</p>"


def test_the_configured_language_chooses_the_value_and_the_accessible_name():
    assert _html("About [[fact:caring]] people.", EN) == (
        '<p>About 150,000<a aria-label="Source 1: Nationella nätverket för anhörigstöd" class="ag-cite ag-ref" href="kallor.md#deck">1</a> people.</p>'
    )


def test_the_page_written_in_swedish_keeps_swedish_facts_in_the_english_build():
    # mkdocs-static-i18n builds an untranslated page into /en/ from its Swedish file.
    html = _html("Hela [[fact:caring]] personer.", EN, page=page_file("guider/pengar.md", "sv"))
    assert html == '<p>Hela 150\u00a0000<a aria-label="Källa 1: Nationella nätverket för anhörigstöd" class="ag-cite ag-ref" href="../kallor.md#deck">1</a> personer.</p>'


def test_sources_side_by_side_are_numbered_in_order_and_a_cited_source_keeps_its_number():
    html = _html("Klart. [[source:decision]] [[source:video]]\n\nIgen [[fact:caring]] och [[source:decision]].")
    assert html == (
        '<p>Klart. <a aria-label="Källa 1: Regeringen, 2022" class="ag-cite ag-ref" href="kallor.md#decision">1</a>'
        '<a aria-label="Källa 2: videon Kommunens stöd" class="ag-cite ag-ref" href="kallor.md#video">2</a></p>\n'
        '<p>Igen 150\u00a0000<a aria-label="Källa 3: Nationella nätverket för anhörigstöd" class="ag-cite ag-ref" href="kallor.md#deck">3</a>'
        ' och <a aria-label="Källa 1: Regeringen, 2022" class="ag-cite ag-ref" href="kallor.md#decision">1</a>.</p>'
    )


def test_a_law_is_named_with_its_provision_only_when_verified():
    assert _html("Det står i [[law:sol]].") == '<p>Det står i <a class="ag-law" href="kallor.md#decision">socialtjänstlagen (2025:400)</a>.</p>'
    assert _html("[[law:checked]]") == '<p><a class="ag-law" href="kallor.md#decision">1 kap. 1 § testlagen</a></p>'
    assert _html("[[law:checked]]", EN) == '<p><a class="ag-law" href="kallor.md#decision">the Test Act, 1 kap. 1 §</a></p>'


def test_an_easy_to_read_page_shows_values_only_and_ends_with_one_line_of_sources():
    html = _html("Hela [[fact:caring]] personer. [[source:video]]", page=page_file("lattlast/pengar.md", "sv"))
    assert html == (
        "<p>Hela 150\u00a0000 personer. </p>\n"
        '<p class="ag-sources-line" data-ag-no-read="">Källor: '
        '<a class="ag-cite" href="../kallor.md#deck">Nationella nätverket för anhörigstöd</a>, '
        '<a class="ag-cite" href="../kallor.md#video">videon Kommunens stöd</a></p>'
    )


def test_markers_in_code_stay_as_written():
    html = _html("Skriv `[[fact:caring]]`.\n\n```\n[[source:deck]]\n```", more=("fenced_code",))
    assert html == "<p>Skriv <code>[[fact:caring]]</code>.</p>\n<pre><code>[[source:deck]]\n</code></pre>"


def test_text_without_markers_is_left_alone():
    assert _html("Inga [[källor]] här? Jo, `x`.", more=()) == "<p>Inga [[källor]] här? Jo, <code>x</code>.</p>"


def test_an_unknown_key_stops_the_conversion_naming_page_line_key_close_match_and_fix():
    page = page_file("guider/pengar.md", "sv", "---\ntitle: Pengar\n---\n\n# Pengar\n\nOmkring [[fact:carring]] vuxna. [[law:sfs]]\n")
    assert_guide_error(
        lambda: _html("# Pengar\n\nOmkring [[fact:carring]] vuxna. [[law:sfs]]", page=page),
        "guider/pengar.md: 2 problem(s)",
        "key '[[fact:carring]]': found the key 'carring' on line 7, which is not in data/facts.yml",
        "allowed: a key from data/facts.yml: did you mean 'caring'?",
        "fix: correct the key in the page, or add an entry 'carring:' to data/facts.yml first",
        "key '[[law:sfs]]'",
        "known keys: checked, sol",
        "See EDITING.md, section 'Facts'.",
    )


def test_a_missing_data_file_is_a_clean_error_naming_it(tmp_path):
    with pytest.raises(PluginError, match=r"sources.yml: 1 problem\(s\)[\s\S]*cannot be read"):
        _html("[[source:deck]]", {EXT: {"data_dir": str(tmp_path)}})


def test_a_page_in_a_language_the_extension_was_not_given_is_a_clean_error():
    # An engine that builds English pages without our hook: the option still says Swedish.
    message = assert_guide_error(
        lambda: _html("About [[fact:caring]] people.", {EXT: {"data_dir": str(DATA), "language": "en", "languages": ["sv"]}}),
        "a page in 'en', a language the extension's `languages` option does not list",
        "add 'en' to `languages` under anhorigguiden.markdown.citations in mkdocs.yml",
    )
    assert "Traceback" not in message


def test_a_converted_page_records_the_sources_its_markers_cite_for_the_sources_page():
    # hooks/sources_page.py lists, under each source, the pages citing it: the extension
    # records them in the registry as it converts each page, so the hook need not look
    # for the markers again. Markers in code cite nothing.
    from anhorigguiden.markdown.citations import sources_cited
    from anhorigguiden.registry import Registry
    from anhorigguiden.site_languages import Languages

    registry = Registry(DATA, Languages("sv", "sv", tuple(LANGUAGES), tuple(LANGUAGES)))  # a fresh one, as each build has
    configs = {EXT: {**SV[EXT], "registry": registry}}
    _html("Hela [[fact:caring]] personer, enligt [[law:sol]]. `[[source:video]]`", configs, page=page_file("guider/pengar.md"))
    _html("Ingen källa här.", configs, page=page_file("guider/stod.md"))
    assert sources_cited(registry, "sv") == {"guider/pengar.md": frozenset({"deck", "decision"})}
