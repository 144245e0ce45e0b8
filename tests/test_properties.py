"""Property-based tests: whatever YAML an author writes, every loader and validator of ours
either accepts it or rejects it with a GuideError that names the file and at least one
problem. Never a traceback (a KeyError, TypeError, ValueError...).

Inputs: arbitrary nested data (mappings, lists, text, numbers, dates) dumped to YAML, keys
drawn partly from the names our schemas know so that validators are exercised beyond their
first check; YAML "token soup" (brackets, anchors, tags, impossible dates); arbitrary text.

Adding a validator: write one function `(text, folder) -> None` that feeds the YAML text to
it the way the build does, and decorate it with `@loader("name", "hook_module")`. The module
is only required if its file exists, so the test runs on any tree.
"""

from __future__ import annotations

import datetime as dt
import functools
import shutil
import sys
import types
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.exceptions import PluginError
from sitebuilder import REPO

HOOKS = REPO / "hooks"
PACKAGE = REPO / "anhorigguiden"
sys.path.insert(0, str(HOOKS))

from anhorigguiden.guide_data import GuideError, parse_yaml  # noqa: E402

# Moderate and deterministic: the same examples on every run and machine, a few seconds.
PROPERTY = settings(
    max_examples=200,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

# --------------------------------------------------------------------------- inputs

SCHEMA_KEYS = [
    # front matter
    "title", "description", "audience", "reviewed", "sources", "hide", "search", "template", "icon",
    # registries
    "sv", "en", "publisher", "kind", "date", "url", "reference", "value", "source", "term", "definition",
    "law", "section", "text", "name",
    # training paths, organisation, videos
    "id", "role", "minutes", "objectives", "modules", "page", "questions", "options", "correct", "order",
    "organisation", "colours", "contacts", "logo", "site_url", "local_pages", "phone", "email", "file", "captions",
]
SCHEMA_VALUES = ["anhoriga", "personal", "organisation", "toc", "navigation", "sv", "en", "kommunens-stod-video", ""]

scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=30)
    | st.sampled_from(SCHEMA_VALUES)
    | st.dates(min_value=dt.date(1, 1, 1))
    | st.datetimes(timezones=st.none() | st.just(dt.timezone.utc))
)
keys = st.sampled_from(SCHEMA_KEYS) | st.text(max_size=12) | st.integers(-5, 5) | st.booleans() | st.none()
values = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(keys, children, max_size=6),
    max_leaves=25,
)
documents = st.dictionaries(st.sampled_from(SCHEMA_KEYS) | keys, values, max_size=8) | values


def dump(value: object) -> str:
    return yaml.safe_dump(value, allow_unicode=True, sort_keys=False)


TOKENS = [
    "\n", "  ", "- ", ": ", ":", ",", "[", "]", "{", "}", "? ", "&a ", "*a", "<<: *a\n", "!!str ", "!!int ", "!!binary ",
    "!!timestamp ", "!!python/object/apply:os.system ", "!!set ", "!!omap ", "%YAML 1.1\n", "---\n", "...\n",
    "'", '"', "#", "|", ">", "~", "null", "yes", "no", "on", ".nan", "-.inf", "0x1F", "0o17", "1e400", "1_000",
    "2026-11-22", "2026-02-30", "2026-13-01", "0000-00-00", "2026-11-22T25:61:00", "12:30:00",
    "title", "audience", "reviewed", "sources", "sv", "en", "å", "\t", "\\", "\u2028", "\x00",
]
soup = st.lists(st.sampled_from(TOKENS) | st.sampled_from(SCHEMA_KEYS), max_size=40).map("".join)
yaml_texts = documents.map(dump) | soup | st.text(max_size=200)

# --------------------------------------------------------------------------- loaders

LOADERS: dict[str, Callable[[str, Path], object]] = {}


def loader(name: str, module: str | None = None) -> Callable:
    """Register a loader; one whose hook module is not in this tree is left out."""

    def register(function: Callable[[str, Path], object]) -> Callable[[str, Path], object]:
        if module is None or any((folder / f"{module}.py").exists() for folder in (HOOKS, PACKAGE)):
            LOADERS[name] = function
        return function

    return register


