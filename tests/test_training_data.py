"""Training paths: the real data, the validator on small inputs, then tiny sites, one per
kind of author mistake, and one that shows where the generated pages land.

Tiny sites get a data folder of their own (a copy of data/ without the real paths), so
that a path here points only at the tiny site's pages.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError
from mkdocs.utils.yaml import yaml_load
from sitebuilder import REPO, build_tiny_site, page

sys.path.insert(0, str(REPO / "hooks"))
import guide_data  # noqa: E402
import training_data  # noqa: E402

LANGUAGES = ["sv", "en"]
SOURCES = guide_data.load_yaml_file(REPO / "data" / "sources.yml", section="Sources")


def site_languages() -> tuple[list[str], list[str]]:
    """The real site's (built languages, default first; every configured language)."""
    with open(REPO / "mkdocs.yml", encoding="utf-8") as handle:
        settings = yaml_load(handle)
    i18n = next(plugin["i18n"] for plugin in settings["plugins"] if isinstance(plugin, dict) and "i18n" in plugin)
    default = next(lang["locale"] for lang in i18n["languages"] if lang.get("default"))
    built = [lang["locale"] for lang in i18n["languages"] if lang.get("build", True)]
    return [default, *(lang for lang in built if lang != default)], [lang["locale"] for lang in i18n["languages"]]


BUILT, CONFIGURED = site_languages()
# Tiny sites build every language of the real config; their pages and paths are in sv and en.
OTHER_LANGUAGES = [lang for lang in BUILT if lang not in LANGUAGES]


def _texts(sv: str, en: str | None = None) -> dict[str, str]:
    return {"sv": sv, "en": en or f"{sv} (en)"}


def _question(*, right: tuple[int, ...] = (0,), options: int = 3, source: str = "kommunens-stod-video") -> dict:
    return {
        "question": _texts("Vem får hjälp?"),
        "options": [
            {"text": _texts(f"Svar {n}"), **({"correct": True} if n in right else {})} for n in range(options)
        ],
        "feedback": _texts("Så står det i källan."),
        "source": source,
    }


def _module(module_id: str = "forsta", page_uri: str = "guide.md") -> dict:
    return {
        "id": module_id,
        "title": _texts("Första modulen"),
        "page": page_uri,
        "objectives": {"sv": ["Lära sig något."], "en": ["Learn something."]},
        "reflection": _texts("Vad tänker du?"),
        "questions": [_question()],
    }


def _path(**changes) -> dict:
    data = {
        "id": "testvag",
        "order": 1,
        "title": _texts("Testvägen"),
        "description": _texts("En väg för test."),
        "audience": "personal",
        "role": _texts("Testare"),
        "minutes": 30,
        "reviewed": dt.date(2026, 11, 22),
        "objectives": {"sv": ["Mål ett."], "en": ["Goal one."]},
        "modules": [_module("forsta"), _module("andra")],
    }
    data.update(changes)
    return data


def _validate(data: dict, stem: str = "testvag") -> training_data.TrainingPath:
    return training_data.validate_path(data, file="data/paths/testvag.yml", stem=stem, languages=LANGUAGES, known_sources=SOURCES)


def _problems(data: dict, stem: str = "testvag") -> str:
    with pytest.raises(PluginError) as raised:
        _validate(data, stem)
    message = str(raised.value)
    assert message.startswith("data/paths/testvag.yml:")
    assert "See EDITING.md, section 'Training paths'" in message
    return message


# The real paths.


def _real_paths() -> list[training_data.TrainingPath]:
    return training_data.load_paths(REPO / "data" / "paths", languages=BUILT, known_sources=SOURCES, configured=CONFIGURED)


def test_the_guide_has_three_paths_of_four_to_six_modules_in_both_languages():
    paths = _real_paths()
    assert {path.id for path in paths} >= {"bistandshandlaggare", "omsorgspersonal", "chefer-och-beslutsfattare"}
    for path in paths:
        assert 4 <= len(path.modules) <= 6, path.id
        assert set(path.languages) >= set(LANGUAGES), path.id
        for module in path.modules:
            assert (REPO / "docs" / module.page).is_file(), (path.id, module.page)
            assert set(module.title) == set(path.languages)
            assert all(question.feedback["sv"] and question.feedback["en"] for question in module.questions)


