#!/usr/bin/env python3
"""`make bench`: this site against stock Material for MkDocs, side by side, in one run.

Both sites are built from one copy of this tree's Markdown (taken at the start, so that
edits made while the benchmark runs do not leak into it):

- ours:  the tree's own mkdocs.yml (hooks, overrides, data registries);
- stock: the same docs/ and nav with a stock Material configuration: the same languages
  through mkdocs-static-i18n, the same Markdown extensions (they are the content's syntax),
  Material's default search plugin, `font: false` so that it builds offline, and nothing of
  ours: no hooks, no overrides, no extra CSS, no palette, no `meta` plugin, never strict.
  Markers that only our hooks understand (`[[fact:key]]`) stay as raw text there, and our
  front-matter keys are ignored, as Material ignores keys it does not know.

It measures, interleaving ours and stock so that the noise of a shared machine falls on both:

1. full build time (median of --builds builds each, after one warm-up each), its CPU time
   (user + system of the build process: steadier than wall time on a shared machine) and
   output size;
2. the first-load transfer weight of sample pages of each kind (start, guide, strategy,
   training module, certificate: whichever exist), in Chromium (Playwright driving
   /usr/bin/chromium) against one local HTTP server that gzips text responses;
3. Lighthouse scores (mobile, simulated throttling) of the same pages;
4. the search index each language's pages load, in bytes and gzip bytes;
5. how long `mkdocs serve` takes to show a changed page, and the rebuild alone as serve
   makes it (a new config and a whole build, in one process whose first build is done),
   in wall and CPU seconds (--rebuild-rounds).

Results: bench/results/latest.json (every raw figure) and bench/results/latest.md (the table
printed at the end). Ratios are ours / stock: below 1 means ours is smaller or faster.

Usage: scripts/bench.py [--builds N] [--serve-rounds N] [--rebuild-rounds N] [--lighthouse-runs N]
                        [--skip-lighthouse] [--skip-serve] [--repo PATH]
"""

from __future__ import annotations

import argparse
import atexit
import datetime as dt
import functools
import gzip
import http.server
import json
import mimetypes
import os
import platform
import re
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# The flags the brief asks for, so that Chromium makes no request of its own.
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
LIGHTHOUSE_FLAGS = ["--headless=new", *CHROMIUM_FLAGS, "--disable-gpu", "--disable-dev-shm-usage"]
LIGHTHOUSE_CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
SITES = ("ours", "stock")
GZIP_LEVEL = 6  # what nginx and most hosts use for on-the-fly compression
COMPRESSIBLE = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map", ".webmanifest"}
COPY_IGNORE = shutil.ignore_patterns(".git", ".venv", "site", "node_modules", "results", "__pycache__", ".pytest_cache", ".hypothesis")

# Targets from the issue: (label, check on ours/stock figures) are evaluated in `targets()`.
TARGET_PER_PAGE_RATIO = 1.0  # our build time per HTML page / stock's
TARGET_SERVE_RATIO = 1.5  # the rebuild after an edit in `mkdocs serve`, ours / stock
TARGET_BUILD_RATIO = 1.3
TARGET_GUIDE_WEIGHT_RATIO = 0.6  # issue 14: a guide page's first load ≤ 0.6 × stock's
TARGET_LIGHTHOUSE = {"performance": 0.98, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}


