"""The data files the extensions read, loaded through the package, once per content.

MkDocs builds a fresh converter, and so fresh extensions, for every page: loading and
checking data/sources.yml for each of 280 pages would cost seconds. A registry is kept
for as long as its files are unchanged (their size and modification time), so that
`mkdocs serve` sees an edited file at the next rebuild.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from anhorigguiden import references
from anhorigguiden.glossary_terms import Term, TermMatcher, load_glossary  # Term: the cache's type
from anhorigguiden.guide_data import UPSTREAM_ROOT, load_yaml_file
from anhorigguiden.site_languages import Languages
from anhorigguiden.ui_keys import UiStrings

UI_SECTION = "Interface text"


def data_folder(configured: str) -> Path:
    """The configured data folder, or upstream's `data/` beside the package."""
    return Path(configured) if configured else UPSTREAM_ROOT / "data"


def site_languages(language: str, built: list[str] | tuple[str, ...]) -> Languages:
    """The languages whose texts the registries must have: the built ones, default first."""
    ordered = tuple(built) or (language,)
    return Languages(ordered[0], language, ordered, ordered)


def _signature(*paths: Path) -> tuple[tuple[str, int, int], ...]:
    signature = []
    for path in paths:
        try:
            stat = path.stat()
            signature.append((str(path), stat.st_size, stat.st_mtime_ns))
        except OSError:
            signature.append((str(path), -1, -1))  # the loader reports the missing file
    return tuple(signature)


def load_references(folder: Path, langs: Languages) -> references.References:
    names = ("sources.yml", "facts.yml", "law.yml")
    return _references(folder, langs.built, _signature(*(folder / name for name in names)))


@functools.lru_cache(maxsize=8)
def _references(folder: Path, built: tuple[str, ...], signature: object) -> references.References:
    return references.load_folder(folder, Languages(built[0], built[0], built, built))


def load_ui(folder: Path) -> dict[str, dict[str, str]]:
    """data/ui.yml as {language: {key: text}} (hooks/ui_strings.py checks its keys)."""
    return _ui(folder, _signature(folder / "ui.yml"))


@functools.lru_cache(maxsize=8)
def _ui(folder: Path, signature: object) -> dict[str, dict[str, str]]:
    registry: Any = load_yaml_file(folder / "ui.yml", section=UI_SECTION)
    texts: dict[str, dict[str, str]] = {}
    for key, values in (registry or {}).items():
        for language, text in (values or {}).items():
            texts.setdefault(language, UiStrings())[key] = text
    return texts


@functools.lru_cache(maxsize=8)
def _terms(folder: Path, built: tuple[str, ...], signature: object) -> dict[str, list[Term]]:
    return load_glossary(folder / "glossary.yml", Languages(built[0], built[0], built, built))


@functools.lru_cache(maxsize=32)
def term_matcher(folder: Path, built: tuple[str, ...], signature: object, language: str) -> TermMatcher:
    return TermMatcher(_terms(folder, built, signature).get(language, []))


def load_matcher(folder: Path, langs: Languages, language: str) -> TermMatcher:
    """The glossary's matcher for one language (built once per content of glossary.yml)."""
    return term_matcher(folder, langs.built, _signature(folder / "glossary.yml"), language)
