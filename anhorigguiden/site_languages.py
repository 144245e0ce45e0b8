"""Which languages a build has, and which language a page is written in.

Shared by the hooks that render text per language (citations, the
sources page, the glossary). mkdocs-static-i18n builds every language in turn with the
same config; these helpers read its state, and fall back to the theme's language when
the site is built without it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # types only: the Markdown extensions import this module without MkDocs
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

# A language code as mkdocs-static-i18n accepts it: 'sv', 'en', 'fi', 'pt_BR'.
LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(?:_[A-Z]{2})?")


@dataclass(frozen=True)
class Languages:
    default: str
    current: str
    built: tuple[str, ...]  # every language this site builds, default first
    configured: tuple[str, ...]  # every language named in the config, built or not

    def folder(self, language: str) -> str:
        """The URL folder of a language's pages: '' for the default, 'en/' for English."""
        return "" if language == self.default else f"{language}/"


def languages(config: MkDocsConfig) -> Languages:
    i18n = config.plugins.get("i18n")
    if i18n is None:
        only = config.theme["language"]
        return Languages(only, only, (only,), (only,))
    configured = tuple(lang.locale for lang in i18n.config.languages)
    default = i18n.default_language
    built = tuple(sorted((lang.locale for lang in i18n.config.languages if lang.build), key=lambda lang: lang != default))
    return Languages(default, i18n.current_language or default, built, configured)


def page_language(page: Page, config: MkDocsConfig) -> str:
    """The language the page's text is written in.

    With `fallback_to_default`, a page not yet translated is built into the English site
    from its Swedish file: its facts and citations must then be Swedish, like its text.
    """
    return getattr(page.file, "locale", None) or languages(config).current


def ui_texts(config: MkDocsConfig) -> dict[str, dict[str, str]]:
    """data/ui.yml as {language: {key: text}}, from this build's registry (loaded once per
    build). hooks/ui_strings.py has already checked that every key has text in every built
    language; this only reshapes it."""
    from anhorigguiden.registry import registry_for  # the registry imports this module

    return registry_for(config).ui_texts
