"""Checks that every Chromium test shares: axe-core on a page that has come to rest.

A check must see the end state of the page, never a frame in the middle of a CSS
transition: on a busy machine axe once measured the skip link's colours halfway through
its focus transition (2.92:1) and failed 26 pages. `wait_until_still` waits, with no
fixed sleep, until every finite animation and transition has finished.
"""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
_AXE = Axe()

# document.getAnimations() flushes pending style changes first, so a transition that a
# key press has just started is already in the list. Infinite animations (a spinner)
# never finish and are not what a check waits for.
_STILL = """() => document.getAnimations().every(animation =>
    animation.playState !== 'running'
    || !animation.effect
    || animation.effect.getComputedTiming().iterations === Infinity)"""


def wait_until_still(page, timeout: float = 15000) -> None:
    """Wait until no finite CSS animation or transition is running on the page."""
    page.wait_for_function(_STILL, timeout=timeout)


def axe_results(page, context: str | None = None):
    """axe-core's WCAG 2.0/2.1 A and AA rules, run on the page (or the part `context`
    selects) once it is still."""
    wait_until_still(page)
    return _AXE.run(page, context=context, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
