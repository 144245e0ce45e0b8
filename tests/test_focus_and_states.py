"""Focus rings and button states that a user walk in Chromium found wanting, measured from
computed styles on the real site as built: primary buttons in every state and both colour
schemes, the focus ring on the header's colour, the phone menu opened with a tap or with
the keyboard, and the logo in the phone menu's title bar.

A button's states are forced through Chromium's DevTools protocol (CSS.forcePseudoState),
one at a time and as a pressed mouse button gives them together: a real hover or focus can
only show some of them (a keyboard cannot press without focusing, a link to tel:112 cannot
be clicked in a test). Colours are read once Material's 125 ms colour fade has ended.
"""

from __future__ import annotations

import pytest
from browser_checks import wait_until_still
from test_search_and_keyboard import CONTRAST

PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1280, "height": 800}

# --- Primary buttons: legible in every state, light and dark ------------------------------

PRIMARY_BUTTONS = [
    ("guider/om-det-ar-akut/", "a.md-button--primary[href='tel:112']"),  # "Ring 112"
    ("ar/guider/om-det-ar-akut/", "a.md-button--primary[href='tel:112']"),
    ("utbildning/omsorgspersonal/se-anhoriga/", "button.md-button--primary[data-ag-answer]"),  # "Svara"
    ("ar/utbildning/chefer-och-beslutsfattare/samverkan/", "button.md-button--primary[data-ag-answer]"),
    ("verktyg/nodplan/", "button.md-button--primary[data-ag-save]"),  # "Spara"
    ("ar/verktyg/nodplan/", "button.md-button--primary[data-ag-save]"),
]
STATES = {
    "normal": [],
    "hover": ["hover"],
    "focus": ["focus"],  # focused by a click or a script: no ring
    "focus-visible": ["focus", "focus-visible"],  # focused from the keyboard
    "active": ["active"],
    "pressed": ["hover", "focus", "active"],  # the mouse button held down on it
}
BUTTON = "selector => {" + CONTRAST + """
  const e = document.querySelector(selector); const s = getComputedStyle(e);
  return {label: e.textContent.trim(), color: s.color, background: s.backgroundColor,
          text: contrast(s.color, backgroundOf(e)),
          ring: s.outlineStyle === 'none' ? null : contrast(s.outlineColor, backgroundOf(e.parentElement))}; }"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("path", "selector"), PRIMARY_BUTTONS, ids=[path for path, _ in PRIMARY_BUTTONS])
def test_primary_buttons_are_legible_in_every_state(page_session, base_url, path, selector, scheme):
    # In the dark scheme Material filled a focused or hovered primary button with the light
    # accent (#c6e1ff) and kept its white text: 1.34:1.
    page = page_session(viewport=DESKTOP, color_scheme=scheme).page
    page.goto(base_url + path)
    devtools = page.context.new_cdp_session(page)
    devtools.send("DOM.enable")
    devtools.send("CSS.enable")
    root = devtools.send("DOM.getDocument")["root"]["nodeId"]
    node = devtools.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    assert node, selector
    measured = {}
    for state, pseudo_classes in STATES.items():
        devtools.send("CSS.forcePseudoState", {"nodeId": node, "forcedPseudoClasses": pseudo_classes})
        wait_until_still(page)
        measured[state] = page.evaluate(BUTTON, selector)
    assert measured["normal"]["label"], measured
    # The states were applied: Material fills a hovered or focused button with the accent.
    assert measured["hover"]["background"] != measured["normal"]["background"], measured
    for state, m in measured.items():
        assert m["text"] >= 4.5, (state, m)
    assert measured["focus-visible"]["ring"] is not None and measured["focus-visible"]["ring"] >= 3, measured


# --- The focus ring on the header's colour ------------------------------------------------

# Where the focus is, its ring, and the colour the ring is drawn on: what lies around the
# control (its parent's background; the controls themselves are transparent).
RING = "() => {" + CONTRAST + """
  const e = document.activeElement; const s = getComputedStyle(e);
  const around = backgroundOf(e.parentElement);
  return {name: e.getAttribute('aria-label') || e.getAttribute('title') || e.className,
          inHeaderBar: !!e.closest('.md-header') && !e.closest('.md-select__inner, .md-search__output'),
          inDrawerTitle: !!e.closest('.md-nav--primary > .md-nav__title[for="__drawer"]'),
          focusVisible: e.matches(':focus-visible'), style: s.outlineStyle, width: parseFloat(s.outlineWidth),
          color: s.outlineColor, around, ratio: contrast(s.outlineColor, around),
          header: backgroundOf(document.querySelector('.md-header'))}; }"""


def _ring_is_seen(stop: dict) -> bool:
    return stop["focusVisible"] and stop["style"] != "none" and stop["width"] >= 2 and stop["ratio"] >= 3


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("folder", ["", "ar/"], ids=["sv", "ar"])
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375", "1280"])
def test_every_header_control_shows_a_ring_seen_on_the_header(page_session, base_url, viewport, folder, scheme):
    # The focus red (#b3261e) was 1.33:1 on the header blue (#1f4e79).
    page = page_session(viewport=viewport, color_scheme=scheme).page
    page.goto(base_url + folder + "guider/pengar/")
    stops = []
    for _ in range(14):
        page.keyboard.press("Tab")
        wait_until_still(page)
        # The search box opens the search over the page, on the page's own colours.
        if page.evaluate("!!document.activeElement.closest('.md-search__inner, article')"):
            break
        stop = page.evaluate(RING)
        if stop["inHeaderBar"]:
            stops.append(stop)
    # Home, light/dark, language; on a phone also the menu and the search button.
    assert len(stops) == (5 if viewport is PHONE else 3), stops
    assert all(stop["around"] == stop["header"] for stop in stops), stops
    assert [stop for stop in stops if not _ring_is_seen(stop)] == [], stops

    if viewport is DESKTOP:
        # The search box, closed again with Escape, keeps the focus on the header.
        assert page.evaluate("document.activeElement.matches('input.md-search__input')")
        page.keyboard.press("Escape")
        page.wait_for_function("!document.getElementById('__search').checked")
        page.evaluate("() => new Promise(done => setTimeout(done, 1))")  # Material's focus watch
        wait_until_still(page)
        box = page.evaluate(RING)
        assert box["name"] and box["inHeaderBar"] and box["around"] == box["header"], box
        assert _ring_is_seen(box), box


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("folder", ["", "ar/"], ids=["sv", "ar"])
def test_the_phone_menus_title_bar_shows_a_ring_seen_on_its_colour(page_session, base_url, folder, scheme):
    # On the start page the menu opens at its top level, headed by a bar in the header's
    # colours with the logo as its first link: the keyboard brings the focus there.
    page = page_session(viewport=PHONE, color_scheme=scheme).page
    page.goto(base_url + folder)
    page.locator(".md-header label[for=__drawer][role=button]").focus()
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement.closest('.md-sidebar--primary')")
    wait_until_still(page)
    logo = page.evaluate(RING)
    assert logo["inDrawerTitle"] and logo["around"] == logo["header"], logo
    assert _ring_is_seen(logo), logo


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_ring_on_the_page_itself_stays_the_focus_red(page_session, base_url, scheme):
    page = page_session(viewport=DESKTOP, color_scheme=scheme).page
    page.goto(base_url + "guider/pengar/")
    page.locator("article a[href]").first.focus()
    wait_until_still(page)
    ring = page.evaluate(RING)
    assert ring["color"] == ("rgb(179, 38, 30)" if scheme == "light" else "rgb(255, 158, 148)"), ring
    assert _ring_is_seen(ring), ring


# --- The phone menu: opened with a tap, no link looks like the current page ---------------

MENU_LINKS = """() => {
  const links = [...document.querySelectorAll('.md-sidebar--primary a[href]')].filter(a => a.checkVisibility({visibilityProperty: true}));
  const first = links[0];
  // The current page's entry: its link, or (a page with sections) the label that opens its
  // contents; a section's overview page is listed a level up, behind the open panel, where
  // it still has the colour that says "you are here".
  const active = [...document.querySelectorAll('.md-sidebar--primary .md-nav__link--active')];
  const current = active.find(e => e.checkVisibility({visibilityProperty: true})) || active[0];
  const sibling = links.find(a => a !== first && a !== current && a.classList.contains('md-nav__link') && a !== document.activeElement);
  const describe = a => ({text: a.textContent.trim().slice(0, 40), color: getComputedStyle(a).color, focused: a === document.activeElement});
  return {first: describe(first), current: current && describe(current), sibling: describe(sibling)}; }"""
TAP_PAGES = ["guider/pengar/", "fi/guider/sekretess-och-samtycke/", "ar/strategi/"]


@pytest.mark.parametrize("pointer", ["tap", "click"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", TAP_PAGES)
def test_a_tap_on_the_menu_button_highlights_only_the_current_page(page_session, base_url, path, scheme, pointer):
    # keyboard.js moved the focus to the menu's first link after a tap too: Material gave it
    # its focus colour, the blue of the current page's link, with no ring ("you are here").
    touch = {"has_touch": True, "is_mobile": True} if pointer == "tap" else {}
    page = page_session(viewport=PHONE, color_scheme=scheme, **touch).page
    page.goto(base_url + path)
    getattr(page, pointer)(".md-header label[for=__drawer][role=button]")
    page.wait_for_function("document.getElementById('__drawer').checked")
    wait_until_still(page)
    links = page.evaluate(MENU_LINKS)
    assert links["current"] and links["current"]["text"] != links["first"]["text"], links
    assert links["first"]["color"] == links["sibling"]["color"], links
    assert links["first"]["color"] != links["current"]["color"], links

    # From the keyboard the focus still moves into the menu, with a ring that is seen.
    page.keyboard.press("Escape")
    page.wait_for_function("!document.getElementById('__drawer').checked")
    page.locator(".md-header label[for=__drawer][role=button]").focus()
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement.closest('.md-sidebar--primary')")
    wait_until_still(page)
    focused = page.evaluate(RING)
    assert _ring_is_seen(focused), focused


# --- The logo in the phone menu's title bar ----------------------------------------------

LOGOS = """() => [document.querySelector('.md-header__button.md-logo img'), document.querySelector('.md-nav--primary > .md-nav__title .md-logo img')]
  .map(img => { const s = getComputedStyle(img); return {filter: s.filter, background: s.backgroundColor, adjust: s.forcedColorAdjust, shown: img.checkVisibility({visibilityProperty: true})}; })"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("folder", ["", "ar/"], ids=["sv", "ar"])
def test_the_phone_menus_logo_is_white_like_the_headers(page_session, base_url, folder, scheme):
    # The logo file draws in black: 2.4:1 on the title bar's blue, where the header's is white.
    page = page_session(viewport=PHONE, color_scheme=scheme).page
    page.goto(base_url + folder)
    page.locator(".md-header label[for=__drawer][role=button]").click()
    page.wait_for_function("document.getElementById('__drawer').checked")
    wait_until_still(page)
    header, drawer = page.evaluate(LOGOS)
    assert header["shown"] and drawer["shown"], (header, drawer)
    assert header["filter"] == "brightness(0) invert(1)", header
    assert drawer["filter"] == header["filter"], drawer


def test_the_phone_menus_logo_stays_visible_in_forced_colours(page_session, base_url):
    session = page_session(viewport=PHONE)
    session.page.emulate_media(forced_colors="active")
    page = session.page
    page.goto(base_url)
    header, drawer = page.evaluate(LOGOS)
    assert (header["background"], header["adjust"], header["filter"]) == ("rgb(255, 255, 255)", "none", "none"), header
    assert (drawer["background"], drawer["adjust"], drawer["filter"]) == (header["background"], header["adjust"], header["filter"]), drawer
