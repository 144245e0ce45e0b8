"""The shipped nginx configuration (deploy/nginx/), run by Debian's nginx over the real site:
at the root of a host, and under a sub-path of an existing site with the site built for it.

Checked over HTTP: the security headers on every kind of answer, compression, caching,
the 404 page, and that every link and asset of every page answers 200 (inside the
sub-path). Checked in Chromium: no page breaks the Content-Security-Policy, makes a request
to another origin or fails a request, and search works in each language.
"""

from __future__ import annotations

import gzip
import re
import urllib.parse
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from deploy_support import (
    HOST_HSTS,
    SUBPATH,
    build_real_site_for,
    collect_violations,
    csp_directives,
    fetch,
    free_port,
    html_pages,
    languages_of,
    local_references,
    open_session,
    page_file,
    pages_of_each_kind,
    root_server_block,
    run_nginx,
    search,
    subpath_server_block,
)
from sitebuilder import REPO

UI = yaml.safe_load((REPO / "data" / "ui.yml").read_text(encoding="utf-8"))
# Material's files whose name carries a hash of their content (and only those).
FINGERPRINTED = re.compile(r"/assets/(stylesheets|javascripts|javascripts/workers)/\w+\.[0-9a-f]{8}\.min\.(css|js)$")


@pytest.fixture(scope="module")
def root_server(site, tmp_path_factory):
    port = free_port()
    with run_nginx(tmp_path_factory.mktemp("nginx-root"), root_server_block(site.site_dir, port), port) as origin:
        yield origin + "/"


@pytest.fixture(scope="module")
def subpath_site(tmp_path_factory) -> Path:
    """The real site built for https://intranet.example/anhorigguiden/, in www/anhorigguiden/."""
    work = tmp_path_factory.mktemp("subpath-build")
    www = work / "www"
    result = build_real_site_for(work, site_url="https://intranet.example" + SUBPATH, site_dir=www / SUBPATH.strip("/"))
    assert result.returncode == 0, f"the site does not build for a sub-path:\n{result.output}"
    return www


@pytest.fixture(scope="module")
def subpath_server(subpath_site, tmp_path_factory):
    port = free_port()
    with run_nginx(tmp_path_factory.mktemp("nginx-subpath"), subpath_server_block(subpath_site, port), port) as origin:
        yield origin + SUBPATH


@pytest.fixture(params=["root", "subpath"])
def deployment(request, site, subpath_site) -> tuple[str, Path]:
    """(base URL, site folder) of each way of serving the guide."""
    if request.param == "root":
        return request.getfixturevalue("root_server"), site.site_dir
    return request.getfixturevalue("subpath_server"), subpath_site / SUBPATH.strip("/")


def assert_security_headers(url: str, headers: dict[str, str]) -> None:
    csp = csp_directives(headers.get("content-security-policy", ""))
    assert csp, f"{url}: no Content-Security-Policy"
    assert csp.get("default-src") == ["'self'"], csp
    assert csp.get("script-src") == ["'self'"], f"{url}: script-src must be 'self' alone, no 'unsafe-inline': {csp}"
    assert "'unsafe-inline'" not in " ".join(csp.get("style-src", [])), csp
    assert csp.get("object-src") == ["'none'"], csp
    assert csp.get("base-uri") == ["'self'"], csp
    assert csp.get("form-action") == ["'self'"], csp
    assert csp.get("frame-ancestors") in (["'self'"], ["'none'"]), csp
    assert set(csp.get("img-src", [])) <= {"'self'", "data:"}, csp
    assert not any("unsafe" in source or "*" in source for sources in csp.values() for source in sources), csp
    assert headers.get("x-content-type-options") == "nosniff", url
    assert headers.get("referrer-policy") in ("no-referrer", "same-origin"), url
    permissions = headers.get("permissions-policy", "")
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in permissions, f"{url}: Permissions-Policy does not deny {feature}: {permissions!r}"
    # The host's own header (anhorigguiden-host-headers.conf): nginx would drop the server
    # block's HSTS inside the guide's location otherwise.
    assert headers.get("strict-transport-security") == HOST_HSTS, f"{url}: no HSTS: {headers}"


# --- HTTP -------------------------------------------------------------------------------


