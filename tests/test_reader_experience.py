"""The guide as its readers meet it: who to call, boxes at body size, citations out of the
sentence, a strong title, light and dark, dates in words, one title, print, and the page
for organisations. Built HTML is parsed; the rest is measured in Chromium at 375 px (a
phone) and 1280 px (a laptop)."""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe
from bs4 import BeautifulSoup
from test_citations import _text_after  # the block's text after a reference: one definition
from dates_in_words_expected import expected as date_in_words
from docs_pages import DOCS, LANGUAGES, folder, load_data
from sitebuilder import REPO

sys.path.insert(0, str(REPO / "hooks"))
from anhorigguiden.guide_data import GuideError  # noqa: E402
from anhorigguiden.national_contacts import load as load_national_contacts  # noqa: E402
from anhorigguiden.references import Fact  # noqa: E402

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
WIDTHS = {"phone": {"width": 375, "height": 812}, "laptop": {"width": 1280, "height": 800}}
UI = load_data("ui.yml")
SITE_NAMES = {"sv": "Anhörigguiden", "en": "The Carers' Guide", "ar": "دليل مقدمي الرعاية", "fi": "Omaisopas"}


def _guide_pages() -> list[str]:
    """The start page and every guide page, in every language, as built paths."""
    names = sorted({path.name.split(".")[0] for path in (DOCS / "guider").glob("*.md")})
    pages = ["", *(f"guider/{name}/" if name != "index" else "guider/" for name in names)]
    return [folder(language) + page for language in LANGUAGES for page in pages]


GUIDE_PAGES = _guide_pages()


def _language_of(path: str) -> str:
    first = path.split("/", 1)[0]
    return first if first in LANGUAGES else LANGUAGES[0]


def _soup(site, path: str) -> BeautifulSoup:
    return BeautifulSoup((site.site_dir / path / "index.html").read_text(encoding="utf-8"), "lxml")


def _open(page_session, base_url: str, path: str, viewport: dict, **media):
    session = page_session(viewport=viewport)
    if media:
        session.page.emulate_media(**media)
    session.page.goto(base_url + path, wait_until="networkidle")
    return session


# --- who to call ---------------------------------------------------------------------


@pytest.mark.parametrize("path", GUIDE_PAGES)
def test_the_help_block_comes_before_the_first_section_with_112_and_1177_as_tel_links(site, path):
    article = _soup(site, path).select_one("article")
    help_block = article.select_one("section.ag-help")
    assert help_block is not None, f"{path}: no 'who to call' block"
    first_section = next((h2 for h2 in article.find_all("h2") if not h2.find_parent(class_="ag-help")), None)
    if first_section is not None:
        assert help_block in first_section.find_all_previous("section"), f"{path}: the block comes after the first section"
    numbers = {a["href"]: a.get_text(strip=True) for a in help_block.select("a[href^='tel:']")}
    assert numbers.get("tel:112") == "112" and numbers.get("tel:1177") == "1177", numbers
    assert all(re.fullmatch(r"tel:\+?\d+", href) for href in numbers), numbers
    language = _language_of(path)
    assert help_block.select_one(".ag-help__title").get_text(strip=True) == UI["help_title"][language]
    cited = {a["href"].rsplit("#", 1)[1] for a in help_block.select(".ag-help__sources a.ag-cite")}
    assert cited == {"sos-alarm-112", "vardguiden-1177"}
    assert help_block.select_one(".ag-help__sources").has_attr("data-ag-no-read")


def test_the_national_numbers_are_facts_with_recorded_sources():
    facts, sources = load_data("facts.yml"), load_data("sources.yml")
    for key, number, source in (("phone_emergency", "112", "sos-alarm-112"), ("phone_healthcare_advice", "1177", "vardguiden-1177")):
        assert facts[key]["source"] == source and facts[key]["sv"] == number
        entry = sources[source]
        assert entry["url"].startswith("https://") and entry["read"] == dt.date(2026, 11, 27)
        assert entry["check_again"] > entry["read"] and all(entry.get(f"kind_{lang}") for lang in ("en", "ar", "fi"))


def _national(tmp_path: Path, text: str):
    path = tmp_path / "national_contacts.yml"
    path.write_text(text, encoding="utf-8")
    facts = {"number_112": Fact("number_112", {"sv": "112", "en": "112"}, "sos"), "adults": Fact("adults", {"sv": "en miljon", "en": "a million"}, "nka")}
    return load_national_contacts(path, languages=("sv", "en"), facts=facts)


