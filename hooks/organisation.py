"""An organisation's own copy: name, address, logo, colours, contacts, local pages and
which upstream sections it shows, all from ONE file of its own.

The file's path is `extra.organisation_file` in mkdocs.yml, which reads the environment
variable ANHORIGGUIDEN_ORGANISATION; unset, `organisation.yml` beside mkdocs.yml is used
if it exists, else upstream's own defaults. Upstream never ships an `organisation.yml`, so
a copy that keeps one in its clone pulls upstream without merging.

Events (each language's build runs them all, but on_startup):
- on_startup: notes whether this is `mkdocs serve`, whose own address must stay.
- on_config (priority -50, before mkdocs-static-i18n at -100, which reads `site_url` to
  build the language switcher's links): loads and validates the file
  (organisation_schema.py), sets `site_url`, the logo and the colour stylesheet, adds the
  file and the local pages to what `mkdocs serve` watches, and publishes the result as
  `config.extra["organisation"]` for the other hooks and templates.
- on_pre_build: `site_name` in this language (after i18n's per-language override).
- on_files (priority -250, after i18n and after the hooks that generate pages): the logo
  and colour stylesheet as generated files; hidden sections' pages, generated ones too,
  excluded; local pages added under /lokalt/ (i18n_pages.py).
- on_nav (priority -250, likewise): hidden sections pruned, local pages as a section.
- on_page_content: links into a hidden section become plain text, not dead links.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from urllib.parse import urljoin, urlsplit

from anhorigguiden.guide_data import GuideError, Problem
from anhorigguiden.i18n_pages import add_pages, link_alternates, page_file
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from anhorigguiden.organisation_schema import LOCAL_FOLDER, RESERVED_FOLDERS, SECTION, Organisation
from anhorigguiden.registry import registry_for
from anhorigguiden.site_languages import languages
from anhorigguiden.template_cache import theme_env

DEFAULT_FILE = "organisation.yml"
STYLESHEET = "assets/stylesheets/organisation.css"
STYLESHEET_TEMPLATE = "partials/organisation-colours.html"
LOGO_FOLDER = "assets/organisation"


def organisation_path(config: MkDocsConfig) -> Path | None:
    """The organisation file to use, or None for upstream's own site.

    Relative paths are read from the folder of mkdocs.yml, where `make` runs.
    """
    base = Path(config.config_file_path or ".").resolve().parent
    configured = config.extra.get("organisation_file")
    if configured:
        return (base / str(configured)).resolve()
    default = base / DEFAULT_FILE
    return default if default.is_file() else None


def upstream_sections(config: MkDocsConfig) -> list[str]:
    """The sections an organisation may show or hide: docs/'s top-level folders with pages."""
    docs = Path(config.docs_dir)
    return sorted(
        d.name
        for d in docs.iterdir()
        if d.is_dir() and d.name not in RESERVED_FOLDERS and not d.name.startswith(".") and any(d.rglob("*.md"))
    )


_serving = False
_hidden: set[str] = set()  # this build's hidden sections, set in on_config


def on_startup(*, command: str, dirty: bool) -> None:
    global _serving
    # `mkdocs serve` mounts the site at the path of mkdocs.yml's site_url before any hook
    # runs, and sets site_url to its own address: the organisation's must not replace it.
    _serving = command == "serve"


@event_priority(-50)  # before mkdocs-static-i18n, which reads site_url for its links
def on_config(config: MkDocsConfig) -> None:
    global _hidden
    path = organisation_path(config)
    sections = upstream_sections(config)
    _reject_reserved_folders(config)
    if path is None:
        organisation = Organisation()
    else:
        organisation = registry_for(config).organisation(path, sections=sections)
    config.extra["organisation"] = organisation
    _hidden = set(sections) - set(organisation.sections) if organisation.sections is not None else set()
    if path is not None:
        # `mkdocs serve` rebuilds when the organisation's file, logo or pages change.
        for watched in (path, organisation.local_pages):
            if watched is not None and str(watched) not in config.watch:
                config.watch.append(str(watched))
    if organisation.site_url and not _serving:
        config.site_url = organisation.site_url
    if organisation.logo:
        config.theme["logo"] = f"{LOGO_FOLDER}/logo{organisation.logo.suffix.lower()}"
    if organisation.source is not None and STYLESHEET not in config.extra_css:
        # After anhorigguiden.css, so that the organisation's colours win.
        config.extra_css.append(STYLESHEET)


def on_pre_build(config: MkDocsConfig) -> None:
    organisation: Organisation = config.extra["organisation"]
    if organisation.name:
        config.site_name = organisation.text(organisation.name, languages(config).current)


# After i18n (-100) and the hooks that generate pages in sections (-150, -200), so that
# hiding a section also hides the pages other hooks generate in it (Källor, -300, is in none).
@event_priority(-250)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    organisation: Organisation = config.extra["organisation"]
    if organisation.source is None:
        return files
    env = theme_env(config)
    css = env.get_template(STYLESHEET_TEMPLATE).render(colours=organisation.colours, source=organisation.source.name)
    _replace(files, File.generated(config, STYLESHEET, content=css))
    if organisation.logo:
        _replace(files, File.generated(config, config.theme["logo"], abs_src_path=str(organisation.logo)))
    hidden = _hidden
    for file in files.documentation_pages(inclusion=lambda _: True):
        if PurePosixPath(file.src_uri).parts[0] in hidden:
            file.inclusion = InclusionLevel.EXCLUDED
    if hidden and config.nav:
        # Out of `nav` too: MkDocs would otherwise make a page object for every excluded
        # page that `nav` names, and hooks adding to the nav would find it there.
        config.nav = _prune_config_nav(config.nav, hidden)
    if organisation.local_pages:
        add_pages(config, files, local_pages(config, organisation.local_pages))
    return files


