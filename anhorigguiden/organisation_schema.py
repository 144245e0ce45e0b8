"""The organisation file: what an organisation may set, checked, and its validated form.

Not a hook (mkdocs.yml does not list it). hooks/organisation.py loads the file with
`load()` and publishes the result as `config.extra["organisation"]`; hooks/local_contacts.py
and hooks/accessibility_statement.py read it from there, and templates through
`organisation.view(language)`. Every key an organisation may write is in `_SCHEMA` and the
`_*_KEYS` tables below, and nowhere else; the editor's guide (EDITING.md, section
"Organisation") documents each.

Every mistake is a GuideError naming the file, the key, what was found, what is allowed
and how to fix it, all problems at once.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import phonenumbers
from anhorigguiden.colour_contrast import (
    AA_TEXT,
    adjust_to_pass,
    better_text_colour,
    contrast_ratio,
    format_ratio,
    is_hex_colour,
    mix,
    normalise,
)
from email_validator import EmailNotValidError, validate_email
from anhorigguiden.guide_data import GuideError, Problem, build_day, describe, future_date_problem, load_yaml_file
from anhorigguiden.logo_check import logo_problem
from anhorigguiden.safe_text import LONG_TEXT_MAX, SHORT_TEXT_MAX, TITLE_MAX, WEB_SCHEMES, text_flaw, url_flaw

SECTION = "Organisation"
PAGE_BACKGROUND = "#ffffff"  # Material's default scheme: the colour links are read against.

# Upstream's look (docs/assets/stylesheets/anhorigguiden.css): used for a colour an
# organisation does not set, and checked together with the ones it does.
DEFAULT_COLOURS = {"header_background": "#1f4e79", "header_text": "#ffffff", "link": "#1a5a96"}

COMPLIANCE = {
    "full": ("helt förenlig", "fully compliant"),
    "partial": ("delvis förenlig", "partially compliant"),
    "none": ("inte förenlig", "not compliant"),
}
GAP_REASONS = ("non_compliance", "disproportionate_burden", "outside_scope")
LOGO_TYPES = (".svg", ".png")
RESERVED_FOLDERS = ("assets", "lokalt", "tillganglighet", "search", "en")
LOCAL_FOLDER = "lokalt"  # where local pages appear in the site: /lokalt/..., /en/lokalt/...

# Text per language: a plain text counts for every language; a mapping must have the
# default language (Swedish), and a language it leaves out shows the default language's
# text, as upstream pages without a translation do.
Localized = dict[str, str]


# The validated form ------------------------------------------------------------------

@dataclass(frozen=True)
class Contact:
    role: Localized
    name: str | None = None
    phone: str | None = None
    phone_href: str | None = None
    email: str | None = None
    address: Localized | None = None
    hours: Localized | None = None
    web: str | None = None

    def in_language(self, language: str, default: str) -> dict[str, str | None]:
        def fallback(text: Localized | None) -> str | None:
            """The language of a text shown untranslated, for the template to mark
            (WCAG 3.1.2); None when the text is in the page's language."""
            return default if text is not None and language not in text else None

        return {
            "role": _pick(self.role, language, default),
            "role_lang": fallback(self.role),
            "name": self.name,
            "phone": self.phone,
            "phone_href": self.phone_href,
            "email": self.email,
            "address": _pick(self.address, language, default),
            "address_lang": fallback(self.address),
            "hours": _pick(self.hours, language, default),
            "hours_lang": fallback(self.hours),
            "web": self.web,
        }


@dataclass(frozen=True)
class Colours:
    header_background: str
    header_text: str
    link: str

    @property
    def link_hover(self) -> str:
        """A third of the way to black: darker than the link, so hover only adds contrast."""
        return mix(self.link, "#000000", 1 / 3)


@dataclass(frozen=True)
class KnownGap:
    what: Localized
    reason: str
    criteria: tuple[str, ...] = ()
    plan: Localized | None = None


@dataclass(frozen=True)
class Accessibility:
    compliance: str | None = None
    known_gaps: tuple[KnownGap, ...] = ()
    assessed: dt.date | None = None
    method: Localized | None = None
    prepared: dt.date | None = None
    updated: dt.date | None = None
    report_email: str | None = None
    report_phone: str | None = None
    report_phone_href: str | None = None
    report_form: str | None = None
    complaint_url: str | None = None

    @property
    def has_report_channel(self) -> bool:
        # An address a report can be sent to, at any hour: an email address or a web form.
        # A phone number is welcome beside it, but alone it is no address (DIGG's model
        # statement asks for a way to send a report).
        return bool(self.report_email or self.report_form)