def test_a_mistake_in_national_contacts_names_file_entry_and_fix(tmp_path):
    with pytest.raises(GuideError) as error:
        _national(tmp_path, "- name: {sv: Larm}\n  when: {sv: Nu, en: Now}\n  number: '112'\n  colour: red\n- name: {sv: X, en: X}\n  when: {sv: Y, en: Y}\n  number: adults\n")
    message = str(error.value)
    assert message.startswith("data/national_contacts.yml: 4 problem(s)")
    assert "key 'entry 1.name.en'" in message and "key 'entry 1.colour': found an unknown field" in message
    assert "key 'entry 1.number': found '112' (text)" in message and "not the number itself" in message
    assert "key 'entry 2.number': found the fact 'adults', whose value is 'en miljon'" in message
    assert "See EDITING.md, section 'National contacts'." in message


def test_national_contacts_give_each_number_its_tel_link_and_source(tmp_path):
    contacts = _national(tmp_path, "- name: {sv: Larmnumret, en: Emergency number}\n  when: {sv: Nu, en: Now}\n  number: number_112\n")
    assert contacts[0].in_language("en") == {"name": "Emergency number", "when": "Now", "number": "112", "href": "tel:112", "source": "sos"}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", ["guider/kommunens-stod/", "ar/guider/vad-sager-lagen/", ""])
