"""Glossary terms explained where they first appear in a page.

A Python-Markdown extension (`anhorigguiden.markdown.glossary` under
`markdown_extensions:`); how terms are explained, and why that way, is told in
glossary_terms.py, whose treeprocessor this extension runs. Config: `data_dir` (the
folder with glossary.yml and ui.yml), `language` and `languages` (as citations.py),
`glossary_page` (the Ordlista page's file under docs/, which each explained term links
to) and `unexplained` (pages whose words are not explained: the Ordlista itself, and the
Källor page, a list of documents' names).

What is per page, the language the page is written in and where it lies (the link to
the Ordlista is relative to it), comes from the converter itself (page.py): no hook
hands it over, and no other conversion can take it.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Markdown

from anhorigguiden.glossary_terms import PageContext, _TermTreeprocessor
from anhorigguiden.markdown.page import page_info
from anhorigguiden.markdown.registry import DataExtension, registry_of, term_matcher

# After inline patterns (20), attr_list (8), abbr (7), citation_refs (7) and smart symbols
# (6.1); before MkDocs' link rewriting (0), which then resolves and checks the links.
PRIORITY = 6


class PageTerms(_TermTreeprocessor):
    """glossary_terms.py's treeprocessor, told at its run which page it explains."""

    def __init__(self, md: Markdown, extension: GlossaryExtension) -> None:
        super().__init__(md, PageContext())
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        config = self.extension.getConfigs()
        page = page_info(self.md, config["language"])
        if (page.src_uri or "") in config["unexplained"]:
            return
        registry = registry_of(config)
        self.context.matcher = term_matcher(registry, page.language)
        self.context.glossary_link = page.link_to(config["glossary_page"])
        self.context.more_label = registry.ui_texts.get(page.language, {}).get("glossary_more", "")
        super().run(root)


class GlossaryExtension(DataExtension):
    DATA_FILES = "glossary.yml and ui.yml"
    OPTIONS = {
        "languages": [["sv"], "Every built language, default first: the glossary must have each"],
        "glossary_page": ["ordlista.md", "The Ordlista page's file under docs/, which each term links to"],
        "unexplained": [["ordlista.md", "kallor.md"], "Pages (files under docs/) whose words are not explained"],
    }
    PROCESSOR = PageTerms
    STEP = "treeprocessors"
    NAME = "ag_glossary"
    PRIORITY = PRIORITY


def makeExtension(**kwargs: object) -> GlossaryExtension:
    return GlossaryExtension(**kwargs)
