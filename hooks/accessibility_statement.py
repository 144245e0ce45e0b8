"""The accessibility statement (tillgänglighetsredogörelse), generated for every copy.

Each language's build gets the page /tillganglighet/ (/en/tillganglighet/ in English),
rendered from `overrides/partials/accessibility-statement.md` with the organisation's
settings (`config.extra["organisation"]`, from hooks/organisation.py) and the build date.
It is held in memory, never written into docs/, and every page's footer links to it
(`overrides/partials/copyright.html`, through `accessibility_statement_url`).

Events: on_config (priority -200: this language's interface strings), on_files (priority
-150, after mkdocs-static-i18n: adds the page), on_env (the statement's URL for the
footer of every template, also theme pages such as 404.html).
"""

from __future__ import annotations

import re
from typing import Any

from anhorigguiden.guide_data import GuideError, Problem, describe
from anhorigguiden.i18n_pages import add_pages, link_alternates, page_file
from anhorigguiden.markdown_text import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.utils import get_build_date
from anhorigguiden.organisation_schema import Organisation
from anhorigguiden.site_languages import languages, ui_texts
from anhorigguiden.template_cache import theme_env

TEMPLATE = "partials/accessibility-statement.md"
NORM_URI = "tillganglighet.md"
# The languages the template has a text in. Another built language shows the default
# language's text, marked as such, as an untranslated upstream page does.
WRITTEN_IN = ("sv", "en", "ar", "fi")
# Digg's own page for complaints under the law (lagen om tillgänglighet till digital
# offentlig service): linked unless the organisation names another (complaint_url).
DIGG_COMPLAINT_URL = "https://www.digg.se/tdosanmalan"
SECTION = "Organisation"

_ui: dict[str, dict[str, str]] = {}
_url: str | None = None


@event_priority(-200)  # after mkdocs-static-i18n has set up this language's build
def on_config(config: MkDocsConfig) -> None:
    global _ui, _url
    _ui = ui_texts(config)
    _url = None


@event_priority(-150)  # after mkdocs-static-i18n: it would drop a page held in memory
def on_files(files: Files, config: MkDocsConfig) -> Files:
    global _url
    langs = languages(config)

    def written_in(language: str) -> str:
        return language if language in WRITTEN_IN else langs.default

    versions = {
        language: page_file(
            config,
            src_uri=NORM_URI if language == langs.default else f"tillganglighet.{language}.md",
            norm_uri=NORM_URI,
            language=language,
            written_in=written_in(language),
            # Only this build's own page is rendered; the others are there for their URL.
            content=render(config, written_in(language)) if language == langs.current else "",
        )
        for language in langs.built
    }
    link_alternates(versions)
    page = versions[langs.current]
    add_pages(config, files, [page])
    _url = page.url
    return files


def render(config: MkDocsConfig, language: str) -> str:
    """The statement's Markdown in `language`, one of WRITTEN_IN."""
    organisation: Organisation = config.extra["organisation"]
    view = organisation.view(language)
    a = organisation.accessibility
    # Without a configured level: partially, since automated tests cannot show that a
    # site is fully compliant (the statement says so).
    compliance = a.compliance or "partial"
    env = theme_env(config)
    # Organisation text becomes Markdown: as written, with no links or markup of its own.
    env.filters["markdown_text"] = escape
    upstream = organisation.source is None
    return env.get_template(TEMPLATE).render(
        language=language,
        site_name=config.site_name,
        org=view,
        compliance=compliance,
        complaint_url=a.complaint_url or DIGG_COMPLAINT_URL,
        # An organisation's file must name its own report address (organisation_schema);
        # upstream's own site links an issue tracker only if mkdocs.yml names a real one.
        issue_tracker=issue_tracker(config) if upstream else None,
        build_date=get_build_date(),
        ui=_ui.get(language, {}),
    )


def issue_tracker(config: MkDocsConfig) -> str | None:
    """Upstream's report address, `extra.issue_tracker` in mkdocs.yml: an https address or
    nothing (then the statement says that this copy has no one to receive reports)."""
    value = config.extra.get("issue_tracker")
    if value in (None, ""):
        return None
    if not isinstance(value, str) or not re.match(r"^https://[^\s\"'<>]+$", value):
        raise GuideError(
            "mkdocs.yml",
            [Problem("extra.issue_tracker", describe(value), "an https:// address where anyone can report a problem", "write the address of the project's issue tracker, or remove the key")],
            SECTION,
        )
    return value


def on_env(env: Any, **_: Any) -> Any:
    """The footer's link to the statement, for every template of this language's build."""
    env.globals["accessibility_statement_url"] = _url
    return env
