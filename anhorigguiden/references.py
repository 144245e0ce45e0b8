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
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from anhorigguiden import schema
from anhorigguiden.guide_data import GuideError, Problem, build_day, data_dir, describe, display_path, load_yaml_file
from anhorigguiden.safe_text import LONG_TEXT_MAX, SHORT_TEXT_MAX
from anhorigguiden.schema import Check, Checked, Date, Field, Invalid, MapOf, Mapping, PerLanguage, Text, Url, Walk, did_you_mean, join
from anhorigguiden.site_languages import LANGUAGE_CODE, Languages, languages

if TYPE_CHECKING:  # the Markdown extensions load the registries without MkDocs (load_folder)
    from mkdocs.config.defaults import MkDocsConfig

SOURCES_SECTION = "Sources"
FACTS_SECTION = "Facts"
LAW_SECTION = "Law references"

_SOURCE_FIELDS = ("publisher", "title", "date", "reference", "url", "cited_in", "read", "check_again", "language")
# Localised fields (`kind`, `kind_en`, ...): required, longest text.
_SOURCE_LOCALISED = {"kind": (True, SHORT_TEXT_MAX), "note": (False, LONG_TEXT_MAX), "cite": (False, SHORT_TEXT_MAX)}


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
    language: str | None = None  # the language its title is written in; None: the site's default

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
    return did_you_mean(wanted, keys) or "known keys: " + (", ".join(keys) if keys else "(none yet)")


# --- sources ----------------------------------------------------------------------

_AS_GIVEN = "write '{name}: ...' as the document itself gives it"


def _sources_schema(langs: Languages) -> MapOf:
    """Every field of a source; the localised ones (`kind`, `kind_en`, ...) for each built
    language, all of them or (`note`, `cite`) none."""
    fields = {
        "publisher": Field(Text(SHORT_TEXT_MAX, fix=_AS_GIVEN), required=True, missing=Invalid("a non-empty line of text", _AS_GIVEN)),
        "title": Field(Text(LONG_TEXT_MAX, fix=_AS_GIVEN), required=True, missing=Invalid("a non-empty line of text", _AS_GIVEN)),
        "date": Field(Date(fix="write the date the document gives, or remove 'date:'")),
        "reference": Field(Text(SHORT_TEXT_MAX, expected="text, or no line at all", fix="write it as the document prints it, or remove 'reference:'")),
        "url": Field(
            Url(
                expected="text, or no line at all",
                fix="write it as the document prints it, or remove 'url:'",
                flaw_fix="copy the address exactly as the source prints it, or remove 'url:' (never guess one)",
            )
        ),
        "cited_in": Field(Check(lambda value, key, walk: value)),  # another entry's key: checked across entries
        "read": Field(Date(not_future=True, times=False, fix="write the day you read the source, or remove 'read:'", future_fix="write the day you read the source, today at the latest")),
        "check_again": Field(Date(times=False, fix="write the day the source should be read again (a year at most), or remove 'check_again:'")),
        # So that a screen reader reads the title with the right voice on every language's
        # Källor page (WCAG 3.1.2): only where it is not the site's default language.
        "language": Field(Check(_language_code)),
    }
    for name, (required, max_length) in _SOURCE_LOCALISED.items():
        for lang in langs.built:
            field_name = name if lang == langs.default else f"{name}_{lang}"
            wanted = Invalid(f"a non-empty text in the language '{lang}'", f"add '{field_name}: ...' (every built language needs its own '{name}')")
            text = Text(max_length, multiline=name == "note", expected=wanted.expected, fix=wanted.fix)
            fields[field_name] = Field(text, required=required, missing=wanted)
    entry = Mapping(
        fields,
        example="publisher: ..., title: ..., kind: ...",
        expected="a mapping with publisher, title and kind",
        fix="write the fields indented under '{name}:'",
        extra=_localised_name,
        allowed="one of " + ", ".join(sorted(set(_SOURCE_FIELDS) | set(_SOURCE_LOCALISED)) + [f"{name}_<language>" for name in _SOURCE_LOCALISED]),
        unknown="an unknown field",
        unknown_fix="correct the spelling, or remove the field",
        checks=(_all_languages_or_none(langs),),
    )
    return MapOf(entry, expected="a mapping of keys to entries", fix="write one 'key:' line per entry, with its fields indented under it (publisher: ..., title: ..., kind: ...)", checks=(_cited_in_another,))


