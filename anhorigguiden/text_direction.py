"""Which way a language is written: 'rtl' for Arabic, 'ltr' for Swedish.

Used by hooks/translations.py (for the page tools and who to call too), which marks text
that is in another language than the page around it. Material sets the page's own `dir`
from its language file (`direction` in partials/languages/ar.html); this reads the same
files, so that the two never disagree.
"""

from __future__ import annotations

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from anhorigguiden.registry import registry_for
from anhorigguiden.template_cache import theme_env


def direction(config: MkDocsConfig, language: str) -> str:
    # Once per build and language: the theme's language files do not change during a build,
    # but may between two `mkdocs serve` rebuilds (the registry is the build's).
    return registry_for(config).derived(f"text direction: {language}", lambda: _read_direction(config, language))


def _read_direction(config: MkDocsConfig, language: str) -> str:
    try:
        template = theme_env(config).get_template(f"partials/languages/{language}.html")
        written = str(template.module.t("direction") or "").strip()
    except jinja2.TemplateNotFound:
        written = ""
    return written if written in ("rtl", "ltr") else "ltr"
