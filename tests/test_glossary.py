"""The glossary: matching terms, explaining them in pages (golden Markdown -> HTML), the
registry's checks, a tiny site per mistake, the real site's pages and Ordlista, and the
explanation reached by keyboard in Chromium."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import markdown
import pytest
from bs4 import BeautifulSoup
from docs_pages import LANGUAGES, doc_pages, folder, load_data
from mkdocs.exceptions import PluginError
from sitebuilder import REPO, build_tiny_site
from tiny_pages import sv_page

sys.path.insert(0, str(REPO / "hooks"))
from anhorigguiden.collation import sort_key  # noqa: E402
from anhorigguiden.glossary_terms import GlossaryExtension, PageContext, Term, TermMatcher, load_glossary  # noqa: E402
from anhorigguiden.site_languages import Languages  # noqa: E402

GLOSSARY = load_data("glossary.yml")
UI = load_data("ui.yml")
ORDLISTA = {language: folder(language) + "ordlista/index.html" for language in LANGUAGES}
TERMS = [
    Term("anhorig", "anhörig", ("anhöriga", "anhörigas"), "Du som hjälper någon."),
    Term("anhorigstod", "anhörigstöd", (), "Stöd till dig som anhörig."),
    Term("narstaende", "the person you care for", ("the person they care for",), "The one you help."),
]

# --- finding terms ------------------------------------------------------------------


def test_terms_match_whole_words_in_any_case_with_swedish_letters():
    matcher = TermMatcher(TERMS)
    match, term = matcher.find("Anhörigstöd är till för ANHÖRIGA.")
    assert (match.group(), term.key) == ("Anhörigstöd", "anhorigstod")  # not 'anhörig' inside it
    match, term = matcher.find("Anhörigstöd är till för ANHÖRIGA.", match.end())
    assert (match.group(), term.key) == ("ANHÖRIGA", "anhorig")
    assert matcher.find("anhörigskap och oanhörig") is None


def test_a_term_of_several_words_may_break_over_lines():
    match, term = TermMatcher(TERMS).find("Ask the person\nthey care for.")
    assert (match.group(), term.key) == ("the person\nthey care for", "narstaende")


# --- explaining terms in a page (golden Markdown -> HTML) --------------------------


def _convert(source: str, terms: list[Term] = TERMS) -> str:
    context = PageContext(TermMatcher(terms), "../ordlista.md")
    md = markdown.Markdown(extensions=["toc", "admonition", "attr_list", GlossaryExtension(context)])
    return md.convert(source)


def test_the_first_occurrence_in_running_text_becomes_a_link_with_the_definition():
    html = _convert("# Anhörig\n\nDu är anhörig. Alla anhöriga får anhörigstöd.")
    assert html == (
        '<h1 id="anhorig">Anhörig</h1>\n'
        '<p>Du är <a class="ag-term" href="../ordlista.md#anhorig" title="Du som hjälper någon.">anhörig</a>. '
        'Alla anhöriga får <a class="ag-term" href="../ordlista.md#anhorigstod" title="Stöd till dig som anhörig.">anhörigstöd</a>.</p>'
    )


def test_headings_links_code_and_admonition_titles_are_left_alone():
    source = '!!! tip "Anhörig"\n    Text.\n\n[anhörig](a.md) och `anhörig`.\n\n**Anhöriga** hjälper.'
    soup = BeautifulSoup(_convert(source), "lxml")
    links = soup.select("a.ag-term")
    assert [a.get_text() for a in links] == ["Anhöriga"]
    assert links[0].parent.name == "strong"
    assert soup.select_one(".admonition-title").get_text() == "Anhörig"
    assert soup.code.get_text() == "anhörig"


def test_the_context_serves_one_page_only():
    context = PageContext(TermMatcher(TERMS), "ordlista.md")
    md = markdown.Markdown(extensions=[GlossaryExtension(context)])
    assert "ag-term" in md.convert("anhörig")
    assert "ag-term" not in md.reset().convert("anhörig")  # the hook sets it again per page


# --- the registry -------------------------------------------------------------------

LANGS = Languages("sv", "sv", ("sv", "en"), ("sv", "en"))


def _load(tmp_path: Path, text: str):
    path = tmp_path / "glossary.yml"
    path.write_text(text, encoding="utf-8")
    return load_glossary(path, LANGS)


def test_a_word_defined_by_two_entries_fails_naming_both(tmp_path):
    text = (
        "anhorig:\n  sv: {term: anhörig, forms: [anhöriga], definition: A}\n  en: {term: carer, forms: [], definition: A}\n"
        "anhoriga:\n  sv: {term: Anhöriga, forms: [], definition: B}\n  en: {term: carers, forms: [], definition: B}\n"
    )
    with pytest.raises(PluginError) as raised:
        _load(tmp_path, text)
    message = str(raised.value)
    assert "key 'anhoriga.sv': found 'anhöriga', which 'anhorig.sv' already defines" in message
    assert "remove 'anhöriga' from 'anhoriga' or from 'anhorig'" in message
    assert "section 'Glossary'" in message


def test_a_missing_language_or_field_fails(tmp_path):
    with pytest.raises(PluginError) as raised:
        _load(tmp_path, "avlastning:\n  sv: {term: avlastning, definiton: x}\n")
    message = str(raised.value)
    for fragment in ("key 'avlastning.en'", "the language is missing", "key 'avlastning.sv.definiton'", "an unknown field", "key 'avlastning.sv.definition'"):
        assert fragment in message, message


def test_swedish_order_puts_a_ring_a_umlaut_o_umlaut_last():
    words = ["öl", "ål", "äpple", "zebra", "Åsa", "ekorre", "éclair"]
    assert sorted(words, key=lambda w: sort_key(w, "sv")) == ["éclair", "ekorre", "zebra", "ål", "Åsa", "äpple", "öl"]
    assert sorted(["zebra", "äpple"], key=lambda w: sort_key(w, "en")) == ["äpple", "zebra"]


# --- tiny sites ---------------------------------------------------------------------


def test_tiny_site_fails_on_a_term_defined_twice(tmp_path):
    glossary = (
        "kommun:\n  sv: {term: kommun, forms: [kommunen], definition: A}\n  en: {term: municipality, forms: [], definition: A}\n"
        "kommunen:\n  sv: {term: kommunen, forms: [], definition: B}\n  en: {term: the municipality, forms: [], definition: B}\n"
    )
    result = build_tiny_site(tmp_path, {"index.md": sv_page("Start")}, data={"glossary.yml": glossary})
    assert result.returncode != 0
    assert "Traceback" not in result.output
    for fragment in ("data/glossary.yml", "key 'kommunen.sv'", "found 'kommunen', which 'kommun.sv' already defines", "remove 'kommunen' from 'kommunen' or from 'kommun'", "section 'Glossary'"):
        assert fragment in result.output, result.output


def test_tiny_site_explains_a_term_and_lists_it_on_the_ordlista(tmp_path):
    result = build_tiny_site(tmp_path, {"index.md": sv_page("Start", "Du är anhörig. Du är anhörig igen.")})
    assert result.returncode == 0, result.output
    soup = BeautifulSoup((result.site_dir / "index.html").read_text(encoding="utf-8"), "lxml")
    [term] = soup.select("article a.ag-term")
    assert term["href"] == "ordlista/#anhorig" and term["title"] == GLOSSARY["anhorig"]["sv"]["definition"]
    ordlista = BeautifulSoup((result.site_dir / ORDLISTA["sv"]).read_text(encoding="utf-8"), "lxml")
    assert ordlista.find("h2", id="anhorig") is not None


# --- the real site ------------------------------------------------------------------


def _soup(site, path: str) -> BeautifulSoup:
    return BeautifulSoup((site.site_dir / path).read_text(encoding="utf-8"), "lxml")


def _swedish_order(word: str) -> str:
    # An independent statement of Swedish order: å, ä, ö after z ('{', '|', '}' follow 'z').
    return word.casefold().translate(str.maketrans({"å": "{", "ä": "|", "ö": "}", "é": "e"}))


def test_ordlista_lists_every_term_alphabetically_with_its_definition(site):
    for language, path in ORDLISTA.items():
        soup = _soup(site, path)
        assert soup.html["lang"] == language
        assert soup.select_one("article h1").get_text() == UI["glossary_page_title"][language]
        headings = soup.select("article h2[id]")
        assert sorted(h["id"] for h in headings) == sorted(GLOSSARY)
        terms = [h.get_text() for h in headings]
        order = _swedish_order if language in ("sv", "fi") else str.casefold  # Finnish: å ä ö last too
        assert terms == sorted(terms, key=order), terms
        for heading in headings:
            entry = GLOSSARY[heading["id"]][language]
            assert heading.get_text().casefold() == entry["term"].casefold()
            assert heading.find_next_sibling("p").get_text() == entry["definition"]


def _all_terms_pattern(language: str) -> tuple[re.Pattern, dict[str, str]]:
    by_word = {}
    for key, entry in GLOSSARY.items():
        for word in [entry[language]["term"], *(entry[language].get("forms") or [])]:
            by_word[" ".join(word.lower().split())] = key
    alternatives = "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(by_word, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE), by_word


def test_terms_in_running_text_are_explained_once_per_page(site):
    explained_somewhere = 0
    for doc in doc_pages():
        soup = _soup(site, doc.built)
        article = soup.select_one("article")
        ordlista = ORDLISTA[doc.language]
        terms = article.select("a.ag-term")
        keys = [urlsplit(a["href"]).fragment for a in terms]
        assert len(keys) == len(set(keys)), f"{doc.built}: a term explained twice: {keys}"
        for link in terms:
            key = urlsplit(link["href"]).fragment
            assert link["title"] == GLOSSARY[key][doc.written_in]["definition"], doc.built
            target = urlsplit(urljoin("http://site/" + doc.built, link["href"])).path.lstrip("/") + "index.html"
            assert target == ordlista, f"{doc.built}: {link['href']}"
            assert not link.find_parent(["h1", "h2", "h3", "h4", "h5", "h6", "code", "pre"]), doc.built
        explained_somewhere += len(terms)
        # Every term left in running text must have been explained earlier on the page. The
        # "who to call" block (.ag-help), the contacts box ([[contacts]], .ag-contacts, whose text
        # comes from data/ui.yml), the training paths' list (.ag-training-path, written from
        # data/paths/ by a template), the tools' forms and printed sheets (.ag-tool, .ag-sheet: labels from data/ui.yml) and
        # the printout's header are not the page's Markdown.
        for element in article.select("h1, h2, h3, h4, h5, h6, a, code, pre, .admonition-title, summary, script, style, .ag-page-meta, .ag-help, .ag-contacts, .ag-training-path, .ag-tool, .ag-sheet, .ag-print-header"):
            element.decompose()
        rest = article.get_text(" ")
        # All terms at once, the longest first, as the glossary reads text: "carer support"
        # is that term, not "carer" followed by "support".
        combined, by_word = _all_terms_pattern(doc.written_in)
        for match in combined.finditer(rest):
            key = by_word[" ".join(match.group().lower().split())]
            assert key in keys, f"{doc.built}: '{match.group()}' appears but is not explained"
    assert explained_somewhere > 0


# --- in Chromium ----------------------------------------------------------------


def _page_with_a_term(site) -> str:
    for doc in doc_pages():
        if doc.language == "sv" and _soup(site, doc.built).select_one("article a.ag-term"):
            return doc.built.removesuffix("index.html")
    pytest.fail("no page explains a term")


def _accessible_name(session, selector: str) -> str:
    """What Chromium gives assistive technology as the element's name."""
    cdp = session.context.new_cdp_session(session.page)
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    tree = cdp.send("Accessibility.getPartialAXTree", {"nodeId": node, "fetchRelatives": False})
    return next(n for n in tree["nodes"] if not n.get("ignored"))["name"]["value"]


