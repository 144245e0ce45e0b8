"""The organisation's local contacts, wherever a page says `[[contacts]]`.

A Python-Markdown extension (`anhorigguiden.markdown.contacts` under
`markdown_extensions:`). A page writes `[[contacts]]` (a full contact box) or
`[[contacts:compact]]` (one line per contact) alone on a line; the marker becomes
`overrides/partials/contacts.html`, rendered by the `render` function of the config,
`render(variant, language) -> html`, as one raw HTML block (the HTML stays in the template).

Under MkDocs, hooks/local_contacts.py passes a `render` that uses the theme's templates
(an organisation's own overrides too) and the contacts hooks/organisation.py validated.
Without it (another engine, a test) the upstream template is rendered with no contacts:
the neutral box that tells the reader how to find the support where they live, with the
texts of data/ui.yml, so a page never shows an empty box or an invented number.

Config: `render`, `data_dir` and `language` (for that default), as citations.py.
"""

from __future__ import annotations

from collections.abc import Callable

import jinja2

from anhorigguiden.guide_data import UPSTREAM_ROOT, GuideError, Problem
from anhorigguiden.markdown.page import PageInfo, page_info
from anhorigguiden.markdown.registry import DataExtension, MarkerPreprocessor, registry_of
from anhorigguiden.markers import Marker, find_markers, source_line

SECTION = "Local contacts"
TEMPLATE = "partials/contacts.html"
KIND = "contacts"
VARIANTS = ("full", "compact")
MARKERS = {KIND: "[[contacts]] or [[contacts:compact]], alone on a line"}
# Before citations.py (34) and the leftover check (32); before Python-Markdown's own
# preprocessors (html_block, 20), which then set the box aside as raw HTML.
PRIORITY = 36

Render = Callable[[str, str], str]


class ContactsPreprocessor(MarkerPreprocessor):
    MARKERS = MARKERS

    def run(self, lines: list[str]) -> list[str]:
        markdown = "\n".join(lines)
        if "[[contacts" not in markdown:
            return lines
        config = self.extension.getConfigs()
        page = page_info(self.md, config["language"])
        render = config["render"] or default_render(config["data_dir"])
        return replace_contacts(markdown, page=page, render=lambda variant: render(variant, page.language)).split("\n")


def replace_contacts(markdown: str, *, page: PageInfo, render: Callable[[str], str]) -> str:
    """Replace each `[[contacts]]` marker by `render(variant)`; a misplaced or misspelt
    marker stops the build. Markers in code are example text and stay (markers.py)."""
    pieces: list[str] = []
    position = 0
    for marker in find_markers(markdown):
        if marker.kind != KIND:
            continue
        variant = marker.argument or "full"
        if variant not in VARIANTS:
            _fail(page, marker, f"'{marker.text}'", "'[[contacts]]' or '[[contacts:compact]]'", "write '[[contacts]]' for the full box or '[[contacts:compact]]' for one line per contact")
        line_start = markdown.rfind("\n", 0, marker.start) + 1
        line_end = markdown.find("\n", marker.end)
        line = markdown[line_start : len(markdown) if line_end == -1 else line_end]
        if line.strip() != marker.text:
            _fail(page, marker, repr(line.strip()), "the marker alone on its own line", f"move '{marker.text}' to a line of its own, with an empty line before and after")
        # A raw HTML block must start a line and be separated from text by empty lines; it
        # keeps the marker's indentation, so that it stays inside a list item or admonition.
        indent = line[: len(line) - len(line.lstrip())]
        html = "\n".join(indent + part for part in render(variant).split("\n"))
        pieces += [markdown[position:line_start], "\n", html, "\n"]
        position = line_start + len(line)
    pieces.append(markdown[position:])
    return "".join(pieces)


def as_html_block(html: str) -> str:
    """A rendered template as one raw HTML block: no empty or indented lines, which
    Markdown would read as the end of the block or as code."""
    return "\n".join(line.strip() for line in html.splitlines() if line.strip())


def default_render(data_dir: str) -> Render:
    """Upstream's template with no contacts: the neutral box, in the page's language."""
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(str(UPSTREAM_ROOT / "overrides")), autoescape=False)
    ui = registry_of({"data_dir": data_dir}).ui_texts

    def render(variant: str, language: str) -> str:
        html = environment.get_template(TEMPLATE).render(ui=ui.get(language, {}), variant=variant, contacts=[], organisation_name=None)
        return as_html_block(html)

    return render


def _fail(page: PageInfo, marker: Marker, found: str, expected: str, fix: str) -> None:
    line = source_line(page.source, marker.text) if page.source else None
    key = f"[[contacts]] (line {line})" if line else "[[contacts]]"
    raise GuideError(page.label, [Problem(key, found, expected, fix)], SECTION)


class ContactsExtension(DataExtension):
    DATA_FILES = "ui.yml, for the default rendering"
    OPTIONS = {
        "render": ["", "render(variant, language) -> the box's HTML; empty: upstream's template without contacts"],
    }
    PROCESSOR = ContactsPreprocessor
    NAME = "ag_contacts"
    PRIORITY = PRIORITY


def makeExtension(**kwargs: object) -> ContactsExtension:
    return ContactsExtension(**kwargs)
