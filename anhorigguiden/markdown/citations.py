"""Facts, citations and law references in pages: [[fact:key]], [[source:key]], [[law:key]].

A Python-Markdown extension (`anhorigguiden.markdown.citations` under
`markdown_extensions:`). Config: `data_dir` (the folder with sources.yml, facts.yml,
law.yml and ui.yml; upstream's `data/` when empty), `language` (the build's language,
Swedish by default), `languages` (the built languages, whose texts the registries must
have), `sources_page` and `easy_read_folder`. Under MkDocs, hooks/markdown_extensions.py
sets the first three for each language's build.

What the reader gets, in the language the page is written in:

- [[fact:adults_caring]] -> the value alone, `1,3 miljoner`, with a numbered reference to
  its source: `[1](../kallor.md#natverket-strategi-bildspel){.ag-cite .ag-ref aria-label="Källa 1: ..."}`.
- [[source:key]] -> the numbered reference alone.
- [[law:key]] -> the law's name (with its provision only once someone has verified it),
  linked to its source on the Källor page.

A page numbers its sources in the order they first appear; a source cited again keeps its
number. The references never stay inside a sentence: citation_refs.py moves them to the
end of their paragraph, list item or table cell, one per source, where the read-aloud
script skips them. On easy-to-read pages (lattlast/) there are no numbers: one line
"Källor: ..." ends the page.

Why a preprocessor that writes Markdown, not an inline pattern that builds elements: the
marker's text then goes through every other extension exactly as an author's own text
would (attr_list, smart symbols, the glossary), and the links are written to the Källor
page's Markdown file, so MkDocs makes them relative, resolves them to the page's language
and checks the anchor in --strict builds. It runs before the fences are set aside; the
shared scanner (markers.py) leaves markers in code as they are.
"""

from __future__ import annotations

import re


from anhorigguiden.guide_data import GuideError, Problem
from anhorigguiden.markdown.page import PageInfo, page_info
from anhorigguiden.markdown.registry import DataExtension, MarkerPreprocessor, registry_of
from anhorigguiden.markdown_text import escape
from anhorigguiden.markers import Marker, find_markers, source_line
from anhorigguiden.registry import Registry
from anhorigguiden.references import FACTS_SECTION, LAW_SECTION, SOURCES_SECTION, References, known_keys

# The markers this extension replaces, with how to write them (marker_check.py lists them).
MARKERS = {
    "fact": "[[fact:<key in data/facts.yml>]]",
    "source": "[[source:<key in data/sources.yml>]]",
    "law": "[[law:<key in data/law.yml>]]",
}
EXTENSION_NAME = "anhorigguiden.markdown.citations"
_SECTIONS = {"fact": FACTS_SECTION, "source": SOURCES_SECTION, "law": LAW_SECTION}
_FILES = {"fact": "data/facts.yml", "source": "data/sources.yml", "law": "data/law.yml"}
# After contacts.py (36), which writes HTML, before the leftover check (32) and before
# Python-Markdown's own preprocessors (30 and lower) set fences and HTML aside.
PRIORITY = 34


class CitationsPreprocessor(MarkerPreprocessor):
    MARKERS = MARKERS

    def run(self, lines: list[str]) -> list[str]:
        markdown = "\n".join(lines)
        markers = [marker for marker in find_markers(markdown) if marker.kind in MARKERS]
        if not markers:
            return lines
        config = self.extension.getConfigs()
        page = page_info(self.md, config["language"])
        registry = registry_of(config)
        references = registry.references
        ui = registry.ui_texts
        registry.derived("law_with_provision checked", lambda: check_law_format(ui))
        check_language(page, registry.languages.built)
        check_keys(page, markers, references)
        if page.src_uri is not None:
            sources_cited(registry, config["language"])[page.src_uri] = frozenset(cited_sources(markers, references))
        texts = ui[page.language]
        link = page.link_to(config["sources_page"])
        easy_read = (page.src_uri or "").startswith(config["easy_read_folder"])
        numbers: dict[str, int] = {}
        pieces = []
        position = 0
        for group in groups(markdown, markers):
            pieces.append(markdown[position : group[0].start])
            pieces.append(render_group(group, references, texts, page.language, link, numbers, numbered=not easy_read))
            position = group[-1].end
        pieces.append(markdown[position:])
        if easy_read and numbers:
            pieces.append("\n\n" + sources_line(list(numbers), references, texts, page.language, link) + "\n")
        return "".join(pieces).split("\n")


