"""What an editor's or organisation's plain text and web addresses may contain.

The schemas (front_matter.py, references.py, glossary_terms.py,
organisation_schema.py, ui_strings.py) call these checks, so that every value that reaches
HTML is plain by construction. Material prints `config.site_name`, `page.title` and nav
titles without escaping them, so markup in a title or name must be refused before it gets
there; our own templates escape as well (`| e`).

Each check returns None for a good value, or a `Flaw` (found, allowed, fix) that the
calling schema turns into its own Problem, with the file and the key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

# Bounds that no real text reaches, but that stop a pasted document from being copied
# into every page of the site (a title is in every page's navigation).
TITLE_MAX = 120
DESCRIPTION_MAX = 200
SHORT_TEXT_MAX = 200  # a name, a label, a term, a fact's value
LONG_TEXT_MAX = 1000  # a note, a definition, a sentence of interface text
URL_MAX = 2000

# C0 and C1 control characters (a newline only where a text may have several lines), and
# the bidirectional embeddings and overrides that can make text read in another order
# than it is stored ('Trojan source'). The marks U+200E/U+200F, which Arabic text may
# need, stay allowed.
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_NEWLINE = re.compile(r"[\n\r\u2028\u2029]")
_MARKUP = re.compile(r"[<>]")
# In an address: what would end an HTML attribute or a Markdown autolink, and spaces.
_URL_FORBIDDEN = re.compile(r"[\s\"'<>`\\\x00-\x1f\x7f-\x9f]")

WEB_SCHEMES = ("https", "http")


@dataclass(frozen=True)
class Flaw:
    """Why a value is refused, in the words of an error message."""

    found: str
    expected: str
    fix: str


def text_flaw(value: str, *, max_length: int, multiline: bool = False, quotes: bool = True) -> Flaw | None:
    """A plain text: no markup, no control characters, not longer than `max_length`.

    `quotes=False` also refuses the straight double quote, for a text that a theme
    template writes into an HTML attribute without escaping it (the site's name).
    """
    text = value.strip()
    if len(text) > max_length:
        return Flaw(
            f"a text of {len(text)} characters",
            f"plain text of at most {max_length} characters",
            "shorten it; a longer text belongs in a page, not in this field",
        )
    match = _MARKUP.search(text)
    if match:
        return Flaw(
            f"the character {match.group()!r} at position {match.start() + 1} in {_shown(text)}",
            "plain text, without '<' or '>' (HTML is not allowed here)",
            "remove the markup; write 'under' or 'over' in words, or use typographic quotes “ ” instead of angle brackets",
        )
    match = _CONTROL.search(text) or (None if multiline else _NEWLINE.search(text))
    if match:
        return Flaw(
            f"the control character U+{ord(match.group()):04X} at position {match.start() + 1} in {_shown(text)}",
            "plain text on one line, without control characters" if not multiline else "plain text without control characters",
            "retype the text (a control character is often pasted from another program), or write it on one line",
        )
    if not quotes and '"' in text:
        return Flaw(
            f"a straight double quote '\"' in {_shown(text)}",
            "text without '\"' (the theme writes this text into an HTML attribute)",
            "use typographic quotes “ ” or write the text without quotes",
        )
    return None


def url_flaw(value: str, *, schemes: tuple[str, ...] = WEB_SCHEMES, relative: bool = False) -> Flaw | None:
    """An address: one of `schemes` (a host required for http and https), or a relative
    path when `relative`; never a quote, angle bracket, space or control character."""
    url = value.strip()
    allowed = ", ".join(f"{scheme}:" for scheme in schemes) + (" or a relative path" if relative else "")
    if len(url) > URL_MAX:
        return Flaw(f"an address of {len(url)} characters", f"an address of at most {URL_MAX} characters", "copy the address again from the browser's address bar")
    match = _URL_FORBIDDEN.search(url)
    if match:
        return Flaw(
            f"the character {match.group()!r} at position {match.start() + 1} in {_shown(url)}",
            "an address without spaces, quotes, angle brackets, backslashes or control characters",
            "copy the address from the browser's address bar (it writes a space as %20)",
        )
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if not scheme:
        if relative and not url.startswith("//"):
            return None
        return Flaw(_shown(url), f"a full address starting with {allowed}", "write the whole address, e.g. 'https://www.example.org/anhorigstod'")
    if scheme not in schemes:
        return Flaw(f"the scheme '{parts.scheme}:' in {_shown(url)}", f"an address starting with {allowed}", "write a web address starting with https://")
    if scheme in WEB_SCHEMES and not parts.netloc:
        return Flaw(_shown(url), f"a full address with a host name after {scheme}://", "write the whole address, e.g. 'https://www.example.org/anhorigstod'")
    return None


def _shown(text: str) -> str:
    shown = repr(text)
    return shown if len(shown) <= 60 else shown[:57] + "..."