def _file(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _data_folder(folder: Path, name: str, text: str) -> Path:
    """A copy of the real data/ (one per registry, made once) with `name` replaced by `text`."""
    data = folder / f"data-{name}"
    if not data.exists():
        shutil.copytree(REPO / "data", data)
    _file(data, name, text)
    return data


def _config(data: Path) -> types.SimpleNamespace:
    """As much of a MkDocsConfig as the registry loaders read: one language, no i18n."""
    return types.SimpleNamespace(
        extra={"data_dir": str(data)},
        config_file_path=str(data.parent / "mkdocs.yml"),
        plugins={},
        theme={"language": "sv"},
    )


def _languages():
    from anhorigguiden.site_languages import Languages

    return Languages("sv", "sv", ("sv", "en"), ("sv", "en"))


@loader("YAML syntax (guide_data.parse_yaml)")
def _yaml(text: str, folder: Path) -> object:
    return parse_yaml(text, file="data/x.yml", section="Facts")


@loader("front matter of a page (MkDocs' meta parsing, front_matter)", "front_matter")
def _front_matter(text: str, folder: Path) -> object:
    """What the build does with a page: MkDocs parses the front matter (and silently drops
    it if the YAML is broken), then our hook re-checks the YAML and validates the keys."""
    import front_matter
    from mkdocs.utils.meta import get_data

    source = f"---\n{text.rstrip(chr(10))}\n---\n\n# Titel\n"
    _file(folder, "page.md", source)
    get_data(source)  # MkDocs' own parsing must not raise either
    # The hook's own strict parsing of the page's source, then the schema.
    return front_matter.check_page(
        source, file="guider/page.md", src_path="guider/page.md", folder_defaults={}, known_sources={"kommunens-stod-video": {}}
    )


@loader("interface text (ui_strings.strings_for)", "ui_strings")
def _ui(text: str, folder: Path) -> object:
    import ui_strings

    return ui_strings.strings_for(parse_yaml(text, file="data/ui.yml", section="Interface text"), "sv", languages=["sv", "en"], file="data/ui.yml")


for _name in ("sources.yml", "facts.yml", "law.yml"):

    def _registry(text: str, folder: Path, _name: str = _name) -> object:
        from anhorigguiden import references
        return references.load(_config(_data_folder(folder, _name, text)))

    loader(f"registry data/{_name} (references.load)", "references")(_registry)


@loader("glossary data/glossary.yml (glossary_terms.load_glossary)", "glossary_terms")
def _glossary(text: str, folder: Path) -> object:
    from anhorigguiden import glossary_terms
    return glossary_terms.load_glossary(_file(folder, "glossary.yml", text), _languages())


@loader("training path data/paths/*.yml (training_data.validate_path)", "training_data")
def _training_path(text: str, folder: Path) -> object:
    from anhorigguiden import training_data
    data = parse_yaml(text, file="data/paths/grund.yml", section="Training paths")
    return training_data.validate_path(data, file="data/paths/grund.yml", stem="grund", languages=["sv", "en"], known_sources={"kommunens-stod-video": {}})


@loader("organisation file (organisation_schema.validate)", "organisation_schema")
def _organisation(text: str, folder: Path) -> object:
    from anhorigguiden import organisation_schema
    data = parse_yaml(text, file="organisation.yml", section="Organisation")
    return organisation_schema.validate(data, file="organisation.yml", base=folder, languages=["sv", "en"], sections=["guider", "strategi"])


@loader("search words data/synonyms.yml (search_synonyms.load_synonyms)", "search_synonyms")
def _synonyms(text: str, folder: Path) -> object:
    from anhorigguiden import search_synonyms
    return search_synonyms.load_synonyms(_file(folder, "synonyms.yml", text), languages=["sv", "en", "ar", "fi"])


@functools.lru_cache(maxsize=1)
def _real_ui() -> dict:
    return yaml.safe_load((REPO / "data" / "ui.yml").read_text(encoding="utf-8"))


@loader("videos in extra.videos (presentation_video.validate)", "presentation_video")
def _videos(text: str, folder: Path) -> object:
    import presentation_video

    ui = _real_ui()
    data = parse_yaml(text, file="mkdocs.yml", section="Videos")
    return presentation_video.validate(data, docs_dir=folder, languages=["sv", "en"], ui=ui, file="mkdocs.yml")


# --------------------------------------------------------------------------- properties


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("properties")


def accepted_or_cleanly_rejected(check: Callable[[str, Path], object], text: str, folder: Path) -> None:
    try:
        check(text, folder)
    except GuideError as error:
        assert error.problems, f"a GuideError with no problem in it: {error}"
        assert "See EDITING.md" in str(error)
    except PluginError as error:
        assert str(error).strip(), "a PluginError with no message"


def test_the_loaders_of_this_tree_are_registered():
    assert "YAML syntax (guide_data.parse_yaml)" in LOADERS
    assert "front matter of a page (MkDocs' meta parsing, front_matter)" in LOADERS


@pytest.mark.parametrize("name", sorted(LOADERS))
@PROPERTY
@given(text=yaml_texts)
def test_any_yaml_is_accepted_or_rejected_with_a_clear_message(name, text, folder):
    accepted_or_cleanly_rejected(LOADERS[name], text, folder)


@PROPERTY
@given(document=documents)
def test_any_front_matter_data_is_accepted_or_rejected_with_a_clear_message(document, folder):
    # Mappings only: the front matter as MkDocs hands it to the validator.
    if isinstance(document, dict):
        accepted_or_cleanly_rejected(_front_matter, dump(document), folder)


def test_the_errors_found_so_far_stay_fixed(folder):
    # Inputs that once ended in a traceback, kept as examples of the properties above.
    for text in ("reviewed: 2026-02-30\n", "{[1]: 2}\n", "? [a, b]\n: c\n", "a: 2026-13-01\n", "!!int", "!!timestamp", "a: !!binary x!", "!!set 0"):
        with pytest.raises(GuideError):
            _yaml(text, folder)


@given(
    tokens=st.lists(st.text(alphabet="abcåö", min_size=1, max_size=4), max_size=12),
    words=st.lists(st.text(alphabet="abcåö", min_size=1, max_size=3), min_size=1, max_size=3),
)
def test_the_quick_search_word_check_agrees_with_the_full_one(tokens, words):
    # anhorigguiden/search_synonyms.py rules a word group out by one substring test first.
    from anhorigguiden.search_synonyms import _contains

    assert _contains(tokens, words, " " + " ".join(tokens)) == _contains(tokens, words)
