"""Klarspråk: every Swedish guide page reads at LIX 40 or below (CONTENT.md, "How we write").

The text measured is what a reader reads in the built page's main column
(`article.md-content__inner`), without:
- the page-meta footer ("Granskad: ..."), navigation, code and scripts: not prose;
- the citations' "källa: <publisher>" links (`a.ag-cite`): the names of the documents we
  cite are not ours to simplify, and repeating a long publisher after many sentences
  would otherwise weigh on the figure of a well-written page.
Fact values, law names and glossary terms stay: they are part of the sentence.

Pages are found in the built site, so a new guide page is measured without editing this
file. Each page's figure is printed in the test summary (conftest.pytest_terminal_summary).
"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup, NavigableString
from conftest import real_site, site_pages
from readability import REPORT, lix, measure

KLARSPRAK_MAX = 40
BLOCKS = ["p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "td", "th", "figcaption", "summary", "blockquote"]
NOT_PROSE = [".ag-page-meta", "nav", "pre", "code", "script", "style", "a.ag-cite", ".headerlink"]


def swedish_guide_pages() -> list[str]:
    return [path for path in site_pages() if path.startswith("guider/")]


def reader_text(html: str) -> str:
    """The prose of a built page's main column, one block per paragraph, list item or heading."""
    article = BeautifulSoup(html, "lxml").select_one("article.md-content__inner")
    assert article is not None, "no main column in the page"
    for selector in NOT_PROSE:
        for element in article.select(selector):
            element.decompose()
    for element in article.find_all(BLOCKS):
        element.insert_before(NavigableString("\n\n"))
        element.append(NavigableString("\n\n"))
    return article.get_text()


# --- the measure itself, on texts whose figures are known ---------------------------


def test_two_short_sentences():
    # 12 words, 2 sentences, 1 long word (meningen: 8 letters): 12/2 + 100*1/12
    assert lix("Det här är en kort mening. Den här meningen är också kort.") == pytest.approx(6 + 100 / 12)


def test_long_words_have_more_than_six_letters():
    figures = measure("Sjukhus vårdcentral anhörig.")  # 7, 11, 7 letters: all long
    assert (figures.words, figures.long_words, figures.sentences) == (3, 3, 1)
    assert measure("Hjälpa stötta.").long_words == 0  # 6 letters is not long


def test_abbreviations_and_numbers_do_not_end_a_sentence_or_split_a_word():
    figures = measure("Du kan t.ex. ringa kommunen. Det gäller 1,3 miljoner.")
    assert figures.sentences == 2
    assert figures.words == 9  # t.ex. and 1,3 are one word each


def test_each_block_ends_a_sentence_even_without_a_full_stop():
    figures = measure("Vem är anhörig\n\nDu hjälper någon\n\nDet är allt.")
    assert figures.sentences == 3


def test_a_colon_before_a_capital_ends_a_sentence():
    assert measure("Så här gör du: Ring kommunen.").sentences == 2
    assert measure("Två ord: anhörig och närstående.").sentences == 1


def test_empty_text_has_no_figure():
    assert lix("") == 0.0


def test_reader_text_leaves_out_footer_code_and_citation_names():
    html = """<html><body><article class="md-content__inner">
      <h1>Rubrik</h1><p>En mening med <code>kodsnutt</code> i.
      (<a class="ag-cite" href="#x">källa: Socialdepartementet</a>)</p>
      <ul><li>Punkt ett</li><li>Punkt två</li></ul>
      <footer class="ag-page-meta"><p>Granskad: 2026-11-22</p></footer>
    </article></body></html>"""
    text = reader_text(html)
    assert "Socialdepartementet" not in text and "kodsnutt" not in text and "Granskad" not in text
    assert measure(text).sentences == 4  # heading, sentence, two list items


# --- the real site ----------------------------------------------------------------


def pytest_generate_tests(metafunc):
    if "guide_page" in metafunc.fixturenames:
        metafunc.parametrize("guide_page", swedish_guide_pages())


def test_there_are_swedish_guide_pages_to_measure():
    assert real_site().returncode == 0 and len(swedish_guide_pages()) >= 2


def test_guide_page_is_klarsprak(site, guide_page):
    html = (site.site_dir / guide_page / "index.html").read_text(encoding="utf-8")
    figures = measure(reader_text(html))
    REPORT.append((guide_page, figures))
    assert figures.words > 0, f"{guide_page}: no text found"
    assert figures.lix <= KLARSPRAK_MAX, (
        f"{guide_page}: LIX {figures.lix:.1f} is above {KLARSPRAK_MAX} "
        f"({figures.words} words, {figures.sentences} sentences, {figures.long_words} long words): "
        "shorten sentences and prefer shorter, common words"
    )
