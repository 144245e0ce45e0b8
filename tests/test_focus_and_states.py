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
