"""Search words: the everyday words readers type for what a page calls something else.

Hooks/search_per_language.py uses it when it writes each language's
search index. `data/synonyms.yml` lists, per language, groups of words that mean the same
thing to a reader ("avlastning", "avlösning", "växelvård"). A section of a page that
contains one word of a group gets the group's other words in fields of its own,
`synonyms` and `title_synonyms`, which lunr searches like the text and the title but
Material's result list never shows.

Why our own step: Material adds `*` to every word searched for and lunr does not stem a
word with `*`, so stemming is off (mkdocs.yml, plugins.search). Matching here works the
way the reader's query does: a group word matches a word of the page that starts with it
("avlösning" matches "avlösningen"); a phrase ("ledig från jobbet") matches word by word.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from anhorigguiden import schema
from anhorigguiden.guide_data import load_yaml_file
from anhorigguiden.schema import Check, Checked, Invalid, ListOf, MapOf, Walk

SECTION = "Search words"
# A synonym is as good a match as the word itself: one found in a section's title goes
# into a field weighted like the title, one found in its text into a field weighted like
# the text (the weights are read from the index's own configuration).
FIELDS = {"title": "title_synonyms", "text": "synonyms"}
# A group word: letters (any script), digits, and single spaces or hyphens between them.
_WORD = re.compile(r"^[^\W_]+(?:[ \-][^\W_]+)*$")
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Synonyms:
    """Each language's groups, every word lower case."""

    groups: dict[str, tuple[tuple[str, ...], ...]]

    def for_language(self, lang: str) -> tuple[tuple[str, ...], ...]:
        return self.groups.get(lang, ())


def load_synonyms(path: Path, *, languages: list[str]) -> Synonyms:
    """Read and check `path`; every problem of the file at once, as one GuideError."""
    if not path.is_file():
        return Synonyms({})  # no search words configured: search works as before
    data = load_yaml_file(path, section=SECTION)
    return check_synonyms(data, file=_label(path), languages=languages)


def _word(value: Any, key: str, walk: Walk) -> str:
    if not isinstance(value, str) or not _WORD.match(value.strip()):
        raise Invalid("a word or a short phrase: letters and digits, with single spaces or hyphens between words", "write the word as a reader would type it, e.g. 'ledig från jobbet'")
    return _normal(value)


def _normal(word: str) -> str:
    return " ".join(word.strip().lower().split())


def _each_word_once(checked: Checked, walk: Walk) -> None:
    """A word in two groups (or twice in one) would join groups that mean different things."""
    seen: dict[str, int] = {}
    for number, group in enumerate(checked.raw, start=1):
        if not isinstance(group, list) or len(group) < 2:
            continue  # reported as a group
        for word in group:
            if not isinstance(word, str) or not _WORD.match(word.strip()):
                continue  # reported as a word
            normal = _normal(word)
            if normal in seen:
                where = "this group" if seen[normal] == number else f"group {checked.key}[{seen[normal]}]"
                walk.report(f"{checked.key}[{number}]", f"'{word}', which is already in {where}", "each word in one group only, once", "merge the two groups, or remove the word from one of them")
            else:
                seen[normal] = number


def _built_language(name: Any, walk: Walk) -> Invalid | None:
    languages = walk.context["languages"]
    if name in languages:
        return None
    return Invalid("one of " + ", ".join(languages), "correct the language code, or remove its groups", found="a language this site does not build")


_GROUP = ListOf(
    Check(_word),
    expected="a list of two or more words that mean the same thing to a reader",
    fix="write e.g. '[avlastning, avlösning]', or remove the group",
    min_items=2,
    item_key="{key}",  # a word's problem is its group's: the editor finds the line
)
_GROUPS = ListOf(
    _GROUP,
    expected="a list of word groups, each a list of two or more words",
    fix="write e.g. '{name}: [[avlastning, avlösning]]'",
    start=1,
    checks=(_each_word_once,),
)


def check_synonyms(data: Any, *, file: str, languages: list[str]) -> Synonyms:
    if data is None:
        return Synonyms({})
    node = MapOf(
        _GROUPS,
        expected="a mapping of language codes (" + ", ".join(languages) + ") to lists of word groups",
        fix="write e.g. 'sv: [[avlastning, avlösning]]'",
        key_check=_built_language,
    )
    return Synonyms(schema.validate(node, data, file=file, section=SECTION, languages=languages))


def add_synonyms(index: dict, groups: tuple[tuple[str, ...], ...], separator: str) -> dict:
    """`index` (one language's Material search index) with each entry's search words in
    the `synonyms` field, and that field declared in the index's configuration."""
    if not groups:
        return index
    split = re.compile(separator)
    phrases = [[(word, _tokens(word, split)) for word in group] for group in groups]
    docs = []
    for doc in index["docs"]:
        added = {}
        for source, field in FIELDS.items():
            tokens = _tokens(_TAG.sub(" ", doc.get(source, "")), split)
            # Tokens hold no whitespace (the separator splits at it): ' ' + a word is in
            # `joined` exactly when some token starts with that word.
            joined = " " + " ".join(tokens)
            extra: list[str] = []
            for group in phrases:
                found = [word for word, words in group if _contains(tokens, words, joined)]
                if found:
                    extra += [word for word, _ in group if word not in found and word not in extra]
            if extra:
                added[field] = " ".join(extra)
        docs.append({**doc, **added})
    fields = dict(index["config"]["fields"])
    for source, field in FIELDS.items():
        fields[field] = {"boost": fields.get(source, {}).get("boost", 1.0)}
    return {**index, "config": {**index["config"], "fields": fields}, "docs": docs}


def _tokens(text: str, split: re.Pattern) -> list[str]:
    return [token for token in split.split(html.unescape(text).lower()) if token]


def _contains(tokens: list[str], words: list[str], joined: str | None = None) -> bool:
    """Whether `words` occur in a row in `tokens`, each as the start of a token.

    `joined` (' ' + the tokens joined by spaces) rules most groups out at once: a word no
    token starts with cannot start a row (7.7 of 69 profiled seconds of a build before)."""
    if joined is not None and words and " " + words[0] not in joined:
        return False
    width = len(words)
    if joined is not None and width == 1:
        return True  # found just above: some token starts with the one word
    for start in range(len(tokens) - width + 1):
        if all(tokens[start + i].startswith(words[i]) for i in range(width)):
            return True
    return False


def _label(path: Path) -> str:
    parts = path.parts
    return "/".join(parts[-2:]) if len(parts) >= 2 else str(path)
