"""Alphabetical order as a reader of each language expects it.

The glossary and sources pages sort with it. Python sorts by code
point, which puts Swedish 'ä' before 'å'; a Swedish reader expects ... x y z å ä ö, and
'é' or 'ü' among the plain letters. No ICU library is needed for that.
"""

from __future__ import annotations

import unicodedata

# Letters that are letters of their own in a language, after z, in that language's order.
_OWN_LETTERS = {"sv": "åäö", "fi": "åäö", "da": "æøå", "nb": "æøå", "nn": "æøå"}
# Letters a language sorts as another letter (Swedish: ü as y, æ as ä, ø as ö).
_SORTED_AS = {"sv": {"ü": "y", "æ": "ä", "ø": "ö"}}


def sort_key(text: str, language: str) -> tuple[tuple[int, str], ...]:
    """A key that orders `text` alphabetically for readers of `language`."""
    own = _OWN_LETTERS.get(language, "")
    replaced = _SORTED_AS.get(language, {})
    key = []
    for char in text.casefold():
        char = replaced.get(char, char)
        if char in own:
            key.append((1, str(own.index(char))))
        else:
            base = unicodedata.normalize("NFKD", char)[0]  # é -> e
            key.append((0, base))
    return tuple(key)
