"""Pages for the tiny test sites of the citations, sources page, glossary and marker tests.

A Swedish page that is deliberately not translated (`untranslated:` every other language, see
hooks/translations.py), so that a tiny site needs no English twin of every page.
"""

from __future__ import annotations

from sitebuilder import UNTRANSLATED, page

FRONT_MATTER = """---
title: {title}
description: En sida för test.
audience: [anhoriga]
reviewed: 2026-11-22
sources: [{sources}]
""" + UNTRANSLATED.replace("{", "{{").replace("}", "}}") + "---\n"
BODY_LINE = 12  # the line of `body` in the page's file: after the front matter and the H1


def sv_page(title: str, body: str = "Text.", *, sources: str = "") -> str:
    return page(title, body, FRONT_MATTER.format(title=title, sources=sources))
