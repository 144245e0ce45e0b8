"""Golden tests of the glossary extension (anhorigguiden/markdown/glossary.py): Markdown in,
HTML out, with tests/fixtures/md_data/glossary.yml (anhörig, anhöriga / carer, carers).

The first use of a term in running text becomes a link to its entry on the Ordlista page,
with the definition as its title and the "read more" label for tooltips.js; headings,
links and code are left alone; the language and the Ordlista page come from the config,
what is per page (its language, its place) from the converter (md_golden.page_file).
Attributes are written in lexical order, as Python-Markdown's serializer writes them.
"""

from __future__ import annotations

from md_golden import DATA, LANGUAGES, convert, page_file

EXT = "anhorigguiden.markdown.glossary"
SV = {EXT: {"data_dir": str(DATA), "languages": LANGUAGES}}
EN = {EXT: {"data_dir": str(DATA), "language": "en", "languages": LANGUAGES}}
TERM_SV = 'class="ag-term" data-ag-more="Läs mer i ordlistan" href="{href}" title="En person som hjälper en närstående."'


def _html(text: str, configs: dict = SV, *, page: object | None = None) -> str:
    return convert(text, [EXT], configs, page=page)


def test_the_first_use_of_a_term_links_to_its_entry_with_the_definition():
    assert _html("En anhörig hjälper. Anhöriga igen, anhörig igen.") == (
        f'<p>En <a {TERM_SV.format(href="ordlista.md#anhorig")}>anhörig</a> hjälper. Anhöriga igen, anhörig igen.</p>'
    )


def test_a_form_of_the_word_counts_and_case_is_kept():
    assert _html("Anhöriga vet.") == f'<p><a {TERM_SV.format(href="ordlista.md#anhorig")}>Anhöriga</a> vet.</p>'


def test_headings_links_and_code_are_not_explained():
    html = _html("# Anhörig\n\n[anhörig](x.md) och `anhörig`, sedan anhörig.")
    assert html == (
        '<h1>Anhörig</h1>\n<p><a href="x.md">anhörig</a> och <code>anhörig</code>, sedan '
        f'<a {TERM_SV.format(href="ordlista.md#anhorig")}>anhörig</a>.</p>'
    )


def test_a_word_inside_a_longer_word_is_not_a_term():
    assert _html("Om anhörigstöd.") == "<p>Om anhörigstöd.</p>"


def test_the_configured_language_chooses_the_terms_and_the_label():
    assert _html("A carer helps; anhörig is Swedish.", EN) == (
        '<p>A <a class="ag-term" data-ag-more="More in the glossary" href="ordlista.md#anhorig" '
        'title="Someone who helps a person close to them.">carer</a> helps; anhörig is Swedish.</p>'
    )


def test_the_link_is_relative_to_the_page_and_the_pages_own_language_wins():
    # An untranslated Swedish page in the English build: Swedish terms, Swedish label.
    html = _html("En anhörig.", EN, page=page_file("guider/pengar.md", "sv"))
    assert html == f'<p>En <a {TERM_SV.format(href="../ordlista.md#anhorig")}>anhörig</a>.</p>'


def test_the_ordlista_and_kallor_pages_are_not_explained():
    for src_uri in ("ordlista.md", "kallor.md"):
        assert _html("En anhörig.", page=page_file(src_uri, "sv")) == "<p>En anhörig.</p>"


def test_the_ordlista_page_and_the_unexplained_pages_are_configurable():
    configs = {EXT: {"data_dir": str(DATA), "glossary_page": "om/ord.md", "unexplained": ["om/ord.md"]}}
    assert _html("En anhörig.", configs, page=page_file("om/ord.md", "sv")) == "<p>En anhörig.</p>"
    assert _html("En anhörig.", configs, page=page_file("kallor.md", "sv")) == (
        f'<p>En <a {TERM_SV.format(href="om/ord.md#anhorig")}>anhörig</a>.</p>'
    )
