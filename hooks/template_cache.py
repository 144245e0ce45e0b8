"""The Jinja environment MkDocs renders this build's pages with shares the process's
bytecode cache (anhorigguiden/template_cache.py): a template is compiled once per process,
not once per language build and again on every `mkdocs serve` rebuild.

Events: on_env (priority 100, before any other hook's on_env can load a template).
"""

from __future__ import annotations

from typing import Any

import jinja2
from mkdocs.plugins import event_priority

from anhorigguiden.template_cache import share_bytecode


@event_priority(100)  # first: before any hook's on_env loads a template from this environment
def on_env(env: jinja2.Environment, **_: Any) -> jinja2.Environment:
    return share_bytecode(env)
