"""The generated Källor page: every source, its details in the page's language, and the
pages that use it (from front matter and from markers), in both languages."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup
from dates_in_words_expected import expected
from docs_pages import DEFAULT, LANGUAGES, doc_pages, folder, load_data
from mkdocs.utils.yaml import yaml_load
from sitebuilder import REPO, build_tiny_site
from tiny_pages import sv_page

UI = load_data("ui.yml")
PAGES = {language: folder(language) + "kallor/index.html" for language in LANGUAGES}


def _soup(root, path: str) -> BeautifulSoup:
    return BeautifulSoup((root / path).read_text(encoding="utf-8"), "lxml")


def _language_of(built: str) -> str:
    first = built.split("/", 1)[0]
    return first if first in LANGUAGES and first != DEFAULT else DEFAULT


def _details(heading) -> dict[str, object]:
    """The definition list under a source's heading, as {label: <dd>}."""
    dl = heading.find_next_sibling("dl")
    assert dl is not None, heading
    return {dt_.get_text(strip=True): dt_.find_next_sibling("dd") for dt_ in dl.find_all("dt")}


def _used_on(root, language: str) -> dict[str, set[str]]:
    """{source key: built pages listed under it}, resolved from the links."""
    soup = _soup(root, PAGES[language])
    base = "http://site/" + PAGES[language]
    listed = {}
    for heading in soup.select("article h2[id]"):
        dd = _details(heading)[UI["sources_used_on"][language]]
        pages = set()
        for link in dd.select("a[href]"):
            path = urlsplit(urljoin(base, link["href"])).path.lstrip("/")
            pages.add(path + "index.html" if path.endswith("/") or path == "" else path)
        listed[heading["id"]] = pages
    return listed


def _expected_usage(language: str) -> dict[str, set[str]]:
    """From the authors' files: front matter `sources:` and the markers' sources."""
    facts, laws = load_data("facts.yml"), load_data("law.yml")
    expected: dict[str, set[str]] = {}
    for doc in doc_pages():
        if doc.language != language:
            continue
        keys = set(doc.front_matter.get("sources") or [])
        for marker in doc.markers:
            if marker.kind == "source":
                keys.add(marker.argument)
            elif marker.kind == "fact":
                keys.add(facts[marker.argument]["source"])
            elif marker.kind == "law":
                keys.add(laws[marker.argument]["source"])
        for key in keys:
            expected.setdefault(key, set()).add(doc.built)
    return expected


# --- the real site ----------------------------------------------------------------


def test_sources_page_lists_every_source_with_its_key_as_anchor_in_both_languages(site):
    sources = load_data("sources.yml")
    for language, path in PAGES.items():
        soup = _soup(site.site_dir, path)
        assert soup.html["lang"] == language
        assert soup.select_one("article h1").get_text() == UI["sources_page_title"][language]
        ids = [h2["id"] for h2 in soup.select("article h2[id]")]
        assert sorted(ids) == sorted(sources), path
        for key, source in sources.items():
            heading = soup.find("h2", id=key)
            assert heading.get_text(strip=True) == source["title"]
            details = _details(heading)
            label = lambda name: UI[f"sources_{name}"][language]  # noqa: E731
            assert details[label("publisher")].get_text(strip=True) == source["publisher"]
            kind = source["kind"] if language == DEFAULT else source[f"kind_{language}"]
            assert details[label("kind")].get_text(strip=True) == kind
            assert (label("date") in details) == ("date" in source)
            if "date" in source:
                # In words since 2026-11-27 (hooks/dates_in_words.py): "13 april 2022", "13 April 2022".
                assert details[label("date")].get_text(strip=True) == expected(source["date"], language)
            assert (label("reference") in details) == ("reference" in source)
            assert (label("url") in details) == bool(source.get("url"))
            if source.get("note"):
                note = source["note"] if language == DEFAULT else source[f"note_{language}"]
                assert details[label("note")].get_text(strip=True) == note
            if source.get("cited_in"):
                link = details[label("cited_in")].select_one("a")
                assert link["href"] == f"#{source['cited_in']}"


