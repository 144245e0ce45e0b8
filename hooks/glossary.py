"""The glossary: terms explained where they appear, and the Ordlista page that lists them.

Events:
- on_config: load and check data/glossary.yml for the built languages (a word defined by
  two entries fails, naming both, before any page is converted), and check
  `extra.glossary_reviewed`.
- on_files (priority -200, after mkdocs-static-i18n): add ordlista.md in memory.

The terms in pages are explained by the Markdown extension anhorigguiden/markdown/glossary.py
(named in mkdocs.yml; hooks/markdown_extensions.py gives it the build's language), which
reads the page and its language from the converter: no hook hands them over. How terms are
explained, and why that way: see glossary_terms.py.
"""

from __future__ import annotations

import datetime as dt

from anhorigguiden.collation import sort_key
from anhorigguiden.generated_pages import add_generated_page, front_matter, reviewed_date
from anhorigguiden.glossary_terms import Term
from anhorigguiden.registry import registry_for
from anhorigguiden.markdown_text import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from anhorigguiden.site_languages import languages, ui_texts

SRC_URI = "ordlista.md"

_terms: dict[str, list[Term]] = {}
_texts: dict[str, dict[str, str]] = {}
_reviewed: dt.date | None = None


@event_priority(-200)  # after mkdocs-static-i18n has set up this language's build
def on_config(config: MkDocsConfig) -> None:
    global _terms, _texts, _reviewed
    _terms = registry_for(config).glossary
    _texts = ui_texts(config)
    _reviewed = reviewed_date(config.extra.get("glossary_reviewed"), "extra.glossary_reviewed", "Glossary")


@event_priority(-200)  # after mkdocs-static-i18n (-100) has chosen this language's files
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    language = languages(config).current
    assert _reviewed is not None
    add_generated_page(files, config, SRC_URI, render(_terms[language], _texts[language], language, _reviewed))
    return files


def render(terms: list[Term], texts: dict[str, str], language: str, reviewed: dt.date) -> str:
    """The Ordlista page: front matter, then one heading per term, alphabetically."""
    lines = [front_matter(texts["glossary_page_title"], texts["glossary_page_description"], reviewed)]
    lines += [f"# {escape(texts['glossary_page_title'])}", "", escape(texts["glossary_page_intro"]), ""]
    for term in sorted(terms, key=lambda t: sort_key(t.term, language)):
        # A heading per term: screen-reader users move from term to term with the H key,
        # and the table of contents is the index of the glossary.
        heading = term.term[:1].upper() + term.term[1:]
        lines += [f"## {escape(heading)} {{#{term.key}}}", "", escape(term.definition), ""]
    return "\n".join(lines)

