"""No page may include another file: a leftover `--8<--` line stops the build.

pymdownx.snippets is not configured (mkdocs.yml): with it, any page, an organisation's
local page too, could publish a file from the build machine (`--8<-- ".git/config"`,
`--8<-- ".env"`). Without it such a line would be shown to readers as it is, so it is
refused here instead, naming the page and the line. An example in fenced code or a code
span stays as it is, as with markers (markers.py).

Events: on_page_markdown (every page read from a file, before the other hooks change it).
"""

from __future__ import annotations

import re

from anhorigguiden.guide_data import GuideError, Problem
from anhorigguiden.markers import code_ranges, source_line
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

SECTION = "Pages"
# pymdownx.snippets' markers: a line starting with '--8<--' (or '-8<-', escaped ';--8<--').
_SNIPPET_LINE = re.compile(r"^[ \t]*;*-+8<-+.*$", re.MULTILINE)


@event_priority(40)  # before the hooks that rewrite the Markdown, after Material's meta plugin
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    try:
        source = page.file.content_string  # the author's file, for the line they see
    except (OSError, TypeError, ValueError):
        source = ""
    problems = snippet_problems(markdown, source=source)
    if problems:
        raise GuideError(page.file.src_uri, problems, SECTION)
    return markdown


def snippet_problems(markdown: str, *, source: str = "") -> list[Problem]:
    """One problem per `--8<--` line outside code; `source`: the page's file, for its line number."""
    ranges = code_ranges(markdown)
    problems = []
    for match in _SNIPPET_LINE.finditer(markdown):
        if any(start <= match.start() < end for start, end in ranges):
            continue
        shown = match.group().strip()
        line = source_line(source, shown)
        where = f"line {line}" if line else f"line {markdown.count(chr(10), 0, match.start()) + 1} of the text"
        problems.append(
            Problem(
                "(text)",
                f"the line {shown[:60]!r} on {where}, which would include another file",
                "no '--8<--' lines: this site does not include files into pages",
                "copy the text you want into the page itself, or link to the page it is on; to show the syntax, put it in `backticks`",
            )
        )
    return problems
