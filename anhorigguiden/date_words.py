"""Dates in words, as each language writes them: "22 november 2026", "22 November 2026",
"22 نوفمبر 2026", "22. marraskuuta 2026".

Not a hook: hooks/dates_in_words.py makes it the Jinja filter `date_in_words`, and
hooks/sources_page.py writes the Källor page's dates with it. Babel (installed with
Material) has each language's month names and order; English uses the British order,
which the guide's English text uses.
"""

from __future__ import annotations

import datetime as dt
import functools

from babel.dates import format_date

# The locale that writes a language's dates as the guide's text does.
_LOCALES = {"en": "en_GB"}


def in_words(date: dt.date | str, language: str) -> str:
    """A date (or an ISO 'YYYY-MM-DD' string, as front matter may give it) in words."""
    if isinstance(date, str):
        date = dt.date.fromisoformat(date)
    if isinstance(date, dt.datetime):
        date = date.date()
    return _formatted(date, language)


# A pure function of its arguments, asked for the same few dates on every page (each
# page's review date, the Källor page's dates): Babel takes 60 µs a call.
@functools.lru_cache(maxsize=4096)
def _formatted(date: dt.date, language: str) -> str:
    return format_date(date, format="long", locale=_LOCALES.get(language, language))
