"""Which way a language is written: 'rtl' for Arabic, 'ltr' for Swedish.

Shared by hooks/translations.py and hooks/page_tools.py, which mark text
that is in another language than the page around it. Material sets the page's own `dir`
from its language file (`direction` in partials/languages/ar.html); this reads the same
files, so that the two never disagree.
"""

from __future__ import annotations

import jinja2
from mkdocs.config.defaults import MkDocsConfig

_directions: dict[str, str] = {}  # Material's language files do not change during a build


def direction(config: MkDocsConfig, language: str) -> str:
    if language not in _directions:
        try:
            template = config.theme.get_env().get_template(f"partials/languages/{language}.html")
            written = str(template.module.t("direction") or "").strip()
        except jinja2.TemplateNotFound:
            written = ""
        _directions[language] = written if written in ("rtl", "ltr") else "ltr"
    return _directions[language]
