"""The Markdown pages in docs/ and where each is built, read independently of the hooks.

Tests of the real site use this to know, from the authors' files, what a built page
should contain (its markers, its front-matter sources), without a hard-coded list of
pages that the content writers may change.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import yaml
from mkdocs.utils.yaml import yaml_load
from sitebuilder import REPO

sys.path.insert(0, str(REPO / "hooks"))
from anhorigguiden.markers import Marker, find_markers  # noqa: E402

DOCS = REPO / "docs"


def _languages() -> tuple[str, tuple[str, ...]]:
    """(default, built) languages, as mkdocs.yml configures mkdocs-static-i18n."""
    with open(REPO / "mkdocs.yml", encoding="utf-8") as handle:
        plugins = yaml_load(handle)["plugins"]
    i18n = next(p["i18n"] for p in plugins if isinstance(p, dict) and "i18n" in p)
    default = next(lang["locale"] for lang in i18n["languages"] if lang.get("default"))
    built = tuple(lang["locale"] for lang in i18n["languages"] if lang.get("build", True))
    return default, (default, *(lang for lang in built if lang != default))


DEFAULT, LANGUAGES = _languages()


def folder(language: str) -> str:
    """The folder of a language's built pages: '' for the default, 'en/' for English."""
    return "" if language == DEFAULT else f"{language}/"


@dataclass(frozen=True)
class DocPage:
    language: str  # the build the page belongs to
    source: Path  # the file it is built from (the Swedish one when not translated)
    built: str  # the built HTML file, relative to the site folder

    @property
    def text(self) -> str:
        return self.source.read_text(encoding="utf-8")

    @property
    def front_matter(self) -> dict:
        text = self.text
        if not text.startswith("---"):
            return {}
        return yaml.safe_load(text.split("---", 2)[1]) or {}

    @property
    def body(self) -> str:
        text = self.text
        return text.split("---", 2)[2] if text.startswith("---") else text

    @property
    def markers(self) -> list[Marker]:
        return list(find_markers(self.body))

    @property
    def written_in(self) -> str:
        suffixes = self.source.name.split(".")
        return suffixes[-2] if len(suffixes) > 2 and suffixes[-2] in LANGUAGES else DEFAULT


def doc_pages() -> list[DocPage]:
    """Every page of every language, as mkdocs-static-i18n builds it (suffix structure,
    with fallback to the Swedish file for pages not yet translated)."""
    pages = []
    for source in sorted(DOCS.rglob("*.md")):
        relative = source.relative_to(DOCS).as_posix()
        if relative.startswith("assets/") or any(f".{lang}." in source.name for lang in LANGUAGES):
            continue
        for language in LANGUAGES:
            translated = source.with_name(source.name[: -len(".md")] + f".{language}.md")
            file = translated if translated.exists() else source
            pages.append(DocPage(language, file, folder(language) + built_path(relative)))
    return pages


def built_path(relative: str) -> str:
    """'guider/stod.md' -> 'guider/stod/index.html'; 'guider/index.md' -> 'guider/index.html'."""
    stem = relative[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        return stem + ".html"
    return stem + "/index.html"


def load_data(name: str) -> dict:
    return yaml.safe_load((REPO / "data" / name).read_text(encoding="utf-8")) or {}