def test_the_managers_path_covers_the_three_areas_of_the_assignment():
    paths = {p.id: p for p in _real_paths()}
    managers = paths["chefer-och-beslutsfattare"]
    assert managers.audience == "organisation"
    text = " ".join(" ".join(m.objectives["sv"]) + " " + " ".join(o.text["sv"] for q in m.questions for o in q.options) for m in managers.modules).lower()
    for area in ("ledning och styrning", "kunskap och kompetens", "samverkan och samordning"):
        assert area in text


# The validator on small inputs.


def test_a_valid_path_is_returned_typed():
    path = _validate(_path())
    assert path.id == "testvag" and path.file == "data/paths/testvag.yml"
    assert [m.id for m in path.modules] == ["forsta", "andra"]
    assert path.modules[0].questions[0].options[0].correct is True
    assert path.modules[0].questions[0].multiple is False
    assert path.sources == ["kommunens-stod-video"]


def test_two_right_options_make_a_tick_every_box_question():
    data = _path()
    data["modules"][0]["questions"] = [_question(right=(0, 2))]
    assert _validate(data).modules[0].questions[0].multiple is True


def test_a_question_without_a_right_answer_is_rejected():
    data = _path()
    data["modules"][1]["questions"] = [_question(right=())]
    message = _problems(data)
    assert "key 'modules[2].questions[1].options': found no option marked 'correct: true'" in message
    assert "add 'correct: true' under the text of each right answer" in message


def test_a_question_where_every_option_is_right_is_rejected():
    data = _path()
    data["modules"][0]["questions"] = [_question(right=(0, 1), options=2)]
    assert "every option marked 'correct: true'" in _problems(data)


def test_an_unknown_audience_is_rejected_with_the_allowed_ones():
    message = _problems(_path(audience="grannar"))
    assert "key 'audience': found 'grannar' (text)" in message
    assert "allowed: one of: anhoriga, personal, organisation" in message


def test_a_duplicate_module_id_is_rejected():
    data = _path()
    data["modules"][1]["id"] = "forsta"
    message = _problems(data)
    assert "key 'modules[2].id': found 'forsta', already the id of modules[1]" in message
    assert "give each module its own id" in message


def test_the_certificate_folder_cannot_be_a_module_id():
    data = _path()
    data["modules"][0]["id"] = "intyg"
    assert "key 'modules[1].id': found 'intyg'" in _problems(data)


def test_an_unknown_key_is_rejected():
    data = _path()
    data["modules"][0]["reflektion"] = _texts("x")
    message = _problems(data)
    assert "key 'modules[1].reflektion': found an unknown key" in message
    assert "correct the spelling, or remove the key" in message


def test_a_missing_language_is_rejected():
    data = _path()
    del data["modules"][0]["questions"][0]["feedback"]["en"]
    message = _problems(data)
    assert "key 'modules[1].questions[1].feedback.en': found nothing (the language is missing)" in message
    assert "add '  en: <text>' under 'feedback:'" in message


def test_an_unknown_language_is_rejected():
    data = _path(title={"sv": "Testvägen", "en": "Test path", "sw": "Njia"})
    assert "key 'title.sw': found an unknown language" in _problems(data)


def test_an_unknown_source_key_is_rejected():
    data = _path()
    data["modules"][0]["questions"][0]["source"] = "wikipedia"
    message = _problems(data)
    assert "key 'modules[1].questions[1].source': found 'wikipedia' (text)" in message
    assert "add the source to data/sources.yml first" in message


def test_the_id_must_match_the_file_name():
    message = _problems(_path(id="annan-vag"))
    assert "key 'id': found 'annan-vag'" in message
    assert "write 'id: testvag', or rename the file to 'annan-vag.yml'" in message


def test_objectives_must_have_as_many_items_in_every_language():
    message = _problems(_path(objectives={"sv": ["Ett.", "Två."], "en": ["One."]}))
    assert "key 'objectives': found lists of different lengths: sv 2, en 1" in message


def test_yes_unquoted_is_not_a_text():
    data = _path()
    data["modules"][0]["questions"][0]["options"][0]["text"]["en"] = True  # YAML reads Yes as true
    assert "key 'modules[1].questions[1].options[1].text.en': found True (true/false)" in _problems(data)


