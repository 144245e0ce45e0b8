"""Languages and translations (hooks/translations.py, hooks/page_tools.py): a page missing
in a built language fails the build unless it is marked, a marked page falls back to
Swedish with a notice, and on the real site every language switcher link leads to a built
page: the same page, in the other language or as that language's fallback."""

from __future__ import annotations

import sys
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
from bs4 import BeautifulSoup
from sitebuilder import REPO, build_tiny_site, page

sys.path.insert(0, str(REPO / "hooks"))
import translations  # noqa: E402

OTHER_LANGUAGES = ("en", "ar", "fi")
NAMES = {"sv": "Svenska", "en": "English", "ar": "العربية", "fi": "Suomi"}


def _front_matter(title: str, extra: str = "") -> str:
    """A page that is translated, unless `extra` marks it (sitebuilder.page() marks every
    language: a tiny site's pages are Swedish only unless a test says otherwise)."""
    return f"---\ntitle: {title}\ndescription: En sida för test.\naudience: [anhoriga]\nreviewed: 2026-11-22\nsources: []\n{extra}---\n\n# {title}\n\nText.\n"


START = {"index.md": page("Start")}


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def _assert_fails(result, *fragments: str) -> None:
    assert result.returncode != 0, result.output
    assert "Traceback" not in result.output
    for fragment in fragments:
        assert fragment in result.output, result.output
    assert "See EDITING.md, section 'Languages and translations'" in result.output


# --- unit -------------------------------------------------------------------------


def test_a_translation_lives_beside_its_page_with_the_language_before_md():
    assert translations.translation_path("guider/stod.md", "ar") == "guider/stod.ar.md"
    assert translations.translation_path("index.md", "fi") == "index.fi.md"


# --- tiny sites -------------------------------------------------------------------


def test_a_missing_translation_fails_naming_the_page_the_language_and_the_fix(tmp_path):
    pages = {**START, "a.md": _front_matter("A"), "a.en.md": page("A en"), "a.fi.md": page("A fi")}
    result = build_tiny_site(tmp_path, pages)
    _assert_fails(
        result,
        "a.md: 1 problem(s)",
        "key 'untranslated': found no 'ar' translation (docs/a.ar.md does not exist)",
        "write docs/a.ar.md",
        "add 'untranslated: [ar]' to the front matter of docs/a.md",
    )


def test_every_missing_translation_is_reported_at_once(tmp_path):
    pages = {**START, "a.md": _front_matter("A"), "b.md": _front_matter("B"), "b.en.md": page("B en")}
    result = build_tiny_site(tmp_path, pages)
    _assert_fails(result, "a.md: 3 problem(s)", "b.md: 2 problem(s)", "docs/a.en.md", "docs/b.ar.md", "docs/b.fi.md")


def test_a_marked_page_falls_back_to_swedish_with_a_notice_in_the_readers_language(tmp_path):
    pages = {**START, "a.md": _front_matter("Bara svenska", "untranslated: [en, ar, fi]\n")}
    result = build_tiny_site(tmp_path, pages)
    assert result.returncode == 0, result.output

    arabic = _soup(result.site_dir / "ar" / "a" / "index.html")
    assert arabic.html["lang"] == "ar" and arabic.body["dir"] == "rtl"  # the chrome stays Arabic
    content = arabic.select_one("article > div[lang]")
    assert (content["lang"], content["dir"]) == ("sv", "ltr")
    assert content.h1.get_text(strip=True) == "Bara svenska"
    notice = content.select_one(".ag-page-tools")
    assert (notice["lang"], notice["dir"]) == ("ar", "rtl")
    assert notice.select_one(".ag-page-tools__notice").get_text(strip=True) == (
        "هذه الصفحة غير متوفرة بلغتك بعد، لذلك تظهر باللغة السويدية."
    )

    english = _soup(result.site_dir / "en" / "a" / "index.html")
    assert english.select_one(".ag-page-tools__notice").get_text(strip=True) == (
        "This page is not available in your language yet, so it is shown in Swedish."
    )
    swedish = _soup(result.site_dir / "a" / "index.html")
    assert swedish.select_one(".ag-page-tools__notice") is None
    assert swedish.select_one("article > div[lang]") is None


def test_a_folder_can_mark_all_its_pages_in_meta_yml(tmp_path):
    pages = {**START, "mapp/.meta.yml": "untranslated: [en, ar, fi]\n", "mapp/a.md": _front_matter("A")}
    result = build_tiny_site(tmp_path, pages)
    assert result.returncode == 0, result.output
    assert _soup(result.site_dir / "fi" / "mapp" / "a" / "index.html").select_one(".ag-page-tools__notice") is not None


def test_a_marked_language_that_has_a_translation_fails(tmp_path):
    marked = _front_matter("A", "untranslated: [ar]\n")
    pages = {**START, "a.md": marked, "a.en.md": page("A en"), "a.ar.md": page("A ar"), "a.fi.md": page("A fi")}
    _assert_fails(build_tiny_site(tmp_path, pages), "a.md: 1 problem(s)", "key 'untranslated': found 'ar', but docs/a.ar.md exists", "remove 'ar' from 'untranslated:'")


