"""The Källor (sources) page: every source in data/sources.yml, with the pages that use it.

Events:
- on_startup: refuse `--dirty` (see below).
- on_config: load the registries and check `extra.sources_reviewed` (the page's review date).
- on_files (priority -300, after mkdocs-static-i18n and the other generated pages): add
  kallor.md in memory for this language, as the last page MkDocs reads.
- on_nav (priority -300, after every hook that changes the nav: i18n -100, training_paths
  -200, organisation -250): remember the reading order, in which each source lists its
  pages: the nav's order, and a page outside the nav (a training module, a certificate)
  right after the nav page it follows in `files` (its path's overview).
- on_page_markdown: on every other page, record it and the sources its front matter names
  (`sources:`); the sources its [[fact:]], [[source:]] and [[law:]] markers cite are
  recorded in the build's registry by the citations extension as it converts the page
  (anhorigguiden/markdown/citations.py, `sources_cited`). On the Källor page, write its
  Markdown from both: each source's title as a heading, and a placeholder for its details.
- on_page_content (priority 5, before organisation.py): on the Källor page, put each source's details (HTML) in place of its
  placeholder. The details never pass through Markdown: the page lists every source, and
  Python-Markdown read their thousands of tags as raw HTML, twice (once for itself, once
  for MkDocs' anchor check), which made it the costliest page of the site to convert.

Which pages use a source is only known once every page has been read; MkDocs reads pages
in the order of `files`, so the Källor page is moved to the end of that order, and its
on_page_markdown checks that every other page has been read before it writes the list.

`--dirty` (`mkdocs build --dirty`, `mkdocs serve --dirty`) is refused at start-up with one
line: a dirty build reads only the pages changed since the last build, so this page would
list only those, and the whole-site checks (translations.py, page_tools.py) would report
the unread pages' front matter as missing. `mkdocs serve` rebuilds the whole site instead.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from anhorigguiden.collation import sort_key
from anhorigguiden.date_words import in_words
from anhorigguiden.generated_pages import add_generated_page, front_matter, move_last, reviewed_date
from anhorigguiden.markdown_text import escape, html_text
from anhorigguiden.markdown.citations import sources_cited
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from anhorigguiden.references import SOURCES_SECTION, References, Source
from anhorigguiden.registry import registry_for
from anhorigguiden.site_languages import languages, page_language, ui_texts
from anhorigguiden.text_direction import language_attributes

SRC_URI = "kallor.md"


@dataclass(frozen=True)
class PageRef:
    src_uri: str
    title: str
    url: str  # relative to the Källor page
    language: str  # the language the page (and its title) is written in


# State of one language's build; on_config starts it afresh (i18n builds each language
# with the same modules, and `mkdocs serve` rebuilds with them).
_references: References | None = None
_texts: dict[str, dict[str, str]] = {}
_reviewed: dt.date | None = None
_file: File | None = None
_nav_order: dict[str, tuple[int, int]] = {}
_read: dict[str, tuple[PageRef, frozenset[str]]] = {}  # src_uri -> the page, its front matter's sources
_details: dict[str, str] = {}  # source key -> its details' HTML, for on_page_content

# A source's details in the Källor page's Markdown, until on_page_content puts them there.
# Python-Markdown passes an HTML comment on as it is.
_PLACEHOLDER = "<!-- ag-source-details {key} -->"
_PLACEHOLDER_FOUND = re.compile(r"<!-- ag-source-details (\S+) -->")


DIRTY_REFUSED = (
    "hooks/sources_page.py: --dirty is not supported: a dirty build reads only the changed pages, but the Källor "
    "page lists every page that uses each source and the whole-site checks read every page; "
    "run 'mkdocs serve' or 'mkdocs build' without --dirty."
)


def on_startup(*, command: str, dirty: bool) -> None:
    if dirty:
        raise PluginError(DIRTY_REFUSED)


@event_priority(-200)  # after mkdocs-static-i18n has set up this language's build
def on_config(config: MkDocsConfig) -> None:
    global _references, _texts, _reviewed, _file
    _references = registry_for(config).references
    _texts = ui_texts(config)
    _reviewed = reviewed_date(config.extra.get("sources_reviewed"), "extra.sources_reviewed", SOURCES_SECTION)
    _file = None
    _nav_order.clear()
    _read.clear()
    _details.clear()


@event_priority(-300)  # after i18n (-100) and after other hooks' generated pages (-200)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    global _file
    language = languages(config).current
    texts = _texts[language]
    assert _reviewed is not None
    _file = add_generated_page(files, config, SRC_URI, front_matter(texts["sources_page_title"], texts["sources_page_description"], _reviewed))
    move_last(files, _file)
    return files


@event_priority(-300)  # after i18n (-100), training_paths (-200) and organisation (-250) have changed the nav
def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    _nav_order.update(reading_order([page.file.src_uri for page in nav.pages], [f.src_uri for f in files.documentation_pages()]))
    return nav


def reading_order(nav_pages: list[str], documentation_pages: list[str]) -> dict[str, tuple[int, int]]:
    """Each page's place: (its nav position, 0) for a page in the nav; a page outside the nav
    comes right after the nav page it follows in `files`, where the hook that generated it
    put it (training_paths.py adds a path's overview, then its modules and certificate)."""
    order = {uri: (index, 0) for index, uri in enumerate(nav_pages)}
    place = (-1, 0)
    for uri in documentation_pages:
        if uri in order:
            place = order[uri]
        else:
            place = (place[0], place[1] + 1)
            order[uri] = place
    return order


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    assert _references is not None and _file is not None, "on_config and on_files run first"
    if page.file is not _file:
        _record_page(page, config)
        return markdown
    unread = sorted(
        f.src_uri for f in files.documentation_pages() if f is not _file and f.src_uri not in _read and f.page is not None
    )
    if unread:
        # Only a change in MkDocs or in another hook's file order could bring us here.
        raise PluginError(
            f"hooks/sources_page.py: the Källor page was written before {', '.join(unread)} had been read, "
            "so its lists of pages would be incomplete. Either another hook added pages after it in on_files "
            "(give that hook's on_files a priority above -300), or the build skipped unchanged pages "
            "(--dirty): build without --dirty."
        )
    language = languages(config).current
    langs = languages(config)

    def mark(written_in: str | None) -> str:
        # A title in another language than the page's (a Swedish source or page title on
        # the English Källor page) is marked, so that a screen reader reads it in its own.
        return language_attributes(config, written_in or langs.default, language)

    cited = sources_cited(registry_for(config), language)
    written = render(_references, _usage(cited), _texts[language], language, page.meta["title"], _nav_order, mark)
    _details.update(written.details)
    return written.markdown


@event_priority(5)  # before organisation.py (0) unlinks the pages a copy hides, in the details too
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file is not _file:
        return html
    return fill_details(html, _details)


def fill_details(html: str, details: dict[str, str]) -> str:
    """The Källor page's HTML with each source's details in place of its placeholder."""
    found = set()

    def fill(match: re.Match) -> str:
        found.add(match.group(1))
        return details[match.group(1)]

    filled = _PLACEHOLDER_FOUND.sub(fill, html)
    if found != details.keys():
        # Only a change in how Python-Markdown writes an HTML comment could bring us here.
        raise PluginError(f"hooks/sources_page.py: the details of {', '.join(sorted(details.keys() - found))} were not placed on the Källor page")
    return filled


@dataclass(frozen=True)
class SourcesPage:
    markdown: str  # titles as headings, a placeholder for each source's details
    details: dict[str, str]  # source key -> its details' HTML


def render(
    references: References,
    usage: dict[str, list[PageRef]],
    texts: dict[str, str],
    language: str,
    title: str,
    nav_order: dict[str, tuple[int, int]],
    mark: Callable[[str | None], str] = lambda written_in: "",
) -> SourcesPage:
    """The Källor page: one section per source, sorted by publisher. `mark(language)`:
    the attributes that mark a title written in `language` (None: the site's default)."""
    lines = [f"# {escape(title)}", "", escape(texts["sources_page_intro"]), ""]
    details: dict[str, str] = {}
    ordered = sorted(references.sources.values(), key=lambda s: (sort_key(s.publisher, language), sort_key(s.title, language)))
    for source in ordered:
        pages = sorted(set(usage.get(source.key, [])), key=lambda p: (nav_order.get(p.src_uri, (len(nav_order), 0)), p.src_uri))
        # A definition list: each detail is read as "label: value", and the source's title
        # is a heading, so that screen-reader users can jump from source to source. The
        # heading is Markdown (the table of contents is made from it); the list is HTML.
        lines += [f"## {escape(source.title)} {{#{source.key}{mark(source.language)}}}", "", _PLACEHOLDER.format(key=source.key), ""]
        details[source.key] = _details_list(source, pages, references, texts, language, mark)
    return SourcesPage("\n".join(lines) + "\n", details)


def _details_list(source: Source, pages: list[PageRef], references: References, texts: dict[str, str], language: str, mark: Callable[[str | None], str]) -> str:
    details: list[tuple[str, str]] = [
        # <bdi>: a name that starts with a number ("1177 Vårdguiden") keeps its order on
        # the Arabic page; a web address is written left to right there too.
        (texts["sources_publisher"], f"<bdi>{html_text(source.publisher)}</bdi>"),
        (texts["sources_kind"], html_text(source.kind[language])),
    ]
    if source.date:
        details.append((texts["sources_date"], html_text(in_words(source.date, language))))
    if source.read:
        details.append((texts["sources_read"], html_text(in_words(source.read, language))))
    if source.reference:
        details.append((texts["sources_reference"], f"<bdi>{html_text(source.reference)}</bdi>"))
    if source.url:
        details.append((texts["sources_url"], f'<a href="{html_text(source.url)}" dir="ltr">{html_text(source.url)}</a>'))
    if source.cited_in:
        citing = references.sources[source.cited_in]
        details.append((texts["sources_cited_in"], f'<a href="#{html_text(citing.key)}"{mark(citing.language)}>{html_text(citing.title)}</a>'))
    if source.note.get(language):
        details.append((texts["sources_note"], html_text(source.note[language])))
    if pages:
        links = "\n".join(f'<li><a href="{html_text(page.url)}"{mark(page.language)}>{html_text(page.title)}</a></li>' for page in pages)
        used = f"\n<ul>\n{links}\n</ul>\n"
    else:
        used = html_text(texts["sources_unused"])
    details.append((texts["sources_used_on"], used))
    lines = ["<dl>"]
    for label, value in details:
        lines += [f"<dt>{html_text(label)}</dt>", f"<dd>{value}</dd>"]
    return "\n".join(lines + ["</dl>"])


def _record_page(page: Page, config: MkDocsConfig) -> None:
    """A page read, with the sources its front matter names; the sources its markers cite
    are recorded by the citations extension when it converts the page."""
    assert _file is not None, "on_files runs first"
    ref = PageRef(page.file.src_uri, str(page.meta.get("title") or page.file.src_uri), page.file.url_relative_to(_file), page_language(page, config))
    _read[page.file.src_uri] = (ref, frozenset(page.meta.get("sources") or []))


def _usage(cited: dict[str, frozenset[str]]) -> dict[str, list[PageRef]]:
    """Source key -> the pages that use it, by front matter or by marker (unknown keys are
    left to the citations extension and the front matter check, which report them)."""
    assert _references is not None
    usage: dict[str, list[PageRef]] = defaultdict(list)
    for src_uri, (ref, named) in _read.items():
        for key in (named | cited.get(src_uri, frozenset())) & _references.sources.keys():
            usage[key].append(ref)
    return usage
