"""The organisation file: what an organisation may set, checked, and its validated form.

Not a hook (mkdocs.yml does not list it). hooks/organisation.py loads the file with
`load()` and publishes the result as `config.extra["organisation"]`; hooks/local_contacts.py
and hooks/accessibility_statement.py read it from there, and templates through
`organisation.view(language)`. Every key an organisation may write is in `SCHEMA` below (a
declarative schema, anhorigguiden/schema.py), and nowhere else; the editor's guide
(EDITING.md, section "Organisation") documents each.

Every mistake is a GuideError naming the file, the key, what was found, what is allowed
and how to fix it, all problems at once.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from anhorigguiden import schema
from anhorigguiden.colour_contrast import (
    AA_TEXT,
    adjust_to_pass,
    better_text_colour,
    contrast_ratio,
    format_ratio,
    mix,
)
from anhorigguiden.guide_data import GuideError, Problem, build_day, describe, display_path, load_yaml_file
from anhorigguiden.logo_check import logo_problem
from anhorigguiden.safe_text import LONG_TEXT_MAX, SHORT_TEXT_MAX, TITLE_MAX, WEB_SCHEMES
from anhorigguiden.schema import Check, Checked, Choice, Colour, Date, Email, Field, Invalid, ListOf, Mapping, PerLanguage, Phone, Text, Url, Walk

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


# The schema ---------------------------------------------------------------------------
# Every key an organisation may write, and what each may hold (anhorigguiden/schema.py
# walks the file along it and reports every problem at once).

_Invalid = Invalid  # the name tests and older callers use
check_phone = schema.check_phone
check_email = schema.check_email


def _localized(max_length: int = SHORT_TEXT_MAX, *, quotes: bool = True) -> PerLanguage:
    """One text for every language, or one text per language with at least the default
    language's; a language left out shows the default language's text. Plain text:
    Material prints the site's name and navigation titles without escaping them."""
    return PerLanguage(Text(max_length, quotes=quotes), example="{name}: Exempelkommun")


def _web_address() -> Url:
    return Url(schemes=WEB_SCHEMES)


def _site_url(value: Any, key: str, walk: Walk) -> str:
    url = _web_address().check(value, key, walk)
    parts = urlsplit(url)
    if parts.query or parts.fragment:
        raise Invalid("the address of the site's start page, without '?' or '#'", "remove everything from '?' or '#'")
    # MkDocs and the language switcher read the sub-path from here: it must end in '/'.
    return url if url.endswith("/") else url + "/"


def _logo(value: Any, key: str, walk: Walk) -> Path:
    if not isinstance(value, str) or not value.strip():
        raise Invalid("the path of an SVG or PNG file, relative to the organisation file", "write e.g. 'logo: logo.svg'")
    path = (walk.context["base"] / value.strip()).resolve()
    kind = path.suffix.lower()
    if kind not in LOGO_TYPES:
        raise Invalid("an .svg or .png file", "save the logo as SVG (best: sharp at every size) or PNG, and give its path")
    try:
        content = path.read_bytes()
    except OSError as error:
        raise Invalid(
            "a readable file, relative to the organisation file's folder",
            f"put the logo at {path} or correct the path",
            found=f"{value!r}: it cannot be read ({error.strerror})",
        ) from None
    head = content[:2048]
    looks_right = head.startswith(b"\x89PNG\r\n\x1a\n") if kind == ".png" else b"<svg" in head
    if not looks_right:
        raise Invalid(f"a real {kind[1:].upper()} image", "export the logo again as SVG or PNG", found=f"{value!r}: the file's content is not a {kind[1:].upper()} image")
    if kind == ".svg":
        flaw = logo_problem(content)
        if flaw:
            raise Invalid(flaw.expected, flaw.fix, found=f"{value!r}: {flaw.found}")
    return path


def _folder(value: Any, key: str, walk: Walk) -> Path:
    if not isinstance(value, str) or not value.strip():
        raise Invalid("the path of a folder of Markdown pages, relative to the organisation file", "write e.g. 'local_pages: sidor'")
    path = (walk.context["base"] / value.strip()).resolve()
    if not path.is_dir():
        raise Invalid("an existing folder, relative to the organisation file's folder", f"create the folder {path} or correct the path", found=f"{value!r}: no such folder")
    if not any(path.rglob("*.md")):
        raise Invalid("a folder with at least one page (.md)", f"add a page such as {path / 'index.md'}", found=f"{value!r}: a folder without .md files")
    return path


