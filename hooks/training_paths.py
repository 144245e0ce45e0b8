"""Training paths for staff: pages generated in memory from `data/paths/*.yml`.

For each path, in every built language (Swedish at utbildning/, English at en/utbildning/):
an overview (`utbildning/<path>/`), one page per module (`utbildning/<path>/<module>/`) and
a certificate page (`utbildning/<path>/intyg/`). A module page's Markdown is the module's
teaching text (data/paths/<path>/<module>.md), so that it goes through the same Markdown
pipeline as every page ([[fact:]] and [[source:]] markers, glossary, link checks); its links
written from docs/ ('guider/pengar.md') are made relative to the generated page here. The
objectives come before it; the questions, the optional guide page ("Läs mer") and the
reflection after it. Nothing is written into docs/. The generated pages carry ordinary front matter (checked by
hooks/front_matter.py like any page) and use the page template `training/page.html`, which
loads docs/assets/javascripts/training.js. The hand-written landing page
`utbildning/index.md` gets the list of paths at its end, and the nav lists each path's
overview right after it.

A path not translated into a built language (its `untranslated:`) is built into that
language from the default language's texts, marked as written in it (i18n_pages.py's
`written_in`), as an untranslated page is; the interface text inside the page is then in
that language too, so that the whole content has one language.

Events:
- on_config (-200, after mkdocs-static-i18n has chosen this build's language): load and
  check the paths, the sources registry and the interface text.
- on_files (-200, after i18n has rebuilt this language's files): check every module's page,
  then add this language's generated pages (shaped like i18n's own by i18n_pages.py).
- on_nav (-200, after i18n has translated the nav): put each path in the nav right after
  utbildning/index.md, when the nav has that page, as a section of its own pages (overview,
  modules, certificate), so that a module page's sidebar shows the path's modules.
- on_page_content (10, before organisation.py unlinks links into hidden sections):
  generated pages and utbildning/index.md only; appends the body rendered from
  overrides/training/*.html (HTML lives there, not here).
- on_page_context: the same pages; the settings that training.js reads.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import jinja2
import yaml
from anhorigguiden.guide_data import GuideError, Problem
from anhorigguiden.references import Source
from anhorigguiden.registry import registry_for
from anhorigguiden.i18n_pages import add_pages, link_alternates, page_file
from anhorigguiden.markdown_text import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data
from anhorigguiden.site_languages import languages, page_language
from anhorigguiden.training_data import DESCRIPTION_MAX, PAGE_LINK, SECTION, Module, TrainingPath, check_pages, option_orders
from anhorigguiden.template_cache import theme_env

FOLDER = "utbildning"
LANDING = f"{FOLDER}/index.md"
CERTIFICATE = "intyg"  # training_data.RESERVED_MODULE_IDS keeps modules out of this folder
PAGE_TEMPLATE = "training/page.html"
STORAGE_KEY = "anhorigguiden.training"
# The interface strings training.js needs (data/ui.yml), under their names without the prefix.
SCRIPT_STRINGS = (
    "training_progress",
    "training_js_choose",
    "training_js_exported",
    "training_js_imported",
    "training_js_import_bad",
    "training_js_import_bad_json",
    "training_js_import_kept",
    "training_js_try_again",
    "training_js_reset_done",
    "training_js_no_storage",
    "training_js_newer",
    "training_js_module_complete",
    "training_js_module_progress",
    "training_js_old_done",
    "training_js_not_done",
    "training_certificate_incomplete",
)
# The generated module page is utbildning/<path>/<module>/index.md: three folders below docs/.
_UP_TO_DOCS = "../../../"


@dataclass(frozen=True)
class _Generated:
    kind: str  # "path", "module" or "certificate"
    path: TrainingPath
    module: Module | None = None


# Material's per-page search boost (1 is a plain page): a training page ranks below a
# guide page with the same words (docs/guider/.meta.yml gives guide pages 2), even when
# its title has the word: Material's lunr index weighs a title match 1000 times a match in
# the text, so the ratio of boosts must be far larger than that (reference pages: 0.00005).
TRAINING_SEARCH_BOOST = 0.0001


@dataclass
class _Build:
    """Everything one language's build knows; replaced by every on_config (no accumulation)."""

    language: str
    default: str
    paths: list[TrainingPath]
    sources: dict[str, Source]  # data/sources.yml, checked (anhorigguiden/references.py)
    ui: dict[str, dict[str, str]]  # by language
    pages: dict[str, _Generated]  # by generated src_uri
    files: dict[tuple[str, str], File]  # by (path id, module id, '' for the overview or 'intyg')
    targets: dict[str, File]  # a module's `page:` -> that page's file in this language
    env: jinja2.Environment | None = None

    def written_in(self, path: TrainingPath) -> str:
        """The language of a path's pages in this build: its own, or the default's."""
        return self.language if self.language in path.languages else self.default