def test_an_unknown_language_code_fails(tmp_path):
    marked = _front_matter("A", "untranslated: [de]\n")
    _assert_fails(build_tiny_site(tmp_path, {**START, "a.md": marked}), "a.md", "key 'untranslated': found 'de'", "codes of the site's other languages: en, ar, fi")


def test_the_switcher_on_a_fallback_page_leads_to_the_same_page_in_every_language(tmp_path):
    pages = {**START, "mapp/a.md": _front_matter("A", "untranslated: [ar, fi]\n"), "mapp/a.en.md": page("A en")}
    result = build_tiny_site(tmp_path, pages)
    assert result.returncode == 0, result.output
    links = {a["hreflang"]: a["href"] for a in _soup(result.site_dir / "ar" / "mapp" / "a" / "index.html").select(".md-select__link")}
    assert links == {"sv": "../../../mapp/a/", "en": "../../../en/mapp/a/", "ar": "./", "fi": "../../../fi/mapp/a/"}


# --- the real site ----------------------------------------------------------------


def _pages(site) -> list[str]:
    return sorted(
        html.relative_to(site.site_dir).as_posix()
        for html in site.site_dir.rglob("*.html")
        if not html.relative_to(site.site_dir).as_posix().startswith("assets/")
    )


def _language_of(path: str) -> str:
    first = path.split("/", 1)[0]
    return first if first in OTHER_LANGUAGES else "sv"


def _without_language(path: str) -> str:
    lang = _language_of(path)
    return path if lang == "sv" else path[len(lang) + 1 :]


def _built_file(site, url_path: str) -> Path:
    relative = url_path.lstrip("/")
    target = site.site_dir / relative
    return target / "index.html" if relative == "" or relative.endswith("/") else target


def test_every_switcher_link_on_every_page_leads_to_the_same_page_in_its_language(site):
    checked = 0
    for path in _pages(site):
        links = _soup(site.site_dir / path).select(".md-select__link[hreflang]")
        assert {a["hreflang"] for a in links} == set(NAMES), path
        for link in links:
            target = urlparse(urljoin(f"http://site/{path}", link["href"])).path
            built = _built_file(site, target)
            assert built.is_file(), f"{path}: the {link['hreflang']} link {link['href']} leads to no page"
            relative = built.relative_to(site.site_dir).as_posix()
            assert _language_of(relative) == link["hreflang"], f"{path}: {link['href']}"
            if path != "404.html":  # the 404 page links each language's start page
                assert _without_language(relative) == _without_language(path), f"{path}: {link['href']}"
            checked += 1
    assert checked >= 4 * 4 * 20


def test_the_switcher_names_each_language_in_that_language(site):
    for path in ("index.html", "ar/guider/index.html", "fi/strategi/index.html"):
        links = _soup(site.site_dir / path).select(".md-select__link[hreflang]")
        assert {a["hreflang"]: (a.get_text(strip=True), a["lang"]) for a in links} == {
            lang: (name, lang) for lang, name in NAMES.items()
        }, path


def test_arabic_pages_are_right_to_left_and_finnish_pages_left_to_right(site):
    for path in _pages(site):
        soup = _soup(site.site_dir / path)
        lang = _language_of(path)
        if path == "404.html":
            continue
        assert soup.html["lang"] == lang, path
        assert soup.body["dir"] == ("rtl" if lang == "ar" else "ltr"), path


@pytest.mark.parametrize("lang", ["ar", "fi"])
def test_the_guide_for_relatives_is_translated_and_other_pages_say_they_are_in_swedish(site, lang):
    names = [source.name.removesuffix(f".{lang}.md") for source in (REPO / "docs" / "guider").glob(f"*.{lang}.md")]
    translated = [f"{lang}/index.html"] + [f"{lang}/guider/" + ("" if name == "index" else f"{name}/") + "index.html" for name in names]
    # The pages that must be in every language: the guide's start page, its first ten pages,
    # the first four topics of part 2 (respite, money, work, secrecy) plus the urgent page, and
    # applying and appealing, the care home, when the relative dies and the carer's own health.
    # Later topic pages may be marked `untranslated` (they then show the Swedish text).
    required = {
        "index", "vad-kan-hjalpa-mig", "vem-ar-anhorig", "nar-det-kanns-tungt", "kommunens-stod",
        "vad-sager-lagen", "ta-hand-om-dig-sjalv", "stodja-din-narstaende", "hitta-stod", "barn-och-unga",
        "avlosning", "pengar", "arbete-och-ledighet", "sekretess-och-samtycke", "om-det-ar-akut",
        "ansoka-och-overklaga", "sarskilt-boende", "nar-din-narstaende-dor", "din-egen-halsa",
    }
    assert required <= set(names), sorted(required - set(names))
    for path in translated:
        soup = _soup(site.site_dir / path)
        assert soup.select_one(".ag-page-tools__notice") is None, path
        assert soup.select_one("article > div[lang]") is None, path
    for path in _pages(site):
        if not path.startswith(f"{lang}/"):
            continue
        soup = _soup(site.site_dir / path)
        notice = soup.select_one(".ag-page-tools__notice")
        wrapper = soup.select_one("article > div[lang]")
        assert (notice is None) == (wrapper is None), path
        if wrapper is not None:
            assert wrapper["lang"] == "sv" and notice.find_parent(attrs={"lang": lang}) is not None, path
    assert _soup(site.site_dir / lang / "lattlast" / "index.html").select_one(".ag-page-tools__notice") is not None


