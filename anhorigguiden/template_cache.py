"""One Jinja bytecode cache for every template environment of the process.

MkDocs makes a new Jinja environment for each build (`config.theme.get_env()`), and our
hooks make their own for the partials they render into pages; mkdocs-static-i18n builds
four languages, so each of our ~60 templates was compiled about four times per build
(250 compiles), and again on every `mkdocs serve` rebuild. With this cache a template is
compiled once per process: the other environments load its compiled code.

It is the one piece of state kept beyond a build, on purpose, and it cannot serve stale
code: Jinja stores the source's checksum with the code and compiles again when a template
has changed (`jinja2.bccache.Bucket.load_bytecode`), which `mkdocs serve` relies on after an
edit in overrides/. Its size is bounded by the number of templates (one entry per file).
"""

from __future__ import annotations

import jinja2
from jinja2.bccache import Bucket
from mkdocs.config.defaults import MkDocsConfig


class MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates kept in memory, keyed by template name and file (Jinja's key)."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}
        self.stored = 0  # how many compiled templates were stored (tests and `make bench`)

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()
        self.stored += 1

    def clear(self) -> None:
        self._code.clear()


BYTECODE_CACHE = MemoryBytecodeCache()


def share_bytecode(env: jinja2.Environment) -> jinja2.Environment:
    """Give `env` the process's bytecode cache (hooks/template_cache.py does it for the
    environment MkDocs builds pages with)."""
    env.bytecode_cache = BYTECODE_CACHE
    return env


def theme_env(config: MkDocsConfig) -> jinja2.Environment:
    """The theme's Jinja environment, as `config.theme.get_env()`, with the shared cache."""
    return share_bytecode(config.theme.get_env())
