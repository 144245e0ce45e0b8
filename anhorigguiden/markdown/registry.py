"""The registry the extensions read: the build's own, or one for their configured folder.

Under MkDocs, hooks/markdown_extensions.py hands each extension the build's registry
(anhorigguiden/registry.py) in its `registry` option, so the hooks and the extensions share
one load and one check of every data file per build. Under an engine without hooks the
option is empty: the extension then uses a registry for its `data_dir` and languages, kept
for as long as the data files are unchanged (their size and modification time), because the
engine builds a fresh converter, and so fresh extensions, for every page, and `mkdocs serve`
must see an edited file at the next rebuild.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

from anhorigguiden.glossary_terms import TermMatcher
from anhorigguiden.guide_data import data_folder
from anhorigguiden.registry import Registry
from anhorigguiden.site_languages import Languages

# The option each extension that reads data declares, with how the hook fills it. Its
# default is "" and not None: Python-Markdown turns an option whose default is None or a
# bool into a bool, which would replace the registry by True.
REGISTRY_OPTION = ["", "The build's registry (hooks/markdown_extensions.py); empty: load data_dir"]


class DataExtension(Extension):
    """An extension that reads the data: the options all of ours share (the registry, the
    data folder, the build's language), then its own (`OPTIONS`, as Python-Markdown's
    `config`: name -> [default, help]); and its one processor, `PROCESSOR(md, extension)`,
    registered in each converter's `STEP` under `NAME` at `PRIORITY`."""

    DATA_FILES = "the data files"  # which files it reads, for the data_dir option's help
    OPTIONS: dict[str, list[Any]] = {}
    PROCESSOR: Callable[[Markdown, Any], Any]
    STEP = "preprocessors"  # or "treeprocessors": the converter's registry it goes in
    NAME: str
    PRIORITY: int

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "registry": list(REGISTRY_OPTION),
            "data_dir": ["", f"Folder with {self.DATA_FILES}; empty: upstream's data/"],
            "language": ["sv", "The build's language; a page's own language (mkdocs-static-i18n) wins"],
            **{name: list(option) for name, option in self.OPTIONS.items()},
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        getattr(md, self.STEP).register(self.PROCESSOR(md, self), self.NAME, self.PRIORITY)


class MarkerPreprocessor(Preprocessor):
    """A DataExtension's preprocessor that replaces markers: it declares them in `MARKERS`
    (kind -> how to write it; marker_check.py lists every kind declared on the converter)
    and reads its extension's options at each run."""

    MARKERS: dict[str, str]

    def __init__(self, md: Markdown, extension: DataExtension) -> None:
        super().__init__(md)
        self.extension = extension


def site_languages(language: str, built: list[str] | tuple[str, ...]) -> Languages:
    """The languages whose texts the registries must have: the built ones, default first."""
    ordered = tuple(built) or (language,)
    return Languages(ordered[0], language, ordered, ordered)


def registry_of(config: dict[str, Any]) -> Registry:
    """The registry an extension reads, from its options (`getConfigs()`)."""
    given = config.get("registry")
    if isinstance(given, Registry):
        return given
    folder = data_folder(config.get("data_dir") or "")
    langs = site_languages(config.get("language") or "sv", config.get("languages") or ())
    return _registry(folder, langs.built, _signature(folder))


def term_matcher(registry: Registry, language: str) -> TermMatcher:
    """The glossary's matcher for one language, made once per registry."""
    return registry.derived(f"glossary matcher:{language}", lambda: TermMatcher(registry.glossary.get(language, [])))


def _signature(folder: Path) -> tuple[tuple[str, int, int], ...]:
    signature = []
    for path in sorted(folder.glob("*.yml")):
        try:
            stat = path.stat()
            signature.append((path.name, stat.st_size, stat.st_mtime_ns))
        except OSError:
            signature.append((path.name, -1, -1))  # the loader reports the missing file
    return tuple(signature)


@functools.lru_cache(maxsize=8)
def _registry(folder: Path, built: tuple[str, ...], signature: object) -> Registry:
    return Registry(folder, Languages(built[0], built[0], built, built))
