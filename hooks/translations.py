"""Every page in every built language: translated, or marked as not translated on purpose.

mkdocs-static-i18n's `fallback_to_default` silently builds a page that has no translation
from its Swedish file. Here that is a decision: a page without `page.<lang>.md` for a
built language fails the build, unless its front matter (or its folder's `.meta.yml`)
lists the language under `untranslated:`. A marked page is built into that language's
site from its Swedish file: its text is marked with the language it is written in
(`lang="sv"` around the content in overrides/main.html, so that screen readers switch
voice) while the menus stay in the reader's language, and overrides/partials/page-tools.html
puts a notice under its title (`translation_fallback`, set here in on_page_context).

What it checks: the Markdown files in `docs/`. Pages that hooks add (Källor, Ordlista,
training paths, an organisation's own pages) have no source file there; the hooks that add
them choose their languages (see anhorigguiden/i18n_pages.py).

Events: on_config (-200, this build's languages), on_page_markdown (every page, after
hooks/front_matter.py has checked `untranslated:`), on_env (default language's build
only: every missing translation of every language, reported at once; and in every build, the
Jinja filter `language_marks` for the menu and footer), on_page_context
(tells overrides/main.html which language a fallback page is written in, and the table of
contents which headings are marked with another language).
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import Any

from markupsafe import Markup

from anhorigguiden.guide_data import GuideError, Problem
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from anhorigguiden.site_languages import Languages, languages, page_language
from anhorigguiden.text_direction import direction, heading_languages, language_attributes

SECTION = "Languages and translations"
KEY = "untranslated"

_problems: list[GuideError] = []


@event_priority(-200)  # after mkdocs-static-i18n has chosen this build's language
def on_config(config: MkDocsConfig) -> None:
    global _problems
    _problems = []  # one list per language build


@event_priority(25)  # after front_matter.py (30) has checked `untranslated:`
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    langs = languages(config)
    marked = page.meta.get(KEY) or []
    _check_marked_languages(page, marked, langs)
    source = _docs_source(page, config)
    if source is not None and langs.current == langs.default and page_language(page, config) == langs.default:
        problems = missing_translations(Path(config.docs_dir), page.file.src_uri, marked, langs)
        if problems:
            _problems.append(GuideError(page.file.src_uri, problems, SECTION))
    return markdown


def on_env(env: Any, *, config: MkDocsConfig, files: Files) -> Any:
    if _problems:
        raise PluginError("\n".join(str(problem) for problem in _problems))
    # `page | language_marks` in the menu and the footer (overrides/partials/nav-item.html,
    # footer.html): the attributes that mark a page's title as written in another language.
    current = languages(config).current
    env.filters["language_marks"] = lambda item: language_marks(item, current, config)
    return env


def language_marks(item: Any, current: str, config: MkDocsConfig) -> Markup:
    """' lang="sv" dir="ltr"' for a page written in another language than `current` (a page
    that falls back to Swedish in the Arabic site) or a section whose hook says its title is
    (`written_in`: a training path named after its Swedish overview); '' for anything else
    (a section named in mkdocs.yml's nav_translations, a link)."""
    written = getattr(item, "written_in", None) or getattr(getattr(item, "file", None), "locale", None)
    if not isinstance(written, str) or not written:
        return Markup("")
    return Markup(language_attributes(config, written, current))  # the code is escaped there


def on_page_context(context: dict[str, Any], *, page: Page, config: MkDocsConfig, **_: Any) -> dict[str, Any]:
    # Headings in another language than the page (the Källor page's source titles): their
    # entries in the table of contents are marked too (overrides/partials/toc-item.html).
    context["toc_languages"] = heading_languages(page.content or "")
    written_in = page_language(page, config)
    if written_in != languages(config).current:
        reader = languages(config).current  # the interface inside the content stays in the reader's language
        context["translation_fallback"] = {
            "lang": written_in,
            "dir": direction(config, written_in),
            "reader_lang": reader,
            "reader_dir": direction(config, reader),
        }
    return context


def translation_path(src_uri: str, language: str) -> str:
    """Where the translation of a page lives: 'guider/stod.md' -> 'guider/stod.en.md'."""
    path = PurePosixPath(src_uri)
    return str(path.with_name(f"{path.stem}.{language}{path.suffix}"))


def missing_translations(docs: Path, src_uri: str, marked: list[str], langs: Languages) -> list[Problem]:
    """The problems of one default-language page: a built language with neither a
    translation nor a mark, and a mark for a language that has a translation after all."""
    folder_meta = PurePosixPath(src_uri).parent / ".meta.yml"
    problems = []
    for language in langs.built:
        if language == langs.default:
            continue
        translation = translation_path(src_uri, language)
        exists = (docs / translation).is_file()
        if not exists and language not in marked:
            problems.append(
                Problem(
                    KEY,
                    f"no '{language}' translation (docs/{translation} does not exist)",
                    f"a translation in every built language ({', '.join(lang for lang in langs.built if lang != langs.default)}), "
                    f"or the language listed under '{KEY}:'",
                    f"write docs/{translation}; or, to show the page in the default language with a notice, "
                    f"add '{KEY}: [{language}]' to the front matter of docs/{src_uri} "
                    f"(or to docs/{folder_meta} for the whole folder)",
                )
            )
        elif exists and language in marked:
            problems.append(
                Problem(
                    KEY,
                    f"'{language}', but docs/{translation} exists",
                    "only languages that have no translation of this page",
                    f"remove '{language}' from '{KEY}:' (a folder default from .meta.yml is overridden by "
                    f"writing '{KEY}: [...]' without it in this page's front matter)",
                )
            )
    return problems


def _check_marked_languages(page: Page, marked: list[str], langs: Languages) -> None:
    allowed = [lang for lang in langs.configured if lang != langs.default]
    wrong = [lang for lang in marked if lang not in allowed]
    if wrong:
        raise GuideError(
            page.file.src_uri,
            [
                Problem(
                    KEY,
                    ", ".join(repr(lang) for lang in wrong),
                    "codes of the site's other languages: " + (", ".join(allowed) or "(none)"),
                    f"correct the code, or remove it from '{KEY}:' (the default language '{langs.default}' is never listed)",
                )
            ],
            SECTION,
        )


def _docs_source(page: Page, config: MkDocsConfig) -> Path | None:
    """The page's Markdown file, if it is one of the files in docs/."""
    path = page.file.abs_src_path
    if not path:
        return None
    source = Path(path).resolve()
    return source if source.is_relative_to(Path(config.docs_dir).resolve()) else None
