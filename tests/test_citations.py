"""Facts, citations and law references: the marker scanner, the rendering, one tiny site
per author mistake, and every [[fact:]], [[source:]] and [[law:]] of the real site."""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from docs_pages import DocPage, doc_pages, load_data
from sitebuilder import REPO, build_tiny_site
from tiny_pages import BODY_LINE, sv_page

import markdown as md  # noqa: E402
from anhorigguiden.markdown import citations  # noqa: E402
from anhorigguiden.markdown.citation_refs import CitationRefsExtension  # noqa: E402
from anhorigguiden.markers import code_ranges, find_markers, replace_markers  # noqa: E402
from anhorigguiden.references import Fact, LawReference, References, Source  # noqa: E402
from anhorigguiden.site_languages import Languages  # noqa: E402

UI = load_data("ui.yml")

# --- the marker scanner -----------------------------------------------------------


def _kinds(markdown: str) -> list[str]:
    return [marker.text for marker in find_markers(markdown)]


def test_markers_are_found_with_kind_and_argument():
    [marker] = find_markers("Omkring [[fact:adults_caring]] vuxna.")
    assert (marker.kind, marker.argument, marker.text) == ("fact", "adults_caring", "[[fact:adults_caring]]")
    [bare] = find_markers("[[contacts]]")
    assert (bare.kind, bare.argument) == ("contacts", None)


def test_markers_in_code_spans_and_fences_are_examples_and_ignored():
    markdown = (
        "Skriv `[[fact:a]]` eller ``[[fact:b]] med `backtick` `` här. [[fact:c]]\n\n"
        "```markdown\n[[fact:d]]\n```\n\n"
        "- lista\n\n    ~~~~\n    [[fact:e]]\n    ~~~~\n\n[[fact:f]]\n"
    )
    assert _kinds(markdown) == ["[[fact:c]]", "[[fact:f]]"]


def test_an_unclosed_fence_runs_to_the_end_and_a_lone_backtick_is_text():
    assert _kinds("Ett ` ensamt [[fact:a]]\n\n```\n[[fact:b]]\n") == ["[[fact:a]]"]
    assert code_ranges("a ``b`` c") == [(2, 7)]


def test_a_link_whose_text_is_in_brackets_is_not_a_marker():
    assert _kinds("Se [[1]](https://example.org) och [[law:x]].") == ["[[law:x]]"]


def test_replace_markers_only_touches_the_given_kinds():
    result = replace_markers("[[a:1]] och [[b:2]] och `[[a:3]]`", {"a"}, lambda m: f"<{m.argument}>")
    assert result == "<1> och [[b:2]] och `[[a:3]]`"


# --- rendering (golden Markdown) -------------------------------------------------

REFERENCES = References(
    sources={
        "deck": Source("deck", "Nationella nätverket för anhörigstöd", "Bildspel", {"sv": "bildspel", "en": "slide deck"}),
        "decision": Source("decision", "Regeringen", "Beslut", {"sv": "beslut", "en": "decision"}, date=dt.date(2022, 4, 13)),
        "video": Source("video", "Två konsulenter (troligen Nka)", "Kommunens stöd", {"sv": "video", "en": "video"}, cite={"sv": "videon Kommunens stöd", "en": "the video Kommunens stöd"}),
    },
    facts={"caring": Fact("caring", {"sv": "150 000", "en": "150,000"}, "deck")},
    laws={
        "sol": LawReference("sol", {"sv": "socialtjänstlagen (2025:400)", "en": "the Social Services Act (2025:400)"}, "decision", None),
        # test data only, not a statement about the law
        "sol_checked": LawReference("sol_checked", {"sv": "testlagen", "en": "the Test Act"}, "decision", {"sv": "1 kap. 1 §", "en": "1 kap. 1 §"}),
    },
)


def _render(markdown: str, language: str, numbers: dict[str, int] | None = None, *, numbered: bool = True) -> str:
    markers = [m for m in find_markers(markdown) if m.kind in citations.MARKERS]
    texts = {key: value[language] for key, value in UI.items()}
    numbers = {} if numbers is None else numbers
    out, position = [], 0
    for group in citations.groups(markdown, markers):
        out += [markdown[position : group[0].start], citations.render_group(group, REFERENCES, texts, language, "../kallor.md", numbers, numbered=numbered)]
        position = group[-1].end
    return "".join(out) + markdown[position:]