def sources_cited(registry: Registry, language: str) -> dict[str, frozenset[str]]:
    """The sources each page converted so far in `language`'s build cites with a marker
    (src_uri -> keys): for the Källor page (hooks/sources_page.py), converted after every
    other page, which so need not look for the markers again."""
    return registry.derived(f"sources cited: {language}", dict)


def cited_sources(markers: list[Marker], references: References) -> set[str]:
    """The sources that markers (of known keys) cite: a fact's and a law's, and each source's."""
    keys = set()
    for marker in markers:
        key = marker.argument or ""
        if marker.kind == "source":
            keys.add(key)
        elif marker.kind == "fact":
            keys.add(references.facts[key].source)
        elif marker.kind == "law":
            keys.add(references.laws[key].source)
    return keys


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


def groups(markdown: str, markers: list[Marker]) -> list[list[Marker]]:
    """Markers in order; [[source:]] markers with only spaces between them form one group."""
    found: list[list[Marker]] = []
    for marker in markers:
        previous = found[-1][-1] if found else None
        if (
            previous is not None
            and marker.kind == previous.kind == "source"
            and markdown[previous.end : marker.start].strip(" \t") == ""
        ):
            found[-1].append(marker)
        else:
            found.append([marker])
    return found


def check_language(page: PageInfo, languages: tuple[str, ...]) -> None:
    """The page's language must be one the registries were checked for: under an engine that
    builds more languages than the extension's `languages` option names (mkdocs-static-i18n
    without hooks/markdown_extensions.py), a fact would have no text in it."""
    if page.language in languages:
        return
    raise GuideError(
        page.label,
        [
            Problem(
                f"markdown_extensions: {EXTENSION_NAME}",
                f"a page in '{page.language}', a language the extension's `languages` option does not list",
                "one of its languages: " + ", ".join(languages),
                f"add '{page.language}' to `languages` under {EXTENSION_NAME} in mkdocs.yml (under MkDocs, hooks/markdown_extensions.py sets it to the built languages)",
            )
        ],
        SOURCES_SECTION,
    )


def check_keys(page: PageInfo, markers: list[Marker], references: References) -> None:
    """Every marker of the page names a known key; report all that do not, at once."""
    registries = {"fact": references.facts, "source": references.sources, "law": references.laws}
    problems = []
    sections = []
    for marker in markers:
        registry = registries[marker.kind]
        if marker.argument and marker.argument in registry:
            continue
        line = source_line(page.source, marker.text)
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
        raise GuideError(page.label, problems, sections[0])


def check_law_format(texts: dict[str, dict[str, str]]) -> None:
    """data/ui.yml's `law_with_provision` must place both the provision and the law."""
    problems = [
        Problem(f"law_with_provision.{language}", repr(strings.get("law_with_provision")), "text containing both {provision} and {law}", "write e.g. '{provision} {law}' (sv) or '{law}, {provision}' (en)")
        for language, strings in texts.items()
        if "law_with_provision" in strings and not {"{law}", "{provision}"} <= set(re.findall(r"\{\w+\}", strings["law_with_provision"]))
    ]
    if problems:
        raise GuideError("data/ui.yml", problems, "Interface text")


class CitationsExtension(DataExtension):
    DATA_FILES = "sources.yml, facts.yml, law.yml and ui.yml"
    OPTIONS = {
        "languages": [["sv"], "Every built language, default first: the registries must have text in each"],
        "sources_page": ["kallor.md", "The Källor page's file under docs/, which the links point to"],
        "easy_read_folder": ["lattlast/", "Pages under it get one line of sources instead of numbers"],
    }
    PROCESSOR = CitationsPreprocessor
    NAME = "ag_citations"
    PRIORITY = PRIORITY


def makeExtension(**kwargs: object) -> CitationsExtension:
    return CitationsExtension(**kwargs)