def log(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- configs


def load_config(path: Path) -> dict[str, Any]:
    from mkdocs.utils.yaml import yaml_load

    with open(path, encoding="utf-8") as handle:
        return yaml_load(handle)


def plugin_entry(plugins: list, name: str) -> Any:
    for entry in plugins or []:
        if entry == name:
            return {}
        if isinstance(entry, dict) and name in entry:
            return entry[name] or {}
    return None


_FRONT_MATTER = re.compile(r"\A(---[ \t]*\n)(.*?\n)((?:---|\.\.\.)[ \t]*\n)", re.DOTALL)
_TEMPLATE_LINE = re.compile(r"^template:[ \t]*['\"]?([^'\"\n#]+?)['\"]?[ \t]*(?:#.*)?\n", re.MULTILINE)


def stock_docs(docs: Path, target: Path) -> list[str]:
    """The same Markdown for stock, less the `template:` keys that name one of our override
    templates (Material cannot build a page whose template it does not have). Returns the
    pages changed."""
    import material

    material_templates = Path(material.__file__).parent / "templates"
    shutil.copytree(docs, target)
    changed = []
    for path in sorted(target.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        match = _FRONT_MATTER.match(text)
        if not match:
            continue

        def drop(line: re.Match) -> str:
            return line.group(0) if (material_templates / line.group(1).strip()).is_file() else ""

        front = _TEMPLATE_LINE.sub(drop, match.group(2))
        if front != match.group(2):
            path.write_text(match.group(1) + front + match.group(3) + text[match.end():], encoding="utf-8")
            changed.append(path.relative_to(target).as_posix())
    return changed


def is_ours(extension: Any) -> bool:
    """A `markdown_extensions:` entry (a name, or {name: options}) from our package."""
    name = extension if isinstance(extension, str) else next(iter(extension), "")
    return name.startswith("anhorigguiden.")


def stock_config(ours: dict[str, Any], tree: Path, docs: Path) -> dict[str, Any]:
    """A stock Material configuration for the same Markdown, languages and navigation."""
    theme = ours.get("theme", {})
    i18n = plugin_entry(ours.get("plugins", []), "i18n")
    plugins: list[Any] = ["search"]
    if i18n is not None:
        plugins.append({"i18n": i18n})
    config = {
        "site_name": ours.get("site_name", "Site"),
        "site_description": ours.get("site_description"),
        "site_url": ours.get("site_url"),
        "docs_dir": str(docs.resolve()),
        "use_directory_urls": ours.get("use_directory_urls", True),
        "strict": False,
        "theme": {"name": "material", "language": theme.get("language", "en"), "font": False},
        # Python-Markdown's and pymdown's extensions, not our page syntax (anhorigguiden.*):
        # stock Material leaves [[fact:key]] and the other markers as written.
        "markdown_extensions": [entry for entry in ours.get("markdown_extensions", []) if not is_ours(entry)],
        "plugins": plugins,
    }
    for key in ("nav", "exclude_docs", "not_in_nav"):
        if key in ours:
            config[key] = ours[key]
    return {key: value for key, value in config.items() if value is not None}


# --------------------------------------------------------------------------- builds


def mkdocs(args: list[str], *, cwd: Path, env: dict[str, str], timeout: int = 600) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mkdocs", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


class Site:
    """One of the two sites: how to build it, and its last build."""

    def __init__(self, name: str, config_file: Path, tree: Path, docs: Path, env: dict[str, str]) -> None:
        self.name = name
        self.config_file = config_file
        self.tree = tree
        self.docs = docs
        self.env = env
        self.extra_args: list[str] = []
        self.notes: list[str] = []
        self.site_dir: Path | None = None
        self.build_times: list[float] = []
        self.cpu_times: list[float] = []
        self.last_cpu = 0.0

    def build(self, site_dir: Path) -> float:
        if site_dir.exists():
            shutil.rmtree(site_dir)
        start = time.perf_counter()
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        done = mkdocs(["build", "-q", "-f", str(self.config_file), "-d", str(site_dir), *self.extra_args], cwd=self.tree, env=self.env)
        elapsed = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        self.last_cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        if done.returncode != 0:
            raise BuildFailed(self.name, done.stdout + done.stderr)
        self.site_dir = site_dir
        return elapsed


class BuildFailed(RuntimeError):
    def __init__(self, name: str, output: str) -> None:
        super().__init__(f"{name} does not build:\n{output[-3000:]}")
        self.output = output


def warm_up(site: Site, out: Path) -> None:
    """One untimed build; ours falls back to a non-strict build when others' unfinished
    work breaks the strict one, and says so in the results."""
    try:
        site.build(out / f"{site.name}-warmup")
    except BuildFailed as failed:
        if site.name != "ours":
            raise
        warnings = [line for line in failed.output.splitlines() if line.startswith(("WARNING", "ERROR"))]
        site.extra_args = ["--no-strict"]
        site.notes.append("the strict build failed, so ours was measured with --no-strict: " + " | ".join(warnings[:5]))
        log(site.notes[-1])
        site.build(out / f"{site.name}-warmup")


def measure_builds(sites: list[Site], out: Path, rounds: int) -> None:
    for round_ in range(rounds):
        order = sites if round_ % 2 == 0 else list(reversed(sites))
        for site in order:
            elapsed = site.build(out / f"{site.name}-{round_}")
            site.build_times.append(elapsed)
            site.cpu_times.append(site.last_cpu)
            log(f"build {round_ + 1}/{rounds} {site.name}: {elapsed:.2f} s, {site.last_cpu:.2f} s CPU")


def tree_size(root: Path) -> dict[str, int]:
    files = [path for path in root.rglob("*") if path.is_file()]
    pages = sum(1 for path in files if path.suffix == ".html")
    return {"bytes": sum(path.stat().st_size for path in files), "files": len(files), "html_pages": pages}


# --------------------------------------------------------------------------- server


class GzipHandler(http.server.BaseHTTPRequestHandler):
    """Static files with gzip for text, as a host would serve them (HTTP/1.1 keep-alive,
    Content-Length, Vary). Compressed bodies are cached, so compression time is not in the
    figures. The 404 page is the site's own 404.html."""

    protocol_version = "HTTP/1.1"
    root: Path
    cache: dict[Path, bytes]
    sent: dict[str, int]  # bytes written per site, a cross-check for the browser's figures
    site_name: str

    def log_message(self, *args: Any) -> None:
        pass

    def _resolve(self) -> Path | None:
        path = urllib.request.unquote(self.path.split("?", 1)[0].split("#", 1)[0])
        target = (self.root / path.lstrip("/")).resolve()
        if self.root not in target.parents and target != self.root:
            return None
        if target.is_dir():
            if not path.endswith("/"):
                return target  # redirected in _respond
            target = target / "index.html"
        return target if target.is_file() else None

    def _respond(self, head_only: bool) -> None:
        target = self._resolve()
        status = 200
        if target is not None and target.is_dir():
            self.send_response(301)
            self.send_header("Location", self.path.split("?", 1)[0] + "/")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if target is None:
            status = 404
            target = self.root / "404.html"
            body = target.read_bytes() if target.is_file() else b"Not found"
        else:
            body = target.read_bytes()
        mime = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if mime.startswith("text/") or mime in ("application/javascript", "application/json", "image/svg+xml"):
            mime += "; charset=utf-8"
        encoded = False
        if target.suffix in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", ""):
            if target not in self.cache:
                self.cache[target] = gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0)
            body = self.cache[target] if status == 200 else gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0)
            encoded = True
        self.send_response(status)
        self.send_header("Content-Type", mime)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Vary", "Accept-Encoding")
        if encoded:
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        if not head_only:
            self.wfile.write(body)
            self.sent[self.site_name] = self.sent.get(self.site_name, 0) + len(body)

    def do_GET(self) -> None:  # noqa: N802 - the http.server API
        self._respond(head_only=False)

    def do_HEAD(self) -> None:  # noqa: N802
        self._respond(head_only=True)


