"""A page shown in Swedish in the Arabic or Finnish build (marked `untranslated:`, see
hooks/translations.py) keeps its interface in the reader's language: the "who to call" block
(hooks/help_contacts.py), the page tools (notice, read aloud) and the print button and
header (overrides/partials/actions.html). Each is marked with the reader's language inside
the content's lang="sv", so that a screen reader reads it with the right voice.
Tested on built HTML: the real site, and a copy of it in which one guide page is not
translated (every guide page has its Arabic and Finnish text today, so the real site has no
fallback guide page to carry the "who to call" block)."""

from __future__ import annotations

import shutil
from types import SimpleNamespace

import pytest
import yaml
from bs4 import BeautifulSoup
from sitebuilder import REPO, run_mkdocs

UI = yaml.safe_load((REPO / "data" / "ui.yml").read_text(encoding="utf-8"))
NATIONAL = yaml.safe_load((REPO / "data" / "national_contacts.yml").read_text(encoding="utf-8"))
INTERFACE = ".ag-help, .ag-page-tools, .ag-print-header, .ag-print-button"


UNTRANSLATED_GUIDE = "guider/din-egen-halsa"


@pytest.fixture(scope="module")
def fallback_site(tmp_path_factory):
    """The real site with one guide page marked `untranslated: [ar, fi]` (its Arabic and
    Finnish files left out), built once for this module."""
    work = tmp_path_factory.mktemp("fallback")
    for name in ("docs", "data", "overrides", "hooks"):
        shutil.copytree(REPO / name, work / name)
    shutil.copy(REPO / "mkdocs.yml", work / "mkdocs.yml")
    for lang in ("ar", "fi"):
        (work / "docs" / f"{UNTRANSLATED_GUIDE}.{lang}.md").unlink()
    page = work / "docs" / f"{UNTRANSLATED_GUIDE}.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("\nreviewed:", "\nuntranslated: [ar, fi]\nreviewed:", 1), encoding="utf-8")
    result = run_mkdocs(work / "mkdocs.yml", work / "site", cwd=work)
    assert result.returncode == 0, result.output
    return SimpleNamespace(site_dir=work / "site")


def _language_of(element) -> str | None:
    for node in [element, *element.parents]:
        if getattr(node, "attrs", None) and node.get("lang"):
            return node["lang"]
    return None


def _fallback_pages(site, lang: str) -> list[tuple[str, BeautifulSoup]]:
    pages = []
    for html in sorted((site.site_dir / lang).rglob("index.html")):
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        if soup.select_one("article > div[lang=sv]") is not None:
            pages.append((html.relative_to(site.site_dir).as_posix(), soup))
    return pages


@pytest.mark.parametrize("lang", ["ar", "fi"])
def test_the_interface_on_a_page_shown_in_swedish_is_in_the_readers_language(fallback_site, lang):
    pages = _fallback_pages(fallback_site, lang)
    with_help = [(path, soup) for path, soup in pages if soup.select_one(".ag-help")]
    # The untranslated guide page carries the block; the easy-to-read pages carry the tools.
    assert [path for path, _ in with_help] == [f"{lang}/{UNTRANSLATED_GUIDE}/index.html"], [path for path, _ in pages]
    assert len(pages) >= 2, [path for path, _ in pages]
    for path, soup in pages:
        for element in soup.select(INTERFACE):
            assert _language_of(element) == lang, (path, element.get("class"))
    names = {contact["name"][lang] for contact in NATIONAL}
    swedish_names = {contact["name"]["sv"] for contact in NATIONAL}
    for path, soup in with_help:
        block = soup.select_one(".ag-help")
        assert block["dir"] == ("rtl" if lang == "ar" else "ltr"), path
        assert block.h2.get_text(strip=True) == UI["help_title"][lang], path
        shown = {strong.get_text(strip=True) for strong in block.select(".ag-help__what strong")}
        assert shown == names, (path, shown)
        assert not shown & (swedish_names - names), path
        # The page's own text around it stays Swedish, marked as such.
        assert _language_of(block.find_parent("div", attrs={"lang": "sv"})) == "sv", path


def test_a_translated_page_has_no_extra_language_marks(site):
    # Where the page is in the reader's language, the blocks take it from <html lang>.
    soup = BeautifulSoup((site.site_dir / "ar" / "guider" / "pengar" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.select_one("article > div[lang]") is None
    for element in soup.select(INTERFACE):
        assert not element.has_attr("lang"), element.get("class")
