"""Front-matter schema: every page states its title, description, audience, review date
and sources, and nothing else slips through.

Events: on_config (loads the sources registry); on_files (priority 50, before Material's
`meta` plugin reads them: every folder's `.meta.yml` is UTF-8, plain YAML without aliases,
and holds only front-matter keys with valid values); on_pre_page (before MkDocs reads the
page: the file is UTF-8, its front matter parses, and no key has another type than the
folder's default for it, which would stop the `meta` plugin's merge with a traceback);
on_page_markdown (after the `meta` plugin has merged the folder defaults). Touches every
page.
Also makes sure each page starts with an H1 taken from its title, so that the page has a
heading to skip to and a table of contents entry.
"""

from __future__ import annotations

import datetime as dt
import os
import posixpath
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from anhorigguiden.registry import registry_for
from anhorigguiden import schema
from anhorigguiden.guide_data import AUDIENCES, GuideError, Problem, build_day, decode_utf8, describe, parse_yaml
from anhorigguiden.schema import Check, Date, Field, Invalid, Mapping
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from anhorigguiden.safe_text import DESCRIPTION_MAX, TITLE_MAX, text_flaw

SECTION = "Front matter"
HIDE_VALUES = ("navigation", "toc", "footer", "path", "feedback", "tags")

# Material's own keys that pages may set, with what each accepts.
_FRONT_MATTER_RE = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
_H1_RE = re.compile(r"^#[ \t]+\S", re.MULTILINE)

_sources: dict[str, Any] = {}
_folder_defaults: dict[str, dict[str, Any]] = {}  # each .meta.yml's src_path: its checked keys
META_FILE = ".meta.yml"


@event_priority(-200)  # after mkdocs-static-i18n has set up this language's build
def on_config(config: MkDocsConfig) -> None:
    global _sources
    _sources = registry_for(config).source_keys


@event_priority(50)  # before Material's meta plugin (0) reads the .meta.yml files
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    _folder_defaults.clear()
    for file in files:
        if posixpath.basename(file.src_uri) == META_FILE and file.abs_src_path:
            _folder_defaults[file.src_path] = check_folder_defaults(
                Path(file.abs_src_path).read_bytes(), file=file.src_uri, known_sources=_sources, today=build_day(), theme_files=lambda: _theme(config)
            )
    return files


def check_folder_defaults(
    data: bytes, *, file: str, known_sources: dict[str, Any], today: dt.date | None = None, theme_files: Callable[[], frozenset[str]] | None = None
) -> dict[str, Any]:
    """A folder's `.meta.yml`: the keys it sets, each valid as in a page's front matter."""
    defaults = parse_yaml(decode_utf8(data, file=file, section=SECTION), file=file, section=SECTION)
    if defaults is None:
        return {}
    if not isinstance(defaults, dict):
        raise GuideError(file, [Problem("(file)", describe(defaults), "'key: value' lines with front-matter keys", "write each default as 'key: value' on its own line, e.g. 'audience: [anhoriga]'")], SECTION)
    validate(defaults, file=file, known_sources=known_sources, today=today, theme_files=theme_files, partial=True)
    return defaults


def on_pre_page(page: Page, *, config: MkDocsConfig, files: Files) -> Page:
    """Before MkDocs reads the page: its bytes, its front matter and the folder defaults."""
    path = page.file.abs_src_path
    # An organisation's local pages have a path too: they are read like upstream's pages.
    if not path:
        return page  # generated in memory by a hook, which validates its own data
    source = decode_utf8(Path(path).read_bytes(), file=page.file.src_uri, section="Pages")
    # A page not yet translated is read in every language's run: checked once per build.
    checked = registry_for(config).derived("front matter: pages read", set)
    if (page.file.src_uri, source) in checked:
        return page
    front = _front_matter(source, file=page.file.src_uri)
    _check_default_types(front, page.file.src_path, file=page.file.src_uri)
    checked.add((page.file.src_uri, source))
    return page


@event_priority(30)  # first of ours: after Material's meta plugin (50) merged folder defaults
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    # The same metadata (a page read in several languages' runs) is checked once per build.
    # The key is its repr: the values are YAML's (text, numbers, dates, lists, mappings).
    validated = registry_for(config).derived("front matter: metadata checked", dict)
    key = (page.file.src_uri, repr(page.meta))
    if key not in validated:
        validated[key] = validate(page.meta, file=page.file.src_uri, known_sources=_sources, today=build_day(), theme_files=lambda: _theme(config))
    page.meta = dict(validated[key])
    if not _H1_RE.search(markdown):
        markdown = f"# {page.meta['title']}\n\n{markdown}"
    return markdown


