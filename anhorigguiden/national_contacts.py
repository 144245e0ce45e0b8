"""data/national_contacts.yml: the national numbers of the "who to call" block.

Not a hook (mkdocs.yml does not list it): the registry loads it through `load`, for
hooks/help_contacts.py.
Each entry names the number by the key of a fact in data/facts.yml, so the number and its
source live in one place and are cited like any other fact. Every mistake of the file is
reported at once, as a GuideError that points to the editor's guide.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from anhorigguiden import schema
from anhorigguiden.guide_data import load_yaml_file
from anhorigguiden.references import Fact, known_keys
from anhorigguiden.safe_text import SHORT_TEXT_MAX
from anhorigguiden.schema import Check, Field, Invalid, ListOf, Mapping, PerLanguage, Text, Walk

SECTION = "National contacts"
FILE = "data/national_contacts.yml"


@dataclass(frozen=True)
class NationalContact:
    name: dict[str, str]
    when: dict[str, str]
    fact: Fact

    def in_language(self, language: str) -> dict[str, str]:
        number = self.fact.text[language]
        return {"name": self.name[language], "when": self.when[language], "number": number, "href": tel_href(number), "source": self.fact.source}


def tel_href(number: str) -> str:
    """`tel:` with the digits only: '1177' -> 'tel:1177', '020-22 11 33' -> 'tel:020221133'."""
    return "tel:" + re.sub(r"[^0-9+]", "", number)


def _fact_number(value: Any, key: str, walk: Walk) -> Fact:
    """The key of a fact whose value is a phone number: the number and its source live there."""
    facts: dict[str, Fact] = walk.context["facts"]
    if not isinstance(value, str) or value not in facts:
        raise Invalid(f"the key of a fact in data/facts.yml ({known_keys(str(value), facts)})", "write the fact's key, not the number itself; add the number as a fact with its source first")
    number = facts[value].text[walk.context["languages"][0]]
    if not re.fullmatch(r"\+?[0-9][0-9 -]*", number):
        raise Invalid(
            "a fact whose value is a phone number (digits, spaces, dashes)",
            "point to a fact that holds the number as its publisher prints it",
            found=f"the fact {value!r}, whose value is {number!r}",
        )
    return facts[value]


_TEXTS_MISSING = Invalid("one text per language, e.g. {sv: ..., en: ...}", "write '{name}:' with '  sv: ...' and a line for every other language under it")
_PER_LANGUAGE = PerLanguage(Text(SHORT_TEXT_MAX), single=False, every=True, extra_languages=True)
_ENTRY = Mapping(
    {
        "name": Field(_PER_LANGUAGE, required=True, missing=_TEXTS_MISSING),
        "when": Field(_PER_LANGUAGE, required=True, missing=_TEXTS_MISSING),
        "number": Field(Check(_fact_number), ask_node=True),
    },
    example="'name:', 'when:' and 'number:' under '- '",
    expected="a mapping with name, when and number",
    fix="write 'name:', 'when:' and 'number:' under '- '",
    unknown="an unknown field",
    unknown_fix="correct the spelling, or remove the field",
    build=lambda fields: NationalContact(fields["name"], fields["when"], fields["number"]),
)
SCHEMA = ListOf(
    _ENTRY,
    expected="a list of entries, each starting with '- name:'",
    fix="write one '- name: ...' entry per number, with 'when:' and 'number:' under it",
    start=1,
    item_key="entry {n}",
)


def load(path: Path, *, languages: tuple[str, ...], facts: dict[str, Fact]) -> list[NationalContact]:
    """The list, checked; a copy whose data folder has no such file shows no national numbers."""
    if not path.exists():
        return []
    entries = load_yaml_file(path, section=SECTION)
    if entries is None:
        return []
    return list(schema.validate(SCHEMA, entries, file=FILE, section=SECTION, languages=list(languages), facts=facts))