def _html(markdown: str) -> str:
    """Markdown as the site renders it: attr_list, then the references moved to the block's end."""
    return md.markdown(_render(markdown, "sv"), extensions=["attr_list", CitationRefsExtension()])


# The form changed on purpose (2026-11-27): a fact shows its value alone and its source as a
# numbered reference, which leaves the sentence for the end of its block (citation_refs.py).
def test_a_fact_is_its_value_then_a_numbered_reference_in_the_page_language():
    assert _render("Hela [[fact:caring]] personer.", "sv") == (
        'Hela 150\u00a0000[1](../kallor.md#deck){.ag-cite .ag-ref aria-label="Källa 1: Nationella nätverket för anhörigstöd"} personer.'
    )
    assert _render("[[fact:caring]]", "en") == '150,000[1](../kallor.md#deck){.ag-cite .ag-ref aria-label="Source 1: Nationella nätverket för anhörigstöd"}'


def test_a_dated_source_is_named_with_its_year_and_a_short_name_when_it_has_one():
    assert _render("Klart. [[source:decision]]", "sv") == 'Klart. [1](../kallor.md#decision){.ag-cite .ag-ref aria-label="Källa 1: Regeringen, 2022"}'
    assert _render("[[source:video]]", "en") == '[1](../kallor.md#video){.ag-cite .ag-ref aria-label="Source 1: the video Kommunens stöd"}'


def test_a_page_numbers_its_sources_in_order_and_a_source_keeps_its_number():
    numbers: dict[str, int] = {}
    assert "[1](../kallor.md#deck)" in _render("[[source:deck]]", "sv", numbers)
    assert "[2](../kallor.md#video)" in _render("[[source:video]]", "sv", numbers)
    assert "[1](../kallor.md#deck)" in _render("[[fact:caring]]", "sv", numbers)
    assert numbers == {"deck": 1, "video": 2}


def test_an_easy_to_read_page_shows_values_only_and_one_sources_line():
    numbers: dict[str, int] = {}
    assert _render("Hela [[fact:caring]] personer. [[source:video]]", "sv", numbers, numbered=False) == "Hela 150\u00a0000 personer. "
    texts = {key: value["sv"] for key, value in UI.items()}
    assert citations.sources_line(list(numbers), REFERENCES, texts, "sv", "../kallor.md") == (
        "Källor: [Nationella nätverket för anhörigstöd](../kallor.md#deck){.ag-cite}, [videon Kommunens stöd](../kallor.md#video){.ag-cite}\n"
        '{.ag-sources-line data-ag-no-read=""}'
    )


def test_a_reference_leaves_the_sentence_for_the_end_of_its_paragraph():
    html = _html("Mer än [[fact:caring]] vuxna hjälper. Så är det.")
    assert html.startswith("<p>Mer än 150\u00a0000 vuxna hjälper. Så är det.<span class=\"ag-refs\" data-ag-no-read=\"\" data-search-exclude=\"\">")
    assert html.endswith('aria-label="Källa 1: Nationella nätverket för anhörigstöd" class="ag-cite ag-ref" href="../kallor.md#deck">1</a></span></p>')


def test_the_same_source_twice_in_a_paragraph_is_one_reference_and_others_follow_it():
    html = _html("Ett [[fact:caring]] och två [[fact:caring]]. Sedan [[source:video]] slut.")
    soup = BeautifulSoup(html, "html.parser")
    assert [a.get_text() for a in soup.select("span.ag-refs a")] == ["1", "2"]
    assert soup.p.get_text() == "Ett 150\u00a0000 och två 150\u00a0000. Sedan slut.12"


def test_a_reference_in_a_list_item_or_table_cell_ends_that_item_or_cell():
    soup = BeautifulSoup(
        md.markdown(_render("- ett [[source:deck]] här\n- två\n\n| a | b |\n|---|---|\n| x [[source:video]] y | z |", "sv"), extensions=["attr_list", "tables", CitationRefsExtension()]),
        "html.parser",
    )
    first = soup.select("li")[0]
    assert first.contents[-1].name == "span" and first.get_text() == "ett här1"
    cell = soup.select("td")[0]
    assert cell.contents[-1].name == "span" and cell.get_text() == "x y2"


def test_a_source_alone_under_a_list_joins_the_lists_last_item():
    soup = BeautifulSoup(md.markdown(_render("- ett\n- två\n\n[[source:deck]]\n\nNästa stycke.", "sv"), extensions=["attr_list", CitationRefsExtension()]), "html.parser")
    assert [p.get_text() for p in soup.select("p")] == ["Nästa stycke."]
    assert soup.select("li")[-1].get_text() == "två1"