# Changed on purpose (2026-11-27): with JavaScript a term is a button that opens its
# definition in place (tooltips.js), so a reader on a phone or a keyboard stays on the page;
# the link to the Ordlista entry is inside the opened definition.
@pytest.mark.parametrize("width", [1280, 320])
def test_a_term_is_reached_by_tab_and_its_definition_opens_in_place(site, page_session, base_url, width):
    path = _page_with_a_term(site)
    built = _soup(site, path + "index.html").select_one("article a.ag-term")
    definition, href = built["title"], built["href"]
    session = page_session(viewport={"width": width, "height": 800})
    session.page.goto(base_url + path, wait_until="networkidle")
    assert session.page.locator("article a.ag-term").count() == 0, "a term was left a link"
    for _ in range(80):
        session.page.keyboard.press("Tab")
        if session.page.evaluate("() => document.activeElement.matches('article button.ag-term')"):
            break
    else:
        pytest.fail("Tab never reached a glossary term")
    button = session.page.locator("article button.ag-term:focus")
    assert button.inner_text() == built.get_text()
    assert _accessible_name(session, "button.ag-term:focus") == built.get_text()
    assert session.page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle") != "none", "no visible focus outline"
    assert button.get_attribute("aria-expanded") == "false"
    box = session.page.locator("#" + button.get_attribute("aria-controls"))
    assert box.is_hidden()
    session.page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true" and box.is_visible()
    assert box.inner_text().startswith(definition)
    assert box.locator("a").get_attribute("href") == href  # the entry stays one step away
    assert session.page.url == base_url + path, "opening the definition left the page"
    widths = session.page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert widths[0] <= widths[1], f"the definition makes the page scroll sideways: {widths}"
    session.page.keyboard.press("Escape")
    assert box.is_hidden() and button.get_attribute("aria-expanded") == "false"
    assert session.page.evaluate("() => document.activeElement.matches('button.ag-term')"), "Escape moved the focus"
    assert session.console_errors == []
