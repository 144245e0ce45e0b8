"""One registry per build: every data file loaded and checked once, and handed to every hook.

mkdocs-static-i18n runs the whole build (`on_config` … `on_post_build`) once per language
with the same config object, and several hooks need the same file (data/ui.yml had 40
readers per build). So each file is read, parsed and validated at its first use in a build
and the result kept on that build's config object: the four language runs share it, and
`mkdocs serve`, which loads a new config for every rebuild, starts again with a fresh one,
so an edited file is seen and nothing outlives the build (STYLE.md, lesson 8).

Usage in a hook: `registry_for(config).references`. The Markdown extensions get the same
object from hooks/markdown_extensions.py (anhorigguiden/markdown/registry.py); outside
MkDocs (another engine, a script, a test) build one from a data folder and the languages:
`Registry(folder, langs)`.

The loaded values are shared by every reader of the build: treat them as read-only.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from anhorigguiden import glossary_terms, national_contacts, organisation_schema, references, search_synonyms, training_data
from anhorigguiden.guide_data import data_dir, load_yaml_file
from anhorigguiden.site_languages import Languages, languages
from anhorigguiden.ui_keys import UiStrings

if TYPE_CHECKING:  # types only: the Markdown extensions use this module without MkDocs
    from mkdocs.config.defaults import MkDocsConfig

T = TypeVar("T")

# Where a build's registry is kept: an attribute of the build's own config object (a plain
# instance attribute, not a config key, so no template or plugin sees it).
_ATTRIBUTE = "_anhorigguiden_registry"
_INPUTS_ATTRIBUTE = "_anhorigguiden_registry_inputs"  # what the registry was asked for with

UI_SECTION = "Interface text"


class Registry:
    """The data files of one build, each loaded and checked at its first use.

    `langs` are the site's languages; which one is being built (`langs.current`) does not
    matter here: every value is for all built languages, as each loader returns it.
    """

    def __init__(self, folder: Path, langs: Languages) -> None:
        self.folder = folder
        # The language being built is not part of the data: keep the default in its place,
        # so that two language runs of one build compare equal in `key`.
        self.languages = Languages(langs.default, langs.default, langs.built, langs.configured)
        self._derived: dict[str, Any] = {}

    @property
    def key(self) -> tuple[Any, ...]:
        return (self.folder, self.languages)

    # --- each file read and parsed once (strict YAML, anhorigguiden.guide_data), checked once

    @functools.cached_property
    def ui(self) -> Any:
        """data/ui.yml as written: {key: {language: text}} (None if empty).
        hooks/ui_strings.py checks it against anhorigguiden/ui_keys.py before any other
        hook reads it."""
        return load_yaml_file(self.folder / "ui.yml", section=UI_SECTION)

    @functools.cached_property
    def ui_texts(self) -> dict[str, UiStrings]:
        """data/ui.yml as {language: {key: text}}."""
        texts: dict[str, UiStrings] = {}
        for key, values in (self.ui or {}).items():
            for language, text in (values or {}).items():
                # A key nobody declared stops the build with a message, not a KeyError.
                texts.setdefault(language, UiStrings())[key] = text
        return texts

    @functools.cached_property
    def references(self) -> references.References:
        """data/sources.yml, facts.yml and law.yml, checked against each other."""
        return references.load_folder(self.folder, self.languages)

    @property
    def source_keys(self) -> dict[str, Any]:
        """The sources by key, for the hooks that only ask whether a key exists (front
        matter `sources:`, a training path's sources)."""
        return self.references.sources

    @functools.cached_property
    def glossary(self) -> dict[str, list[glossary_terms.Term]]:
        return glossary_terms.load_glossary(self.folder / "glossary.yml", self.languages)

    @functools.cached_property
    def national_contacts(self) -> list[national_contacts.NationalContact]:
        return national_contacts.load(self.folder / "national_contacts.yml", languages=self.languages.built, facts=self.references.facts)

    @functools.cached_property
    def training_paths(self) -> list[training_data.TrainingPath]:
        return training_data.load_paths(
            self.folder / "paths", languages=list(self.languages.built), known_sources=self.source_keys, configured=list(self.languages.configured)
        )

    @functools.cached_property
    def synonyms(self) -> search_synonyms.Synonyms:
        # Every configured language: a build that leaves some out (build_only_locale) still reads the file.
        return search_synonyms.load_synonyms(self.folder / "synonyms.yml", languages=list(self.languages.configured))

    def organisation(self, path: Path, *, sections: list[str]) -> organisation_schema.Organisation:
        """An organisation's own file (it lives outside data/, so the caller names it)."""

        def load() -> organisation_schema.Organisation:
            return organisation_schema.load(path, languages=list(self.languages.built), sections=sections)

        return self.derived(f"organisation:{path}:{','.join(sections)}", load)

    # --- what hooks make from the data, once per build ----------------------------------

    def derived(self, name: str, make: Callable[[], T]) -> T:
        """`make()`'s result, made once per build under `name`: for what a hook computes
        from the data for every language at once (a check, a term matcher)."""
        if name not in self._derived:
            self._derived[name] = make()
        return self._derived[name]


def registry_for(config: MkDocsConfig) -> Registry:
    """This build's registry: made at the first call of a build, shared by its language runs."""
    current = getattr(config, _ATTRIBUTE, None)
    # Asked a thousand times a build: what the key is made from is compared first, and the
    # data folder's path is resolved (file system calls) only when that has changed.
    inputs = _key_inputs(config)
    if isinstance(current, Registry) and getattr(config, _INPUTS_ATTRIBUTE, None) == inputs:
        return current
    wanted = Registry(data_dir(config), languages(config))
    setattr(config, _INPUTS_ATTRIBUTE, inputs)
    if isinstance(current, Registry) and current.key == wanted.key:
        return current
    # A new build (a new config), or a test that pointed extra.data_dir elsewhere.
    setattr(config, _ATTRIBUTE, wanted)
    return wanted


def _key_inputs(config: MkDocsConfig) -> tuple[Any, ...]:
    """What a registry's key is made from, as configured: the data folder as written, where
    it is read from, and the site's languages."""
    i18n = config.plugins.get("i18n")
    langs = (
        (config.theme["language"],)
        if i18n is None
        else (i18n.default_language, tuple((language.locale, language.build) for language in i18n.config.languages))
    )
    return (config.extra.get("data_dir"), config.config_file_path or os.getcwd(), langs)
