"""The glossary's terms, and the Markdown extension that explains them in pages.

Hooks/glossary.py loads the registry with `load_glossary` for the Ordlista page; the
extension anhorigguiden/markdown/glossary.py (named in mkdocs.yml) runs this module's
treeprocessor on every page, telling it the page and language at each conversion.

data/glossary.yml (EDITING.md, section 'Glossary'):

    anhorig:
      sv: {term: anhörig, forms: [anhöriga, anhörigas], definition: "..."}
      en: {term: carer, forms: [carers], definition: "..."}

The extension works on the parsed page (an ElementTree, after Markdown's inline
patterns and before MkDocs makes links relative), not on Markdown text or HTML strings:
there it can tell a heading, a link or code from running text, and it builds elements,
never HTML strings. The first time each term (or one of its forms) appears in running
text, it becomes a link to the term's entry on the Ordlista page, with the definition
as its title:

- keyboard: a link is a native Tab stop; Material's `content.tooltips` shows the title
  as a tooltip on focus and on hover (docs/assets/javascripts/tooltips.js adds Escape
  to dismiss it, WCAG 1.4.13);
- screen readers: the link's name is the term, its description the definition (the
  title, which Material's tooltip turns into aria-describedby while it is shown);
- touch and keyboard, with JavaScript: docs/assets/javascripts/tooltips.js turns each link
  into a button that opens the definition in place, below the line, with the link to the
  Ordlista entry inside it (`data-ag-more` names that link), so the reader stays on the page;
- without JavaScript: the browser's own title tooltip, and the link.

Only the first occurrence per page is linked, so that a page is not a field of links.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from anhorigguiden import schema
from anhorigguiden.guide_data import display_path, load_yaml_file
from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from anhorigguiden.safe_text import LONG_TEXT_MAX, SHORT_TEXT_MAX
from anhorigguiden.schema import Checked, Field, Invalid, ListOf, MapOf, Mapping, Text, Walk
from anhorigguiden.site_languages import LANGUAGE_CODE, Languages

SECTION = "Glossary"
_IN_QUOTES = "write '{name}: ...' (in quotes if it contains ':')"
# Where a term is not explained: headings, links, code, and text that is already markup.
SKIPPED_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "a", "code", "pre", "kbd", "samp", "abbr", "dfn", "script", "style", "summary"}
SKIPPED_CLASSES = {"admonition-title"}


@dataclass(frozen=True)
class Term:
    key: str
    term: str
    forms: tuple[str, ...]
    definition: str


_TERM = Mapping(
    {
        "term": Field(Text(SHORT_TEXT_MAX, expected="a non-empty text", fix=_IN_QUOTES), required=True, missing=Invalid("a non-empty text", _IN_QUOTES)),
        # Plain text of a sane length: a term and its forms are matched in every page, and
        # the definition is shown in every page that has the term.
        "forms": Field(
            ListOf(
                Text(SHORT_TEXT_MAX, expected="a non-empty text", fix="write each form as text"),
                expected="a list of other forms of the word, e.g. [anhöriga, anhörigas], or []",
                fix="write 'forms: [...]' with each form as text",
                start=1,
            ),
            default=(),
        ),
        "definition": Field(Text(LONG_TEXT_MAX, multiline=True, expected="a non-empty text", fix=_IN_QUOTES), required=True, missing=Invalid("a non-empty text", _IN_QUOTES)),
    },
    example="{term: ..., forms: [...], definition: ...}",
    expected="{term: ..., forms: [...], definition: ...}",
    fix="write '{name}: {term: ..., forms: [...], definition: \"...\"}'",
    allowed="term, forms, definition",
    unknown="an unknown field",
    unknown_fix="correct the spelling, or remove the field",
)


def _entry(langs: Languages) -> Mapping:
    """A term in each built language; a language another copy builds is allowed."""
    missing = "add '{name}: {term: ..., forms: [...], definition: \"...\"}' under '{parent}:'"
    return Mapping(
        {lang: Field(_TERM, required=True, missing=Invalid(f"the term in the language '{lang}'", missing, found="nothing (the language is missing)")) for lang in langs.built},
        example="one mapping per language",
        expected="one mapping per language: sv: {term: ..., forms: [...], definition: ...}",
        fix="write 'sv:' and 'en:' lines under '{name}:'",
        extra=lambda name: bool(LANGUAGE_CODE.fullmatch(name)),
        allowed="language codes such as " + ", ".join(langs.built),
        unknown="not a language code",
        unknown_fix="correct the language code, or remove the line",
    )


def _words(entry: Any, lang: str) -> list[str]:
    """The words an entry explains in one language, as written (read from the raw file, so
    that a duplicate is reported together with the entry's other problems)."""
    term = entry.get(lang) if isinstance(entry, dict) else None
    if not isinstance(term, dict):
        return []
    forms = term.get("forms") if isinstance(term.get("forms"), list) else []
    return [word for word in (term.get("term"), *forms) if isinstance(word, str) and word.strip()]


def _each_word_in_one_entry(checked: Checked, walk: Walk) -> None:
    """A word that two entries explain: the page could not know which definition to show."""
    for lang in walk.context["languages"]:
        owner: dict[str, str] = {}
        for key, entry in checked.raw.items():
            for word in dict.fromkeys(_normal(w) for w in _words(entry, lang)):
                if word in owner and owner[word] != key:
                    walk.report(
                        f"{key}.{lang}",
                        f"'{word}', which '{owner[word]}.{lang}' already defines",
                        "each term and form in one entry per language",
                        f"remove '{word}' from '{key}' or from '{owner[word]}', or merge the two entries",
                    )
                owner.setdefault(word, key)


def load_glossary(path: Path, langs: Languages) -> dict[str, list[Term]]:
    """The terms of every built language; every mistake of the file reported at once."""
    registry = load_yaml_file(path, section=SECTION)
    node = MapOf(
        _entry(langs),
        expected="a mapping of keys to {sv: {...}, en: {...}}",
        fix="write one 'key:' line per term, with one line per language under it",
        checks=(_each_word_in_one_entry,),
    )
    entries = schema.validate(node, {} if registry is None else registry, file=display_path(path), section=SECTION, languages=list(langs.built))
    return {lang: [Term(key, entry[lang]["term"], entry[lang]["forms"], entry[lang]["definition"]) for key, entry in entries.items()] for lang in langs.built}


def _normal(word: str) -> str:
    return " ".join(word.casefold().split())


class TermMatcher:
    """Finds the terms of one language in text: whole words, any case, longest first."""

    def __init__(self, terms: list[Term]) -> None:
        self.by_word = {_normal(word): term for term in terms for word in (term.term, *term.forms)}
        words = sorted(self.by_word, key=len, reverse=True)
        pattern = "|".join(r"\s+".join(map(re.escape, word.split())) for word in words)
        # \w is Unicode-aware: å, ä and ö are letters, so 'anhörigstöd' does not contain 'anhörig'.
        self.regex = re.compile(rf"(?<!\w)(?:{pattern})(?!\w)", re.IGNORECASE) if words else None

    def find(self, text: str, start: int = 0) -> tuple[re.Match, Term] | None:
        if self.regex is None:
            return None
        match = self.regex.search(text, start)
        return (match, self.by_word[_normal(match.group())]) if match else None


@dataclass
class PageContext:
    """What the converter needs to know about the page it is converting; set just before
    the treeprocessor runs (anhorigguiden/markdown/glossary.py), cleared after."""

    matcher: TermMatcher | None = None
    glossary_link: str = ""  # the Ordlista page's Markdown file, relative to the page
    more_label: str = ""  # "Läs mer i ordlistan" in the page's language (data/ui.yml)


class GlossaryExtension(Extension):
    def __init__(self, context: PageContext) -> None:
        super().__init__()
        self.context = context

    def extendMarkdown(self, md: Markdown) -> None:
        # After inline patterns (20), attr_list (8), abbr (7) and smart symbols (6.1);
        # before MkDocs' link rewriting (0), which then resolves and checks our links.
        md.treeprocessors.register(_TermTreeprocessor(md, self.context), "ag_glossary", 6)


class _TermTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, context: PageContext) -> None:
        super().__init__(md)
        self.context = context

    def run(self, root: etree.Element) -> None:
        matcher, link = self.context.matcher, self.context.glossary_link
        self.context.matcher = None  # one page per context: never leak into another conversion
        if matcher is None:
            return
        explained: set[str] = set()
        self._walk(root, matcher, link, explained)
        if self.context.more_label:
            # tooltips.js opens the definition in place and names the link to the entry so.
            for anchor in root.iter("a"):
                if anchor.get("class") == "ag-term":
                    anchor.set("data-ag-more", self.context.more_label)

    def _walk(self, element: etree.Element, matcher: TermMatcher, link: str, explained: set[str]) -> None:
        if element.text:
            element.text, new = _mark(element.text, matcher, link, explained)
            for offset, child in enumerate(new):
                element.insert(offset, child)
            skip = len(new)
        else:
            skip = 0
        for child in list(element)[skip:]:
            if not _skipped(child):
                self._walk(child, matcher, link, explained)
            if child.tail:
                child.tail, new = _mark(child.tail, matcher, link, explained)
                position = list(element).index(child) + 1
                for offset, sibling in enumerate(new):
                    element.insert(position + offset, sibling)


def _skipped(element: etree.Element) -> bool:
    classes = set((element.get("class") or "").split())
    return element.tag in SKIPPED_TAGS or bool(classes & SKIPPED_CLASSES)


def _mark(text: str, matcher: TermMatcher, link: str, explained: set[str]) -> tuple[str, list[etree.Element]]:
    """Split `text` around the first occurrence of each term not yet explained on the page.

    Returns the text before the first new link, and the new links, each carrying the text
    up to the next link as its tail (ElementTree's way of writing "link, then text").
    """
    spans: list[tuple[int, int, Term]] = []
    position = 0
    while (found := matcher.find(text, position)) is not None:
        match, term = found
        position = match.end()
        if term.key not in explained:
            explained.add(term.key)
            spans.append((match.start(), match.end(), term))
    if not spans:
        return text, []
    links = []
    for index, (start, end, term) in enumerate(spans):
        anchor = etree.Element("a", {"href": f"{link}#{term.key}", "class": "ag-term", "title": term.definition})
        anchor.text = text[start:end]
        anchor.tail = text[end : spans[index + 1][0] if index + 1 < len(spans) else len(text)]
        links.append(anchor)
    return text[: spans[0][0]], links
