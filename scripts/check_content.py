"""Check the content without a browser, and say every problem at once (`make check-content`).

An editor's quick check before a preview or a commit. In order:

1. every data file on its own (sources, facts, law references, glossary, interface texts,
   training paths, the organisation's file), with the same checks as the build, so that a
   mistake in one file does not hide a mistake in another;
2. every page's front matter and every `[[...]]` marker in every page;
3. if all of that is right: the whole build, strict, into a temporary folder, which checks
   what only a build can (links and anchors, translations, generated pages).

Each problem is printed in the project's message form (file, key, found, allowed, fix).
Exit status 0 when nothing is wrong, 1 otherwise. CI runs it first, so a content mistake
fails in seconds instead of after the browser tests.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# This checkout's package and hooks (the editable install in .venv may be another checkout's).
sys.path[:0] = [str(REPO), str(REPO / "hooks")]

from mkdocs.config import load_config  # noqa: E402
from mkdocs.exceptions import MkDocsException  # noqa: E402

import front_matter  # noqa: E402
import organisation  # noqa: E402
import ui_strings  # noqa: E402
from anhorigguiden import glossary_terms, organisation_schema, references, training_data  # noqa: E402
from anhorigguiden.guide_data import GuideError, build_day, data_dir, decode_utf8, load_yaml_file  # noqa: E402
from anhorigguiden.site_languages import languages  # noqa: E402

MARKER = re.compile(r"\[\[(?P<kind>[a-z_]+)(?::(?P<key>[^\]\s]*))?\]\]")
MARKER_KINDS = ("fact", "source", "law", "contacts")


class Checker:
    """Runs checks one after another and keeps every message, instead of stopping."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def run(self, check: Callable[[], object]) -> object | None:
        try:
            return check()
        except (GuideError, MkDocsException) as error:
            self.problems.append(str(error).rstrip())
        except (OSError, UnicodeDecodeError) as error:
            self.problems.append(f"{getattr(error, 'filename', '') or 'a file'}: cannot be read: {error}")
        return None


def configuration(config_file: Path):
    """mkdocs.yml as the build reads it (plugins and hooks loaded, nothing built)."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    return load_config(str(config_file))


def check_data(checker: Checker, config) -> dict:
    folder = data_dir(config)
    langs = languages(config)
    for error in checker.run(lambda: references.check_each(config)) or []:
        checker.problems.append(str(error).rstrip())
    # Markers are checked against the keys as written, even where an entry has a mistake.
    keys = {}
    for kind, name in (("fact", "facts.yml"), ("source", "sources.yml"), ("law", "law.yml")):
        raw = checker.run(lambda: load_yaml_file(folder / name, section=kind)) if (folder / name).is_file() else {}
        keys[kind] = raw if isinstance(raw, dict) else {}
    checker.run(lambda: glossary_terms.load_glossary(folder / "glossary.yml", langs))
    checker.run(
        lambda: ui_strings.check_registry(
            load_yaml_file(folder / "ui.yml", section=ui_strings.SECTION),
            languages=list(langs.built),
            file=str(folder / "ui.yml"),
        )
    )
    # Pages and paths are checked against the source keys as written, even if an entry is wrong.
    sources = checker.run(lambda: load_yaml_file(folder / "sources.yml", section="Sources"))
    sources = sources if isinstance(sources, dict) else {}
    checker.run(lambda: training_data.load_paths(folder / "paths", languages=list(langs.built), known_sources=sources or {}, configured=list(langs.configured)))
    path = organisation.organisation_path(config)
    if path is not None:
        checker.run(lambda: organisation_schema.load(path, languages=list(langs.built), sections=organisation.upstream_sections(config)))
    return {"keys": keys, "sources": sources}


def page_files(config) -> list[Path]:
    docs = Path(config.docs_dir)
    return sorted(p for p in docs.rglob("*.md") if not any(part in ("assets",) for part in p.relative_to(docs).parts))


def check_pages(checker: Checker, config, registries: dict) -> None:
    docs = Path(config.docs_dir)
    theme_files = lambda: frozenset(config.theme.get_env().list_templates())  # noqa: E731
    defaults: dict[str, dict] = {}
    for meta in sorted(docs.rglob(front_matter.META_FILE)):
        src_path = meta.relative_to(docs).as_posix()
        found = checker.run(lambda: front_matter.check_folder_defaults(meta.read_bytes(), file=src_path, known_sources=registries["sources"], theme_files=theme_files))
        defaults[src_path] = found or {}
    for page in page_files(config):
        name = page.relative_to(docs).as_posix()
        text = checker.run(lambda: decode_utf8(page.read_bytes(), file=name, section="Pages"))
        if text is None:
            continue
        checker.run(
            lambda: front_matter.check_page(
                text, file=name, src_path=name, folder_defaults=defaults, known_sources=registries["sources"], today=build_day(), theme_files=theme_files
            )
        )
        for match in MARKER.finditer(text):
            kind, key = match["kind"], match["key"]
            known = registries["keys"].get(kind)
            line = text.count("\n", 0, match.start()) + 1
            if kind not in MARKER_KINDS:
                checker.problems.append(f"{name}, line {line}: the marker {match.group(0)} is unknown; markers are [[fact:key]], [[source:key]], [[law:key]] and [[contacts]] (EDITING.md, \"Facts\").")
            elif known is not None and key not in known:
                checker.problems.append(
                    f"{name}, line {line}: {match.group(0)} names no {kind} in the registry; {references.known_keys(key or '', known)} (EDITING.md, \"Facts\")."
                )


def check_build(checker: Checker, config_file: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="check-content-") as site:
        completed = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config_file), "-d", site],
            cwd=config_file.parent,
            capture_output=True,
            text=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
    if completed.returncode != 0:
        lines = [line for line in (completed.stdout + completed.stderr).splitlines() if line.strip() and not line.startswith("INFO")]
        checker.problems.append("The build stops:\n" + "\n".join(lines[-40:]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-f", "--config-file", type=Path, default=REPO / "mkdocs.yml", help="the site's mkdocs.yml (default: this repository's)")
    config_file = parser.parse_args(argv).config_file.resolve()
    checker = Checker()
    config = checker.run(lambda: configuration(config_file))
    if config is None:
        print("\n\n".join(checker.problems), file=sys.stderr)
        return 1
    registries = check_data(checker, config)
    check_pages(checker, config, registries)
    if not checker.problems:
        check_build(checker, config_file)
    if checker.problems:
        print(f"check-content: {len(checker.problems)} problem(s)\n", file=sys.stderr)
        print("\n\n".join(checker.problems), file=sys.stderr)
        return 1
    print(f"check-content: no problems in {len(page_files(config))} pages and the data files.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
