"""One declarative schema mechanism for every data file of the guide.

A schema is a tree of nodes that says what a file may contain; `validate()` walks the
parsed YAML along it and collects EVERY problem at once, each as a `Problem` with the
dotted key (`contacts[0].email`), what was found, what is allowed and the fix, then
raises one `GuideError` (file, problems, the section of EDITING.md to read). A value that
passes comes back converted: stripped text, a date, a `tel:` address, a dataclass.

Why our own small walker and not a library: the messages are the product (an editor
fixes the file alone from them), and every library we looked at words its own messages
('value is not a valid email address', 'Extra inputs are not permitted') and knows no
"fix" (ARCHITECTURE.md, "Schemas"). What a file's own schema needs beyond these nodes
(a logo's bytes, contrast between colours) is a `Check`: a function that raises `Invalid`.

Nodes: `Mapping` (with `Field`s; unknown keys refused with a did-you-mean), `ListOf`,
`MapOf`, `OneOf`, `PerLanguage`, and the leaves `Text`, `Url`, `Date`, `Email`, `Phone`,
`Colour`, `Choice`, `Flag`, `Check`.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable
from dataclasses import KW_ONLY, dataclass, field
from typing import Any

import phonenumbers

from anhorigguiden.colour_contrast import is_hex_colour, normalise
from anhorigguiden.guide_data import GuideError, Problem, describe
from anhorigguiden.safe_text import SHORT_TEXT_MAX, WEB_SCHEMES, text_flaw, url_flaw


class Invalid(ValueError):
    """One value refused: what is allowed, the fix, and what was found when the value's
    own repr would not say it (a file that cannot be read, a text too long)."""

    def __init__(self, expected: str, fix: str, found: str | None = None) -> None:
        super().__init__(expected)
        self.expected = expected
        self.fix = fix
        self.found = found


class _Invalid:
    def __repr__(self) -> str:
        return "INVALID"


# What a node returns for a value it refused; its problem is already reported.
INVALID: Any = _Invalid()
# A Field's default when it has none: the key is left out of the result.
ABSENT: Any = object()


@dataclass
class Walk:
    """One walk over one file: the problems found so far, and what nodes need to know
    about this build (`languages`, the default first; `today`; a file's folder)."""

    context: dict[str, Any] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def report(self, key: str, found: str, expected: str, fix: str) -> None:
        self.problems.append(Problem(key or "(file)", found, expected, fix))


def validate(node: Node, data: Any, *, file: str, section: str, **context: Any) -> Any:
    """`data` checked against `node` and converted; a GuideError with every problem."""
    walk = Walk(context)
    result = node.walk(data, "", walk)
    if walk.problems:
        raise GuideError(file, walk.problems, section)
    return result


def join(key: str, name: Any) -> str:
    return f"{key}.{name}" if key else str(name)


def last_name(key: str) -> str:
    """The key as the editor writes it on its line: 'contacts[0].email' -> 'email'."""
    return key.rsplit(".", 1)[-1].split("[", 1)[0]


def did_you_mean(wanted: str, known: list[str]) -> str | None:
    close = difflib.get_close_matches(wanted, sorted(known), n=3, cutoff=0.6)
    return "did you mean " + " or ".join(repr(key) for key in close) + "?" if close else None


def _format(template: str, key: str) -> str:
    """Messages may name the key the editor wrote, '{name}', the entry it is in,
    '{parent}' ('f.sv': name 'sv', parent 'f'), the value's whole key in quotes, '{here}',
    and the whole key of the mapping it is in, '{within}' ('the file' at the top)."""
    within = key.rsplit(".", 1)[0] if "." in key else ""
    return (
        template.replace("{name}", last_name(key))
        .replace("{parent}", last_name(within))
        .replace("{here}", f"'{key}'" if key else "the file")
        .replace("{within}", f"'{within}'" if within else "the file")
    )


class Node:
    """A part of a schema. `walk` reports what is wrong and returns the value or INVALID;
    a leaf only writes `check`, which returns the converted value or raises `Invalid`."""

    def walk(self, value: Any, key: str, walk: Walk) -> Any:
        try:
            return self.check(value, key, walk)
        except Invalid as invalid:
            walk.report(key, invalid.found or describe(value), _format(invalid.expected, key), _format(invalid.fix, key))
            return INVALID

    def check(self, value: Any, key: str, walk: Walk) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError


# --- structure -----------------------------------------------------------------------


@dataclass(frozen=True)
class Field:
    """One key of a Mapping. A key written with no value counts as left out, unless
    `empty` says what to tell the editor (a colour '#...' that YAML read as a comment)."""

    node: Node
    required: bool = False
    default: Any = ABSENT
    missing: Invalid | None = None  # the message for a required key left out
    empty: Invalid | None = None
    ask_node: bool = False  # a key left out is the node's to explain (its message needs the context)
    null: bool = False  # a key written with no value goes to the node ('sources:' alone: no sources)


@dataclass(frozen=True)
class Checked:
    """What a Mapping's cross-field check sees: the fields that passed, the raw mapping,
    and the names of the fields that failed (so that it says nothing more about them)."""

    result: Any  # a Mapping's or MapOf's dict, a ListOf's tuple
    raw: Any
    failed: frozenset[str]
    key: str


class _MappingNode(Node):
    """What Mapping and MapOf share: a value that must be a mapping (else one problem with the
    node's `expected` and `fix`), its entries walked by `walk_entries`, then the node's `checks`
    on what passed and what failed; INVALID if anything was reported."""

    expected: str
    fix: str
    checks: tuple[Callable[[Checked, Walk], None], ...]

    def walk(self, value: Any, key: str, walk: Walk) -> Any:
        if not isinstance(value, dict):
            walk.report(key, describe(value), self.expected, _format(self.fix, key))
            return INVALID
        before = len(walk.problems)
        result: dict[str, Any] = {}
        failed: set[str] = set()
        self.walk_entries(value, key, walk, result, failed)
        for check in self.checks:
            check(Checked(result, value, frozenset(failed), key), walk)
        return INVALID if len(walk.problems) > before else self.finish(result)

    def walk_entries(self, value: dict[Any, Any], key: str, walk: Walk, result: dict[str, Any], failed: set[str]) -> None:  # pragma: no cover - abstract
        """Walk each entry: a passed one into `result`, a failed one's name into `failed`."""
        raise NotImplementedError

    def finish(self, result: dict[str, Any]) -> Any:
        """What the walk returns when nothing was reported."""
        return result


class Mapping(_MappingNode):
    """'key: value' lines: the `fields` and nothing else (or names `extra` accepts)."""

    def __init__(
        self,
        fields: dict[str, Field],
        *,
        example: str,
        expected: str = "a mapping of 'key: value' lines",
        fix: str | None = None,
        extra: Callable[[str], bool] | None = None,
        allowed: str | None = None,
        unknown: str = "an unknown key",
        unknown_fix: str = "correct the spelling, or remove the key",
        checks: tuple[Callable[[Checked, Walk], None], ...] = (),
        build: Callable[[dict[str, Any]], Any] | None = None,
    ) -> None:
        self.fields = fields
        self.example = example
        self.expected = expected
        self.fix = fix or f"write it as {example}"
        self.extra = extra
        self.allowed = allowed or "one of " + ", ".join(fields)
        self.unknown = unknown
        self.unknown_fix = unknown_fix
        self.checks = checks
        self.build = build

    def walk_entries(self, value: dict[Any, Any], key: str, walk: Walk, result: dict[str, Any], failed: set[str]) -> None:
        for name, spec in self.fields.items():
            path = join(key, name)
            if value.get(name) is None and not spec.ask_node and not (spec.null and name in value):
                if name in value and spec.empty is not None:
                    walk.report(path, spec.empty.found or "nothing", _format(spec.empty.expected, path), _format(spec.empty.fix, path))
                    failed.add(name)
                elif spec.required:
                    missing = spec.missing or Invalid("a value for this required key", f"add '{name}: ...' (see the example in EDITING.md)")
                    found = "nothing (the key is missing)" if name not in value else "nothing (the key has no value)"
                    walk.report(path, missing.found or found, _format(missing.expected, path), _format(missing.fix, path))
                    failed.add(name)
                elif spec.default is not ABSENT:
                    result[name] = spec.default
                continue
            checked = spec.node.walk(value.get(name), path, walk)
            if checked is INVALID:
                failed.add(name)
            else:
                result[name] = checked
        for name in sorted(set(value) - set(self.fields), key=str):
            if self.extra is not None and self.extra(str(name)):
                continue
            hint = did_you_mean(str(name), list(self.fields))
            walk.report(join(key, name), self.unknown, self.allowed, f"{hint} {self.unknown_fix}" if hint else self.unknown_fix)
            failed.add(str(name))

    def finish(self, result: dict[str, Any]) -> Any:
        return self.build(result) if self.build else result


@dataclass(frozen=True)
class ListOf(Node):
    """A list of `item`s; positions in keys count from `start` (`contacts[0]`, `modules[1]`),
    written as `item_key` says ('{key}' alone: an item's problem is the list's, as for the
    words of a group). `single`: a lone value is read as a list of one (`sections: guider`)."""

    item: Node
    _: KW_ONLY
    expected: str
    fix: str
    min_items: int = 0
    max_items: int | None = None
    start: int = 0
    single: bool = False
    item_key: str = "{key}[{n}]"
    count: str = "item(s)"  # what a wrong number of items is called: '2 question(s)'
    checks: tuple[Callable[[Checked, Walk], None], ...] = ()

    def walk(self, value: Any, key: str, walk: Walk) -> Any:
        if self.single and not isinstance(value, list):
            value = [value]
        too_few = isinstance(value, list) and len(value) < self.min_items
        too_many = isinstance(value, list) and self.max_items is not None and len(value) > self.max_items
        if not isinstance(value, list) or too_few or too_many:
            found = f"{len(value)} {self.count}" + (f": {describe(value)}" if self.count == "item(s)" else "") if isinstance(value, list) else describe(value)
            walk.report(key, found, _format(self.expected, key), _format(self.fix, key))
            return INVALID
        before = len(walk.problems)
        keys = [self.item_key.format(key=key, n=number).lstrip(".") for number in range(self.start, self.start + len(value))]
        items = tuple(self.item.walk(item, item_key, walk) for item, item_key in zip(value, keys))
        failed = frozenset(item_key for item, item_key in zip(items, keys) if item is INVALID)
        for check in self.checks:
            check(Checked(tuple(item for item in items if item is not INVALID), value, failed, key), walk)
        return INVALID if len(walk.problems) > before else items


@dataclass(frozen=True)
class MapOf(_MappingNode):
    """A mapping whose keys the editor chooses (a registry's entries, language codes):
    each key must pass `key_check`, each value `value`."""

    value: Node
    _: KW_ONLY
    expected: str
    fix: str
    key_check: Callable[[Any, Walk], Invalid | None] | None = None
    checks: tuple[Callable[[Checked, Walk], None], ...] = ()  # across entries (a key that names another entry), as Mapping's

    def walk_entries(self, value: dict[Any, Any], key: str, walk: Walk, result: dict[str, Any], failed: set[str]) -> None:
        for name, item in value.items():
            path = join(key, name)
            refused = self.key_check(name, walk) if self.key_check else None
            if refused is not None:
                walk.report(path, refused.found or describe(name), refused.expected, refused.fix)
                failed.add(str(name))
                continue
            checked = self.value.walk(item, path, walk)
            if checked is INVALID:
                failed.add(str(name))
            else:
                result[str(name)] = checked


class OneOf(Node):
    """The first of `options` that takes the value; when none does, one problem saying
    what each would have taken (`expected`), not one per option."""

    def __init__(self, *options: Node, expected: str, fix: str) -> None:
        self.options = options
        self.expected = expected
        self.fix = fix

    def walk(self, value: Any, key: str, walk: Walk) -> Any:
        for option in self.options:
            trial = Walk(walk.context)
            result = option.walk(value, key, trial)
            if not trial.problems:
                return result
        walk.report(key, describe(value), _format(self.expected, key), _format(self.fix, key))
        return INVALID


@dataclass(frozen=True)
class PerLanguage(Node):
    """A text per language, `{sv: ..., en: ...}`, for the languages in the walk's context
    (the default first). `single`: one plain text serves every language. `every`: each
    language needs its own text, and a problem names the language's line (`law.en`);
    otherwise a language left out shows the default language's text, and a problem is
    reported on the key with the language in it."""

    text: Node
    _: KW_ONLY
    single: bool = True
    every: bool = False
    example: str = "{name}: ..."
    extra_languages: bool = False  # other language codes are allowed (and not read)
    missing_fix: str = "add '{lang}: ...' under '{name}:'"  # with `every`, for a language left out

    def walk(self, value: Any, key: str, walk: Walk) -> Any:
        languages: list[str] = list(walk.context["languages"])
        name = last_name(key)
        if self.single and isinstance(value, str) and value.strip():
            text = self.text.walk(value, key, walk)
            return INVALID if text is INVALID else dict.fromkeys(languages, text)
        if not isinstance(value, dict):
            allowed = "a non-empty text, or one text per language (" if self.single else "one text per language ("
            walk.report(key, describe(value), allowed + ", ".join(languages) + ")", f"write e.g. '{_format(self.example, key)}' or '{name}: {{{', '.join(f'{lang}: ...' for lang in languages[:2])}}}'" if self.single else f"write '{name}: {{{', '.join(f'{lang}: ...' for lang in languages)}}}'")
            return INVALID
        return self._each(value, key, walk, languages) if self.every else self._some(value, key, walk, languages)

    def _each(self, value: dict, key: str, walk: Walk, languages: list[str]) -> Any:
        result: dict[str, str] = {}
        failed = False
        for lang in languages:
            text = value.get(lang)
            if not isinstance(text, str) or not text.strip():
                found = describe(text) if lang in value else "nothing (the language is missing)"
                walk.report(join(key, lang), found, f"a non-empty text in the language '{lang}'", _format(self.missing_fix, key).replace("{lang}", lang))
                failed = True
                continue
            checked = self.text.walk(text, join(key, lang), walk)
            failed = failed or checked is INVALID
            result[lang] = checked
        if not self.extra_languages:
            for lang in sorted(set(map(str, value)) - set(languages)):
                walk.report(join(key, lang), "a language this text is not written in here", "the languages " + ", ".join(languages), "correct the language code, or remove the line")
                failed = True
        return INVALID if failed else result

    def _some(self, value: dict, key: str, walk: Walk, languages: list[str]) -> Any:
        default = languages[0]
        unknown = [str(lang) for lang in value if lang not in languages]
        empty = [str(lang) for lang, text in value.items() if lang in languages and (not isinstance(text, str) or not text.strip())]
        if unknown:
            walk.report(key, describe(value), "language codes of the built languages: " + ", ".join(languages), f"remove or correct {', '.join(repr(u) for u in unknown)}")
        elif empty:
            walk.report(key, describe(value), "a non-empty text for each language given", f"write the text after {', '.join(repr(e) + ':' for e in empty)} or remove the line")
        elif default not in value:
            walk.report(key, describe(value), f"a text in the default language '{default}', and in any of " + ", ".join(languages[1:]), f"add '{default}: <text>' under '{last_name(key)}:'")
        else:
            result = {}
            for lang, text in value.items():
                trial = Walk(walk.context)
                checked = self.text.walk(text, key, trial)
                if trial.problems:  # one value: its problem is on the key, naming the language
                    problem = trial.problems[0]
                    walk.report(key, f"{problem.found} (in '{lang}')", problem.expected, problem.fix)
                    return INVALID
                result[lang] = checked
            return result
        return INVALID


# --- leaves --------------------------------------------------------------------------


@dataclass(frozen=True)
class Check(Node):
    """A file's own rule: `function(value, key, walk)` returns the value or raises Invalid."""

    function: Callable[[Any, str, Walk], Any]

    def check(self, value: Any, key: str, walk: Walk) -> Any:
        return self.function(value, key, walk)


@dataclass(frozen=True)
class Text(Node):
    """Plain text (safe_text.text_flaw: no markup, no control characters, at most
    `max_length`), stripped. `quotes=False` also refuses '"' (a text written into an
    HTML attribute unescaped); `plain=False` takes any text (an editors' note that no
    page shows)."""

    max_length: int = SHORT_TEXT_MAX
    _: KW_ONLY
    multiline: bool = False
    quotes: bool = True
    plain: bool = True
    expected: str = "a non-empty line of text"
    fix: str = "write the text after '{name}:'"

    def check(self, value: Any, key: str, walk: Walk) -> str:
        if not isinstance(value, str) or not value.strip():
            raise Invalid(self.expected, self.fix)
        flaw = text_flaw(value, max_length=self.max_length, multiline=self.multiline, quotes=self.quotes) if self.plain else None
        if flaw:
            raise Invalid(flaw.expected, flaw.fix, found=flaw.found)
        return value.strip()


@dataclass(frozen=True)
class Url(Node):
    """A web address (safe_text.url_flaw), stripped."""

    _: KW_ONLY
    schemes: tuple[str, ...] = WEB_SCHEMES
    relative: bool = False
    expected: str = "a full web address starting with https:// (or http://)"
    fix: str = "copy the address from the browser's address bar, e.g. 'https://www.example.org/anhorigstod'"
    flaw_fix: str | None = None  # instead of url_flaw's own fix, when a file needs another

    def check(self, value: Any, key: str, walk: Walk) -> str:
        if not isinstance(value, str) or not value.strip():
            raise Invalid(self.expected, self.fix)
        flaw = url_flaw(value, schemes=self.schemes, relative=self.relative)
        if flaw:
            raise Invalid(flaw.expected, self.flaw_fix or flaw.fix, found=flaw.found)
        return value.strip()


@dataclass(frozen=True)
class Date(Node):
    """A date written YYYY-MM-DD (YAML reads it as a date). `not_future`: on or before the
    walk's `today` (the build's day), for the day something was checked."""

    _: KW_ONLY
    not_future: bool = False
    expected: str = "a date written YYYY-MM-DD, without quotes"
    fix: str = "write e.g. '{name}: 2026-11-22'"
    future_fix: str = "write the day it happened, today at the latest"
    times: bool = True  # a date with a time of day ('2026-11-22 10:00') counts as its day

    def check(self, value: Any, key: str, walk: Walk) -> dt.date:
        if isinstance(value, dt.datetime) and self.times:
            value = value.date()
        if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
            raise Invalid(self.expected, self.fix)
        today = walk.context.get("today")
        if self.not_future and today is not None and value > today:
            raise Invalid(
                f"a date on or before {today.isoformat()}",
                self.future_fix,
                found=f"{value.isoformat()}, a date in the future (the build's date is {today.isoformat()})",
            )
        return value


class Choice(Node):
    """One of a few words (`compliance: partial`)."""

    def __init__(self, values: tuple[Any, ...], *, expected: str | None = None, fix: str) -> None:
        self.values = values
        self.expected = expected or "one of: " + ", ".join(map(str, values))
        self.fix = fix

    def check(self, value: Any, key: str, walk: Walk) -> Any:
        if isinstance(value, (str, int)) and not isinstance(value, bool) and value in self.values:
            return value
        hint = did_you_mean(value, list(map(str, self.values))) if isinstance(value, str) else None
        raise Invalid(self.expected, f"{hint} {self.fix}" if hint else self.fix)


@dataclass(frozen=True)
class Flag(Node):
    """true or false."""

    _: KW_ONLY
    fix: str = "write '{name}: true', or remove the key"

    def check(self, value: Any, key: str, walk: Walk) -> bool:
        if not isinstance(value, bool):
            raise Invalid("true or false", self.fix)
        return value


class Email(Node):
    """An email address by its syntax alone: the build never asks the network."""

    def check(self, value: Any, key: str, walk: Walk) -> str:
        return check_email(value)


class Phone(Node):
    """A Swedish phone number: (as written, its `tel:` address)."""

    def check(self, value: Any, key: str, walk: Walk) -> tuple[str, str]:
        return check_phone(value)


class Colour(Node):
    """A colour '#rrggbb' or '#rgb', returned as lower-case '#rrggbb'."""

    def check(self, value: Any, key: str, walk: Walk) -> str:
        if not is_hex_colour(value):
            raise Invalid("a colour written '#rrggbb' (or '#rgb'), in quotes", "write e.g. \"{name}: '#00594f'\"")
        return normalise(value)


_PHONE_CHARACTERS = re.compile(r"^\+?[0-9 ()\-]+$")


def check_phone(value: Any) -> tuple[str, str]:
    """A Swedish phone number as written, and its `tel:` address in international form.

    Accepts what people write: "0480-418020", "070-174 06 05", "+46 480 41 80 20".
    Letters are refused although a phone keypad maps them to digits: on a care guide's
    contact page a letter is far more likely a typo than a vanity number.
    """
    if isinstance(value, int) and not isinstance(value, bool):
        raise Invalid(
            "a phone number in quotes (YAML reads an unquoted number as a number and drops its leading 0)",
            "write it in quotes, e.g. \"phone: '0480-418020'\"",
        )
    if not isinstance(value, str) or not value.strip():
        raise Invalid("a Swedish phone number with area code, e.g. '0480-418020' or '+46 480 41 80 20'", "write the number in quotes")
    text = value.strip()
    if not _PHONE_CHARACTERS.match(text):
        raise Invalid(
            "digits with spaces or '-', starting with 0 or +46 (no letters)",
            "write only the number, e.g. '0480-418020'; put opening hours under 'hours:'",
        )
    try:
        number = phonenumbers.parse(text, "SE")
    except phonenumbers.NumberParseException:
        number = None
    if number is None or number.country_code != 46 or not phonenumbers.is_valid_number(number):
        raise Invalid(
            "a complete Swedish phone number: area code and number, e.g. '0480-418020' or '+46 480 41 80 20'",
            "check the number of digits and the area code (a short number such as 1177 cannot be a contact's number here)",
        )
    return text, "tel:" + phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def check_email(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise Invalid("an email address such as 'anhorigstod@example.se'", "write the address after 'email:'")
    # Imported here: it takes longer to import than the rest of a build's schemas, and only
    # an organisation's file has e-mail addresses.
    from email_validator import EmailNotValidError, validate_email

    try:
        return validate_email(value.strip(), check_deliverability=False).normalized
    except EmailNotValidError as error:
        raise Invalid("an email address such as 'anhorigstod@example.se'", f"correct the address ({error})") from None
