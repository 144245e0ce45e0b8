"""How each language writes a date in words, written out by hand (not by Babel), so that
tests check hooks/dates_in_words.py against the languages' own forms."""

from __future__ import annotations

import datetime as dt

MONTHS = {
    "sv": "januari februari mars april maj juni juli augusti september oktober november december".split(),
    "en": "January February March April May June July August September October November December".split(),
    "ar": "يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر".split(),
    "fi": "tammikuuta helmikuuta maaliskuuta huhtikuuta toukokuuta kesäkuuta heinäkuuta elokuuta syyskuuta lokakuuta marraskuuta joulukuuta".split(),
}


def expected(date: dt.date, language: str) -> str:
    """'22 november 2026', '22 November 2026', '22 نوفمبر 2026', '22. marraskuuta 2026'."""
    day = f"{date.day}." if language == "fi" else str(date.day)
    return f"{day} {MONTHS[language][date.month - 1]} {date.year}"
