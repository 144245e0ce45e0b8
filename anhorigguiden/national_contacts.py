"""data/national_contacts.yml: the national numbers of the "who to call" block.

Not a hook (mkdocs.yml does not list it): hooks/help_contacts.py loads it through `load`.
Each entry names the number by the key of a fact in data/facts.yml, so the number and its
source live in one place and are cited like any other fact. Every mistake of the file is
reported at once, as a GuideError that points to the editor's guide.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from anhorigguiden.guide_data import GuideError, Problem, describe, load_yaml_file
from anhorigguiden.references import Fact, known_keys

SECTION = "National contacts"
FILE = "data/national_contacts.yml"
_FIELDS = ("name", "when", "number")


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


def load(path: Path, *, languages: tuple[str, ...], facts: dict[str, Fact]) -> list[NationalContact]:
    """The list, checked; a copy whose data folder has no such file shows no national numbers."""
    if not path.exists():
        return []
    entries = load_yaml_file(path, section=SECTION)
    if entries is None:
        return []
    if not isinstance(entries, list):
        raise GuideError(FILE, [Problem("(file)", describe(entries), "a list of entries, each starting with '- name:'", "write one '- name: ...' entry per number, with 'when:' and 'number:' under it")], SECTION)
    problems: list[Problem] = []
    contacts = []
    for index, entry in enumerate(entries, start=1):
        where = f"entry {index}"
        if not isinstance(entry, dict):
            problems.append(Problem(where, describe(entry), "a mapping with name, when and number", "write 'name:', 'when:' and 'number:' under '- '"))
            continue
        before = len(problems)
        for unknown in sorted(set(map(str, entry)) - set(_FIELDS)):
            problems.append(Problem(f"{where}.{unknown}", "an unknown field", "one of " + ", ".join(_FIELDS), "correct the spelling, or remove the field"))
        texts = {name: _per_language(where, name, entry.get(name), languages, problems) for name in ("name", "when")}
        key = entry.get("number")
        if not isinstance(key, str) or key not in facts:
            problems.append(
                Problem(
                    f"{where}.number",
                    describe(key),
                    f"the key of a fact in data/facts.yml ({known_keys(str(key), facts)})",
                    "write the fact's key, not the number itself; add the number as a fact with its source first",
                )
            )
        elif not re.fullmatch(r"\+?[0-9][0-9 -]*", facts[key].text[languages[0]]):
            problems.append(Problem(f"{where}.number", f"the fact {key!r}, whose value is {facts[key].text[languages[0]]!r}", "a fact whose value is a phone number (digits, spaces, dashes)", "point to a fact that holds the number as its publisher prints it"))
        if len(problems) == before:
            contacts.append(NationalContact(texts["name"], texts["when"], facts[key]))
    if problems:
        raise GuideError(FILE, problems, SECTION)
    return contacts


def _per_language(where: str, name: str, value: Any, languages: tuple[str, ...], problems: list[Problem]) -> dict[str, str]:
    if not isinstance(value, dict):
        problems.append(Problem(f"{where}.{name}", describe(value), "one text per language, e.g. {sv: ..., en: ...}", f"write '{name}:' with '  sv: ...' and a line for every other language under it"))
        return {}
    texts = {}
    for language in languages:
        text = value.get(language)
        if isinstance(text, str) and text.strip():
            texts[language] = text.strip()
        else:
            problems.append(Problem(f"{where}.{name}.{language}", describe(text), f"a non-empty text in the language '{language}'", f"add '{language}: ...' under '{name}:'"))
    return texts
