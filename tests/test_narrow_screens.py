"""Phones, large text and 400 % zoom (narrow-screens.css), in Chromium on the real site: the
header's every control on the screen, whole, uncovered and working, and breadcrumbs that
wrap instead of running off the screen.

Larger text is set as a reader sets it: the browser's own text size (Chromium's setting,
through its DevTools protocol, Page.setFontSizes), 32 px instead of 16 px, which is 200 %.
Material's rem sizes and em breakpoints follow it, as they do for the reader. 320 CSS px at
100 % is WCAG 1.4.10's reflow width (a 1280 px screen zoomed to 400 %).
"""

from __future__ import annotations

from urllib.parse import urljoin

import pytest
from browser_checks import axe_results

SETTINGS = [
    pytest.param({"width": 375, "height": 812}, 32, id="375px-text200"),
    pytest.param({"width": 320, "height": 568}, 16, id="320px-text100"),
    pytest.param({"width": 320, "height": 568}, 32, id="320px-text200"),
]
PAGES = ["guider/kommunens-stod/", "ar/guider/"]
# Material slides and fades its lists and the search: measure once no transition runs.
SETTLED_MOTION = "() => document.getAnimations().every(a => a.playState !== 'running')"

# Each control the header shows: what it is, its box, and whether it is the element found
# at the middle of its box (not covered by another control or the title).
CONTROLS = """() => [...document.querySelectorAll('.md-header a[href], .md-header label[role=button], .md-header button')]
  .filter(e => e.checkVisibility({visibilityProperty: true}) && !e.closest('.md-select__inner, .md-search__inner'))
  .map(e => { const r = e.getBoundingClientRect();
    const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return {name: e.getAttribute('aria-label') || e.getAttribute('title') || e.textContent.trim(),
            left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, height: r.height,
            uncovered: !!top && (e.contains(top) || top.contains(e))}; })"""


