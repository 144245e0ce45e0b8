"""The copy opened from disk (file://), built as `make build-offline` builds it: every
link points at a file that exists, nothing is loaded from anywhere else, and in Chromium a
reader can follow links and search, in each language, with the vendored iframe-worker.
"""

from __future__ import annotations

import hashlib
import json
import urllib.parse
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from deploy_support import build_offline_site, languages_of, open_session, search
from sitebuilder import REPO

SHIM = "assets/vendor/iframe-worker/shim.js"


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory) -> Path:
    result = build_offline_site(tmp_path_factory.mktemp("offline"))
    assert result.returncode == 0, f"the offline copy does not build:\n{result.output}"
    return result.site_dir


def _page_files(site_dir: Path) -> list[Path]:
    """Every page of the offline copy but 404.html, which only a server shows."""
    pages = [path for path in sorted(site_dir.rglob("*.html")) if not path.relative_to(site_dir).as_posix().startswith("assets/")]
    return [path for path in pages if path != site_dir / "404.html"]


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def test_the_vendored_shim_is_the_one_scripts_vendor_sh_checks():
    vendor = (REPO / "scripts" / "vendor.sh").read_text(encoding="utf-8")
    digest = hashlib.sha256((REPO / "docs" / SHIM).read_bytes()).hexdigest()
    assert f"IFRAME_WORKER_SHIM_SHA256={digest}" in vendor
    assert (REPO / "docs" / "assets" / "vendor" / "iframe-worker" / "LICENSE").is_file()


def test_every_link_points_at_a_file_that_exists(offline_site):
    problems = []
    pages = _page_files(offline_site)
    assert len(pages) >= 10
    for path in pages:
        page = path.relative_to(offline_site).as_posix()
        soup = _soup(path)
        for tag, attribute in (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src")):
            for element in soup.find_all(tag, attrs={attribute: True}):
                if tag == "link" and set(element.get("rel", [])) & {"canonical", "alternate"}:
                    continue
                target = urllib.parse.urlsplit(element[attribute])
                if target.scheme or target.netloc:
                    assert target.scheme in ("http", "https", "mailto", "tel"), element
                    assert tag == "a", f"{page} loads {element[attribute]} from elsewhere"
                    continue
                if not target.path:
                    continue  # a link within the page
                if target.path.startswith("/"):
                    problems.append(f"{page}: {target.path} is absolute and breaks on file://")
                    continue
                resolved = (path.parent / urllib.parse.unquote(target.path)).resolve()
                if not resolved.is_file():
                    problems.append(f"{page}: {element[attribute]} is not a file")
    assert problems == [], "\n".join(problems[:20])


def test_every_page_uses_the_vendored_shim_and_each_language_has_an_inline_index(offline_site):
    for path in _page_files(offline_site):
        sources = [script["src"] for script in _soup(path).find_all("script", src=True)]
        assert any(src.endswith(SHIM) for src in sources), f"{path}: {sources}"
        assert not any("://" in src for src in sources), f"{path}: {sources}"
    for language, home in languages_of(offline_site).items():
        folder = offline_site / home / "search"
        index = json.loads((folder / "search_index.json").read_text(encoding="utf-8"))
        script = (folder / "search_index.js").read_text(encoding="utf-8")
        assert script.startswith("var __index = ")
        assert json.loads(script[len("var __index = "):]) == index
        assert index["config"]["lang"] == [language]


def test_a_reader_can_follow_a_link_and_search_from_disk(browser, offline_site):
    session, visit = open_session(browser, offline_site.as_uri())
    page = session.page
    try:
        page.goto((offline_site / "index.html").as_uri())
        link = page.locator(".md-content a[href$='.html']").first
        href = link.get_attribute("href")
        link.click()
        page.wait_for_load_state("load")
        expected = (offline_site / urllib.parse.unquote(href)).resolve().as_uri()
        assert page.url.split("#")[0] == expected
        assert page.locator("article h1").count() == 1

        results = search(page, "anhörig")
        assert results and all(url.startswith(offline_site.as_uri() + "/") for url in results)
        assert not any(url.startswith((offline_site / "en").as_uri() + "/") for url in results), results
        page.locator("a.md-search-result__link").first.click()
        page.wait_for_load_state("load")
        opened = Path(urllib.parse.unquote(urllib.parse.urlsplit(page.url).path))
        assert opened.is_file() and opened.suffix == ".html", page.url

        english = languages_of(offline_site)["en"]
        page.goto((offline_site / english / "index.html").as_uri())
        results = search(page, "carer")
        assert results and all(url.startswith((offline_site / "en").as_uri() + "/") for url in results), results
    finally:
        session.close()
    assert session.external_requests == []
    assert session.console_errors == []
    assert visit.failed == []
