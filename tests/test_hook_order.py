"""The order in which MkDocs runs our hooks, frozen, and what the order is for.

MkDocs runs, for each event, every handler of every plugin and hook sorted by priority
(`@event_priority`, higher first; 0 without one); handlers with the same priority run in
the order of `plugins:` and then `hooks:` in mkdocs.yml. HOOK_ORDER below is that run
order as MkDocs has loaded it from the real mkdocs.yml. A change of order (a new handler,
a new priority, a reordered `hooks:` list, a plugin upgrade) fails this test until
HOOK_ORDER and the table in ARCHITECTURE.md are edited on purpose:

    .venv/bin/python tests/test_hook_order.py     # prints the table as MkDocs runs it now
"""

from __future__ import annotations

import ast
import inspect
import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin

from bs4 import BeautifulSoup
from mkdocs.config import load_config
from sitebuilder import REPO

# The events in the order a build fires them (mkdocs/commands/build.py): every page is
# read and converted (pre_page ... page_content) before on_env, and written
# (page_context, post_page) after the theme's own templates (404.html, sitemap.xml).
LIFECYCLE = (
    "startup",
    "serve",
    "config",
    "pre_build",
    "files",
    "nav",
    "pre_page",
    "page_read_source",
    "page_markdown",
    "page_content",
    "env",
    "pre_template",
    "template_context",
    "post_template",
    "page_context",
    "post_page",
    "post_build",
    "build_error",
    "shutdown",
)

# (event, priority, plugin or hook file), in the order MkDocs runs them.
HOOK_ORDER: list[tuple[str, int, str]] = [
    ("startup", 0, "material/search"),
    ("startup", 0, "hooks/organisation.py"),
    ("startup", 0, "hooks/sources_page.py"),
    ("serve", 0, "material/search"),
    ("config", 100, "hooks/build_date.py"),
    ("config", 50, "hooks/offline_build.py"),
    ("config", 0, "material/search"),
    ("config", 0, "material/offline"),
    ("config", -50, "hooks/organisation.py"),
    ("config", -100, "i18n"),
    ("config", -150, "hooks/ui_strings.py"),
    ("config", -200, "hooks/front_matter.py"),
    ("config", -200, "hooks/translations.py"),
    ("config", -200, "hooks/presentation_video.py"),
    ("config", -200, "hooks/local_contacts.py"),
    ("config", -200, "hooks/accessibility_statement.py"),
    ("config", -200, "hooks/sources_page.py"),
    ("config", -200, "hooks/glossary.py"),
    ("config", -200, "hooks/markdown_extensions.py"),
    ("config", -200, "hooks/training_paths.py"),
    ("pre_build", 0, "hooks/organisation.py"),
    ("files", 50, "hooks/front_matter.py"),
    ("files", 0, "material/meta"),
    ("files", -100, "i18n"),
    ("files", -150, "hooks/accessibility_statement.py"),
    ("files", -200, "hooks/glossary.py"),
    ("files", -200, "hooks/training_paths.py"),
    ("files", -250, "hooks/organisation.py"),
    ("files", -300, "hooks/sources_page.py"),
    ("nav", -100, "i18n"),
    ("nav", -200, "hooks/training_paths.py"),
    ("nav", -250, "hooks/organisation.py"),
    ("nav", -300, "hooks/sources_page.py"),
    ("pre_page", 0, "hooks/front_matter.py"),
    ("page_markdown", 50, "material/meta"),
    ("page_markdown", 50, "i18n"),
    ("page_markdown", 30, "hooks/front_matter.py"),
    ("page_markdown", 25, "hooks/translations.py"),
    ("page_markdown", 20, "hooks/presentation_video.py"),
    ("page_markdown", 0, "hooks/sources_page.py"),
    ("page_content", 10, "hooks/training_paths.py"),
    ("page_content", 5, "hooks/sources_page.py"),
    ("page_content", 0, "hooks/search_per_language.py"),
    ("page_content", 0, "hooks/organisation.py"),
    ("env", 100, "hooks/template_cache.py"),
    ("env", 0, "i18n"),
    ("env", 0, "hooks/translations.py"),
    ("env", 0, "hooks/ui_strings.py"),
    ("env", 0, "hooks/dates_in_words.py"),
    ("env", 0, "hooks/presentation_video.py"),
    ("env", 0, "hooks/help_contacts.py"),
    ("env", 0, "hooks/accessibility_statement.py"),
    ("env", 0, "hooks/page_tools.py"),
    ("template_context", 50, "i18n"),
    ("post_template", 0, "hooks/language_switcher.py"),
    ("post_template", -500, "hooks/content_security_policy.py"),
    ("page_context", 50, "i18n"),
    ("page_context", 0, "material/search"),
    ("page_context", 0, "hooks/translations.py"),
    ("page_context", 0, "hooks/training_paths.py"),
    ("post_page", 0, "hooks/search_per_language.py"),
    ("post_page", -100, "i18n"),
    ("post_page", -500, "hooks/content_security_policy.py"),
    ("post_build", 0, "material/search"),
    ("post_build", -100, "material/offline"),
    ("post_build", -100, "i18n"),
    ("post_build", -200, "hooks/search_per_language.py"),
    ("post_build", -300, "hooks/offline_build.py"),
]

