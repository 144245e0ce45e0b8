"""The real site's build and HTML: strict and quiet, languages, search split, metadata."""

from __future__ import annotations

import json
import re

from bs4 import BeautifulSoup
from sitebuilder import REPO


def _soup(site, path: str) -> BeautifulSoup:
    return BeautifulSoup((site.site_dir / path).read_text(encoding="utf-8"), "lxml")


def test_strict_build_has_no_warnings(site):
    assert site.warnings == []


def test_swedish_is_at_the_root_and_english_under_en(site):
    assert _soup(site, "index.html").html["lang"] == "sv"
    assert _soup(site, "en/index.html").html["lang"] == "en"


def test_arabic_is_under_ar_right_to_left_and_finnish_under_fi(site):
    arabic = _soup(site, "ar/index.html")
    assert arabic.html["lang"] == "ar" and arabic.body["dir"] == "rtl"
    finnish = _soup(site, "fi/index.html")
    assert finnish.html["lang"] == "fi" and finnish.body["dir"] == "ltr"


def test_every_page_has_the_language_of_its_folder(site):
    for html in site.site_dir.rglob("*.html"):
        relative = html.relative_to(site.site_dir).as_posix()
        if relative.startswith("assets/"):
            continue
        first = relative.split("/", 1)[0]
        expected = first if first in ("en", "ar", "fi") else "sv"
        assert BeautifulSoup(html.read_text(encoding="utf-8"), "lxml").html["lang"] == expected, relative


def test_sitemap_gives_hreflang_alternates_for_every_page(site):
    sitemap = BeautifulSoup((site.site_dir / "sitemap.xml").read_text(encoding="utf-8"), "xml")
    urls = sitemap.find_all("url")
    assert urls
    for url in urls:
        alternates = {link["hreflang"]: link["href"] for link in url.find_all("link")}
        assert set(alternates) == {"sv", "en", "ar", "fi"}, url.loc.text
    guide = next(url for url in urls if url.loc.text.endswith("/guider/"))
    assert {link["hreflang"]: link["href"] for link in guide.find_all("link")}["en"].endswith("/en/guider/")


def test_no_head_alternates_that_make_material_fetch_missing_sitemaps(site):
    assert _soup(site, "guider/index.html").select("head link[rel=alternate]") == []


def test_language_switcher_leads_to_the_same_page(site):
    switcher = _soup(site, "en/guider/index.html").select(".md-select__link[hreflang]")
    assert {a["hreflang"]: a["href"] for a in switcher} == {
        "sv": "../../guider/",
        "en": "./",
        "ar": "../../ar/guider/",
        "fi": "../../fi/guider/",
    }


def test_each_language_has_its_own_search_index(site):
    swedish = json.loads((site.site_dir / "search/search_index.json").read_text(encoding="utf-8"))
    english = json.loads((site.site_dir / "en/search/search_index.json").read_text(encoding="utf-8"))
    assert swedish["config"]["lang"] == ["sv"] and english["config"]["lang"] == ["en"]
    # Stop words only: a stemmed index finds nothing for whole words (see mkdocs.yml).
    assert swedish["config"]["pipeline"] == english["config"]["pipeline"] == ["stopWordFilter"]
    sv_titles = {doc["title"] for doc in swedish["docs"]}
    en_titles = {doc["title"] for doc in english["docs"]}
    assert "Anhörigguiden" in sv_titles and "Anhörigguiden" not in en_titles
    assert not any(doc["location"].startswith("en/") for doc in swedish["docs"])


def test_arabic_and_finnish_have_their_own_search_index_with_their_own_lunr_language(site):
    # Material's worker loads lunr.ar / lunr.fi (stemmer, stop words) for an index whose
    # config.lang names the language; both ship with Material 9.8.1.
    lunr = site.site_dir / "assets/javascripts/lunr/min"
    for lang, title in (("ar", "دليل مقدمي الرعاية"), ("fi", "Omaisopas")):
        index = json.loads((site.site_dir / lang / "search/search_index.json").read_text(encoding="utf-8"))
        assert index["config"]["lang"] == [lang]
        assert (lunr / f"lunr.{lang}.min.js").is_file()
        titles = {doc["title"] for doc in index["docs"]}
        assert title in titles and "Anhörigguiden" not in titles and "The Carers' Guide" not in titles
        assert not any(doc["location"].startswith(("en/", "ar/", "fi/")) for doc in index["docs"])


def test_a_page_that_falls_back_to_swedish_is_searched_for_in_swedish_only(site):
    # A page not yet translated is built into the other languages from its Swedish file,
    # with a notice. Its Swedish text is a result in the Swedish search only: no entry of
    # it, not even a section, is in the index of the language it falls back in.
    swedish = {doc["location"].split("#", 1)[0] for doc in json.loads((site.site_dir / "search/search_index.json").read_text(encoding="utf-8"))["docs"]}
    for lang in ("en", "ar", "fi"):
        folder = site.site_dir / lang
        fallbacks = {
            html.parent.relative_to(folder).as_posix() + "/"
            for html in folder.rglob("index.html")
            if 'class="ag-page-tools__notice"' in html.read_text(encoding="utf-8")
        }
        # e.g. the Swedish-only training modules (the certificates are searched for nowhere)
        assert len(fallbacks & swedish) >= 5, lang
        index = json.loads((folder / "search/search_index.json").read_text(encoding="utf-8"))
        located = {doc["location"].split("#", 1)[0] for doc in index["docs"]}
        assert not fallbacks & located, (lang, sorted(fallbacks & located)[:5])
        assert len(located) > 10, lang  # its own pages are there


def test_english_pages_load_the_english_index(site):
    config = json.loads(_soup(site, "en/guider/index.html").select_one("#__config").string)
    # The trailing slash matters: Material resolves "search/search_index.json" against it.
    assert config["base"] == "../../en/"
    for lang in ("ar", "fi"):
        config = json.loads(_soup(site, f"{lang}/guider/index.html").select_one("#__config").string)
        assert config["base"] == f"../../{lang}/"


def test_every_content_page_shows_its_review_date(site):
    # Each page shows the `reviewed:` date of the file it is built from.
    for path, source in (("index.html", "index.md"), ("guider/index.html", "guider/index.md"), ("en/guider/index.html", "guider/index.en.md")):
        reviewed = re.search(r"^reviewed: (\d{4}-\d{2}-\d{2})$", (REPO / "docs" / source).read_text(encoding="utf-8"), re.M)
        assert reviewed is not None, source
        time = _soup(site, path).select_one(".ag-page-meta time")
        assert time is not None and time["datetime"] == reviewed.group(1), path


def test_no_page_refers_to_another_host(site):
    for html in site.site_dir.rglob("*.html"):
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "lxml")
        for tag in soup.select("script[src], link[href], img[src], iframe[src]"):
            url = tag.get("src") or tag.get("href")
            if tag.name == "link" and "alternate" not in tag.get("rel", []) and "canonical" not in tag.get("rel", []):
                assert not url.startswith(("http:", "https:", "//")), f"{html}: {url}"
            if tag.name in ("script", "img", "iframe"):
                assert not url.startswith(("http:", "https:", "//")), f"{html}: {url}"
