"""Front-matter schema: every page states its title, description, audience, review date
and sources, and nothing else slips through.

Events: on_config (loads the sources registry), on_page_markdown (after Material's
`meta` plugin has merged the folder defaults from `.meta.yml`). Touches every page.
Also makes sure each page starts with an H1 taken from its title, so that the page has a
heading to skip to and a table of contents entry.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from guide_data import GuideError, Problem, data_dir, describe, load_yaml_file, parse_yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

SECTION = "Front matter"
AUDIENCES = ("anhoriga", "personal", "organisation")
DESCRIPTION_MAX = 200
HIDE_VALUES = ("navigation", "toc", "footer", "path", "feedback", "tags")

# Material's own keys that pages may set, with what each accepts.
_FRONT_MATTER_RE = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
_H1_RE = re.compile(r"^#[ \t]+\S", re.MULTILINE)

_sources: dict[str, Any] = {}


@event_priority(-200)  # after mkdocs-static-i18n has set up this language's build
def on_config(config: MkDocsConfig) -> None:
    global _sources
    registry = load_yaml_file(data_dir(config) / "sources.yml", section="Sources")
    _sources = registry if isinstance(registry, dict) else {}


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    _reject_broken_yaml(page)
    page.meta = validate(page.meta, file=page.file.src_uri, known_sources=_sources)
    if not _H1_RE.search(markdown):
        markdown = f"# {page.meta['title']}\n\n{markdown}"
    return markdown


def validate(meta: dict[str, Any], *, file: str, known_sources: dict[str, Any]) -> dict[str, Any]:
    """Check one page's merged metadata; return it normalised or raise with every problem."""
    problems: list[Problem] = []
    result = dict(meta)
    for key, (required, check) in _schema(known_sources).items():
        if key not in meta:
            if required:
                problems.append(_missing(key))
            continue
        try:
            result[key] = check(meta[key])
        except _Invalid as invalid:
            problems.append(Problem(key, describe(meta[key]), invalid.expected, invalid.fix))
    # Keys with two leading underscores are Material's own bookkeeping (the meta plugin's).
    authored = {key for key in meta if not str(key).startswith("__")}
    for key in sorted(authored - set(_schema(known_sources)), key=str):
        problems.append(
            Problem(
                str(key),
                "an unknown key",
                "one of " + ", ".join(sorted(_schema(known_sources))),
                "correct the spelling, or remove the key",
            )
        )
    if problems:
        raise GuideError(file, problems, SECTION)
    return result


class _Invalid(ValueError):
    def __init__(self, expected: str, fix: str) -> None:
        super().__init__(expected)
        self.expected = expected
        self.fix = fix


def _text(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _Invalid("a non-empty line of text", "write the text after the colon, in quotes if it contains ':'")
    return value.strip()


def _description(value: Any) -> str:
    text = _text(value)
    if len(text) > DESCRIPTION_MAX:
        raise _Invalid(
            f"at most {DESCRIPTION_MAX} characters (found {len(text)})",
            "shorten it to one sentence that says what the page answers",
        )
    return text


def _audience(value: Any) -> list[str]:
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, list) or not values or not all(isinstance(v, str) for v in values):
        raise _Invalid("a list of one or more of: " + ", ".join(AUDIENCES), "write e.g. 'audience: [anhoriga]'")
    unknown = [v for v in values if v not in AUDIENCES]
    if unknown:
        raise _Invalid(
            "one or more of: " + ", ".join(AUDIENCES),
            f"replace {', '.join(repr(u) for u in unknown)} with one of the allowed audiences",
        )
    return values


