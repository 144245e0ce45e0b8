#!/usr/bin/env python3
"""The whole guide as one printable document per language: a folder to hand out.

Reads a built site (`make build` writes site/), takes the pages in the order of the site's
navigation (each page's `<link rel="next">`), and writes for each language

    <out>/<name>-<language>.html   one self-contained HTML file (styles and images inside)
    <out>/<name>-<language>.pdf    the same, printed to A4 by headless Chromium

with a cover (the site's name, description, address and date), a table of contents, and
each page as a chapter starting on a new sheet. Links between pages become links within
the document; links to pages not in the navigation get the site's address; the print
stylesheet writes out the address of every web link.

Works from the built HTML, so every language, local page and organisation's change that
the build makes is in it. Nothing is downloaded.

Usage: scripts/print_guide.py [--site site] [--out print] [--name anhorigguiden]
                              [--language sv ...] [--no-pdf]
(`make print` builds the site first and runs this.)
"""

from __future__ import annotations

import argparse
import base64
import datetime
import mimetypes
import os
import posixpath
import sys
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

import jinja2
import material
from bs4 import BeautifulSoup, Tag

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Attributes that name other elements by id: kept pointing at them when ids get a prefix.
ID_REFERENCES = ("for", "aria-labelledby", "aria-describedby", "aria-controls", "aria-owns", "headers", "list")
# What only works on a screen.
SCREEN_ONLY = "script, noscript, button, .headerlink, .md-content__button, .md-source-file, [data-md-component=skip]"


@dataclass(frozen=True)
class Chapter:
    path: str  # the page's file, relative to the site folder (posix)
    anchor: str  # its id in the print document


def main(argv: list[str] | None = None, *, browser=None) -> int:
    """The command line; `browser`, a running Playwright browser, is for the tests."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, default=Path("site"), help="the built site (default: site)")
    parser.add_argument("--out", type=Path, default=Path("print"), help="where to write (default: print)")
    parser.add_argument("--name", default="anhorigguiden", help="file name before -<language> (default: anhorigguiden)")
    parser.add_argument("--language", action="append", help="only this language (repeatable; default: every one built)")
    parser.add_argument("--no-pdf", action="store_true", help="write the HTML only")
    args = parser.parse_args(argv)

    if not (args.site / "index.html").is_file():
        print(f"print_guide: no built site in {args.site}/: run `make build` first", file=sys.stderr)
        return 1
    languages = languages_of(args.site)
    unknown = sorted(set(args.language or []) - set(languages))
    if unknown:
        print(f"print_guide: {', '.join(unknown)} not built; the site has {', '.join(languages)}", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    written = []
    for language in args.language or list(languages):
        html_file = args.out / f"{args.name}-{language}.html"
        html_file.write_text(print_document(args.site, languages[language]), encoding="utf-8")
        written.append(html_file)
        if not args.no_pdf:
            written.append(write_pdf(html_file, html_file.with_suffix(".pdf"), browser=browser))
    for path in written:
        print(f"print_guide: wrote {path}")
    return 0


def languages_of(site: Path) -> dict[str, str]:
    """Language code -> its home page, relative to the site ('index.html', 'en/index.html')."""
    found = {}
    for home in [site / "index.html", *sorted(site.glob("*/index.html"))]:
        lang = _parse(home).html.get("lang")
        folder = home.parent.relative_to(site).as_posix()
        if folder == "." or folder == lang:
            found[lang] = home.relative_to(site).as_posix()
    return found


def guide_pages(site: Path, home: str) -> list[str]:
    """The pages of the site's navigation, in order, as files relative to the site: the chain
    of `<link rel="next">` from the home page (overrides/main.html writes it on every page
    in the navigation's order). Not the menu's links: with navigation.prune the menu lists
    only the page's own section in full."""
    pages: list[str] = []
    page: str | None = home
    while page and page not in pages and (site / page).is_file():
        pages.append(page)
        following = _parse(site / page).select_one("link[rel=next][href]")
        target = resolve(page, following["href"]) if following else None
        page = target[0] if target else None
    return pages


def resolve(page: str, href: str) -> tuple[str, str] | None:
    """(file relative to the site, fragment) of a relative link on `page`; None if not local."""
    parts = urllib.parse.urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith("/"):
        return None
    if not parts.path:
        return page, parts.fragment
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), urllib.parse.unquote(parts.path)))
    if parts.path.endswith("/") or not posixpath.splitext(target)[1]:
        target = posixpath.join(target, "index.html")
    return ("index.html" if target == "." else target), parts.fragment