def test_a_law_is_named_and_its_provision_shown_only_when_verified():
    assert _render("Det står i [[law:sol]].", "sv") == "Det står i [socialtjänstlagen (2025:400)](../kallor.md#decision){.ag-law}."
    assert _render("[[law:sol_checked]]", "sv") == "[1 kap. 1 § testlagen](../kallor.md#decision){.ag-law}"
    assert _render("[[law:sol_checked]]", "en") == "[the Test Act, 1 kap. 1 §](../kallor.md#decision){.ag-law}"


# --- registries --------------------------------------------------------------------

LANGS = Languages("sv", "sv", ("sv", "en"), ("sv", "en"))


def _load_facts(tmp_path: Path, text: str):
    from anhorigguiden import references
    path = tmp_path / "facts.yml"
    path.write_text(text, encoding="utf-8")
    return references._load_facts(path, LANGS, REFERENCES.sources)


def test_every_problem_of_facts_yml_is_reported_at_once(tmp_path):
    from mkdocs.exceptions import PluginError

    with pytest.raises(PluginError) as raised:
        _load_facts(tmp_path, "a:\n  sv: ett\n  source: deck\nb:\n  sv: 150000\n  en: x\n  source: dekc\n  nota: x\n")
    message = str(raised.value)
    assert "4 problem(s)" in message
    for fragment in ("key 'a.en'", "the language is missing", "key 'b.sv'", "in quotes", "key 'b.source'", "did you mean 'deck'", "key 'b.nota'"):
        assert fragment in message, message


def test_sources_take_text_in_any_language_but_not_misspelt_fields(tmp_path):
    from anhorigguiden import references
    from mkdocs.exceptions import PluginError

    path = tmp_path / "sources.yml"
    path.write_text("a:\n  publisher: P\n  title: T\n  kind: k\n  kind_en: k\n  kind_fi: k\n  kinds_en: x\n  urll: y\n", encoding="utf-8")
    with pytest.raises(PluginError) as raised:
        references._load_sources(path, LANGS)
    message = str(raised.value)
    assert "2 problem(s)" in message, message
    assert "key 'a.kinds_en'" in message and "key 'a.urll'" in message and "kind_fi" not in message
    # a copy that builds Finnish needs the Finnish text
    with pytest.raises(PluginError, match=r"key 'a.kind_fi'"):
        path.write_text("a:\n  publisher: P\n  title: T\n  kind: k\n  kind_en: k\n", encoding="utf-8")
        references._load_sources(path, Languages("sv", "sv", ("sv", "en", "fi"), ("sv", "en", "fi")))


def test_a_source_may_name_the_language_of_its_title_as_a_language_code(tmp_path):
    from anhorigguiden import references
    from mkdocs.exceptions import PluginError

    path = tmp_path / "sources.yml"
    path.write_text("a:\n  publisher: P\n  title: Stress\n  kind: k\n  kind_en: k\n  language: en\nb:\n  publisher: P\n  title: T\n  kind: k\n  kind_en: k\n", encoding="utf-8")
    loaded = references._load_sources(path, LANGS)
    assert (loaded["a"].language, loaded["b"].language) == ("en", None)
    for written in ("engelska", "en_GB"):  # an HTML lang attribute takes neither
        path.write_text(f"a:\n  publisher: P\n  title: T\n  kind: k\n  kind_en: k\n  language: {written}\n", encoding="utf-8")
        with pytest.raises(PluginError) as raised:
            references._load_sources(path, LANGS)
        assert "key 'a.language'" in str(raised.value) and "a language code such as 'en'" in str(raised.value)


# --- one tiny site per mistake ----------------------------------------------------


def _fails(tmp_path: Path, pages: dict[str, str], *expected: str, data: dict[str, str] | None = None, section: str) -> str:
    result = build_tiny_site(tmp_path, {"index.md": sv_page("Start"), **pages}, data=data)
    assert result.returncode != 0, result.output
    assert "Traceback" not in result.output, result.output
    for fragment in expected:
        assert fragment in result.output, result.output
    assert f"See EDITING.md, section '{section}'" in result.output, result.output
    return result.output


