"""A corpus of bad and hostile inputs (tests/bad_inputs.py): each one stops the build with
a clean message (the file, the key, what was found, how to fix it; never a traceback), or
reaches the page escaped, as text.

Validators are called directly where a build adds nothing; tiny sites are built only
where the build itself is under test (MkDocs reading a page, Material merging folder
defaults, the theme's templates, the generated accessibility statement).
"""

from __future__ import annotations

import copy
import datetime as dt
import sys
from pathlib import Path
from typing import Any

import markdown
import pytest
import yaml
from bad_inputs import (
    FACTS,
    FRONT_MATTER,
    GLOSSARY,
    GOOD_LOGOS,
    LAWS,
    LOGOS,
    MARKDOWN_TEXT,
    META_FILES,
    ORGANISATION,
    SOURCE,
    SOURCES,
    TODAY,
    UI,
)
from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError
from mkdocs.utils.yaml import yaml_load
from org_site import tiny, write_organisation
from sitebuilder import REPO, UNTRANSLATED, build_tiny_site, page

sys.path.insert(0, str(REPO / "hooks"))
import front_matter  # noqa: E402
from anhorigguiden import glossary_terms  # noqa: E402
from anhorigguiden import guide_data  # noqa: E402
from anhorigguiden import logo_check  # noqa: E402
from anhorigguiden import markdown_text  # noqa: E402
from anhorigguiden import organisation_schema  # noqa: E402
from anhorigguiden import references  # noqa: E402
from anhorigguiden.markdown import marker_check  # noqa: E402
import ui_strings  # noqa: E402
from anhorigguiden.site_languages import Languages  # noqa: E402
from anhorigguiden.ui_keys import UiStrings  # noqa: E402

LANGUAGES = ["sv", "en", "ar", "fi"]
TWO_LANGUAGES = Languages("sv", "sv", ("sv", "en"), ("sv", "en"))
KNOWN_SOURCES = {"kommunens-stod-video": {}}
VALID_PAGE = {
    "title": "Vem är anhörig?",
    "description": "Om orden anhörig och närstående.",
    "audience": ["anhoriga"],
    "reviewed": dt.date(2026, 11, 22),
    "sources": ["kommunens-stod-video"],
}
THEME = frozenset({"main.html", "404.html", ".icons/material/account-heart.svg"})
MINIMAL_ORGANISATION = {"organisation": "Testkommun", "accessibility": {"report": {"email": "tillganglighet@example.se"}}}
# The site's Markdown extensions, as mkdocs.yml lists them.
EXTENSIONS = ["toc", "attr_list", "md_in_html", "def_list", "admonition", "tables", "abbr", "pymdownx.details", "pymdownx.superfences", "pymdownx.smartsymbols"]


def assert_clean(error: BaseException, *, file: str, key: str, fragment: str) -> None:
    """The message an editor gets: the file, the key, what was found, the fix; no traceback."""
    message = str(error)
    assert isinstance(error, PluginError), message
    assert file in message, message
    assert f"key '{key}'" in message, message
    assert fragment in message, message
    assert "    fix: " in message and "Traceback" not in message, message


# --- front matter and folder defaults ---------------------------------------------------


@pytest.mark.parametrize(("case", "patch", "key", "fragment"), FRONT_MATTER, ids=[c[0] for c in FRONT_MATTER])
def test_bad_front_matter_is_refused(case: str, patch: dict[str, Any], key: str, fragment: str) -> None:
    with pytest.raises(PluginError) as raised:
        front_matter.validate({**VALID_PAGE, **patch}, file="guider/x.md", known_sources=KNOWN_SOURCES, today=TODAY, theme_files=lambda: THEME)
    assert_clean(raised.value, file="guider/x.md", key=key, fragment=fragment)


def test_known_templates_and_icons_and_todays_date_pass() -> None:
    meta = {**VALID_PAGE, "template": "main.html", "icon": "material/account-heart", "reviewed": TODAY}
    assert front_matter.validate(meta, file="x.md", known_sources=KNOWN_SOURCES, today=TODAY, theme_files=lambda: THEME) == meta


@pytest.mark.parametrize(("case", "data", "key", "fragment"), META_FILES, ids=[c[0] for c in META_FILES])
def test_a_bad_meta_yml_is_refused(case: str, data: bytes, key: str, fragment: str) -> None:
    with pytest.raises(PluginError) as raised:
        front_matter.check_folder_defaults(data, file="guider/.meta.yml", known_sources=KNOWN_SOURCES, today=TODAY)
    assert_clean(raised.value, file="guider/.meta.yml", key=key, fragment=fragment)