def local_pages(config: MkDocsConfig, folder: Path) -> list[File]:
    """This language's version of each local page; the default language's file stands in
    for a page not yet translated, as upstream's pages do (fallback_to_default)."""
    langs = languages(config)
    by_page: dict[str, dict[str, Path]] = {}
    for path in sorted(folder.rglob("*.md")):
        relative = path.relative_to(folder).as_posix()
        stem, _, suffix = relative[: -len(".md")].rpartition(".")
        language = suffix if stem and suffix in langs.configured else langs.default
        norm = f"{stem}.md" if stem and suffix in langs.configured else relative
        by_page.setdefault(norm, {})[language] = path
    pages = []
    for norm, versions in by_page.items():
        built = {}
        for language in langs.built:
            written_in = language if language in versions else langs.default
            if written_in not in versions:
                continue  # a page only in another language, as upstream: not in this build
            source = versions[written_in]
            src = f"{LOCAL_FOLDER}/{source.relative_to(folder).as_posix()}"
            built[language] = page_file(
                config,
                src_uri=src,
                norm_uri=f"{LOCAL_FOLDER}/{norm}",
                language=language,
                written_in=written_in,
                abs_src_path=str(source),
            )
        link_alternates(built)
        if langs.current in built:
            pages.append(built[langs.current])
    return pages


@event_priority(-250)  # after i18n (-100) and the hooks that add to the nav (-200)
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    organisation: Organisation = config.extra["organisation"]
    if organisation.source is None:
        return nav
    items = _prune(nav.items)
    local = [f.page for f in files.documentation_pages() if f.src_uri.startswith(f"{LOCAL_FOLDER}/") and f.page is not None]
    if local and organisation.local_title:
        # The folder's index page first: Material shows it as the section's own page.
        local.sort(key=lambda page: (page.file.name != "index", page.file.src_uri))
        section = Section(organisation.text(organisation.local_title, languages(config).current), local)
        # Right after the start page: what is near the reader matters most.
        items.insert(1 if items and not getattr(items[0], "is_section", False) else 0, section)
    nav.items, nav.pages = items, _pages(items)
    _link(nav.items, nav.pages)
    return nav


@event_priority(0)  # after training_paths.py (10) appended its links, so that hidden ones are unlinked too
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    hidden = _hidden
    if not hidden or not any(f"{name}/" in html for name in hidden):
        return html
    from bs4 import BeautifulSoup  # here: only a copy that hides a section needs it, and it is slow to import

    soup = BeautifulSoup(html, "html.parser")
    changed = False
    here = "/" + page.url
    folder = languages(config).folder(languages(config).current)
    for link in soup.find_all("a", href=True):
        href = link["href"]
        if urlsplit(href).scheme or href.startswith(("#", "//")):
            continue
        path = urlsplit(urljoin(here, href)).path.lstrip("/")
        if folder and path.startswith(folder):
            path = path[len(folder):]
        if path.split("/", 1)[0] in hidden:
            link.unwrap()  # keep the words, drop the way to a page this copy does not have
            changed = True
    return str(soup) if changed else html


# Helpers --------------------------------------------------------------------------------

def _replace(files: Files, file: File) -> None:
    old = files.get_file_from_path(file.src_uri)
    if old is not None:
        files.remove(old)
    files.append(file)


def _prune_config_nav(entries: list, hidden: set[str]) -> list:
    """mkdocs.yml's `nav` without the entries of hidden sections (idempotent: each
    language's build runs it on the same config)."""
    kept = []
    for entry in entries:
        value = next(iter(entry.values())) if isinstance(entry, dict) and len(entry) == 1 else entry
        if isinstance(value, list):
            children = _prune_config_nav(value, hidden)
            if children:
                kept.append({next(iter(entry)): children} if isinstance(entry, dict) else children)
        elif isinstance(value, str) and "://" not in value and PurePosixPath(value).parts[0] in hidden:
            continue
        else:
            kept.append(entry)
    return kept


def _prune(items: list) -> list:
    """The navigation without excluded pages, and without sections left empty."""
    kept = []
    for item in items:
        if isinstance(item, Page):
            if item.file.inclusion.is_excluded():
                continue
        elif getattr(item, "is_section", False):
            item.children = _prune(item.children)
            if not item.children:
                continue
        kept.append(item)
    return kept


def _pages(items: list) -> list[Page]:
    pages = []
    for item in items:
        if isinstance(item, Page):
            pages.append(item)
        elif getattr(item, "is_section", False):
            pages += _pages(item.children)
    return pages


def _link(items: list, pages: list[Page], parent: Section | None = None) -> None:
    """Parents and previous/next links, as MkDocs' get_navigation sets them."""
    for item in items:
        item.parent = parent
        if getattr(item, "is_section", False):
            _link(item.children, [], item)
    bookended = [None, *pages, None]
    for before, page, after in zip(bookended[:-2], pages, bookended[2:]):
        page.previous_page, page.next_page = before, after


def _reject_reserved_folders(config: MkDocsConfig) -> None:
    """An organisation's local pages live at /lokalt/: upstream must not use that folder."""
    local = Path(config.docs_dir) / LOCAL_FOLDER
    if local.exists():
        raise GuideError(
            f"docs/{LOCAL_FOLDER}",
            [Problem("(folder)", f"a folder docs/{LOCAL_FOLDER}", f"no folder called '{LOCAL_FOLDER}' in docs/: the build puts an organisation's local pages there", f"rename docs/{LOCAL_FOLDER}")],
            SECTION,
        )
