"""Shared fixtures: the real site built once per session, served on 127.0.0.1, and
Debian's Chromium driven by Playwright."""

from __future__ import annotations

import functools
import http.server
import os
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

# This checkout's own package first, before the editable install in .venv (which may be
# another checkout's, e.g. a git worktree sharing one .venv).
# The same for the builds and scripts the tests start in other processes.
_CHECKOUT = str(Path(__file__).resolve().parent.parent)
sys.path.insert(0, _CHECKOUT)
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [_CHECKOUT, os.environ.get("PYTHONPATH")]))

from sitebuilder import BuildResult, build_real_site

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@functools.lru_cache(maxsize=1)
def real_site() -> BuildResult:
    """The real site, built once; collection uses it to list every page."""
    site_dir = Path(tempfile.mkdtemp(prefix="anhorigguiden-site-")) / "site"
    return build_real_site(site_dir)


def site_pages() -> list[str]:
    """Every built HTML page, as a URL path relative to the site root."""
    result = real_site()
    if result.returncode != 0:
        return []
    paths = []
    for html in sorted(result.site_dir.rglob("*.html")):
        relative = html.relative_to(result.site_dir).as_posix()
        if relative.startswith("assets/"):
            continue
        paths.append(relative[: -len("index.html")] if relative.endswith("index.html") else relative)
    return paths


@pytest.fixture(scope="session")
def site() -> BuildResult:
    result = real_site()
    assert result.returncode == 0, f"the real site does not build:\n{result.output}"
    return result


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep test output readable
        pass


def serve(directory: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def base_url(site: BuildResult) -> Iterator[str]:
    yield from serve(site.site_dir)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class PageSession:
    """A browser page that records every request leaving the served origin and every
    console error, and blocks the former so the test never touches the network."""

    def __init__(self, browser, origin: str, **context_options) -> None:
        self.origin = origin
        self.external_requests: list[str] = []
        self.console_errors: list[str] = []
        self.context = browser.new_context(**context_options)
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.console_errors.append(str(error)))

    def _route(self, route) -> None:
        url = route.request.url
        if url.startswith(self.origin) or url.startswith(("data:", "blob:", "file:")):
            route.continue_()
        else:
            self.external_requests.append(url)
            route.abort()

    def _console(self, message) -> None:
        if message.type == "error":
            self.console_errors.append(message.text)

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def page_session(browser, base_url):
    sessions: list[PageSession] = []

    def open_session(**options) -> PageSession:
        session = PageSession(browser, base_url, **options)
        sessions.append(session)
        return session

    yield open_session
    for session in sessions:
        session.close()


def pytest_terminal_summary(terminalreporter) -> None:
    """Print the readability figure of every page measured (test_klarsprak.py), so that
    writers see how close to the limit each page is, not only which pages fail."""
    from readability import REPORT

    if not REPORT:
        return
    terminalreporter.section("readability (LIX; klarspråk at most 40)")
    for page, figures in sorted(REPORT):
        terminalreporter.write_line(
            f"{figures.lix:5.1f}  {page}  ({figures.words} words, {figures.sentences} sentences, {figures.long_words} long words)"
        )
