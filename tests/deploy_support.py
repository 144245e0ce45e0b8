"""Helpers for the deployment tests: the real site built for another address or for file://,
Debian's nginx running the shipped configuration, and a browser that reports every
Content-Security-Policy violation, failed request and request to another origin.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from bs4 import BeautifulSoup
from conftest import PageSession
from mkdocs.utils.yaml import yaml_load
from sitebuilder import REPO, BuildResult, run_mkdocs

NGINX = os.environ.get("NGINX", "/usr/sbin/nginx")
DEPLOY = REPO / "deploy" / "nginx"
SUBPATH = "/anhorigguiden/"
# The HSTS header of the test host, as shipped in deploy/nginx/anhorigguiden-host-headers.conf.
HOST_HSTS = "max-age=31536000"


# --- building ---------------------------------------------------------------------------


def build_real_site_for(tmp: Path, *, site_url: str, site_dir: Path | None = None) -> BuildResult:
    """The real site built for another address, as an organisation sets `site_url`.

    The configuration is upstream mkdocs.yml with its paths made absolute and site_url
    replaced, written into `tmp`; nothing in the repository is touched.
    """
    with open(REPO / "mkdocs.yml", encoding="utf-8") as handle:
        settings = yaml_load(handle)
    settings["site_url"] = site_url
    settings["docs_dir"] = str(REPO / settings.get("docs_dir", "docs"))
    settings["theme"]["custom_dir"] = str(REPO / settings["theme"]["custom_dir"])
    settings["hooks"] = [str(REPO / hook) for hook in settings.get("hooks", [])]
    settings["watch"] = [str(REPO / path) for path in settings.get("watch", [])]
    config_file = tmp / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(settings, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return run_mkdocs(config_file, site_dir or tmp / "site", cwd=REPO)


def build_offline_site(tmp: Path) -> BuildResult:
    """The copy for file://, as `make build-offline` makes it."""
    return run_mkdocs(REPO / "mkdocs.yml", tmp / "site", cwd=REPO, env={"ANHORIGGUIDEN_OFFLINE": "true"})


def html_pages(site_dir: Path) -> list[str]:
    """Every built page as a path relative to the site root ('' for the home page)."""
    pages = []
    for html in sorted(site_dir.rglob("*.html")):
        relative = html.relative_to(site_dir).as_posix()
        if relative.startswith("assets/"):
            continue
        pages.append(relative[: -len("index.html")] if relative.endswith("/index.html") or relative == "index.html" else relative)
    return pages


def pages_of_each_kind(site_dir: Path) -> list[str]:
    """One page of each kind, in each language: per language folder, top-level section and
    set of scripts and stylesheets the page loads (what a Content-Security-Policy acts on),
    the first such page. The every-page browser test covers the rest of each page."""
    languages = set(languages_of(site_dir)) - {""}
    chosen: dict[tuple, str] = {}
    for page in html_pages(site_dir):
        parts = page.split("/")
        language = parts[0] if parts[0] in languages and len(parts) > 1 else ""
        section = parts[1 if language else 0] if len(parts) > (2 if language else 1) else ""
        soup = BeautifulSoup(page_file(site_dir, page).read_text(encoding="utf-8"), "lxml")
        assets = frozenset(
            Path(element.get("src") or element.get("href")).name
            for element in soup.select("script[src], link[rel~=stylesheet]")
        )
        chosen.setdefault((language, section, assets), page)
    return sorted(chosen.values())


def page_file(site_dir: Path, page: str) -> Path:
    return site_dir / (page if page.endswith(".html") else page + "index.html")


def languages_of(site_dir: Path) -> dict[str, str]:
    """Language code -> home page path, read from the built site ('' is the default's)."""
    found = {}
    for home in [site_dir / "index.html", *sorted(site_dir.glob("*/index.html"))]:
        lang = BeautifulSoup(home.read_text(encoding="utf-8"), "lxml").html.get("lang")
        folder = home.parent.relative_to(site_dir).as_posix()
        if folder == "." or folder == lang:
            found[lang] = "" if folder == "." else f"{folder}/"
    return found


# --- nginx ------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def replace_once(text: str, old: str, new: str, *, file: str) -> str:
    """Substitute one line of a shipped file; fails if the file no longer has it once."""
    assert text.count(old) == 1, f"{file} should contain {old!r} exactly once"
    return text.replace(old, new)


def root_server_block(site_dir: Path, port: int) -> str:
    """deploy/nginx/anhorigguiden.conf with the test's port and folder."""
    name = "anhorigguiden.conf"
    text = (DEPLOY / name).read_text(encoding="utf-8")
    text = replace_once(text, "    listen 80;\n", f"    listen 127.0.0.1:{port};\n", file=name)
    text = replace_once(text, "    listen [::]:80;\n", "", file=name)
    return replace_once(text, "root /var/www/anhorigguiden;", f"root {site_dir};", file=name)


def subpath_server_block(www: Path, port: int) -> str:
    """An existing site's server block that includes deploy/nginx/anhorigguiden-subpath.conf,
    with the guide's folder at `www`/anhorigguiden."""
    name = "anhorigguiden-subpath.conf"
    location = (DEPLOY / name).read_text(encoding="utf-8")
    location = replace_once(location, "    root /var/www;\n", f"    root {www};\n", file=name)
    (www / "index.html").write_text("<!doctype html><title>Kommunens webbplats</title><p>Annan webbplats.</p>", encoding="utf-8")
    # What a host's server block commonly has: HSTS for the whole host, and a regular-
    # expression location that caches scripts, styles and images for 30 days. Neither may
    # change what the guide's own answers carry.
    return (
        f"server {{\n    listen 127.0.0.1:{port};\n    server_name localhost;\n    root {www};\n"
        f"    add_header Strict-Transport-Security \"{HOST_HSTS}\" always;\n"
        "    location ~* \\.(css|js|svg|png|jpg)$ {\n        expires 30d;\n    }\n"
        f"{location}\n}}\n"
    )


