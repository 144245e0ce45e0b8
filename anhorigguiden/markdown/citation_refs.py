"""A Python-Markdown extension: numbered references leave the sentence for the block's end.

`anhorigguiden.markdown.citation_refs` under `markdown_extensions:` (no config). citations.py
writes each citation where its marker stood, as a link with the class `ag-ref`; this
extension's treeprocessor then moves every such link to the end of the paragraph, list
item, table cell or definition it stands in, so that a reference never splits a sentence
("mer än en miljon [1] vuxna"), drops a second link to the same source within that block,
and wraps the block's references in one `<span class="ag-refs" data-ag-no-read
data-search-exclude>`, which the read-aloud script skips and Material's search leaves out
of its index (so a result does not end "…be om det.1" or "…mig?123"). Plain
Python-Markdown: it runs under MkDocs, ProperDocs and Zensical alike.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

REF_CLASS = "ag-ref"
# Where a reference ends up: the innermost of these around it.
BLOCKS = {"p", "li", "td", "th", "dd", "dt", "figcaption", "summary"}
# A list item's own text ends where a nested list or box starts.
NESTED = {"ul", "ol", "dl", "div", "table", "pre", "blockquote", "details", "p"}


class ReferencesToBlockEnd(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        parents = {child: parent for parent in root.iter() for child in parent}
        moved: dict[etree.Element, list[etree.Element]] = {}
        for link in [element for element in root.iter("a") if REF_CLASS in (element.get("class") or "").split()]:
            block = _enclosing_block(link, parents)
            if block is None:
                continue  # not inside a block (cannot happen in Markdown output): left in place
            _detach(link, parents[link])
            moved.setdefault(block, []).append(link)
        for block, links in moved.items():
            position = _end_of_text(block)
            _strip_trailing_space(block, position)
            wrapper = etree.Element("span", {"class": "ag-refs", "data-ag-no-read": "", "data-search-exclude": ""})
            block.insert(position, wrapper)
            seen = set()
            for link in links:
                if link.get("href") in seen:
                    continue  # the same source twice in one paragraph: one reference
                seen.add(link.get("href"))
                link.tail = None
                wrapper.append(link)
        for block in moved:
            _join_previous_block(block, wrapper=block.find("span[@class='ag-refs']"), parents=parents)


def _join_previous_block(block: etree.Element, *, wrapper: etree.Element | None, parents: dict[etree.Element, etree.Element]) -> None:
    """A paragraph of references alone ('[[source:x]]' under a list) cites what comes just
    before it: its references join the end of that paragraph or of that list's last item."""
    parent = parents.get(block)
    if block.tag != "p" or wrapper is None or parent is None or (block.text or "").strip() or len(block) != 1 or (wrapper.tail or "").strip():
        return
    index = list(parent).index(block)
    previous = parent[index - 1] if index else None
    while previous is not None and previous.tag in ("ul", "ol") and len(previous):
        previous = previous[-1]  # the list's last item (and, in a nested list, its last item)
        nested = [child for child in previous if child.tag in ("ul", "ol")]
        previous = nested[-1] if nested and nested[-1] is previous[-1] else previous
    if previous is None or previous.tag not in ("p", "li"):
        return
    target = previous[-1] if previous.tag == "li" and len(previous) and previous[-1].tag == "p" else previous
    existing = target.find("span[@class='ag-refs']")
    if existing is None:
        position = _end_of_text(target)
        _strip_trailing_space(target, position)
        target.insert(position, wrapper)
    else:
        known = {link.get("href") for link in existing}
        existing.extend(link for link in list(wrapper) if link.get("href") not in known)
    parent.remove(block)


def _enclosing_block(element: etree.Element, parents: dict[etree.Element, etree.Element]) -> etree.Element | None:
    current = parents.get(element)
    while current is not None and current.tag not in BLOCKS:
        current = parents.get(current)
    return current


def _detach(element: etree.Element, parent: etree.Element) -> None:
    """Remove `element`, keeping the text after it where it was."""
    index = list(parent).index(element)
    tail = element.tail or ""
    before = parent.text if index == 0 else parent[index - 1].tail
    if (before or "").endswith((" ", "\n")) and tail.startswith((" ", "\n")):
        tail = tail.lstrip(" \n")  # "plikt. [1] Det" -> "plikt. Det", not two spaces
    if index == 0:
        parent.text = (parent.text or "") + tail
    else:
        previous = parent[index - 1]
        previous.tail = (previous.tail or "") + tail
    parent.remove(element)


def _end_of_text(block: etree.Element) -> int:
    """Where the block's own text ends: before a nested list or box in a list item."""
    for index, child in enumerate(block):
        if child.tag in NESTED:
            return index
    return len(block)


def _strip_trailing_space(block: etree.Element, position: int) -> None:
    """The reference follows the text's last character ("... anhöriga.[1]")."""
    if position:
        before = block[position - 1]
        if before.tail:
            before.tail = before.tail.rstrip()
    elif block.text:
        block.text = block.text.rstrip()


class CitationRefsExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        # After attr_list (8), which gives the links their class; before toc (5) and MkDocs'
        # relative links (0), which then see the links in their final place.
        md.treeprocessors.register(ReferencesToBlockEnd(md), "ag_citation_refs", 7)


def makeExtension(**kwargs: object) -> CitationRefsExtension:
    return CitationRefsExtension(**kwargs)
