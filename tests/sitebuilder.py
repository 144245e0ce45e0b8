"""Build the real site, or a tiny site in a temporary folder, with the real hooks.

Used by the tests at two levels (STYLE.md lesson 10): tiny sites, one per author mistake,
and the real site, built once per test session.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml
from mkdocs.utils.yaml import yaml_load

REPO = Path(__file__).resolve().parent.parent



def _other_languages() -> list[str]:
    """The real site's non-default languages: a tiny site's page is Swedish only on purpose."""
    with open(REPO / "mkdocs.yml", encoding="utf-8") as handle:
        settings = yaml_load(handle)
    for plugin in settings.get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            return [lang["locale"] for lang in plugin["i18n"]["languages"] if not lang.get("default")]
    return []


OTHER_LANGUAGES = _other_languages()
UNTRANSLATED = f"untranslated: [{', '.join(OTHER_LANGUAGES)}]\n" if OTHER_LANGUAGES else ""

FRONT_MATTER = (
    "---\ntitle: {title}\ndescription: En sida för test.\naudience: [anhoriga]\n"
    "reviewed: 2026-11-22\nsources: []\n" + UNTRANSLATED.replace("{", "{{").replace("}", "}}") + "---\n"
)


@dataclass
class BuildResult:
    returncode: int
    output: str
    site_dir: Path

    @property
    def warnings(self) -> list[str]:
        return [line for line in self.output.splitlines() if line.startswith(("WARNING", "ERROR"))]


def assert_build_fails(result: BuildResult, *fragments: str) -> str:
    """The build stopped with a clean message (no traceback) that has every fragment."""
    assert result.returncode != 0, result.output
    assert "Traceback" not in result.output
    for fragment in fragments:
        assert fragment in result.output, result.output
    return result.output


def run_mkdocs(config_file: Path, site_dir: Path, *, cwd: Path | None = None, env: dict | None = None) -> BuildResult:
    """`mkdocs build --strict` as a user runs it, in a separate process."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    completed = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config_file), "-d", str(site_dir)],
        cwd=cwd or config_file.parent,
        capture_output=True,
        text=True,
        env=environment,
        timeout=600,
    )
    return BuildResult(completed.returncode, completed.stdout + completed.stderr, site_dir)


def build_real_site(site_dir: Path) -> BuildResult:
    return run_mkdocs(REPO / "mkdocs.yml", site_dir, cwd=REPO)


def page(title: str, body: str = "Text.", front_matter: str | None = None) -> str:
    """A valid page, or one with the given front matter block instead of the default."""
    head = front_matter if front_matter is not None else FRONT_MATTER.format(title=title)
    return f"{head}\n# {title}\n\n{body}\n"


def build_tiny_site(
    tmp_path: Path,
    pages: dict[str, str | bytes],
    *,
    data: dict[str, str] | None = None,
    config: dict | None = None,
) -> BuildResult:
    """Build `pages` (path -> Markdown) with the real theme, hooks and plugins.

    `data` replaces registry files (name -> YAML text) in a copy of `data/`; `config` is
    merged over the generated mkdocs.yml (top-level keys replace, `extra` merges).
    """
    config_file = write_tiny_site(tmp_path, pages, data=data, config=config)
    return run_mkdocs(config_file, tmp_path / "site", cwd=tmp_path)


def write_tiny_site(
    tmp_path: Path,
    pages: dict[str, str | bytes],
    *,
    data: dict[str, str] | None = None,
    config: dict | None = None,
) -> Path:
    """The files of `build_tiny_site` (docs/, a copy of data/, mkdocs.yml), unbuilt: for a
    test that builds in its own process. Returns the config file."""
    docs = tmp_path / "docs"
    for name, text in pages.items():
        target = docs / name
        target.parent.mkdir(parents=True, exist_ok=True)
        # Bytes for a file that must be written exactly so (a wrong encoding, a BOM).
        target.write_bytes(text) if isinstance(text, bytes) else target.write_text(text, encoding="utf-8")
    shutil.copytree(REPO / "docs" / "assets", docs / "assets", dirs_exist_ok=True)

    data_copy = tmp_path / "data"
    # Training paths point at the real site's pages, which a tiny site does not have:
    # a tiny site gets paths only when the test passes some in `data`.
    shutil.copytree(REPO / "data", data_copy, ignore=shutil.ignore_patterns("paths"))
    (data_copy / "paths").mkdir()
    for name, text in (data or {}).items():
        (data_copy / name).parent.mkdir(parents=True, exist_ok=True)
        (data_copy / name).write_text(text, encoding="utf-8")

    with open(REPO / "mkdocs.yml", encoding="utf-8") as handle:
        settings = yaml_load(handle)
    settings.pop("nav", None)
    settings.pop("INHERIT", None)
    settings["docs_dir"] = str(docs)
    settings["theme"]["custom_dir"] = str(REPO / "overrides")
    settings["hooks"] = [str(REPO / hook) for hook in settings.get("hooks", [])]
    settings["watch"] = [str(REPO / path) for path in settings.get("watch", [])]
    settings["extra"] = {**settings.get("extra", {}), "data_dir": str(data_copy)}
    for key, value in (config or {}).items():
        if key == "extra":
            settings["extra"].update(value)
        else:
            settings[key] = value
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(settings, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return config_file