class Server:
    """One server process (this one), one port per site so that each site is at its root."""

    def __init__(self, roots: dict[str, Path]) -> None:
        mimetypes.add_type("text/javascript", ".js")
        mimetypes.add_type("application/json", ".json")
        mimetypes.add_type("application/json", ".map")
        self.sent: dict[str, int] = {}
        self.servers: dict[str, http.server.ThreadingHTTPServer] = {}
        self.urls: dict[str, str] = {}
        for name, root in roots.items():
            handler = type(f"{name}Handler", (GzipHandler,), {"root": root.resolve(), "cache": {}, "sent": self.sent, "site_name": name})
            server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
            server.daemon_threads = True
            threading.Thread(target=server.serve_forever, daemon=True).start()
            self.servers[name] = server
            self.urls[name] = f"http://127.0.0.1:{server.server_address[1]}/"

    def close(self) -> None:
        for server in self.servers.values():
            server.shutdown()
            server.server_close()


# --------------------------------------------------------------------------- sample pages


CERTIFICATE_WORDS = ("intyg", "certifikat", "certificate", "diplom")


def page_paths(site_dir: Path, languages: list[str]) -> list[str]:
    """Every page of the default language, as URL paths."""
    others = tuple(f"{lang}/" for lang in languages)
    paths = []
    for html in sorted(site_dir.rglob("index.html")):
        relative = html.relative_to(site_dir).as_posix()
        if relative.startswith(("assets/", *others)):
            continue
        paths.append(relative[: -len("index.html")])
    return paths


def sample_pages(site_dir: Path, languages: list[str]) -> dict[str, str]:
    """One page of each kind that exists now: a leaf page where there is one, else the
    section's index page."""
    paths = page_paths(site_dir, languages)

    def first(prefix: str, *, want_certificate: bool | None = None) -> str | None:
        under = [p for p in paths if p.startswith(prefix)]
        if want_certificate is not None:
            under = [p for p in under if any(w in p for w in CERTIFICATE_WORDS) == want_certificate]
        leaves = [p for p in under if p != prefix]
        # The deepest, then first in order: a module rather than a path's index page.
        leaves.sort(key=lambda p: (-p.count("/"), p))
        if leaves:
            return leaves[0]
        return under[0] if under else None

    samples = {"start": ""}
    for kind, found in (
        ("guide", first("guider/")),
        ("strategy", first("strategi/")),
        ("training module", first("utbildning/", want_certificate=False)),
        ("certificate", first("utbildning/", want_certificate=True)),
    ):
        if found is not None:
            samples[kind] = found
    return samples


# --------------------------------------------------------------------------- weight


def category(resource_type: str, url: str, mime: str) -> str:
    if url.split("?", 1)[0].endswith("search_index.json"):
        return "search index"
    if resource_type == "document":
        return "html"
    if resource_type == "stylesheet" or mime.startswith("text/css"):
        return "css"
    if resource_type == "script" or "javascript" in mime or url.split("?", 1)[0].endswith(".js"):
        return "js"
    if resource_type == "font" or mime.startswith("font/"):
        return "fonts"
    if resource_type == "image" or mime.startswith("image/"):
        return "images"
    return "other"


def measure_weights(server: Server, samples: dict[str, str], available: dict[str, set[str]]) -> dict[str, Any]:
    """First-load transfer bytes per page and category, from Chromium's network events.

    Playwright reports every request of the page, its dedicated workers included (the search
    worker fetches lunr's language scripts). Transfer = response headers + encoded body;
    where Chromium gives no body size (it does not for a worker's own script) the response's
    Content-Length, which our server always sends and which is the gzip size, stands in.
    """
    from playwright.sync_api import sync_playwright

    results: dict[str, Any] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS)
        try:
            for kind, path in samples.items():
                results[kind] = {"path": path}
                for name in SITES:
                    if path not in available[name]:
                        results[kind][name] = None
                        continue
                    results[kind][name] = load_once(browser, server.urls[name] + path)
                    log(f"weight {kind} {name}: {results[kind][name]['total']} bytes")
        finally:
            browser.close()
    return results


QUIET_MS = 1500  # the first load is over when no request has been open for this long


