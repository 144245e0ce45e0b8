"""The glossary: terms explained where they appear, and the Ordlista page that lists them.

Events:
- on_config: load and check data/glossary.yml for the built languages (a word defined by
  two entries fails, naming both), check `extra.glossary_reviewed`, and add the Markdown
  extension of glossary_terms.py (once: i18n runs on_config again on the same config).
- on_files (priority -200, after mkdocs-static-i18n): add ordlista.md in memory.
- on_page_markdown (priority -900, just before MkDocs converts the page): tell the extension
  which page it converts next, in which language; the Ordlista and Källor pages get no
  explanations.

How terms are explained, and why that way: see glossary_terms.py.
"""

from __future__ import annotations

import datetime as dt
import posixpath

from anhorigguiden.collation import sort_key
from anhorigguiden.generated_pages import add_generated_page, front_matter, reviewed_date
from anhorigguiden.glossary_terms import GlossaryExtension, PageContext, Term, TermMatcher
from anhorigguiden.registry import registry_for
from anhorigguiden.markdown_text import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from anhorigguiden.site_languages import languages, page_language, ui_texts

SRC_URI = "ordlista.md"
# Pages whose words are not explained: the Ordlista itself, and the Källor page (a list of
# documents' names, hooks/sources_page.py).
UNEXPLAINED = {SRC_URI, "kallor.md"}

_terms: dict[str, list[Term]] = {}
_matchers: dict[str, TermMatcher] = {}
_texts: dict[str, dict[str, str]] = {}
_reviewed: dt.date | None = None
_context = PageContext()


@event_priority(-200)  # after mkdocs-static-i18n has set up this language's build
def on_config(config: MkDocsConfig) -> None:
    global _terms, _matchers, _texts, _reviewed
    registry = registry_for(config)
    _terms = registry.glossary
    # Once per build, not per language run: each language's matcher is the same in all four.
    _matchers = registry.derived("glossary matchers", lambda: {lang: TermMatcher(terms) for lang, terms in _terms.items()})
    _texts = ui_texts(config)
    _reviewed = reviewed_date(config.extra.get("glossary_reviewed"), "extra.glossary_reviewed", "Glossary")
    extensions = [ext for ext in config.markdown_extensions if type(ext).__name__ != GlossaryExtension.__name__]
    config.markdown_extensions[:] = [*extensions, GlossaryExtension(_context)]


@event_priority(-200)  # after mkdocs-static-i18n (-100) has chosen this language's files
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    language = languages(config).current
    assert _reviewed is not None
    add_generated_page(files, config, SRC_URI, render(_terms[language], _texts[language], language, _reviewed))
    return files


# Last but the marker check: MkDocs converts the page right after its on_page_markdown
# events, so no other hook's conversion can take the context meant for this page.
@event_priority(-900)
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.src_uri in UNEXPLAINED:
        _context.matcher = None
        return markdown
    _context.matcher = _matchers.get(page_language(page, config))
    _context.glossary_link = posixpath.relpath(SRC_URI, posixpath.dirname(page.file.src_uri) or ".")
    _context.more_label = _texts.get(page_language(page, config), {}).get("glossary_more", "")
    return markdown


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