def test_a_meta_yml_with_a_byte_order_mark_is_read() -> None:
    data = "\ufeffaudience: [anhoriga]\n".encode()
    assert front_matter.check_folder_defaults(data, file="x/.meta.yml", known_sources={}) == {"audience": ["anhoriga"]}


# --- YAML itself ------------------------------------------------------------------------

ALIAS_BOMB = "\n".join(
    [
        'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
        *(f"{name}: &{name} [{', '.join(['*' + previous] * 9)}]" for previous, name in zip("abcdefgh", "bcdefghi")),
    ]
)


def test_a_yaml_alias_bomb_is_refused_before_it_expands() -> None:
    assert len(ALIAS_BOMB.encode()) < 700  # nine levels of nine: 387 million strings if expanded
    with pytest.raises(PluginError) as raised:
        guide_data.parse_yaml(ALIAS_BOMB, file="data/facts.yml", section="Facts")
    assert_clean(raised.value, file="data/facts.yml", key="(YAML syntax)", fragment="alias")


def test_a_data_file_that_is_not_utf8_is_named_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "glossary.yml"
    path.write_bytes("anhorig:\n  sv: {term: anhörig}\n".encode("cp1252"))
    with pytest.raises(PluginError) as raised:
        guide_data.load_yaml_file(path, section="Glossary")
    assert_clean(raised.value, file="glossary.yml", key="(file)", fragment="line 2, column 17")


def test_a_data_file_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    path = tmp_path / "facts.yml"
    path.write_bytes("\ufeffa: 1\n".encode())
    assert guide_data.load_yaml_file(path, section="Facts") == {"a": 1}


# --- the registries ---------------------------------------------------------------------


def _write(tmp_path: Path, name: str, data: Any) -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize(("case", "patch", "key", "fragment"), SOURCES, ids=[c[0] for c in SOURCES])
def test_a_bad_source_is_refused(tmp_path: Path, case: str, patch: dict[str, Any], key: str, fragment: str) -> None:
    path = _write(tmp_path, "sources.yml", {"src": {**SOURCE, **patch}})
    with pytest.raises(PluginError) as raised:
        references._load_sources(path, TWO_LANGUAGES, today=TODAY)
    assert_clean(raised.value, file="sources.yml", key=key, fragment=fragment)


def _sources() -> dict[str, references.Source]:
    return {"src": references.Source(key="src", publisher="Regeringen", title="Ett beslut", kind={"sv": "beslut", "en": "decision"})}


@pytest.mark.parametrize(("case", "patch", "key", "fragment"), FACTS, ids=[c[0] for c in FACTS])
def test_a_bad_fact_is_refused(tmp_path: Path, case: str, patch: dict[str, Any], key: str, fragment: str) -> None:
    path = _write(tmp_path, "facts.yml", {"f": {"source": "src", **patch}})
    with pytest.raises(PluginError) as raised:
        references._load_facts(path, TWO_LANGUAGES, _sources())
    assert_clean(raised.value, file="facts.yml", key=key, fragment=fragment)


@pytest.mark.parametrize(("case", "patch", "key", "fragment"), LAWS, ids=[c[0] for c in LAWS])
def test_a_bad_law_reference_is_refused(tmp_path: Path, case: str, patch: dict[str, Any], key: str, fragment: str) -> None:
    path = _write(tmp_path, "law.yml", {"l": {"law": {"sv": "lagen", "en": "the act"}, "source": "src", **patch}})
    with pytest.raises(PluginError) as raised:
        references._load_laws(path, TWO_LANGUAGES, _sources(), today=TODAY)
    assert_clean(raised.value, file="law.yml", key=key, fragment=fragment)


def test_a_law_verified_today_is_printed(tmp_path: Path) -> None:
    path = _write(tmp_path, "law.yml", {"l": {"law": "lagen", "source": "src", "provision": "2 kap. 3 §", "verified": TODAY}})
    assert references._load_laws(path, TWO_LANGUAGES, _sources(), today=TODAY)["l"].provision == {"sv": "2 kap. 3 §", "en": "2 kap. 3 §"}


@pytest.mark.parametrize(("case", "entry", "key", "fragment"), GLOSSARY, ids=[c[0] for c in GLOSSARY])
def test_a_bad_glossary_entry_is_refused(tmp_path: Path, case: str, entry: dict[str, Any], key: str, fragment: str) -> None:
    path = _write(tmp_path, "glossary.yml", {"g": {"sv": entry, "en": {"term": "carer", "forms": [], "definition": "A person."}}})
    with pytest.raises(PluginError) as raised:
        glossary_terms.load_glossary(path, TWO_LANGUAGES)
    assert_clean(raised.value, file="glossary.yml", key=key, fragment=fragment)