def test_every_problem_in_a_file_is_reported_at_once():
    data = _path(audience="alla", minutes="en timme")
    data["modules"][1]["questions"] = [_question(right=())]
    del data["role"]
    message = _problems(data)
    assert "4 problem(s)" in message
    for key in ("'audience'", "'minutes'", "'role'", "'modules[2].questions[1].options'"):
        assert f"key {key}" in message


def _validate_in(data: dict, languages: list[str]) -> training_data.TrainingPath:
    return training_data.validate_path(data, file="data/paths/testvag.yml", stem="testvag", languages=languages, known_sources=SOURCES)


def test_a_path_may_leave_a_language_untranslated_on_purpose():
    path = _validate_in(_path(untranslated=["fi"]), ["sv", "en", "fi"])
    assert path.languages == ("sv", "en")


def test_a_language_neither_written_nor_listed_as_untranslated_is_missing():
    with pytest.raises(PluginError) as raised:
        _validate_in(_path(), ["sv", "en", "fi"])
    message = str(raised.value)
    assert "key 'title.fi': found nothing (the language is missing)" in message
    assert "or, for a path not translated into 'fi', list it under 'untranslated:'" in message


@pytest.mark.parametrize("codes", [["sv"], ["de"], "fi, en"])
def test_untranslated_names_only_the_sites_other_languages(codes):
    with pytest.raises(PluginError, match=r"key 'untranslated'.*\n    allowed: a list of the site's other languages: en, fi"):
        _validate_in(_path(untranslated=codes), ["sv", "en", "fi"])


def test_a_text_in_an_untranslated_language_is_rejected():
    data = _path(untranslated=["en"])
    with pytest.raises(PluginError) as raised:
        _validate_in(data, ["sv", "en"])
    assert "key 'title.en': found a text in a language listed under 'untranslated:'" in str(raised.value)


def test_pages_are_checked_against_the_site():
    path = _validate(_path())
    training_data.check_pages(path, page_exists=lambda uri: uri == "guide.md")
    broken = _validate(_path(modules=[_module("forsta"), _module("andra", "strategi/finns-inte.md")]))
    with pytest.raises(PluginError) as raised:
        training_data.check_pages(broken, page_exists=lambda uri: uri == "guide.md")
    message = str(raised.value)
    assert "key 'modules[2].page': found 'strategi/finns-inte.md' (module 'andra'), which is not a page in docs/" in message


# Tiny sites: one per kind of mistake, and one that builds.


def _data_folder(tmp_path: Path, paths: dict[str, str]) -> Path:
    """A copy of data/ whose paths/ holds only `paths` (file name -> YAML text)."""
    folder = tmp_path / "training-data"
    shutil.copytree(REPO / "data", folder, ignore=shutil.ignore_patterns("paths"))
    (folder / "paths").mkdir()
    for name, text in paths.items():
        (folder / "paths" / name).write_text(text, encoding="utf-8")
    return folder


def _dump(data: dict) -> str:
    """A path file for a tiny site: written in sv and en, the site's other languages untranslated."""
    return yaml.safe_dump({**data, "untranslated": OTHER_LANGUAGES}, allow_unicode=True, sort_keys=False)


def _page(title: str, *, english: bool = False) -> str:
    """A tiny site's page in Swedish (translated into English, not into the site's other
    languages), or its English twin."""
    marked = "" if english or not OTHER_LANGUAGES else f"untranslated: [{', '.join(OTHER_LANGUAGES)}]\n"
    front_matter = f"---\ntitle: {title}\ndescription: En sida för test.\naudience: [anhoriga]\nreviewed: 2026-11-22\nsources: []\n{marked}---\n"
    return page(title, front_matter=front_matter)


def _tiny_site(tmp_path: Path, paths: dict[str, str], extra_pages: dict[str, str] | None = None):
    # Every page in both languages (hooks/translations.py requires a translation).
    pages = {"index.md": _page("Start"), "index.en.md": _page("Start", english=True), "guide.md": _page("Guiden"), "guide.en.md": _page("The guide", english=True), **(extra_pages or {})}
    return build_tiny_site(tmp_path, pages, config={"extra": {"data_dir": str(_data_folder(tmp_path, paths))}})


