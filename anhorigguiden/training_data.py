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

Languages: a path has its texts in every built language, except the languages it lists
under `untranslated:` (as a page does, hooks/translations.py); its pages in those languages
show the default language's text.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from anhorigguiden.guide_data import AUDIENCES, GuideError, Problem, describe, display_path, load_yaml_file
from anhorigguiden.safe_text import DESCRIPTION_MAX

SECTION = "Training paths"
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# A module id is a folder in the address and a key in the reader's saved progress; '_' is
# allowed too, and training.js stores ids in prototype-free maps, so that even an id like
# '__proto__' or 'constructor' is an ordinary key.
MODULE_ID_RE = re.compile(r"^[a-z0-9_]+(?:-[a-z0-9_]+)*$")
# A module's id is its folder under the path; the certificate page has this folder.
RESERVED_MODULE_IDS = ("intyg",)
EDITION_RE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z.\-]{0,19}$")

PATH_KEYS = ("id", "edition", "title", "description", "audience", "role", "reviewed", "objectives", "modules")
PATH_OPTIONAL = ("order", "untranslated", "draft")
MODULE_KEYS = ("id", "title", "objectives", "reflection", "questions")
MODULE_OPTIONAL = ("page",)
QUESTION_KEYS = ("question", "options", "source", "evidence")
OPTION_KEYS = ("text", "feedback")
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
    check = _Checker(languages, configured or languages, known_sources, teaching if teaching is not None else Path(file).parent / stem)
    result = check.path(data, stem)
    if check.problems or result is None:
        raise GuideError(file, check.problems, SECTION)
    return TrainingPath(file=file, languages=tuple(check.languages), **result)


