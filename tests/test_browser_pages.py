"""Every built page, in every language, opened in headless Chromium.

Pages are discovered from the built site, so a new page is covered without editing this file.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from conftest import site_pages

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE = Axe()


def pytest_generate_tests(metafunc):
    if "page_path" in metafunc.fixturenames:
        metafunc.parametrize("page_path", site_pages())


def test_site_has_pages_to_check():
    assert len(site_pages()) >= 4


def test_page_is_accessible_private_and_error_free(page_session, base_url, page_path):
    session = page_session()
    response = session.page.goto(base_url + page_path, wait_until="networkidle")
    assert response is not None and response.ok or page_path == "404.html"
    results = AXE.run(session.page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    assert results.violations_count == 0, results.generate_report()
    assert session.external_requests == []
    assert session.console_errors == []


def test_skip_link_is_the_first_tab_stop_and_visible(page_session, base_url, page_path):
    session = page_session()
    session.page.goto(base_url + page_path)
    session.page.keyboard.press("Tab")
    focused = session.page.evaluate(
        """() => {
            const el = document.activeElement;
            const box = el.getBoundingClientRect();
            return {cls: el.className, href: el.getAttribute('href'),
                    visible: box.width > 0 && box.height > 0 && box.top >= 0 && box.left >= 0};
        }"""
    )
    assert "md-skip" in focused["cls"], focused
    assert focused["visible"], focused
    target = focused["href"].lstrip("#")
    assert session.page.locator(f"[id='{target}']").count() == 1


def test_page_reflows_at_320_css_pixels(page_session, base_url, page_path):
    # 1280 px at 400 % zoom is 320 CSS px (WCAG 1.4.10).
    session = page_session(viewport={"width": 320, "height": 640})
    session.page.goto(base_url + page_path)
    widths = session.page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert widths[0] <= widths[1], f"horizontal scroll: content {widths[0]} px, window {widths[1]} px"
