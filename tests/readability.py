"""Readability figures for Swedish text: LIX (läsbarhetsindex, Björnsson 1968).

LIX = words / sentences + 100 × long words / words, where a long word has more than six
letters (CONTENT.md). Under 30 is very easy, 30–40 easy, 40–50 medium. Used by
test_klarsprak.py (klarspråk: at most 40) and meant for a lättläst check (at most 25).

Choices, so that the figure is reproducible:
- A word is a run of letters or digits; '-', apostrophes and the '.', ',' or ':' inside
  "t.ex.", "1,3" or "2025:400" do not split it. Its length counts letters only.
- A sentence ends at '.', '!', '?' or ':' followed by a space and a capital letter, a
  digit or a quotation mark, or at the end of a block. So "t.ex. du" does not end one.
- Blocks (paragraphs, list items, headings) are separated by an empty line; a block that
  does not end with a full stop still ends its sentence, as a heading or a list item does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

LONG_WORD = 6  # letters; a word with more is long
_WORD = re.compile(r"[^\W_]+(?:[-'’.,:][^\W_]+)*")
_END = re.compile(r"[.!?:]+[\"”’)\]]*(?=\s+[\"”“'(\[]?[A-ZÅÄÖÉÜ0-9])")
_BLOCKS = re.compile(r"\n[ \t]*\n")


@dataclass(frozen=True)
class Readability:
    words: int
    long_words: int
    sentences: int

    @property
    def lix(self) -> float:
        if not self.words:
            return 0.0
        return self.words / self.sentences + 100 * self.long_words / self.words


def measure(text: str) -> Readability:
    """Count the words, long words and sentences of `text` (blocks split by empty lines)."""
    words = long_words = sentences = 0
    for block in _BLOCKS.split(text):
        found = _WORD.findall(block)
        if not found:
            continue
        words += len(found)
        long_words += sum(1 for word in found if sum(char.isalpha() for char in word) > LONG_WORD)
        # Sentences ended inside the block, plus the one the block's end closes.
        sentences += len(_END.findall(block)) + 1
    return Readability(words, long_words, sentences)


def lix(text: str) -> float:
    return measure(text).lix


# Figures measured during a test session, printed at its end by conftest.py.
REPORT: list[tuple[str, Readability]] = []
