"""The national strategy and the webinars, for staff and decision makers: the built pages
of docs/strategi/ and docs/webbinarier/ in every language (the real site, built once)."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
import yaml
from bs4 import BeautifulSoup
from sitebuilder import REPO

PAGES = [
    "strategi/",
    "strategi/tidslinje/",
    "strategi/anhorigas-behov/",
    "strategi/anhorigperspektivet/",
    "strategi/uppdragen/",
    "strategi/gora-redan-nu/",
    "webbinarier/",
    "webbinarier/kommunens-stod-till-anhoriga/",
]
LANGUAGES = ["sv", "en"]
FACTS = yaml.safe_load((REPO / "data" / "facts.yml").read_text(encoding="utf-8"))
ARTICLE_ADDRESS = "anhoriga.se/stod–utbildning/nationell-anhorigstrategi"


def _soup(site_dir: Path, path: str, language: str) -> BeautifulSoup:
    prefix = "" if language == "sv" else f"{language}/"
    return BeautifulSoup((site_dir / prefix / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def _article(site, path: str, language: str):
    return _soup(site.site_dir, path, language).select_one("article")


def _text(element) -> str:
    return re.sub(r"\s+", " ", element.get_text(" ")).strip()


def _shows_fact(text: str, key: str, language: str) -> bool:
    """The fact's value, as anhorigguiden/markdown/citations.py writes it in the page's language."""
    return FACTS[key][language] in text


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("path", PAGES)
def test_every_page_is_built_in_the_language_with_a_title_and_sections(site, path, language):
    soup = _soup(site.site_dir, path, language)
    assert soup.html["lang"] == language
    h1 = soup.select("article h1")
    assert len(h1) == 1 and h1[0].get_text(strip=True)
    assert soup.select("article h2"), "a page answers its question in sections"
    # The English page is the English text, not the Swedish fallback.
    title = h1[0].get_text(strip=True)
    swedish_title = _soup(site.site_dir, path, "sv").select_one("article h1").get_text(strip=True)
    assert (title == swedish_title) == (language == "sv")


@pytest.mark.parametrize(
    ("language", "section", "index", "pages"),
    [("sv", "Den nationella strategin", "strategi/", 5), ("en", "The national strategy", "strategi/", 5), ("sv", "Webbinarier", "webbinarier/", 1), ("en", "Webinars", "webbinarier/", 1)],
)
def test_both_sections_are_in_the_navigation(site, language, section, index, pages):
    nav = _soup(site.site_dir, "strategi/tidslinje/", language).select_one("nav.md-nav--primary")
    sections = {
        li.find(["a", "label"]).get_text(" ", strip=True): li
        for li in nav.select(":scope > ul > li.md-nav__item--section")
    }
    assert section in sections, list(sections)
    # navigation.indexes: the section's index page is its heading; the other pages are below it.
    heading_link = sections[section].select_one("a.md-nav__link")
    prefix = "" if language == "sv" else f"{language}/"
    assert urlparse(urljoin(f"http://site/{prefix}strategi/tidslinje/", heading_link["href"])).path == f"/{prefix}{index}"
    assert len(sections[section].select_one("nav > ul").find_all("li", recursive=False)) == pages


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_strategy_page_gives_both_decision_dates_with_their_sources(site, language):
    section = _article(site, "strategi/", language).select_one("h2#datum").find_next("ul")
    items = [_text(li) for li in section.find_all("li", recursive=False)]
    government = next(item for item in items if "S2022/02128" in item)
    network = next(item for item in items if "Nationella nätverket för anhörigstöd" in item)
    assert _shows_fact(government, "strategy_decision_date_government", language)
    assert _shows_fact(network, "strategy_decision_date_network", language)
    assert not _shows_fact(government, "strategy_decision_date_network", language)
    assert _article(site, "strategi/", language).select_one("h2#datum ~ .admonition.note") is not None


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_timeline_is_an_ordered_list_of_four_dated_steps(site, language):
    lists = _article(site, "strategi/tidslinje/", language).find_all("ol")
    assert len(lists) == 1
    steps = [_text(li) for li in lists[0].find_all("li", recursive=False)]
    assert len(steps) == 4
    starts = [
        ("nka_initiative_year",),
        ("groundwork_years",),
        ("April 2022",),
        ("report_due_date",),
    ]
    for step, (start,) in zip(steps, starts):
        if start in FACTS:
            assert step.startswith(FACTS[start][language]), step
        else:
            assert step.startswith(start), step
    assert _shows_fact(steps[2], "strategy_decision_date_government", language)
    assert _shows_fact(steps[2], "strategy_decision_date_network", language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_assignments_page_gives_both_reference_numbers_money_and_deadline(site, language):
    article = _article(site, "strategi/uppdragen/", language)
    text = _text(article)
    assert text.count("S2022/02128") >= 2 and text.count("S2022/02134") >= 3
    overview = article.select_one("h2#oversikt").find_next("dl")
    assert len(overview.find_all("dt")) == 3
    assert [("S2022/02128" in _text(dd)) for dd in overview.find_all("dd")] == [True, False, False]
    money = _text(article.select_one("h3#tid-och-pengar").find_next("ul"))
    for key in ("report_due_date", "assignment_budget_2022", "assignment_cost_2023"):
        assert _shows_fact(money, key, language), key
    for area in ("ledning och styrning", "kunskap och kompetens", "samverkan och samordning"):
        assert area in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_webinar_address_is_quoted_as_printed_and_not_made_a_link(site, language):
    article = _article(site, "webbinarier/", language)
    assert ARTICLE_ADDRESS in [code.get_text() for code in article.find_all("code")]
    assert [a["href"] for a in article.find_all("a", href=True) if "anhoriga.se" in a["href"]] == []
    links = [a["href"] for a in article.find_all("a", href=True)]
    assert "kommunens-stod-till-anhoriga/" in links


GUIDE_PAGES = ["vem-ar-anhorig", "kommunens-stod", "vad-sager-lagen", "nar-det-kanns-tungt", "ta-hand-om-dig-sjalv", "stodja-din-narstaende", "hitta-stod", "barn-och-unga"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_presentation_page_summarises_seven_chapters_each_linking_to_the_guide(site, language):
    article = _article(site, "webbinarier/kommunens-stod-till-anhoriga/", language)
    chapters = article.select_one("h2#delar").find_next("ol").find_all("li")
    assert len(chapters) == 7
    for chapter in chapters:
        target = chapter.a["href"].lstrip("#")
        heading = article.select_one(f"h2#{target}")
        assert heading is not None, target
        # Each chapter's section links on to a guide page on the same subject.
        section_links = []
        for sibling in heading.find_next_siblings():
            if sibling.name == "h2":
                break
            section_links += [a["href"] for a in sibling.find_all("a", href=True)]
        assert any("guider/" in href or "strategi/" in href for href in section_links), (target, section_links)
    hrefs = " ".join(a["href"] for a in article.find_all("a", href=True))
    for guide_page in GUIDE_PAGES:
        assert f"guider/{guide_page}/" in hrefs, guide_page
    warning = _text(article.select_one(".admonition"))
    assert "SFS 2025:400" in warning and _shows_fact(warning, "new_social_services_act_date", language)


def test_upstream_configures_no_video_so_the_presentation_page_has_none(site):
    for language in LANGUAGES:
        article = _article(site, "webbinarier/kommunens-stod-till-anhoriga/", language)
        assert article.find(["video", "track"]) is None


@pytest.mark.parametrize("folder", ["strategi", "webbinarier"])
def test_the_sections_are_for_staff_and_organisations(folder):
    meta = yaml.safe_load((REPO / "docs" / folder / ".meta.yml").read_text(encoding="utf-8"))
    assert meta["audience"] == ["personal", "organisation"]
