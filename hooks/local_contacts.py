"""The organisation's local contacts, wherever a page says `[[contacts]]`.

A page writes `[[contacts]]` (a full contact box) or `[[contacts:compact]]` (one line per
contact) alone on a line. This hook replaces the marker with
`overrides/partials/contacts.html`, rendered with the contacts that hooks/organisation.py
validated and published as `config.extra["organisation"]`. A copy without contacts (the
upstream site) gets a neutral box that tells the reader how to find the support where they
live, so a page never shows an empty box or an invented number.

Events: on_config (this language's interface strings; a fresh template environment),
on_page_markdown (every page; returns early unless the page has a marker).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from anhorigguiden.guide_data import GuideError, Problem
from anhorigguiden.markers import Marker, find_markers, source_line
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from anhorigguiden.partials import Partial
from anhorigguiden.site_languages import page_language, ui_texts

SECTION = "Local contacts"
TEMPLATE = "partials/contacts.html"
KIND = "contacts"
VARIANTS = ("full", "compact")

_ui: dict[str, dict[str, str]] = {}
_partial = Partial(TEMPLATE)


@event_priority(-200)  # after mkdocs-static-i18n has set up this language's build
def on_config(config: MkDocsConfig) -> None:
    global _ui
    _ui = ui_texts(config)
    _partial.reset()  # the theme's template folders may differ from one build to the next


@event_priority(15)  # after front_matter.py (30), before the source markers are read (10, 5) and leftovers refused (-1000)
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if "[[contacts" not in markdown:
        return markdown
    language = page_language(page, config)
    return replace_contacts(markdown, file=page.file, render=lambda variant: render(config, variant, language))


def replace_contacts(markdown: str, *, file: object, render: Callable[[str], str]) -> str:
    """Replace each `[[contacts]]` marker by `render(variant)`; a misplaced or misspelt
    marker stops the build. Markers in code are example text and stay (markers.py)."""
    pieces: list[str] = []
    position = 0
    for marker in find_markers(markdown):
        if marker.kind != KIND:
            continue
        variant = marker.argument or "full"
        if variant not in VARIANTS:
            _fail(file, marker, markdown, f"'{marker.text}'", "'[[contacts]]' or '[[contacts:compact]]'", "write '[[contacts]]' for the full box or '[[contacts:compact]]' for one line per contact")
        line_start = markdown.rfind("\n", 0, marker.start) + 1
        line_end = markdown.find("\n", marker.end)
        line = markdown[line_start : len(markdown) if line_end == -1 else line_end]
        if line.strip() != marker.text:
            _fail(file, marker, markdown, repr(line.strip()), "the marker alone on its own line", f"move '{marker.text}' to a line of its own, with an empty line before and after")
        # A raw HTML block must start a line and be separated from text by empty lines; it
        # keeps the marker's indentation, so that it stays inside a list item or admonition.
        indent = line[: len(line) - len(line.lstrip())]
        html = "\n".join(indent + part for part in render(variant).split("\n"))
        pieces += [markdown[position:line_start], "\n", html, "\n"]
        position = line_start + len(line)
    pieces.append(markdown[position:])
    return "".join(pieces)


def render(config: MkDocsConfig, variant: str, language: str) -> str:
    """The partial for this language, as one HTML block without empty or indented lines."""
    organisation = config.extra.get("organisation")
    return _partial.render(
        config,
        ui=_ui.get(language, {}),
        variant=variant,
        contacts=organisation.contacts_in(language) if organisation is not None else [],
        organisation_name=organisation.organisation_name(language) if organisation is not None else None,
    )


def _fail(file: object, marker: Marker, markdown: str, found: str, expected: str, fix: str) -> None:
    src_uri = getattr(file, "src_uri", str(file))
    path = getattr(file, "abs_src_path", None)
    line = source_line(Path(path).read_text(encoding="utf-8-sig"), marker.text) if path else None
    key = f"[[contacts]] (line {line})" if line else "[[contacts]]"
    raise GuideError(src_uri, [Problem(key, found, expected, fix)], SECTION)
