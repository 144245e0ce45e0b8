"""The page checks around our markers: no `--8<--` line, and no `[[...]]` left over.

A Python-Markdown extension (`anhorigguiden.markdown.marker_check` under
`markdown_extensions:`, no config) with two preprocessors:

- first of all (before contacts.py and citations.py): a `--8<--` line stops the build.
  pymdownx.snippets is not configured (mkdocs.yml): with it, any page, an organisation's
  local page too, could publish a file from the build machine (`--8<-- ".git/config"`,
  `--8<-- ".env"`). Without it such a line would be shown to readers as it is.
- last of ours (after every extension that replaces markers): a marker left over is a
  typo ([[fatc:x]]), a kind nobody handles, or an extension missing from
  `markdown_extensions:`; without this check the reader would see the raw brackets.

Which kinds exist is not written here: each preprocessor that replaces markers declares
them in a `MARKERS` mapping (kind -> how to write it), e.g. citations.py's
{"fact": "[[fact:<key in data/facts.yml>]]", ...}; this check lists those registered on
the same converter. Markers and `--8<--` lines in code spans and fenced code are examples
for the reader and stay as they are (markers.py).
"""

from __future__ import annotations

import re

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

from anhorigguiden.guide_data import GuideError, Problem
from anhorigguiden.markdown.page import page_info
from anhorigguiden.markers import code_ranges, find_markers, source_line

MARKERS_SECTION = "Markers"
SNIPPETS_SECTION = "Pages"
# Before contacts.py (36) and citations.py (34) rewrite the text; the leftover check after
# them, and before Python-Markdown's own preprocessors (30 and lower) set fences aside.
SNIPPETS_PRIORITY = 38
LEFTOVER_PRIORITY = 32
# pymdownx.snippets' markers: a line starting with '--8<--' (or '-8<-', escaped ';--8<--').
_SNIPPET_LINE = re.compile(r"^[ \t]*;*-+8<-+.*$", re.MULTILINE)


class SnippetLinesRefused(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        markdown = "\n".join(lines)
        if "8<-" not in markdown:
            return lines
        page = page_info(self.md, "")
        problems = snippet_problems(markdown, source=page.source)
        if problems:
            raise GuideError(page.label, problems, SNIPPETS_SECTION)
        return lines


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


class LeftoverMarkersRefused(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        markdown = "\n".join(lines)
        leftover = list(find_markers(markdown))
        if not leftover:
            return lines
        known = known_markers(self.md)
        page = page_info(self.md, "")
        problems = []
        for marker in leftover:
            line = source_line(page.source, marker.text)
            where = f" on line {line}" if line else ""
            if marker.kind in known:
                found = f"a '{marker.kind}' marker written in a form its extension does not replace{where}"
                fix = f"write it as {known[marker.kind]}"
            else:
                found = f"the unknown kind {marker.kind!r}{where}"
                fix = "correct the kind; for literal brackets, put the text in `backticks`; a new kind needs a Markdown extension that replaces it (listed under markdown_extensions: in mkdocs.yml)"
            allowed = "one of " + ", ".join(known[kind] for kind in sorted(known)) if known else "no markers: no extension that replaces markers is configured"
            problems.append(Problem(marker.text, found, allowed, fix))
        raise GuideError(page.label, problems, MARKERS_SECTION)


def known_markers(md: Markdown) -> dict[str, str]:
    """Every marker kind that a preprocessor on this converter declares in its `MARKERS`."""
    known: dict[str, str] = {}
    for processor in md.preprocessors:
        declared = getattr(processor, "MARKERS", None)
        if isinstance(declared, dict):
            known.update({str(kind): str(usage) for kind, usage in declared.items()})
    return known


class MarkerCheckExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        md.preprocessors.register(SnippetLinesRefused(md), "ag_snippet_lines_refused", SNIPPETS_PRIORITY)
        md.preprocessors.register(LeftoverMarkersRefused(md), "ag_leftover_markers_refused", LEFTOVER_PRIORITY)


def makeExtension(**kwargs: object) -> MarkerCheckExtension:
    return MarkerCheckExtension(**kwargs)