IN_SWEDISH_MARK = {"ar": "(بالسويدية)", "fi": "(ruotsiksi)"}


@pytest.mark.parametrize("lang", ["ar", "fi"])
def test_a_link_marked_as_swedish_leads_to_a_page_shown_in_swedish(site, lang):
    # An Arabic or Finnish page may warn that a link leads to Swedish text ("(ruotsiksi)").
    # Once that page is translated the warning is wrong and puts readers off: the target
    # must still carry the "not in your language yet" notice.
    for path in _pages(site):
        if _language_of(path) != lang:
            continue
        article = _soup(site.site_dir / path).select_one("article")
        if article is None:
            continue
        for link in article.select("a[href]"):
            after = link.next_sibling
            if not (isinstance(after, str) and after.strip().startswith(IN_SWEDISH_MARK[lang])):
                continue
            built = _built_file(site, urlparse(urljoin(f"http://site/{path}", link["href"])).path)
            assert built.is_file(), f"{path}: {link['href']} leads to no page"
            target = _soup(built)
            assert target.select_one(".ag-page-tools__notice") is not None, (
                f"{path}: the link {link['href']} is marked {IN_SWEDISH_MARK[lang]}, but that page "
                f"is translated into {lang}: remove the mark"
            )


# Pages whose menu, table of contents and footer are checked: a translated page and pages
# shown in Swedish (a strategy page, a training module with previous/next links), in each
# language whose site shows some pages in Swedish.
MARKED_SAMPLES = [
    "ar/guider/pengar/index.html",
    "ar/strategi/tidslinje/index.html",
    "fi/utbildning/chefer-och-beslutsfattare/samverkan/index.html",
    "en/guider/pengar/index.html",
    "en/utbildning/chefer-och-beslutsfattare/samverkan/index.html",
]


@pytest.mark.parametrize("path", MARKED_SAMPLES)
def test_a_page_title_in_another_language_is_marked_in_the_menu_and_the_footer(site, path):
    # WCAG 3.1.2: a Swedish page title in the Arabic menu is read with a Swedish voice. The
    # page a menu or footer link leads to says which it is: a page shown in Swedish carries
    # the "not in your language" notice.
    lang = _language_of(path)
    soup = _soup(site.site_dir / path)
    links = soup.select(".md-nav--primary a.md-nav__link[href]") + soup.select("a.md-footer__link[href]")
    swedish = 0
    for link in links:
        if link["href"].startswith("#"):
            continue
        title = link.select_one(".md-ellipsis")
        target = _built_file(site, urlparse(urljoin(f"http://site/{path}", link["href"])).path)
        if title is None or not target.is_file():
            continue
        shown_in_swedish = _soup(target).select_one(".ag-page-tools__notice") is not None
        if link.find_parent(class_="md-nav__container") is not None:
            continue  # a section's overview page, named with the section's translated name
        if shown_in_swedish:
            swedish += 1
            assert (title.get("lang"), title.get("dir")) == ("sv", "ltr"), (path, link["href"])
            assert not link.has_attr("aria-label"), (path, link["href"])  # named by its marked text
        else:
            assert not title.has_attr("lang"), (path, link["href"], lang)
    assert swedish >= 2, (path, swedish)


@pytest.mark.parametrize(("path", "marked"), [
    ("ar/utbildning/chefer-och-beslutsfattare/samverkan/index.html", ("sv", "ltr")),
    ("en/utbildning/chefer-och-beslutsfattare/samverkan/index.html", (None, None)),
    ("ar/strategi/tidslinje/index.html", (None, None)),  # "الاستراتيجية الوطنية", from nav_translations
])
def test_a_section_is_marked_only_when_its_name_is_in_another_language(site, path, marked):
    soup = _soup(site.site_dir / path)
    container = soup.select(".md-nav--primary .md-nav__item--active > .md-nav__container .md-ellipsis")[-1]
    assert (container.get("lang"), container.get("dir")) == marked, (path, container.get_text(strip=True))


@pytest.mark.parametrize("path", ["ar/strategi/tidslinje/index.html", "fi/utbildning/chefer-och-beslutsfattare/samverkan/index.html"])
def test_the_contents_of_a_page_shown_in_swedish_are_marked_swedish(site, path):
    entries = _soup(site.site_dir / path).select(".md-nav--secondary .md-ellipsis")
    assert len(entries) >= 2, path
    assert all((entry.get("lang"), entry.get("dir")) == ("sv", "ltr") for entry in entries), path