ARCHITECTURE = REPO / "ARCHITECTURE.md"
TABLE_START, TABLE_END = "<!-- hook-order:start -->", "<!-- hook-order:end -->"


def run_order() -> list[tuple[str, int, str, str]]:
    """(event, priority, plugin or hook file, why) for every handler MkDocs will run, in
    run order, read from the event table of the real mkdocs.yml (`config.plugins.events`,
    which MkDocs sorts by priority); `why` is the comment on a hook's decorator line."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    config = load_config(str(REPO / "mkdocs.yml"))
    unknown = {event for event, handlers in config.plugins.events.items() if handlers} - set(LIFECYCLE)
    assert not unknown, f"handlers for events this test does not place in LIFECYCLE: {sorted(unknown)}"
    rows = []
    for event in LIFECYCLE:
        for handler in config.plugins.events.get(event, []):
            owner = next(name for name, plugin in config.plugins.items() if getattr(plugin, f"on_{event}", None) == handler)
            rows.append((event, getattr(handler, "mkdocs_priority", 0), owner, _why(handler, owner)))
    return rows


def _why(handler, owner: str) -> str:
    """The reason a hook gives for its place: the comment on its decorator line, or the
    comment just above it."""
    if not owner.startswith("hooks/"):
        return "(plugin)"
    first = inspect.getsourcelines(handler)[0][0]
    if not first.startswith("@event_priority"):
        return "no priority: 0, in the order of `hooks:`"
    if "#" in first:
        return first.split("#", 1)[1].strip()
    above = inspect.getcomments(handler) or ""
    return " ".join(line.lstrip("# ").strip() for line in above.splitlines())


def markdown_table(rows: list[tuple[str, int, str, str]]) -> str:
    lines = ["| event | priority | hook or plugin | why there |", "|---|---|---|---|"]
    lines += [f"| {event} | {priority} | `{owner}` | {why.replace('|', '/')} |" for event, priority, owner, why in rows]
    return "\n".join(lines)


def test_mkdocs_runs_the_handlers_in_the_frozen_order():
    actual = [(event, priority, owner) for event, priority, owner, _ in run_order()]
    assert actual == HOOK_ORDER, (
        "The hooks now run in another order. If that is on purpose, update HOOK_ORDER in "
        "tests/test_hook_order.py and the table in ARCHITECTURE.md (print it with "
        "`.venv/bin/python tests/test_hook_order.py`).\n" + markdown_table(run_order())
    )


def test_architecture_page_shows_the_frozen_order():
    text = ARCHITECTURE.read_text(encoding="utf-8")
    assert TABLE_START in text and TABLE_END in text, f"ARCHITECTURE.md lacks the markers {TABLE_START} ... {TABLE_END}"
    table = text.split(TABLE_START, 1)[1].split(TABLE_END, 1)[0]
    rows = []
    for line in table.strip().splitlines()[2:]:
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        rows.append((cells[0], int(cells[1]), cells[2].strip("`")))
    assert rows == HOOK_ORDER, "ARCHITECTURE.md's hook table differs from HOOK_ORDER; print it with `.venv/bin/python tests/test_hook_order.py`"


def _modules(folder: str) -> list[Path]:
    return sorted(path for path in (REPO / folder).glob("*.py") if path.name != "__init__.py")


def test_architecture_page_describes_every_hook_and_package_module():
    text = ARCHITECTURE.read_text(encoding="utf-8")
    missing = [f"{folder}/{path.name}" for folder in ("hooks", "anhorigguiden", "anhorigguiden/markdown") for path in _modules(folder) if f"`{path.name}`" not in text]
    assert not missing, f"ARCHITECTURE.md, 'What each module does', has no line for: {', '.join(missing)}"


def _imported_modules(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            if node.module == "anhorigguiden":
                names |= {f"anhorigguiden.{alias.name}" for alias in node.names}
    return names


def test_hooks_folder_holds_only_the_hooks_mkdocs_yml_lists():
    listed = set(re.findall(r"^\s*- hooks/(\w+\.py)\s*$", (REPO / "mkdocs.yml").read_text(encoding="utf-8"), re.M))
    present = {path.name for path in _modules("hooks")}
    assert present == listed, f"not hooks, move them into anhorigguiden/: {sorted(present - listed)}; listed but missing: {sorted(listed - present)}"


def test_no_hook_imports_another_hook_and_the_package_imports_none():
    hooks = {path.stem for path in _modules("hooks")}
    offenders = []
    for folder in ("hooks", "anhorigguiden", "anhorigguiden/markdown"):
        for path in _modules(folder):
            imported = {name.split(".")[0] for name in _imported_modules(path)} & hooks
            if imported:
                offenders.append(f"{folder}/{path.name} imports {sorted(imported)}")
    assert not offenders, "; ".join(offenders)
    # The check can see a hook import: the package's modules are imported this way.
    assert "anhorigguiden.guide_data" in _imported_modules(REPO / "hooks" / "markdown_extensions.py")


def test_reading_order_puts_pages_outside_the_nav_after_the_page_they_follow():
    sys.path.insert(0, str(REPO / "hooks"))
    from sources_page import reading_order

    order = reading_order(
        ["index.md", "utbildning/a/index.md", "kallor.md"],
        ["index.md", "kallor.md", "utbildning/a/index.md", "utbildning/a/m1.md", "utbildning/a/m2.md"],
    )
    ranked = sorted(order, key=order.__getitem__)
    assert ranked == ["index.md", "utbildning/a/index.md", "utbildning/a/m1.md", "utbildning/a/m2.md", "kallor.md"]


def _links(html_file, selector: str, base: str) -> list[str]:
    soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "lxml")
    return [urljoin(base, a["href"]).split("#")[0] for a in soup.select(selector) if not a["href"].startswith("#")]


def test_sources_page_lists_pages_in_reading_order_with_training_modules_after_their_overview(site):
    """The reading order, taken from the built site itself: the pages of the navigation
    as the sidebar lists them, and after each training path's overview the modules and
    certificate in the order the overview links to them."""
    root = "https://guide.test/"
    nav = list(dict.fromkeys(_links(site.site_dir / "index.html", "nav.md-nav--primary a.md-nav__link[href]", root)))
    reading = []
    for url in nav:
        reading.append(url)
        overview = site.site_dir / url.removeprefix(root) / "index.html"
        if url.startswith(f"{root}utbildning/") and url.count("/") == 5 and overview.exists():
            # The overview's own links into its path, in its order (not its citations).
            reading += [link for link in _links(overview, "article a[href]", url) if link.startswith(url) and link != url]
    position = {url: index for index, url in enumerate(reading)}

    soup = BeautifulSoup((site.site_dir / "kallor" / "index.html").read_text(encoding="utf-8"), "lxml")
    checked_with_modules = 0
    for heading in soup.select("article h2[id]"):
        listed = [urljoin(f"{root}kallor/", a["href"]) for a in heading.find_next_sibling("dl").select("dd ul a[href]")]
        assert all(url in position for url in listed), f"{heading['id']}: pages outside the reading order: {set(listed) - set(position)}"
        assert listed == sorted(listed, key=position.__getitem__), f"source {heading['id']} lists its pages out of reading order: {listed}"
        overviews = [url for url in listed if url.startswith(f"{root}utbildning/") and url.count("/") == 5 and url in nav]
        if overviews and any(url.count("/") == 6 for url in listed):
            checked_with_modules += 1
    # The check above must have met the case that was wrong: a source used by a training
    # path's overview and by its modules.
    assert checked_with_modules >= 1


def test_dirty_builds_are_refused_with_one_line(tmp_path):
    completed = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--dirty", "-f", str(REPO / "mkdocs.yml"), "-d", str(tmp_path / "site")],
        cwd=REPO,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=300,
    )
    output = completed.stdout + completed.stderr
    assert completed.returncode != 0
    assert "Traceback" not in output
    errors = [line for line in output.splitlines() if "--dirty is not supported" in line]
    assert len(errors) == 1 and "run 'mkdocs serve' or 'mkdocs build' without --dirty" in errors[0], output
    assert not (tmp_path / "site").exists(), "the refusal comes before anything is built"


if __name__ == "__main__":
    print(markdown_table(run_order()))


def test_the_page_syntax_extensions_run_without_mkdocs():
    """Under an engine without MkDocs (Zensical), our extensions still import and convert:
    MkDocs is blocked in a fresh interpreter, as if it were not installed."""
    import subprocess

    program = (
        "import sys; sys.modules['mkdocs'] = None\n"
        "import markdown\n"
        "names = ['marker_check', 'contacts', 'citations', 'citation_refs', 'glossary']\n"
        "html = markdown.markdown('En anhörig. [[source:natverket-strategi-bildspel]]\\n\\n[[contacts]]',"
        " extensions=['attr_list'] + ['anhorigguiden.markdown.' + name for name in names])\n"
        "print(html)\n"
        "try:\n"
        "    markdown.markdown('[[fakta:x]]', extensions=['anhorigguiden.markdown.marker_check'])\n"
        "except Exception as error:\n"
        "    print(type(error).__name__, str(error).splitlines()[0])\n"
    )
    result = subprocess.run([sys.executable, "-c", program], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert 'class="ag-term"' in result.stdout and 'href="kallor.md#natverket-strategi-bildspel"' in result.stdout
    assert "ag-contacts--none" in result.stdout
    assert "GuideError (the page being converted): 1 problem(s)" in result.stdout