def _language_code(value: Any, key: str, walk: Walk) -> str:
    # The primary language subtag alone: it becomes an HTML lang attribute, where 'sv_SE'
    # (LANGUAGE_CODE's locale form) would not be valid.
    if isinstance(value, str) and re.fullmatch(r"[a-z]{2,3}", value):
        return value
    raise Invalid("a language code such as 'en' (the language of the title)", "write the two-letter code of the language the source's title is written in, or remove 'language:' for Swedish")


def _localised_name(name: str) -> bool:
    """A text in a language this copy does not build ('kind_fi'): the registry is shared by
    copies that build different languages, and the built ones are checked to be present."""
    base, _, code = name.rpartition("_")
    return base in _SOURCE_LOCALISED and bool(LANGUAGE_CODE.fullmatch(code))


def _all_languages_or_none(langs: Languages):
    def check(checked: Checked, walk: Walk) -> None:
        for name, (required, _) in _SOURCE_LOCALISED.items():
            names = {lang: name if lang == langs.default else f"{name}_{lang}" for lang in langs.built}
            written = [field_name for field_name in names.values() if checked.raw.get(field_name) is not None]
            if required or not written:
                continue
            for lang, field_name in names.items():
                if field_name not in written:
                    walk.report(join(checked.key, field_name), "nothing (the key is missing)", f"a non-empty text in the language '{lang}'", f"add '{field_name}: ...' (every built language needs its own '{name}')")

    return check


def _cited_in_another(checked: Checked, walk: Walk) -> None:
    registry = checked.raw
    for key, entry in registry.items():
        cited_in = entry.get("cited_in") if isinstance(entry, dict) else None
        if cited_in is None:
            continue
        if not isinstance(cited_in, str) or cited_in not in registry or cited_in == key:
            others = [str(k) for k in registry if k != key]
            walk.report(f"{key}.cited_in", describe(cited_in), "the key of another source in this file", f"write the key of the source that cites this one ({known_keys(str(cited_in), others)}), or remove 'cited_in:'")


def _load_sources(path: Path, langs: Languages, *, today: dt.date | None = None) -> dict[str, Source]:
    registry = _mapping_file(path, SOURCES_SECTION, "publisher: ..., title: ..., kind: ...")
    entries = schema.validate(_sources_schema(langs), registry, file=display_path(path), section=SOURCES_SECTION, languages=langs.built, today=today)
    return {key: _source(key, fields, langs) for key, fields in entries.items()}


def _source(key: str, fields: dict[str, Any], langs: Languages) -> Source:
    def localised(name: str) -> dict[str, str]:
        texts = {lang: fields.get(name if lang == langs.default else f"{name}_{lang}") for lang in langs.built}
        return {lang: text for lang, text in texts.items() if text is not None}

    plain = {name: fields.get(name) for name in _SOURCE_FIELDS}
    return Source(key=key, kind=localised("kind"), note=localised("note"), cite=localised("cite"), **plain)


# --- facts and law references -----------------------------------------------------

_EDITORS_NOTE = Field(Text(plain=False, expected="a line of text for editors", fix="write the note as text, or remove 'note:'"))


def _source_key(value: Any, key: str, walk: Walk) -> str:
    sources = walk.context["sources"]
    if isinstance(value, str) and value in sources:
        return value
    raise Invalid(
        "the key of a source in data/sources.yml",
        f"write the key of the source the value comes from ({known_keys(str(value), sources)}), or add the source to data/sources.yml first",
        found="nothing (the key is missing)" if value is None else None,
    )


