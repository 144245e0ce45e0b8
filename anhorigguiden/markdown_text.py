"""Registry text written into generated Markdown, shown exactly as the registry has it.

Used by the hooks that write Markdown from data (citations, the
sources page, the glossary page), so that a '*', '_' or '[' in a title or definition is
shown as written instead of starting emphasis or a link.
"""

from __future__ import annotations

import html
import re

# Python-Markdown's backslash escapes; '<' and '&' become entities instead.
_SPECIAL = re.compile(r"([\\`*_{}\[\]#!>])")
# A space between digits ("150 000") would let a phone break the number over two lines.
_DIGIT_SPACE = re.compile(r"(?<=\d) (?=\d)")


# What makes a line a list item or a code fence when it starts with it: "- ", "+ ", "1. ", "~~~".
_LIST_START = re.compile(r"^([ \t]*)([-+]|\d+(?=\.))", re.MULTILINE)
_TILDE_FENCE = re.compile(r"^([ \t]*)~", re.MULTILINE)


def escape(text: str) -> str:
    """Text as literal Markdown; numbers keep their digit groups on one line.

    Also where a template puts the text at the start of a line: a leading '-', '+' or
    '1.' would start a list and '~~~' a code block.
    """
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    text = _SPECIAL.sub(r"\\\1", text)
    text = _LIST_START.sub(lambda m: m.group(1) + (m.group(2) + "\\" if m.group(2)[0].isdigit() else "\\" + m.group(2)), text)
    text = _TILDE_FENCE.sub(r"\1&#126;", text)
    return _DIGIT_SPACE.sub("\u00a0", text)


def html_text(text: str) -> str:
    """Registry text for a raw HTML block of generated Markdown (which Markdown passes on as
    written): escaped for text and attribute values, with digit groups kept on one line as
    in `escape`."""
    return _DIGIT_SPACE.sub("\u00a0", html.escape(text))
