"""Training paths as data: load and check `data/paths/*.yml`.

Hooks/training_paths.py uses it. A path is
a list of modules; each module has its own teaching text (`data/paths/<path>/<module>.md`,
and `<module>.<lang>.md` for every other language), objectives, scenario questions with
feedback for every option, and a reflection question; it may point to a guide page for
deeper reading. Every mistake in a path file is reported at once, with the file, the key,
what was found, what is allowed and the fix.

Time is computed, never typed: a module takes ceil(words / 130 + 1.5 × questions + 3)
minutes (reading its teaching text in the default language, answering, reflecting), a path
the sum of its modules (EDITING.md, "Training paths").

Positions in keys count from 1: `modules[2].questions[1]` is the first question of the
second module.

The options of a question are shown in an order made from the data (`option_orders`), not
in the order they are written; an option's text must therefore not depend on its place.

Languages: a path has its texts in every built language, except the languages it lists
under `untranslated:` (as a page does, hooks/translations.py); its pages in those languages
show the default language's text.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from anhorigguiden.guide_data import AUDIENCES, GuideError, Problem, describe, display_path, load_yaml_file
from anhorigguiden.safe_text import DESCRIPTION_MAX
from anhorigguiden.schema import INVALID, Check, Checked, Choice, Date, Field, Flag, Invalid, ListOf, Mapping, Node, Walk

SECTION = "Training paths"
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# A module id is a folder in the address and a key in the reader's saved progress; '_' is
# allowed too, and training.js stores ids in prototype-free maps, so that even an id like
# '__proto__' or 'constructor' is an ordinary key.
MODULE_ID_RE = re.compile(r"^[a-z0-9_]+(?:-[a-z0-9_]+)*$")
# A module's id is its folder under the path; the certificate page has this folder.
RESERVED_MODULE_IDS = ("intyg",)
EDITION_RE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z.\-]{0,19}$")

PATH_OPTIONAL = ("order", "untranslated", "draft")
MODULE_OPTIONAL = ("page",)
OPTION_OPTIONAL = ("correct",)

# The teaching text: its length in words (without Markdown syntax) and its case heading.
WORDS_MIN, WORDS_MAX = 300, 700
QUESTIONS_MIN = 3
OPTIONS_MIN, OPTIONS_MAX = 3, 4
CASE_HEADINGS = {
    "sv": "Ett fall från praktiken",
    "en": "A case from practice",
    "fi": "Tapaus käytännöstä",
    "ar": "حالة من الواقع العملي",
}
# Time: reading speed in words per minute, minutes per question and for the reflection.
WORDS_PER_MINUTE = 130
MINUTES_PER_QUESTION = 1.5
MINUTES_REFLECTION = 3
# Markup that has no place in a plain-text title: HTML, emphasis, links, code, entities.
_MARKUP = re.compile(r"[<>*`\[\]]|&[#\w]+;|(?:^|\s)_|_(?:\s|$)|^#")

Texts = dict[str, str]


@dataclass(frozen=True)
class Option:
    text: Texts
    correct: bool
    feedback: Texts


@dataclass(frozen=True)
class Question:
    text: Texts
    options: tuple[Option, ...]
    source: str
    evidence: Texts


@dataclass(frozen=True)
class Module:
    id: str
    title: Texts
    page: str | None  # a guide page for deeper reading, or None
    objectives: dict[str, tuple[str, ...]]
    reflection: Texts
    questions: tuple[Question, ...]
    teaching: Texts  # Markdown, by language
    words: int  # in the default language's teaching text, without Markdown syntax

    @property
    def sources(self) -> list[str]:
        keys = {question.source for question in self.questions}
        keys.update(key for text in self.teaching.values() for key in _SOURCE_MARKER.findall(text))
        return sorted(keys)

    @property
    def minutes(self) -> int:
        return module_minutes(self.words, len(self.questions))


@dataclass(frozen=True)
class TrainingPath:
    id: str
    file: str
    languages: tuple[str, ...]  # the languages its texts are written in, the default first
    order: int
    title: Texts
    description: Texts
    audience: str
    role: Texts
    reviewed: dt.date
    objectives: dict[str, tuple[str, ...]]
    modules: tuple[Module, ...]
    edition: str
    draft: bool = False

    @property
    def sources(self) -> list[str]:
        return sorted({key for module in self.modules for key in module.sources})

    @property
    def minutes(self) -> int:
        return sum(module.minutes for module in self.modules)


# The order the options are shown in ----------------------------------------------------
#
# Editors may write the right option first (all of them did); the page shows the options in
# another order, because a certificate that the first option always passes proves nothing.
# The order is made from the data alone, never from randomness at build time or in the
# browser, and never from Python's hash() (randomised per process): SHA-256 of the path's,
# the module's and the question's ids, so that every build, machine and language shows the
# same order (builds are byte-identical). Within a path, the questions with the same number
# of options are ranked by that digest and dealt the right option's place in turn (1, 2, 3,
# 1, ...), from a place chosen by the path's digest: each place gets an even share. A digest
# per question alone spreads unevenly on so few questions (on the 51 of November 2026: 17,
# 23 and 11 right answers at places 1, 2 and 3, and 8 of 15 still first in one path); the
# rank, unlike the question's place in its module, cannot be guessed. The options keep
# their written cyclic order (the list is rotated), and each keeps its own value and
# feedback, so that saved progress (by question number) and the feedback are unchanged.


def _digest(*parts: str) -> int:
    return int.from_bytes(hashlib.sha256("/".join(parts).encode("utf-8")).digest()[:8], "big")


def option_orders(path: TrainingPath) -> dict[tuple[str, int], tuple[int, ...]]:
    """For every question of the path, by (module id, question number from 1): the places
    (from 0) of its options in the file, in the order the page shows them."""
    groups: dict[int, list[tuple[int, str, int, Question]]] = {}
    for module in path.modules:
        for number, question in enumerate(module.questions, start=1):
            groups.setdefault(len(question.options), []).append((_digest(path.id, module.id, str(number)), module.id, number, question))
    orders: dict[tuple[str, int], tuple[int, ...]] = {}
    for count, questions in sorted(groups.items()):
        start = _digest(path.id, f"{count} options") % count
        for rank, (_, module_id, number, question) in enumerate(sorted(questions, key=lambda item: item[:3])):
            shown_at = (start + rank) % count  # where the right option is shown
            right = next(place for place, option in enumerate(question.options) if option.correct)
            first = (right - shown_at) % count
            orders[(module_id, number)] = tuple((first + place) % count for place in range(count))
    return orders


def module_minutes(words: int, questions: int) -> int:
    """Reading at 130 words a minute, 1.5 minutes a question, 3 for the reflection; rounded up."""
    return math.ceil(words / WORDS_PER_MINUTE + MINUTES_PER_QUESTION * questions + MINUTES_REFLECTION)


# Markdown syntax left out when words are counted and evidence phrases are looked for.
_SOURCE_MARKER = re.compile(r"\[\[source:([^\]\s]+)\]\]")
_MARKER = re.compile(r"\[\[[a-z]+:[^\]]*\]\]")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_ATTRIBUTES = re.compile(r"\{[:#.][^}]*\}")
_HTML = re.compile(r"<[^>]+>")
_LINE_START = re.compile(r"^[ \t]*(?:#{1,6}[ \t]+|[-*+][ \t]+|\d+[.)][ \t]+|>[ \t]?)", re.MULTILINE)
_EMPHASIS = re.compile(r"[*_`]+")
_WORD = re.compile(r"[^\W_]+(?:[-'’.,:][^\W_]+)*")
# A link in a teaching text: its target, unless it is a web address, a mail address or an anchor.
PAGE_LINK = re.compile(r"(?<!!)\[[^\]]*\]\((?!https?://|mailto:|tel:|#|/)([^)\s#]+)(#[^)\s]*)?\)")


def plain_text(markdown: str) -> str:
    """The words a reader reads: links keep their text, markers, HTML and syntax go."""
    text = _MARKER.sub("", markdown)
    text = _LINK.sub(r"\1", text)
    text = _ATTRIBUTES.sub("", text)
    text = _HTML.sub("", text)
    text = _LINE_START.sub("", text)
    return _EMPHASIS.sub("", text)


def count_words(markdown: str) -> int:
    return len(_WORD.findall(plain_text(markdown)))


def _normalised(text: str) -> str:
    return " ".join(text.split()).casefold()


def teaching_file(folder: Path, module_id: str, lang: str, default: str) -> Path:
    """`<module>.md` in the default language, `<module>.<lang>.md` in the others."""
    return folder / (f"{module_id}.md" if lang == default else f"{module_id}.{lang}.md")


def load_paths(folder: Path, *, languages: list[str], known_sources: dict[str, Any], configured: list[str] | None = None) -> list[TrainingPath]:
    """Every path in `folder` (none if the folder does not exist), in their `order`.

    `languages` are the built languages, the default first; `configured` every language
    of the site, built or not (what `untranslated:` may name).
    """
    if not folder.is_dir():
        return []
    for stray in sorted(folder.glob("*.yaml")):
        raise GuideError(
            display_path(stray),
            [Problem("(file name)", f"the extension '.yaml' in '{stray.name}'", "path files named '<path id>.yml'", f"rename the file to '{stray.stem}.yml'")],
            SECTION,
        )
    paths = []
    for file in sorted(folder.glob("*.yml")):
        data = load_yaml_file(file, section=SECTION)
        # A draft (`draft: true`) is work in progress: neither checked nor built (EDITING.md).
        if isinstance(data, dict) and data.get("draft") is True:
            continue
        paths.append(validate_path(data, file=display_path(file), stem=file.stem, languages=languages, known_sources=known_sources, configured=configured, teaching=folder / file.stem))
    return sorted(paths, key=lambda path: (path.order, path.id))


def check_pages(path: TrainingPath, *, page_exists: Callable[[str], bool]) -> None:
    """Each module's `page:` and every page its teaching text links to must exist in docs/;
    report every one that does not."""
    problems = [
        Problem(
            f"modules[{number}].page",
            f"{module.page!r} (module '{module.id}'), which is not a page in docs/",
            "the path of an existing Markdown page under docs/, as written in nav, e.g. 'strategi/anhorigperspektivet.md'",
            "correct the path (without the language suffix: 'guider/stod.md', not 'guider/stod.en.md'), or write the page first",
        )
        for number, module in enumerate(path.modules, start=1)
        if module.page is not None and not page_exists(module.page)
    ]
    for number, module in enumerate(path.modules, start=1):
        for lang, text in module.teaching.items():
            for target, _anchor in PAGE_LINK.findall(text):
                if not page_exists(target):
                    problems.append(
                        Problem(
                            f"modules[{number}] teaching text ({lang})",
                            f"a link to {target!r}, which is not a page in docs/",
                            "a link to a page under docs/, written from docs/ itself, e.g. '[Pengar](guider/pengar.md)' (the engine makes it relative)",
                            "write the page's path as in nav, without '../' and without the language suffix",
                        )
                    )
    if problems:
        raise GuideError(path.file, problems, SECTION)


def validate_path(
    data: Any,
    *,
    file: str,
    stem: str,
    languages: list[str],
    known_sources: dict[str, Any],
    configured: list[str] | None = None,
    teaching: Path | None = None,
) -> TrainingPath:
    """Check one path file's data and its teaching texts (in the folder `teaching`, by
    default `data/paths/<stem>/` beside the file); return it typed, or raise with every
    problem found."""
    walk = Walk(
        {
            "built": list(languages),
            "default": languages[0],
            "configured": configured or languages,
            "languages": list(languages),  # the languages every text needs; set by `untranslated`
            "untranslated": [],
            "known_sources": known_sources,
            "teaching": teaching if teaching is not None else Path(file).parent / stem,
            "stem": stem,
        }
    )
    if isinstance(data, dict) and "minutes" in data:  # the format before time was computed
        walk.report("minutes", describe(data["minutes"]), "no 'minutes:' key: the time is computed from the teaching texts and the questions", "remove 'minutes:' (EDITING.md, 'Training paths', explains how the time is computed)")
        data = {name: value for name, value in data.items() if name != "minutes"}
    if isinstance(data, dict) and "untranslated" in data:
        _untranslated(data["untranslated"], walk)  # before the texts: it sets their languages
    fields = _PATH.walk(data, "", walk)
    if walk.problems or fields is INVALID:
        raise GuideError(file, walk.problems, SECTION)
    fields.pop("untranslated", None)
    return TrainingPath(file=file, languages=tuple(walk.context["languages"]), **fields)


# The leaves ---------------------------------------------------------------------------


def _untranslated(value: Any, walk: Walk) -> None:
    context = walk.context
    allowed = [lang for lang in context["configured"] if lang != context["default"]]
    codes = [value] if isinstance(value, str) else value
    if not isinstance(codes, list) or not all(isinstance(code, str) for code in codes) or any(code not in allowed for code in codes):
        walk.report("untranslated", describe(value), "a list of the site's other languages: " + (", ".join(allowed) or "(none)"), f"write e.g. 'untranslated: [{', '.join(allowed[-2:]) or 'fi'}]'; never the default language '{context['default']}'")
        return
    context["untranslated"] = list(codes)
    context["languages"] = [lang for lang in context["built"] if lang not in codes]


def _path_id(value: Any, key: str, walk: Walk) -> str:
    stem = walk.context["stem"]
    if not isinstance(value, str) or not ID_RE.match(value):
        raise Invalid("lower-case letters a-z, digits and single hyphens, e.g. 'anhorigperspektivet'", "write the path's id without spaces, capitals or å, ä, ö; it becomes part of the web address")
    if value != stem:
        raise Invalid(f"the file's name without '.yml': {stem!r}", f"write 'id: {stem}', or rename the file to '{value}.yml'", found=repr(value))
    return value


def _module_id(value: Any, key: str, walk: Walk) -> str:
    if not isinstance(value, str) or not MODULE_ID_RE.match(value):
        raise Invalid("lower-case letters a-z, digits, '_' and single hyphens, e.g. 'se-anhoriga'", "write the module's id without spaces, capitals or å, ä, ö; it becomes part of the web address and the name of its teaching text file")
    if value in RESERVED_MODULE_IDS:
        raise Invalid("any id except " + ", ".join(repr(r) for r in RESERVED_MODULE_IDS) + " (the certificate page's address)", "choose another id for the module", found=repr(value))
    return value


def _edition(value: Any, key: str, walk: Walk) -> str:
    if not isinstance(value, str) or not EDITION_RE.match(value):
        raise Invalid("a short label in quotes, letters, digits, '.' and '-', e.g. \"2026-11\"", "write the edition of the content in quotes, e.g. 'edition: \"2026-11\"', and change it whenever the modules change")
    return value


def _order(value: Any, key: str, walk: Walk) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise Invalid("a whole number (smaller numbers are listed first)", "write e.g. 'order: 1', or remove the key")
    return value


def _source(value: Any, key: str, walk: Walk) -> str:
    known = walk.context["known_sources"]
    if not isinstance(value, str) or value not in known:
        raise Invalid("a key from data/sources.yml: " + ", ".join(sorted(known)), "write the key of the source that supports the right answer, or add the source to data/sources.yml first")
    return value


def _page(value: Any, key: str, walk: Walk) -> str | None:
    if value is None:  # 'page:' left empty: no guide page
        return None
    if not isinstance(value, str) or not value.endswith(".md") or value.startswith(("/", "docs/")) or "://" in value:
        raise Invalid("the path of a Markdown page under docs/, without 'docs/', e.g. 'strategi/anhorigperspektivet.md'", "write the page's path as it is written in nav in mkdocs.yml")
    return value


def _correct(value: Any, key: str, walk: Walk) -> bool:
    if not isinstance(value, bool):
        raise Invalid("true, or no 'correct' key for a wrong answer", "write 'correct: true' for a right answer, and leave it out for a wrong one")
    return value


def _add_language(lang: str, fix: str, walk: Walk) -> str:
    if lang == walk.context["default"]:
        return fix
    return f"{fix}; or, for a path not translated into '{lang}', list it under 'untranslated:'"


def _extra_languages(value: dict, key: str, walk: Walk) -> None:
    languages = walk.context["languages"]
    for lang in value:
        if lang in languages:
            continue
        if lang in walk.context["untranslated"]:
            walk.report(f"{key}.{lang}", "a text in a language listed under 'untranslated:'", "texts in: " + ", ".join(languages), f"remove '{lang}' from 'untranslated:' and translate every text, or remove this line")
        elif lang in walk.context["configured"]:
            continue  # a site language this build leaves out (i18n's build_only_locale): unused now
        else:
            walk.report(f"{key}.{lang}", "an unknown language", "the languages of this path: " + ", ".join(languages), "correct the language code, or remove the line")


@dataclass(frozen=True)
class _Translated(Node):
    """{language: text}: one text for every language of the path (those `untranslated:`
    leaves out are not written), and no other key. `plain`: a text shown as plain text
    (a title), where Markdown or HTML is a mistake."""

    max_length: int | None = None
    plain: bool = False

    def walk(self, value: Any, key: str, walk: Walk) -> Any:
        languages = walk.context["languages"]
        if not isinstance(value, dict):
            walk.report(key, describe(value), "one text per language: " + ", ".join(f"'{lang}: ...'" for lang in languages), f"write '{_last(key)}:' and under it one line per language, e.g. '  {languages[0]}: ...'")
            return INVALID
        before = len(walk.problems)
        result: Texts = {}
        for lang in languages:
            text = value.get(lang)
            if not isinstance(text, str) or not text.strip():
                walk.report(f"{key}.{lang}", describe(text) if lang in value else "nothing (the language is missing)", f"a non-empty text in the language '{lang}'", _add_language(lang, f"add '  {lang}: <text>' under '{_last(key)}:'", walk))
            elif self.max_length is not None and len(text.strip()) > self.max_length:
                walk.report(f"{key}.{lang}", f"{len(text.strip())} characters", f"at most {self.max_length} characters", "shorten it to one sentence")
            else:
                result[lang] = text.strip()
        _extra_languages(value, key, walk)
        if len(walk.problems) > before:
            return INVALID
        for lang, text in result.items() if self.plain else ():
            found = _MARKUP.search(text)
            if found:
                walk.report(f"{key}.{lang}", f"{text!r}, with the markup {found.group(0).strip()!r}", "plain text without Markdown or HTML (no <, >, *, _, `, [ ], # or &...;)", "write the words alone; the page sets the style")
                return INVALID
        return result


@dataclass(frozen=True)
class _TranslatedList(Node):
    """{language: [text, ...]}, the same number of items in every language."""

    def walk(self, value: Any, key: str, walk: Walk) -> Any:
        languages = walk.context["languages"]
        example = f"'{_last(key)}:' then '  {languages[0]}:' and a list of lines starting with '    - '"
        if not isinstance(value, dict):
            walk.report(key, describe(value), "one list per language: " + ", ".join(languages), f"write {example}")
            return INVALID
        before = len(walk.problems)
        result: dict[str, tuple[str, ...]] = {}
        for lang in languages:
            items = value.get(lang)
            if not isinstance(items, list) or not items or not all(isinstance(i, str) and i.strip() for i in items):
                walk.report(f"{key}.{lang}", describe(items) if lang in value else "nothing (the language is missing)", f"a list of one or more non-empty texts in the language '{lang}'", _add_language(lang, f"write {example}", walk))
                continue
            result[lang] = tuple(item.strip() for item in items)
        _extra_languages(value, key, walk)
        counts = {lang: len(items) for lang, items in result.items()}
        if len(set(counts.values())) > 1:
            walk.report(key, "lists of different lengths: " + ", ".join(f"{lang} {n}" for lang, n in counts.items()), "the same number of items in every language", "translate every item, so that each language has the same list")
        return INVALID if len(walk.problems) > before else result


@dataclass(frozen=True)
class _Evidence(_Translated):
    """A phrase of the module's teaching text, in each language: the question can be answered from it."""

    def walk(self, value: Any, key: str, walk: Walk) -> Any:
        texts = super().walk(value, key, walk)
        teaching = walk.context.get("teaching_texts")
        if texts is INVALID or teaching is None:
            return texts
        for lang, phrase in texts.items():
            if lang in teaching and _normalised(phrase) not in _normalised(plain_text(teaching[lang])):
                walk.report(f"{key}.{lang}", f"{phrase!r}, which is not in the module's teaching text", "a phrase copied word for word from the teaching text in this language (case and line breaks do not matter)", "copy the sentence that answers the question from the teaching text, or add it to the text")
                return INVALID
        return texts


