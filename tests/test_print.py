"""Printing: every page of the real site prints as text only, black on white, without
overflowing the sheet, with web addresses written out; and the whole-guide print version
(scripts/print_guide.py) holds every page of the navigation, in order, as HTML and PDF.
"""

from __future__ import annotations

import importlib.util
import re
import sys
import urllib.parse
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import site_pages
from mkdocs.utils.yaml import yaml_load
from sitebuilder import REPO

SCREEN_PARTS = [".md-header", ".md-tabs", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".md-search", ".md-top"]
# A4 less the print stylesheet's side margins (1.8 cm each), in CSS pixels.
PRINTABLE_WIDTH = round((21.0 - 2 * 1.8) / 2.54 * 96)


def _load_print_guide():
    spec = importlib.util.spec_from_file_location("print_guide", REPO / "scripts" / "print_guide.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["print_guide"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


print_guide = _load_print_guide()


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def _first_h1(soup: BeautifulSoup) -> str:
    heading = soup.select_one("article h1") or soup.find("h1")
    return " ".join(heading.get_text(" ", strip=True).split()) if heading else ""


# --- every page -------------------------------------------------------------------------


def test_every_page_prints_its_text_only_black_on_white(page_session, base_url, site):
    session = page_session(viewport={"width": PRINTABLE_WIDTH, "height": 1000})
    page = session.page
    page.emulate_media(media="print")
    problems = []
    pages = site_pages()
    assert len(pages) >= 10
    for path in pages:
        # Material's scripts wait for the stylesheets, so the print styles apply by now.
        page.goto(base_url + path, wait_until="domcontentloaded")
        state = page.evaluate(
            """([parts, width]) => {
                const shown = parts.filter(sel => [...document.querySelectorAll(sel)].some(el => el.getClientRects().length > 0));
                const article = document.querySelector('article');
                // Cut off on paper: a box outside the sheet, or text that overflows its box.
                const cut = [];
                for (const el of document.querySelectorAll('article *')) {
                    if (el.getClientRects().length === 0) continue;
                    const box = el.getBoundingClientRect();
                    const name = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '');
                    if (box.left < -1 || box.right > width + 1) cut.push(`${name} at ${Math.round(box.left)}..${Math.round(box.right)} px`);
                    else if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === 'visible')
                        cut.push(`${name} holds ${el.scrollWidth} px in ${el.clientWidth}`);
                }
                return {
                    shown,
                    cut,
                    color: article && getComputedStyle(article).color,
                    background: getComputedStyle(document.body).backgroundColor,
                };
            }""",
            [SCREEN_PARTS, PRINTABLE_WIDTH],
        )
        if state["shown"]:
            problems.append(f"{path}: prints {state['shown']}")
        if state["color"] != "rgb(0, 0, 0)" or state["background"] != "rgb(255, 255, 255)":
            problems.append(f"{path}: text {state['color']} on {state['background']}")
        if state["cut"]:
            problems.append(f"{path}: wider than the sheet ({PRINTABLE_WIDTH} px): {state['cut'][:3]}")
    assert problems == [], "\n".join(problems)
    assert session.console_errors == []


def test_a_printed_web_link_shows_its_address(page_session, base_url, site):
    # The first page whose text links to another site.
    for path in site_pages():
        built = site.site_dir / (path if path.endswith(".html") else path + "index.html")
        link = _soup(built).select_one("article a[href^='https://'], article a[href^='http://']")
        if link is not None:
            break
    else:
        pytest.fail("no page links to another site: nothing to check")
    session = page_session()
    session.page.goto(base_url + path)
    selector = f"article a[href='{link['href']}']"
    before = session.page.eval_on_selector(selector, "a => getComputedStyle(a, '::after').content")
    session.page.emulate_media(media="print")
    after = session.page.eval_on_selector(selector, "a => getComputedStyle(a, '::after').content")
    assert link["href"] not in before  # on screen, the link is enough
    assert link["href"] in after, after


# --- the whole-guide print version ------------------------------------------------------


def _pages_by_next_links(site_dir: Path, home: str) -> list[str]:
    """The navigation's order as Material's <link rel="next"> chain from the home page."""
    order, path = [], home
    while path and path not in order:
        order.append(path)
        following = _soup(site_dir / path).select_one("link[rel=next]")
        path = print_guide.resolve(path, following["href"])[0] if following else None
    return order


def _nav_files(items) -> list[str]:
    files = []
    for item in items:
        if isinstance(item, str):
            files.append(item)
        elif isinstance(item, dict):
            for value in item.values():
                files += _nav_files(value) if isinstance(value, list) else [value]
    return [file for file in files if file.endswith(".md")]


def _built_path(markdown: str) -> str:
    stem = markdown.removesuffix(".md")
    return f"{stem}.html" if stem.endswith("index") else f"{stem}/index.html"


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_print_version_holds_every_page_in_navigation_order(site, language):
    home = print_guide.languages_of(site.site_dir)[language]
    document = BeautifulSoup(print_guide.print_document(site.site_dir, home), "lxml")
    chapters = document.select("section.ag-print-chapter")
    printed = [_first_h1(chapter) for chapter in chapters]

    expected_pages = _pages_by_next_links(site.site_dir, home)
    expected = [_first_h1(_soup(site.site_dir / path)) for path in expected_pages]
    assert printed == expected

    # Every page that mkdocs.yml lists is in it, in mkdocs.yml's order.
    with open(REPO / "mkdocs.yml", encoding="utf-8") as handle:
        listed = _nav_files(yaml_load(handle)["nav"])
    folder = home.removesuffix("index.html")
    positions = [expected_pages.index(folder + _built_path(file)) for file in listed]
    assert positions == sorted(positions)

    assert document.html["lang"] == language
    contents = [a.get_text(strip=True) for a in document.select("nav.ag-print-contents li a")]
    assert contents == printed
    ids = {element["id"] for element in document.find_all(id=True)}
    assert len(ids) == len(document.find_all(id=True)), "an id is used twice"
    broken = [a["href"] for a in document.select("a[href^='#']") if a["href"][1:] not in ids]
    assert broken == [], broken[:10]
    relative = [a["href"] for a in document.find_all("a", href=True) if not urllib.parse.urlsplit(a["href"]).scheme and not a["href"].startswith("#")]
    assert relative == [], f"links that only work inside the site: {relative[:10]}"
    assert not document.find("script")


def test_make_print_writes_html_and_a_pdf_with_a_sheet_per_chapter(site, tmp_path, browser):
    assert print_guide.main(["--site", str(site.site_dir), "--out", str(tmp_path), "--language", "sv"], browser=browser) == 0
    html = tmp_path / "anhorigguiden-sv.html"
    pdf = (tmp_path / "anhorigguiden-sv.pdf").read_bytes()
    chapters = len(BeautifulSoup(html.read_text(encoding="utf-8"), "lxml").select("section.ag-print-chapter"))
    assert pdf.startswith(b"%PDF-")
    sheets = len(re.findall(rb"/Type\s*/Page\b", pdf))
    # The cover and contents, then each chapter on a sheet of its own.
    assert sheets >= chapters + 1, (sheets, chapters)


def test_make_print_refuses_a_folder_without_a_site(tmp_path, capsys):
    assert print_guide.main(["--site", str(tmp_path), "--out", str(tmp_path / "out")]) == 1
    assert "run `make build` first" in capsys.readouterr().err
