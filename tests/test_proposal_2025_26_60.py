"""The government bill prop. 2025/26:60 (a *stödkontakt* for carers, clearer duties toward
children, avlösarservice outside the home), on every built page that mentions it, in every
language: the real site, built once.

CONTENT.md: a bill is a proposal until a source shows the Riksdag's decision and the date
it takes effect. On 2026-11-27 no such source was found (data/sources.yml,
`lag-prop-2025-26-60`), so every page says the same thing in the same words: the changes
were proposed to apply from a date (the fact `bill_2025_26_60_proposed_start`), no decision
by the Riksdag was found, and the bill itself is cited. The Källor page lists the bill once.
When a decision is found, these tests are the list of pages to update."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from sitebuilder import REPO

SOURCE_KEY = "lag-prop-2025-26-60"
LANGUAGES = ["sv", "en", "ar", "fi"]
FACTS = yaml.safe_load((REPO / "data" / "facts.yml").read_text(encoding="utf-8"))
# The one sentence every page uses to say that no decision was found.
NO_DECISION = {
    "sv": "Vi har inte hittat något beslut från riksdagen i våra källor.",
    "en": "We have not found a decision by the Riksdag in our sources.",
    "ar": "لم نجد في مصادرنا قرارًا من البرلمان.",
    "fi": "Emme ole löytäneet lähteistämme valtiopäivien päätöstä.",
}
# Generated lists that name every source or term, not pages that discuss the bill.
NOT_CONTENT = ("kallor/", "ordlista/", "search/", "redaktion/", "404")


def _text(element) -> str:
    # Citation numbers sit between a sentence and the next one: drop them before comparing.
    for citation in element.select("a.ag-cite, sup"):
        citation.decompose()
    return re.sub(r"\s+", " ", element.get_text(" ")).replace(" .", ".").strip()


def _pages_mentioning_the_bill(site_dir: Path) -> list[tuple[str, str, BeautifulSoup]]:
    """(path, language of its text, article) for every content page that names the
    stödkontakt or cites the bill."""
    found = []
    for html in sorted(site_dir.rglob("index.html")):
        path = html.relative_to(site_dir).as_posix()[: -len("index.html")]
        language = path.split("/", 1)[0] if path.split("/", 1)[0] in LANGUAGES[1:] else "sv"
        inner = path if language == "sv" else path.split("/", 1)[1]
        if inner.startswith(NOT_CONTENT) or path.startswith("assets/"):
            continue
        article = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser").select_one("article")
        if article is None:
            continue
        cites = article.select_one(f"a.ag-cite[href$='#{SOURCE_KEY}']") is not None
        if not cites and "stödkontakt" not in article.get_text().lower():
            continue
        # A page not translated into this language shows its Swedish text, with a notice.
        if article.select_one(".ag-page-tools__notice") is not None:
            language = "sv"
        found.append((path, language, article))
    return found


@pytest.fixture(scope="module")
def pages(site):
    found = _pages_mentioning_the_bill(site.site_dir)
    assert found, "no built page mentions the bill: did the selector or the pages change?"
    return found


def test_the_bill_is_discussed_in_the_guide_and_the_training_in_every_language(pages):
    paths = {path for path, _, _ in pages}
    for prefix in ("", "en/", "ar/", "fi/"):
        for page in ("guider/vad-sager-lagen/", "guider/kommunens-stod/", "guider/barn-och-unga/", "guider/avlosning/"):
            assert prefix + page in paths, f"{prefix}{page} no longer mentions the bill"
    assert any("utbildning/" in path for path in paths), "no training module mentions the bill"


def test_every_page_that_mentions_the_bill_cites_it(pages):
    missing = [path for path, _, article in pages if article.select_one(f"a.ag-cite[href$='#{SOURCE_KEY}']") is None]
    assert not missing, f"these pages mention the stödkontakt without citing the bill: {missing}"


def test_every_page_says_in_the_same_words_that_no_decision_was_found(pages):
    missing = [(path, language) for path, language, article in pages if NO_DECISION[language] not in _text(article)]
    assert not missing, f"these pages do not say '{NO_DECISION['sv']}' (or its translation): {missing}"


def test_every_page_gives_the_proposed_start_as_the_fact(pages):
    missing = [path for path, language, article in pages if FACTS["bill_2025_26_60_proposed_start"][language] not in _text(article)]
    assert not missing, f"these pages do not give the proposed start date: {missing}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_sources_page_lists_the_bill_once_as_a_proposal_with_the_day_we_searched(site, language):
    prefix = "" if language == "sv" else f"{language}/"
    html = (site.site_dir / prefix / "kallor" / "index.html").read_text(encoding="utf-8")
    page = BeautifulSoup(html, "html.parser")
    assert _text(page).count("Prop. 2025/26:60") == 1, "the bill should be one entry on Källor"
    entry = page.find(id=SOURCE_KEY)
    assert entry is not None
    # The note about the source (one of the entry's descriptions, not the "read" date) says
    # that we searched for the decision and the SFS number, and on which day.
    details = entry.find_next_sibling("dl")
    assert details is not None
    searched = {"sv": "27 november 2026", "en": "27 November 2026", "ar": "27 تشرين الثاني/نوفمبر 2026", "fi": "27. marraskuuta 2026"}[language]
    proposal = {"sv": "förslag", "en": "proposal", "ar": "اقتراح", "fi": "ehdotu"}[language]
    notes = [_text(dd) for dd in details.find_all("dd")]
    assert any(searched in note and "SFS" in note and proposal in note for note in notes), notes


# The proposed start (1 July 2026) has passed: a page that says the changes "are proposed to
# apply" or "ska gälla från" that date speaks of a past date as if it were still ahead, and
# reads as if the change were sure to come. Past tense only (second reading, 2026-11-27).
PRESENT_TENSE_START = {
    "sv": re.compile(r"föreslås (?:börja )?gälla|ska (?:börja )?gälla (?:från|den) 1 juli 2026"),
    "en": re.compile(r"(?:are|is) proposed to apply|changes apply from|meant to apply"),
    "fi": re.compile(r"ehdotetaan tulevan voimaan"),
}


def test_the_proposed_start_is_spoken_of_in_the_past_tense(pages):
    present = [
        (path, match.group(0))
        for path, language, article in pages
        if language in PRESENT_TENSE_START
        for match in [PRESENT_TENSE_START[language].search(_text(article))]
        if match
    ]
    assert not present, f"these pages speak of the proposed start as still ahead: {present}"


# What the reader can do now, whatever the Riksdag decided: ask the municipality for support.
ASK_NOW = {
    "sv": "Du kan be kommunen om stöd redan nu.",
    "en": "You can ask your municipality for support now.",
    "ar": "يمكنك أن تطلب الدعم من البلدية الآن.",
    "fi": "Voit pyytää kunnalta tukea jo nyt.",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_law_page_tells_the_reader_to_ask_for_support_now(site, language):
    prefix = "" if language == "sv" else f"{language}/"
    html = (site.site_dir / prefix / "guider" / "vad-sager-lagen" / "index.html").read_text(encoding="utf-8")
    heading = BeautifulSoup(html, "html.parser").find(id="forslag-2026")
    assert heading is not None
    section = " ".join(_text(p) for p in heading.find_all_next("p", limit=4))
    assert ASK_NOW[language] in section
