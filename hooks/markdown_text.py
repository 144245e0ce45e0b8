"""Registry text written into generated Markdown, shown exactly as the registry has it.

Not a hook itself: used by the hooks that write Markdown from data (citations, the
sources page, the glossary page), so that a '*', '_' or '[' in a title or definition is
shown as written instead of starting emphasis or a link.
"""

from __future__ import annotations

import re

# Python-Markdown's backslash escapes; '<' and '&' become entities instead.
_SPECIAL = re.compile(r"([\\`*_{}\[\]#!>])")
# A space between digits ("150 000") would let a phone break the number over two lines.
_DIGIT_SPACE = re.compile(r"(?<=\d) (?=\d)")


def escape(text: str) -> str:
    """Text as literal Markdown; numbers keep their digit groups on one line."""
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    return _DIGIT_SPACE.sub("\u00a0", _SPECIAL.sub(r"\\\1", text))