def _fails_with(tmp_path: Path, paths: dict[str, str], *expected: str) -> str:
    result = _tiny_site(tmp_path, paths)
    assert result.returncode != 0, result.output
    assert "Traceback" not in result.output
    for fragment in expected:
        assert fragment in result.output, result.output
    return result.output


def test_a_module_page_that_does_not_exist_fails_the_build(tmp_path):
    data = _path(modules=[_module("forsta"), _module("andra", "strategi/saknas.md")])
    _fails_with(
        tmp_path,
        {"testvag.yml": _dump(data)},
        "testvag.yml: 1 problem(s)",
        "key 'modules[2].page': found 'strategi/saknas.md' (module 'andra'), which is not a page in docs/",
        "or write the page first",
        "See EDITING.md, section 'Training paths'",
    )


def test_a_question_without_a_right_answer_fails_the_build(tmp_path):
    data = _path()
    data["modules"][0]["questions"] = [_question(right=())]
    _fails_with(tmp_path, {"testvag.yml": _dump(data)}, "key 'modules[1].questions[1].options': found no option marked 'correct: true'")


def test_an_unknown_audience_fails_the_build(tmp_path):
    _fails_with(tmp_path, {"testvag.yml": _dump(_path(audience="chefer"))}, "key 'audience': found 'chefer'", "one of: anhoriga, personal, organisation")


def test_a_duplicate_module_id_fails_the_build(tmp_path):
    data = _path(modules=[_module("forsta"), _module("forsta")])
    _fails_with(tmp_path, {"testvag.yml": _dump(data)}, "key 'modules[2].id': found 'forsta', already the id of modules[1]")


def test_an_unknown_key_fails_the_build(tmp_path):
    data = _path(minuter=30)
    _fails_with(tmp_path, {"testvag.yml": _dump(data)}, "key 'minuter': found an unknown key")


def test_a_missing_language_fails_the_build(tmp_path):
    data = _path(role={"sv": "Testare"})
    _fails_with(tmp_path, {"testvag.yml": _dump(data)}, "key 'role.en': found nothing (the language is missing)")


def test_an_unknown_source_key_fails_the_build(tmp_path):
    data = _path()
    data["modules"][1]["questions"][0]["source"] = "wikipedia"
    _fails_with(tmp_path, {"testvag.yml": _dump(data)}, "key 'modules[2].questions[1].source': found 'wikipedia'")


def test_a_key_written_twice_fails_the_build(tmp_path):
    text = _dump(_path()) + "audience: organisation\n"
    _fails_with(tmp_path, {"testvag.yml": text}, "testvag.yml", "the key 'audience' is written twice", "See EDITING.md, section 'Training paths'")


def test_a_yaml_extension_fails_the_build(tmp_path):
    _fails_with(tmp_path, {"testvag.yaml": _dump(_path())}, "the extension '.yaml' in 'testvag.yaml'", "rename the file to 'testvag.yml'")


LANDING = f"""---
title: Utbildning
description: Utbildningarna.
audience: [personal]
reviewed: 2026-11-22
sources: []
untranslated: [{', '.join(OTHER_LANGUAGES)}]
template: training/page.html
---

# Utbildning

Välj en utbildning.
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A tiny site with one path of two modules, a landing page and an English landing page."""
    tmp_path = tmp_path_factory.mktemp("training-site")
    data = _path()
    data["modules"][1]["questions"] = [_question(right=(0, 1), options=3)]
    landing_en = LANDING.replace("title: Utbildning", "title: Training").replace("# Utbildning", "# Training").replace(f"untranslated: [{', '.join(OTHER_LANGUAGES)}]\n", "")
    result = _tiny_site(
        tmp_path,
        {"testvag.yml": _dump(data)},
        {"utbildning/index.md": LANDING, "utbildning/index.en.md": landing_en},
    )
    assert result.returncode == 0, result.output
    assert result.warnings == [], result.output
    return result


def _soup(result, path: str) -> BeautifulSoup:
    return BeautifulSoup((result.site_dir / path).read_text(encoding="utf-8"), "lxml")


