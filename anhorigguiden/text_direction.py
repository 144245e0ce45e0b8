"""Which way a language is written: 'rtl' for Arabic, 'ltr' for Swedish.

Used by hooks/translations.py (for the page tools and who to call too), which marks text
that is in another language than the page around it, and by the table of contents
(`heading_languages`). Material sets the page's own `dir`
from its language file (`direction` in partials/languages/ar.html); this reads the same
files, so that the two never disagree.
"""

from __future__ import annotations

import html
import re

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from anhorigguiden.registry import registry_for
from anhorigguiden.template_cache import theme_env


def direction(config: MkDocsConfig, language: str) -> str:
    # Once per build and language: the theme's language files do not change during a build,
    # but may between two `mkdocs serve` rebuilds (the registry is the build's).
    return registry_for(config).derived(f"text direction: {language}", lambda: _read_direction(config, language))


def language_attributes(config: MkDocsConfig, written_in: str, language: str) -> str:
    """' lang="sv" dir="ltr"' for text written in `written_in` on a page in `language` (a
    Swedish title on the Arabic site), so that a screen reader reads it with its own voice;
    '' when the two are the same."""
    if written_in == language:
        return ""
    return f' lang="{html.escape(written_in)}" dir="{direction(config, written_in)}"'


def _read_direction(config: MkDocsConfig, language: str) -> str:
    try:
        template = theme_env(config).get_template(f"partials/languages/{language}.html")
        written = str(template.module.t("direction") or "").strip()
    except jinja2.TemplateNotFound:
        written = ""
    return written if written in ("rtl", "ltr") else "ltr"


# A heading marked with another language than the page's (`## Title {#key lang="sv" dir="ltr"}`
# on the English Källor page): its tag, and the attributes read from it.
_MARKED_HEADING = re.compile(r"<h[1-6]\b[^>]*\slang=\"[^\"]*\"[^>]*>")
_ATTRIBUTE = re.compile(r'\s(id|lang|dir)="([^"]*)"')


def heading_languages(html: str) -> dict[str, dict[str, str]]:
    """{heading id: {"lang": ..., "dir": ...}} for the headings of `html` marked with a
    language, so that the table of contents marks its entry for them the same way
    (overrides/partials/toc-item.html)."""
    marked = {}
    for tag in _MARKED_HEADING.findall(html):
        attributes = dict(_ATTRIBUTE.findall(tag))
        if attributes.get("id"):
            marked[attributes["id"]] = {"lang": attributes["lang"], "dir": attributes.get("dir", "")}
    return marked
