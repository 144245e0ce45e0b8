"""Shared by the golden tests of our Markdown extensions (tests/test_md_*.py): the small
data folder, a converter that is told which page it converts as MkDocs tells it, and the
check of the error a conversion stops with.

MkDocs puts the page's `File` on the `relpath` treeprocessor of each page's converter
(anhorigguiden/markdown/page.py reads it there); `convert(..., page=...)` registers a
stand-in with the same name and attribute, so a test can say "this is guider/pengar.md,
written in Swedish" without building a site.
"""

from __future__ import annotations

import types
from collections.abc import Callable
from pathlib import Path

import markdown
import pytest
from markdown.treeprocessors import Treeprocessor
from mkdocs.exceptions import PluginError

DATA = Path(__file__).resolve().parent / "fixtures" / "md_data"
LANGUAGES = ["sv", "en"]


class _PageOfMkDocs(Treeprocessor):
    """Does what MkDocs' own does not matter here (links stay as written); carries `file`."""

    def __init__(self, md: markdown.Markdown, file: object) -> None:
        super().__init__(md)
        self.file = file

    def run(self, root):  # noqa: ANN001, ANN201 - Python-Markdown's signature
        return None


def page_file(src_uri: str, locale: str | None = None, content: str = "") -> object:
    return types.SimpleNamespace(src_uri=src_uri, locale=locale, content_string=content)


def convert(text: str, extensions: list, configs: dict | None = None, *, page: object | None = None) -> str:
    md = markdown.Markdown(extensions=extensions, extension_configs=configs or {})
    if page is not None:
        md.treeprocessors.register(_PageOfMkDocs(md, page), "relpath", 0)
    return md.convert(text)


def assert_guide_error(conversion: Callable[[], object], *fragments: str) -> str:
    """`conversion()` stops with the build's clean error (GuideError, MkDocs' PluginError)
    whose message has every fragment; returns the message."""
    with pytest.raises(PluginError) as raised:
        conversion()
    message = str(raised.value)
    for fragment in fragments:
        assert fragment in message, message
    return message
