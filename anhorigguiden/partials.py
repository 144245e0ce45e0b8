"""Our templates rendered into a page's Markdown, as one raw HTML block.

Not a hook: hooks/local_contacts.py gives it to the contacts extension, which puts
overrides/partials/contacts.html into pages with it. The
theme's Jinja environment and the interface texts are read once per build (`start_build`
in on_config: mkdocs-static-i18n builds each language with its own template folders), not
once per page.
"""

from __future__ import annotations

from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from anhorigguiden.site_languages import ui_texts
from anhorigguiden.template_cache import theme_env


class Partial:
    """One template, rendered for Markdown: no empty or indented lines, which Markdown
    would read as the end of the HTML block or as code."""

    def __init__(self, template: str) -> None:
        self.template = template
        self._env: jinja2.Environment | None = None
        self._texts: dict[str, dict[str, str]] = {}

    def start_build(self, config: MkDocsConfig) -> None:
        """A new build (or language run): its interface texts, and its template folders
        (the environment is made again at the first render)."""
        self._env = None
        self._texts = ui_texts(config)

    def texts(self, language: str) -> dict[str, str]:
        """data/ui.yml's texts in one language, for the template's `ui`."""
        return self._texts.get(language, {})

    def render(self, config: MkDocsConfig, **context: Any) -> str:
        if self._env is None:
            self._env = theme_env(config)
        html = self._env.get_template(self.template).render(**context)
        return "\n".join(line.strip() for line in html.splitlines() if line.strip())