def _section_list(value: Any, key: str, walk: Walk) -> tuple[str, ...]:
    sections: list[str] = walk.context["sections"]
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise Invalid("a list of upstream sections: " + ", ".join(sections), "write e.g. 'sections: [" + ", ".join(sections[:2]) + "]'")
    unknown = [v for v in value if v not in sections]
    if unknown:
        raise Invalid(
            "sections of the upstream guide: " + ", ".join(sections),
            f"correct or remove {', '.join(repr(u) for u in unknown)}; leave 'sections' out to show every section",
        )
    return tuple(dict.fromkeys(value))


def _criteria(value: Any, key: str, walk: Walk) -> tuple[str, ...]:
    values = [value] if isinstance(value, str) else value
    if isinstance(values, list) and all(isinstance(v, str) and re.fullmatch(r"[1-4]\.\d{1,2}\.\d{1,2}", v) for v in values):
        return tuple(values)
    raise Invalid("a list of WCAG success criteria numbers in quotes, e.g. ['1.4.3']", "write e.g. \"criteria: ['1.2.2', '1.4.3']\"")


def _reachable(checked: Checked, walk: Walk) -> None:
    if not ({"phone", "email", "web"} & set(checked.raw)):
        walk.report(checked.key, "a contact with no phone, email or web page", "at least one of 'phone', 'email', 'web'", "add how the reader reaches this contact")


def _contact(fields: dict[str, Any]) -> Contact:
    phone = fields.pop("phone", None)
    return Contact(**fields, phone=phone[0] if phone else None, phone_href=phone[1] if phone else None)


def _report_not_empty(checked: Checked, walk: Walk) -> None:
    if not checked.raw:
        walk.report(checked.key, describe(checked.raw), "one or more of 'email', 'phone', 'form'", "add e.g. 'email: tillganglighet@example.se'")


def _accessibility(fields: dict[str, Any]) -> Accessibility:
    report = fields.pop("report", {})
    phone = report.get("phone")
    return Accessibility(
        **fields,
        report_email=report.get("email"),
        report_phone=phone[0] if phone else None,
        report_phone_href=phone[1] if phone else None,
        report_form=report.get("form"),
    )


_DATE = Date(not_future=True)
_CONTACT = Mapping(
    {
        "role": Field(_localized(), required=True),
        "name": Field(Text()),
        "phone": Field(Phone()),
        "email": Field(Email()),
        "address": Field(_localized()),
        "hours": Field(_localized()),
        "web": Field(_web_address()),
    },
    example="'- role: Anhörigkonsulent' followed by 'phone:', 'email:' ...",
    checks=(_reachable,),
    build=_contact,
)
_KNOWN_GAP = Mapping(
    {
        "what": Field(_localized(LONG_TEXT_MAX), required=True),
        "reason": Field(Choice(GAP_REASONS, fix="write 'reason: non_compliance' (the content does not meet the requirement), 'disproportionate_burden' or 'outside_scope'"), required=True),
        "criteria": Field(Check(_criteria)),
        "plan": Field(_localized(LONG_TEXT_MAX)),
    },
    example="'- what: ...' with 'reason:' under it",
    build=lambda fields: KnownGap(**fields),
)
_ACCESSIBILITY = Mapping(
    {
        "compliance": Field(Choice(tuple(COMPLIANCE), expected="one of: " + ", ".join(COMPLIANCE) + " (helt, delvis, inte förenlig)", fix="write e.g. 'compliance: partial'; leave it out to let the statement say 'partial'")),
        "known_gaps": Field(ListOf(_KNOWN_GAP, expected="a list of gaps, each starting with '- what:'", fix="write 'known_gaps:' and under it '  - what: ...' and '    reason: non_compliance'")),
        "assessed": Field(_DATE),
        "method": Field(_localized(LONG_TEXT_MAX)),
        "prepared": Field(_DATE),
        "updated": Field(_DATE),
        "report": Field(
            Mapping(
                {"email": Field(Email()), "phone": Field(Phone()), "form": Field(_web_address())},
                example="'report: {email: tillganglighet@example.se}'",
                checks=(_report_not_empty,),
            )
        ),
        "complaint_url": Field(_web_address()),
    },
    example="'accessibility:' with 'report:', 'compliance:' ... under it",
    build=_accessibility,
)
_UNQUOTED_COLOUR = Invalid("a colour written '#rrggbb' in quotes", "write \"{name}: '#00594f'\": without quotes, YAML reads '#' as the start of a comment", found="nothing")
_COLOURS = Mapping(
    {name: Field(Colour(), empty=_UNQUOTED_COLOUR) for name in DEFAULT_COLOURS},
    example="\"colours: {header_background: '#00594f'}\"",
    expected="a mapping of " + ", ".join(DEFAULT_COLOURS),
    fix="write e.g. \"colours: {header_background: '#00594f'}\"",
)


