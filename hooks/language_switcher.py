"""One 404 page, in the default language, with a switcher to each language's start page.

MkDocs renders theme templates (404.html, sitemap.xml) into the site root in every
language build, so with mkdocs-static-i18n the last language's 404 page overwrites the
default language's, and its switcher points at whatever page that build left behind.
The default language's 404 page already links each language's start page; this hook
keeps it by dropping the 404 page of the other language builds (MkDocs skips a template
that renders empty).

Events: on_post_template for 404.html only.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    i18n = config.plugins.get("i18n")
    if template_name != "404.html" or i18n is None:
        return output_content
    return output_content if i18n.current_language == i18n.default_language else ""