_build: _Build | None = None


@event_priority(-200)  # after mkdocs-static-i18n has chosen this build's language
def on_config(config: MkDocsConfig) -> None:
    global _build
    langs = languages(config)
    data = registry_for(config)
    sources = data.source_keys
    registry = data.ui
    # ui_strings.py has already checked that every key has every built language.
    ui = {lang: {key: texts[lang] for key, texts in registry.items() if isinstance(texts, dict) and lang in texts} for lang in langs.built}
    paths = data.training_paths
    _build = _Build(langs.current, langs.default, paths, sources, ui, pages={}, files={}, targets={})


@event_priority(-200)  # after mkdocs-static-i18n has rebuilt the files of this language
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    build = _current()
    build.pages, build.files, build.targets = {}, {}, {}
    for path in build.paths:
        check_pages(path, page_exists=lambda uri: _content_page(files, uri) is not None)
        for module in path.modules:
            if module.page is not None:
                build.targets[module.page] = _content_page(files, module.page)
    for path in build.paths:
        _add(files, config, build, _Generated("path", path))
        for module in path.modules:
            _add(files, config, build, _Generated("module", path, module))
        _add(files, config, build, _Generated("certificate", path))
    return files


@event_priority(-200)  # after mkdocs-static-i18n has translated the nav
def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    build = _current()
    landing = files.get_file_from_path(LANDING)
    if landing is None or landing.page is None or landing.page not in nav.pages:
        return nav
    parent = landing.page.parent
    sections, pages = [], []
    for path in build.paths:
        own = [build.files[(path.id, part)].page for part in ("", *(m.id for m in path.modules), CERTIFICATE)]
        overview = build.files[(path.id, "")]
        section = Section(title=overview.page.title or path.title[build.written_in(path)], children=own)
        # The section is named with its overview's title: in that page's language, which the
        # menu marks when it is not the reader's (hooks/translations.py, language_marks).
        section.written_in = getattr(overview, "locale", None)
        section.parent = parent
        for page in own:
            page.parent = section
        sections.append(section)
        pages.extend(own)
    siblings = parent.children if parent is not None else nav.items
    at = siblings.index(landing.page) + 1
    siblings[at:at] = sections
    at = nav.pages.index(landing.page) + 1
    nav.pages[at:at] = pages
    for number, page in enumerate(nav.pages):
        page.previous_page = nav.pages[number - 1] if number else None
        page.next_page = nav.pages[number + 1] if number + 1 < len(nav.pages) else None
    return nav


@event_priority(10)  # before organisation.py, which unlinks links into hidden sections
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    build = _current()
    entry = build.pages.get(page.file.src_uri)
    if entry is not None:
        view = _view(build, entry, page, config)
        return html + _render(config, f"training/{entry.kind}-body.html", view)
    if _is_landing(page) and build.paths:
        lang = page_language(page, config)
        paths = [_path_view(build, path, page, lang if lang in path.languages else build.default) for path in build.paths]
        return html + _render(config, "training/landing-body.html", {"ui": build.ui[lang], "paths": paths, "fill": fill})
    return html