def _theme(config: MkDocsConfig) -> frozenset[str]:
    # The theme's templates and icons (thousands of files), listed when a page names one:
    # once per build and set of template folders, not once per language run.
    # (mkdocs-static-i18n puts its sitemap folder first again in each run: the set of
    # folders, not their list, says whether the files can differ.)
    folders = sorted(set(config.theme.dirs))
    return registry_for(config).derived(f"theme files: {folders}", lambda: frozenset(config.theme.get_env().list_templates()))


def validate(
    meta: dict[str, Any],
    *,
    file: str,
    known_sources: dict[str, Any],
    today: dt.date | None = None,
    theme_files: Callable[[], frozenset[str]] | None = None,
    partial: bool = False,
) -> dict[str, Any]:
    """Check one page's merged metadata; return it normalised or raise with every problem.

    `today`: a `reviewed` date after it is refused. `theme_files`: the theme's template
    and icon files, asked for only when the page names a `template` or an `icon`.
    `partial`: a folder's defaults, where no key is required.
    """
    checked = schema.validate(
        _schema(known_sources, theme_files, partial=partial), meta, file=file, section=SECTION, today=today
    )
    return {**meta, **checked}


_Invalid = Invalid  # the checks below raise it with what is allowed and the fix


def _text(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _Invalid("a non-empty line of text", "write the text after the colon, in quotes if it contains ':'")
    return value.strip()


def _plain(value: Any, max_length: int, too_long: str) -> str:
    """A line of plain text: Material prints titles and descriptions without escaping them."""
    text = _text(value)
    if len(text) > max_length:
        raise _Invalid(f"at most {max_length} characters (found {len(text)})", too_long)
    flaw = text_flaw(text, max_length=max_length)
    if flaw:
        raise _Invalid(f"{flaw.expected} (found {flaw.found})", flaw.fix)
    return text


def _title(value: Any) -> str:
    return _plain(value, TITLE_MAX, "shorten it to the reader's question in a few words")


def _description(value: Any) -> str:
    return _plain(value, DESCRIPTION_MAX, "shorten it to one sentence that says what the page answers")


def _theme_file(kind: str, theme_files: Callable[[], frozenset[str]] | None) -> Callable[[Any], str]:
    """A `template:` or `icon:` that the theme has: an unknown one stops the build at the
    page rather than with a traceback from Jinja."""
    pattern = r"[A-Za-z0-9_][A-Za-z0-9_./-]*\.html" if kind == "template" else r"[a-z0-9-]+(?:/[a-z0-9_-]+)+"
    example = "template: main.html" if kind == "template" else "icon: material/account-heart"

    def check(value: Any) -> str:
        text = _text(value)
        if not re.fullmatch(pattern, text) or ".." in text.split("/"):
            raise _Invalid(
                "the name of one of the theme's templates, e.g. main.html" if kind == "template" else "the name of one of the theme's icons, e.g. material/account-heart",
                f"write e.g. '{example}', or remove the key",
            )
        name = text if kind == "template" else f".icons/{text}.svg"
        if theme_files is not None and name not in theme_files():
            raise _Invalid(
                f"{'an icon' if kind == 'icon' else 'a template'} that exists in overrides/ or in Material for MkDocs",
                f"correct the name (Material's icons: https://squidfunk.github.io/mkdocs-material/reference/icons-emojis/), or remove the key",
            )
        return text

    return check


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


# What a required key's line looks like, for the editor who left it out.
_EXAMPLES = {
    "title": "title: Vem är anhörig?",
    "description": "description: Om orden anhörig och närstående, och vem som räknas.",
    "audience": "audience: [anhoriga]",
    "reviewed": "reviewed: 2026-11-22",
    "sources": "sources: [kommunens-stod-video]",
}


def _schema(known_sources: dict[str, Any], theme_files: Callable[[], frozenset[str]] | None = None, *, partial: bool = False) -> Mapping:
    """Every key a page may carry. Add new keys here, never elsewhere. `partial`: a folder's
    defaults, where no key is required. A key written with no value is checked as such."""

    def key(check: Callable[[Any], Any], name: str = "") -> Field:
        required = name in _EXAMPLES and not partial
        missing = Invalid("a value for this required key", f"add the line '{_EXAMPLES[name]}' to the front matter") if required else None
        return Field(Check(lambda value, _key, _walk: check(value)), required=required, missing=missing, null=True)

    fields = {
        "title": key(_title, "title"),
        "description": key(_description, "description"),
        "audience": key(_audience, "audience"),
        "reviewed": Field(
            Date(not_future=True, fix="write the day the page was last checked, e.g. 'reviewed: 2026-11-22'", future_fix="write the day the page was last checked, which is today at the latest"),
            required=not partial,
            missing=Invalid("a value for this required key", f"add the line '{_EXAMPLES['reviewed']}' to the front matter"),
            null=True,
        ),
        "sources": key(_sources_check(known_sources), "sources"),
        # A self-hosted video shown when configured (hooks/presentation_video.py)
        "video": key(_video),
        # Languages this page is not translated into on purpose (hooks/translations.py)
        "untranslated": key(_languages),
        # The page's easy-to-read version, and back (hooks/page_tools.py)
        "easy_read": key(_page_path),
        "standard": key(_page_path),
        # Material's own keys
        "hide": key(_hide),
        "search": key(_search),
        "template": key(_theme_file("template", theme_files)),
        "icon": key(_theme_file("icon", theme_files)),
    }
    return Mapping(
        fields,
        example="'title: ...', 'description: ...' and the other keys",
        allowed="one of " + ", ".join(sorted(fields)),
        # Keys with two leading underscores are Material's own bookkeeping (the meta plugin's).
        extra=lambda name: name.startswith("__"),
    )


def _front_matter(source: str, *, file: str) -> dict[str, Any]:
    """The page's front matter, parsed strictly (a repeated key or a YAML alias is refused).

    MkDocs silently drops front matter whose YAML does not parse: detect that here.
    """
    if not source.startswith("---"):
        return {}
    match = _FRONT_MATTER_RE.match(source)
    if not match:
        raise GuideError(
            file,
            [Problem("(front matter)", "an opening '---' with no closing '---' line", "front matter between two lines of '---'", "add a line with '---' after the last key")],
            SECTION,
        )
    data = parse_yaml(match.group(1), file=file, section=SECTION)
    if not isinstance(data, dict):
        raise GuideError(
            file,
            [Problem("(front matter)", describe(data), "'key: value' lines", "write each setting as 'key: value' on its own line")],
            SECTION,
        )
    return data


def check_page(
    source: str,
    *,
    file: str,
    src_path: str,
    folder_defaults: dict[str, dict[str, Any]],
    known_sources: dict[str, Any],
    today: dt.date | None = None,
    theme_files: Callable[[], frozenset[str]] | None = None,
) -> dict[str, Any]:
    """One page's front matter as the build sees it, without a build (scripts/check_content.py):
    its own keys over the defaults of the `.meta.yml` files above it, validated."""
    front = _front_matter(source, file=file)
    _check_default_types(front, src_path, file=file, folder_defaults=folder_defaults)
    merged: dict[str, Any] = {}
    for meta_path in sorted(folder_defaults, key=len):  # the nearest folder last, so it wins
        if src_path.startswith(os.path.dirname(meta_path)):
            merged.update(folder_defaults[meta_path])
    return validate({**merged, **front}, file=file, known_sources=known_sources, today=today, theme_files=theme_files)


def _check_default_types(front: dict[str, Any], src_path: str, *, file: str, folder_defaults: dict[str, dict[str, Any]] | None = None) -> None:
    """A page may override a folder default, but with a value of the same type: Material's
    meta plugin merges them type-safely and stops with a traceback otherwise."""
    problems = []
    for meta_path, defaults in (_folder_defaults if folder_defaults is None else folder_defaults).items():
        if not src_path.startswith(os.path.dirname(meta_path)):
            continue  # the same test as Material's meta plugin
        shown = meta_path.replace(os.sep, "/")
        for key in sorted(set(front) & set(defaults), key=str):
            if type(front[key]) is not type(defaults[key]):
                fix = (
                    f"write a list, as {shown} does, e.g. '{key}: [{front[key]}]'"
                    if isinstance(defaults[key], list)
                    else f"write it the way {shown} writes it"
                )
                problems.append(Problem(str(key), f"{describe(front[key])}, while {shown} gives {describe(defaults[key])}", "a value of the same kind as the folder's default", fix))
    if problems:
        raise GuideError(file, problems, SECTION)