def test_every_kind_of_answer_carries_the_security_headers(deployment):
    base, site_dir = deployment
    css = next(site_dir.glob("assets/stylesheets/main.*.min.css")).relative_to(site_dir).as_posix()
    # Our own script and the logo: the files a host's `location ~* \.(css|js|svg)$` took
    # before the guide's location was `^~` (served without these headers, cached 30 days).
    own = ("assets/javascripts/tooltips.js", "assets/logo.svg", "assets/stylesheets/anhorigguiden.css")
    for path in ("", "en/", "guider/", css, *own, "search/search_index.json", "finns-inte/"):
        answer = fetch(base + path)
        assert answer.status in (200, 404), (path, answer.status)
        assert_security_headers(base + path, answer.headers)
    for path in own:
        answer = fetch(base + path)
        assert answer.status == 200, path
        assert answer.headers.get("cache-control") == "no-cache", (path, answer.headers)
        assert "expires" not in answer.headers, f"{path} got the host's 30-day caching"


@pytest.fixture
def extra_files(deployment):
    """Files a site folder may come to hold besides the build: dropped in, then removed."""
    base, site_dir = deployment
    added: list[Path] = []

    def add(relative: str, content: str) -> str:
        target = site_dir / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
        added.append(target)
        return base + relative

    yield add
    for target in added:
        target.unlink()
        for folder in target.relative_to(site_dir).parents:
            if folder != Path(".") and (site_dir / folder).is_dir() and not any((site_dir / folder).iterdir()):
                (site_dir / folder).rmdir()


def test_well_known_is_served_and_other_hidden_files_are_not(extra_files):
    security_txt = extra_files(".well-known/security.txt", "Contact: mailto:security@example.se\n")
    answer = fetch(security_txt)
    assert answer.status == 200 and answer.body.startswith(b"Contact:")
    assert answer.headers["content-type"].startswith("text/plain")
    for hidden in (".git/config", ".env", ".htaccess", "assets/.secret", ".well-knownx/file"):
        url = extra_files(hidden, "secret=1\n")
        answer = fetch(url)
        assert answer.status == 404, (hidden, answer.status)
        assert b"secret=1" not in answer.body


@pytest.mark.parametrize(
    ("name", "content_type"),
    [("captions-sv.vtt", "text/vtt"), ("film.ogv", "video/ogg"), ("site.webmanifest", "application/manifest+json")],
)
def test_media_files_are_served_with_their_types(extra_files, name, content_type):
    url = extra_files("assets/media/" + name, "WEBVTT\n" if name.endswith(".vtt") else "{}")
    answer = fetch(url)
    assert answer.status == 200
    assert answer.headers["content-type"].split(";")[0] == content_type
    assert_security_headers(url, answer.headers)
    assert answer.headers.get("cache-control") == "no-cache"


def test_text_is_compressed_when_the_browser_accepts_it(deployment):
    base, site_dir = deployment
    samples = {
        "text/html": "",
        "text/css": next(site_dir.glob("assets/stylesheets/main.*.min.css")).relative_to(site_dir).as_posix(),
        "javascript": next(site_dir.glob("assets/javascripts/bundle.*.min.js")).relative_to(site_dir).as_posix(),
        "application/json": "search/search_index.json",
        "image/svg+xml": "assets/logo.svg",
        "xml": "sitemap.xml",
    }
    for kind, path in samples.items():
        compressed = fetch(base + path, gzip=True)
        plain = fetch(base + path)
        assert compressed.status == plain.status == 200, path
        assert kind in compressed.headers["content-type"], (path, compressed.headers["content-type"])
        assert compressed.headers.get("content-encoding") == "gzip", f"{path} is not compressed"
        assert "content-encoding" not in plain.headers, f"{path} is compressed for a client that did not ask"
        assert gzip.decompress(compressed.body) == plain.body == (site_dir / (path or "index.html")).read_bytes()


def test_only_fingerprinted_files_are_cached_for_a_year(deployment):
    base, site_dir = deployment
    references = set()
    for page in html_pages(site_dir):
        references |= local_references(base + page, page_file(site_dir, page).read_text(encoding="utf-8"))
    local = sorted(url for url in references if url.startswith(base))
    long_lived = [url for url in local if FINGERPRINTED.search(urllib.parse.urlsplit(url).path)]
    # Material's main and palette CSS, its bundle and its search worker.
    assert len(long_lived) >= 4, long_lived
    for url in local:
        answer = fetch(url)
        cache = answer.headers.get("cache-control", "")
        if url in long_lived:
            assert cache == "public, max-age=31536000, immutable", (url, cache)
        else:
            assert cache == "no-cache", f"{url} is not fingerprinted but cached as {cache!r}"


