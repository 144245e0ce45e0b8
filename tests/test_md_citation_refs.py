"""Golden tests of the citation references extension (anhorigguiden/markdown/citation_refs.py):
Markdown in, HTML out. A link with the class `ag-ref` (as citations.py writes it, right
after the value it supports) leaves its sentence for the end of its block, inside one
`span.ag-refs` that read-aloud and search skip; the same source twice in a block is one
reference; a paragraph of references alone joins the block before it."""

from __future__ import annotations

from md_golden import convert

EXTENSIONS = ["attr_list", "tables", "anhorigguiden.markdown.citation_refs"]
REFS = '<span class="ag-refs" data-ag-no-read="" data-search-exclude="">'
A = '<a class="ag-ref" href="k.md#a">1</a>'
B = '<a class="ag-ref" href="k.md#b">2</a>'


def _html(text: str) -> str:
    return convert(text, EXTENSIONS)


def test_a_reference_leaves_the_sentence_for_the_end_of_its_paragraph():
    assert _html("Mer än 5[1](k.md#a){.ag-ref} vuxna hjälper.") == f"<p>Mer än 5 vuxna hjälper.{REFS}{A}</span></p>"


def test_a_reference_between_spaces_leaves_one_space():
    assert _html("Plikt. [1](k.md#a){.ag-ref} Det gäller.") == f"<p>Plikt. Det gäller.{REFS}{A}</span></p>"


def test_the_same_source_twice_is_one_reference_and_the_order_is_kept():
    html = _html("Ett 5[1](k.md#a){.ag-ref} och två 6[1](k.md#a){.ag-ref}. Sedan[2](k.md#b){.ag-ref} slut.")
    assert html == f"<p>Ett 5 och två 6. Sedan slut.{REFS}{A}{B}</span></p>"


def test_a_reference_in_a_list_item_or_table_cell_ends_that_item_or_cell():
    assert _html("- ett[1](k.md#a){.ag-ref} här\n- två") == f"<ul>\n<li>ett här{REFS}{A}</span></li>\n<li>två</li>\n</ul>"
    assert _html("| a | b |\n|---|---|\n| x[2](k.md#b){.ag-ref} y | z |") == (
        "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n"
        f"<tr>\n<td>x y{REFS}{B}</span></td>\n<td>z</td>\n</tr>\n</tbody>\n</table>"
    )


def test_a_paragraph_of_references_alone_joins_the_last_item_of_the_list_before_it():
    assert _html("- ett\n- två\n\n[1](k.md#a){.ag-ref}\n\nNästa.") == f"<ul>\n<li>ett</li>\n<li>två{REFS}{A}</span></li>\n</ul>\n<p>Nästa.</p>"


def test_other_links_stay_where_they_are():
    assert _html("Se [Källor](k.md#a){.ag-cite} här.") == '<p>Se <a class="ag-cite" href="k.md#a">Källor</a> här.</p>'