def test_generated_pages_land_under_utbildning_in_each_language(built):
    for prefix, lang in (("", "sv"), ("en/", "en")):
        for part in ("", "forsta/", "andra/", "intyg/"):
            html = _soup(built, f"{prefix}utbildning/testvag/{part}index.html")
            assert html.html["lang"] == lang, (prefix, part)
    assert _soup(built, "en/utbildning/testvag/forsta/index.html").select_one("h1").get_text() == "Första modulen (en)"


def test_a_module_page_has_its_place_the_page_it_builds_on_and_neighbours(built):
    html = _soup(built, "utbildning/testvag/andra/index.html")
    assert "Modul 2 av 2" in html.select_one(".ag-training-position").get_text()
    assert html.select_one('meta[name="description"]')["content"] == "Modul 2 av 2 i utbildningen Testvägen: Första modulen."
    read = html.select_one("#ag-read + p a")
    assert read["href"] == "../../../guide/" and read.get_text() == "Guiden"
    assert html.select_one(".ag-training-pager a[rel=prev]")["href"] == "../forsta/"
    assert html.select_one(".ag-training-pager a[rel=next]") is None
    assert html.select_one(".ag-training-pager a[href='../intyg/']") is not None
    english = _soup(built, "en/utbildning/testvag/forsta/index.html")
    assert english.select_one("#ag-read + p a")["href"] == "../../../guide/"
    assert "Module 1 of 2" in english.select_one(".ag-training-position").get_text()


def test_without_javascript_every_question_and_answer_is_readable(built):
    html = _soup(built, "utbildning/testvag/andra/index.html")
    form = html.select_one("form[data-ag-question]")
    assert form.select_one("fieldset > legend").get_text(" ", strip=True).endswith("Vem får hjälp?")
    assert [i["type"] for i in form.select("input")] == ["checkbox"] * 3
    assert all(form.select_one(f"label[for='{i['id']}']") for i in form.select("input"))
    answer = form.select_one("details")
    assert answer.select_one("summary").get_text() == "Visa rätt svar"
    assert [li.get_text() for li in answer.select("li")] == ["Svar 0", "Svar 1"]
    assert "Så står det i källan." in answer.get_text()
    assert "Kommunens stöd till anhöriga" in answer.select_one("cite").get_text()
    # What needs the script is hidden until the script shows it.
    assert form.select_one("[data-ag-answer]").has_attr("hidden")
    assert html.select_one("[data-ag-done-section]").has_attr("hidden")
    assert form.select_one("[data-ag-feedback]")["role"] == "status"
    overview = _soup(built, "utbildning/testvag/index.html")
    assert overview.select_one("[data-ag-progress]").has_attr("hidden")
    assert overview.select_one("[data-ag-tools]").has_attr("hidden")
    assert overview.select_one("label[for='ag-progress-testvag']") is not None


def test_the_script_and_its_settings_are_on_training_pages_only(built):
    config = json.loads(_soup(built, "utbildning/testvag/forsta/index.html").select_one("#ag-training-config").string)
    assert config["kind"] == "module" and config["path"] == "testvag" and config["module"] == "forsta"
    assert config["paths"] == [{"id": "testvag", "modules": ["forsta", "andra"]}]
    assert config["strings"]["progress"] == "{done} av {total} moduler klara"
    landing = _soup(built, "utbildning/index.html")
    assert json.loads(landing.select_one("#ag-training-config").string)["kind"] == "landing"
    assert landing.select_one(".ag-training-paths a")["href"] == "testvag/"
    for path in ("index.html", "guide/index.html"):
        html = _soup(built, path)
        assert html.select_one("#ag-training-config") is None, path
        assert not [s for s in html.select("script[src]") if "training" in s["src"]], path
    scripts = _soup(built, "utbildning/testvag/intyg/index.html").select("script")
    assert not [s for s in scripts if not s.get("src") and s.get("type") != "application/json"]