def _together(checked: Checked, walk: Walk) -> None:
    """Keys that only make sense together, checked once each has passed on its own."""
    result, failed = checked.result, checked.failed
    if result.get("local_title") and "local_pages" not in result and "local_pages" not in failed:
        walk.report("local_title", describe(checked.raw.get("local_title")), "a title only together with 'local_pages'", "add 'local_pages: <folder>' or remove 'local_title'")
    if result.get("local_pages") and not result.get("local_title") and "local_title" not in failed:
        walk.report("local_title", "nothing (the key is missing)", "the navigation title of the local pages, text or one per language", "add e.g. 'local_title: {sv: Anhörigstöd i Exempelkommun, en: Carer support in Exempelkommun}'")
    if "colours" not in failed:  # contrast only once each colour is readable
        colours = result.get("colours", {})
        walk.problems.extend(check_colours({**DEFAULT_COLOURS, **colours}, configured=set(colours)))
    if "accessibility" not in failed and not result.get("accessibility", Accessibility()).has_report_channel:
        walk.report(
            "accessibility.report",
            "no address to send a report to (no 'email' or 'form')",
            "a mapping with 'email' or 'form' (a web address), or both; 'phone' may be added",
            "add e.g. 'accessibility: {report: {email: tillganglighet@example.se}}': the law requires a way to report problems",
        )


SCHEMA = Mapping(
    {
        "organisation": Field(_localized(), required=True),
        # The theme writes the site's name into an aria-label without escaping it.
        "name": Field(_localized(TITLE_MAX, quotes=False)),
        "publisher": Field(_localized()),
        "site_url": Field(Check(_site_url)),
        "logo": Field(Check(_logo)),
        "colours": Field(_COLOURS),
        "contacts": Field(ListOf(_CONTACT, expected="a list of contacts, each starting with '- role:'", fix="write 'contacts:' and under it '  - role: Anhörigkonsulent' with the contact's other keys")),
        "local_pages": Field(Check(_folder)),
        "local_title": Field(_localized(TITLE_MAX)),
        "sections": Field(Check(_section_list)),
        "accessibility": Field(_ACCESSIBILITY),
    },
    example="'organisation: Exempelkommun' and the other keys",
    checks=(_together,),
)


# Loading ------------------------------------------------------------------------------

def load(path: Path, *, languages: list[str], sections: list[str]) -> Organisation:
    """Read and validate one organisation file; raise GuideError with every problem.

    `languages`: the built languages, the default language first.
    """
    if not path.is_file():
        raise GuideError(
            display_path(path),
            [Problem("(file)", "no such file", "the path of an organisation file (YAML)", "check the path in ANHORIGGUIDEN_ORGANISATION (relative to the folder of mkdocs.yml), or unset it to build upstream's own site")],
            SECTION,
        )
    data = load_yaml_file(path, section=SECTION)
    return validate(data, file=display_path(path), base=path.parent, languages=languages, sections=sections, source=path, today=build_day())


def validate(
    data: Any, *, file: str, base: Path, languages: list[str], sections: list[str], source: Path | None = None, today: dt.date | None = None
) -> Organisation:
    """Check the parsed file. `base` resolves relative paths (logo, local_pages); a date
    after `today` (a review that has not happened yet) is refused."""
    fields = schema.validate(SCHEMA, {} if data is None else data, file=file, section=SECTION, base=base, languages=languages, sections=sections, today=today)
    colours = Colours(**{**DEFAULT_COLOURS, **fields.pop("colours", {})})
    return Organisation(source=source, default_language=languages[0], colours=colours, **fields)


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
    # Two colours the theme writes on the white page: links, and button text in the header's colour.
    on_white = [
        ("link", link, f"'{link}' on the white page background", "", ""),
        ("header_background", background, f"'{background}' as button text on the white page", ": the theme writes button text in this colour", ", with a light header_text"),
    ]
    for name, colour, found, why, fix_end in on_white:
        ratio = contrast_ratio(colour, PAGE_BACKGROUND)
        if ratio < AA_TEXT:
            suggestion = adjust_to_pass(colour, PAGE_BACKGROUND)
            problems.append(
                Problem(
                    key_for(name),
                    f"{found}: contrast {format_ratio(ratio)}",
                    f"at least {AA_TEXT}:1 (WCAG 2.1 AA, success criterion 1.4.3){why}",
                    f"use a darker colour, e.g. '{suggestion}' ({format_ratio(contrast_ratio(suggestion, PAGE_BACKGROUND))}){fix_end}",
                )
            )
    return problems
