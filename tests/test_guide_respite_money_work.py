"""The guide's pages on respite, money, and work and leave (docs/guider/avlosning, pengar,
arbete-och-ledighet, and the easy-to-read avlosning and pengar): the built pages of the real
site, built once, in every language.

What is checked is what CONTENT.md asks of these pages: every figure comes from
data/facts.yml with its source, no sum of money is stated (fees and municipal payments
differ by municipality), the bill prop. 2025/26:60 is presented as a proposal, and the
respite page names both words relatives search for (avlösning and avlastning)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from sitebuilder import REPO

GUIDE_PAGES = ["guider/avlosning/", "guider/pengar/", "guider/arbete-och-ledighet/"]
EASY_READ_PAGES = ["lattlast/avlosning/", "lattlast/pengar/"]
LANGUAGES = ["sv", "en", "ar", "fi"]
FACTS = yaml.safe_load((REPO / "data" / "facts.yml").read_text(encoding="utf-8"))
# A sum of money in any of the four languages: digits followed by a currency word.
SUM_OF_MONEY = re.compile(r"\d[\d\s.,]*\s*(kr\b|kronor|kronan|SEK|كرونة|kruunu)|SEK\s*\d", re.IGNORECASE)


def _article(site_dir: Path, path: str, language: str):
    prefix = "" if language == "sv" else f"{language}/"
    html = (site_dir / prefix / path / "index.html").read_text(encoding="utf-8")
    article = BeautifulSoup(html, "html.parser").select_one("article")
    assert article is not None, f"{prefix}{path} has no article"
    return article


def _text(element) -> str:
    return re.sub(r"\s+", " ", element.get_text(" ")).strip()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("path", GUIDE_PAGES)
def test_guide_pages_are_translated_and_state_no_sum_of_money(site, path, language):
    article = _article(site.site_dir, path, language)
    assert article.select_one(".ag-page-tools__notice") is None, "the page should be translated, not shown in Swedish"
    assert not SUM_OF_MONEY.search(_text(article)), SUM_OF_MONEY.search(_text(article))


@pytest.mark.parametrize("path", EASY_READ_PAGES)
def test_easy_read_pages_state_no_sum_of_money(site, path):
    assert not SUM_OF_MONEY.search(_text(_article(site.site_dir, path, "sv")))


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_day_count_of_narstaendepenning_is_the_fact_with_forsakringskassan_as_its_source(site, language):
    fact = FACTS["narstaendepenning_days"]
    assert fact["source"].startswith("pengar-fk-")
    article = _article(site.site_dir, "guider/pengar/", language)
    paragraph = next(p for p in article.select("p") if fact[language] in _text(p))
    # The figure is followed by its citation, which links to the source on the Källor page.
    assert paragraph.select_one(f"a.ag-cite[href$='#{fact['source']}']") is not None


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_bill_is_cited_as_a_proposal_with_its_source(site, language):
    article = _article(site.site_dir, "guider/avlosning/", language)
    section = article.find(id="lss")
    assert section is not None
    text = " ".join(_text(p) for p in section.find_all_next("p", limit=4))
    assert FACTS["bill_2025_26_60_proposed_start"][language] in text
    proposal = {"sv": "förslag", "en": "proposal", "ar": "اقتراح", "fi": "ehdotu"}[language]
    assert proposal in text
    assert article.select_one("a.ag-cite[href$='#lag-prop-2025-26-60']") is not None


def test_the_respite_page_is_found_by_both_words_for_respite(site):
    index = json.loads((site.site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    texts = " ".join(doc["text"].lower() for doc in index["docs"] if doc["location"].startswith("guider/avlosning/"))
    assert "avlösning" in texts and "avlastning" in texts


@pytest.mark.parametrize("path", ["guider/avlosning/", "lattlast/avlosning/", "lattlast/pengar/"])
def test_pages_that_send_the_reader_to_the_municipality_show_the_contacts_box(site, path):
    assert _article(site.site_dir, path, "sv").select_one(".ag-contacts") is not None