def test_generated_pages_pass_the_front_matter_schema_and_switch_language(built):
    html = _soup(built, "en/utbildning/testvag/intyg/index.html")
    assert html.select_one("h1").get_text() == "Certificate: Testvägen (en)"
    assert html.select_one(".ag-page-meta time")["datetime"] == "2026-11-22"
    switcher = {a["hreflang"]: a["href"] for a in html.select(".md-select__link[hreflang]")}
    assert switcher["sv"] == "../../../../utbildning/testvag/intyg/" and switcher["en"] == "./"
    assert {switcher[lang] for lang in OTHER_LANGUAGES} == {f"../../../../{lang}/utbildning/testvag/intyg/" for lang in OTHER_LANGUAGES}
    assert "testvag|forsta,andra|ÅÅÅÅ-MM-DD" in _soup(built, "utbildning/testvag/intyg/index.html").select_one(".ag-certificate-code-input").get_text()


def test_a_language_the_path_leaves_untranslated_shows_the_default_text_marked_as_such(built):
    if not OTHER_LANGUAGES:
        pytest.skip("the site builds no language beyond sv and en")
    lang = OTHER_LANGUAGES[0]
    html = _soup(built, f"{lang}/utbildning/testvag/forsta/index.html")
    assert html.html["lang"] == lang
    content = html.select_one("article.md-content__inner > div[lang='sv']")
    assert content is not None and "Modul 1 av 2" in content.select_one(".ag-training-position").get_text()
    config = json.loads(html.select_one("#ag-training-config").string)
    assert config["strings"]["progress"] == "{done} av {total} moduler klara"


def test_path_overviews_follow_the_landing_page_in_the_nav(built):
    for prefix in ("", "en/"):
        html = _soup(built, f"{prefix}utbildning/index.html")
        links = [a.get_text(" ", strip=True) for a in html.select(".md-nav--primary a.md-nav__link")]
        landing = next(i for i, text in enumerate(links) if text in ("Utbildning", "Training"))
        assert links[landing + 1].startswith("Testvägen"), links


def test_generated_pages_are_in_the_sitemap_with_both_languages(built):
    sitemap = BeautifulSoup((built.site_dir / "sitemap.xml").read_text(encoding="utf-8"), "xml")
    urls = {url.loc.text: {link["hreflang"]: link["href"] for link in url.find_all("link")} for url in sitemap.find_all("url")}
    module = next(loc for loc in urls if loc.endswith("/utbildning/testvag/forsta/") and "/en/" not in loc)
    assert set(urls[module]) == set(BUILT)
    assert urls[module]["en"].endswith("/en/utbildning/testvag/forsta/")


def test_the_generated_module_page_description_is_checked_for_length(tmp_path):
    data = _path()
    data["modules"][0]["title"] = _texts("Lång " * 40)
    _fails_with(tmp_path, {"testvag.yml": _dump(data)}, "key 'modules[1].title': found a title that makes the generated page description", "shorten the module's title")


def test_a_hand_written_page_at_a_generated_address_fails(tmp_path):
    clash = {"utbildning/testvag/forsta/index.md": _page("Krock"), "utbildning/testvag/forsta/index.en.md": _page("Clash", english=True)}
    result = _tiny_site(tmp_path, {"testvag.yml": _dump(_path())}, clash)
    assert result.returncode != 0 and "Traceback" not in result.output
    assert "is also the address of docs/utbildning/testvag/forsta/index.md" in result.output


def test_a_site_without_paths_builds_and_adds_nothing(tmp_path):
    result = _tiny_site(tmp_path, {})
    assert result.returncode == 0, result.output
    assert not (result.site_dir / "utbildning").exists()


def test_the_example_path_data_round_trips(tmp_path):
    """A path file as an author writes it (YAML, not Python) builds."""
    text = (REPO / "data" / "paths" / "omsorgspersonal.yml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert data["untranslated"] == OTHER_LANGUAGES  # the tiny site's pages have sv and en only
    pages = {module["page"]: _page(module["title"]["sv"]) for module in data["modules"]}
    pages.update({module["page"].removesuffix(".md") + ".en.md": _page(module["title"]["en"], english=True) for module in data["modules"]})
    result = build_tiny_site(
        tmp_path,
        {"index.md": _page("Start"), "index.en.md": _page("Start", english=True), **pages},
        config={"extra": {"data_dir": str(_data_folder(tmp_path, {"omsorgspersonal.yml": text}))}},
    )
    assert result.returncode == 0, result.output
    assert (result.site_dir / "en" / "utbildning" / "omsorgspersonal" / "intyg" / "index.html").is_file()
