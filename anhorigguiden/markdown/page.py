"""Which page a Markdown converter is converting, for the extensions that need it.

A Markdown extension is configured once per build, but three things differ per page: the
language the page is written in (an untranslated Swedish page built into the English site
keeps Swedish facts), where the page lies (links to the Källor and Ordlista pages are
written relative to it, so MkDocs resolves and checks them) and its file (for the line an
error points to). MkDocs and ProperDocs hand every page to a fresh converter that carries
the page's `File` on its link-rewriting treeprocessor ("relpath"); mkdocs-static-i18n
gives that `File` its `locale`. No hook needs to pass anything.

Under an engine that gives the converter no page (Zensical, a plain `markdown.markdown`),
the page is taken to lie at the top of the site, in the extension's configured language.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from markdown import Markdown

# The treeprocessor MkDocs registers on each page's converter, with the page's File.
_MKDOCS_LINK_PROCESSOR = "relpath"


@dataclass(frozen=True)
class PageInfo:
    src_uri: str | None  # 'guider/pengar.md'; None when the engine does not say
    language: str  # the language the page's text is written in
    source: str  # the page's own file as the author wrote it ('' when unknown)

    @property
    def label(self) -> str:
        """How an error names the page."""
        return self.src_uri or "(the page being converted)"

    def link_to(self, target: str) -> str:
        """`target` (a path under docs/, 'kallor.md') relative to this page."""
        return posixpath.relpath(target, posixpath.dirname(self.src_uri or "") or ".")


def page_info(md: Markdown, configured_language: str) -> PageInfo:
    """The page `md` converts now. Call it from a processor's `run`: MkDocs attaches the
    page after the extensions were set up, just before it converts."""
    file = None
    if _MKDOCS_LINK_PROCESSOR in md.treeprocessors:
        file = getattr(md.treeprocessors[_MKDOCS_LINK_PROCESSOR], "file", None)
    if file is None:
        return PageInfo(None, configured_language, "")
    return PageInfo(file.src_uri, getattr(file, "locale", None) or configured_language, _source(file))


def _source(file: object) -> str:
    try:
        return str(file.content_string)  # type: ignore[attr-defined]
    except (OSError, TypeError, ValueError, AttributeError):
        return ""