def test_the_numbers_are_on_the_first_screen(page_session, base_url, path, width):
    session = _open(page_session, base_url, path, WIDTHS[width])
    page = session.page
    for number in ("112", "1177"):
        link = page.locator(f".ag-help a[href='tel:{number}']")
        box = link.bounding_box()
        assert box is not None and box["y"] + box["height"] <= WIDTHS[width]["height"], f"{path} at {width}: {number} at {box}"
        assert box["height"] >= 44 and box["width"] >= 44, box  # a target easy to hit
    assert page.evaluate("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    assert session.console_errors == [] and session.external_requests == []


# --- boxes and titles --------------------------------------------------------------------

FONT_SIZE = "(selector) => parseFloat(getComputedStyle(document.querySelector(selector)).fontSize)"


@pytest.mark.parametrize("width", WIDTHS)
def test_boxes_are_at_body_size_and_the_urgent_box_larger(page_session, base_url, width):
    page = _open(page_session, base_url, "guider/nar-det-kanns-tungt/", WIDTHS[width]).page
    body = page.evaluate(FONT_SIZE, "article > p")
    assert body >= 18
    assert page.evaluate(FONT_SIZE, ".admonition.urgent p:not(.admonition-title)") >= 1.05 * body
    assert page.evaluate(FONT_SIZE, ".admonition.urgent .admonition-title") >= body
    page.goto(page.url.replace("nar-det-kanns-tungt", "ta-hand-om-dig-sjalv"), wait_until="networkidle")
    sizes = page.evaluate("() => [...document.querySelectorAll('article .admonition p')].map(p => parseFloat(getComputedStyle(p).fontSize))")
    assert sizes and min(sizes) >= page.evaluate(FONT_SIZE, "article > p"), sizes


CONTRAST = """(selector) => {
  const luminance = (rgb) => {
    const [r, g, b] = rgb.match(/[\\d.]+/g).slice(0, 3).map(Number).map(v => v / 255)
      .map(c => c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const element = document.querySelector(selector);
  let ground = element, background = 'rgba(0, 0, 0, 0)';
  while (ground && /rgba\\(0, 0, 0, 0\\)|transparent/.test(background)) {
    background = getComputedStyle(ground).backgroundColor; ground = ground.parentElement;
  }
  const [a, b] = [luminance(getComputedStyle(element).color), luminance(background)];
  return {weight: Number(getComputedStyle(element).fontWeight), ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)};
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_title_is_bold_with_strong_contrast(page_session, base_url, scheme):
    page = _open(page_session, base_url, "guider/vem-ar-anhorig/", WIDTHS["laptop"], color_scheme=scheme).page
    assert page.evaluate("() => document.body.dataset.mdColorScheme") == ("slate" if scheme == "dark" else "default")
    h1 = page.evaluate(CONTRAST, "article h1")
    assert h1["weight"] >= 700 and h1["ratio"] >= 7, h1
    assert page.evaluate(CONTRAST, "article > p")["ratio"] >= 7


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["", "guider/kommunens-stod/", "ar/guider/nar-det-kanns-tungt/", "fi/organisation/", "kallor/"])
def test_axe_finds_nothing_in_light_and_dark(page_session, base_url, path, scheme):
    page = _open(page_session, base_url, path, WIDTHS["laptop"], color_scheme=scheme).page
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    assert results.violations_count == 0, results.generate_report()


def test_axe_finds_nothing_on_a_phone_in_dark_mode(page_session, base_url):
    page = _open(page_session, base_url, "guider/hitta-stod/", WIDTHS["phone"], color_scheme="dark").page
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    assert results.violations_count == 0, results.generate_report()


def test_the_palette_toggle_speaks_the_readers_language(site):
    for language in LANGUAGES:
        labels = [tag["aria-label"] for tag in _soup(site, folder(language) + "guider").select("input[name='__palette'][aria-label]")]
        assert labels == [UI["palette_to_dark"][language], UI["palette_to_light"][language]], labels


def test_the_logo_stays_visible_in_forced_colours(page_session, base_url):
    page = _open(page_session, base_url, "guider/", WIDTHS["laptop"], forced_colors="active").page
    style = page.evaluate("() => { const s = getComputedStyle(document.querySelector('.md-header__button.md-logo img')); return [s.backgroundColor, s.forcedColorAdjust]; }")
    assert style == ["rgb(255, 255, 255)", "none"], style


# --- citations ---------------------------------------------------------------------------


def test_citations_never_stand_inside_a_sentence(site):
    checked = 0
    for html in sorted(site.site_dir.rglob("*.html")):
        article = BeautifulSoup(html.read_text(encoding="utf-8"), "lxml").select_one("article")
        if article is None:
            continue
        text = article.get_text(" ")
        assert not re.search(r"\((källa|source|lähde|المصدر):", text, re.IGNORECASE), f"{html}: an inline '(källa: ...)'"
        for refs in article.select(".ag-refs"):
            checked += 1
            assert refs.has_attr("data-ag-no-read"), html
            assert _text_after(refs) == "", f"{html}: text follows a reference: {refs.parent.get_text()[:120]!r}"
            hrefs = [a["href"] for a in refs.select("a.ag-ref")]
            assert len(hrefs) == len(set(hrefs)), f"{html}: the same source twice in one block"
            for link in refs.select("a.ag-ref"):
                assert re.fullmatch(r"\d+", link.get_text()), link
                assert re.fullmatch(r"\S+ " + link.get_text() + r": .+", link["aria-label"]), link["aria-label"]
        assert not article.select("a.ag-ref:not(.ag-refs a)"), f"{html}: a reference outside the block's end"
    assert checked > 50


def test_kommunens_stod_is_no_longer_a_field_of_links(site):
    """Before: 19 of 21 links in the text were glossary or citation links, each a word or
    phrase; now the citations are small numbers at the ends of paragraphs."""
    article = _soup(site, "guider/kommunens-stod").select_one("article")
    refs = article.select("a.ag-ref")
    assert refs and all(len(a.get_text()) <= 2 for a in refs)
    assert not [a for a in article.select("a.ag-cite") if a.get_text().lower().startswith("källa")]


def test_easy_to_read_pages_end_with_one_sources_line(site):
    for path in ("lattlast/kommunens-stod", "lattlast/vem-ar-anhorig"):
        article = _soup(site, path).select_one("article")
        assert not article.select("a.ag-ref")
        lines = article.select("p.ag-sources-line")
        assert len(lines) == 1 and lines[0].get_text().startswith("Källor: ") and lines[0].has_attr("data-ag-no-read")


# --- dates, title, footer ------------------------------------------------------------


def test_review_dates_are_in_words_in_every_language(site):
    for language in LANGUAGES:
        time = _soup(site, folder(language) + "guider").select_one(".ag-page-meta time")
        reviewed = dt.date.fromisoformat(time["datetime"])
        assert time.get_text(strip=True) == date_in_words(reviewed, language)
    assert date_in_words(dt.date(2026, 11, 22), "fi") == "22. marraskuuta 2026"


def test_the_start_page_title_is_the_site_name_once(site):
    for language in LANGUAGES:
        assert _soup(site, folder(language)).title.get_text() == SITE_NAMES[language]
    assert _soup(site, "guider/kommunens-stod").title.get_text() == "Vad kan kommunen göra för mig? - Anhörigguiden"


def test_guide_pages_have_no_previous_and_next_arrows_but_training_keeps_its_order(site):
    for path in ("guider/kommunens-stod", "en/guider/hitta-stod", "strategi"):
        assert not _soup(site, path).select(".md-footer__link"), path
    # Training is read in order: Material's arrows under utbildning/, the modules' own pager.
    assert _soup(site, "utbildning").select(".md-footer__link")
    assert _soup(site, "utbildning/chefer-och-beslutsfattare/samverkan").select(".ag-training-pager")


def test_deep_pages_have_breadcrumbs_with_their_own_name(site):
    crumbs = _soup(site, "guider/kommunens-stod").select_one("nav.md-path")
    assert crumbs["aria-label"] == UI["breadcrumbs"]["sv"]
    assert [a.get_text(strip=True) for a in crumbs.select("a")] == ["Anhörigguiden", "Guide för anhöriga"]


# --- print ------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["guider/hitta-stod/", "ar/guider/kommunens-stod/"])
def test_a_printout_says_where_it_comes_from_and_leaves_out_controls(page_session, base_url, path):
    page = _open(page_session, base_url, path, WIDTHS["laptop"]).page
    assert page.locator("[data-ag-print]").is_visible()  # shown by print-page.js
    page.emulate_media(media="print")
    language = _language_of(path)
    header = page.locator(".ag-print-header")
    assert header.is_visible()
    assert header.locator(".ag-print-header__site").inner_text() == SITE_NAMES[language]
    assert header.locator(".ag-print-header__address").inner_text().endswith("/" + path)
    date = page.locator(".ag-page-meta time")
    assert date.is_visible() and date.inner_text() == date_in_words(dt.date.fromisoformat(date.get_attribute("datetime")), language)
    for control in ("[data-ag-print]", ".ag-page-tools", ".md-path", ".md-footer", ".md-header"):
        assert page.locator(control).first.is_hidden(), control
    assert page.locator(".ag-help a[href='tel:112']").is_visible()  # the numbers are printed


def test_the_print_button_is_hidden_without_javascript(page_session, base_url):
    session = page_session(java_script_enabled=False)
    session.page.goto(base_url + "guider/hitta-stod/")
    assert session.page.locator("[data-ag-print]").count() == 1
    assert session.page.locator("[data-ag-print]").is_hidden()


def test_the_print_button_prints(page_session, base_url):
    session = page_session()
    page = session.page
    page.add_init_script("window.print = () => { window.__printed = (window.__printed || 0) + 1; };")
    page.goto(base_url + "guider/", wait_until="networkidle")
    page.get_by_role("button", name=UI["print_page"]["sv"]).click()
    assert page.evaluate("() => window.__printed") == 1


# --- organisations ---------------------------------------------------------------------


def test_the_page_for_organisations_exists_in_every_language_and_the_start_page_leads_there(site):
    for language in LANGUAGES:
        source = DOCS / "organisation" / ("index.md" if language == LANGUAGES[0] else f"index.{language}.md")
        meta = yaml.safe_load(source.read_text(encoding="utf-8").split("---")[1])
        article = _soup(site, folder(language) + "organisation").select_one("article")
        assert article.h1.get_text(strip=True) == meta["title"]
        assert meta["audience"] == ["organisation"]
        codes = {code.get_text() for code in article.select("code")}
        assert {"organisation.yml", "make serve", "git pull"} <= codes, codes
        start = _soup(site, folder(language)).select_one("article")
        assert start.select("a[href='organisation/']"), f"{language}: the start page does not lead to the organisation page"
        assert start.select("a[href='utbildning/']"), f"{language}: no way for staff to training"


def test_the_relatives_card_leads_only_to_the_guide_and_the_tools(site):
    """No staff material on the relatives' way: the guide and the relatives' own tools."""
    for language in LANGUAGES:
        card = _soup(site, folder(language)).select(".grid.cards > ul > li")[0]
        hrefs = [a["href"] for a in card.select("a") if "ag-term" not in (a.get("class") or [])]
        assert hrefs and all(href.startswith(("guider/", "verktyg/")) for href in hrefs), hrefs
        assert any(href.startswith("verktyg/nodplan") for href in hrefs), hrefs


# --- an organisation's copy -----------------------------------------------------------


def test_an_organisations_contacts_come_first_in_the_help_block():
    from org_site import example_site

    result = example_site()
    assert result.returncode == 0, result.output
    organisation = yaml.safe_load((REPO / "examples/exempelkommun/organisation.yml").read_text(encoding="utf-8"))
    soup = BeautifulSoup((result.site_dir / "guider/kommunens-stod/index.html").read_text(encoding="utf-8"), "lxml")
    help_block = soup.select_one("article section.ag-help")
    numbers = [a.get_text(strip=True) for a in help_block.select("a.ag-help__number")]
    local = [contact["phone"] for contact in organisation["contacts"] if contact.get("phone")]
    assert numbers == [*local, "112", "1177"], numbers
    assert all(a["href"].startswith("tel:+46") for a in help_block.select("a.ag-help__number")[: len(local)])
    assert organisation["organisation"] in help_block.select_one(".ag-help__group").get_text()
    # Its link colour is checked against white: the light scheme only, never the dark one.
    css = (result.site_dir / "assets/stylesheets/organisation.css").read_text(encoding="utf-8")
    assert re.search(r':root > \[data-md-color-scheme="default"\] \{[^}]*--md-typeset-a-color: ' + re.escape(organisation["colours"]["link"]), css)