def _facts_schema(langs: Languages) -> MapOf:
    fields = {}
    for lang in langs.built:
        wanted = Invalid(f"the value as it should read in the language '{lang}', as text", f"add '{lang}: \"...\"' under '{{parent}}:', in quotes if it is a number (e.g. \"150 000\")")
        fields[lang] = Field(Text(SHORT_TEXT_MAX, expected=wanted.expected, fix=wanted.fix), required=True, missing=Invalid(wanted.expected, wanted.fix, found="nothing (the language is missing)"))
    fields["source"] = Field(Check(_source_key), required=True, ask_node=True)
    fields["note"] = _EDITORS_NOTE
    entry = Mapping(
        fields,
        example="sv: ..., en: ..., source: ...",
        expected="a mapping with one text per language and a source",
        fix="write 'sv:', 'en:' and 'source:' indented under '{name}:'",
        extra=lambda name: bool(LANGUAGE_CODE.fullmatch(name)),  # a language another copy builds
        allowed="one of note, source, <language>",
        unknown="an unknown field",
        unknown_fix="correct the spelling, or remove the field",
    )
    return MapOf(entry, expected="a mapping of keys to entries", fix="write one 'key:' line per entry, with its fields indented under it (sv: ..., en: ..., source: ...)")


def _load_facts(path: Path, langs: Languages, sources: dict[str, Source]) -> dict[str, Fact]:
    registry = _mapping_file(path, FACTS_SECTION, "sv: ..., en: ..., source: ...")
    entries = schema.validate(_facts_schema(langs), registry, file=display_path(path), section=FACTS_SECTION, languages=langs.built, sources=sources)
    return {key: Fact(key, {lang: fields[lang] for lang in langs.built}, fields["source"]) for key, fields in entries.items()}


def _verified_provision(checked: Checked, walk: Walk) -> None:
    """A provision ('2 kap. 3 §') is printed only once someone has checked it against the law."""
    if checked.raw.get("provision") is not None and checked.raw.get("verified") is None:
        walk.report(
            join(checked.key, "verified"),
            describe(None) if "verified" in checked.raw else "nothing (the key is missing)",
            "the date the provision was checked against the law text, YYYY-MM-DD without quotes",
            "check the paragraph against the law text and add verified: YYYY-MM-DD, or remove provision",
        )


def _laws_schema() -> MapOf:
    # A single text serves every language; languages this copy does not build are allowed.
    per_language = PerLanguage(Text(SHORT_TEXT_MAX), every=True, extra_languages=True, missing_fix="add '{lang}: ...' to '{name}:' under '{parent}:'")
    entry = Mapping(
        {
            "law": Field(per_language, required=True, missing=Invalid("one text per language, e.g. {sv: ..., en: ...}", "write 'law: {sv: ..., en: ...}' under '{parent}:'")),
            "source": Field(Check(_source_key), required=True, ask_node=True),
            "provision": Field(per_language),
            "verified": Field(
                Date(
                    not_future=True,
                    fix="write the day you checked the provision against the law text, YYYY-MM-DD without quotes, or remove 'verified:'",
                    future_fix="write the day you checked the provision against the law text, today at the latest",
                )
            ),
            "note": _EDITORS_NOTE,
        },
        example="law: {sv: ..., en: ...}, source: ...",
        expected="a mapping with law and source",
        fix="write 'law:' and 'source:' indented under '{name}:'",
        unknown="an unknown field",
        unknown_fix="correct the spelling, or remove the field",
        checks=(_verified_provision,),
    )
    return MapOf(entry, expected="a mapping of keys to entries", fix="write one 'key:' line per entry, with its fields indented under it (law: {sv: ..., en: ...}, source: ...)")


def _load_laws(path: Path, langs: Languages, sources: dict[str, Source], *, today: dt.date | None = None) -> dict[str, LawReference]:
    registry = _mapping_file(path, LAW_SECTION, "law: {sv: ..., en: ...}, source: ...")
    entries = schema.validate(_laws_schema(), registry, file=display_path(path), section=LAW_SECTION, languages=langs.built, sources=sources, today=today)
    return {key: LawReference(key, fields["law"], fields["source"], fields.get("provision")) for key, fields in entries.items()}


# --- shared checks ----------------------------------------------------------------


def _mapping_file(path: Path, section: str, example: str) -> dict:
    registry = load_yaml_file(path, section=section)
    if registry is None:
        return {}
    if not isinstance(registry, dict):
        raise GuideError(display_path(path), [Problem("(file)", describe(registry), "a mapping of keys to entries", f"write one 'key:' line per entry, with its fields indented under it ({example})")], section)
    return registry
