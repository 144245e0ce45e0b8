"""The Jinja filter `date_in_words` (used by overrides/partials/page-meta.html): a date as
each language writes it (anhorigguiden/date_words.py).

Events: on_env. Touches no page.
"""

from __future__ import annotations

from typing import Any

from anhorigguiden.date_words import in_words
from mkdocs.config.defaults import MkDocsConfig


def on_env(env: Any, *, config: MkDocsConfig, files: Any) -> Any:
    env.filters["date_in_words"] = in_words
    return env