@dataclass(frozen=True)
class Organisation:
    """One organisation's settings; `source` is None for upstream's own defaults."""

    source: Path | None = None
    default_language: str = "sv"
    name: Localized | None = None
    organisation: Localized | None = None
    site_url: str | None = None
    logo: Path | None = None
    colours: Colours = field(default_factory=lambda: Colours(**DEFAULT_COLOURS))
    contacts: tuple[Contact, ...] = ()
    local_pages: Path | None = None
    local_title: Localized | None = None
    sections: tuple[str, ...] | None = None
    publisher: Localized | None = None
    accessibility: Accessibility = field(default_factory=Accessibility)

    def contacts_in(self, language: str) -> list[dict[str, str | None]]:
        return [contact.in_language(language, self.default_language) for contact in self.contacts]

    def text(self, value: Localized | None, language: str) -> str | None:
        """`value` in `language`, or in the default language where it has no such text."""
        return _pick(value, language, self.default_language)

    def organisation_name(self, language: str) -> str | None:
        return self.text(self.organisation, language)

    def view(self, language: str) -> dict[str, Any]:
        """Everything a template shows, in one language."""
        a = self.accessibility
        pick = functools.partial(_pick, language=language, default=self.default_language)
        return {
            "configured": self.source is not None,
            "name": pick(self.name),
            "organisation": pick(self.organisation),
            "publisher": pick(self.publisher) or pick(self.organisation),
            "contacts": self.contacts_in(language),
            "accessibility": {
                "compliance": a.compliance,
                "known_gaps": [
                    {"what": pick(g.what), "reason": g.reason, "criteria": list(g.criteria), "plan": pick(g.plan)}
                    for g in a.known_gaps
                ],
                "assessed": a.assessed,
                "method": pick(a.method),
                "prepared": a.prepared,
                "updated": a.updated,
                "report_email": a.report_email,
                "report_phone": a.report_phone,
                "report_phone_href": a.report_phone_href,
                "report_form": a.report_form,
                "complaint_url": a.complaint_url,
            },
        }


def _pick(text: Localized | None, language: str, default: str) -> str | None:
    return None if text is None else text.get(language, text.get(default))


# Loading ------------------------------------------------------------------------------

def load(path: Path, *, languages: list[str], sections: list[str]) -> Organisation:
    """Read and validate one organisation file; raise GuideError with every problem.

    `languages`: the built languages, the default language first.
    """
    if not path.is_file():
        raise GuideError(
            _label(path),
            [Problem("(file)", "no such file", "the path of an organisation file (YAML)", "check the path in ANHORIGGUIDEN_ORGANISATION (relative to the folder of mkdocs.yml), or unset it to build upstream's own site")],
            SECTION,
        )
    data = load_yaml_file(path, section=SECTION)
    return validate(data, file=_label(path), base=path.parent, languages=languages, sections=sections, source=path, today=build_day())


def validate(
    data: Any, *, file: str, base: Path, languages: list[str], sections: list[str], source: Path | None = None, today: dt.date | None = None
) -> Organisation:
    """Check the parsed file. `base` resolves relative paths (logo, local_pages); a date
    after `today` (a review that has not happened yet) is refused."""
    checker = _Checker(file=file, base=base, languages=languages, sections=sections, today=today)
    result = checker.top(data)
    if checker.problems:
        raise GuideError(file, checker.problems, SECTION)
    return Organisation(source=source, default_language=languages[0], **result)


# Field checks -------------------------------------------------------------------------

class _Invalid(ValueError):
    def __init__(self, expected: str, fix: str, found: str | None = None) -> None:
        super().__init__(expected)
        self.expected = expected
        self.fix = fix
        self.found = found


