"""Keep every built page within the Content-Security-Policy the deployment sends.

deploy/nginx/anhorigguiden-common.conf sends `script-src 'self'` and `style-src 'self'`,
without 'unsafe-inline': a browser refuses to run a script written into the page, an event
handler attribute (`onclick=`), a `javascript:` link, or to apply a `<style>` element or
`style=` attribute. Material's own inline scripts are loaded from files instead
(overrides/partials/javascripts/). This hook makes the build fail (a warning stops
--strict) when one of those appears, so that it is found in the build and not by a reader
whose browser silently ignores it.

What it reads, to cost little: the whole written page for the first page of each template
in each language's build (what the template and its partials write: nav, header, footer),
and for every other page only the page's own content, the one part an editor writes (the
rest is the same template filled with checked plain text: titles, descriptions, interface
texts and the organisation's values refuse '<' and '>'). Each is first searched with a
regular expression for anything that could be inline code, and parsed as HTML only where
that finds something (most pages: nowhere).
tests/test_content_security_policy.py checks every written file of the real site in full.

A `<script>` whose type is not JavaScript (Material's `type="application/json"`
configuration) is data, never run, and allowed.

Events: on_post_page (every page) and on_post_template (404.html and other theme
templates, in full), both last (priority -500), to check what is written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.pages import Page

from anhorigguiden.registry import registry_for
from anhorigguiden.site_languages import languages

log = get_plugin_logger(__name__)

SECTION = "Scripts and styles"

# The script types a browser runs (HTML Living Standard, "prepare the script element"):
# none, the JavaScript MIME types, and the non-classic types that CSP also governs.
_JAVASCRIPT_TYPES = {
    "",
    "module",
    "importmap",
    "speculationrules",
    "application/ecmascript",
    "application/javascript",
    "application/x-ecmascript",
    "application/x-javascript",
    "text/ecmascript",
    "text/javascript",
    "text/javascript1.0",
    "text/javascript1.1",
    "text/javascript1.2",
    "text/javascript1.3",
    "text/javascript1.4",
    "text/javascript1.5",
    "text/jscript",
    "text/livescript",
    "text/x-ecmascript",
    "text/x-javascript",
}
_URL_ATTRIBUTES = {"href", "src", "action", "formaction"}


@dataclass(frozen=True)
class InlineCode:
    """One thing in a page that the policy makes the browser refuse."""

    line: int
    what: str

    def render(self) -> str:
        return f"line {self.line}: {self.what}"


class _Finder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[InlineCode] = []
        self._open_script: tuple[int, str] | None = None
        self._script_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        values = {name: value or "" for name, value in attrs}
        for name, value in values.items():
            if name.startswith("on"):
                self.found.append(InlineCode(line, f"an event handler attribute <{tag} {name}=...>"))
            elif name == "style":
                self.found.append(InlineCode(line, f"a style attribute <{tag} style=\"{value[:40]}\">"))
            elif name in _URL_ATTRIBUTES and value.strip().lower().startswith("javascript:"):
                self.found.append(InlineCode(line, f"a javascript: URL <{tag} {name}=\"{value[:40]}\">"))
        if tag == "style":
            self.found.append(InlineCode(line, "a <style> element"))
        elif tag == "script" and "src" not in values and is_javascript(values.get("type", "")):
            self._open_script = (line, values.get("type", ""))
            self._script_text = []

    def handle_data(self, data: str) -> None:
        if self._open_script is not None:
            self._script_text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._open_script is not None:
            line, _ = self._open_script
            text = "".join(self._script_text).strip()
            if text:
                self.found.append(InlineCode(line, f"an inline <script>: {text[:60]!r}"))
            self._open_script = None


def is_javascript(script_type: str) -> bool:
    """Whether a browser runs a <script> with this type attribute (parameters ignored)."""
    essence = script_type.split(";", 1)[0].strip().lower()
    return essence in _JAVASCRIPT_TYPES


# Every page's own content is first searched for what could be inline code at all: a
# <script> or <style> tag, a "script:" URL (also one written with entities, other than
# quotes, or tabs, which the parser decodes), or an attribute named on... or style with a
# value. Only content that has one is parsed (most pages have none). An attribute without a
# value (`<p onclick>`) is the one thing the parser reports and this search does not: it
# holds no code or style to lose.
_MAYBE_INLINE = re.compile(r"<script|<style|script:|&#(?!34;|39;)|&(?:tab|newline|colon);|[\s\"'/](?:on[^\s/=>]*|style)\s*=", re.IGNORECASE)

# The build runs the same search in a quicker form, `maybe_inline`; these regular
# expressions are its written form, which tests/test_content_security_policy.py holds it to.
# The quicker form (the search ran over every page of every language): the text is made
# lower case once, the literal parts are looked for as plain substrings, and the attribute
# part is searched for in the reversed text, where it starts with '=', a literal that the
# regular expression engine skips to, instead of being tried at every character.
_LITERALS = ("<style", "script:", "&tab;", "&newline;", "&colon;")
_ENTITY = re.compile(r"&#(?!34;|39;)")
_ATTRIBUTE_REVERSED = re.compile(r"=\s*(?:elyts|[^\s/=>]*no)[\s\"'/]")
# In what a template writes: a <script> that neither loads a file nor holds JSON data.
_SCRIPT_THAT_RUNS = re.compile(r"""<script(?![^>]*\ssrc=)(?![^>]*\stype="application/json")""")


def maybe_inline(html: str, *, template: bool = False) -> bool:
    """Whether `_MAYBE_INLINE` (`template`: `_MAYBE_INLINE_IN_TEMPLATE`) finds something in `html`."""
    low = html.lower()
    if (_SCRIPT_THAT_RUNS.search(low) is not None) if template else ("<script" in low):
        return True
    return any(literal in low for literal in _LITERALS) or bool(_ENTITY.search(low)) or bool(_ATTRIBUTE_REVERSED.search(low[::-1]))


# What the template writes around a page's content is theme code (Material's, ours, an
# organisation's overrides) filled with checked plain text: there, a script that loads a
# file (src=) or holds data (Material's type="application/json" configuration) is not
# worth a parse, and the rest of the search is as for content.
_MAYBE_INLINE_IN_TEMPLATE = re.compile(_MAYBE_INLINE.pattern.replace("<script", _SCRIPT_THAT_RUNS.pattern, 1), re.IGNORECASE)


def find_inline_code(html: str) -> list[InlineCode]:
    """Everything in `html` that `script-src 'self'; style-src 'self'` blocks."""
    finder = _Finder()
    finder.feed(html)
    finder.close()
    return finder.found


def find_in_content(html: str) -> list[InlineCode]:
    """find_inline_code for a page's own content, parsed only when it might hold some."""
    return find_inline_code(html) if maybe_inline(html) else []


