"""Lättläst: the easy-to-read Swedish pages read at LIX 25 or below, and each is linked
from its guide page ('easy_read:') and back ('standard:'); a broken or one-way pair fails
the build (hooks/page_tools.py).

The text measured is what a reader reads in the built page's main column, as for the
klarspråk check (test_klarsprak.reader_text), without the block under the title
(the links and the read-aloud button: interface, not the page's prose). Each page's
figure is printed in the test summary (conftest.pytest_terminal_summary).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
from bs4 import BeautifulSoup
from conftest import site_pages
from readability import REPORT, measure
from sitebuilder import assert_build_fails, build_tiny_site, page
from test_klarsprak import reader_text

LATTLAST_MAX = 25
START_PAGES = {"index.md": page("Start")}  # Swedish only, as sitebuilder.page() marks it
# The easy-to-read pages of the tiny sites are Swedish only, as the real ones are.
ONLY_SWEDISH = "untranslated: [en, ar, fi]\n"


def lattlast_pages() -> list[str]:
    return [path for path in site_pages() if path.startswith("lattlast/")]


def _front_matter(title: str, extra: str = "") -> str:
    return f"---\ntitle: {title}\ndescription: En sida för test.\naudience: [anhoriga]\nreviewed: 2026-11-22\nsources: []\n{ONLY_SWEDISH}{extra}---\n\n# {title}\n\nText.\n"


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def _page_text(html: str) -> str:
    soup = BeautifulSoup(html, "lxml")
    for element in soup.select("[data-ag-no-read]"):
        element.decompose()
    return reader_text(str(soup))


def test_there_are_easy_to_read_pages():
    assert len(lattlast_pages()) >= 5


@pytest.mark.parametrize("path", lattlast_pages())
def test_an_easy_to_read_page_reads_at_lix_25_or_below(site, path):
    figures = measure(_page_text((site.site_dir / path / "index.html").read_text(encoding="utf-8")))
    REPORT.append((f"{path} (lättläst: at most {LATTLAST_MAX})", figures))
    assert figures.words >= 40, f"{path}: only {figures.words} words were measured"
    assert figures.lix <= LATTLAST_MAX, f"{path}: LIX {figures.lix:.1f} ({figures.words} words, {figures.sentences} sentences, {figures.long_words} long words)"


def _link(soup: BeautifulSoup, page_url: str) -> str | None:
    anchor = soup.select_one(".ag-page-tools__link a")
    return urlparse(urljoin(page_url, anchor["href"])).path if anchor else None


@pytest.mark.parametrize("path", [p for p in lattlast_pages() if p != "lattlast/"])
def test_an_easy_to_read_page_and_its_guide_page_link_to_each_other(site, path):
    here = f"http://site/{path}"
    easy = _soup(site.site_dir / path / "index.html")
    standard = _link(easy, here)
    assert standard is not None and standard.startswith("/guider/"), path
    guide = _soup(site.site_dir / standard.lstrip("/") / "index.html")
    anchor = guide.select_one(".ag-page-tools__link a")
    assert anchor.get_text(strip=True) == "Lättläst" and anchor["hreflang"] == "sv"
    assert _link(guide, f"http://site{standard}") == f"/{path}"
    # The link sits right after the title, where the skip link leads.
    assert guide.select_one("article h1").find_next_sibling().get("class") == ["ag-page-tools"]


def test_the_start_page_leads_to_the_easy_to_read_section(site):
    assert _link(_soup(site.site_dir / "index.html"), "http://site/") == "/lattlast/"


def test_an_english_reader_of_an_easy_to_read_page_is_led_to_the_english_guide_page(site):
    english = _soup(site.site_dir / "en/lattlast/vem-ar-anhorig/index.html")
    assert english.select_one(".ag-page-tools__link a").get_text(strip=True) == "Read the full page"
    assert _link(english, "http://site/en/lattlast/vem-ar-anhorig/") == "/en/guider/vem-ar-anhorig/"


# --- tiny sites: a broken or one-way pair stops the build ---------------------------


def test_a_pair_renders_both_links(tmp_path):
    pages = {
        **START_PAGES,
        "guide.md": _front_matter("Guide", "easy_read: lattlast.md\n"),
        "lattlast.md": _front_matter("Lätt", "standard: guide.md\n"),
    }
    result = build_tiny_site(tmp_path, pages)
    assert result.returncode == 0, result.output
    assert _soup(result.site_dir / "guide/index.html").select_one(".ag-page-tools__link a")["href"] == "../lattlast/"
    assert _soup(result.site_dir / "lattlast/index.html").select_one(".ag-page-tools__link a")["href"] == "../guide/"


def test_an_easy_read_path_to_no_page_fails(tmp_path):
    pages = {**START_PAGES, "guide.md": _front_matter("Guide", "easy_read: lattlast/finns-inte.md\n")}
    assert_build_fails(
        build_tiny_site(tmp_path, pages),
        "guide.md: 1 problem(s)",
        "key 'easy_read': found 'lattlast/finns-inte.md', which is not a page in docs/",
        "correct the path, or write the page first",
        "See EDITING.md, section 'Easy-to-read pages'",
    )


def test_a_pair_that_does_not_point_back_fails(tmp_path):
    pages = {**START_PAGES, "guide.md": _front_matter("Guide", "easy_read: lattlast.md\n"), "lattlast.md": _front_matter("Lätt")}
    assert_build_fails(
        build_tiny_site(tmp_path, pages),
        "guide.md: 1 problem(s)",
        "key 'easy_read': found 'lattlast.md', whose 'standard:' is missing",
        "add 'standard: guide.md' to the front matter of docs/lattlast.md",
    )


def test_an_easy_read_path_that_is_not_a_page_path_fails(tmp_path):
    pages = {**START_PAGES, "guide.md": _front_matter("Guide", "easy_read: /lattlast\n")}
    result = build_tiny_site(tmp_path, pages)
    assert result.returncode != 0
    assert "key 'easy_read': found '/lattlast' (text)" in result.output, result.output
    assert "See EDITING.md, section 'Front matter'" in result.output
