"""The registries that pages cite by key: sources, facts and law references.

The citations extension (anhorigguiden/markdown/citations.py, which replaces [[fact:]],
[[source:]] and [[law:]] in pages) loads them through `load_folder`, hooks/sources_page.py
(the Källor page) through `load`: every entry is checked and every mistake of a file
reported at once, as GuideErrors that point to the editor's guide.

Registry formats (see EDITING.md, sections 'Sources', 'Facts' and 'Law references'):

- data/sources.yml: `publisher`, `title`, `kind` (default language) and `kind_<lang>`
  for every other built language; optional `date`, `reference`, `url`, `cited_in`,
  `note`/`note_<lang>`, and `cite`/`cite_<lang>` (a short name for inline citations,
  where the publisher is too long to repeat in running text); `read` (the day an editor
  read it) and `check_again` (the day to read it again), for sources beyond the seeds.
- data/facts.yml: one text per built language (`sv:`, `en:`), `source:`, optional `note:`.
- data/law.yml: `law: {sv:, en:}`, `source:`, optional `provision:` (text, or one text
  per language) that is printed only with `verified: YYYY-MM-DD`, optional `note:`.
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from anhorigguiden.guide_data import GuideError, Problem, build_day, data_dir, describe, future_date_problem, load_yaml_file
from anhorigguiden.safe_text import LONG_TEXT_MAX, SHORT_TEXT_MAX, text_flaw, url_flaw
from anhorigguiden.site_languages import LANGUAGE_CODE, Languages, languages

if TYPE_CHECKING:  # the Markdown extensions load the registries without MkDocs (load_folder)
    from mkdocs.config.defaults import MkDocsConfig

SOURCES_SECTION = "Sources"
FACTS_SECTION = "Facts"
LAW_SECTION = "Law references"

_SOURCE_FIELDS = ("publisher", "title", "date", "reference", "url", "cited_in", "read", "check_again")
_SOURCE_LOCALISED = {"kind": True, "note": False, "cite": False}  # field: required


@dataclass(frozen=True)
class Source:
    key: str
    publisher: str
    title: str
    kind: dict[str, str]
    date: dt.date | None = None
    reference: str | None = None
    url: str | None = None
    cited_in: str | None = None
    note: dict[str, str] = field(default_factory=dict)
    cite: dict[str, str] = field(default_factory=dict)
    read: dt.date | None = None  # the day an editor read the source
    check_again: dt.date | None = None  # the day it should be read again

    def citation_name(self, language: str) -> str:
        """How the source is named in running text: its short name or its publisher,
        with the year when the document is dated."""
        name = self.cite.get(language) or self.publisher
        return f"{name}, {self.date.year}" if self.date else name


@dataclass(frozen=True)
class Fact:
    key: str
    text: dict[str, str]
    source: str


@dataclass(frozen=True)
class LawReference:
    key: str
    law: dict[str, str]
    source: str
    provision: dict[str, str] | None  # only set when `verified` is a date


@dataclass(frozen=True)
class References:
    sources: dict[str, Source]
    facts: dict[str, Fact]
    laws: dict[str, LawReference]


def load(config: MkDocsConfig) -> References:
    """Load and check the three registries for the languages this site builds."""
    return load_folder(data_dir(config), languages(config))


def load_folder(folder: Path, langs: Languages) -> References:
    """`load` without MkDocs: the three files of a data folder, for the given languages
    (anhorigguiden/registry.py, which loads them once per build)."""
    today = build_day()
    sources = _load_sources(folder / "sources.yml", langs, today=today)
    facts = _load_facts(folder / "facts.yml", langs, sources)
    laws = _load_laws(folder / "law.yml", langs, sources, today=today)
    return References(sources, facts, laws)


def check_each(config: MkDocsConfig) -> list[GuideError]:
    """Every mistake in the three files, each file checked even when another is wrong (for
    scripts/check_content.py): facts and law are checked against the source keys as
    written when data/sources.yml itself has mistakes."""
    folder = data_dir(config)
    langs = languages(config)
    today = build_day()
    errors: list[GuideError] = []
    try:
        sources: dict[str, Any] = _load_sources(folder / "sources.yml", langs, today=today)
    except GuideError as error:
        errors.append(error)
        raw = load_yaml_file(folder / "sources.yml", section=SOURCES_SECTION)
        sources = dict.fromkeys(raw) if isinstance(raw, dict) else {}
    for load_file in (lambda: _load_facts(folder / "facts.yml", langs, sources), lambda: _load_laws(folder / "law.yml", langs, sources, today=today)):
        try:
            load_file()
        except GuideError as error:
            errors.append(error)
    return errors


def known_keys(wanted: str, known: dict[str, Any] | list[str]) -> str:
    """What to tell an author who wrote an unknown key: the close matches, or all keys."""
    keys = sorted(known)
    close = difflib.get_close_matches(wanted, keys, n=3, cutoff=0.6)
    if close:
        return "did you mean " + " or ".join(repr(key) for key in close) + "?"
    return "known keys: " + (", ".join(keys) if keys else "(none yet)")


# --- sources ----------------------------------------------------------------------


def _load_sources(path: Path, langs: Languages, *, today: dt.date | None = None) -> dict[str, Source]:
    registry = _mapping_file(path, SOURCES_SECTION, "publisher: ..., title: ..., kind: ...")
    problems: list[Problem] = []
    sources = {}
    for key, entry in registry.items():
        if not isinstance(entry, dict):
            problems.append(Problem(str(key), describe(entry), "a mapping with publisher, title and kind", f"write the fields indented under '{key}:'"))
            continue
        before = len(problems)
        localised = {name: _localised_field(key, entry, name, required, langs, problems) for name, required in _SOURCE_LOCALISED.items()}
        allowed = set(_SOURCE_FIELDS) | set(_SOURCE_LOCALISED)
        _unknown_fields(key, entry, allowed, problems, localised=tuple(_SOURCE_LOCALISED))
        for name in ("publisher", "title"):
            if not _is_text(entry.get(name)):
                problems.append(Problem(f"{key}.{name}", describe(entry.get(name)), "a non-empty line of text", f"write '{name}: ...' as the document itself gives it"))
        for name in ("reference", "url"):
            if name in entry and entry[name] is not None and not _is_text(entry[name]):
                problems.append(Problem(f"{key}.{name}", describe(entry[name]), "text, or no line at all", f"write it as the document prints it, or remove '{name}:'"))
        url = entry.get("url")
        flaw = url_flaw(url) if _is_text(url) else None
        if flaw:
            problems.append(Problem(f"{key}.url", flaw.found, flaw.expected, "copy the address exactly as the source prints it, or remove 'url:' (never guess one)"))
        for name in ("publisher", "title", "reference"):
            _plain_text(f"{key}.{name}", entry.get(name), LONG_TEXT_MAX if name == "title" else SHORT_TEXT_MAX, problems)
        for name, texts in localised.items():
            for lang, text in texts.items():
                field_name = name if lang == langs.default else f"{name}_{lang}"
                _plain_text(f"{key}.{field_name}", text, LONG_TEXT_MAX if name == "note" else SHORT_TEXT_MAX, problems, multiline=name == "note")
        date = entry.get("date")
        if date is not None and not isinstance(date, dt.date):
            problems.append(Problem(f"{key}.date", describe(date), "a date written YYYY-MM-DD, without quotes", "write the date the document gives, or remove 'date:'"))
        for name, fix in (("read", "write the day you read the source"), ("check_again", "write the day the source should be read again (a year at most)")):
            value = entry.get(name)
            if value is not None and (not isinstance(value, dt.date) or isinstance(value, dt.datetime)):
                problems.append(Problem(f"{key}.{name}", describe(value), "a date written YYYY-MM-DD, without quotes", f"{fix}, or remove '{name}:'"))
            elif name == "read" and isinstance(value, dt.date) and today is not None:
                future = future_date_problem(f"{key}.read", value, today=today, fix="write the day you read the source, today at the latest")
                if future:
                    problems.append(future)
        if len(problems) == before:
            sources[str(key)] = Source(
                key=str(key),
                publisher=entry["publisher"].strip(),
                title=entry["title"].strip(),
                kind=localised["kind"],
                date=date.date() if isinstance(date, dt.datetime) else date,
                reference=entry.get("reference"),
                url=entry.get("url"),
                cited_in=entry.get("cited_in"),
                note=localised["note"],
                cite=localised["cite"],
                read=entry.get("read"),
                check_again=entry.get("check_again"),
            )
    for key, entry in registry.items():
        cited_in = entry.get("cited_in") if isinstance(entry, dict) else None
        if cited_in is not None and (cited_in not in registry or cited_in == key):
            problems.append(Problem(f"{key}.cited_in", describe(cited_in), "the key of another source in this file", f"write the key of the source that cites this one ({known_keys(str(cited_in), [k for k in registry if k != key])}), or remove 'cited_in:'"))
    if problems:
        raise GuideError(_label(path), problems, SOURCES_SECTION)
    return sources


def _localised_field(key: str, entry: dict, name: str, required: bool, langs: Languages, problems: list[Problem]) -> dict[str, str]:
    """`kind` in the default language and `kind_en` etc. in each other built language."""
    names = {lang: name if lang == langs.default else f"{name}_{lang}" for lang in langs.built}
    present = [field_name for field_name in names.values() if entry.get(field_name) is not None]
    if not required and not present:
        return {}
    texts = {}
    for lang, field_name in names.items():
        value = entry.get(field_name)
        if _is_text(value):
            texts[lang] = value.strip()
        else:
            problems.append(Problem(f"{key}.{field_name}", describe(value), f"a non-empty text in the language '{lang}'", f"add '{field_name}: ...' (every built language needs its own '{name}')"))
    return texts


# --- facts ------------------------------------------------------------------------


def _load_facts(path: Path, langs: Languages, sources: dict[str, Source]) -> dict[str, Fact]:
    registry = _mapping_file(path, FACTS_SECTION, "sv: ..., en: ..., source: ...")
    problems: list[Problem] = []
    facts = {}
    for key, entry in registry.items():
        if not isinstance(entry, dict):
            problems.append(Problem(str(key), describe(entry), "a mapping with one text per language and a source", f"write 'sv:', 'en:' and 'source:' indented under '{key}:'"))
            continue
        before = len(problems)
        _unknown_fields(key, entry, {"source", "note"}, problems, languages=True)
        for lang in langs.built:
            value = entry.get(lang)
            if not _is_text(value):
                problems.append(
                    Problem(
                        f"{key}.{lang}",
                        describe(value) if lang in entry else "nothing (the language is missing)",
                        f"the value as it should read in the language '{lang}', as text",
                        f"add '{lang}: \"...\"' under '{key}:', in quotes if it is a number (e.g. \"150 000\")",
                    )
                )
            _plain_text(f"{key}.{lang}", value, SHORT_TEXT_MAX, problems)
        _check_source_key(key, entry.get("source"), sources, problems)
        if entry.get("note") is not None and not _is_text(entry["note"]):
            problems.append(Problem(f"{key}.note", describe(entry["note"]), "a line of text for editors", "write the note as text, or remove 'note:'"))
        if len(problems) == before:
            facts[str(key)] = Fact(str(key), {lang: entry[lang].strip() for lang in langs.built}, entry["source"])
    if problems:
        raise GuideError(_label(path), problems, FACTS_SECTION)
    return facts


# --- law references ---------------------------------------------------------------


def _load_laws(path: Path, langs: Languages, sources: dict[str, Source], *, today: dt.date | None = None) -> dict[str, LawReference]:
    registry = _mapping_file(path, LAW_SECTION, "law: {sv: ..., en: ...}, source: ...")
    problems: list[Problem] = []
    laws = {}
    for key, entry in registry.items():
        if not isinstance(entry, dict):
            problems.append(Problem(str(key), describe(entry), "a mapping with law and source", f"write 'law:' and 'source:' indented under '{key}:'"))
            continue
        before = len(problems)
        _unknown_fields(key, entry, {"law", "source", "provision", "verified", "note"}, problems)
        names = _per_language(key, "law", entry.get("law"), langs, problems, required=True)
        _check_source_key(key, entry.get("source"), sources, problems)
        provision = None
        if entry.get("provision") is not None:
            provision = _per_language(key, "provision", entry["provision"], langs, problems, required=True)
            verified = entry.get("verified")
            if not isinstance(verified, dt.date):
                problems.append(
                    Problem(
                        f"{key}.verified",
                        describe(verified) if "verified" in entry else "nothing (the key is missing)",
                        "the date the provision was checked against the law text, YYYY-MM-DD without quotes",
                        "check the paragraph against the law text and add verified: YYYY-MM-DD, or remove provision",
                    )
                )
            elif today is not None:
                future = future_date_problem(f"{key}.verified", verified, today=today, fix="write the day you checked the provision against the law text, today at the latest")
                if future:
                    problems.append(future)
        elif entry.get("verified") is not None and not isinstance(entry["verified"], dt.date):
            problems.append(Problem(f"{key}.verified", describe(entry["verified"]), "a date written YYYY-MM-DD, or null", "write the date as YYYY-MM-DD without quotes, or remove 'verified:'"))
        if entry.get("note") is not None and not _is_text(entry["note"]):
            problems.append(Problem(f"{key}.note", describe(entry["note"]), "a line of text for editors", "write the note as text, or remove 'note:'"))
        if len(problems) == before:
            laws[str(key)] = LawReference(str(key), names, entry["source"], provision)
    if problems:
        raise GuideError(_label(path), problems, LAW_SECTION)
    return laws


def _per_language(key: str, name: str, value: Any, langs: Languages, problems: list[Problem], *, required: bool) -> dict[str, str]:
    """A text per built language ({sv: ..., en: ...}); a single text serves every language."""
    if _is_text(value):
        _plain_text(f"{key}.{name}", value, SHORT_TEXT_MAX, problems)
        return {lang: value.strip() for lang in langs.built}
    if not isinstance(value, dict):
        if required:
            problems.append(Problem(f"{key}.{name}", describe(value), "one text per language, e.g. {sv: ..., en: ...}", f"write '{name}: {{sv: ..., en: ...}}' under '{key}:'"))
        return {}
    texts = {}
    for lang in langs.built:
        if _is_text(value.get(lang)):
            texts[lang] = value[lang].strip()
            _plain_text(f"{key}.{name}.{lang}", texts[lang], SHORT_TEXT_MAX, problems)
        else:
            problems.append(Problem(f"{key}.{name}.{lang}", describe(value.get(lang)), f"a non-empty text in the language '{lang}'", f"add '{lang}: ...' to '{name}:' under '{key}:'"))
    return texts


# --- shared checks ----------------------------------------------------------------


def _mapping_file(path: Path, section: str, example: str) -> dict:
    registry = load_yaml_file(path, section=section)
    if registry is None:
        return {}
    if not isinstance(registry, dict):
        raise GuideError(_label(path), [Problem("(file)", describe(registry), "a mapping of keys to entries", f"write one 'key:' line per entry, with its fields indented under it ({example})")], section)
    return registry


def _check_source_key(key: str, source: Any, sources: dict[str, Source], problems: list[Problem]) -> None:
    if isinstance(source, str) and source in sources:
        return
    problems.append(
        Problem(
            f"{key}.source",
            describe(source) if source is not None else "nothing (the key is missing)",
            "the key of a source in data/sources.yml",
            f"write the key of the source the value comes from ({known_keys(str(source), sources)}), or add the source to data/sources.yml first",
        )
    )


def _unknown_fields(
    key: str, entry: dict, allowed: set[str], problems: list[Problem], *, localised: tuple[str, ...] = (), languages: bool = False
) -> None:
    """Report misspelt fields. Text in a language ('en:', 'kind_en:') is allowed for any
    language code: the registries are shared by copies that build different languages,
    and the languages a copy builds are checked to be present."""
    for name in sorted(set(map(str, entry)) - allowed):
        base, _, code = name.rpartition("_")
        if (languages and LANGUAGE_CODE.fullmatch(name)) or (base in localised and LANGUAGE_CODE.fullmatch(code)):
            continue
        shown = sorted(allowed) + [f"{field}_<language>" for field in localised] + (["<language>"] if languages else [])
        problems.append(Problem(f"{key}.{name}", "an unknown field", "one of " + ", ".join(shown), "correct the spelling, or remove the field"))


def _plain_text(key: str, value: Any, max_length: int, problems: list[Problem], *, multiline: bool = False) -> None:
    """Registry text reaches pages: no markup, no control characters, a sane length.
    (Its type is checked where the field is; only text is checked here.)"""
    if not _is_text(value):
        return
    flaw = text_flaw(value, max_length=max_length, multiline=multiline)
    if flaw:
        problems.append(Problem(key, flaw.found, flaw.expected, flaw.fix))


def _is_text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _label(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)