def print_document(site: Path, home: str) -> str:
    """One language's whole guide as a self-contained HTML document."""
    home_soup = _parse(site / home)
    language = home_soup.html.get("lang", "en")
    site_name = home_soup.select_one("meta[property='og:site_name']")
    title = (site_name["content"] if site_name else None) or _text(home_soup.select_one(".md-header__topic .md-ellipsis")) or _text(home_soup.title)
    description = home_soup.select_one("meta[name=description]")
    canonical = home_soup.select_one("link[rel=canonical]")
    address = canonical["href"] if canonical else ""
    site_url = urllib.parse.urljoin(address, "../" * home.count("/")) if address else ""

    chapters = [Chapter(path, "p-" + path.removesuffix(".html").replace("/", "-")) for path in guide_pages(site, home)]
    by_path = {chapter.path: chapter for chapter in chapters}

    out = BeautifulSoup("<!doctype html><html><head></head><body></body></html>", "lxml")
    out.html["lang"] = language
    if home_soup.html.get("dir"):
        out.html["dir"] = home_soup.html["dir"]
    out.head.append(out.new_tag("meta", charset="utf-8"))
    out.head.append(_tag(out, "title", title))
    style = out.new_tag("style")
    style.string = "\n".join(_stylesheets(site, home, home_soup))
    out.head.append(style)
    for name, value in home_soup.body.attrs.items():
        out.body[name] = value

    article = out.new_tag("article", attrs={"class": "md-content__inner md-typeset"})
    frame = _wrap(out, article, ["md-container", "md-main", "md-main__inner md-grid", "md-content"])
    out.body.append(frame)

    cover = out.new_tag("header", attrs={"class": "ag-print-cover"})
    cover.append(_tag(out, "p", title, {"class": "ag-print-cover__title"}))
    if description and description.get("content"):
        cover.append(_tag(out, "p", description["content"]))
    if site_url:
        cover.append(_tag(out, "p", site_url))
    cover.append(_tag(out, "p", datetime.date.today().isoformat()))
    article.append(cover)

    contents = out.new_tag("nav", attrs={"class": "ag-print-contents", "aria-labelledby": "ag-print-contents"})
    contents.append(_tag(out, "h2", material_text(language, "toc"), {"id": "ag-print-contents"}))
    listing = out.new_tag("ol")
    contents.append(listing)
    article.append(contents)

    for chapter in chapters:
        page = _parse(site / chapter.path)
        content = page.select_one("article.md-content__inner")
        section = out.new_tag("section", attrs={"class": "ag-print-chapter", "id": chapter.anchor})
        if content is None:
            continue
        for element in content.select(SCREEN_ONLY):
            element.decompose()
        _relink(content, chapter, by_path, site, site_url)
        heading = content.find("h1")
        item = out.new_tag("li")
        item.append(_tag(out, "a", _text(heading) or chapter.path, {"href": f"#{chapter.anchor}"}))
        listing.append(item)
        for child in list(content.children):
            section.append(child.extract())
        article.append(section)
    return str(out)


def _relink(content: Tag, chapter: Chapter, by_path: dict[str, Chapter], site: Path, site_url: str) -> None:
    """Give the chapter's ids a prefix and point its links into the document."""
    prefix = chapter.anchor + "--"
    for element in content.find_all(id=True):
        element["id"] = prefix + element["id"]
    for attribute in ID_REFERENCES:
        for element in content.find_all(attrs={attribute: True}):
            element[attribute] = " ".join(prefix + name for name in str(element[attribute]).split())
    for link in content.find_all("a", href=True):
        target = resolve(chapter.path, link["href"])
        if target is None:
            continue  # another site, mail, telephone: the print stylesheet shows web addresses
        path, fragment = target
        if path in by_path:
            anchor = by_path[path].anchor
            link["href"] = f"#{anchor}--{fragment}" if fragment else f"#{anchor}"
        elif site_url:
            public = path.removesuffix("index.html")
            link["href"] = urllib.parse.urljoin(site_url, public) + (f"#{fragment}" if fragment else "")
        else:
            link.unwrap()
    for image in content.find_all("img", src=True):
        target = resolve(chapter.path, image["src"])
        if target and (site / target[0]).is_file():
            kind = mimetypes.guess_type(target[0])[0] or "application/octet-stream"
            data = base64.b64encode((site / target[0]).read_bytes()).decode("ascii")
            image["src"] = f"data:{kind};base64,{data}"
            image.attrs.pop("loading", None)


def _stylesheets(site: Path, home: str, soup: BeautifulSoup) -> list[str]:
    sheets = []
    for link in soup.select("link[rel~=stylesheet][href]"):
        target = resolve(home, link["href"])
        if target and (site / target[0]).is_file():
            sheets.append((site / target[0]).read_text(encoding="utf-8"))
    return sheets


def material_text(language: str, key: str) -> str:
    """One of Material's own interface texts ('toc': table of contents) in `language`."""
    templates = Path(material.__file__).parent / "templates"
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates)))
    for candidate in (language, "en"):
        try:
            text = str(environment.get_template(f"partials/languages/{candidate}.html").module.t(key)).strip()
        except jinja2.TemplateNotFound:
            continue
        if text:
            return text
    return key


def write_pdf(html_file: Path, pdf_file: Path, *, browser=None) -> Path:
    """Print `html_file` to A4 with headless Chromium, page numbers at the foot of each sheet."""
    if browser is None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            own = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"])
            try:
                return write_pdf(html_file, pdf_file, browser=own)
            finally:
                own.close()
    context = browser.new_context()
    try:
        page = context.new_page()
        # The document is self-contained: refuse anything that would leave the machine.
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(("file:", "data:")) else route.abort())
        page.goto(html_file.resolve().as_uri(), wait_until="load")
        page.emulate_media(media="print")
        page.pdf(
            path=str(pdf_file),
            format="A4",
            margin={"top": "2cm", "bottom": "2cm", "left": "1.8cm", "right": "1.8cm"},
            display_header_footer=True,
            header_template="<span></span>",
            footer_template='<div style="width:100%;font-size:9px;text-align:center"><span class="pageNumber"></span> / <span class="totalPages"></span></div>',
            outline=True,
            tagged=True,
        )
    finally:
        context.close()
    return pdf_file


def _parse(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def _text(element: Tag | None) -> str:
    return " ".join(element.get_text(" ", strip=True).split()) if element else ""


def _tag(soup: BeautifulSoup, name: str, text: str, attrs: dict | None = None) -> Tag:
    element = soup.new_tag(name, attrs=attrs or {})
    element.string = text
    return element


def _wrap(soup: BeautifulSoup, inner: Tag, classes: list[str]) -> Tag:
    """`inner` inside nested divs with these classes, outermost first (Material's layout)."""
    outer = inner
    for name in reversed(classes):
        wrapper = soup.new_tag("div", attrs={"class": name})
        wrapper.append(outer)
        outer = wrapper
    return outer


if __name__ == "__main__":
    sys.exit(main())
