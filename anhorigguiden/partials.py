"""Our templates rendered into a page's Markdown, as one raw HTML block.

Not a hook: hooks/local_contacts.py (for the contacts extension), hooks/help_contacts.py
and hooks/page_tools.py each put a partial of overrides/partials/ into pages with it. The
theme's Jinja environment is read once per build (`reset` in on_config: mkdocs-static-i18n builds each language with
its own template folders), not once per page.
"""

from __future__ import annotations

from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from anhorigguiden.template_cache import theme_env


class Partial:
    """One template, rendered for Markdown: no empty or indented lines, which Markdown
    would read as the end of the HTML block or as code."""

    def __init__(self, template: str) -> None:
        self.template = template
        self._env: jinja2.Environment | None = None

    def reset(self) -> None:
        """Forget the environment: the next build may have other template folders."""
        self._env = None

    def render(self, config: MkDocsConfig, **context: Any) -> str:
        if self._env is None:
            self._env = theme_env(config)
        html = self._env.get_template(self.template).render(**context)
        return "\n".join(line.strip() for line in html.splitlines() if line.strip())
