"""The "who to call" block near the top of the start page and of every guide page.

Under the H1 (and the page tools), before the first section, so that on a phone the numbers
are on the first screen: the organisation's own contacts when its organisation file sets
them (hooks/organisation.py), then the national numbers of data/national_contacts.yml
(anhorigguiden/national_contacts.py), each a `tel:` link, and a link to the crisis page once
that page exists. The block is overrides/partials/help-contacts.html, which the theme's
`partials/content.html` writes after the H1 of the pages this hook names; its sources are
named on one small line at its end, linked to the Källor page, and are not read aloud.

The block is interface, not the page's text: it is written by the template, so it is
neither converted as Markdown nor put in the search index on every page (searching for a
number finds the crisis page and the contacts' own pages, not every guide page).

Events: on_env (once per language: the Jinja test `guide_page`, for the block and the print
button, and the global `help_contacts`: the block's texts in the reader's language, with
site URLs that the template makes relative to the page it writes).
"""

from __future__ import annotations

import re
from typing import Any

from anhorigguiden.registry import registry_for
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from anhorigguiden.site_languages import languages

CRISIS_PAGE = "guider/om-det-ar-akut.md"
SOURCES_PAGE = "kallor.md"
# The start page and the guide for relatives, in any language (index.en.md, guider/x.ar.md).
_PAGES = re.compile(r"^(index|guider/[^/]+)(\.[a-z]{2})?\.md$")


def applies_to(src_uri: str) -> bool:
    return bool(_PAGES.match(src_uri))


def on_env(env: Any, *, config: MkDocsConfig, files: Files) -> Any:
    # `src_uri is guide_page` in templates: the pages with this block, which also get the
    # print button (overrides/partials/actions.html).
    env.tests["guide_page"] = applies_to
    env.globals["help_contacts"] = block(config, files)
    return env


def block(config: MkDocsConfig, files: Files) -> dict[str, Any]:
    """What the block says in this build's language. The reader's language also on a page
    shown in Swedish because it has no translation: the numbers are what a reader in need
    looks for, and the block is interface, not text."""
    registry = registry_for(config)
    language = languages(config).current
    organisation = config.extra.get("organisation")
    national = [contact.in_language(language) for contact in registry.national_contacts]
    sources_page = files.get_file_from_path(SOURCES_PAGE)
    crisis_page = files.get_file_from_path(CRISIS_PAGE)
    return {
        "local": organisation.contacts_in(language) if organisation is not None else [],
        "organisation_name": organisation.organisation_name(language) if organisation is not None else None,
        "national": national,
        "sources": [
            {
                "name": registry.references.sources[key].citation_name(language),
                "url": sources_page.url if sources_page else None,
                "anchor": key,
            }
            for key in dict.fromkeys(contact["source"] for contact in national)
        ],
        "crisis": {"url": crisis_page.url, "src_uri": crisis_page.src_uri} if crisis_page else None,
    }