@dataclass
class _Checker:
    file: str
    base: Path
    languages: list[str]
    sections: list[str]
    today: dt.date | None = None
    problems: list[Problem] = field(default_factory=list)

    # -- structure

    def mapping(self, key: str, value: Any, schema: dict[str, tuple[bool, Callable[[str, Any], Any]]], example: str) -> dict[str, Any]:
        """Check a mapping against `schema` (name -> (required, check)); unknown keys fail."""
        if not isinstance(value, dict):
            self.problems.append(Problem(key or "(file)", describe(value), "a mapping of 'key: value' lines", f"write it as {example}"))
            return {}
        result: dict[str, Any] = {}
        for name, (required, check) in schema.items():
            path = f"{key}.{name}" if key else name
            if value.get(name) is None:  # an empty key is the same as leaving it out
                if required:
                    found = "nothing (the key is missing)" if name not in value else "nothing (the key has no value)"
                    self.problems.append(Problem(path, found, "a value for this required key", f"add '{name}: ...' (see the example in EDITING.md)"))
                continue
            try:
                result[name] = check(path, value[name])
            except _Invalid as invalid:
                self.problems.append(Problem(path, invalid.found or describe(value[name]), invalid.expected, invalid.fix))
        for name in sorted(set(value) - set(schema), key=str):
            path = f"{key}.{name}" if key else str(name)
            self.problems.append(Problem(path, "an unknown key", "one of " + ", ".join(schema), "correct the spelling, or remove the key"))
        return result

    def top(self, data: Any) -> dict[str, Any]:
        if data is None:
            data = {}
        raw = self.mapping("", data, self._top_schema(), "'organisation: Exempelkommun' and the other keys")
        if not isinstance(data, dict):
            return raw  # the one problem is the file's shape: nothing more to say
        # Keys that only make sense together are checked once each has passed on its own.
        if raw.get("local_title") and "local_pages" not in raw and "local_pages" not in self._failed():
            self.problems.append(Problem("local_title", describe(data.get("local_title")), "a title only together with 'local_pages'", "add 'local_pages: <folder>' or remove 'local_title'"))
        if raw.get("local_pages") and not raw.get("local_title") and "local_title" not in self._failed():
            self.problems.append(Problem("local_title", "nothing (the key is missing)", "the navigation title of the local pages, text or one per language", "add e.g. 'local_title: {sv: Anhörigstöd i Exempelkommun, en: Carer support in Exempelkommun}'"))
        colours = raw.pop("colours", None) or {}
        if "colours" not in self._failed():  # contrast only once each colour is readable
            self.problems.extend(check_colours({**DEFAULT_COLOURS, **colours}, configured=set(colours)))
        raw["colours"] = Colours(**{**DEFAULT_COLOURS, **colours})
        raw.setdefault("accessibility", Accessibility())
        if not raw["accessibility"].has_report_channel and "accessibility" not in self._failed():
            self.problems.append(
                Problem(
                    "accessibility.report",
                    "no address to send a report to (no 'email' or 'form')",
                    "a mapping with 'email' or 'form' (a web address), or both; 'phone' may be added",
                    "add e.g. 'accessibility: {report: {email: tillganglighet@example.se}}': the law requires a way to report problems",
                )
            )
        return raw

    def _failed(self) -> set[str]:
        return {p.key.split(".", 1)[0].split("[", 1)[0] for p in self.problems}

    def _top_schema(self) -> dict[str, tuple[bool, Callable[[str, Any], Any]]]:
        return {
            "organisation": (True, self.localized),
            "name": (False, self.site_name),
            "publisher": (False, self.localized),
            "site_url": (False, self.site_url),
            "logo": (False, self.logo),
            "colours": (False, self.colour_map),
            "contacts": (False, self.contacts),
            "local_pages": (False, self.folder),
            "local_title": (False, self.title),
            "sections": (False, self.section_list),
            "accessibility": (False, self.accessibility),
        }

    # -- text

    def localized(self, key: str, value: Any, *, max_length: int = SHORT_TEXT_MAX, quotes: bool = True) -> Localized:
        """One text for every language, or one text per language with at least the default
        language's; a language left out shows the default language's text. Plain text:
        Material prints the site's name and navigation titles without escaping them."""
        texts = self._localized(key, value)
        for lang, text in texts.items():
            flaw = text_flaw(text, max_length=max_length, quotes=quotes)
            if flaw:
                where = f" (in '{lang}')" if isinstance(value, dict) else ""
                raise _Invalid(flaw.expected, flaw.fix, found=flaw.found + where)
        return texts

    def localized_long(self, key: str, value: Any) -> Localized:
        return self.localized(key, value, max_length=LONG_TEXT_MAX)

    def title(self, key: str, value: Any) -> Localized:
        return self.localized(key, value, max_length=TITLE_MAX)

    def site_name(self, key: str, value: Any) -> Localized:
        # The theme writes the site's name into an aria-label without escaping it.
        return self.localized(key, value, max_length=TITLE_MAX, quotes=False)

    def _localized(self, key: str, value: Any) -> Localized:
        default = self.languages[0]
        name = key.rsplit(".", 1)[-1]
        if isinstance(value, str) and value.strip():
            return {lang: value.strip() for lang in self.languages}
        if isinstance(value, dict):
            unknown = [str(k) for k in value if k not in self.languages]
            empty = [str(k) for k, v in value.items() if k in self.languages and (not isinstance(v, str) or not v.strip())]
            if unknown:
                raise _Invalid("language codes of the built languages: " + ", ".join(self.languages), f"remove or correct {', '.join(repr(u) for u in unknown)}")
            if empty:
                raise _Invalid("a non-empty text for each language given", f"write the text after {', '.join(repr(e) + ':' for e in empty)} or remove the line")
            if default not in value:
                raise _Invalid(
                    f"a text in the default language '{default}', and in any of " + ", ".join(self.languages[1:]),
                    f"add '{default}: <text>' under '{name}:'",
                )
            return {lang: text.strip() for lang, text in value.items()}
        raise _Invalid(
            "a non-empty text, or one text per language (" + ", ".join(self.languages) + ")",
            f"write e.g. '{name}: Exempelkommun' or '{name}: {{sv: ..., en: ...}}'",
        )

    def plain_text(self, key: str, value: Any) -> str:
        if isinstance(value, str) and value.strip():
            flaw = text_flaw(value, max_length=SHORT_TEXT_MAX)
            if flaw:
                raise _Invalid(flaw.expected, flaw.fix, found=flaw.found)
            return value.strip()
        raise _Invalid("a non-empty line of text", f"write the text after '{key.rsplit('.', 1)[-1]}:'")

    def date(self, key: str, value: Any) -> dt.date:
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, dt.date):
            future = future_date_problem(key, value, today=self.today, fix="write the day it happened, today at the latest") if self.today else None
            if future:
                raise _Invalid(future.expected, future.fix, found=future.found)
            return value
        raise _Invalid("a date written YYYY-MM-DD, without quotes", f"write e.g. '{key.rsplit('.', 1)[-1]}: 2026-11-22'")

    # -- addresses

    def web_address(self, key: str, value: Any) -> str:
        if isinstance(value, str) and value.strip():
            flaw = url_flaw(value, schemes=WEB_SCHEMES)
            if flaw is None:
                return value.strip()
            raise _Invalid(flaw.expected, flaw.fix, found=flaw.found)
        raise _Invalid("a full web address starting with https:// (or http://)", "copy the address from the browser's address bar, e.g. 'https://www.example.org/anhorigstod'")

    def site_url(self, key: str, value: Any) -> str:
        url = self.web_address(key, value)
        parts = urlsplit(url)
        if parts.query or parts.fragment:
            raise _Invalid("the address of the site's start page, without '?' or '#'", "remove everything from '?' or '#'")
        # MkDocs and the language switcher read the sub-path from here: it must end in '/'.
        return url if url.endswith("/") else url + "/"

    def email(self, key: str, value: Any) -> str:
        return check_email(value)

    def phone(self, key: str, value: Any) -> tuple[str, str]:
        return check_phone(value)

    # -- files

    def logo(self, key: str, value: Any) -> Path:
        if not isinstance(value, str) or not value.strip():
            raise _Invalid("the path of an SVG or PNG file, relative to the organisation file", "write e.g. 'logo: logo.svg'")
        path = (self.base / value.strip()).resolve()
        if path.suffix.lower() not in LOGO_TYPES:
            raise _Invalid("an .svg or .png file", "save the logo as SVG (best: sharp at every size) or PNG, and give its path")
        try:
            head = path.read_bytes()[:2048]
        except OSError as error:
            raise _Invalid(
                "a readable file, relative to the organisation file's folder",
                f"put the logo at {path} or correct the path",
                found=f"{value!r}: it cannot be read ({error.strerror})",
            ) from None
        looks_right = head.startswith(b"\x89PNG\r\n\x1a\n") if path.suffix.lower() == ".png" else b"<svg" in head
        if not looks_right:
            raise _Invalid(f"a real {path.suffix.lower()[1:].upper()} image", "export the logo again as SVG or PNG", found=f"{value!r}: the file's content is not a {path.suffix.lower()[1:].upper()} image")
        if path.suffix.lower() == ".svg":
            flaw = logo_problem(path.read_bytes())
            if flaw:
                raise _Invalid(flaw.expected, flaw.fix, found=f"{value!r}: {flaw.found}")
        return path

    def folder(self, key: str, value: Any) -> Path:
        if not isinstance(value, str) or not value.strip():
            raise _Invalid("the path of a folder of Markdown pages, relative to the organisation file", "write e.g. 'local_pages: sidor'")
        path = (self.base / value.strip()).resolve()
        if not path.is_dir():
            raise _Invalid("an existing folder, relative to the organisation file's folder", f"create the folder {path} or correct the path", found=f"{value!r}: no such folder")
        if not any(path.rglob("*.md")):
            raise _Invalid("a folder with at least one page (.md)", f"add a page such as {path / 'index.md'}", found=f"{value!r}: a folder without .md files")
        return path

    # -- lists and blocks

    def section_list(self, key: str, value: Any) -> tuple[str, ...]:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise _Invalid("a list of upstream sections: " + ", ".join(self.sections), "write e.g. 'sections: [" + ", ".join(self.sections[:2]) + "]'")
        unknown = [v for v in value if v not in self.sections]
        if unknown:
            raise _Invalid(
                "sections of the upstream guide: " + ", ".join(self.sections),
                f"correct or remove {', '.join(repr(u) for u in unknown)}; leave 'sections' out to show every section",
            )
        return tuple(dict.fromkeys(value))

    def colour_map(self, key: str, value: Any) -> dict[str, str]:
        if not isinstance(value, dict):
            raise _Invalid("a mapping of " + ", ".join(DEFAULT_COLOURS), "write e.g. \"colours: {header_background: '#00594f'}\"")
        result = {}
        for name, colour in value.items():
            path = f"{key}.{name}"
            if name not in DEFAULT_COLOURS:
                self.problems.append(Problem(path, "an unknown key", "one of " + ", ".join(DEFAULT_COLOURS), "correct the spelling, or remove the key"))
            elif colour is None:
                self.problems.append(Problem(path, "nothing", "a colour written '#rrggbb' in quotes", f"write \"{name}: '#00594f'\": without quotes, YAML reads '#' as the start of a comment"))
            elif not is_hex_colour(colour):
                self.problems.append(Problem(path, describe(colour), "a colour written '#rrggbb' (or '#rgb'), in quotes", f"write e.g. \"{name}: '#00594f'\""))
            else:
                result[name] = normalise(colour)
        return result

    def contacts(self, key: str, value: Any) -> tuple[Contact, ...]:
        if not isinstance(value, list):
            raise _Invalid("a list of contacts, each starting with '- role:'", "write 'contacts:' and under it '  - role: Anhörigkonsulent' with the contact's other keys")
        result = []
        for index, item in enumerate(value):
            path = f"{key}[{index}]"
            before = len(self.problems)
            raw = self.mapping(path, item, self._contact_schema(), "'- role: Anhörigkonsulent' followed by 'phone:', 'email:' ...")
            if isinstance(item, dict) and not ({"phone", "email", "web"} & set(item)):
                self.problems.append(Problem(path, "a contact with no phone, email or web page", "at least one of 'phone', 'email', 'web'", "add how the reader reaches this contact"))
            if len(self.problems) == before:
                phone = raw.pop("phone", None)
                result.append(Contact(**raw, phone=phone[0] if phone else None, phone_href=phone[1] if phone else None))
        return tuple(result)

    def _contact_schema(self) -> dict[str, tuple[bool, Callable[[str, Any], Any]]]:
        return {
            "role": (True, self.localized),
            "name": (False, self.plain_text),
            "phone": (False, self.phone),
            "email": (False, self.email),
            "address": (False, self.localized),
            "hours": (False, self.localized),
            "web": (False, self.web_address),
        }

    def accessibility(self, key: str, value: Any) -> Accessibility:
        before = len(self.problems)
        raw = self.mapping(key, value, self._accessibility_schema(), "'accessibility:' with 'report:', 'compliance:' ... under it")
        if len(self.problems) > before:
            return Accessibility()  # the problems are reported; the build stops after the check
        report = raw.pop("report", {}) or {}
        phone = report.get("phone")
        return Accessibility(
            **raw,
            report_email=report.get("email"),
            report_phone=phone[0] if phone else None,
            report_phone_href=phone[1] if phone else None,
            report_form=report.get("form"),
        )

    def _accessibility_schema(self) -> dict[str, tuple[bool, Callable[[str, Any], Any]]]:
        return {
            "compliance": (False, self.compliance),
            "known_gaps": (False, self.known_gaps),
            "assessed": (False, self.date),
            "method": (False, self.localized_long),
            "prepared": (False, self.date),
            "updated": (False, self.date),
            "report": (False, self.report),
            "complaint_url": (False, self.web_address),
        }

    def compliance(self, key: str, value: Any) -> str:
        if value in COMPLIANCE:
            return value
        raise _Invalid("one of: " + ", ".join(COMPLIANCE) + " (helt, delvis, inte förenlig)", "write e.g. 'compliance: partial'; leave it out to let the statement say 'partial'")

    def report(self, key: str, value: Any) -> dict[str, Any]:
        raw = self.mapping(key, value, {"email": (False, self.email), "phone": (False, self.phone), "form": (False, self.web_address)}, "'report: {email: tillganglighet@example.se}'")
        if isinstance(value, dict) and not value:
            raise _Invalid("one or more of 'email', 'phone', 'form'", "add e.g. 'email: tillganglighet@example.se'")
        return raw

    def known_gaps(self, key: str, value: Any) -> tuple[KnownGap, ...]:
        if not isinstance(value, list):
            raise _Invalid("a list of gaps, each starting with '- what:'", "write 'known_gaps:' and under it '  - what: ...' and '    reason: non_compliance'")
        gaps = []
        for index, item in enumerate(value):
            path = f"{key}[{index}]"
            before = len(self.problems)
            raw = self.mapping(
                path,
                item,
                {"what": (True, self.localized_long), "reason": (True, self.gap_reason), "criteria": (False, self.criteria), "plan": (False, self.localized_long)},
                "'- what: ...' with 'reason:' under it",
            )
            if len(self.problems) == before:
                gaps.append(KnownGap(**raw))
        return tuple(gaps)

    def gap_reason(self, key: str, value: Any) -> str:
        if value in GAP_REASONS:
            return value
        raise _Invalid("one of: " + ", ".join(GAP_REASONS), "write 'reason: non_compliance' (the content does not meet the requirement), 'disproportionate_burden' or 'outside_scope'")

    def criteria(self, key: str, value: Any) -> tuple[str, ...]:
        values = [value] if isinstance(value, str) else value
        if isinstance(values, list) and all(isinstance(v, str) and re.fullmatch(r"[1-4]\.\d{1,2}\.\d{1,2}", v) for v in values):
            return tuple(values)
        raise _Invalid("a list of WCAG success criteria numbers in quotes, e.g. ['1.4.3']", "write e.g. \"criteria: ['1.2.2', '1.4.3']\"")