# --- data/ui.yml ------------------------------------------------------------------------


def _ui_registry() -> dict[str, Any]:
    return yaml.safe_load((REPO / "data" / "ui.yml").read_text(encoding="utf-8"))


def test_the_real_ui_registry_matches_its_declaration() -> None:
    ui_strings.check_registry(_ui_registry(), languages=LANGUAGES, file="data/ui.yml")


@pytest.mark.parametrize(("case", "change", "key", "fragment"), UI, ids=[c[0] for c in UI])
def test_a_bad_ui_text_is_refused(case: str, change: tuple, key: str, fragment: str) -> None:
    registry = copy.deepcopy(_ui_registry())
    action, name, language, text = change
    if action == "set":
        registry.setdefault(name, {})[language] = text
    elif action == "replace":
        registry[name] = text
    elif language is None:
        del registry[name]
    else:
        del registry[name][language]
    with pytest.raises(PluginError) as raised:
        ui_strings.check_registry(registry, languages=LANGUAGES, file="data/ui.yml")
    assert_clean(raised.value, file="data/ui.yml", key=key, fragment=fragment)


def test_a_template_asking_for_an_undeclared_ui_key_gets_a_message() -> None:
    with pytest.raises(PluginError) as raised:
        UiStrings({"reviewed": "Granskad"})["reviewd"]
    assert_clean(raised.value, file="data/ui.yml", key="reviewd", fragment="anhorigguiden/ui_keys.py")


# --- organisation.yml and its logo ------------------------------------------------------


def _merge(base: dict[str, Any], patch: dict[str, Any]) -> dict[str, Any]:
    result = copy.deepcopy(base)
    for key, value in patch.items():
        result[key] = _merge(result[key], value) if isinstance(value, dict) and isinstance(result.get(key), dict) else value
    return result


def _validate_organisation(tmp_path: Path, patch: dict[str, Any]) -> organisation_schema.Organisation:
    (tmp_path / "sidor").mkdir(exist_ok=True)
    (tmp_path / "sidor" / "index.md").write_text("# Lokalt\n", encoding="utf-8")
    return organisation_schema.validate(
        _merge(MINIMAL_ORGANISATION, patch), file="org/organisation.yml", base=tmp_path, languages=LANGUAGES, sections=["guider", "strategi"], today=TODAY
    )


@pytest.mark.parametrize(("case", "patch", "key", "fragment"), ORGANISATION, ids=[c[0] for c in ORGANISATION])
def test_a_bad_organisation_value_is_refused(tmp_path: Path, case: str, patch: dict[str, Any], key: str, fragment: str) -> None:
    with pytest.raises(PluginError) as raised:
        _validate_organisation(tmp_path, patch)
    assert_clean(raised.value, file="org/organisation.yml", key=key, fragment=fragment)


@pytest.mark.parametrize(("case", "svg", "fragment"), LOGOS, ids=[c[0] for c in LOGOS])
def test_an_unsafe_svg_logo_is_refused(tmp_path: Path, case: str, svg: str, fragment: str) -> None:
    (tmp_path / "logo.svg").write_text(svg, encoding="utf-8")
    with pytest.raises(PluginError) as raised:
        _validate_organisation(tmp_path, {"logo": "logo.svg"})
    assert_clean(raised.value, file="org/organisation.yml", key="logo", fragment=fragment)


@pytest.mark.parametrize(("case", "svg"), GOOD_LOGOS, ids=[c[0] for c in GOOD_LOGOS])
def test_a_plain_svg_logo_passes(tmp_path: Path, case: str, svg: str) -> None:
    (tmp_path / "logo.svg").write_text(svg, encoding="utf-8")
    assert _validate_organisation(tmp_path, {"logo": "logo.svg"}).logo == (tmp_path / "logo.svg").resolve()


def test_the_example_organisations_logo_passes() -> None:
    assert logo_check.logo_problem((REPO / "examples" / "exempelkommun" / "logo.svg").read_bytes()) is None


# --- Markdown: what registry and organisation text cannot write -----------------------


@pytest.mark.parametrize(("case", "text", "forbidden"), MARKDOWN_TEXT, ids=[c[0] for c in MARKDOWN_TEXT])
def test_text_written_into_markdown_stays_text(case: str, text: str, forbidden: str) -> None:
    html = markdown.markdown(markdown_text.escape(text), extensions=EXTENSIONS)
    assert forbidden not in html, html
    soup = BeautifulSoup(html, "html.parser")
    assert [(tag.name, tag.attrs) for tag in soup.find_all(True)] == [("p", {})], html
    assert soup.get_text() == text, html


