"""Find `[[kind:argument]]` markers in a page's Markdown, outside code.

The extensions that replace markers (anhorigguiden/markdown/: citations, contacts), the
final check for markers nobody replaced (marker_check) and the Källor page's record of
which page cites which source (hooks/sources_page.py) share this scanner, so that they
agree on what a marker is and on where markers are only example text (code spans and
fenced code blocks, which must reach the reader unchanged).

Indented code blocks are not recognised: in this guide four spaces of indentation mean
the content of an admonition or a list item, so examples of markers go in fences.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

# Anything shaped like [[...]] on one line: the known kinds are checked by the hooks.
# Not followed by "(": "[[1]](url)" is an ordinary link whose text is "[1]".
_MARKER_RE = re.compile(r"\[\[(?P<body>[^\[\]\n]*)\]\](?!\()")
_FENCE_RE = re.compile(r"^[ \t]*(?P<fence>`{3,}|~{3,})", re.MULTILINE)
_BACKTICKS_RE = re.compile(r"`+")


@dataclass(frozen=True)
class Marker:
    """One marker: `[[fact:adults_caring]]` has kind 'fact' and argument 'adults_caring'."""

    start: int
    end: int
    text: str
    kind: str
    argument: str | None  # None for a marker without a colon, such as [[contacts]]


def code_ranges(markdown: str) -> list[tuple[int, int]]:
    """The (start, end) offsets of fenced code blocks and code spans, in order."""
    ranges: list[tuple[int, int]] = []
    position = 0
    while True:
        fence = _FENCE_RE.search(markdown, position)
        block_end = fence.start() if fence else len(markdown)
        ranges += _code_spans(markdown, position, block_end)
        if not fence:
            return ranges
        closing = re.compile(
            r"^[ \t]*" + re.escape(fence.group("fence")[0]) + "{" + str(len(fence.group("fence"))) + r",}[ \t]*$",
            re.MULTILINE,
        )
        line_end = markdown.find("\n", fence.end())
        close = closing.search(markdown, line_end + 1) if line_end != -1 else None
        # An unclosed fence runs to the end of the document, as in CommonMark.
        end = close.end() if close else len(markdown)
        ranges.append((fence.start(), end))
        position = end


def _code_spans(markdown: str, start: int, end: int) -> list[tuple[int, int]]:
    """Code spans between start and end: a run of n backticks up to the next run of n."""
    spans = []
    position = start
    while True:
        opening = _BACKTICKS_RE.search(markdown, position, end)
        if not opening:
            return spans
        width = len(opening.group())
        closing = opening
        while True:
            closing = _BACKTICKS_RE.search(markdown, closing.end(), end)
            if not closing or len(closing.group()) == width:
                break
        if not closing:
            # A lone run of backticks is literal text; look on after it.
            position = opening.end()
            continue
        spans.append((opening.start(), closing.end()))
        position = closing.end()


def find_markers(markdown: str) -> Iterator[Marker]:
    """Every marker outside code, in document order."""
    ranges = code_ranges(markdown)
    index = 0
    for match in _MARKER_RE.finditer(markdown):
        while index < len(ranges) and ranges[index][1] <= match.start():
            index += 1
        if index < len(ranges) and ranges[index][0] <= match.start() < ranges[index][1]:
            continue
        body = match.group("body")
        kind, colon, argument = body.partition(":")
        yield Marker(match.start(), match.end(), match.group(), kind.strip(), argument.strip() if colon else None)


def replace_markers(markdown: str, kinds: set[str], render: Callable[[Marker], str]) -> str:
    """Replace every marker of the given kinds by what `render` returns for it."""
    pieces = []
    position = 0
    for marker in find_markers(markdown):
        if marker.kind not in kinds:
            continue
        pieces += [markdown[position : marker.start], render(marker)]
        position = marker.end
    pieces.append(markdown[position:])
    return "".join(pieces)


def source_line(source: str, text: str) -> int | None:
    """The 1-based line of the page's own file on which `text` first stands, if it does.

    Hooks see the Markdown without its front matter, so their offsets are not the lines
    an author sees in the editor; the author's file is what an error should point to.
    """
    position = source.find(text)
    return None if position == -1 else source.count("\n", 0, position) + 1