def test_unknown_fact_key_fails_naming_page_key_close_match_and_fix(tmp_path):
    _fails(
        tmp_path,
        {"guide.md": sv_page("Guide", "Omkring [[fact:adults_carring]] vuxna.")},
        "guide.md",
        "key '[[fact:adults_carring]]'",
        f"the key 'adults_carring' on line {BODY_LINE}, which is not in data/facts.yml",
        "did you mean 'adults_caring'?",
        "fix: correct the key in the page, or add an entry 'adults_carring:' to data/facts.yml first",
        section="Facts",
    )


def test_unknown_source_key_fails_listing_the_known_keys(tmp_path):
    output = _fails(
        tmp_path,
        {"guide.md": sv_page("Guide", "Så är det. [[source:wikipedia]]")},
        "guide.md",
        "key '[[source:wikipedia]]'",
        "the key 'wikipedia'",
        "which is not in data/sources.yml",
        "known keys: ",
        "add an entry 'wikipedia:' to data/sources.yml first",
        section="Sources",
    )
    assert "natverket-strategi-bildspel" in output  # no close match: every key is listed


def test_law_provision_without_verified_date_fails(tmp_path):
    law = (
        "sol:\n  law: {sv: socialtjänstlagen (2025:400), en: the Social Services Act (2025:400)}\n"
        "  source: sfs-2025-400\n  provision: 1 kap. 1 §  # test data\n  verified: null\n"
    )
    _fails(
        tmp_path,
        {"guide.md": sv_page("Guide", "Det står i [[law:sol]].")},
        "data/law.yml",
        "key 'sol.verified'",
        "found None (nothing)",
        "fix: check the paragraph against the law text and add verified: YYYY-MM-DD, or remove provision",
        data={"law.yml": law},
        section="Law references",
    )


def test_fact_missing_a_built_language_fails_naming_the_language(tmp_path):
    facts = "adults_caring:\n  sv: 1,3 miljoner\n  source: natverket-strategi-bildspel\n"
    _fails(tmp_path, {}, "data/facts.yml", "key 'adults_caring.en'", "the language is missing", "in the language 'en'", data={"facts.yml": facts}, section="Facts")


def test_fact_whose_source_is_not_registered_fails(tmp_path):
    facts = "adults_caring:\n  sv: 1,3 miljoner\n  en: 1.3 million\n  source: natverket-bildspel\n"
    _fails(tmp_path, {}, "data/facts.yml", "key 'adults_caring.source'", "'natverket-bildspel'", "did you mean 'natverket-strategi-bildspel'?", data={"facts.yml": facts}, section="Facts")


def test_tiny_site_renders_facts_laws_and_keeps_examples_in_code(tmp_path):
    # Every built language needs the law's name (the real site builds sv, en, ar and fi).
    law = (
        "sol:\n  law: {sv: socialtjänstlagen (2025:400), en: the Social Services Act (2025:400),"
        " ar: قانون الخدمات الاجتماعية (2025:400), fi: sosiaalipalvelulaki (2025:400)}\n"
        "  source: sfs-2025-400\n  provision: 1 kap. 1 §  # test data\n  verified: 2026-11-22\n"
    )
    body = "Hela [[fact:reduced_working_hours]] personer. Det står i [[law:sol]].\n\nSkriv `[[fact:adults_caring]]`."
    result = build_tiny_site(tmp_path, {"index.md": sv_page("Start"), "guide.md": sv_page("Guide", body)}, data={"law.yml": law})
    assert result.returncode == 0, result.output
    soup = BeautifulSoup((result.site_dir / "guide/index.html").read_text(encoding="utf-8"), "lxml")
    text = soup.select_one("article").get_text(" ")
    assert "Hela 150\u00a0000 personer." in text  # the value alone, in its sentence
    assert soup.select_one("a.ag-law").get_text() == "1 kap. 1 § socialtjänstlagen (2025:400)"
    assert soup.select_one("code").get_text() == "[[fact:adults_caring]]"
    english = BeautifulSoup((result.site_dir / "en/guide/index.html").read_text(encoding="utf-8"), "lxml")
    # Not translated: the English build shows the Swedish page, with Swedish facts.
    assert "150\u00a0000 personer." in english.select_one("article").get_text(" ")
    assert english.select_one("a.ag-cite")["href"] == "../kallor/#natverket-strategi-bildspel"


# --- the real site ----------------------------------------------------------------


def _soup(site, path: str) -> BeautifulSoup:
    return BeautifulSoup((site.site_dir / path).read_text(encoding="utf-8"), "lxml")