def test_a_snippet_line_is_refused_but_an_example_in_code_is_not() -> None:
    text = 'Intro\n\n--8<-- ".git/config"\n\n```\n--8<-- "example.md"\n```\n\nSe `--8<--`.\n;--8<-- ".env"\n'
    problems = marker_check.snippet_problems(text)
    assert [p.found.split("'")[1] for p in problems] == ['--8<-- ".git/config"', ';--8<-- ".env"']
    assert all("copy the text" in p.fix for p in problems)


# --- tiny sites: where the build itself is what is tested -------------------------------


def _fails_cleanly(result, file: str, *fragments: str) -> None:
    assert result.returncode != 0, result.output
    assert "Traceback" not in result.output, result.output
    assert file in result.output, result.output
    for fragment in fragments:
        assert fragment in result.output, result.output


def _front(title: str, extra: str = "") -> str:
    return f"---\ntitle: {title}\ndescription: En sida för test.\naudience: [anhoriga]\nreviewed: 2026-11-22\nsources: []\n{UNTRANSLATED}{extra}---\n"


def test_a_quote_in_a_description_cannot_add_a_meta_refresh(tmp_path: Path) -> None:
    description = 'Om stöd" http-equiv="refresh" content="0;url=https://evil.example/'
    text = f"---\ntitle: Stöd\ndescription: '{description}'\naudience: [anhoriga]\nreviewed: 2026-11-22\nsources: []\n{UNTRANSLATED}---\n\n# Stöd\n\nText.\n"
    # A byte-order mark (some Windows editors write one) is not an error, in a page or data.
    ui = "\ufeff" + (REPO / "data" / "ui.yml").read_text(encoding="utf-8")
    result = build_tiny_site(tmp_path, {"index.md": page("Start"), "stod.md": "\ufeff" + text}, data={"ui.yml": ui})
    assert result.returncode == 0, result.output
    soup = BeautifulSoup((tmp_path / "site" / "stod" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.find_all("meta", attrs={"http-equiv": True}) == []
    assert [m["content"] for m in soup.find_all("meta", attrs={"name": "description"})] == [description]


def test_a_page_that_is_not_utf8_is_named(tmp_path: Path) -> None:
    result = build_tiny_site(tmp_path, {"index.md": page("Start"), "stod.md": page("Stöd", "Anhöriga.").encode("cp1252")})
    _fails_cleanly(result, "stod.md", "not UTF-8", "line 2", "save it again with the encoding 'UTF-8'")


def test_a_page_overriding_a_folder_default_with_another_type_is_named(tmp_path: Path) -> None:
    pages = {
        "index.md": page("Start"),
        "guider/.meta.yml": "audience: [anhoriga]\n",
        "guider/stod.md": page("Stöd", front_matter=_front("Stöd").replace("audience: [anhoriga]\n", "audience: personal\n")),
    }
    result = build_tiny_site(tmp_path, pages)
    _fails_cleanly(result, "guider/stod.md", "key 'audience'", "guider/.meta.yml gives", "'audience: [personal]'")


def test_an_unknown_template_and_icon_are_named(tmp_path: Path) -> None:
    front = _front("Stöd", "template: nonexistent.html\nicon: material/no-such-icon\n")
    result = build_tiny_site(tmp_path, {"index.md": page("Start"), "stod.md": page("Stöd", front_matter=front)})
    _fails_cleanly(result, "stod.md", "key 'template'", "key 'icon'", "2 problem(s)")


def test_a_snippet_line_stops_the_build(tmp_path: Path) -> None:
    result = build_tiny_site(tmp_path, {"index.md": page("Start"), "stod.md": page("Stöd", 'Se här:\n\n--8<-- ".git/config"\n')})
    _fails_cleanly(result, "stod.md", "--8<--", "line ", "would include another file")
    assert not list((tmp_path / "site").rglob("stod/index.html"))


def test_an_alias_bomb_in_front_matter_is_refused(tmp_path: Path) -> None:
    front = _front("Stöd", "x:\n" + "".join(f"  {line}\n" for line in ALIAS_BOMB.splitlines()))
    result = build_tiny_site(tmp_path, {"index.md": page("Start"), "stod.md": page("Stöd", front_matter=front)})
    _fails_cleanly(result, "stod.md", "alias", "write the value out in full")


def test_a_ui_placeholder_typo_stops_the_build_with_a_message(tmp_path: Path) -> None:
    registry = _ui_registry()
    registry["law_with_provision"]["sv"] = "{provisoin} {law}"
    result = build_tiny_site(tmp_path, {"index.md": page("Start")}, data={"ui.yml": yaml.safe_dump(registry, allow_unicode=True)})
    _fails_cleanly(result, "ui.yml", "key 'law_with_provision.sv'", "{provisoin}")


def test_organisation_text_in_the_statement_and_footer_is_shown_as_written(tmp_path: Path) -> None:
    name = "Kommun [klicka](https://evil.example) *fet* & co"
    path = write_organisation(
        tmp_path,
        f"organisation: '{name}'\naccessibility:\n  report:\n    email: tillganglighet@example.se\n  method: '1. [Se](javascript:alert(1)) `kod`'\n",
    )
    result = build_tiny_site(tmp_path, tiny({"index.md": page("Start")}), config={"extra": {"organisation_file": str(path)}})
    assert result.returncode == 0, result.output
    statement = BeautifulSoup((tmp_path / "site" / "tillganglighet" / "index.html").read_text(encoding="utf-8"), "html.parser")
    article = statement.find("article")
    assert not article.find_all("a", href=lambda href: href and ("evil" in href or "javascript" in href))
    assert not article.find_all(["em", "code", "ol"])
    assert name in article.get_text()
    assert "1. [Se](javascript:alert(1)) `kod`" in article.get_text()
    footer = statement.find(class_="ag-footer__publisher")
    assert name in footer.get_text() and not footer.find("a")


def test_templates_do_not_crash_without_the_interface_text_hook(tmp_path: Path) -> None:
    """404.html and every page's review date read `ui`, which a hook injects: a copy that
    leaves the hook out still builds (with empty labels) instead of failing in Jinja."""
    with open(REPO / "mkdocs.yml", encoding="utf-8") as handle:
        hooks = [str(REPO / hook) for hook in yaml_load(handle)["hooks"] if not hook.endswith("ui_strings.py")]
    result = build_tiny_site(tmp_path, {"index.md": page("Start")}, config={"hooks": hooks})
    assert result.returncode == 0, result.output
    assert (tmp_path / "site" / "404.html").is_file()


# Every hook that only fills the templates' context (variables, filters, tests) or only
# configures the Markdown extensions: without them (another engine, a copy that leaves one
# out) the templates still render and the page syntax still works with its defaults.
CONTEXT_HOOKS = (
    "ui_strings.py", "accessibility_statement.py", "translations.py", "help_contacts.py", "dates_in_words.py",
    "training_paths.py", "page_tools.py", "presentation_video.py", "markdown_extensions.py", "local_contacts.py",
)


def test_templates_and_page_syntax_work_without_the_hooks_that_feed_them(tmp_path: Path) -> None:
    with open(REPO / "mkdocs.yml", encoding="utf-8") as handle:
        configured = yaml_load(handle)["hooks"]
    assert {f"hooks/{name}" for name in CONTEXT_HOOKS} <= set(configured)  # each one really is left out
    hooks = [str(REPO / hook) for hook in configured if not hook.endswith(CONTEXT_HOOKS)]
    body = "Omkring [[fact:adults_caring]] vuxna.\n\n[[contacts]]\n"
    result = build_tiny_site(tmp_path, {"index.md": page("Start"), "guider/index.md": page("Guide", body)}, config={"hooks": hooks})
    assert result.returncode == 0, result.output
    assert (tmp_path / "site" / "404.html").is_file()
    soup = BeautifulSoup((tmp_path / "site" / "guider" / "index.html").read_text(encoding="utf-8"), "lxml")
    assert soup.select_one("article a.ag-cite.ag-ref")["href"] == "../kallor/#natverket-strategi-bildspel"
    assert soup.select_one("article .ag-contacts--none") is not None  # the neutral box: no organisation hook data
    assert soup.select_one(".ag-page-meta time").get_text() == "2026-11-22"  # no date_in_words filter: as written
    assert soup.select_one(".ag-print-button") is None  # no guide_page test: no print button


def test_markers_nobody_replaces_are_named_even_when_they_look_like_markup(tmp_path: Path) -> None:
    body = "Omkring [[fatc:adults_caring]] vuxna.\n\nSe [[<img src=x onerror=alert(1)>]].\n"
    result = build_tiny_site(tmp_path, {"index.md": page("Start"), "stod.md": page("Stöd", body)})
    _fails_cleanly(result, "stod.md", "key '[[fatc:adults_caring]]'", "key '[[<img src=x onerror=alert(1)>]]'", "the unknown kind", "2 problem(s)")