def test_a_title_in_another_language_than_the_page_is_marked_with_its_language(site):
    # WCAG 3.1.2: a screen reader reads a Swedish source title on the English or Arabic
    # Källor page, and an English one on the Swedish page, with the title's own voice; a
    # page listed under a source and shown in Swedish in another site's build is marked too.
    sources = load_data("sources.yml")
    for language, path in PAGES.items():
        soup = _soup(site.site_dir, path)
        for key, source in sources.items():
            heading = soup.find("h2", id=key)
            written_in = source.get("language", DEFAULT)
            assert heading.get("lang") == (None if written_in == language else written_in), (path, key)
            assert heading.get("dir") == (None if written_in == language else "ltr"), (path, key)
            # ...and its entry in the table of contents, the same way.
            entry = soup.select_one(f'nav.md-nav--secondary a[href="#{key}"] > span')
            assert (entry.get("lang"), entry.get("dir")) == (heading.get("lang"), heading.get("dir")), (path, key)
    # On the Arabic page a publisher that starts with a number keeps its order (<bdi>), and a
    # web address reads left to right.
    arabic = _soup(site.site_dir, PAGES["ar"])
    for key, source in sources.items():
        details = _details(arabic.find("h2", id=key))
        assert details[UI["sources_publisher"]["ar"]].select_one("bdi").get_text() == source["publisher"]
        if source.get("url"):
            assert details[UI["sources_url"]["ar"]].select_one("a")["dir"] == "ltr"
    english = _soup(site.site_dir, PAGES["en"])
    used_on = _details(english.find("h2", id="nka-mer-stod"))[UI["sources_used_on"]["en"]]
    marks = {link["href"]: link.get("lang") for link in used_on.select("a")}
    easy_read = {href: mark for href, mark in marks.items() if href.startswith("../lattlast/")}
    assert easy_read and set(easy_read.values()) == {"sv"}, marks  # easy-to-read pages are Swedish only


def test_each_source_lists_the_pages_that_use_it_in_the_same_language(site):
    docs_built = {doc.built for doc in doc_pages()}
    for language in PAGES:
        listed = _used_on(site.site_dir, language)
        expected = _expected_usage(language)
        for key, pages in listed.items():
            assert all(_language_of(p) == language for p in pages), (key, pages)
            # Pages that hooks generate (an organisation's own pages) may cite too; the
            # authored ones must match what their files say exactly.
            assert pages & docs_built == expected.get(key, set()), f"{language} {key}"
            for built in pages:
                assert (site.site_dir / built).exists(), built
        assert expected, "no page uses a source yet"


def test_the_page_using_adults_caring_is_listed_under_its_source(site):
    source = load_data("facts.yml")["adults_caring"]["source"]
    users = {doc.built for doc in doc_pages() if doc.language == "sv" and any(m.text == "[[fact:adults_caring]]" for m in doc.markers)}
    assert users, "no Swedish page uses [[fact:adults_caring]]"
    assert users <= _used_on(site.site_dir, "sv")[source]


def test_sources_page_switches_language_to_its_translation_and_shows_its_review_date(site):
    for language, path in PAGES.items():
        soup = _soup(site.site_dir, path)
        switcher = {a["hreflang"]: a["href"] for a in soup.select(".md-select__link[hreflang]")}
        assert set(switcher) == set(LANGUAGES), path
        for other, href in switcher.items():
            target = urlsplit(urljoin("http://site/" + path, href)).path.lstrip("/") + "index.html"
            assert target == PAGES[other], f"{path}: the {other} link {href} leads to {target}"
    with open(REPO / "mkdocs.yml", encoding="utf-8") as handle:
        reviewed = yaml_load(handle)["extra"]["sources_reviewed"]
    assert isinstance(reviewed, dt.date)
    for path in PAGES.values():
        assert _soup(site.site_dir, path).select_one(".ag-page-meta time")["datetime"] == reviewed.isoformat()


def test_sources_page_is_in_the_navigation(site):
    nav_links = [a["href"] for a in _soup(site.site_dir, "index.html").select("nav.md-nav--primary a[href]")]
    assert "kallor/" in nav_links


# --- a tiny site ------------------------------------------------------------------


