"""The last check on every page: no [[...]] marker is left that no hook replaced.

Events: on_page_markdown, at the lowest priority and listed last in mkdocs.yml, so that
every hook that replaces markers has run. A marker left over is a typo ([[fatc:x]]), a
kind nobody handles, or a hook missing from mkdocs.yml: without this check the reader
would see the raw brackets.

Which kinds exist is not written here: each hook that replaces markers declares them in
a module-level `MARKERS` mapping (kind -> how to write it), e.g. hooks/citations.py's
{"fact": "[[fact:<key in data/facts.yml>]]", ...}. Markers in code spans and fenced
code are examples for the reader and stay as they are (see markers.py).
"""

from __future__ import annotations

from anhorigguiden.guide_data import GuideError, Problem
from anhorigguiden.markers import find_markers, source_line
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

SECTION = "Markers"


@event_priority(-1000)  # after every other hook's and plugin's on_page_markdown
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    leftover = list(find_markers(markdown))
    if not leftover:
        return markdown
    known = known_markers(config)
    try:
        source = page.file.content_string
    except (OSError, TypeError):
        source = ""
    problems = []
    for marker in leftover:
        line = source_line(source, marker.text)
        where = f" on line {line}" if line else ""
        if marker.kind in known:
            found = f"a '{marker.kind}' marker written in a form its hook does not replace{where}"
            fix = f"write it as {known[marker.kind]}"
        else:
            found = f"the unknown kind {marker.kind!r}{where}"
            fix = "correct the kind; for literal brackets, put the text in `backticks`; a new kind needs a hook that replaces it (listed in mkdocs.yml before hooks/unknown_directives.py)"
        allowed = "one of " + ", ".join(known[kind] for kind in sorted(known)) if known else "no markers: no hook that replaces markers is configured"
        problems.append(Problem(marker.text, found, allowed, fix))
    raise GuideError(page.file.src_uri, problems, SECTION)


def known_markers(config: MkDocsConfig) -> dict[str, str]:
    """Every marker kind that a configured hook declares in its `MARKERS`."""
    known: dict[str, str] = {}
    for plugin in config.plugins.values():
        declared = getattr(plugin, "MARKERS", None)
        if isinstance(declared, dict):
            known.update({str(kind): str(usage) for kind, usage in declared.items()})
    return known
