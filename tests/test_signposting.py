"""Signposting: the guide's index and the support finder lead to every guide page and tool,
in every language, and the finder works without JavaScript (the real site, built once).

The finder (guider/vad-kan-hjalpa-mig) is a page of in-page links: each answer is a link to a
section further down. Without JavaScript that works only if every such link has a target.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
from bs4 import BeautifulSoup

LANGUAGES = ["sv", "en", "ar", "fi"]
# Every guide page and tool a reader should be able to reach from the index and the finder.
LINKED_PAGES = [
    "guider/avlosning/",
    "guider/pengar/",
    "guider/arbete-och-ledighet/",
    "guider/sekretess-och-samtycke/",
    "guider/om-det-ar-akut/",
    "guider/ansoka-och-overklaga/",
    "guider/sarskilt-boende/",
    "guider/nar-din-narstaende-dor/",
    "guider/din-egen-halsa/",
    "verktyg/nodplan/",
    "verktyg/forbered-samtalet/",
]


def _prefix(language: str) -> str:
    return "" if language == "sv" else f"{language}/"


def _article(site_dir: Path, path: str, language: str):
    html = (site_dir / _prefix(language) / path / "index.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser").select_one("article")


def _targets(article, page_url: str, language: str) -> set[str]:
    """The site paths (without the language prefix) that the article's links lead to."""
    paths = set()
    for link in article.find_all("a", href=True):
        path = urlparse(urljoin(page_url, link["href"])).path.lstrip("/")
        prefix = _prefix(language)
        paths.add(path[len(prefix):] if prefix and path.startswith(prefix) else path)
    return paths


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("path", ["guider/", "guider/vad-kan-hjalpa-mig/"])
def test_the_index_and_the_finder_link_every_guide_page_and_tool(site, path, language):
    page_url = f"http://site/{_prefix(language)}{path}"
    linked = _targets(_article(site.site_dir, path, language), page_url, language)
    missing = [page for page in LINKED_PAGES if page not in linked]
    assert missing == [], f"{_prefix(language)}{path} does not link {missing}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_answer_in_the_finder_has_a_section_to_land_on(site, language):
    article = _article(site.site_dir, "guider/vad-kan-hjalpa-mig/", language)
    anchors = [link["href"][1:] for link in article.find_all("a", href=True) if link["href"].startswith("#")]
    assert len(anchors) >= 10
    ids = {element["id"] for element in article.find_all(id=True)}
    assert [anchor for anchor in anchors if anchor not in ids] == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_index_puts_the_emergency_number_before_the_list_of_pages(site, language):
    article = _article(site.site_dir, "guider/", language)
    urgent = article.select_one(".admonition.warning")
    assert urgent is not None and "112" in urgent.get_text()
    assert urgent.find("a", href=lambda href: href and "om-det-ar-akut" in href) is not None
    # The list of pages starts at the page's own first section heading (the "who to call"
    # block above it has a heading of its own, and 112 first too).
    first_heading = next(h2 for h2 in article.find_all("h2") if not h2.find_parent(class_="ag-help"))
    assert urgent in first_heading.find_all_previous(class_="admonition")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("path", ["guider/", "guider/vad-kan-hjalpa-mig/"])
def test_a_listed_guide_page_is_named_as_its_own_title_says(site, path, language):
    # The lists name each page (and tool) with its title, the words the menu and the page use:
    # a reader who chose "Hur får jag avlösning?" should not land on another question.
    page_url = f"http://site/{_prefix(language)}{path}"
    article = _article(site.site_dir, path, language)
    listed = [link for item in article.select("li") for link in item.find_all("a", href=True, recursive=False)]
    checked = 0
    for link in listed:
        target = urlparse(urljoin(page_url, link["href"])).path.lstrip("/")
        if not target.startswith((f"{_prefix(language)}guider/", f"{_prefix(language)}verktyg/")) or "#" in link["href"]:
            continue
        title = _article(site.site_dir, target[len(_prefix(language)):], language).h1.get_text(" ", strip=True)
        assert link.get_text(" ", strip=True) == title, f"{_prefix(language)}{path}: {link['href']}"
        checked += 1
    assert checked >= 8, (path, language, checked)