def test_every_link_and_asset_of_every_page_answers(deployment):
    base, site_dir = deployment
    pages = html_pages(site_dir)
    assert len(pages) >= 10
    origin = "{0.scheme}://{0.netloc}/".format(urllib.parse.urlsplit(base))
    problems = []
    checked = set()
    for page in pages:
        answer = fetch(base + page)
        if answer.status != 200:
            problems.append(f"{page}: {answer.status}")
            continue
        for url in local_references(base + page, answer.body.decode("utf-8")) - checked:
            checked.add(url)
            if not url.startswith(origin):
                continue  # another origin: the guide's references to its sources
            if not url.startswith(base):
                problems.append(f"{page}: {url} is outside {base}")
            elif (status := fetch(url).status) != 200:
                problems.append(f"{page}: {url} answers {status}")
    assert problems == [], "\n".join(problems)
    assert len(checked) > len(pages)


def test_a_missing_page_answers_404_with_the_guides_own_page(deployment):
    base, _ = deployment
    answer = fetch(base + "finns-inte/alls/")
    assert answer.status == 404
    assert answer.headers["content-type"].startswith("text/html")
    heading = BeautifulSoup(answer.body, "lxml").find("h1")
    assert heading is not None and heading.get_text(strip=True) == UI["not_found_title"]["sv"]
    assert answer.headers.get("cache-control") == "no-cache"


def test_a_folder_without_slash_redirects_within_the_host(deployment):
    base, _ = deployment
    answer = fetch(base + "guider")
    assert answer.status == 301
    assert answer.headers["location"] == urllib.parse.urlsplit(base).path + "guider/"




# --- Chromium ---------------------------------------------------------------------------


def test_a_script_inside_an_svg_does_not_run(browser, deployment, extra_files):
    """An SVG opened on its own is a document in the host's origin: the guide's policy must
    stop a script in it (as an organisation's logo could carry one)."""
    base, _ = deployment
    url = extra_files(
        "assets/images/hostile.svg",
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
        "<script>document.documentElement.setAttribute('data-ran', 'yes')</script></svg>",
    )
    origin = "{0.scheme}://{0.netloc}/".format(urllib.parse.urlsplit(base))
    session, visit = open_session(browser, origin)
    try:
        session.page.goto(url, wait_until="load")
        assert session.page.evaluate("() => document.documentElement.getAttribute('data-ran')") is None
        collect_violations(session, visit)
    finally:
        session.close()
    assert any("script-src" in violation for violation in visit.csp_violations), visit.csp_violations


def test_no_page_breaks_the_policy_or_leaves_the_origin(browser, deployment):
    base, site_dir = deployment
    origin = "{0.scheme}://{0.netloc}/".format(urllib.parse.urlsplit(base))
    session, visit = open_session(browser, origin)
    pages = pages_of_each_kind(site_dir)
    assert len(pages) >= 2 * len(languages_of(site_dir)), pages
    try:
        for page in pages:
            session.page.goto(base + page, wait_until="networkidle")
            collect_violations(session, visit)
        deep_missing = base + "finns-inte/alls/"
        session.expected_status[deep_missing] = 404
        before = len(session.console_errors)
        session.page.goto(deep_missing, wait_until="networkidle")
        collect_violations(session, visit)
        # Chromium logs the page's own 404 status; nothing else may fail there.
        assert session.console_errors[before:] == ["Failed to load resource: the server responded with a status of 404 (Not Found)"]
        del session.console_errors[before:]
        # The 404 page, at any depth, gets Material's stylesheet (its header is sticky).
        header = session.page.eval_on_selector(".md-header", "el => getComputedStyle(el).position")
        assert header == "sticky", header
    finally:
        session.close()
    assert visit.csp_violations == []
    assert visit.failed == []
    assert session.external_requests == []
    assert session.console_errors == []


@pytest.mark.parametrize(
    ("language", "query"),
    [("sv", "anhörig"), ("en", "carer")],
)
def test_search_finds_pages_in_the_readers_language_only(browser, deployment, language, query):
    base, site_dir = deployment
    home = languages_of(site_dir)[language]
    origin = "{0.scheme}://{0.netloc}/".format(urllib.parse.urlsplit(base))
    session, visit = open_session(browser, origin)
    try:
        session.page.goto(base + home + "guider/", wait_until="networkidle")
        results = search(session.page, query)
        collect_violations(session, visit)
    finally:
        session.close()
    assert results, f"no results for {query!r}"
    others = [prefix for lang, prefix in languages_of(site_dir).items() if lang != language and prefix]
    for url in results:
        assert url.startswith(base + home), url
        assert not any(url.startswith(base + prefix) for prefix in others), f"{url} is in another language"
    assert visit.csp_violations == [] and visit.failed == []
    assert session.external_requests == [] and session.console_errors == []
