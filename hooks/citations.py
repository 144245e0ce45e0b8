"""Facts, citations and law references in pages: [[fact:key]], [[source:key]], [[law:key]].

Events: on_config (load and check data/sources.yml, facts.yml and law.yml for this
language's build; register anhorigguiden/citation_refs.py's Markdown extension), on_page_markdown
(every page: replace the markers by Markdown).

What the reader gets, in the language the page is written in:

- [[fact:adults_caring]] -> the value alone, `1,3 miljoner`, with a numbered reference to
  its source: `[1](../kallor.md#natverket-strategi-bildspel){.ag-cite .ag-ref aria-label="Källa 1: ..."}`.
- [[source:key]] -> the numbered reference alone.
- [[law:key]] -> the law's name (with its provision only once someone has verified it),
  linked to its source on the Källor page.

A page numbers its sources in the order they first appear; a source cited again keeps its
number. The references never stay inside a sentence: anhorigguiden/citation_refs.py moves them to
the end of their paragraph, list item or table cell, one per source, where the read-aloud
script skips them. Their accessible name says what the link is ("Källa 1: Försäkringskassan").
On easy-to-read pages (lattlast/) there are no numbers: one line "Källor: ..." ends the page.
Links are written to the Källor page's Markdown file, so MkDocs makes them relative,
resolves them to the page's language and checks the anchor in --strict builds.
"""

from __future__ import annotations

import posixpath
import re

from anhorigguiden.guide_data import GuideError, Problem
from anhorigguiden.markdown_text import escape
from anhorigguiden.citation_refs import CitationRefsExtension
from anhorigguiden.markers import Marker, find_markers, source_line
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from anhorigguiden.references import FACTS_SECTION, LAW_SECTION, SOURCES_SECTION, References, known_keys
from anhorigguiden.registry import registry_for
from anhorigguiden.site_languages import page_language, ui_texts

SOURCES_PAGE = "kallor.md"
EASY_READ_FOLDER = "lattlast/"

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
    _references = registry_for(config).references
    _texts = ui_texts(config)
    _check_law_format(_texts)
    # Once: mkdocs-static-i18n runs on_config again for every language on the same list.
    # By name: `mkdocs serve` reloads this module, and an old instance must not stay beside.
    if not any(type(extension).__name__ == CitationRefsExtension.__name__ for extension in config.markdown_extensions):
        config.markdown_extensions.append(CitationRefsExtension())


@event_priority(5)  # after sources_page.py (10) has recorded the markers
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    assert _references is not None, "on_config loads the registries first"
    markers = [marker for marker in find_markers(markdown) if marker.kind in MARKERS]
    if not markers:
        return markdown
    _check_keys(page, markers, _references)
    language = page_language(page, config)
    link = posixpath.relpath(SOURCES_PAGE, posixpath.dirname(page.file.src_uri) or ".")
    easy_read = page.file.src_uri.startswith(EASY_READ_FOLDER)
    numbers: dict[str, int] = {}
    pieces = []
    position = 0
    for group in _groups(markdown, markers):
        pieces.append(markdown[position : group[0].start])
        pieces.append(render_group(group, _references, _texts[language], language, link, numbers, numbered=not easy_read))
        position = group[-1].end
    pieces.append(markdown[position:])
    if easy_read and numbers:
        pieces.append("\n\n" + sources_line(list(numbers), _references, _texts[language], language, link) + "\n")
    return "".join(pieces)


def render_group(
    group: list[Marker], references: References, texts: dict[str, str], language: str, link: str, numbers: dict[str, int], *, numbered: bool = True
) -> str:
    """Markdown for one marker, or for a run of [[source:]] markers side by side. `numbers`
    holds the page's source numbers so far and gains the new ones; without `numbered` the
    sources are only recorded there (for the easy-to-read pages' sources line)."""
    first = group[0]
    if first.kind == "law":
        law = references.laws[first.argument or ""]
        name = law.law[language]
        if law.provision:
            name = texts["law_with_provision"].format(law=name, provision=law.provision[language])
        return f"[{escape(name)}]({link}#{law.source}){{.ag-law}}"
    if first.kind == "fact":
        fact = references.facts[first.argument or ""]
        return escape(fact.text[language]) + _references_to([fact.source], references, texts, language, link, numbers, numbered)
    return _references_to([marker.argument or "" for marker in group], references, texts, language, link, numbers, numbered)


def _references_to(keys: list[str], references: References, texts: dict[str, str], language: str, link: str, numbers: dict[str, int], numbered: bool) -> str:
    links = []
    for key in keys:
        number = numbers.setdefault(key, len(numbers) + 1)
        if numbered:
            name = texts["citation_numbered"].format(number=number, name=references.sources[key].citation_name(language))
            links.append(f'[{number}]({link}#{key}){{.ag-cite .ag-ref aria-label="{_attribute(name)}"}}')
    return "".join(links)


def sources_line(keys: list[str], references: References, texts: dict[str, str], language: str, link: str) -> str:
    """The easy-to-read pages' one line of sources, as a paragraph the read-aloud skips."""
    names = ", ".join(f"[{escape(references.sources[key].citation_name(language))}]({link}#{key}){{.ag-cite}}" for key in keys)
    return f'{escape(texts["citation_sources_line"])}: {names}\n{{.ag-sources-line data-ag-no-read=""}}'


def _attribute(text: str) -> str:
    """Text as an attr_list value in double quotes: no quote or brace may end it early."""
    return text.replace('"', "\u201d").replace("{", "(").replace("}", ")")


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