def load_once(browser: Any, url: str) -> dict[str, Any]:
    from playwright.sync_api import Error as PlaywrightError

    context = browser.new_context()
    page = context.new_page()
    requests: list[dict[str, Any]] = []
    pending: set[Any] = set()
    last_event = [time.monotonic()]

    def started(request: Any) -> None:
        pending.add(request)
        last_event[0] = time.monotonic()

    def failed(request: Any) -> None:
        pending.discard(request)
        last_event[0] = time.monotonic()

    def finished(request: Any) -> None:
        pending.discard(request)
        last_event[0] = time.monotonic()
        try:
            record(request)
        except PlaywrightError:
            pass  # the context closed first: only after the quiet period, so nothing counted is lost

    def record(request: Any) -> None:
        response = request.response()
        if response is None:
            return
        sizes = request.sizes()
        body = sizes["responseBodySize"]
        if body <= 0:
            body = int(response.headers.get("content-length", "0") or 0)
        requests.append(
            {
                "url": request.url,
                "status": response.status,
                "type": request.resource_type,
                "category": category(request.resource_type, request.url, response.headers.get("content-type", "")),
                "bytes": max(sizes["responseHeadersSize"], 0) + body,
            }
        )

    page.on("request", started)
    page.on("requestfailed", failed)
    page.on("requestfinished", finished)
    page.goto(url, wait_until="networkidle")
    # The search worker's imports come after network idle: wait until nothing is open and
    # nothing has started for QUIET_MS (at most 60 s, on a very busy machine).
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (pending or (time.monotonic() - last_event[0]) * 1000 < QUIET_MS):
        page.wait_for_timeout(100)
    incomplete = len(pending)
    page.remove_listener("requestfinished", finished)
    context.close()
    by_category: dict[str, int] = {}
    for request in requests:
        by_category[request["category"]] = by_category.get(request["category"], 0) + request["bytes"]
    return {
        "url": url,
        "total": sum(by_category.values()),
        "by_category": by_category,
        "requests": len(requests),
        "still_open_at_end": incomplete,
        "failed": [r["url"] for r in requests if r["status"] >= 400],
        "detail": requests,
    }


# --------------------------------------------------------------------------- lighthouse


def lighthouse_cli() -> Path:
    bench = REPO / "bench"
    cli = bench / "node_modules" / "lighthouse" / "cli" / "index.js"
    if cli.exists():
        return cli
    if shutil.which("npm") is None or shutil.which("node") is None:
        raise SystemExit("bench: Lighthouse needs node and npm (apt-get install nodejs npm), or run with --skip-lighthouse")
    log("installing Lighthouse (npm ci in bench/)")
    subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"], cwd=bench, check=True)
    return cli


def run_lighthouse(cli: Path, url: str, out_file: Path) -> dict[str, Any]:
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    done = run_in_group(
        [
            "node",
            str(cli),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={out_file}",
            f"--only-categories={','.join(LIGHTHOUSE_CATEGORIES)}",
            "--form-factor=mobile",
            f"--chrome-flags={' '.join(LIGHTHOUSE_FLAGS)}",
        ],
        env=env,
        timeout=300,
    )
    if done.returncode != 0 or not out_file.exists():
        return {"error": (done.stderr or done.stdout)[-1500:]}
    report = json.loads(out_file.read_text(encoding="utf-8"))
    scores = {key: report["categories"][key]["score"] for key in LIGHTHOUSE_CATEGORIES}
    failing: dict[str, list[str]] = {}
    for key in LIGHTHOUSE_CATEGORIES:
        for ref in report["categories"][key]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
                failing.setdefault(key, []).append(f"{ref['id']} ({audit['score']:.2f}: {audit.get('displayValue', '')})".replace(": )", ")"))
    metrics = {
        audit_id: report["audits"][audit_id].get("numericValue")
        for audit_id in ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index")
        if audit_id in report["audits"]
    }
    return {"scores": scores, "failing": failing, "metrics": metrics, "lighthouse": report.get("lighthouseVersion")}


def run_in_group(command: list[str], *, env: dict[str, str], timeout: int) -> subprocess.CompletedProcess:
    """Run a command in its own process group; on a timeout or an interruption, stop it
    (SIGINT first: Lighthouse then closes the Chromium it started) and its children."""
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        out, err = process.communicate(timeout=timeout)
    except BaseException:
        for sig in (signal.SIGINT, signal.SIGKILL):
            try:
                os.killpg(process.pid, sig)
                process.wait(timeout=10)
                break
            except (ProcessLookupError, subprocess.TimeoutExpired):
                continue
        if isinstance(sys.exc_info()[1], subprocess.TimeoutExpired):
            return subprocess.CompletedProcess(command, 124, "", f"timed out after {timeout} s")
        raise
    return subprocess.CompletedProcess(command, process.returncode, out, err)


def measure_lighthouse(server: Server, samples: dict[str, str], available: dict[str, set[str]], runs: int, work: Path) -> dict[str, Any]:
    cli = lighthouse_cli()
    results: dict[str, Any] = {}
    for kind, path in samples.items():
        results[kind] = {"path": path, **{name: [] for name in SITES}}
        for run in range(runs):
            order = SITES if run % 2 == 0 else tuple(reversed(SITES))
            for name in order:
                if path not in available[name]:
                    continue
                result = run_lighthouse(cli, server.urls[name] + path, work / f"lh-{name}-{kind.replace(' ', '-')}-{run}.json")
                results[kind][name].append(result)
                log(f"lighthouse {kind} {name}: {result.get('scores', result.get('error', '')[:200])}")
    return results


