"""Facts, citations and law references in pages: [[fact:key]], [[source:key]], [[law:key]].

Events: on_config (load and check data/sources.yml, facts.yml and law.yml for this
language's build), on_page_markdown (every page: replace the markers by Markdown).

What the reader gets, in the language the page is written in:

- [[fact:adults_caring]] -> `1,3 miljoner ([källa: Nationella nätverket för anhörigstöd](../kallor.md#natverket-strategi-bildspel){.ag-cite})`
- [[source:key]] -> the same parenthesis alone; markers side by side share one parenthesis.
- [[law:key]] -> the law's name (with its provision only once someone has verified it),
  linked to its source on the Källor page.

The whole "källa: ..." phrase is the link text, so that a screen reader's list of links
says what each link is, and the parenthesis wraps like any text on a phone. Links are
written to the Källor page's Markdown file, so MkDocs makes them relative, resolves them
to the page's language and checks the anchor in --strict builds.
"""

from __future__ import annotations

import posixpath
import re

from guide_data import GuideError, Problem
from markdown_text import escape
from markers import Marker, find_markers, source_line
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from references import FACTS_SECTION, LAW_SECTION, SOURCES_SECTION, References, known_keys, load
from site_languages import page_language, ui_texts

SOURCES_PAGE = "kallor.md"

# The markers this hook replaces, with how to write them (unknown_directives lists them).
MARKERS = {
    "fact": "[[fact:<key in data/facts.yml>]]",
    "source": "[[source:<key in data/sources.yml>]]",
    "law": "[[law:<key in data/law.yml>]]",
}
_SECTIONS = {"fact": FACTS_SECTION, "source": SOURCES_SECTION, "law": LAW_SECTION}
_FILES = {"fact": "data/facts.yml", "source": "data/sources.yml", "law": "data/law.yml"}

_references: References | None = None
_texts: dict[str, dict[str, str]] = {}


@event_priority(-200)  # after mkdocs-static-i18n has set up this language's build
def on_config(config: MkDocsConfig) -> None:
    global _references, _texts
    _references = load(config)
    _texts = ui_texts(config)
    _check_law_format(_texts)


@event_priority(5)  # after sources_page.py (10) has recorded the markers
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    assert _references is not None, "on_config loads the registries first"
    markers = [marker for marker in find_markers(markdown) if marker.kind in MARKERS]
    if not markers:
        return markdown
    _check_keys(page, markers, _references)
    language = page_language(page, config)
    link = posixpath.relpath(SOURCES_PAGE, posixpath.dirname(page.file.src_uri) or ".")
    pieces = []
    position = 0
    for group in _groups(markdown, markers):
        pieces.append(markdown[position : group[0].start])
        pieces.append(render_group(group, _references, _texts[language], language, link))
        position = group[-1].end
    pieces.append(markdown[position:])
    return "".join(pieces)


def render_group(group: list[Marker], references: References, texts: dict[str, str], language: str, link: str) -> str:
    """Markdown for one marker, or for a run of [[source:]] markers side by side."""
    first = group[0]
    if first.kind == "fact":
        fact = references.facts[first.argument or ""]
        return f"{escape(fact.text[language])} {_parenthesis([fact.source], references, texts, language, link)}"
    if first.kind == "law":
        law = references.laws[first.argument or ""]
        name = law.law[language]
        if law.provision:
            name = texts["law_with_provision"].format(law=name, provision=law.provision[language])
        return f"[{escape(name)}]({link}#{law.source}){{.ag-law}}"
    return _parenthesis([marker.argument or "" for marker in group], references, texts, language, link)


def _parenthesis(keys: list[str], references: References, texts: dict[str, str], language: str, link: str) -> str:
    label = texts["citation_source"]
    links = [f"[{escape(label)}: {escape(references.sources[key].citation_name(language))}]({link}#{key}){{.ag-cite}}" for key in keys]
    return "(" + "; ".join(links) + ")"


def _groups(markdown: str, markers: list[Marker]) -> list[list[Marker]]:
    """Markers in order; [[source:]] markers with only spaces between them form one group."""
    groups: list[list[Marker]] = []
    for marker in markers:
        previous = groups[-1][-1] if groups else None
        if (
            previous is not None
            and marker.kind == previous.kind == "source"
            and markdown[previous.end : marker.start].strip(" \t") == ""
        ):
            groups[-1].append(marker)
        else:
            groups.append([marker])
    return groups


def _check_keys(page: Page, markers: list[Marker], references: References) -> None:
    """Every marker of the page names a known key; report all that do not, at once."""
    registries = {"fact": references.facts, "source": references.sources, "law": references.laws}
    problems = []
    sections = []
    source = _page_source(page)
    for marker in markers:
        registry = registries[marker.kind]
        if marker.argument and marker.argument in registry:
            continue
        line = source_line(source, marker.text)
        where = f" on line {line}" if line else ""
        problems.append(
            Problem(
                marker.text,
                f"the key {marker.argument or ''!r}{where}, which is not in {_FILES[marker.kind]}",
                f"a key from {_FILES[marker.kind]}: {known_keys(marker.argument or '', registry)}",
                f"correct the key in the page, or add an entry '{marker.argument or '<key>'}:' to {_FILES[marker.kind]} first",
            )
        )
        sections.append(_SECTIONS[marker.kind])
    if problems:
        raise GuideError(page.file.src_uri, problems, sections[0])


def _check_law_format(texts: dict[str, dict[str, str]]) -> None:
    """data/ui.yml's `law_with_provision` must place both the provision and the law."""
    problems = [
        Problem(f"law_with_provision.{language}", repr(strings.get("law_with_provision")), "text containing both {provision} and {law}", "write e.g. '{provision} {law}' (sv) or '{law}, {provision}' (en)")
        for language, strings in texts.items()
        if "law_with_provision" in strings and not {"{law}", "{provision}"} <= set(re.findall(r"\{\w+\}", strings["law_with_provision"]))
    ]
    if problems:
        raise GuideError("data/ui.yml", problems, "Interface text")


def _page_source(page: Page) -> str:
    try:
        return page.file.content_string
    except (OSError, TypeError):
        return ""
