"""Colour contrast as WCAG 2.1 defines it, and a nearby colour that passes.

anhorigguiden/organisation_schema.py uses it to check an
organisation's brand colours before they reach a page. Pure functions, no MkDocs.

WCAG 2.1, "relative luminance" and "contrast ratio" (Understanding SC 1.4.3): each sRGB
channel is linearised, weighted 0.2126 R + 0.7152 G + 0.0722 B, and the ratio of two
luminances is (L1 + 0.05) / (L2 + 0.05) with L1 the lighter. Text needs 4.5:1 (AA).
"""

from __future__ import annotations

import re

AA_TEXT = 4.5

_HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")
RGB = tuple[int, int, int]


def is_hex_colour(value: object) -> bool:
    return isinstance(value, str) and bool(_HEX.match(value))


def parse_hex(colour: str) -> RGB:
    """'#1f4e79' or '#fff' as (r, g, b) in 0..255; ValueError for anything else."""
    if not is_hex_colour(colour):
        raise ValueError(f"not a hex colour: {colour!r}")
    digits = colour[1:]
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)


def to_hex(rgb: RGB) -> str:
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def normalise(colour: str) -> str:
    """The six-digit lower-case form, so that generated CSS and messages agree."""
    return to_hex(parse_hex(colour))


def relative_luminance(colour: str) -> float:
    def linear(channel: int) -> float:
        c = channel / 255
        # WCAG 2.1 prints 0.03928 (from an old sRGB draft); 0.04045 is the sRGB standard's
        # threshold. No 8-bit channel value lies between the two, so the results are equal.
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in parse_hex(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(foreground: str, background: str) -> float:
    """The WCAG contrast ratio of two colours, from 1.0 to 21.0 (order does not matter)."""
    lighter, darker = sorted((relative_luminance(foreground), relative_luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def passes(foreground: str, background: str, minimum: float = AA_TEXT) -> bool:
    # Compare the unrounded ratio: 4.49 shown as "4.5" must still fail.
    return contrast_ratio(foreground, background) >= minimum


def format_ratio(ratio: float) -> str:
    """Rounded down to two decimals, so that a failing ratio is never shown as passing."""
    return f"{int(ratio * 100) / 100:.2f}:1"


def mix(colour: str, towards: str, amount: float) -> str:
    """`colour` moved `amount` (0..1) of the way to `towards`, channel by channel."""
    start, end = parse_hex(colour), parse_hex(towards)
    return to_hex(tuple(round(c + (t - c) * amount) for c, t in zip(start, end)))  # type: ignore[arg-type]


def adjust_to_pass(colour: str, against: str, minimum: float = AA_TEXT) -> str:
    """The colour closest to `colour`, mixed towards black or white, that reaches `minimum`
    against `against`: darker on a light background, lighter on a dark one.

    Keeps the hue as far as mixing allows, so that a suggestion still looks like the brand.
    Falls back to black or white, one of which always reaches 4.5:1 against any colour.
    """
    if passes(colour, against, minimum):
        return normalise(colour)
    towards = "#000000" if relative_luminance(against) > 0.18 else "#ffffff"
    for step in range(1, 101):
        candidate = mix(colour, towards, step / 100)
        if passes(candidate, against, minimum):
            return candidate
    return towards


def better_text_colour(background: str) -> str:
    """Black or white, whichever contrasts more with `background`."""
    return "#ffffff" if contrast_ratio("#ffffff", background) >= contrast_ratio("#000000", background) else "#000000"
