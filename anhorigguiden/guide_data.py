"""Shared helpers for the guide's hooks: strict YAML loading and author-facing errors.

Part of the `anhorigguiden` package, which the hooks import and which never imports a
hook (ARCHITECTURE.md, "Layout").
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
try:
    from mkdocs.exceptions import PluginError
except ImportError:  # the Markdown extensions under an engine without MkDocs: the same message
    class PluginError(Exception):  # type: ignore[no-redef]
        """Stands in for MkDocs' PluginError where MkDocs is not installed."""

UPSTREAM_ROOT = Path(__file__).resolve().parent.parent
# Who a page or a training path is for (front matter `audience:`, a path's `audience:`).
AUDIENCES = ("anhoriga", "personal", "organisation")
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

    def construct_document(self, node: yaml.Node) -> Any:
        _refuse_aliases(node)
        return super().construct_document(node)

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


_ALIAS_REASON = "a YAML anchor used by an alias ('&name' ... '*name' or '<<: *name'), which these files do not allow"


def _refuse_aliases(root: yaml.Node) -> None:
    """Our data needs no YAML anchors or aliases ('&name', '*name', '<<: *name'): refuse
    them, since a few hundred bytes of nested aliases expand to gigabytes (an 'alias bomb').
    The parser gives an alias the very node its anchor names: a node met twice is one."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            raise yaml.constructor.ConstructorError(
                None, None, _ALIAS_REASON, node.start_mark
            )
        seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.extend((key, value))


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
                    fix=(
                        f"write the value out in full instead of the anchor '&name' at {where} and its aliases '*name'"
                        if _ALIAS_REASON in reason
                        else f"correct the YAML at {where}; put text that contains ':' or '#' in quotes"
                    ),
                )
            ],
            section,
        ) from None


def load_yaml_file(path: Path, *, section: str) -> Any:
    """Read and strictly parse one YAML data file.

    Every call reads and parses the file again: a build reads each data file once, through
    its registry (anhorigguiden/registry.py), which keeps the result for that build only."""
    label = display_path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise GuideError(
            label,
            [Problem("(file)", f"it cannot be read ({error.strerror})", "a readable UTF-8 file", "check the path and the file's permissions")],
            section,
        ) from None
    return parse_yaml(decode_utf8(data, file=label, section=section), file=label, section=section)


def decode_utf8(data: bytes, *, file: str, section: str) -> str:
    """A file's text; a byte that is not UTF-8 is named with its line and column.
    A byte-order mark at the start (some Windows editors write one) is dropped."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        column = error.start - (before.rfind(b"\n") + 1) + 1
        raise GuideError(
            file,
            [
                Problem(
                    "(file)",
                    f"the byte 0x{data[error.start]:02X} on line {line}, column {column}, which is not UTF-8 (the file is saved in another encoding, e.g. Windows-1252 or Latin-1)",
                    "a text file saved as UTF-8",
                    "open the file in your editor and save it again with the encoding 'UTF-8'",
                )
            ],
            section,
        ) from None


def build_day() -> dt.date:
    """The latest date a 'reviewed' or 'verified' date may have: the day of the build.

    The later of today (UTC) and the day of SOURCE_DATE_EPOCH (hooks/build_date.py sets it
    to the last commit's time), so that neither a clock behind nor a rebuild of an old
    commit refuses a date that was in the past when it was written.
    """
    today = dt.datetime.now(dt.timezone.utc).date()
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        today = max(today, dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date())
    return today


def future_date_problem(key: str, value: dt.date, *, today: dt.date, fix: str) -> Problem | None:
    """A date that has not happened yet cannot be the day something was checked."""
    if value <= today:
        return None
    return Problem(key, f"{value.isoformat()}, a date in the future (the build's date is {today.isoformat()})", f"a date on or before {today.isoformat()}", fix)


def data_folder(configured: str | None, base: Path | None = None) -> Path:
    """Where the registries live: upstream's `data/` beside the package unless `configured`
    names another folder, relative to `base` when given (and then resolved), else as written
    (relative to the folder the build runs in: a Markdown extension's `data_dir` option)."""
    if not configured:
        return UPSTREAM_ROOT / "data"
    return (base / configured).resolve() if base is not None else Path(configured)


def data_dir(config: MkDocsConfig) -> Path:
    """This build's data folder: `extra.data_dir`, relative to mkdocs.yml, or upstream `data/`.

    Tests point it at a small registry of their own; an organisation never needs to.
    """
    return data_folder(config.extra.get("data_dir"), Path(config.config_file_path or ".").resolve().parent)


def display_path(path: Path) -> str:
    """How a file is named in an error: relative to the folder the build runs in."""
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