def test_tiny_site_lists_pages_by_front_matter_fact_and_law_and_marks_unused_sources(tmp_path):
    pages = {
        "index.md": sv_page("Start"),
        # A title with what HTML and Markdown would read as markup: shown as written.
        "a.md": sv_page("'Stöd & \"råd\" *nu* för 1 000'", sources="nka-mer-stod"),
        "b.md": sv_page("Sida B", "Hela [[fact:reduced_working_hours]] personer."),
        "c.md": sv_page("Sida C", "Det står i [[law:social_services_act_carer_support]]."),
    }
    result = build_tiny_site(tmp_path, pages)
    assert result.returncode == 0, result.output
    listed = _used_on(result.site_dir, "sv")
    assert listed["nka-mer-stod"] == {"a/index.html"}
    soup = _soup(result.site_dir, PAGES["sv"])
    used_on = _details(soup.find("h2", id="nka-mer-stod"))[UI["sources_used_on"]["sv"]]
    assert [link.get_text() for link in used_on.select("a")] == ["Stöd & \"råd\" *nu* för 1\u00a0000"]
    assert listed["natverket-strategi-bildspel"] == {"b/index.html"}
    assert listed["sfs-2025-400"] == {"c/index.html"}
    unused = _details(_soup(result.site_dir, PAGES["sv"]).find("h2", id="socialstyrelsen-underlag"))
    assert unused[UI["sources_used_on"]["sv"]].get_text(strip=True) == UI["sources_unused"]["sv"]
    # The English build falls back to the Swedish pages, and lists them under /en/.
    assert _used_on(result.site_dir, "en")["nka-mer-stod"] == {"en/a/index.html"}


def test_missing_review_date_of_the_sources_page_fails(tmp_path):
    result = build_tiny_site(tmp_path, {"index.md": sv_page("Start")}, config={"extra": {"sources_reviewed": "snart"}})
    assert result.returncode != 0
    assert "Traceback" not in result.output
    for fragment in ("mkdocs.yml", "key 'extra.sources_reviewed'", "'snart' (text)", "set 'sources_reviewed:' under 'extra:'", "section 'Sources'"):
        assert fragment in result.output, result.output


def test_the_sources_page_is_not_written_before_every_other_page_is_read():
    import sys
    from types import SimpleNamespace

    import pytest
    from mkdocs.exceptions import PluginError

    sys.path.insert(0, str(REPO / "hooks"))
    import sources_page
    from anhorigguiden.references import References

    kallor = SimpleNamespace(src_uri="kallor.md", page=object())
    unread = SimpleNamespace(src_uri="guider/a.md", page=object())
    sources_page._references, sources_page._file = References({}, {}, {}), kallor
    sources_page._read.clear()
    files = SimpleNamespace(documentation_pages=lambda: [kallor, unread])
    page = SimpleNamespace(file=kallor, meta={"title": "Källor"})
    with pytest.raises(PluginError, match=r"written before guider/a.md had been read"):
        sources_page.on_page_markdown("", page=page, config=None, files=files)


def test_the_headings_marked_with_a_language_are_found_for_the_table_of_contents():
    from anhorigguiden.text_direction import heading_languages

    html = (
        '<h1 id="kallor">Sources</h1>\n<h2 dir="ltr" id="a" lang="sv">Sorg</h2>\n'
        '<h2 id="b">Stress</h2>\n<p lang="sv">Inte en rubrik</p>\n<h3 lang="en" id="c">Care</h3>'
    )
    assert heading_languages(html) == {"a": {"lang": "sv", "dir": "ltr"}, "c": {"lang": "en", "dir": ""}}


def test_each_source_s_details_take_the_place_of_its_placeholder_and_a_lost_one_fails():
    import sys

    import pytest
    from mkdocs.exceptions import PluginError

    sys.path.insert(0, str(REPO / "hooks"))
    from sources_page import fill_details

    html = '<h2 id="a">A</h2>\n<!-- ag-source-details a -->\n<h2 id="b">B</h2>\n<!-- ag-source-details b -->'
    filled = fill_details(html, {"a": "<dl><dt>Utgivare</dt><dd>A</dd></dl>", "b": "<dl><dt>Utgivare</dt><dd>B</dd></dl>"})
    assert filled == '<h2 id="a">A</h2>\n<dl><dt>Utgivare</dt><dd>A</dd></dl>\n<h2 id="b">B</h2>\n<dl><dt>Utgivare</dt><dd>B</dd></dl>'
    with pytest.raises(PluginError, match="the details of b were not placed"):
        fill_details('<h2 id="a">A</h2>\n<!-- ag-source-details a -->', {"a": "<dl></dl>", "b": "<dl></dl>"})
