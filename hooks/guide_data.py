"""Shared helpers for the guide's hooks: strict YAML loading and author-facing errors.

Not a hook itself (mkdocs.yml does not list it). MkDocs puts a hook's own folder on
sys.path while it loads the hook, so the hooks import this module by its plain name.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

UPSTREAM_ROOT = Path(__file__).resolve().parent.parent
EDITING_GUIDE = "EDITING.md"


@dataclass(frozen=True)
class Problem:
    """One mistake an author made, described so that they can fix it alone."""

    key: str
    found: str
    expected: str
    fix: str

    def render(self) -> str:
        return (
            f"  - key '{self.key}': found {self.found}\n"
            f"    allowed: {self.expected}\n"
            f"    fix: {self.fix}"
        )


class GuideError(PluginError):
    """An author's mistake: stops the build with a message, never a traceback."""

    def __init__(self, file: str, problems: list[Problem], section: str) -> None:
        self.file = file
        self.problems = problems
        lines = [f"{file}: {len(problems)} problem(s)"]
        lines += [p.render() for p in problems]
        lines.append(f"  See {EDITING_GUIDE}, section '{section}'.")
        super().__init__("\n".join(lines))


class _UniqueKeyLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """SafeLoader that refuses a key written twice in one mapping.

    PyYAML silently keeps the last of two equal keys; for a registry (facts, glossary,
    sources) that would hide a definition, so it must be an error. libyaml's parser (the
    C SafeLoader, in PyYAML's wheels) when present: 5-10 times faster on our registries.
    """

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        if not isinstance(node, yaml.MappingNode):
            return super().construct_mapping(node, deep=deep)  # PyYAML's own error ('!!set 0')
        seen: dict[Any, int] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            line = key_node.start_mark.line + 1
            if isinstance(key, (list, dict, set)):
                raise yaml.constructor.ConstructorError(
                    None, None, "a list or mapping is used as a key", key_node.start_mark
                )
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None,
                    None,
                    f"the key '{key}' is written twice (lines {seen[key]} and {line})",
                    key_node.start_mark,
                )
            seen[key] = line
        return super().construct_mapping(node, deep=deep)

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        # PyYAML raises plain Python errors for some values it recognises but cannot build
        # ('2026-02-30', an empty '!!int' or '!!timestamp', bad '!!binary'): report them at their place.
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, TypeError, IndexError, OverflowError, AttributeError) as error:
            shown = repr(node.value) if isinstance(node, yaml.ScalarNode) else f"this {node.id}"
            shown = shown if len(shown) <= 60 else shown[:57] + "..."
            raise yaml.constructor.ConstructorError(
                None, None, f"the value {shown} cannot be read ({error})", node.start_mark
            ) from None


def parse_yaml(text: str, *, file: str, section: str) -> Any:
    """Parse YAML text, turning a syntax error or a repeated key into a GuideError."""
    try:
        return yaml.load(text, Loader=_UniqueKeyLoader)  # noqa: S506 - SafeLoader subclass
    # The Python errors: what construct_object could not place (a set or mapping that
    # PyYAML finishes building after the fact, e.g. a document that is '!!set 0').
    except (yaml.YAMLError, RecursionError, ValueError, TypeError, IndexError, OverflowError, AttributeError) as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "unknown line"
        reason = getattr(error, "problem", None) or str(error)
        raise GuideError(
            file,
            [
                Problem(
                    key="(YAML syntax)",
                    found=f"{reason} at {where}",
                    expected="valid YAML: 'key: value' pairs, lists with '- ', quotes around text with ':'",
                    fix=f"correct the YAML at {where}; put text that contains ':' or '#' in quotes",
                )
            ],
            section,
        ) from None


def load_yaml_file(path: Path, *, section: str) -> Any:
    """Read and strictly parse one YAML data file."""
    label = _display_path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise GuideError(
            label,
            [Problem("(file)", f"it cannot be read ({error.strerror})", "a readable UTF-8 file", "check the path and the file's permissions")],
            section,
        ) from None
    return parse_yaml(text, file=label, section=section)


def data_dir(config: MkDocsConfig) -> Path:
    """Where the registries live: upstream `data/` unless `extra.data_dir` points elsewhere.

    Tests point it at a small registry of their own; an organisation never needs to.
    """
    configured = config.extra.get("data_dir")
    if not configured:
        return UPSTREAM_ROOT / "data"
    base = Path(config.config_file_path or ".").resolve().parent
    return (base / configured).resolve()


def _display_path(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def describe(value: Any) -> str:
    """How a found value is shown in an error: its repr and its YAML type."""
    kind = {
        str: "text",
        int: "a number",
        float: "a number",
        bool: "true/false",
        list: "a list",
        dict: "a mapping",
        type(None): "nothing",
    }.get(type(value), type(value).__name__)
    shown = repr(value)
    if len(shown) > 80:
        shown = shown[:77] + "..."
    return f"{shown} ({kind})"
