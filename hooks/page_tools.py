"""What every page offers under its title: a notice when the page is shown in another
language than the reader's, the link between a page and its easy-to-read version, and the
read-aloud button.

A guide page names its easy-to-read (lättläst) version with `easy_read:` and the
easy-to-read page names its guide page with `standard:`, both as paths under `docs/` (as in
`nav:`). A path that leads to no page, or a pair that does not point both ways, stops the
build. The block is `overrides/partials/page-tools.html`, rendered in the reader's language
and placed right after the page's H1, so that it is read after the title and before the
text, also by readers who use the skip link (it leads to the H1). The read-aloud button is
rendered `hidden`; docs/assets/javascripts/read-aloud.js shows it where the browser has a
voice for the page's language.

Events: on_config (-200: this language's strings, a fresh template environment),
on_page_markdown (every page: after hooks/front_matter.py has checked the keys and made
sure there is an H1), on_env (default language's build: each pair points both ways).
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any

from anhorigguiden.guide_data import GuideError, Problem
from anhorigguiden.markers import insert_after_h1
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from anhorigguiden.partials import Partial
from anhorigguiden.site_languages import languages, page_language
from anhorigguiden.text_direction import direction

SECTION = "Easy-to-read pages"
TEMPLATE = "partials/page-tools.html"
PAIR = {"easy_read": "standard", "standard": "easy_read"}  # a key and the key that answers it


_partial = Partial(TEMPLATE)


@event_priority(-200)  # after mkdocs-static-i18n has set up this language's build
def on_config(config: MkDocsConfig) -> None:
    _partial.start_build(config)  # this build's template folders and interface texts


@event_priority(0)  # after front_matter.py (30) made sure the page has its H1
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    langs = languages(config)
    reader = langs.current
    written_in = page_language(page, config)
    ui = _partial.texts(reader)
    html = render(
        config,
        ui=ui,
        reader_lang=reader,
        reader_dir=direction(config, reader),
        fallback=written_in != reader,
        fallback_language_name=ui.get(f"language_{written_in}", written_in),
        link=_pair_link(page, files),
    )
    return insert_after_h1(markdown, html)


def on_env(env: Any, *, config: MkDocsConfig, files: Files) -> Any:
    langs = languages(config)
    if langs.current != langs.default:
        return env  # translated pages do not repeat the keys: the pairs are the default language's
    problems: list[GuideError] = []
    pages = {file.src_uri: file.page for file in files.documentation_pages() if file.page is not None}
    for src_uri, page in pages.items():
        for key, answer in PAIR.items():
            target = page.meta.get(key)
            if not target or target not in pages:
                continue  # a missing target was already reported by on_page_markdown
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
    if problems:
        raise PluginError("\n".join(str(problem) for problem in problems))  # every page at once
    return env


def render(config: MkDocsConfig, **context: Any) -> str:
    """The partial as one raw HTML block: no empty or indented lines, which would end the
    block or be read as code by Markdown."""
    return _partial.render(config, **context)



def _pair_link(page: Page, files: Files) -> dict[str, str] | None:
    """The link to the page's other version, if its front matter names one."""
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
    return {"kind": key, "url": file.url_relative_to(page.file)}