def _open_with_text_size(page_session, viewport: dict, pixels: int, **options):
    page = page_session(viewport=viewport, **options).page
    devtools = page.context.new_cdp_session(page)
    devtools.send("Page.enable")
    devtools.send("Page.setFontSizes", {"fontSizes": {"standard": pixels, "fixed": pixels * 13 // 16}})
    return page


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize(("viewport", "pixels"), SETTINGS)
def test_every_header_control_is_on_screen_whole_and_uncovered(page_session, base_url, viewport, pixels, path):
    page = _open_with_text_size(page_session, viewport, pixels)
    page.goto(base_url + path)
    # The setting reached the page: Material's root size is 125 % of the reader's.
    assert page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)") == pixels * 1.25
    controls = page.evaluate(CONTROLS)
    # Home (the logo), menu, light/dark, language and search.
    assert len(controls) == 5, controls
    width = viewport["width"]
    outside = [c for c in controls if c["left"] < 0 or c["right"] > width + 0.5 or c["top"] < 0]
    assert outside == [], outside
    assert [c for c in controls if not c["uncovered"]] == [], controls
    # Each is a target a finger can hit: Material's 40 CSS px high at 100 % (the logo 32 px
    # wide, look.css), and at larger text at least 44 × 44 (the icons stop growing at 28 px;
    # the buttons stay this size).
    assert [c for c in controls if c["width"] < 32 or c["height"] < 40] == [], controls
    if pixels > 16:
        assert [c for c in controls if c["width"] < 44 or c["height"] < 44] == [], controls
    # Nothing in the header, not even the closed language list, makes the page scroll sideways.
    assert page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize(("viewport", "pixels"), SETTINGS)
def test_the_header_controls_work_at_large_text(page_session, base_url, viewport, pixels):
    page = _open_with_text_size(page_session, viewport, pixels)
    page.goto(base_url + "guider/kommunens-stod/")
    # The language list opens inside the screen.
    page.locator(".md-header .md-select button").click()
    page.wait_for_function(SETTLED_MOTION)
    links = page.evaluate(
        "() => [...document.querySelectorAll('.md-header .md-select__link')].map(e => { const r = e.getBoundingClientRect(); return [r.left, r.right]; })"
    )
    assert len(links) == 4 and all(left >= 0 and right <= viewport["width"] + 0.5 for left, right in links), links
    page.keyboard.press("Escape")
    page.mouse.click(1, viewport["height"] - 1)
    # The menu opens, and the search opens with its box ready for typing.
    page.locator(".md-header label[for=__drawer][role=button]").click()
    page.wait_for_function("document.getElementById('__drawer').checked")
    page.keyboard.press("Escape")
    page.wait_for_function("!document.getElementById('__drawer').checked")
    page.locator(".md-header label[for=__search][role=button]").click()
    page.wait_for_function("document.activeElement.matches('input.md-search__input')")
    page.wait_for_function(SETTLED_MOTION)  # the search slides in
    box = page.locator("input.md-search__input").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"] + 0.5, box


@pytest.mark.parametrize(("viewport", "pixels"), SETTINGS + [pytest.param({"width": 375, "height": 812}, 16, id="375px-text100")])
def test_breadcrumbs_wrap_inside_the_screen(page_session, base_url, viewport, pixels):
    page = _open_with_text_size(page_session, viewport, pixels)
    # A module's breadcrumbs end with its path's long name ("Se och stödja anhöriga i vardagen").
    page.goto(base_url + "utbildning/omsorgspersonal/se-anhoriga/")
    crumbs = page.evaluate(
        "() => [...document.querySelectorAll('.md-path__link')].map(e => { const r = e.getBoundingClientRect(); return {text: e.textContent.trim(), left: r.left, right: r.right}; })"
    )
    assert len(crumbs) >= 3, crumbs
    assert [c for c in crumbs if c["left"] < 0 or c["right"] > viewport["width"] + 0.5] == [], crumbs
    assert page.evaluate("() => { const p = document.querySelector('.md-path'); return p.scrollWidth <= p.clientWidth; }")


# The Swedish and Finnish names fit beside the five buttons at 375 px; the longer English
# and Arabic ones ("The Carers' Guide") still end in an ellipsis there.
@pytest.mark.parametrize(("folder", "site_name"), [("", "Anhörigguiden"), ("fi/", "Omaisopas")])
def test_the_site_name_is_shown_whole_in_the_phone_header(page_session, base_url, folder, site_name):
    page = _open_with_text_size(page_session, {"width": 375, "height": 812}, 16)
    page.goto(base_url + folder)
    name = page.locator(".md-header__topic:first-child .md-ellipsis")
    assert name.inner_text().strip() == site_name
    assert name.evaluate("e => e.scrollWidth <= e.clientWidth"), "the name is cut off with an ellipsis"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["ar/guider/sarskilt-boende/", "utbildning/omsorgspersonal/se-anhoriga/"])
def test_a_phone_page_at_large_text_passes_axe(page_session, base_url, scheme, path):
    # The smaller header buttons, the wrapped breadcrumbs and, on the Arabic page shown in
    # Swedish, the "who to call" block in Arabic: WCAG A and AA, in both colour schemes.
    page = _open_with_text_size(page_session, {"width": 375, "height": 812}, 32, color_scheme=scheme)
    page.goto(base_url + path)
    results = axe_results(page)
    assert results.violations_count == 0, results.generate_report()


# Every control a finger must hit on a phone, but links inside a sentence (WCAG 2.5.8
# exempts those: the sentence's line sets their height). Material's light/dark radio
# inputs are drawn by their labels, the buttons measured in the header test above.
SMALL_TARGETS = """() => [...document.querySelectorAll('a[href], button, label[role=button], input:not(.md-option), select, textarea, summary')]
  .filter(e => e.checkVisibility({visibilityProperty: true}))
  .filter(e => !(e.tagName === 'A' && e.closest('p, li, td, dd') && !e.closest('nav, .md-path, .md-footer')))
  .map(e => { const r = e.getBoundingClientRect();
    return {name: (e.getAttribute('aria-label') || e.textContent).trim().slice(0, 40), width: r.width, height: r.height}; })
  .filter(t => t.width < 24 || t.height < 24)"""


@pytest.mark.parametrize("path", ["", "guider/kommunens-stod/", "utbildning/omsorgspersonal/se-anhoriga/", "verktyg/nodplan/"])
def test_every_control_on_a_phone_is_a_target_of_24_px_or_more(page_session, base_url, path):
    page = _open_with_text_size(page_session, {"width": 375, "height": 812}, 16)
    page.goto(base_url + path)
    assert page.evaluate(SMALL_TARGETS) == []


def test_the_phone_menu_is_written_at_16_px_or_more(page_session, base_url):
    page = _open_with_text_size(page_session, {"width": 375, "height": 812}, 16)
    page.goto(base_url + "guider/kommunens-stod/")
    page.locator(".md-header label[for=__drawer][role=button]").click()
    page.wait_for_function(SETTLED_MOTION)
    sizes = page.evaluate(
        "() => [...document.querySelectorAll('.md-sidebar--primary a.md-nav__link')].filter(e => e.checkVisibility({visibilityProperty: true})).map(e => parseFloat(getComputedStyle(e).fontSize))"
    )
    assert len(sizes) > 10 and min(sizes) >= 16, sizes


@pytest.mark.parametrize("path", ["kallor/", "ar/kallor/"])
def test_a_section_row_in_the_phone_menu_is_all_link_and_arrow(page_session, base_url, path):
    # A row with an overview page ("Guide för anhöriga") holds its link and the arrow that
    # opens the section: Material padded the row around a 24 px link and a 20 px arrow, so a
    # tap on most of the row did nothing. Now the two fill the row's height, and a tap near
    # the row's top edge opens the overview.
    page = _open_with_text_size(page_session, {"width": 375, "height": 812}, 16)
    page.goto(base_url + path)
    page.locator(".md-header label[for=__drawer][role=button]").click()
    page.wait_for_function(SETTLED_MOTION)
    rows = page.evaluate(
        "() => [...document.querySelectorAll('.md-sidebar--primary .md-nav--primary > .md-nav__list > .md-nav__item > .md-nav__container')].map(row => {"
        " const box = e => e.getBoundingClientRect();"
        " return {row: box(row).height, link: box(row.querySelector('a')).height, arrow: box(row.querySelector('label')).height,"
        " arrowWidth: box(row.querySelector('label')).width, covered: box(row.querySelector('a')).width + box(row.querySelector('label')).width, width: box(row).width}; })"
    )
    assert len(rows) >= 5, rows
    for row in rows:
        assert row["link"] == row["row"] >= 44 and row["arrow"] == row["row"] and row["arrowWidth"] >= 44, row
        assert row["covered"] >= row["width"] - 12, row
    first = page.locator(".md-sidebar--primary .md-nav__container").first.bounding_box()
    page.mouse.click(first["x"] + first["width"] / 2, first["y"] + 2)
    page.wait_for_url(base_url + ("ar/" if path.startswith("ar/") else "") + "guider/")


def test_a_pruned_section_in_the_phone_menu_is_a_plain_link_without_the_section_arrow(page_session, base_url):
    # navigation.prune: on a guide page, each training path under "Utbildning" is one link
    # to its overview. The arrow that opens a section elsewhere in the menu is not drawn on
    # it, and the link leads to the overview, which lists the path's modules.
    page = _open_with_text_size(page_session, {"width": 375, "height": 812}, 16)
    page.goto(base_url + "guider/kommunens-stod/")
    pruned = page.evaluate(
        "() => [...document.querySelectorAll('.md-sidebar--primary .md-nav__item--pruned > a.md-nav__link')].map(a =>"
        " ({href: a.getAttribute('href'), arrows: [...a.querySelectorAll('.md-nav__icon')].filter(i => getComputedStyle(i).display !== 'none').length}))"
    )
    assert len(pruned) >= 3, pruned
    assert [item for item in pruned if item["arrows"]] == []
    page.goto(urljoin(page.url, next(item["href"] for item in pruned if "bistandshandlaggare" in item["href"])))
    assert page.url == base_url + "utbildning/bistandshandlaggare/"
    assert page.locator("article a[href*='anhorigas-egna-behov']").count() >= 1


@pytest.mark.parametrize("path", ["guider/kommunens-stod/", "ar/guider/"])
@pytest.mark.parametrize(("viewport", "pixels"), SETTINGS)
def test_the_open_phone_menu_fits_the_screen_and_a_tap_beside_it_closes_it(page_session, base_url, viewport, pixels, path):
    # Material's 12.1rem drawer was 484 px wide at 200 % text: the links' ends were cut off.
    page = _open_with_text_size(page_session, viewport, pixels)
    page.goto(base_url + path)
    page.locator(".md-header label[for=__drawer][role=button]").click()
    page.wait_for_function("document.getElementById('__drawer').checked")
    page.wait_for_function(SETTLED_MOTION)
    width = viewport["width"]
    drawer = page.locator(".md-sidebar--primary").bounding_box()
    assert drawer["x"] >= 0 and drawer["x"] + drawer["width"] <= width + 0.5, drawer
    links = page.evaluate(
        "() => [...document.querySelectorAll('.md-sidebar--primary a.md-nav__link')].filter(e => e.checkVisibility({visibilityProperty: true})).map(e => { const r = e.getBoundingClientRect(); return [r.left, r.right]; })"
    )
    assert len(links) > 5 and all(left >= 0 and right <= width + 0.5 for left, right in links), links
    # A strip of the page shows beside it; a tap there closes the menu.
    beside = drawer["x"] + drawer["width"] + 10 if drawer["x"] < 1 else drawer["x"] - 10
    assert 0 < beside < width, drawer
    page.mouse.click(beside, viewport["height"] / 2)
    page.wait_for_function("!document.getElementById('__drawer').checked")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("pixels", [16, 32], ids=["text100", "text200"])
def test_the_open_phone_menu_passes_axe(page_session, base_url, scheme, pixels):
    # The open section's name above its links was light grey on a grey band (under 4.5:1).
    page = _open_with_text_size(page_session, {"width": 375, "height": 812}, pixels, color_scheme=scheme)
    page.goto(base_url + "guider/kommunens-stod/")
    page.locator(".md-header label[for=__drawer][role=button]").click()
    page.wait_for_function("document.getElementById('__drawer').checked")
    results = axe_results(page)
    assert results.violations_count == 0, results.generate_report()
