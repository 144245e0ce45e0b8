"""Dates in words, as each language writes them: "22 november 2026", "22 November 2026",
"22 نوفمبر 2026", "22. marraskuuta 2026".

A hook for one thing (on_env: the Jinja filter `date_in_words`, used by
overrides/partials/page-meta.html) and a plain function that hooks writing Markdown
(sources_page.py) import. Babel (installed with Material) has each language's month names
and order; English uses the British order, which the guide's English text uses.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from babel.dates import format_date
from mkdocs.config.defaults import MkDocsConfig

# The locale that writes a language's dates as the guide's text does.
_LOCALES = {"en": "en_GB"}


def in_words(date: dt.date | str, language: str) -> str:
    """A date (or an ISO 'YYYY-MM-DD' string, as front matter may give it) in words."""
    if isinstance(date, str):
        date = dt.date.fromisoformat(date)
    if isinstance(date, dt.datetime):
        date = date.date()
    return format_date(date, format="long", locale=_LOCALES.get(language, language))


def on_env(env: Any, *, config: MkDocsConfig, files: Any) -> Any:
    env.filters["date_in_words"] = in_words
    return env
