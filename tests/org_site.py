"""The real site built with the example organisation's file (examples/exempelkommun/),
once per test session, and helpers to write an organisation file for a tiny site.

Shared by test_organisation.py, test_local_contacts.py and test_accessibility_statement.py.
"""

from __future__ import annotations

import functools
import tempfile
import textwrap
from pathlib import Path

from mkdocs.utils.yaml import yaml_load
from sitebuilder import REPO, BuildResult, run_mkdocs

EXAMPLE = REPO / "examples" / "exempelkommun"
EXAMPLE_FILE = EXAMPLE / "organisation.yml"
# The example publishes under a sub-path (site_url: https://www.example.org/anhorigguiden/);
# the tests serve it under the same path, so that its absolute links resolve.
SUB_PATH = "anhorigguiden"

# The smallest organisation file a real organisation may have.
MINIMAL = """\
organisation: Testkommun
accessibility:
  report:
    email: tillganglighet@example.se
"""


@functools.lru_cache(maxsize=1)
def example_site() -> BuildResult:
    root = Path(tempfile.mkdtemp(prefix="anhorigguiden-exempelkommun-"))
    return run_mkdocs(
        REPO / "mkdocs.yml",
        root / SUB_PATH,
        cwd=REPO,
        env={"ANHORIGGUIDEN_ORGANISATION": "examples/exempelkommun/organisation.yml"},
    )


def write_organisation(tmp_path: Path, text: str, files: dict[str, str] | None = None) -> Path:
    """An organisation file (and files beside it, e.g. a logo or local pages) in tmp_path."""
    folder = tmp_path / "org"
    folder.mkdir(exist_ok=True)
    for name, content in (files or {}).items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
    path = folder / "organisation.yml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def tiny(pages: dict[str, str]) -> dict[str, str]:
    """A tiny site's pages, each Swedish page marked `untranslated:` in exactly the languages
    it has no translation in among `pages` (hooks/translations.py asks for a translation in
    each built language, and refuses a language marked that has one)."""
    with open(REPO / "mkdocs.yml", encoding="utf-8") as handle:
        settings = yaml_load(handle)
    plugin = next(p["i18n"] for p in settings["plugins"] if isinstance(p, dict) and "i18n" in p)
    others = [lang["locale"] for lang in plugin["languages"] if not lang.get("default")]
    result = dict(pages)
    for name, text in pages.items():
        stem = name[: -len(".md")]
        if not name.endswith(".md") or stem.rpartition(".")[2] in others or not text.startswith("---\n"):
            continue
        end = text.index("\n---\n", 3)
        head = [line for line in text[4:end].split("\n") if not line.startswith("untranslated:")]
        missing = [lang for lang in others if f"{stem}.{lang}.md" not in pages]
        if missing:
            head.append(f"untranslated: [{', '.join(missing)}]")
        result[name] = "---\n" + "\n".join(head) + text[end:]
    return result
