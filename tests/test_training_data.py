"""Training paths: the real data, the validator on small inputs, each kind of author
mistake as the build's registry refuses it (one also in a tiny site's build, to show the
message the author sees), and a tiny site that shows where the generated pages land.

Tiny sites get a data folder of their own (a copy of data/ without the real paths), so
that a path here points only at the tiny site's pages.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import shutil
import subprocess
import tempfile
import sys
from collections import Counter
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError
from mkdocs.utils.yaml import yaml_load
from sitebuilder import REPO, build_tiny_site, page, run_mkdocs

sys.path.insert(0, str(REPO / "hooks"))
from anhorigguiden import guide_data  # noqa: E402
from anhorigguiden import training_data  # noqa: E402
from anhorigguiden.registry import Registry  # noqa: E402
from anhorigguiden.site_languages import Languages  # noqa: E402

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


# A teaching text as the validator wants it: 300-700 words, the case heading, and the
# phrase each test question names as its evidence.
EVIDENCE = {"sv": "Den som får hjälp kallas närstående.", "en": "The person who gets help is called närstående."}
CASE = {"sv": "## Ett fall från praktiken", "en": "## A case from practice"}
FILLER = {"sv": "Det här är en mening om stöd till anhöriga. ", "en": "This is a sentence about support for carers. "}


def _teaching(lang: str, *, words: int = 360, case: bool = True, evidence: bool = True) -> str:
    """Markdown of about `words` words (every filler sentence has eight or nine)."""
    filler = FILLER[lang] * max(0, (words - 40) // len(FILLER[lang].split()))
    parts = [filler.strip(), EVIDENCE[lang] if evidence else "", CASE[lang] if case else "## Annat", "En kort situation och vad du gör."]
    return "\n\n".join(part for part in parts if part) + "\n"


def _write_teaching(folder: Path, module_ids, **options) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for module_id in module_ids:
        (folder / f"{module_id}.md").write_text(_teaching("sv", **options), encoding="utf-8")
        (folder / f"{module_id}.en.md").write_text(_teaching("en", **options), encoding="utf-8")
    return folder


# Teaching texts for the module ids the tests below use.
TEACHING = _write_teaching(Path(tempfile.mkdtemp(prefix="training-teaching-")), ["forsta", "andra", "__proto__", "constructor"])


def _option(n: int, right: bool) -> dict:
    verdict = "Rätt" if right else "Inte riktigt"
    return {"text": _texts(f"Svar {n}"), **({"correct": True} if right else {}), "feedback": _texts(f"{verdict}. Skälet till svar {n}.")}


def _question(*, right: tuple[int, ...] = (0,), options: int = 3, source: str = "kommunens-stod-video") -> dict:
    return {
        "question": _texts("Vem får hjälp?"),
        "source": source,
        "evidence": dict(EVIDENCE),
        "options": [_option(n, n in right) for n in range(options)],
    }


def _module(module_id: str = "forsta", page_uri: str | None = "guide.md") -> dict:
    return {
        "id": module_id,
        "title": _texts("Första modulen"),
        **({"page": page_uri} if page_uri else {}),
        "objectives": {"sv": ["Lära sig något."], "en": ["Learn something."]},
        "reflection": _texts("Vad tänker du?"),
        "questions": [_question(), _question(), _question()],
    }


def _path(**changes) -> dict:
    data = {
        "id": "testvag",
        "order": 1,
        "edition": "2026-11",
        "title": _texts("Testvägen"),
        "description": _texts("En väg för test."),
        "audience": "personal",
        "role": _texts("Testare"),
        "reviewed": dt.date(2026, 11, 22),
        "objectives": {"sv": ["Mål ett."], "en": ["Goal one."]},
        "modules": [_module("forsta"), _module("andra")],
    }
    data.update(changes)
    return data


def _validate(data: dict, stem: str = "testvag", teaching: Path = TEACHING) -> training_data.TrainingPath:
    return training_data.validate_path(data, file="data/paths/testvag.yml", stem=stem, languages=LANGUAGES, known_sources=SOURCES, teaching=teaching)


def _problems(data: dict, stem: str = "testvag", teaching: Path = TEACHING) -> str:
    with pytest.raises(PluginError) as raised:
        _validate(data, stem, teaching)
    message = str(raised.value)
    assert message.startswith("data/paths/testvag.yml:")
    assert "See EDITING.md, section 'Training paths'" in message
    assert "Traceback" not in message
    return message


# The real paths.


def _real_paths() -> list[training_data.TrainingPath]:
    return training_data.load_paths(REPO / "data" / "paths", languages=BUILT, known_sources=SOURCES, configured=CONFIGURED)


def test_the_guide_has_the_care_staff_path_and_its_paths_have_four_to_six_modules():
    paths = _real_paths()
    # The other two paths are drafts until their teaching texts are written; the lead merges them.
    assert "omsorgspersonal" in {path.id for path in paths}
    for path in paths:
        assert 4 <= len(path.modules) <= 6, path.id
        assert set(path.languages) >= set(LANGUAGES), path.id
        for module in path.modules:
            assert module.page is None or (REPO / "docs" / module.page).is_file(), (path.id, module.page)
            assert set(module.title) == set(path.languages)


VERDICTS = {True: {"sv": "Rätt.", "en": "Right."}, False: {"sv": "Inte riktigt.", "en": "Not quite."}}


def test_every_real_module_teaches_and_checks_what_it_teaches():
    """Measured on the real data, every path (the colleague's too, once merged): words per
    teaching text, questions per module, feedback for every option, evidence in the text."""
    figures = []
    for path in _real_paths():
        for module in path.modules:
            for lang, text in module.teaching.items():
                words = training_data.count_words(text)
                assert 300 <= words <= 700, (path.id, module.id, lang, words)
                heading = training_data.CASE_HEADINGS[lang]
                assert f"## {heading}" in text, (path.id, module.id, lang)
                plain = " ".join(training_data.plain_text(text).split()).casefold()
                for number, question in enumerate(module.questions, start=1):
                    assert " ".join(question.evidence[lang].split()).casefold() in plain, (path.id, module.id, number, lang)
            assert len(module.questions) >= 3, (path.id, module.id)
            for question in module.questions:
                assert 3 <= len(question.options) <= 4
                assert sum(option.correct for option in question.options) == 1
                for option in question.options:
                    assert all(option.feedback[lang].strip() for lang in path.languages), (path.id, module.id)
                    # The feedback begins with its verdict: the page shows no other (EDITING.md).
                    verdicts = VERDICTS[option.correct]
                    for lang in set(verdicts) & set(path.languages):
                        assert option.feedback[lang].startswith(verdicts[lang]), (path.id, module.id, option.feedback[lang])
                    # Feedback says why; a wrong option's feedback is more than a verdict.
                    assert len(option.feedback["sv"].split()) >= 6, (path.id, module.id, option.feedback["sv"])
            figures.append((path.id, module.id, module.words, len(module.questions), module.minutes))
    assert figures
    print("\n".join(f"{p} {m}: {w} words, {q} questions, {t} min" for p, m, w, q, t in figures))


def test_the_real_teaching_texts_are_klarsprak():
    """LIX at most 40 (CONTENT.md) for every Swedish teaching text."""
    from readability import lix

    for path in _real_paths():
        for module in path.modules:
            value = lix(training_data.plain_text(module.teaching["sv"]))
            assert value <= 40, (path.id, module.id, round(value, 1))


# The validator on small inputs.


def test_a_valid_path_is_returned_typed():
    path = _validate(_path())
    assert path.id == "testvag" and path.file == "data/paths/testvag.yml" and path.edition == "2026-11"
    assert [m.id for m in path.modules] == ["forsta", "andra"]
    question = path.modules[0].questions[0]
    assert question.options[0].correct is True and question.options[1].correct is False
    assert question.options[1].feedback["sv"] == "Inte riktigt. Skälet till svar 1."
    assert path.sources == ["kommunens-stod-video"]
    assert path.modules[0].teaching["sv"].startswith("Det här är en mening")
    assert path.draft is False


def test_time_is_computed_from_words_questions_and_the_reflection():
    assert training_data.module_minutes(0, 0) == 3
    assert training_data.module_minutes(130, 3) == math.ceil(1 + 4.5 + 3) == 9
    assert training_data.module_minutes(131, 2) == math.ceil(131 / 130 + 3 + 3) == 8
    path = _validate(_path())
    words = training_data.count_words(_teaching("sv"))
    assert path.modules[0].words == words
    assert path.modules[0].minutes == math.ceil(words / 130 + 1.5 * 3 + 3)
    assert path.minutes == sum(module.minutes for module in path.modules)


def test_words_are_counted_without_markdown_syntax():
    text = "## Rubrik {#id}\n\n- **Fet** text med [en länk](guider/x.md) och [[source:kommunens-stod-video]].\n"
    assert training_data.count_words(text) == 7  # Rubrik, Fet, text, med, en, länk, och


def test_a_typed_time_is_rejected_with_how_time_is_computed():
    message = _problems(_path(minutes=30))
    assert "key 'minutes': found 30 (a number)" in message
    assert "the time is computed from the teaching texts and the questions" in message


def test_a_missing_teaching_text_is_rejected(tmp_path):
    folder = _write_teaching(tmp_path / "testvag", ["forsta"])
    message = _problems(_path(), teaching=folder)
    assert "key 'modules[2] teaching text" in message and "andra.md': found no such file" in message
    assert "andra.en.md': found no such file" in message
    assert "write the teaching text into" in message


@pytest.mark.parametrize("words, found", [(120, "words (without Markdown syntax)"), (900, "words (without Markdown syntax)")])
def test_a_teaching_text_outside_300_to_700_words_is_rejected(tmp_path, words, found):
    folder = _write_teaching(tmp_path / "testvag", ["forsta", "andra"])
    (folder / "andra.md").write_text(_teaching("sv", words=words), encoding="utf-8")
    message = _problems(_path(), teaching=folder)
    assert f"andra.md': found {training_data.count_words(_teaching('sv', words=words))} {found}" in message
    assert "allowed: 300 to 700 words" in message


def test_a_teaching_text_without_the_case_heading_is_rejected(tmp_path):
    folder = _write_teaching(tmp_path / "testvag", ["forsta", "andra"])
    (folder / "forsta.en.md").write_text(_teaching("en", case=False), encoding="utf-8")
    message = _problems(_path(), teaching=folder)
    assert "forsta.en.md': found no heading '## A case from practice'" in message
    assert "add the section '## A case from practice'" in message


def test_front_matter_in_a_teaching_text_is_rejected(tmp_path):
    folder = _write_teaching(tmp_path / "testvag", ["forsta", "andra"])
    (folder / "forsta.md").write_text("---\ntitle: x\n---\n" + _teaching("sv"), encoding="utf-8")
    assert "forsta.md': found front matter" in _problems(_path(), teaching=folder)


def test_a_teaching_text_not_in_utf8_is_rejected(tmp_path):
    folder = _write_teaching(tmp_path / "testvag", ["forsta", "andra"])
    (folder / "andra.md").write_bytes(_teaching("sv").encode("latin-1"))
    message = _problems(_path(), teaching=folder)
    assert "andra.md': found bytes that are not UTF-8" in message and "save the file as UTF-8" in message


def test_an_evidence_phrase_not_in_the_teaching_text_is_rejected():
    data = _path()
    data["modules"][1]["questions"][2]["evidence"]["en"] = "A sentence the text does not have."
    message = _problems(data)
    assert "key 'modules[2].questions[3].evidence.en': found 'A sentence the text does not have.', which is not in the module's teaching text" in message
    assert "copy the sentence that answers the question from the teaching text" in message


def test_an_evidence_phrase_ignores_case_and_line_breaks():
    data = _path()
    data["modules"][0]["questions"][0]["evidence"]["sv"] = "den som får hjälp\nkallas   NÄRSTÅENDE"
    _validate(data)


def test_fewer_than_three_questions_are_rejected():
    data = _path()
    data["modules"][0]["questions"] = [_question(), _question()]
    message = _problems(data)
    assert "key 'modules[1].questions': found 2 question(s)" in message
    assert "allowed: a list of at least 3 questions" in message


@pytest.mark.parametrize("right, found", [((), "0 options"), ((0, 2), "2 options")])
def test_not_exactly_one_right_option_is_rejected(right, found):
    data = _path()
    data["modules"][1]["questions"][0] = _question(right=right)
    message = _problems(data)
    assert f"key 'modules[2].questions[1].options': found {found} marked 'correct: true'" in message
    assert "allowed: exactly one right option" in message


@pytest.mark.parametrize("count", [2, 5])
def test_three_or_four_options_only(count):
    data = _path()
    data["modules"][0]["questions"][1] = _question(options=count)
    assert f"key 'modules[1].questions[2].options': found {count} option(s)" in _problems(data)


def test_an_option_without_feedback_is_rejected():
    data = _path()
    del data["modules"][0]["questions"][0]["options"][2]["feedback"]
    message = _problems(data)
    assert "key 'modules[1].questions[1].options[3].feedback': found nothing (the key is missing)" in message


@pytest.mark.parametrize(
    "lang, text, words",
    [
        ("sv", "Alla ovanstående", "ovanstående"),
        ("sv", "Inget av alternativen stämmer.", "Inget av alternativen"),
        ("en", "All of the above.", "All of the above"),
        ("en", "Both of the answers are right.", "Both of the answers"),
        ("en", "Option B, but only on weekdays.", "Option B"),
    ],
)
def test_an_option_that_points_at_the_other_options_is_rejected(lang, text, words):
    """The page shows the options in an order of its own: "all of the above" could come first."""
    data = _path()
    data["modules"][0]["questions"][1]["options"][2]["text"][lang] = text
    message = _problems(data)
    assert f"key 'modules[1].questions[2].options[3].text.{lang}': found {text!r}, which points at the other options ({words!r})" in message
    assert "allowed: an answer that stands alone: the page shows the options in an order of its own" in message


def test_an_option_that_merely_says_both_or_neither_is_allowed():
    # The real data has such options: "Ingen av dem" names two people, not two options.
    data = _path()
    options = data["modules"][0]["questions"][0]["options"]
    options[1]["text"] = _texts("Ingen av dem, eftersom beslutet inte går att överklaga.", "Neither of them, because it cannot be appealed.")
    options[2]["text"] = _texts("Både regionen och kommunen.", "Both the region and the municipality.")
    _validate(data)


# The order the options are shown in (training_data.option_orders).


def _many_questions() -> dict:
    """A path of 12 questions: 9 with three options, 3 with four; the right option written
    first, second or last."""
    modules = [_module(module_id) for module_id in ("forsta", "andra", "__proto__", "constructor")]
    for number, module in enumerate(modules):
        questions = module["questions"]
        questions[1] = _question(right=(1,), options=4 if number == 3 else 3)
        questions[2] = _question(right=(2,), options=4 if number == 3 else 3)
        if number == 3:
            questions[0] = _question(options=4)
    return _path(modules=modules)


def _right_places(path: training_data.TrainingPath) -> dict[int, Counter]:
    """By number of options: how often the right option is shown at each place (from 0)."""
    places: dict[int, Counter] = {}
    orders = training_data.option_orders(path)
    for module in path.modules:
        for number, question in enumerate(module.questions, start=1):
            order = orders[(module.id, number)]
            places.setdefault(len(order), Counter())[next(at for at, written in enumerate(order) if question.options[written].correct)] += 1
    return places


def test_each_question_shows_all_its_options_rotated_and_the_right_one_at_each_place_evenly():
    path = _validate(_many_questions())
    orders = training_data.option_orders(path)
    assert set(orders) == {(module.id, number) for module in path.modules for number in range(1, len(module.questions) + 1)}
    for (module_id, number), order in orders.items():
        count = len(next(m for m in path.modules if m.id == module_id).questions[number - 1].options)
        # Every option once, in its written cyclic order (rotated).
        assert order == tuple((order[0] + place) % count for place in range(count)), (module_id, number, order)
    places = _right_places(path)
    assert sorted(places[3].elements()) == [0, 0, 0, 1, 1, 1, 2, 2, 2]  # nine questions: three at each place
    assert sorted(places[4].values()) == [1, 1, 1]  # three questions: three different places
    assert len({order for order in orders.values() if len(order) == 3}) > 1


def test_the_order_depends_on_the_ids_and_the_right_option_not_on_the_texts():
    data = _many_questions()
    before = training_data.option_orders(_validate(data))
    for module in data["modules"]:
        for question in module["questions"]:
            question["question"] = _texts("En annan fråga?")
            for option in question["options"]:
                option["text"] = _texts(option["text"]["sv"] + " (omskrivet)")
    assert training_data.option_orders(_validate(data)) == before


def test_the_order_is_the_same_in_every_process():
    """SHA-256, not Python's hash() (randomised per process) nor any randomness."""
    script = (
        "import json, sys; from pathlib import Path; from anhorigguiden import guide_data, training_data as t; "
        "sources = guide_data.load_yaml_file(Path('data/sources.yml'), section='Sources'); "
        f"paths = t.load_paths(Path('data/paths'), languages={BUILT!r}, known_sources=sources, configured={CONFIGURED!r}); "
        "print(json.dumps({p.id: sorted((m, n, o) for (m, n), o in t.option_orders(p).items()) for p in paths}))"
    )
    seen = set()
    for seed in ("1", "2", "random"):
        done = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": seed}, timeout=120)
        assert done.returncode == 0, done.stderr
        seen.add(done.stdout)
    assert len(seen) == 1


@pytest.mark.parametrize("title, markup", [("<b>Fet</b> väg", "<"), ("Vägen *viktig*", "*"), ("Se [länk](x.md)", "["), ("Kod `x`", "`"), ("A &amp; B", "&amp;")])
def test_markup_in_a_plain_text_title_is_rejected(title, markup):
    message = _problems(_path(title=_texts(title)))
    assert f"key 'title.sv': found {title!r}, with the markup {markup!r}" in message
    assert "allowed: plain text without Markdown or HTML" in message


def test_markup_in_a_module_title_is_rejected():
    data = _path()
    data["modules"][1]["title"] = _texts("Modul <i>två</i>")
    assert "key 'modules[2].title.sv': found 'Modul <i>två</i>', with the markup '<'" in _problems(data)


def test_a_path_without_edition_is_rejected():
    data = _path()
    del data["edition"]
    assert "key 'edition': found nothing (the key is missing)" in _problems(data)


def test_an_unquoted_edition_is_rejected():
    message = _problems(_path(edition=2026))
    assert "key 'edition': found 2026 (a number)" in message


def test_a_draft_is_neither_checked_nor_built(tmp_path):
    folder = tmp_path / "paths"
    folder.mkdir()
    (folder / "utkast.yml").write_text("draft: true\nid: utkast\nminutes: 30\n", encoding="utf-8")
    assert training_data.load_paths(folder, languages=LANGUAGES, known_sources=SOURCES) == []
    (folder / "utkast.yml").write_text("draft: ja\nid: utkast\n", encoding="utf-8")
    with pytest.raises(PluginError, match="key 'draft': found 'ja' \\(text\\)"):
        training_data.load_paths(folder, languages=LANGUAGES, known_sources=SOURCES)


def test_module_ids_like_proto_and_constructor_are_ordinary_ids():
    path = _validate(_path(modules=[_module("__proto__"), _module("constructor")]))
    assert [m.id for m in path.modules] == ["__proto__", "constructor"]


def test_a_module_without_a_guide_page_is_allowed():
    path = _validate(_path(modules=[_module("forsta", None), _module("andra")]))
    assert path.modules[0].page is None


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
    del data["modules"][0]["questions"][0]["options"][0]["feedback"]["en"]
    message = _problems(data)
    assert "key 'modules[1].questions[1].options[1].feedback.en': found nothing (the language is missing)" in message
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
    data["modules"][1]["questions"][0] = _question(right=())
    del data["role"]
    message = _problems(data)
    assert "4 problem(s)" in message
    for key in ("'audience'", "'minutes'", "'role'", "'modules[2].questions[1].options'"):
        assert f"key {key}" in message


def _validate_in(data: dict, languages: list[str]) -> training_data.TrainingPath:
    return training_data.validate_path(data, file="data/paths/testvag.yml", stem="testvag", languages=languages, known_sources=SOURCES, teaching=TEACHING)


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


def test_a_link_in_a_teaching_text_is_checked_against_the_site(tmp_path):
    folder = _write_teaching(tmp_path / "testvag", ["forsta", "andra"])
    (folder / "andra.md").write_text(_teaching("sv") + "\nLäs [guiden](guide.md) och [mer](guider/saknas.md#del).\n", encoding="utf-8")
    path = _validate(_path(), teaching=folder)
    with pytest.raises(PluginError) as raised:
        training_data.check_pages(path, page_exists=lambda uri: uri == "guide.md")
    message = str(raised.value)
    assert "key 'modules[2] teaching text (sv)': found a link to 'guider/saknas.md', which is not a page in docs/" in message
    assert "guide.md'," not in message


def test_a_placeholder_typo_in_the_interface_text_never_raises():
    sys.path.insert(0, str(REPO / "hooks"))
    import training_paths

    assert training_paths.fill("{minutes} minuter", minutes=5) == "5 minuter"
    assert training_paths.fill("{minuter} minuter", minutes=5) == "{minuter} minuter"
    assert training_paths.fill("{0} och {", minutes=5) == "{0} och {"


# Tiny sites: one per kind of mistake, and one that builds.


def _data_folder(tmp_path: Path, paths: dict[str, str]) -> Path:
    """A copy of data/ whose paths/ holds only `paths` (file name -> YAML text), each with
    a valid teaching text for every module it lists."""
    folder = tmp_path / "training-data"
    shutil.copytree(REPO / "data", folder, ignore=shutil.ignore_patterns("paths"))
    (folder / "paths").mkdir()
    for name, text in paths.items():
        (folder / "paths" / name).write_text(text, encoding="utf-8")
        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError:  # a test of a broken file: the build reports it
            continue
        modules = data.get("modules") if isinstance(data, dict) else None
        ids = [m["id"] for m in modules or [] if isinstance(m, dict) and isinstance(m.get("id"), str)]
        _write_teaching(folder / "paths" / name.rsplit(".", 1)[0], ids)
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


def _refused_with(tmp_path: Path, paths: dict[str, str], *expected: str) -> str:
    """What the build stops with when it loads these paths (hooks/training_paths.py's
    on_config reads them from the build's registry), without building a site: the message
    MkDocs prints is the GuideError's text, as test_a_module_page_that_does_not_exist_fails_the_build
    shows on a real build."""
    registry = Registry(_data_folder(tmp_path, paths), Languages(BUILT[0], BUILT[0], tuple(BUILT), tuple(CONFIGURED)))
    with pytest.raises(PluginError) as refused:
        registry.training_paths
    message = str(refused.value)
    for fragment in expected:
        assert fragment in message, message
    assert "See EDITING.md, section 'Training paths'" in message
    return message


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


def test_a_question_without_a_right_answer_stops_the_build_at_loading(tmp_path):
    data = _path()
    data["modules"][0]["questions"][0] = _question(right=())
    _refused_with(tmp_path, {"testvag.yml": _dump(data)}, "key 'modules[1].questions[1].options': found 0 options marked 'correct: true'")


def test_a_missing_teaching_text_stops_the_build_at_loading(tmp_path):
    data = _path(modules=[_module("forsta"), _module("utan-text")])
    folder = _data_without_teaching(tmp_path, data, "utan-text")
    with pytest.raises(PluginError) as refused:
        Registry(folder, Languages(BUILT[0], BUILT[0], tuple(BUILT), tuple(CONFIGURED))).training_paths
    assert "key 'modules[2] teaching text" in str(refused.value) and "utan-text.md': found no such file" in str(refused.value)


def _data_without_teaching(tmp_path: Path, data: dict, module_id: str) -> Path:
    folder = _data_folder(tmp_path, {"testvag.yml": _dump(data)})
    for file in (folder / "paths" / "testvag").glob(f"{module_id}.*"):
        file.unlink()
    return folder


def test_an_unknown_audience_stops_the_build_at_loading(tmp_path):
    _refused_with(tmp_path, {"testvag.yml": _dump(_path(audience="chefer"))}, "key 'audience': found 'chefer'", "one of: anhoriga, personal, organisation")


def test_a_duplicate_module_id_stops_the_build_at_loading(tmp_path):
    data = _path(modules=[_module("forsta"), _module("forsta")])
    _refused_with(tmp_path, {"testvag.yml": _dump(data)}, "key 'modules[2].id': found 'forsta', already the id of modules[1]")


def test_an_unknown_key_stops_the_build_at_loading(tmp_path):
    data = _path(minuter=30)
    _refused_with(tmp_path, {"testvag.yml": _dump(data)}, "key 'minuter': found an unknown key")


def test_a_missing_language_stops_the_build_at_loading(tmp_path):
    data = _path(role={"sv": "Testare"})
    _refused_with(tmp_path, {"testvag.yml": _dump(data)}, "key 'role.en': found nothing (the language is missing)")


def test_an_unknown_source_key_stops_the_build_at_loading(tmp_path):
    data = _path()
    data["modules"][1]["questions"][0]["source"] = "wikipedia"
    _refused_with(tmp_path, {"testvag.yml": _dump(data)}, "key 'modules[2].questions[1].source': found 'wikipedia'")


def test_a_key_written_twice_stops_the_build_at_loading(tmp_path):
    text = _dump(_path()) + "audience: organisation\n"
    _refused_with(tmp_path, {"testvag.yml": text}, "testvag.yml", "the key 'audience' is written twice", "See EDITING.md, section 'Training paths'")


def test_a_yaml_extension_stops_the_build_at_loading(tmp_path):
    _refused_with(tmp_path, {"testvag.yaml": _dump(_path())}, "the extension '.yaml' in 'testvag.yaml'", "rename the file to 'testvag.yml'")


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
    data["modules"][1]["questions"][1] = _question(options=4)
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
    read = html.select_one("#ag-read-more + p a")
    assert read["href"] == "../../../guide/" and read.get_text() == "Guiden"
    assert "Beräknad tid:" in html.select_one(".ag-training-position").get_text()
    # The teaching text is the page's body, between the objectives and the questions.
    article = html.select_one("article")
    order = [element.get("id") for element in article.select("h2[id]")]
    assert order.index("ag-objectives") < order.index("ett-fall-fran-praktiken") < order.index("ag-read-more") < order.index("ag-check") < order.index("ag-reflection") < order.index("ag-answers")
    assert "Den som får hjälp kallas närstående." in article.get_text()
    assert html.select_one(".ag-training-pager a[rel=prev]")["href"] == "../forsta/"
    assert html.select_one(".ag-training-pager a[rel=next]") is None
    assert html.select_one(".ag-training-pager a[href='../intyg/']") is not None
    english = _soup(built, "en/utbildning/testvag/forsta/index.html")
    assert english.select_one("#ag-read-more + p a")["href"] == "../../../guide/"
    assert "Module 1 of 2" in english.select_one(".ag-training-position").get_text()


def test_without_javascript_every_question_and_answer_is_readable(built):
    html = _soup(built, "utbildning/testvag/andra/index.html")
    forms = html.select("form[data-ag-question]")
    form = forms[1]
    assert form.select_one("fieldset > legend").get_text(" ", strip=True).endswith("Vem får hjälp?")
    assert [i["type"] for i in form.select("input")] == ["radio"] * 4
    assert all(form.select_one(f"label[for='{i['id']}']") for i in form.select("input"))
    # Without the script: the answers at the end, each in a labelled <details>.
    answers = html.select_one("section[data-ag-answers]")
    assert answers.select_one("h2").get_text() == "Svar på frågorna"
    details = answers.select("details")
    assert len(details) == len(forms) == 3
    assert details[1].select_one("summary").get_text() == "Svar på fråga 2"
    assert "Rätt svar: Svar 0" in " ".join(details[1].get_text(" ").split())
    # The answers list every option with its feedback, in the order the question shows them
    # (training_data.option_orders, not the order written); each option keeps its value.
    shown = [form.select_one(f"label[for='{i['id']}']").get_text() for i in form.select("input")]
    assert sorted(shown) == ["Svar 0", "Svar 1", "Svar 2", "Svar 3"]
    verdict = {"Svar 0": "Rätt"}
    assert [li.get_text(" ", strip=True) for li in details[1].select("li")] == [f"{text} : {verdict.get(text, 'Inte riktigt')}. Skälet till svar {text[-1]}." for text in shown]
    for radio in form.select("input"):
        written = int(radio["value"]) - 1  # the option's place in the file, from 1
        assert form.select_one(f"label[for='{radio['id']}']").get_text() == f"Svar {written}"
        assert form.select_one(f"[data-ag-option-feedback='{radio['value']}']").get_text().endswith(f"Skälet till svar {written}.")
    assert "Kommunens stöd till anhöriga" in details[1].select_one("cite").get_text()
    # The right answer and the feedback are not in the question until an attempt.
    assert form.select_one("details") is None
    assert all(p.has_attr("hidden") for p in form.select("[data-ag-option-feedback], [data-ag-right-answer], [data-ag-source]"))
    assert len(form.select("[data-ag-right]")) == 1
    # What needs the script is hidden until the script shows it; no "done" box any more.
    assert form.select_one("[data-ag-buttons]").has_attr("hidden")
    assert form.select_one("[data-ag-reveal]").has_attr("hidden")
    assert html.select_one("[data-ag-done-section], [data-ag-module-done]") is None
    assert form.select_one("[data-ag-feedback]")["role"] == "status"
    overview = _soup(built, "utbildning/testvag/index.html")
    assert overview.select_one("[data-ag-progress]").has_attr("hidden")
    assert overview.select_one("[data-ag-tools]").has_attr("hidden")
    assert overview.select_one("label[for='ag-progress-testvag']") is not None


def test_the_script_and_its_settings_are_on_training_pages_only(built):
    config = json.loads(_soup(built, "utbildning/testvag/forsta/index.html").select_one("#ag-training-config").string)
    assert config["kind"] == "module" and config["path"] == "testvag" and config["module"] == "forsta"
    assert config["paths"] == [{"id": "testvag", "edition": "2026-11", "modules": [{"id": "forsta", "questions": 3}, {"id": "andra", "questions": 3}]}]
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
    certificate = _soup(built, "utbildning/testvag/intyg/index.html")
    # No check code and no hash: the certificate says what it shows and what it does not.
    assert certificate.select_one(".ag-certificate-code-input, [data-ag-certificate-code]") is None
    assert "SHA-256" not in certificate.get_text() and "Kontrollkod" not in certificate.get_text()
    assert certificate.select_one("[data-ag-certificate-edition]").get_text() == "2026-11"
    assert [td["data-ag-certificate-module"] for td in certificate.select("td[data-ag-certificate-module]")] == ["forsta", "andra"]
    assert "Det visar inte vem som gjorde det" in certificate.select_one(".ag-certificate__scope").get_text()
    assert "Handledarens underskrift" in certificate.select_one(".ag-certificate__signature").get_text()


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


def test_a_module_page_sidebar_lists_the_paths_own_modules(built):
    html = _soup(built, "utbildning/testvag/andra/index.html")
    active = html.select_one(".md-nav--primary li.md-nav__item--active:not(.md-nav__item--nested)")
    section = active.find_parent("nav")
    titles = [a.get_text(" ", strip=True) for a in section.select(":scope > ul > li > a.md-nav__link, :scope > ul > li > label + a.md-nav__link")]
    # The overview is the section's own link (navigation.indexes); its pages follow.
    assert section.find_parent("li").get_text(" ", strip=True).startswith("Testvägen")
    assert titles == ["Första modulen", "Första modulen", "Intyg: Testvägen"], titles


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
    # The pages the modules point to, and those their teaching texts link to.
    folder = REPO / "data" / "paths" / "omsorgspersonal"
    targets = {module["page"] for module in data["modules"] if module.get("page")}
    targets |= {target for file in folder.glob("*.md") for target, _ in training_data.PAGE_LINK.findall(file.read_text(encoding="utf-8"))}
    pages = {target: _page(target) for target in targets}
    pages.update({target.removesuffix(".md") + ".en.md": _page(target, english=True) for target in targets})
    data_folder = _data_folder(tmp_path, {})
    (data_folder / "paths" / "omsorgspersonal.yml").write_text(text, encoding="utf-8")
    shutil.copytree(folder, data_folder / "paths" / "omsorgspersonal")
    result = build_tiny_site(
        tmp_path,
        {"index.md": _page("Start"), "index.en.md": _page("Start", english=True), **pages},
        config={"extra": {"data_dir": str(data_folder)}},
    )
    assert result.returncode == 0, result.output
    assert (result.site_dir / "en" / "utbildning" / "omsorgspersonal" / "intyg" / "index.html").is_file()


# The order of the options on the real site: spread, and the same in every build and language.


def _language_folder(lang: str) -> str:
    return "" if lang == BUILT[0] else f"{lang}/"


def _shown_questions(site_dir: Path, lang: str) -> dict[tuple[str, str, int], list[tuple[str, str, bool, str]]]:
    """Every question of every module page in one language, by (path, module, number): its
    options as shown, each (value, label, right, feedback); the answers at the end of the
    page must list the same options in the same order."""
    questions = {}
    for file in sorted((site_dir / _language_folder(lang) / "utbildning").glob("*/*/index.html")):
        html = BeautifulSoup(file.read_text(encoding="utf-8"), "lxml")
        forms = html.select("form[data-ag-question]")
        if not forms:
            continue  # the certificate
        details = html.select("section[data-ag-answers] details")
        assert len(details) == len(forms), file
        for form, answer in zip(forms, details):
            options = []
            for radio in form.select("input[type=radio]"):
                feedback = form.select_one(f"[data-ag-option-feedback='{radio['value']}']")
                label = form.select_one(f"label[for='{radio['id']}']").get_text()
                options.append((radio["value"], label, feedback.has_attr("data-ag-right"), feedback.get_text()))
            assert [li.get_text(" ", strip=True) for li in answer.select("li")] == [f"{label} : {feedback}" for _, label, _, feedback in options], file
            right = next(label for _, label, is_right, _ in options if is_right)
            assert " ".join(form.select_one("[data-ag-right-answer]").get_text().split()).endswith(" ".join(right.split())), file
            questions[(file.parent.parent.name, file.parent.name, int(form["data-ag-question"]))] = options
    return questions


def test_on_the_real_site_the_right_answer_is_not_always_first_but_spread_over_the_places(site):
    """A reader who always chooses the same place must not pass: in every path, the right
    option is shown at each place at least its fair share of the questions with that many
    options (rounded down)."""
    paths = _real_paths()
    shown = _shown_questions(site.site_dir, BUILT[0])
    assert len(shown) == sum(len(module.questions) for path in paths for module in path.modules)
    places: dict[tuple[str, int], Counter] = {}
    for (path_id, _, _), options in shown.items():
        places.setdefault((path_id, len(options)), Counter())[[right for _, _, right, _ in options].index(True)] += 1
    assert {path_id for path_id, _ in places} == {path.id for path in paths}
    for (path_id, count), found in places.items():
        total = sum(found.values())
        assert all(found[place] >= total // count for place in range(count)), (path_id, count, dict(found))
    everywhere = sum(places.values(), Counter())
    assert everywhere[0] < sum(everywhere.values()) and len(everywhere) > 1, dict(everywhere)


def test_every_language_shows_a_questions_options_in_the_same_order_each_with_its_own_text(site):
    paths = {path.id: path for path in _real_paths()}
    default = _shown_questions(site.site_dir, BUILT[0])
    for lang in BUILT:
        shown = default if lang == BUILT[0] else _shown_questions(site.site_dir, lang)
        assert shown.keys() == default.keys(), lang
        assert any([value for value, *_ in options] != sorted(value for value, *_ in options) for options in shown.values()), f"{lang}: every question in the order written"
        for (path_id, module_id, number), options in shown.items():
            assert [value for value, *_ in options] == [value for value, *_ in default[(path_id, module_id, number)]], (lang, path_id, module_id, number)
            path = paths[path_id]
            written_in = lang if lang in path.languages else BUILT[0]
            question = next(m for m in path.modules if m.id == module_id).questions[number - 1]
            # The value is the option's place in the file: its text, verdict and feedback follow it.
            for value, label, right, feedback in options:
                option = question.options[int(value) - 1]
                assert (label, right, feedback) == (option.text[written_in], option.correct, option.feedback[written_in]), (lang, path_id, module_id, number, value)


def test_a_second_build_in_another_process_shows_the_same_varied_order(site, tmp_path):
    seed = "4243" if os.environ.get("PYTHONHASHSEED") == "4242" else "4242"
    again = run_mkdocs(REPO / "mkdocs.yml", tmp_path / "site", cwd=REPO, env={"PYTHONHASHSEED": seed})
    assert again.returncode == 0, again.output
    for lang in BUILT:
        first, second = (_shown_questions(site_dir, lang) for site_dir in (site.site_dir, again.site_dir))
        assert {key: [value for value, *_ in options] for key, options in first.items()} == {key: [value for value, *_ in options] for key, options in second.items()}, lang
        # ...and an order of its own, not the order written.
        assert any([value for value, *_ in options] != sorted(value for value, *_ in options) for options in first.values()), lang
