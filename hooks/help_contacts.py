"""The "who to call" block near the top of the start page and of every guide page.

Under the H1 (and the page tools, which hooks/page_tools.py puts right under it), before
the first section, so that on a phone the numbers are on the first screen: the
organisation's own contacts when its organisation file sets them (hooks/organisation.py),
then the national numbers of data/national_contacts.yml (anhorigguiden/national_contacts.py), each
a `tel:` link, and a link to the crisis page once that page exists. The block is
overrides/partials/help-contacts.html; its sources are named on one small line at its end,
linked to the Källor page, and are not read aloud.

Events: on_config (-200: this language's strings and the registries), on_page_markdown
(the start page and guider/* only; must run before hooks/page_tools.py), on_env
(the Jinja test `guide_page`, for the print button on the same pages).
"""

from __future__ import annotations

import re
from typing import Any

from anhorigguiden import national_contacts
from anhorigguiden import references
from anhorigguiden.registry import registry_for
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from anhorigguiden.partials import Partial
from anhorigguiden.markers import insert_after_h1
from anhorigguiden.site_languages import languages, page_language
from anhorigguiden.text_direction import direction

TEMPLATE = "partials/help-contacts.html"
CRISIS_PAGE = "guider/om-det-ar-akut.md"
SOURCES_PAGE = "kallor.md"
# The start page and the guide for relatives, in any language (index.en.md, guider/x.ar.md).
_PAGES = re.compile(r"^(index|guider/[^/]+)(\.[a-z]{2})?\.md$")

_contacts: list[national_contacts.NationalContact] = []
_sources: dict[str, references.Source] = {}
_partial = Partial(TEMPLATE)


@event_priority(-200)  # after mkdocs-static-i18n has set up this language's build
def on_config(config: MkDocsConfig) -> None:
    global _contacts, _sources
    registry = registry_for(config)
    _sources = registry.references.sources
    _contacts = registry.national_contacts
    _partial.start_build(config)  # this build's template folders and interface texts


def applies_to(src_uri: str) -> bool:
    return bool(_PAGES.match(src_uri))


@event_priority(2)  # before page_tools.py (0) puts its tools above this block
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not applies_to(page.file.src_uri):
        return markdown
    # The reader's language, also on a page shown in Swedish because it has no translation:
    # the numbers are what a reader in need looks for, and the block is interface, not text.
    language = languages(config).current
    organisation = config.extra.get("organisation")
    national = [contact.in_language(language) for contact in _contacts]
    sources_page = files.get_file_from_path(SOURCES_PAGE)
    crisis_page = files.get_file_from_path(CRISIS_PAGE)
    html = render(
        config,
        ui=_partial.texts(language),
        # Inside a fallback page's lang="sv" content: marked with the reader's language.
        reader_lang=language if page_language(page, config) != language else None,
        reader_dir=direction(config, language),
        local=organisation.contacts_in(language) if organisation is not None else [],
        organisation_name=organisation.organisation_name(language) if organisation is not None else None,
        national=national,
        sources=[
            {"name": _sources[key].citation_name(language), "href": f"{sources_page.url_relative_to(page.file)}#{key}" if sources_page else None}
            for key in dict.fromkeys(contact["source"] for contact in national)
        ],
        crisis_href=crisis_page.url_relative_to(page.file) if crisis_page and crisis_page.src_uri != page.file.src_uri else None,
    )
    return insert_after_h1(markdown, html)


def render(config: MkDocsConfig, **context: Any) -> str:
    """The partial as one raw HTML block (no empty or indented lines, which Markdown would
    read as the block's end or as code)."""
    return _partial.render(config, **context)


def on_env(env: Any, *, config: MkDocsConfig, files: Files) -> Any:
    # `src_uri is guide_page` in templates: the pages with this block also get the print
    # button (overrides/partials/actions.html).
    env.tests["guide_page"] = applies_to
    return env
