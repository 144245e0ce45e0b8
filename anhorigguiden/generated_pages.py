"""Pages generated from the registries (the Källor and Ordlista pages), in every language.

Hooks/sources_page.py and hooks/glossary.py call `add_generated_page`
from their on_files, after mkdocs-static-i18n (priority -100) has chosen this language's
files. The page is held in memory (nothing is written into docs/) and shaped like i18n's
own pages by i18n_pages.py: its URL in the language's folder (/en/kallor/), its locale,
its alternates for the language switcher, and its place in sitemap.xml.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import yaml
from anhorigguiden.guide_data import AUDIENCES, GuideError, Problem, build_day, describe, future_date_problem
from anhorigguiden.i18n_pages import add_pages, link_alternates, page_file
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from anhorigguiden.site_languages import languages

# Generated pages list what the whole guide uses: they are for every reader.


def add_generated_page(files: Files, config: MkDocsConfig, src_uri: str, content: str) -> File:
    """Add the page at `src_uri` (e.g. 'kallor.md') to this language's build.

    The page is in `nav:` of mkdocs.yml like any other; the other languages' versions are
    only created for their URLs, which the language switcher links to.
    """
    langs = languages(config)
    versions = {
        lang: page_file(config, src_uri=src_uri, norm_uri=src_uri, language=lang, content=content, inclusion=InclusionLevel.UNDEFINED)
        for lang in langs.built
    }
    link_alternates(versions)
    add_pages(config, files, [versions[langs.current]])
    return versions[langs.current]


def move_last(files: Files, file: File) -> None:
    """Put a page after every other: MkDocs reads pages in the order of `files`."""
    files.remove(file)
    files.append(file)


# Material's per-page search boost for generated reference pages (1 is a plain page; guide
# pages have 2, docs/guider/.meta.yml). Small on purpose: lunr multiplies it into every
# match, and an Ordlista entry's heading is the very word searched for (a title match
# weighs 1000 times a text match), so anything less would still put the glossary above
# the guide page that answers the question. Found when nothing else has the word.
REFERENCE_SEARCH_BOOST = 0.00005


def front_matter(title: str, description: str, reviewed: dt.date) -> str:
    """A generated page's front matter: it passes the same schema as authored pages."""
    meta = {
        "title": title,
        "description": description,
        "audience": list(AUDIENCES),
        "reviewed": reviewed,
        "sources": [],
        # Reference pages (Ordlista, Källor) rank below the pages that answer a question.
        "search": {"boost": REFERENCE_SEARCH_BOOST},
    }
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n"


def reviewed_date(value: Any, key: str, section: str) -> dt.date:
    """A generated page's review date, from mkdocs.yml `extra` (the day its registry was checked)."""
    name = key.split(".")[-1]
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        future = future_date_problem(key, value, today=build_day(), fix=f"set '{name}:' to the day the registry was last checked, today at the latest")
        if future:
            raise GuideError("mkdocs.yml", [future], section)
        return value
    raise GuideError(
        "mkdocs.yml",
        [
            Problem(
                key,
                describe(value) if value is not None else "nothing (the key is missing)",
                "a date written YYYY-MM-DD, without quotes",
                f"set '{name}:' under 'extra:' to the day the registry was last checked, e.g. '{name}: 2026-11-22'",
            )
        ],
        section,
    )