def on_page_context(context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    build = _current()
    entry = build.pages.get(page.file.src_uri)
    if entry is None and not (_is_landing(page) and build.paths):
        return context
    paths = [entry.path] if entry is not None else build.paths
    ui = build.ui[page_language(page, config)]
    context["training_config"] = {
        "storageKey": STORAGE_KEY,
        "kind": entry.kind if entry is not None else "landing",
        "path": entry.path.id if entry is not None else None,
        "module": entry.module.id if entry is not None and entry.module is not None else None,
        "paths": [{"id": path.id, "edition": path.edition, "modules": [{"id": module.id, "questions": len(module.questions)} for module in path.modules]} for path in paths],
        "strings": {key.removeprefix("training_js_").removeprefix("training_"): ui[key] for key in SCRIPT_STRINGS},
    }
    return context


# Generating the pages.


def _part(entry: _Generated) -> str:
    """The page's folder under the path: '' (overview), a module's id, or 'intyg'."""
    return entry.module.id if entry.module is not None else ("" if entry.kind == "path" else CERTIFICATE)


def _add(files: Files, config: MkDocsConfig, build: _Build, entry: _Generated) -> None:
    """Add one generated page to this language's build, shaped by i18n_pages.py like
    mkdocs-static-i18n's own pages (URL under the language's folder, alternates, sitemap)."""
    part = _part(entry)
    src_uri = "/".join(filter(None, (FOLDER, entry.path.id, part, "index.md")))
    langs = languages(config)
    written_in = build.written_in(entry.path)
    # The same text in every language run whose page is written in `written_in`: made once.
    content = registry_for(config).derived(f"training page source: {src_uri} in {written_in}", lambda: _front_matter(build, entry, written_in))
    versions = {
        lang: page_file(
            config,
            src_uri=src_uri,
            norm_uri=src_uri,
            language=lang,
            written_in=lang if lang in entry.path.languages else build.default,
            content=content,
        )
        for lang in langs.built
    }
    link_alternates(versions)
    file = versions[langs.current]
    taken = next((f for f in files if f.dest_uri == file.dest_uri), None)
    if taken is not None:
        raise GuideError(
            entry.path.file,
            [Problem("id", f"{entry.path.id!r}, whose page /{file.url} is also the address of docs/{taken.src_uri}", f"no hand-written page under docs/{FOLDER}/{entry.path.id}/", f"move or rename docs/{taken.src_uri}, or give the path another id (and rename its file)")],
            SECTION,
        )
    add_pages(config, files, [file])
    build.pages[file.src_uri] = entry
    build.files[(entry.path.id, part)] = file


def _front_matter(build: _Build, entry: _Generated, lang: str) -> str:
    path, ui = entry.path, build.ui[lang]
    body = ""
    if entry.kind == "path":
        title, description, sources = path.title[lang], path.description[lang], path.sources
    elif entry.kind == "module":
        module = entry.module
        number = path.modules.index(module) + 1
        title, sources = module.title[lang], module.sources
        description = fill(ui["training_module_description"], number=number, total=len(path.modules), path=path.title[lang], module=module.title[lang])
        _check_length(description, path, f"modules[{number}].title", "the module's title")
        body = _module_markdown(ui, path, module, number, lang)
    else:
        title = fill(ui["training_certificate_title"], path=path.title[lang])
        description, sources = fill(ui["training_certificate_description"], path=path.title[lang]), []
        _check_length(description, path, "title", "the path's title")
    meta = {
        "title": title,
        "description": description,
        "audience": [path.audience],
        "reviewed": path.reviewed,
        "sources": sources,
        "template": PAGE_TEMPLATE,
        "hide": ["toc"],
        # Search: below the guide's own pages, which answer the relatives' questions; a
        # certificate is a form to print, not an answer to anything searched for.
        "search": {"exclude": True} if entry.kind == "certificate" else {"boost": TRAINING_SEARCH_BOOST},
    }
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n" + body


def _module_markdown(ui: dict[str, str], path: TrainingPath, module: Module, number: int, lang: str) -> str:
    """The module page's Markdown: title, place and time, objectives, then the teaching text.
    Written as Markdown (escaped) so that the page tools come after its H1, as on every
    page (partials/content.html), and MkDocs checks the link to the overview like any link."""
    position = " · ".join(
        (
            f"**{escape(fill(ui['training_module_of'], number=number, total=len(path.modules)))}**",
            f"{escape(ui['training_part_of'])} [{escape(path.title[lang])}](../index.md)",
            f"{escape(ui['training_time'])}: {escape(fill(ui['training_minutes'], minutes=module.minutes))}",
        )
    )
    objectives = "\n".join(f"- {escape(item)}" for item in module.objectives[lang])
    return (
        f"# {escape(module.title[lang])}\n\n{position}\n{{: .ag-training-position data-search-exclude=\"interface\" }}\n\n"
        f"## {escape(ui['training_objectives'])} {{#ag-objectives}}\n\n{objectives}\n\n"
        + _relative_links(module.teaching[lang])
    )


def _relative_links(markdown: str) -> str:
    """Links written from docs/ ('guider/pengar.md'), made relative to the module's page so
    that MkDocs resolves them to the reader's language and checks them like any link."""
    return PAGE_LINK.sub(lambda m: m.group(0).replace("(" + m.group(1), "(" + _UP_TO_DOCS + m.group(1), 1), markdown)


class _Blank(dict):
    """Placeholders a text does not have are shown as written, not raised as KeyError."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill(text: str, **values: Any) -> str:
    """An interface text with its {placeholders} filled in. A typo in data/ui.yml (an unknown
    or malformed placeholder) leaves the text as written instead of failing the build."""
    try:
        return text.format_map(_Blank(values))
    except (ValueError, IndexError, AttributeError):
        return text


def _check_length(description: str, path: TrainingPath, key: str, what: str) -> None:
    if len(description) > DESCRIPTION_MAX:
        raise GuideError(
            path.file,
            [Problem(key, f"a title that makes the generated page description {len(description)} characters long", f"a description of at most {DESCRIPTION_MAX} characters", f"shorten {what}")],
            SECTION,
        )


# Rendering.


def _render(config: MkDocsConfig, template: str, context: dict[str, Any]) -> str:
    build = _current()
    if build.env is None:
        build.env = theme_env(config)
    return build.env.get_template(template).render(**context)


def _view(build: _Build, entry: _Generated, page: Page, config: MkDocsConfig) -> dict[str, Any]:
    lang = build.written_in(entry.path)
    path = _path_view(build, entry.path, page, lang)
    view: dict[str, Any] = {"ui": build.ui[lang], "path": path, "site_name": config.site_name, "fill": fill}
    if entry.kind == "module":
        number = entry.path.modules.index(entry.module) + 1
        view["module"] = _module_view(build, entry.path, entry.module, number, page, lang)
        view["previous"] = path["modules"][number - 2] if number > 1 else None
        view["next"] = path["modules"][number] if number < len(path["modules"]) else None
    return view


def _path_view(build: _Build, path: TrainingPath, page: Page, lang: str) -> dict[str, Any]:
    def href(part: str = "") -> str:
        return build.files[(path.id, part)].url_relative_to(page.file)

    return {
        "id": path.id,
        "title": path.title[lang],
        "description": path.description[lang],
        "role": path.role[lang],
        "minutes": path.minutes,
        "edition": path.edition,
        "objectives": path.objectives[lang],
        "url": href(),
        "certificate_url": href(CERTIFICATE),
        "modules": [
            {"id": module.id, "number": number, "title": module.title[lang], "url": href(module.id), "minutes": module.minutes}
            for number, module in enumerate(path.modules, start=1)
        ],
    }


def _module_view(build: _Build, path: TrainingPath, module: Module, number: int, page: Page, lang: str) -> dict[str, Any]:
    orders = option_orders(path)
    read = None
    if module.page is not None:
        target = build.targets[module.page]
        _, target_meta = get_data(target.content_string)
        # The page may be a translation when the path is not (an Arabic guide page).
        read = {"title": target_meta.get("title") or module.title[lang], "url": target.url_relative_to(page.file), "lang": getattr(target, "locale", lang)}
    return {
        "id": module.id,
        "number": number,
        "total": len(path.modules),
        "title": module.title[lang],
        "minutes": module.minutes,
        "objectives": module.objectives[lang],
        "reflection": module.reflection[lang],
        "read": read,
        "questions": [
            {
                "number": q_number,
                "id": f"ag-q{q_number}",
                "text": question.text[lang],
                # Not in the order written: the right option was first in every question, so
                # always choosing the first option passed, and a certificate that the first
                # option always passes proves nothing. option_orders (training_data.py) makes
                # the order from the ids alone: the same in every build and language. An
                # option keeps its value, id and feedback (its number in the file), so that
                # the feedback, the "Visa rätt svar" text and the answers at the end follow
                # it; saved progress counts questions, not options.
                "options": [
                    {
                        "id": f"ag-q{q_number}-{place + 1}",
                        "value": str(place + 1),
                        "text": question.options[place].text[lang],
                        "correct": question.options[place].correct,
                        "feedback": question.options[place].feedback[lang],
                    }
                    for place in orders[(module.id, q_number)]
                ],
                "source": _citation(build, question.source, lang),
            }
            for q_number, question in enumerate(module.questions, start=1)
        ],
    }


def _citation(build: _Build, key: str, lang: str) -> dict[str, str | None]:
    source = build.sources.get(key)
    if source is None:
        return {"publisher": None, "title": None, "kind": None, "reference": None}
    kind = source.kind.get(lang) or source.kind.get(build.default)
    return {"publisher": source.publisher, "title": source.title, "kind": kind, "reference": source.reference}


# Helpers.


def _current() -> _Build:
    if _build is None:  # on_config always runs first; this only guards a misconfiguration
        raise GuideError("mkdocs.yml", [Problem("hooks", "training_paths.py without its on_config", "the hook listed in 'hooks:'", "list hooks/training_paths.py under 'hooks:'")], SECTION)
    return _build


def _content_page(files: Files, uri: str) -> File | None:
    file = files.get_file_from_path(uri)
    return file if file is not None and file.is_documentation_page() else None


def _is_landing(page: Page) -> bool:
    return getattr(page.file, "norm_src_uri", page.file.src_uri) == LANDING