# Single values, also used by the tests -----------------------------------------------

_PHONE_CHARACTERS = re.compile(r"^\+?[0-9 ()\-]+$")


def check_phone(value: Any) -> tuple[str, str]:
    """A Swedish phone number as written, and its `tel:` address in international form.

    Accepts what people write: "0480-418020", "070-174 06 05", "+46 480 41 80 20".
    Letters are refused although a phone keypad maps them to digits: on a care guide's
    contact page a letter is far more likely a typo than a vanity number.
    """
    if isinstance(value, int) and not isinstance(value, bool):
        raise _Invalid(
            "a phone number in quotes (YAML reads an unquoted number as a number and drops its leading 0)",
            "write it in quotes, e.g. \"phone: '0480-418020'\"",
        )
    if not isinstance(value, str) or not value.strip():
        raise _Invalid("a Swedish phone number with area code, e.g. '0480-418020' or '+46 480 41 80 20'", "write the number in quotes")
    text = value.strip()
    if not _PHONE_CHARACTERS.match(text):
        raise _Invalid(
            "digits with spaces or '-', starting with 0 or +46 (no letters)",
            "write only the number, e.g. '0480-418020'; put opening hours under 'hours:'",
        )
    try:
        number = phonenumbers.parse(text, "SE")
    except phonenumbers.NumberParseException:
        number = None
    if number is None or number.country_code != 46 or not phonenumbers.is_valid_number(number):
        raise _Invalid(
            "a complete Swedish phone number: area code and number, e.g. '0480-418020' or '+46 480 41 80 20'",
            "check the number of digits and the area code (a short number such as 1177 cannot be a contact's number here)",
        )
    return text, "tel:" + phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def check_email(value: Any) -> str:
    """An email address by its syntax alone: the build never asks the network."""
    if not isinstance(value, str) or not value.strip():
        raise _Invalid("an email address such as 'anhorigstod@example.se'", "write the address after 'email:'")
    try:
        return validate_email(value.strip(), check_deliverability=False).normalized
    except EmailNotValidError as error:
        raise _Invalid("an email address such as 'anhorigstod@example.se'", f"correct the address ({error})") from None