def _reviewed(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    raise _Invalid("a date written YYYY-MM-DD, without quotes", "write the day the page was last checked, e.g. 'reviewed: 2026-11-22'")


def _sources_check(known: dict[str, Any]) -> Callable[[Any], list[str]]:
    def check(value: Any) -> list[str]:
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise _Invalid("a list of keys from data/sources.yml (may be empty: [])", "write e.g. 'sources: [regeringen-s2022-02128]'")
        unknown = [v for v in value if v not in known]
        if unknown:
            raise _Invalid(
                "keys from data/sources.yml: " + ", ".join(sorted(known)),
                f"correct {', '.join(repr(u) for u in unknown)}, or add the source to data/sources.yml first",
            )
        return value

    return check


def _hide(value: Any) -> list[str]:
    if not isinstance(value, list) or not all(v in HIDE_VALUES for v in value):
        raise _Invalid("a list of: " + ", ".join(HIDE_VALUES), "write e.g. 'hide: [toc]'")
    return value


def _search(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict) or not set(value) <= {"exclude", "boost"}:
        raise _Invalid("a mapping with 'exclude: true' or 'boost: <number>'", "write e.g. 'search: {boost: 2}'")
    return value


def _video(value: Any) -> str:
    if not isinstance(value, str) or not re.fullmatch(r"[a-z0-9][a-z0-9-]*", value):
        raise _Invalid(
            "the name of a video under 'extra: videos:' in the configuration: lower-case letters a-z, digits and '-'",
            "write e.g. 'video: kommunens-stod' (see EDITING.md, section 'Video')",
        )
    return value


def _languages(value: Any) -> list[str]:
    values = [value] if isinstance(value, str) else value
    if values is None:
        return []
    if not isinstance(values, list) or not all(isinstance(v, str) and re.fullmatch(r"[a-z]{2}", v) for v in values):
        raise _Invalid(
            "a list of two-letter language codes, e.g. [ar, fi]",
            "write e.g. 'untranslated: [ar, fi]' (see EDITING.md, section 'Languages and translations')",
        )
    return values


def _page_path(value: Any) -> str:
    if not isinstance(value, str) or not re.fullmatch(r"[a-z0-9][a-z0-9_/-]*\.md", value.strip()):
        raise _Invalid(
            "the path of a page under docs/, as in nav: (e.g. lattlast/vem-ar-anhorig.md)",
            "write e.g. 'easy_read: lattlast/vem-ar-anhorig.md' (see EDITING.md, section 'Easy-to-read pages')",
        )
    return value.strip()


def _schema(known_sources: dict[str, Any]) -> dict[str, tuple[bool, Callable[[Any], Any]]]:
    """Every key a page may carry: (required, check). Add new keys here, never elsewhere."""
    return {
        "title": (True, _text),
        "description": (True, _description),
        "audience": (True, _audience),
        "reviewed": (True, _reviewed),
        "sources": (True, _sources_check(known_sources)),
        # A self-hosted video shown when configured (hooks/presentation_video.py)
        "video": (False, _video),
        # Languages this page is not translated into on purpose (hooks/translations.py)
        "untranslated": (False, _languages),
        # The page's easy-to-read version, and back (hooks/page_tools.py)
        "easy_read": (False, _page_path),
        "standard": (False, _page_path),
        # Material's own keys
        "hide": (False, _hide),
        "search": (False, _search),
        "template": (False, _text),
        "icon": (False, _text),
    }


def _missing(key: str) -> Problem:
    examples = {
        "title": "title: Vem är anhörig?",
        "description": "description: Om orden anhörig och närstående, och vem som räknas.",
        "audience": "audience: [anhoriga]",
        "reviewed": "reviewed: 2026-11-22",
        "sources": "sources: [kommunens-stod-video]",
    }
    return Problem(key, "nothing (the key is missing)", "a value for this required key", f"add the line '{examples[key]}' to the front matter")


def _reject_broken_yaml(page: Page) -> None:
    """MkDocs silently drops front matter whose YAML does not parse: detect that here."""
    path = page.file.abs_src_path
    if not path:
        return  # generated in memory by a hook, which validates its own data
    source = Path(path).read_text(encoding="utf-8-sig")
    if not source.startswith("---"):
        return
    match = _FRONT_MATTER_RE.match(source)
    if not match:
        raise GuideError(
            page.file.src_uri,
            [Problem("(front matter)", "an opening '---' with no closing '---' line", "front matter between two lines of '---'", "add a line with '---' after the last key")],
            SECTION,
        )
    data = parse_yaml(match.group(1), file=page.file.src_uri, section=SECTION)
    if not isinstance(data, dict):
        raise GuideError(
            page.file.src_uri,
            [Problem("(front matter)", describe(data), "'key: value' lines", "write each setting as 'key: value' on its own line")],
            SECTION,
        )