def median_scores(runs: list[dict[str, Any]]) -> dict[str, float] | None:
    good = [run["scores"] for run in runs if "scores" in run]
    if not good:
        return None
    return {key: statistics.median(s[key] for s in good if s[key] is not None) for key in LIGHTHOUSE_CATEGORIES}


# --------------------------------------------------------------------------- search index


def search_indexes(site_dir: Path, languages: list[str], default: str) -> dict[str, Any]:
    """The index each language's start page loads, resolved as Material's bundle does:
    `new URL("search/search_index.json", new URL(config.base, location))`."""
    result = {}
    for lang in languages:
        folder = "" if lang == default else f"{lang}/"
        start = site_dir / folder / "index.html"
        if not start.exists():
            continue
        match = re.search(r'<script id="__config" type="application/json">(.*?)</script>', start.read_text(encoding="utf-8"), re.DOTALL)
        if not match:
            continue
        base = json.loads(match.group(1)).get("base", ".")
        page_url = f"http://site/{folder}"
        index_url = urllib.parse.urljoin(urllib.parse.urljoin(page_url, base), "search/search_index.json")
        index = site_dir / urllib.parse.urlsplit(index_url).path.lstrip("/")
        if not index.exists():
            result[lang] = None
            continue
        data = index.read_bytes()
        result[lang] = {
            "file": index.relative_to(site_dir).as_posix(),
            "bytes": len(data),
            "gzip_bytes": len(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0)),
            "docs": len(json.loads(data)["docs"]),
        }
    return result


# --------------------------------------------------------------------------- serve


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - 127.0.0.1 only
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, OSError):
        return None


def measure_serve(sites: list[Site], page: str, page_url: str, rounds: int, edits: int) -> dict[str, Any]:
    """Start `mkdocs serve` for each site in turn (rounds interleaved), change one page
    (`page`, relative to each site's docs) `edits` times, and time each change from the
    write until the served page shows it. Includes MkDocs' own 0.5 s file polling and
    0.1 s settle time, the same for both."""
    results: dict[str, Any] = {site.name: [] for site in sites}
    for round_ in range(rounds):
        order = sites if round_ % 2 == 0 else list(reversed(sites))
        for site in order:
            page_file = site.docs / page
            original = page_file.read_text(encoding="utf-8")
            try:
                serve_once(site, page_file, original, page_url, round_, edits, results[site.name])
            finally:
                page_file.write_text(original, encoding="utf-8")
    return results


def serve_once(site: Site, page_file: Path, original: str, page_url: str, round_: int, edits: int, times: list[float]) -> None:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-f", str(site.config_file), "-a", f"127.0.0.1:{port}", *site.extra_args],
        cwd=site.tree,
        env=site.env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        url = f"http://127.0.0.1:{port}/{page_url}"
        deadline = time.monotonic() + 300
        while fetch(url) is None:
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError(f"mkdocs serve for {site.name} did not start")
            time.sleep(0.1)
        time.sleep(1.0)  # let the watcher take its first look at the files
        for edit in range(edits):
            marker = f"benchmark-edit-{site.name}-{round_}-{edit}-{time.time_ns()}"
            page_file.write_text(original + f"\n\n{marker}\n", encoding="utf-8")
            start = time.perf_counter()
            while True:
                body = fetch(url)
                if body is not None and marker in body:
                    break
                if time.perf_counter() - start > 300:
                    raise RuntimeError(f"mkdocs serve for {site.name} never showed the change")
                time.sleep(0.02)
            elapsed = time.perf_counter() - start
            times.append(elapsed)
            log(f"serve rebuild {site.name}: {elapsed:.2f} s")
            time.sleep(0.7)
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def guide_page(samples: dict[str, str], docs: Path, stock_docs_dir: Path) -> str:
    """The Markdown file of the sampled guide page, in both trees (else the start page)."""
    guide = samples.get("guide")
    if guide:
        for candidate in (f"{guide.rstrip('/')}.md", f"{guide}index.md"):
            if (docs / candidate).exists() and (stock_docs_dir / candidate).exists():
                return candidate
    return "index.md"


def measure_rebuilds(site: Site, page: str, rounds: int, work: Path) -> dict[str, Any]:
    """The rebuild `mkdocs serve` makes after an edit, without its file watching and HTTP:
    one process builds once, then for each round changes `page` and builds again from a
    newly loaded config, as serve's builder does. Wall and CPU seconds per rebuild."""
    page_file = site.docs / page
    original = page_file.read_text(encoding="utf-8")
    try:
        done = subprocess.run(
            [sys.executable, str(Path(__file__).resolve()), "--rebuild-worker", str(site.config_file), str(page_file), str(rounds)],
            cwd=site.tree,
            # The tree's own package first, as `python -m mkdocs` (cwd first) finds it in the builds.
            env={**site.env, "BENCH_REBUILD_SITE": str(work / f"rebuild-{site.name}"), "PYTHONPATH": os.pathsep.join(filter(None, [str(site.tree), site.env.get("PYTHONPATH")]))},
            capture_output=True,
            text=True,
            timeout=1800,
        )
    finally:
        page_file.write_text(original, encoding="utf-8")
    if done.returncode != 0:
        raise BuildFailed(site.name, done.stdout + done.stderr)
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    log(f"rebuild {site.name}: wall {figures['wall']}, CPU {figures['cpu']}")
    return figures