def check_colours(colours: dict[str, str], *, configured: set[str]) -> list[Problem]:
    """The three contrasts a reader depends on, each at least 4.5:1 (WCAG 2.1 AA, 1.4.3).

    Material draws the header's text in `header_text` on `header_background`, links in
    `link` on the white page, and buttons' text in `header_background` on the white page.
    A problem is reported on the key the organisation set (of the pair), with a nearby
    colour that passes.
    """
    problems = []
    background, text, link = colours["header_background"], colours["header_text"], colours["link"]

    def key_for(*names: str) -> str:
        chosen = [n for n in names if n in configured] or list(names)
        return " / ".join(f"colours.{n}" for n in chosen)

    ratio = contrast_ratio(text, background)
    if ratio < AA_TEXT:
        # Only suggest what passes all three checks: the background is also button text on white.
        options = []
        darker_or_lighter = adjust_to_pass(background, text)
        if contrast_ratio(darker_or_lighter, PAGE_BACKGROUND) >= AA_TEXT:
            options.append(f"header_background '{darker_or_lighter}' with this text colour")
        if contrast_ratio(background, PAGE_BACKGROUND) >= AA_TEXT:
            other = better_text_colour(background)
            options.append(f"header_text '{other}' ({format_ratio(contrast_ratio(other, background))}) with this background")
        if not options:
            options.append(f"header_background '{adjust_to_pass(background, PAGE_BACKGROUND)}' with header_text '#ffffff'")
        problems.append(
            Problem(
                key_for("header_text", "header_background"),
                f"header_text '{text}' on header_background '{background}': contrast {format_ratio(ratio)}",
                f"at least {AA_TEXT}:1 (WCAG 2.1 AA, success criterion 1.4.3)",
                "use " + ", or ".join(options),
            )
        )
    ratio = contrast_ratio(link, PAGE_BACKGROUND)
    if ratio < AA_TEXT:
        suggestion = adjust_to_pass(link, PAGE_BACKGROUND)
        problems.append(
            Problem(
                key_for("link"),
                f"'{link}' on the white page background: contrast {format_ratio(ratio)}",
                f"at least {AA_TEXT}:1 (WCAG 2.1 AA, success criterion 1.4.3)",
                f"use a darker colour, e.g. '{suggestion}' ({format_ratio(contrast_ratio(suggestion, PAGE_BACKGROUND))})",
            )
        )
    ratio = contrast_ratio(background, PAGE_BACKGROUND)
    if ratio < AA_TEXT:
        suggestion = adjust_to_pass(background, PAGE_BACKGROUND)
        problems.append(
            Problem(
                key_for("header_background"),
                f"'{background}' as button text on the white page: contrast {format_ratio(ratio)}",
                f"at least {AA_TEXT}:1 (WCAG 2.1 AA, success criterion 1.4.3): the theme writes button text in this colour",
                f"use a darker colour, e.g. '{suggestion}' ({format_ratio(contrast_ratio(suggestion, PAGE_BACKGROUND))}), with a light header_text",
            )
        )
    return problems


def _label(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)
