"""What every page offers under its title: a notice when the page is shown in another
language than the reader's, the link between a page and its easy-to-read version, and the
read-aloud button.

A guide page names its easy-to-read (lättläst) version with `easy_read:` and the
easy-to-read page names its guide page with `standard:`, both as paths under `docs/` (as in
`nav:`). A path that leads to no page, or a pair that does not point both ways, stops the
build. The block is `overrides/partials/page-tools.html`, which the theme's
`partials/content.html` puts right after the page's H1 when it writes the page, so that it
is read after the title and before the text, also by readers who use the skip link (it
leads to the H1). Being template and not Markdown, it is not converted, searched or checked
again on every page. The read-aloud button is rendered `hidden`;
docs/assets/javascripts/read-aloud.js shows it where the browser has a voice for the page's
language.

This hook only checks the front-matter keys and gives the template, once per language,
each page's link to its other version (`page_pairs`: src_uri -> kind and site URL; the
template makes the URL relative to the page it writes).

Events: on_env (every language's build, after all pages are read: each named page exists,
and in the default language each pair points both ways; then the template global
`page_pairs`).
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any

from anhorigguiden.guide_data import GuideError, Problem
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from anhorigguiden.site_languages import languages

SECTION = "Easy-to-read pages"
PAIR = {"easy_read": "standard", "standard": "easy_read"}  # a key and the key that answers it


def on_env(env: Any, *, config: MkDocsConfig, files: Files) -> Any:
    pages = {file.src_uri: file.page for file in files.documentation_pages() if file.page is not None}
    problems: list[GuideError] = []
    pairs: dict[str, dict[str, str]] = {}
    for src_uri, page in pages.items():
        try:
            link = _pair_link(page, files)
        except GuideError as problem:
            problems.append(problem)
            continue
        if link is not None:
            pairs[src_uri] = link
    langs = languages(config)
    if langs.current == langs.default:  # translated pages do not repeat the keys: the pairs are the default language's
        problems += _one_way_pairs(pages)
    if problems:
        raise PluginError("\n".join(str(problem) for problem in problems))  # every page at once
    env.globals["page_pairs"] = pairs
    return env


def _one_way_pairs(pages: dict[str, Page]) -> list[GuideError]:
    """A page that names another whose key does not name it back."""
    problems = []
    for src_uri, page in pages.items():
        for key, answer in PAIR.items():
            target = page.meta.get(key)
            if not target or target not in pages:
                continue  # a missing target is reported by _pair_link
            back = pages[target].meta.get(answer)
            if back != src_uri:
                problems.append(
                    GuideError(
                        src_uri,
                        [
                            Problem(
                                key,
                                f"'{target}', whose '{answer}:' is {repr(back) if back else 'missing'}",
                                f"two pages that name each other: '{key}: {target}' here and '{answer}: {src_uri}' there",
                                f"add '{answer}: {src_uri}' to the front matter of docs/{target}, or correct '{key}:' here",
                            )
                        ],
                        SECTION,
                    )
                )
    return problems


def _pair_link(page: Page, files: Files) -> dict[str, str] | None:
    """The page's other version, if its front matter names one: its kind and site URL."""
    keys = [key for key in PAIR if page.meta.get(key)]
    if not keys:
        return None
    if len(keys) > 1:
        raise GuideError(
            page.file.src_uri,
            [Problem("easy_read", "both 'easy_read:' and 'standard:'", "one of them", "keep 'easy_read:' on a guide page and 'standard:' on its easy-to-read page")],
            SECTION,
        )
    key = keys[0]
    target = str(page.meta[key])
    file = files.get_file_from_path(target)
    if file is None or not file.is_documentation_page() or PurePosixPath(target).is_absolute():
        raise GuideError(
            page.file.src_uri,
            [
                Problem(
                    key,
                    f"'{target}', which is not a page in docs/",
                    "the path of a Markdown page under docs/, as written in nav: (e.g. lattlast/vem-ar-anhorig.md)",
                    "correct the path, or write the page first",
                )
            ],
            SECTION,
        )
    return {"kind": key, "url": file.url}