def find_in_page(output: str, content: str | None) -> list[InlineCode]:
    """What the policy blocks in a page's own `content`, with the line numbers of the
    written `output`. partials/content.html writes its blocks right after the title's
    </h1>, so the content is looked for whole or as those two parts; the whole output is
    parsed when it is not found (a hook changed it after conversion)."""
    if not content:
        return find_inline_code(output)
    if content in output:
        parts = [content]
    else:
        title, title_end, text = content.partition("</h1>")
        parts = [title + title_end, text]
    found: list[InlineCode] = []
    position = 0
    for part in parts:
        start = output.find(part, position)
        if start < 0:
            return find_inline_code(output)
        offset = output.count("\n", 0, start)
        found += [InlineCode(item.line + offset, item.what) for item in find_in_content(part)]
        position = start + len(part)
    return found


def find_in_first_page(output: str, content: str | None) -> list[InlineCode]:
    """A template's first page: its content as find_in_page checks it, and the whole page
    parsed when what the template writes might hold inline code."""
    if maybe_inline(output, template=True):
        return find_inline_code(output)
    return find_in_page(output, content)


def _report(where: str, html: str, found: list[InlineCode] | None = None) -> None:
    found = find_inline_code(html) if found is None else found
    if not found:
        return
    lines = "\n".join(f"    {item.render()}" for item in found)
    log.warning(
        f"{where}: the Content-Security-Policy would block {len(found)} inline script(s) or style(s):\n"
        f"{lines}\n"
        f"  fix: put scripts in docs/assets/javascripts/ and styles in docs/assets/stylesheets/, "
        f"and load them from there. See EDITING.md, section '{SECTION}'."
    )


@event_priority(-500)  # last: check the page as it is written, after every other hook
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    # Per language too: a template may write something else for one language.
    template = (languages(config).current, page.meta.get("template") or "main.html")
    checked = registry_for(config).derived("content security policy: templates checked", set)
    if template in checked:
        _report(page.file.src_uri, output, find_in_page(output, page.content))
    else:
        checked.add(template)
        _report(page.file.src_uri, output, find_in_first_page(output, page.content))
    return output


@event_priority(-500)  # last, as on_post_page: check the template as it is written
def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    if template_name.endswith(".html") and output_content:
        _report(f"template {template_name}", output_content)
    return output_content
