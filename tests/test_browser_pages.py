"""Every built page, in every language, opened in headless Chromium.

Pages are discovered from the built site, so a new page is covered without editing this file.
Each page is loaded once and checked for everything (one load per page keeps CI short);
every failed check is reported, each with its own label.
"""

from __future__ import annotations

from browser_checks import axe_results, wait_until_still
from conftest import site_pages

FIRST_TAB_STOP = """() => {
    const el = document.activeElement;
    const box = el.getBoundingClientRect();
    return {cls: String(el.className), href: el.getAttribute('href'),
            visible: box.width > 0 && box.height > 0 && box.top >= 0 && box.left >= 0};
}"""


def pytest_generate_tests(metafunc):
    if "page_path" in metafunc.fixturenames:
        metafunc.parametrize("page_path", site_pages())


def test_site_has_pages_to_check():
    assert len(site_pages()) >= 4


def test_page_in_chromium(page_session, base_url, page_path):
    session = page_session()
    page = session.page
    response = page.goto(base_url + page_path, wait_until="networkidle")
    problems: list[str] = []
    if response is None or not response.ok:
        problems.append(f"HTTP status {response.status if response else 'none'}")

    # Keyboard: the skip link is the first Tab stop, visible, and leads to an element.
    page.keyboard.press("Tab")
    wait_until_still(page)  # the skip link slides and changes colour as it gains focus
    focused = page.evaluate(FIRST_TAB_STOP)
    if "md-skip" not in focused["cls"] or not focused["visible"]:
        problems.append(f"skip link: the first Tab stop is {focused}")
    elif page.locator(f"[id='{focused['href'].lstrip('#')}']").count() != 1:
        problems.append(f"skip link: its target {focused['href']} is not one element")

    # WCAG 2.0 and 2.1, levels A and AA, as axe-core checks them.
    results = axe_results(page)
    if results.violations_count:
        problems.append("axe:\n" + results.generate_report())

    # Reflow: 1280 px at 400 % zoom is 320 CSS px (WCAG 1.4.10); no horizontal scrolling.
    page.set_viewport_size({"width": 320, "height": 640})
    scroll_width, client_width = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    if scroll_width > client_width:
        problems.append(f"reflow at 320 px: content {scroll_width} px wide, window {client_width} px")

    if session.external_requests:
        problems.append(f"requests to other hosts: {session.external_requests}")
    if session.console_errors:
        problems.append(f"console errors: {session.console_errors}")
    assert not problems, f"{page_path}:\n" + "\n".join(problems)