def _assert_links_to_sources_entry(site, doc: DocPage, href: str, key: str) -> None:
    """The link leads to the Källor page of the page's own language, to the source's entry."""
    target = urlsplit(urljoin("http://site/" + doc.built, href))
    path = target.path.lstrip("/")
    expected = "kallor/" if doc.language == "sv" else f"{doc.language}/kallor/"
    assert path == expected, f"{doc.built}: {href} leads to /{path}, not /{expected}"
    entry = _soup(site, path + "index.html").find(id=target.fragment)
    assert entry is not None and entry.name == "h2" and target.fragment == key, f"{doc.built}: no entry #{key} on /{path}"


def _pages_using(kind: str) -> list[tuple[DocPage, list[str]]]:
    found = []
    for doc in doc_pages():
        keys = [m.argument for m in doc.markers if m.kind == kind]
        if keys:
            found.append((doc, keys))
    return found


def _block_of(element):
    return element.find_parent(["p", "li", "td", "th", "dd", "dt"])


def _text_after(element) -> str:
    """The block's own text after `element` (a nested list or box is another block)."""
    text = []
    for sibling in element.next_siblings:
        if getattr(sibling, "name", None) in ("ul", "ol", "dl", "div", "table", "details", "p"):
            break
        text.append(sibling.get_text() if hasattr(sibling, "get_text") else str(sibling))
    return "".join(text).strip()


def test_every_fact_shows_its_value_and_a_numbered_reference_at_the_end_of_its_block(site):
    """Changed on purpose (2026-11-27): no "(källa: ...)" inside the sentence any more."""
    facts = load_data("facts.yml")
    pages = _pages_using("fact")
    assert pages, "no page uses [[fact:]] yet"
    assert any("adults_caring" in keys for _, keys in pages)
    for doc, keys in pages:
        article = _soup(site, doc.built).select_one("article")
        easy_read = "lattlast/" in doc.built
        label = UI["citation_numbered"][doc.written_in].split("{number}")[0]
        for key in keys:
            value, source = facts[key][doc.written_in], facts[key]["source"]
            if easy_read:
                links = article.select(f".ag-sources-line a.ag-cite[href$='#{source}']")
                assert links and not article.select("a.ag-ref"), f"{doc.built}: [[fact:{key}]]'s source is not on the page's sources line"
            else:
                links = [
                    a
                    for a in article.select(f".ag-refs > a.ag-ref[href$='#{source}']")
                    if value.replace("\u00a0", " ") in _block_of(a).get_text().replace("\u00a0", " ")
                ]
                assert links, f"{doc.built}: [[fact:{key}]] is not shown as '{value}' with a reference to {source} at the end of its block"
                assert links[0]["aria-label"].startswith(label) and links[0].get_text().isdigit(), links[0]
                assert _text_after(links[0].parent) == "", f"{doc.built}: text follows the reference to {source}"
            _assert_links_to_sources_entry(site, doc, links[0]["href"], source)


def test_every_source_marker_is_a_citation_link_to_its_entry(site):
    pages = _pages_using("source")
    assert pages
    for doc, keys in pages:
        article = _soup(site, doc.built).select_one("article")
        for key in set(keys):
            links = article.select(f"a.ag-cite[href$='#{key}']")
            assert links, f"{doc.built}: [[source:{key}]] has no citation link"
            _assert_links_to_sources_entry(site, doc, links[0]["href"], key)


def test_every_law_reference_names_the_law_and_only_a_verified_provision(site):
    laws = load_data("law.yml")
    for doc, keys in _pages_using("law"):
        rendered = [a.get_text() for a in _soup(site, doc.built).select("article a.ag-law")]
        for key in keys:
            entry = laws[key]
            name = entry["law"][doc.written_in]
            assert any(name in text for text in rendered), f"{doc.built}: [[law:{key}]] not shown as {name!r}: {rendered}"
            provision = entry.get("provision")
            if provision and not isinstance(entry.get("verified"), dt.date):
                pytest.fail(f"{key}: an unverified provision reached the site")
            if not provision:
                assert name in rendered, f"{doc.built}: [[law:{key}]] shows more than the law's name: {rendered}"


def test_no_page_shows_a_raw_marker(site):
    for html in site.site_dir.rglob("*.html"):
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "lxml")
        article = soup.select_one("article")
        if article is None:
            continue
        for code in article.select("code, pre"):
            code.decompose()
        assert not re.search(r"\[\[[^\[\]\n]*\]\]", article.get_text()), html