class _Checker:
    """Walks a path's data, collecting problems; each method returns None for a bad value."""

    def __init__(self, built: list[str], configured: list[str], known_sources: dict[str, Any], teaching: Path) -> None:
        self.teaching = teaching
        self.built = list(built)
        self.default = built[0]
        self.configured = configured
        self.languages = list(built)  # the languages every text needs; set by `untranslated`
        self.untranslated: list[str] = []
        self.known_sources = known_sources
        self.problems: list[Problem] = []

    def problem(self, key: str, found: str, expected: str, fix: str) -> None:
        self.problems.append(Problem(key, found, expected, fix))

    # The shape of a mapping: required and optional keys, nothing else.

    def mapping(self, value: Any, key: str, required: tuple[str, ...], optional: tuple[str, ...] = ()) -> dict | None:
        where = f"'{key}'" if key else "the file"
        if not isinstance(value, dict):
            self.problem(key or "(file)", describe(value), "a mapping with the keys " + ", ".join(required), f"write {where} as 'key: value' lines: " + ", ".join(required))
            return None
        for name in required:
            if name not in value:
                self.problem(_join(key, name), "nothing (the key is missing)", "a value for this required key", f"add '{name}:' to {where} (see EDITING.md for an example)")
        allowed = required + optional
        for name in value:
            if name not in allowed:
                self.problem(_join(key, str(name)), "an unknown key", "one of " + ", ".join(allowed), "correct the spelling, or remove the key")
        return value

    # Leaves.

    def ident(self, value: Any, key: str, what: str) -> str | None:
        if not isinstance(value, str) or not ID_RE.match(value):
            self.problem(key, describe(value), "lower-case letters a-z, digits and single hyphens, e.g. 'anhorigperspektivet'", f"write the {what}'s id without spaces, capitals or å, ä, ö; it becomes part of the web address")
            return None
        return value

    def plain(self, texts: Texts | None, key: str) -> Texts | None:
        """A text shown as plain text (a title): Markdown or HTML in it is a mistake."""
        if texts is None:
            return None
        for lang, text in texts.items():
            found = _MARKUP.search(text)
            if found:
                self.problem(f"{key}.{lang}", f"{text!r}, with the markup {found.group(0).strip()!r}", "plain text without Markdown or HTML (no <, >, *, _, `, [ ], # or &...;)", "write the words alone; the page sets the style")
                return None
        return texts

    def text(self, value: Any, key: str) -> str | None:
        if not isinstance(value, str) or not value.strip():
            self.problem(key, describe(value), "a non-empty line of text", "write the text after the colon, in quotes if it contains ':' or '#'")
            return None
        return value.strip()

    def translated(self, value: Any, key: str, *, max_length: int | None = None) -> Texts | None:
        """{language: text}, one text for every built language and no other key."""
        if not isinstance(value, dict):
            self.problem(key, describe(value), "one text per language: " + ", ".join(f"'{lang}: ...'" for lang in self.languages), f"write '{_last(key)}:' and under it one line per language, e.g. '  {self.languages[0]}: ...'")
            return None
        result: Texts = {}
        for lang in self.languages:
            text = value.get(lang)
            if not isinstance(text, str) or not text.strip():
                self.problem(f"{key}.{lang}", describe(text) if lang in value else "nothing (the language is missing)", f"a non-empty text in the language '{lang}'", self._add_language(lang, f"add '  {lang}: <text>' under '{_last(key)}:'"))
                continue
            if max_length is not None and len(text.strip()) > max_length:
                self.problem(f"{key}.{lang}", f"{len(text.strip())} characters", f"at most {max_length} characters", "shorten it to one sentence")
                continue
            result[lang] = text.strip()
        self._extra_languages(value, key)
        return result if len(result) == len(self.languages) and len(value) == len(self.languages) else None

    def translated_list(self, value: Any, key: str) -> dict[str, tuple[str, ...]] | None:
        """{language: [text, ...]}, the same number of items in every language."""
        example = f"'{_last(key)}:' then '  {self.languages[0]}:' and a list of lines starting with '    - '"
        if not isinstance(value, dict):
            self.problem(key, describe(value), "one list per language: " + ", ".join(self.languages), f"write {example}")
            return None
        result: dict[str, tuple[str, ...]] = {}
        for lang in self.languages:
            items = value.get(lang)
            if not isinstance(items, list) or not items or not all(isinstance(i, str) and i.strip() for i in items):
                self.problem(f"{key}.{lang}", describe(items) if lang in value else "nothing (the language is missing)", f"a list of one or more non-empty texts in the language '{lang}'", self._add_language(lang, f"write {example}"))
                continue
            result[lang] = tuple(item.strip() for item in items)
        self._extra_languages(value, key)
        counts = {lang: len(items) for lang, items in result.items()}
        if len(set(counts.values())) > 1:
            self.problem(key, "lists of different lengths: " + ", ".join(f"{lang} {n}" for lang, n in counts.items()), "the same number of items in every language", "translate every item, so that each language has the same list")
            return None
        return result if len(result) == len(self.languages) and len(value) == len(self.languages) else None

    def _add_language(self, lang: str, fix: str) -> str:
        if lang == self.default:
            return fix
        return f"{fix}; or, for a path not translated into '{lang}', list it under 'untranslated:'"

    def _extra_languages(self, value: dict, key: str) -> None:
        for lang in value:
            if lang in self.languages:
                continue
            if lang in self.untranslated:
                self.problem(f"{key}.{lang}", "a text in a language listed under 'untranslated:'", "texts in: " + ", ".join(self.languages), f"remove '{lang}' from 'untranslated:' and translate every text, or remove this line")
            else:
                self.problem(f"{key}.{lang}", "an unknown language", "the languages of this path: " + ", ".join(self.languages), "correct the language code, or remove the line")

    def untranslated_languages(self, value: Any) -> None:
        allowed = [lang for lang in self.configured if lang != self.default]
        codes = [value] if isinstance(value, str) else value
        if not isinstance(codes, list) or not all(isinstance(code, str) for code in codes) or any(code not in allowed for code in codes):
            self.problem("untranslated", describe(value), "a list of the site's other languages: " + (", ".join(allowed) or "(none)"), f"write e.g. 'untranslated: [{', '.join(allowed[-2:]) or 'fi'}]'; never the default language '{self.default}'")
            return
        self.untranslated = list(codes)
        self.languages = [lang for lang in self.built if lang not in codes]

    def audience(self, value: Any, key: str) -> str | None:
        if value not in AUDIENCES:
            self.problem(key, describe(value), "one of: " + ", ".join(AUDIENCES), "write the one audience the path is for, e.g. 'audience: personal'")
            return None
        return value

    def edition(self, value: Any, key: str) -> str | None:
        if not isinstance(value, str) or not EDITION_RE.match(value):
            self.problem(key, describe(value), "a short label in quotes, letters, digits, '.' and '-', e.g. \"2026-11\"", "write the edition of the content in quotes, e.g. 'edition: \"2026-11\"', and change it whenever the modules change")
            return None
        return value

    def flag(self, value: Any, key: str) -> bool | None:
        if not isinstance(value, bool):
            self.problem(key, describe(value), "true or false", f"write '{_last(key)}: true', or remove the key")
            return None
        return value

    def order(self, value: Any, key: str) -> int | None:
        if isinstance(value, bool) or not isinstance(value, int):
            self.problem(key, describe(value), "a whole number (smaller numbers are listed first)", "write e.g. 'order: 1', or remove the key")
            return None
        return value

    def date(self, value: Any, key: str) -> dt.date | None:
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        self.problem(key, describe(value), "a date written YYYY-MM-DD, without quotes", "write the day the path was last checked, e.g. 'reviewed: 2026-11-22'")
        return None

    def source(self, value: Any, key: str) -> str | None:
        if not isinstance(value, str) or value not in self.known_sources:
            self.problem(key, describe(value), "a key from data/sources.yml: " + ", ".join(sorted(self.known_sources)), "write the key of the source that supports the right answer, or add the source to data/sources.yml first")
            return None
        return value

    # The levels of a path file.

    def path(self, data: Any, stem: str) -> dict | None:
        if isinstance(data, dict) and "minutes" in data:  # the format before time was computed
            self.problem("minutes", describe(data["minutes"]), "no 'minutes:' key: the time is computed from the teaching texts and the questions", "remove 'minutes:' (EDITING.md, 'Training paths', explains how the time is computed)")
            data = {name: value for name, value in data.items() if name != "minutes"}
        if self.mapping(data, "", PATH_KEYS, PATH_OPTIONAL) is None:
            return None
        if "untranslated" in data:
            self.untranslated_languages(data["untranslated"])
        path_id = self.ident(data.get("id"), "id", "path") if "id" in data else None
        if path_id is not None and path_id != stem:
            self.problem("id", repr(path_id), f"the file's name without '.yml': {stem!r}", f"write 'id: {stem}', or rename the file to '{path_id}.yml'")
        result = {
            "id": path_id,
            "order": self.order(data["order"], "order") if "order" in data else 100,
            "edition": self.edition(data.get("edition"), "edition") if "edition" in data else None,
            "draft": self.flag(data["draft"], "draft") if "draft" in data else False,
            "title": self.plain(self.translated(data.get("title"), "title"), "title") if "title" in data else None,
            "description": self.plain(self.translated(data.get("description"), "description", max_length=DESCRIPTION_MAX), "description") if "description" in data else None,
            "audience": self.audience(data.get("audience"), "audience") if "audience" in data else None,
            "role": self.plain(self.translated(data.get("role"), "role"), "role") if "role" in data else None,
            "reviewed": self.date(data.get("reviewed"), "reviewed") if "reviewed" in data else None,
            "objectives": self.translated_list(data.get("objectives"), "objectives") if "objectives" in data else None,
            "modules": self.modules(data.get("modules")) if "modules" in data else None,
        }
        return None if any(value is None for value in result.values()) else result

    def modules(self, value: Any) -> tuple[Module, ...] | None:
        if not isinstance(value, list) or not value:
            self.problem("modules", describe(value), "a list of one or more modules", "write 'modules:' and under it one '- id: ...' block per module")
            return None
        modules = [self.module(item, f"modules[{number}]") for number, item in enumerate(value, start=1)]
        seen: dict[str, int] = {}
        for number, item in enumerate(value, start=1):
            module_id = item.get("id") if isinstance(item, dict) else None
            if not isinstance(module_id, str):
                continue
            if module_id in seen:
                self.problem(f"modules[{number}].id", f"{module_id!r}, already the id of modules[{seen[module_id]}]", "an id used by one module only in this path", "give each module its own id")
            else:
                seen[module_id] = number
        return None if any(module is None for module in modules) else tuple(modules)

    def module(self, value: Any, key: str) -> Module | None:
        if self.mapping(value, key, MODULE_KEYS, MODULE_OPTIONAL) is None:
            return None
        module_id = value.get("id")
        if not isinstance(module_id, str) or not MODULE_ID_RE.match(module_id):
            if "id" in value:
                self.problem(f"{key}.id", describe(module_id), "lower-case letters a-z, digits, '_' and single hyphens, e.g. 'se-anhoriga'", "write the module's id without spaces, capitals or å, ä, ö; it becomes part of the web address and the name of its teaching text file")
            module_id = None
        if module_id in RESERVED_MODULE_IDS:
            self.problem(f"{key}.id", repr(module_id), "any id except " + ", ".join(repr(r) for r in RESERVED_MODULE_IDS) + " (the certificate page's address)", "choose another id for the module")
            module_id = None
        teaching = self.teaching_texts(module_id, key) if module_id is not None else None
        fields = {
            "id": module_id,
            "title": self.plain(self.translated(value.get("title"), f"{key}.title"), f"{key}.title") if "title" in value else None,
            "page": self.page(value.get("page"), f"{key}.page") if "page" in value else "",
            "objectives": self.translated_list(value.get("objectives"), f"{key}.objectives") if "objectives" in value else None,
            "reflection": self.translated(value.get("reflection"), f"{key}.reflection") if "reflection" in value else None,
            "questions": self.questions(value.get("questions"), f"{key}.questions", teaching) if "questions" in value else None,
            "teaching": teaching,
        }
        if any(field is None for field in fields.values()):
            return None
        fields["page"] = fields["page"] or None
        return Module(**fields, words=count_words(teaching[self.default]))

    def teaching_texts(self, module_id: str, key: str) -> Texts | None:
        """The module's teaching text in every language of the path, each checked."""
        texts: Texts = {}
        for lang in self.languages:
            file = teaching_file(self.teaching, module_id, lang, self.default)
            where = f"{key} teaching text {display_path(file)}"
            if not file.is_file():
                self.problem(where, "no such file", f"a Markdown file with the module's teaching text in '{lang}', {WORDS_MIN}–{WORDS_MAX} words", f"write the teaching text into {display_path(file)} (EDITING.md, 'Training paths')")
                continue
            try:
                text = file.read_text(encoding="utf-8")
            except UnicodeDecodeError as error:
                self.problem(where, f"bytes that are not UTF-8 (at byte {error.start})", "a text file saved as UTF-8", "save the file as UTF-8 in your editor")
                continue
            if text.lstrip().startswith("---"):
                self.problem(where, "front matter ('---' at the start)", "Markdown only: the module's title and settings are in the path's .yml file", "remove the front matter block")
                continue
            words = count_words(text)
            if not WORDS_MIN <= words <= WORDS_MAX:
                self.problem(where, f"{words} words (without Markdown syntax)", f"{WORDS_MIN} to {WORDS_MAX} words", "shorten the text" if words > WORDS_MAX else "explain more: what to notice, why it matters, what to say or do")
            heading = CASE_HEADINGS.get(lang)
            if heading and not re.search(rf"^##[ \t]+{re.escape(heading)}[ \t]*(?:\{{[^}}]*\}})?[ \t]*$", text, re.MULTILINE):
                self.problem(where, f"no heading '## {heading}'", f"a second-level heading '## {heading}' with a short situation, what to notice and what to say or do", f"add the section '## {heading}'")
            texts[lang] = text
        return texts if len(texts) == len(self.languages) else None

    def page(self, value: Any, key: str) -> str | None:
        if value is None:  # 'page:' left empty: no guide page
            return ""
        if not isinstance(value, str) or not value.endswith(".md") or value.startswith(("/", "docs/")) or "://" in value:
            self.problem(key, describe(value), "the path of a Markdown page under docs/, without 'docs/', e.g. 'strategi/anhorigperspektivet.md'", "write the page's path as it is written in nav in mkdocs.yml")
            return None
        return value

    def questions(self, value: Any, key: str, teaching: Texts | None) -> tuple[Question, ...] | None:
        if not isinstance(value, list) or len(value) < QUESTIONS_MIN:
            found = f"{len(value)} question(s)" if isinstance(value, list) else describe(value)
            self.problem(key, found, f"a list of at least {QUESTIONS_MIN} questions", f"write '{_last(key)}:' and under it one '- question: ...' block per question, at least {QUESTIONS_MIN}")
            return None
        questions = [self.question(item, f"{key}[{number}]", teaching) for number, item in enumerate(value, start=1)]
        return None if any(question is None for question in questions) else tuple(questions)

    def question(self, value: Any, key: str, teaching: Texts | None) -> Question | None:
        if self.mapping(value, key, QUESTION_KEYS) is None:
            return None
        fields = {
            "text": self.translated(value.get("question"), f"{key}.question") if "question" in value else None,
            "options": self.options(value.get("options"), f"{key}.options") if "options" in value else None,
            "source": self.source(value.get("source"), f"{key}.source") if "source" in value else None,
            "evidence": self.evidence(value.get("evidence"), f"{key}.evidence", teaching) if "evidence" in value else None,
        }
        return None if any(field is None for field in fields.values()) else Question(**fields)

    def evidence(self, value: Any, key: str, teaching: Texts | None) -> Texts | None:
        """A phrase of the teaching text, in each language: the question can be answered from it."""
        texts = self.translated(value, key)
        if texts is None or teaching is None:
            return texts
        for lang, phrase in texts.items():
            if lang in teaching and _normalised(phrase) not in _normalised(plain_text(teaching[lang])):
                self.problem(f"{key}.{lang}", f"{phrase!r}, which is not in the module's teaching text", "a phrase copied word for word from the teaching text in this language (case and line breaks do not matter)", "copy the sentence that answers the question from the teaching text, or add it to the text")
                return None
        return texts

    def options(self, value: Any, key: str) -> tuple[Option, ...] | None:
        if not isinstance(value, list) or not OPTIONS_MIN <= len(value) <= OPTIONS_MAX:
            found = f"{len(value)} option(s)" if isinstance(value, list) else describe(value)
            self.problem(key, found, f"a list of {OPTIONS_MIN} or {OPTIONS_MAX} options", "write 'options:' and under it one '- text: ...' block per answer the reader can choose")
            return None
        options = [self.option(item, f"{key}[{number}]") for number, item in enumerate(value, start=1)]
        if any(option is None for option in options):
            return None
        right = sum(option.correct for option in options)
        if right != 1:
            self.problem(key, f"{right} options marked 'correct: true'", "exactly one right option", "mark the one right answer with 'correct: true' and leave it out of the others")
            return None
        return tuple(options)

    def option(self, value: Any, key: str) -> Option | None:
        if self.mapping(value, key, OPTION_KEYS, OPTION_OPTIONAL) is None:
            return None
        correct = value.get("correct", False)
        if not isinstance(correct, bool):
            self.problem(f"{key}.correct", describe(correct), "true, or no 'correct' key for a wrong answer", "write 'correct: true' for a right answer, and leave it out for a wrong one")
            return None
        text = self.translated(value.get("text"), f"{key}.text") if "text" in value else None
        feedback = self.translated(value.get("feedback"), f"{key}.feedback") if "feedback" in value else None
        return None if text is None or feedback is None else Option(text=text, correct=correct, feedback=feedback)


def _join(key: str, name: str) -> str:
    return f"{key}.{name}" if key else name


def _last(key: str) -> str:
    return key.rsplit(".", 1)[-1].split("[", 1)[0]