# Words by which an option points at the other options or at its own place ("all of the
# above", "alternativ B"): wrong once the page shows the options in its own order. Narrow
# on purpose ("ingen av dem" may mean two people, "both" two services): a false alarm stops
# a build, a missed one shows "Alla ovanstående" first.
_POSITIONAL = re.compile(
    r"\b(?:ovanstående|nedanstående|alla alternativen|inget av alternativen|inget alternativ|alternativ [a-d1-4])\b"
    r"|\b(?:all|none|both|neither|any) of the (?:above|below|options|answers|alternatives)\b|\bthe above\b|\boption [a-d1-4]\b"
    r"|\b(?:kaikki yllä|edellä mainitut|ei mikään näistä|kaikki vaihtoehdot|vaihtoehto [a-d1-4])\b"
    r"|ما سبق",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _OptionText(_Translated):
    """An option's text: it must stand alone, since the page shows the options in its own order."""

    def walk(self, value: Any, key: str, walk: Walk) -> Any:
        texts = super().walk(value, key, walk)
        if texts is INVALID:
            return texts
        for lang, text in texts.items():
            found = _POSITIONAL.search(text)
            if found:
                walk.report(
                    f"{key}.{lang}",
                    f"{text!r}, which points at the other options ({found.group(0)!r})",
                    "an answer that stands alone: the page shows the options in an order of its own, not as written",
                    "write out what the option means (name both things) instead of 'all of the above', 'both of the answers' or 'option B'",
                )
                return INVALID
        return texts


def _teaching_texts(module_id: str, key: str, walk: Walk) -> Texts | None:
    """The module's teaching text in every language of the path, each checked."""
    context = walk.context
    texts: Texts = {}
    for lang in context["languages"]:
        file = teaching_file(context["teaching"], module_id, lang, context["default"])
        where = f"{key} teaching text {display_path(file)}"
        if not file.is_file():
            walk.report(where, "no such file", f"a Markdown file with the module's teaching text in '{lang}', {WORDS_MIN}–{WORDS_MAX} words", f"write the teaching text into {display_path(file)} (EDITING.md, 'Training paths')")
            continue
        try:
            text = file.read_text(encoding="utf-8")
        except UnicodeDecodeError as error:
            walk.report(where, f"bytes that are not UTF-8 (at byte {error.start})", "a text file saved as UTF-8", "save the file as UTF-8 in your editor")
            continue
        if text.lstrip().startswith("---"):
            walk.report(where, "front matter ('---' at the start)", "Markdown only: the module's title and settings are in the path's .yml file", "remove the front matter block")
            continue
        words = count_words(text)
        if not WORDS_MIN <= words <= WORDS_MAX:
            walk.report(where, f"{words} words (without Markdown syntax)", f"{WORDS_MIN} to {WORDS_MAX} words", "shorten the text" if words > WORDS_MAX else "explain more: what to notice, why it matters, what to say or do")
        heading = CASE_HEADINGS.get(lang)
        if heading and not re.search(rf"^##[ \t]+{re.escape(heading)}[ \t]*(?:\{{[^}}]*\}})?[ \t]*$", text, re.MULTILINE):
            walk.report(where, f"no heading '## {heading}'", f"a second-level heading '## {heading}' with a short situation, what to notice and what to say or do", f"add the section '## {heading}'")
        texts[lang] = text
    return texts if len(texts) == len(context["languages"]) else None


# The levels of a path file ------------------------------------------------------------


def _mapping(fields: dict[str, Field], *, optional: tuple[str, ...] = (), build: Callable[[dict[str, Any]], Any] | None = None, checks: tuple = ()) -> Mapping:
    """A level of the file: its keys required unless `optional`; a key written without a
    value is checked as such (found None)."""
    required = [name for name in fields if name not in optional]
    specs = {
        name: Field(spec.node, required=name not in optional, default=spec.default, null=True, missing=Invalid("a value for this required key", f"add '{name}:' to {{within}} (see EDITING.md for an example)"))
        for name, spec in fields.items()
    }
    return Mapping(
        specs,
        example="",
        expected="a mapping with the keys " + ", ".join(required),
        fix="write {here} as 'key: value' lines: " + ", ".join(required),
        allowed="one of " + ", ".join(fields),
        build=build,
        checks=checks,
    )


def _one_right(checked: Checked, walk: Walk) -> None:
    if checked.failed:
        return
    right = sum(option.correct for option in checked.result)
    if right != 1:
        walk.report(checked.key, f"{right} options marked 'correct: true'", "exactly one right option", "mark the one right answer with 'correct: true' and leave it out of the others")


def _unique_module_ids(checked: Checked, walk: Walk) -> None:
    seen: dict[str, int] = {}
    for number, item in enumerate(checked.raw, start=1):
        module_id = item.get("id") if isinstance(item, dict) else None
        if not isinstance(module_id, str):
            continue
        if module_id in seen:
            walk.report(f"modules[{number}].id", f"{module_id!r}, already the id of modules[{seen[module_id]}]", "an id used by one module only in this path", "give each module its own id")
        else:
            seen[module_id] = number


_OPTION = _mapping(
    {"text": Field(_OptionText()), "feedback": Field(_Translated()), "correct": Field(Check(_correct), default=False)},
    optional=OPTION_OPTIONAL,
    build=lambda fields: Option(text=fields["text"], correct=fields["correct"], feedback=fields["feedback"]),
)
_QUESTION = _mapping(
    {
        "question": Field(_Translated()),
        "options": Field(
            ListOf(
                _OPTION,
                expected=f"a list of {OPTIONS_MIN} or {OPTIONS_MAX} options",
                fix="write 'options:' and under it one '- text: ...' block per answer the reader can choose",
                min_items=OPTIONS_MIN,
                max_items=OPTIONS_MAX,
                start=1,
                count="option(s)",
                checks=(_one_right,),
            )
        ),
        "source": Field(Check(_source)),
        "evidence": Field(_Evidence()),
    },
    build=lambda fields: Question(text=fields["question"], options=fields["options"], source=fields["source"], evidence=fields["evidence"]),
)


class _ModuleMapping(Mapping):
    """A module: its teaching text is read first (when its id is good), so that each
    question's evidence can be looked for in it."""

    def walk(self, value: Any, key: str, walk: Walk) -> Any:
        module_id = value.get("id") if isinstance(value, dict) else None
        good_id = isinstance(module_id, str) and MODULE_ID_RE.match(module_id) and module_id not in RESERVED_MODULE_IDS
        teaching = _teaching_texts(module_id, key, walk) if good_id else None
        walk.context["teaching_texts"] = teaching
        try:
            fields = super().walk(value, key, walk)
        finally:
            walk.context["teaching_texts"] = None
        if fields is INVALID or teaching is None:
            return INVALID
        return Module(**fields, teaching=teaching, words=count_words(teaching[walk.context["default"]]))


_module_level = _mapping(
    {
        "id": Field(Check(_module_id)),
        "title": Field(_Translated(plain=True)),
        "objectives": Field(_TranslatedList()),
        "reflection": Field(_Translated()),
        "questions": Field(
            ListOf(
                _QUESTION,
                expected=f"a list of at least {QUESTIONS_MIN} questions",
                fix=f"write '{{name}}:' and under it one '- question: ...' block per question, at least {QUESTIONS_MIN}",
                min_items=QUESTIONS_MIN,
                start=1,
                count="question(s)",
            )
        ),
        "page": Field(Check(_page), default=None),
    },
    optional=MODULE_OPTIONAL,
)
_MODULE = _ModuleMapping(_module_level.fields, example="", expected=_module_level.expected, fix=_module_level.fix, allowed=_module_level.allowed)

_PATH = _mapping(
    {
        "id": Field(Check(_path_id)),
        "edition": Field(Check(_edition)),
        "title": Field(_Translated(plain=True)),
        "description": Field(_Translated(max_length=DESCRIPTION_MAX, plain=True)),
        "audience": Field(Choice(AUDIENCES, fix="write the one audience the path is for, e.g. 'audience: personal'")),
        "role": Field(_Translated(plain=True)),
        "reviewed": Field(Date(fix="write the day the path was last checked, e.g. 'reviewed: 2026-11-22'")),
        "objectives": Field(_TranslatedList()),
        "modules": Field(
            ListOf(
                _MODULE,
                expected="a list of one or more modules",
                fix="write 'modules:' and under it one '- id: ...' block per module",
                min_items=1,
                start=1,
                count="module(s)",
                checks=(_unique_module_ids,),
            )
        ),
        "order": Field(Check(_order), default=100),
        "untranslated": Field(Check(lambda value, key, walk: value)),  # checked first, in validate_path
        "draft": Field(Flag(), default=False),
    },
    optional=PATH_OPTIONAL,
)


def _last(key: str) -> str:
    return key.rsplit(".", 1)[-1].split("[", 1)[0]
