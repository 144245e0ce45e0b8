"""Pages that a hook adds to one language's build, shaped like mkdocs-static-i18n's own.

Not a hook (mkdocs.yml does not list it). mkdocs-static-i18n (on_files, priority -100)
only handles pages inside `docs_dir`: it rebuilds each File from `docs_dir` and its path,
so a page read from elsewhere (an organisation's local pages) or held in memory (the
accessibility statement) would be dropped or warned about. Hooks therefore add such pages
after it (priority -150), one language at a time, with the attributes it gives its own
files: the URL under the language's folder, `locale`, and `alternates` (the same page in
the other languages, which the language switcher and sitemap.xml read).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import PurePosixPath

from anhorigguiden.guide_data import GuideError, Problem
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from anhorigguiden.site_languages import languages


def folder(config: MkDocsConfig, language: str) -> str:
    """The URL folder of a language: '' for the default language, 'en/' for English."""
    return languages(config).folder(language)


def page_file(
    config: MkDocsConfig,
    *,
    src_uri: str,
    norm_uri: str,
    language: str,
    written_in: str | None = None,
    content: str | None = None,
    abs_src_path: str | None = None,
    inclusion: InclusionLevel = InclusionLevel.NOT_IN_NAV,
) -> File:
    """A page of `language`'s build at `norm_uri` (e.g. 'lokalt/index.md' becomes
    /lokalt/ or /en/lokalt/), read from `abs_src_path` or holding `content`.

    `written_in` is the language of the text, when a page falls back to the default
    language's file. NOT_IN_NAV by default: the hook places the page in the navigation
    itself (MkDocs would otherwise warn that it is missing from `nav`).
    """
    if content is not None:
        file = File.generated(config, src_uri, content=content, inclusion=inclusion)
    else:
        file = File.generated(config, src_uri, abs_src_path=abs_src_path or "", inclusion=inclusion)
    plain = File(norm_uri, None, config.site_dir, config.use_directory_urls)
    file.dest_uri = folder(config, language) + plain.dest_uri
    file.name = plain.name  # 'index', not 'index.en': Material's section index pages need it
    file.locale = written_in or language
    file.localization = None if written_in and written_in != language else language
    file.locale_alternate_of = language
    file.norm_src_uri = norm_uri
    file.alternates = {language: file}
    return file


def link_alternates(versions: Mapping[str, File]) -> None:
    """Let each language's version of one page know the others (language switcher)."""
    for file in versions.values():
        file.alternates = dict(versions)


def add_pages(config: MkDocsConfig, files: Files, pages: list[File]) -> None:
    """Add pages to this build, refusing to hide an upstream page at the same URL."""
    taken = {f.dest_uri: f for f in files}
    for page in pages:
        if page.dest_uri in taken:
            other = taken[page.dest_uri]
            raise GuideError(
                str(PurePosixPath(page.src_uri)),
                [Problem("(page address)", f"/{page.url} is also the address of {other.src_uri}", "one page per address", f"rename {other.src_uri} or the added page")],
                "Organisation",
            )
        files.append(page)
    # mkdocs-static-i18n recorded this language's pages for sitemap.xml before we ran.
    i18n = config.plugins.get("i18n")
    if i18n is not None and hasattr(i18n, "i18n_files_per_language"):
        i18n.i18n_files_per_language[i18n.current_language] = files.documentation_pages()
