"""An organisation's SVG logo: a picture only, with nothing that runs or loads.

Not a hook: organisation_schema.py checks the `logo:` file with `logo_problem`. The logo is
published in the site (assets/organisation/logo.svg): opened on its own, an SVG is a
document of the site's origin, where a script, an event handler or an embedded HTML
document would run, and an external reference would make every reader's browser ask
another server for it. So the file is parsed with a real XML parser (lxml, with entities
unresolved and no network) and refused, with the reason, if it has any of:

- a DOCTYPE or ENTITY declaration (entity bombs, external entities),
- a <script>, <foreignObject> (HTML inside SVG), <iframe>, <embed>, <object>, <handler>
  or XInclude element, or a processing instruction such as <?xml-stylesheet?>,
- an event-handler attribute (onload=, onclick=, ...),
- a reference (href, xlink:href, src) that does not start with '#' or 'data:image/',
- 'javascript:' anywhere in an attribute, CSS `url(` to anything but '#', or `@import`.
"""

from __future__ import annotations

import re

from lxml import etree
from anhorigguiden.safe_text import Flaw

MAX_BYTES = 512 * 1024
SVG_NAMESPACE = "http://www.w3.org/2000/svg"
XINCLUDE_NAMESPACE = "http://www.w3.org/2001/XInclude"
REFUSED_ELEMENTS = {"script", "foreignobject", "iframe", "embed", "object", "handler", "listener"}
REFERENCE_ATTRIBUTES = {"href", "src"}
_CSS_URL = re.compile(r"url\(\s*(['\"]?)\s*(?P<target>[^'\")\s]*)", re.IGNORECASE)
_FIX = "export the logo again as a plain SVG (in Inkscape: 'Plain SVG' or 'Optimized SVG'), or save it as PNG"


def logo_problem(data: bytes) -> Flaw | None:
    """Why this SVG cannot be the logo, or None when it is a plain picture."""
    if len(data) > MAX_BYTES:
        return Flaw(f"a file of {len(data) // 1024} kB", f"an SVG of at most {MAX_BYTES // 1024} kB", "simplify the logo, or export it as an optimised SVG or a PNG")
    if re.search(rb"<!(DOCTYPE|ENTITY)", data, re.IGNORECASE):
        return Flaw("a DOCTYPE or ENTITY declaration", "an SVG without a DOCTYPE or entity declarations", _FIX)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        return Flaw(f"XML that does not parse ({error})", "a well-formed SVG file", _FIX)
    if etree.QName(root).localname != "svg":
        return Flaw(f"the root element <{etree.QName(root).localname}>", "an SVG file whose root element is <svg>", _FIX)
    sibling = root.getprevious()
    while sibling is not None:
        if isinstance(sibling, etree._ProcessingInstruction):
            return Flaw(f"the processing instruction <?{sibling.target} ...?>", "an SVG without processing instructions (they can load style sheets)", _FIX)
        sibling = sibling.getprevious()
    for node in root.iter():
        if isinstance(node, etree._ProcessingInstruction):
            return Flaw(f"the processing instruction <?{node.target} ...?>", "an SVG without processing instructions (they can load style sheets)", _FIX)
        if not isinstance(node.tag, str):
            continue  # a comment
        flaw = _element_problem(node)
        if flaw:
            return flaw
    return None


def _element_problem(element: etree._Element) -> Flaw | None:
    name = etree.QName(element)
    line = f" on line {element.sourceline}" if element.sourceline else ""
    if name.localname.lower() in REFUSED_ELEMENTS or name.namespace == XINCLUDE_NAMESPACE:
        return Flaw(f"a <{name.localname}> element{line}", "a picture only: no <script>, <foreignObject>, embedded documents or XInclude", _FIX)
    if name.localname == "style" and element.text:
        flaw = _css_problem(element.text, f"the <style> element{line}")
        if flaw:
            return flaw
    for attribute, value in element.attrib.items():
        local = etree.QName(attribute).localname.lower()
        where = f"the attribute {local}=\"{value[:40]}\" of <{name.localname}>{line}"
        if local.startswith("on"):
            return Flaw(where, "no event-handler attributes (onload, onclick, ...)", _FIX)
        if "javascript:" in re.sub(r"\s", "", value).lower():
            return Flaw(where, "no 'javascript:' addresses", _FIX)
        if local in REFERENCE_ATTRIBUTES and not value.strip().startswith(("#", "data:image/")):
            return Flaw(where, "references only inside the file ('#id') or to an embedded 'data:image/' picture: the logo must not load anything from elsewhere", _FIX)
        flaw = _css_problem(value, where)
        if flaw:
            return flaw
    return None


def _css_problem(css: str, where: str) -> Flaw | None:
    if "@import" in css.lower():
        return Flaw(f"'@import' in {where}", "styles without @import (it loads another file)", _FIX)
    for match in _CSS_URL.finditer(css):
        if not match.group("target").startswith("#"):
            return Flaw(f"url({match.group('target')[:40]}) in {where}", "url() only to a part of the file itself ('url(#gradient)')", _FIX)
    return None