def _main_conf(work: Path) -> str:
    # Worker processes of a root master switch to `nobody`, who cannot read a test's
    # private temporary folder; as root, keep them root (tests only).
    user = "user root root;\n" if os.geteuid() == 0 else ""
    return (
        f"{user}worker_processes 1;\ndaemon off;\npid {work}/nginx.pid;\nerror_log {work}/error.log;\n"
        "events { worker_connections 128; }\n"
        "http {\n"
        "    include /etc/nginx/mime.types;\n"
        "    default_type application/octet-stream;\n"
        f"    access_log {work}/access.log;\n"
        + "".join(f"    {kind}_temp_path {work}/temp/{kind};\n" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
        + "    include site.conf;\n"
        "}\n"
    )


@contextmanager
def run_nginx(work: Path, server_block: str, port: int) -> Iterator[str]:
    """Debian's nginx, in the foreground, with the shipped snippets and `server_block`."""
    conf = work / "conf"
    (conf / "snippets").mkdir(parents=True)
    (work / "temp").mkdir()
    for snippet in DEPLOY.glob("*.conf"):
        shutil.copy(snippet, conf / "snippets" / snippet.name)
    (conf / "site.conf").write_text(server_block, encoding="utf-8")
    (conf / "nginx.conf").write_text(_main_conf(work), encoding="utf-8")
    command = [NGINX, "-p", str(work), "-c", str(conf / "nginx.conf"), "-e", str(work / "error.log")]
    check = subprocess.run([*command, "-t"], capture_output=True, text=True)
    assert check.returncode == 0, f"nginx rejects the configuration:\n{check.stderr}"
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 10
        while True:
            assert process.poll() is None, f"nginx stopped:\n{process.stdout.read()}\n{(work / 'error.log').read_text()}"
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                assert time.monotonic() < deadline, "nginx did not start listening"
                time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.send_signal(signal.SIGQUIT)  # graceful shutdown
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: bytes


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


def fetch(url: str, *, gzip: bool = False) -> Response:
    """One GET, without following redirects or decompressing."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip else {})
    try:
        with _OPENER.open(request, timeout=10) as answer:
            return Response(answer.status, {k.lower(): v for k, v in answer.headers.items()}, answer.read())
    except urllib.error.HTTPError as error:
        return Response(error.code, {k.lower(): v for k, v in error.headers.items()}, error.read())


def csp_directives(header: str) -> dict[str, list[str]]:
    """A Content-Security-Policy header as {directive: [sources]}."""
    directives = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            directives[words[0].lower()] = words[1:]
    return directives


def local_references(page_url: str, html: str) -> set[str]:
    """Every URL a page links to or loads, resolved, without its fragment."""
    soup = BeautifulSoup(html, "lxml")
    found = set()
    for tag, attribute in (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("source", "src")):
        for element in soup.find_all(tag, attrs={attribute: True}):
            if tag == "link" and set(element.get("rel", [])) & {"canonical", "alternate"}:
                continue  # built from site_url: the production address, not this server
            url = urllib.parse.urljoin(page_url, element[attribute])
            found.add(urllib.parse.urldefrag(url).url)
    config = soup.find("script", id="__config")
    if config is not None:  # the search worker, which Material loads from here
        found.add(urllib.parse.urljoin(page_url, json.loads(config.string)["search"]))
    return found


# --- the browser ------------------------------------------------------------------------

# Installed before any page script: collects every violation the page's document reports.
CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__cspViolations.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`);
});
"""


@dataclass
class Visit:
    """What went wrong while the browser showed one or more pages."""

    csp_violations: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def record_failure(self, request) -> None:
        # ERR_ABORTED: the browser cancelled it because the test moved to the next page.
        if request.failure != "net::ERR_ABORTED":
            self.failed.append(f"{request.failure} {request.url}")

    def record_response(self, response, expected_status: dict[str, int]) -> None:
        if response.status >= 400 and expected_status.get(response.url) != response.status:
            self.failed.append(f"{response.status} {response.url}")


def open_session(browser, origin: str, **options) -> tuple[PageSession, Visit]:
    session = PageSession(browser, origin, **options)
    session.context.add_init_script(CSP_LISTENER)
    visit = Visit()
    session.expected_status: dict[str, int] = {}
    session.page.on("response", lambda response: visit.record_response(response, session.expected_status))
    session.page.on("requestfailed", lambda request: visit.record_failure(request))
    return session, visit


def collect_violations(session: PageSession, visit: Visit) -> None:
    visit.csp_violations += session.page.evaluate("() => window.__cspViolations || []")


def search(page, query: str) -> list[str]:
    """Type `query` into Material's search box; the absolute URLs of the results."""
    box = page.locator("input.md-search__input")
    box.click()
    # The whole query at once and one key event (Material searches on keyup): typed letter
    # by letter, each prefix is a search of its own whose list could be read on a busy machine.
    box.fill(query)
    box.press("End")
    page.wait_for_selector("li.md-search-result__item", state="attached", timeout=20_000)
    return page.eval_on_selector_all("a.md-search-result__link", "links => links.map(a => a.href)")