def rebuild_worker(config_file: Path, page_file: Path, rounds: int) -> int:
    """--rebuild-worker: the process measure_rebuilds starts (prints one JSON line)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    site_dir = os.environ.get("BENCH_REBUILD_SITE") or tempfile.mkdtemp(prefix="bench-rebuild-")
    original = page_file.read_text(encoding="utf-8")

    def one_build(first: bool) -> None:
        config = load_config(str(config_file), site_dir=site_dir)
        if first:
            config.plugins.on_startup(command="serve", dirty=False)
        build(config)

    one_build(first=True)
    wall, cpu = [], []
    try:
        for round_ in range(rounds):
            page_file.write_text(original + f"\n\nbenchmark-rebuild-{round_}-{time.time_ns()}\n", encoding="utf-8")
            start, start_cpu = time.perf_counter(), time.process_time()
            one_build(first=False)
            wall.append(round(time.perf_counter() - start, 3))
            cpu.append(round(time.process_time() - start_cpu, 3))
    finally:
        page_file.write_text(original, encoding="utf-8")
    print(json.dumps({"wall": wall, "cpu": cpu}))
    return 0


# --------------------------------------------------------------------------- report


def ratio(ours: float | None, stock: float | None) -> float | None:
    if ours is None or stock in (None, 0):
        return None
    return ours / stock


def spread(times: list[float]) -> str:
    """min / median / max of a list of timings, so that one slow run shows as such."""
    if not times:
        return "n/a"
    return f"{min(times):.2f} / {statistics.median(times):.2f} / {max(times):.2f}"


def fmt_ratio(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def fmt_bytes(value: int | None) -> str:
    return "n/a" if value is None else f"{value:,}".replace(",", " ")


def fmt_scores(scores: dict[str, float] | None) -> str:
    if scores is None:
        return "n/a"
    return " / ".join(f"{scores[key]:.2f}" for key in LIGHTHOUSE_CATEGORIES)


def verdict(ok: bool | None) -> str:
    return "n/a" if ok is None else ("met" if ok else "**not met**")


def report_markdown(results: dict[str, Any]) -> str:
    lines = [
        f"# Benchmark: ours / stock Material ({results['started']})",
        "",
        f"Tree: `{results['tree']}`; {results['machine']['cpus']} CPUs, load average {results['machine']['load_before']} before and {results['machine']['load_after']} after.",
        "Ratios are ours / stock: below 1.00 means ours is smaller or faster.",
        "",
        "| measure | ours | stock | ratio | target | status |",
        "|---|---|---|---|---|---|",
    ]
    builds = results["builds"]
    lines.append(
        f"| full build, median of {len(builds['ours']['times'])} (s) | {builds['ours']['median']:.2f} | {builds['stock']['median']:.2f} "
        f"| {fmt_ratio(builds['ratio'])} | ≤ {TARGET_BUILD_RATIO} | {verdict(builds['ratio'] <= TARGET_BUILD_RATIO)} |"
    )
    lines.append(f"| full build, min / median / max (s) | {spread(builds['ours']['times'])} | {spread(builds['stock']['times'])} | | | |")
    lines.append(
        f"| output size (bytes) | {fmt_bytes(builds['ours']['size']['bytes'])} | {fmt_bytes(builds['stock']['size']['bytes'])} "
        f"| {fmt_ratio(ratio(builds['ours']['size']['bytes'], builds['stock']['size']['bytes']))} | | |"
    )
    lines.append(
        f"| output files | {builds['ours']['size']['files']} | {builds['stock']['size']['files']} "
        f"| {fmt_ratio(ratio(builds['ours']['size']['files'], builds['stock']['size']['files']))} | | |"
    )
    pages = (builds["ours"]["size"].get("html_pages"), builds["stock"]["size"].get("html_pages"))
    if all(pages):
        per_page = (1000 * builds["ours"]["median"] / pages[0], 1000 * builds["stock"]["median"] / pages[1])
        lines.append(f"| HTML pages built | {pages[0]} | {pages[1]} | {fmt_ratio(ratio(*pages))} | | |")
        per_page_ratio = ratio(*per_page)
        lines.append(
            f"| full build per HTML page (ms) | {per_page[0]:.0f} | {per_page[1]:.0f} | {fmt_ratio(per_page_ratio)} "
            f"| ≤ {TARGET_PER_PAGE_RATIO} | {verdict(None if per_page_ratio is None else per_page_ratio <= TARGET_PER_PAGE_RATIO)} |"
        )
        if builds["ours"].get("cpu_median") and builds["stock"].get("cpu_median"):
            cpu_page = (1000 * builds["ours"]["cpu_median"] / pages[0], 1000 * builds["stock"]["cpu_median"] / pages[1])
            cpu_ratio = ratio(*cpu_page)
            lines.append(
                f"| full build per HTML page, CPU (ms) | {cpu_page[0]:.0f} | {cpu_page[1]:.0f} | {fmt_ratio(cpu_ratio)} "
                f"| ≤ {TARGET_PER_PAGE_RATIO} | {verdict(None if cpu_ratio is None else cpu_ratio <= TARGET_PER_PAGE_RATIO)} |"
            )
    rebuild = results.get("rebuild")
    if rebuild and rebuild.get("ours") and rebuild.get("stock"):
        for unit, key in (("wall", "wall"), ("CPU", "cpu")):
            ours_value, stock_value = statistics.median(rebuild["ours"][key]), statistics.median(rebuild["stock"][key])
            value = ratio(ours_value, stock_value)
            lines.append(
                f"| rebuild after an edit, as `mkdocs serve` (in one process), {unit} median of {len(rebuild['ours'][key])} (s) "
                f"| {ours_value:.2f} | {stock_value:.2f} | {fmt_ratio(value)} | ≤ {TARGET_SERVE_RATIO} "
                f"| {verdict(None if value is None else value <= TARGET_SERVE_RATIO)} |"
            )
    for kind, entry in results.get("weight", {}).items():
        ours, stock = entry["ours"], entry["stock"]
        value = ratio(ours and ours["total"], stock and stock["total"])
        target, status = "", ""
        if kind == "guide":
            target = f"≤ {TARGET_GUIDE_WEIGHT_RATIO}"
            status = verdict(None if value is None else value <= TARGET_GUIDE_WEIGHT_RATIO)
        lines.append(
            f"| first load, {kind} `/{entry['path']}` (bytes) | {fmt_bytes(ours and ours['total'])} | {fmt_bytes(stock and stock['total'])} "
            f"| {fmt_ratio(value)} | {target} | {status} |"
        )
    for lang, entry in results.get("search_index", {}).get("ours", {}).items():
        stock = results["search_index"]["stock"].get(lang)
        for unit in ("bytes", "gzip_bytes"):
            lines.append(
                f"| search index `{lang}`, {unit.replace('_', ' ')} | {fmt_bytes(entry and entry[unit])} | {fmt_bytes(stock and stock[unit])} "
                f"| {fmt_ratio(ratio(entry and entry[unit], stock and stock[unit]))} | | |"
            )
    serve = results.get("serve")
    if serve and serve.get("ours") and serve.get("stock"):
        serve_ratio = ratio(statistics.median(serve["ours"]), statistics.median(serve["stock"]))
        lines.append(
            f"| `mkdocs serve` rebuild, median of {len(serve['ours'])} (s) | {statistics.median(serve['ours']):.2f} | {statistics.median(serve['stock']):.2f} "
            f"| {fmt_ratio(serve_ratio)} | ≤ {TARGET_SERVE_RATIO} | {verdict(None if serve_ratio is None else serve_ratio <= TARGET_SERVE_RATIO)} |"
        )
        lines.append(f"| `mkdocs serve` rebuild, min / median / max (s) | {spread(serve['ours'])} | {spread(serve['stock'])} | | | |")
    lighthouse = results.get("lighthouse")
    if lighthouse:
        lines += [
            "",
            "Lighthouse (mobile, simulated throttling), median of runs: performance / accessibility / best practices / SEO.",
            "",
            "| page | ours | stock | target (ours) | status |",
            "|---|---|---|---|---|",
        ]
        for kind, entry in lighthouse.items():
            ours, stock = median_scores(entry["ours"]), median_scores(entry["stock"])
            ok = None if ours is None else all(ours[key] >= TARGET_LIGHTHOUSE[key] for key in LIGHTHOUSE_CATEGORIES)
            lines.append(f"| {kind} `/{entry['path']}` | {fmt_scores(ours)} | {fmt_scores(stock)} | ≥ 0.98 / 1 / 1 / 1 | {verdict(ok)} |")
    weight = results.get("weight")
    if weight:
        lines += ["", "First-load bytes by kind (ours / stock):", "", "| page | html | css | js | fonts | search index | images | other |", "|---|---|---|---|---|---|---|---|"]
        for kind, entry in weight.items():
            cells = []
            for cat in ("html", "css", "js", "fonts", "search index", "images", "other"):
                o = entry["ours"]["by_category"].get(cat, 0) if entry["ours"] else None
                s = entry["stock"]["by_category"].get(cat, 0) if entry["stock"] else None
                cells.append(f"{fmt_bytes(o)} / {fmt_bytes(s)}")
            lines.append(f"| {kind} | " + " | ".join(cells) + " |")
    if results.get("notes"):
        lines += ["", "Notes:", ""] + [f"- {note}" for note in results["notes"]]
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- main


def versions() -> dict[str, str]:
    from importlib.metadata import version

    found = {name: version(name) for name in ("mkdocs", "mkdocs-material", "mkdocs-static-i18n", "pymdown-extensions", "playwright")}
    found["python"] = platform.python_version()
    try:
        found["chromium"] = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True, timeout=30).stdout.strip()
    except OSError:
        found["chromium"] = "missing"
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--repo", type=Path, default=REPO, help="the tree to measure (default: this one)")
    parser.add_argument("--builds", type=int, default=5, help="timed builds of each site (default 5)")
    parser.add_argument("--serve-rounds", type=int, default=2, help="mkdocs serve sessions per site (default 2, 2 edits each)")
    parser.add_argument("--lighthouse-runs", type=int, default=3, help="Lighthouse runs per page and site; the median is reported (default 3)")
    parser.add_argument("--skip-lighthouse", action="store_true")
    parser.add_argument("--skip-serve", action="store_true")
    parser.add_argument("--rebuild-rounds", type=int, default=3, help="rebuilds as `mkdocs serve` makes them, per site, in one process (default 3; 0 skips)")
    parser.add_argument("--rebuild-worker", nargs=3, metavar=("CONFIG", "PAGE", "ROUNDS"), help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results")
    args = parser.parse_args()
    if args.rebuild_worker:
        return rebuild_worker(Path(args.rebuild_worker[0]), Path(args.rebuild_worker[1]), int(args.rebuild_worker[2]))
    # A SIGTERM (a CI timeout, `kill`) unwinds like Ctrl-C, so that the servers, the
    # `mkdocs serve` processes and Lighthouse's Chromium are stopped on the way out.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    started = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    work = Path(tempfile.mkdtemp(prefix="anhorigguiden-bench-"))
    atexit.register(shutil.rmtree, work, True)
    tree = work / "tree"
    log(f"copying {args.repo} to {tree}")
    shutil.copytree(args.repo, tree, ignore=COPY_IGNORE, symlinks=True)
    out = work / "out"
    out.mkdir()
    # Same dates in both builds, and no git lookup in either (the copy has no .git).
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": str(int(started.timestamp()))}

    ours_config = load_config(tree / "mkdocs.yml")
    i18n = plugin_entry(ours_config.get("plugins", []), "i18n") or {}
    languages = [lang["locale"] for lang in i18n.get("languages", []) if lang.get("build", True)] or [ours_config["theme"].get("language", "en")]
    default = next((lang["locale"] for lang in i18n.get("languages", []) if lang.get("default")), languages[0])
    import yaml

    docs = tree / ours_config.get("docs_dir", "docs")
    stock_docs_dir = work / "stock-docs"
    without_template = stock_docs(docs, stock_docs_dir)
    stock = stock_config(ours_config, tree, stock_docs_dir)
    stock_file = work / "stock.yml"
    stock_file.write_text(yaml.safe_dump(stock, allow_unicode=True, sort_keys=False), encoding="utf-8")
    sites = [Site("ours", tree / "mkdocs.yml", tree, docs, env), Site("stock", stock_file, tree, stock_docs_dir, env)]

    results: dict[str, Any] = {
        "started": started.isoformat(),
        "tree": str(args.repo),
        "versions": versions(),
        "machine": {"cpus": os.cpu_count(), "load_before": round(os.getloadavg()[0], 2)},
        "stock_config": stock,
        "notes": [],
    }
    if without_template:
        results["notes"].append(
            "stock: `template:` (one of our override templates) dropped from the front matter of " + ", ".join(without_template)
        )

    log("warm-up builds")
    for site in sites:
        warm_up(site, out)
    measure_builds(sites, out, args.builds)
    for site in sites:
        results["notes"] += [f"{site.name}: {note}" for note in site.notes]
    results["builds"] = {
        site.name: {
            "times": site.build_times,
            "median": statistics.median(site.build_times),
            "cpu_times": site.cpu_times,
            "cpu_median": statistics.median(site.cpu_times),
            "size": tree_size(site.site_dir),
        }
        for site in sites
    }
    results["builds"]["ratio"] = results["builds"]["ours"]["median"] / results["builds"]["stock"]["median"]

    results["search_index"] = {site.name: search_indexes(site.site_dir, languages, default) for site in sites}

    samples = sample_pages(sites[0].site_dir, [lang for lang in languages if lang != default])
    available = {site.name: set(page_paths(site.site_dir, [lang for lang in languages if lang != default])) for site in sites}
    for kind, path in samples.items():
        if path not in available["stock"]:
            results["notes"].append(f"{kind} `/{path}` exists only in ours (a page our hooks generate): no stock figure")
    results["samples"] = samples

    server = Server({site.name: site.site_dir for site in sites})
    try:
        results["weight"] = measure_weights(server, samples, available)
        results["server_bytes_sent"] = dict(server.sent)
        if not args.skip_lighthouse:
            results["lighthouse"] = measure_lighthouse(server, samples, available, args.lighthouse_runs, work)
    finally:
        server.close()

    if not args.skip_serve:
        guide = samples.get("guide")
        page = None
        if guide:
            for candidate in (f"{guide.rstrip('/')}.md", f"{guide}index.md"):
                if (docs / candidate).exists() and (stock_docs_dir / candidate).exists():
                    page = candidate
                    break
        if page is None:
            page, guide = "index.md", ""
        results["serve"] = measure_serve(sites, page, guide, args.serve_rounds, 2)
        results["serve_page"] = page
    if args.rebuild_rounds > 0:
        page = results.get("serve_page") or guide_page(samples, docs, stock_docs_dir)
        results["rebuild"] = {site.name: measure_rebuilds(site, page, args.rebuild_rounds, work) for site in sites}
        results["rebuild_page"] = page

    results["machine"]["load_after"] = round(os.getloadavg()[0], 2)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "latest.json").write_text(json.dumps(results, indent=2, ensure_ascii=False, default=str), encoding="utf-8")
    table = report_markdown(results)
    (args.out / "latest.md").write_text(table, encoding="utf-8")
    print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
