"""One registry per build (anhorigguiden/registry.py) and one Jinja bytecode cache per
process (anhorigguiden/template_cache.py): each data file is parsed once per build, whatever
the number of languages and readers; a rebuild (as `mkdocs serve` makes one, with a new
config) sees an edited file; a template is compiled once, and again only when it changes.
"""

from __future__ import annotations

import collections
import re
from pathlib import Path

import jinja2
import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from sitebuilder import REPO, page, write_tiny_site

from anhorigguiden import glossary_terms, guide_data, national_contacts, references, search_synonyms, template_cache, training_data
from anhorigguiden.registry import Registry, registry_for
from anhorigguiden.site_languages import Languages

LANGUAGES = Languages("sv", "sv", ("sv", "en", "ar", "fi"), ("sv", "en", "ar", "fi"))


@pytest.fixture
def parses(monkeypatch):
    """How often each data file is parsed, by file name (paths/<id>.yml for a path); the
    pages' front matter (parsed once per language run, with the page) is not counted."""
    counted: collections.Counter[str] = collections.Counter()
    real = guide_data.parse_yaml

    def counting(text, *, file, section):
        path = Path(file)
        if path.suffix == ".yml" and not path.name.endswith(".meta.yml"):
            counted[f"paths/{path.name}" if path.parent.name == "paths" else path.name] += 1
        return real(text, file=file, section=section)

    monkeypatch.setattr(guide_data, "parse_yaml", counting)
    return counted


@pytest.fixture
def checks(monkeypatch):
    """How often each registry is checked (its loader and validator run), by loader."""
    counted: collections.Counter[str] = collections.Counter()
    for module, name in (
        (references, "load_folder"),
        (glossary_terms, "load_glossary"),
        (national_contacts, "load"),
        (training_data, "load_paths"),
        (search_synonyms, "load_synonyms"),
    ):
        real = getattr(module, name)

        def counting(*args, _real=real, _label=f"{module.__name__.rsplit('.', 1)[1]}.{name}", **kwargs):
            counted[_label] += 1
            return _real(*args, **kwargs)

        monkeypatch.setattr(module, name, counting)
    return counted


@pytest.fixture
def compiled(monkeypatch):
    """The names of the templates Jinja compiles (rather than loads from a bytecode cache), in order."""
    names: list[str] = []
    real_compile = jinja2.Environment.compile

    def counting(self, source, name=None, filename=None, raw=False, defer_init=False):
        names.append(name)
        return real_compile(self, source, name, filename, raw, defer_init)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    return names


def test_each_file_is_parsed_once_however_often_it_is_read(parses):
    registry = Registry(REPO / "data", LANGUAGES)
    for _ in range(3):
        assert registry.references.facts and registry.references.sources
        assert registry.ui_texts["ar"] and registry.ui_texts["fi"]
        assert registry.glossary["fi"] and registry.training_paths and registry.national_contacts
        registry.synonyms
    assert parses["ui.yml"] == parses["sources.yml"] == parses["facts.yml"] == parses["law.yml"] == 1
    assert parses["glossary.yml"] == parses["national_contacts.yml"] == parses["synonyms.yml"] == 1
    path_files = sorted(name for name in parses if name.startswith("paths/"))
    assert path_files and all(parses[name] == 1 for name in path_files)


def test_a_registry_is_kept_on_its_config_and_a_new_config_gets_a_new_one(tmp_path):
    first = load_config(str(REPO / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    assert registry_for(first) is registry_for(first)
    # `mkdocs serve` loads a new config for each rebuild: nothing of the last build remains.
    second = load_config(str(REPO / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    assert registry_for(second) is not registry_for(first)
    # A test (or an organisation) pointing the data folder elsewhere gets that folder's data.
    first.extra["data_dir"] = str(tmp_path)
    assert registry_for(first).folder == tmp_path


def test_a_changed_template_is_compiled_again_and_an_unchanged_one_is_not(tmp_path, compiled):
    template = tmp_path / "t.html"
    template.write_text("<p>{{ word }}</p>", encoding="utf-8")
    cache = template_cache.MemoryBytecodeCache()

    def render() -> str:
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(tmp_path)), bytecode_cache=cache)
        return env.get_template("t.html").render(word="ett")

    assert render() == "<p>ett</p>" and render() == "<p>ett</p>"
    assert compiled == ["t.html"]  # the second environment loaded the compiled code
    template.write_text("<p>{{ word }} två</p>", encoding="utf-8")
    assert render() == "<p>ett två</p>"
    assert compiled == ["t.html", "t.html"]


def _build(config_file: Path) -> None:
    """One build as `mkdocs build` and each `mkdocs serve` rebuild make it: a new config."""
    config = load_config(str(config_file), site_dir=str(config_file.parent / "site"))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()


def test_a_build_of_four_languages_parses_and_checks_each_file_once_and_a_rebuild_sees_an_edit(tmp_path, monkeypatch, parses, checks, compiled):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795000000")  # no git lookup, as in the other tiny builds
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    body = "Fler än [[fact:adults_more_than_a_million]] hjälper någon."
    config_file = write_tiny_site(tmp_path, {"index.md": page("Start"), "guide.md": page("Guide", body)})
    template_cache.BYTECODE_CACHE.clear()

    _build(config_file)
    data_files = set(parses)
    assert {"ui.yml", "sources.yml", "facts.yml", "law.yml", "glossary.yml", "national_contacts.yml"} <= data_files
    assert {name: parses[name] for name in data_files} == dict.fromkeys(data_files, 1)
    # Before the registry: references checked 12 times per build, ui.yml read 40 times.
    assert set(checks) == {"references.load_folder", "glossary_terms.load_glossary", "national_contacts.load", "training_data.load_paths", "search_synonyms.load_synonyms"}
    assert all(count == 1 for count in checks.values()), checks
    first_compiles = collections.Counter(compiled)
    guide = (tmp_path / "site" / "guide" / "index.html").read_text(encoding="utf-8")
    assert "mer än en miljon" in guide

    # As after an editor's change in `mkdocs serve`: the rebuild reads the file again.
    facts = tmp_path / "data" / "facts.yml"
    facts.write_text(facts.read_text(encoding="utf-8").replace("sv: mer än en miljon", "sv: över en miljon", 1), encoding="utf-8")
    parses.clear()
    checks.clear()
    compiled.clear()
    _build(config_file)
    assert {name: parses[name] for name in data_files} == dict.fromkeys(data_files, 1)
    assert all(count == 1 for count in checks.values()) and len(checks) == 5, checks
    guide = (tmp_path / "site" / "guide" / "index.html").read_text(encoding="utf-8")
    assert "över en miljon" in guide and "mer än en miljon" not in guide

    # Our templates and Material's were compiled once in the first build (four languages),
    # and not at all in the rebuild: only what other plugins render with environments of
    # their own (Material's search plugin) is compiled again.
    ours = [name for name in first_compiles if re.match(r"(partials/(contacts|help-contacts|page-tools)|main|base)\.html$", name or "")]
    assert ours and all(first_compiles[name] == 1 for name in ours), first_compiles
    assert len(compiled) <= 5 < len(first_compiles), collections.Counter(compiled)
