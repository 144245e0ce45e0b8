"""Training paths in Chromium, on the real site: a reader takes a whole path (a wrong answer
first in every module, then the right one), gets a certificate only by passing, saves,
resets and loads progress, prints the certificate and the conversation card, and reads a
module without JavaScript. axe-core runs in each state at 375 and 1280 px; no request may
leave the site and no console error may appear.

The answers come from data/paths/ (through anhorigguiden/training_data.py), so the test follows
the data instead of repeating it.
"""

from __future__ import annotations

import json
import re
import sys

import pytest
from browser_checks import axe_results
from conftest import PageSession, serve
from playwright.sync_api import expect
from sitebuilder import REPO
from test_training_data import BUILT, CONFIGURED, OTHER_LANGUAGES, SOURCES, _dump, _module, _path, _tiny_site

sys.path.insert(0, str(REPO / "hooks"))
from anhorigguiden import training_data  # noqa: E402

WIDTHS = (375, 1280)
STORAGE_KEY = "anhorigguiden.training"
PATHS = training_data.load_paths(REPO / "data" / "paths", languages=BUILT, known_sources=SOURCES, configured=CONFIGURED)
PATH = PATHS[0]  # the first path in the guide's order
TODAY_JS = "() => { const d = new Date(); return [d.getFullYear(), String(d.getMonth() + 1).padStart(2, '0'), String(d.getDate()).padStart(2, '0')].join('-'); }"


def assert_accessible(page, state: str) -> None:
    """axe-core finds nothing at a phone's width and at a desktop's, in light and dark. In
    dark, only the training content is checked: the site's header search field fails
    contrast there on every page (reported to the lead; not the training's to fix)."""
    size = page.viewport_size
    for scheme, context in (("light", None), ("dark", ".md-content")):
        page.emulate_media(color_scheme=scheme)
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            # The theme's sidebar fades in after a resize: axe_results checks the page, not the fade.
            results = axe_results(page, context)
            assert results.violations_count == 0, f"{state} at {width} px, {scheme}:\n{results.generate_report()}"
    page.emulate_media(color_scheme="light")
    page.set_viewport_size(size)


def module_url(base_url: str, module: training_data.Module, lang: str = "sv", path: training_data.TrainingPath = PATH) -> str:
    return f"{base_url}{'' if lang == 'sv' else lang + '/'}utbildning/{path.id}/{module.id}/"


def option_index(question: training_data.Question, *, right: bool) -> int:
    """The right option, or the first wrong one, in the data (not on the page)."""
    return next(n for n, option in enumerate(question.options) if option.correct == right)


def option_input(form, question: training_data.Question, *, right: bool, lang: str = "sv"):
    """Its radio button, found by its label: the page shows the options in an order of its
    own (training_data.option_orders), so the n-th option written is not the n-th shown."""
    return form.get_by_label(question.options[option_index(question, right=right)].text[lang], exact=True)


def answer(page, number: int, question: training_data.Question, *, right: bool, lang: str = "sv") -> None:
    form = page.locator(f"#ag-q{number}")
    option_input(form, question, right=right, lang=lang).check()
    form.get_by_role("button", name="Svara" if lang == "sv" else "Check").click()
    chosen = question.options[option_index(question, right=right)]
    expect(form.get_by_role("status")).to_contain_text(chosen.feedback[lang])
    expect(form.get_by_role("status")).to_have_class(re.compile(f"ag-training-feedback--{'right' if right else 'wrong'}"))


def pass_module(page, base_url: str, module: training_data.Module, path: training_data.TrainingPath = PATH) -> None:
    page.goto(module_url(base_url, module, path=path))
    for number, question in enumerate(module.questions, start=1):
        answer(page, number, question, right=True)
    expect(page.locator("[data-ag-module-status]")).to_contain_text("Modulen är klar.")


def stored(page) -> dict:
    return json.loads(page.evaluate(f"() => localStorage.getItem('{STORAGE_KEY}')"))


def completed_state(date: str, name: str = "Alex") -> dict:
    """Saved progress of a reader who has passed every module of PATH on `date`."""
    return {
        "app": "anhorigguiden-training",
        "version": 2,
        "name": name,
        "paths": {
            PATH.id: {
                "modules": {
                    m.id: {"answers": {str(n): {"tries": 1, "right": date} for n in range(1, len(m.questions) + 1)}} for m in PATH.modules
                }
            }
        },
    }


def seed(page, data: dict) -> None:
    page.add_init_script(f"if (!sessionStorage.getItem('seeded')) {{ localStorage.setItem('{STORAGE_KEY}', {json.dumps(json.dumps(data))}); sessionStorage.setItem('seeded', '1'); }}")


def test_a_reader_takes_a_whole_path_with_a_wrong_answer_in_every_module(page_session, base_url):
    session = page_session()
    page = session.page
    total = len(PATH.modules)
    for number, module in enumerate(PATH.modules, start=1):
        page.goto(module_url(base_url, module), wait_until="networkidle")
        expect(page.locator(".ag-training-position")).to_contain_text(f"Modul {number} av {total}")
        expect(page.locator(".ag-training-position")).to_contain_text(f"{module.minutes} minuter")
        following = page.locator(".ag-training-pager a[rel=next]")
        expect(following).to_have_count(1 if number < total else 0)
        # The teaching text comes first; the answers at the end are for readers without JavaScript.
        expect(page.get_by_role("heading", name="Ett fall från praktiken")).to_be_visible()
        expect(page.locator("[data-ag-answers]")).to_be_hidden()
        if number == 1:
            assert_accessible(page, "unanswered")

        first = module.questions[0]
        form = page.locator("#ag-q1")
        status = form.get_by_role("status")
        wrong = first.options[option_index(first, right=False)]
        right = first.options[option_index(first, right=True)]
        answer(page, 1, first, right=False)
        expect(status).to_contain_text(wrong.feedback["sv"])
        expect(status).to_contain_text("Försök igen, eller visa rätt svar.")
        expect(status).not_to_contain_text(right.feedback["sv"])
        reveal = form.get_by_role("button", name="Visa rätt svar")
        expect(reveal).to_be_visible()
        if number == 1:
            assert_accessible(page, "wrong answer")
        reveal.click()
        expect(status).to_contain_text(right.text["sv"])
        expect(status).to_contain_text(right.feedback["sv"])
        expect(reveal).to_be_hidden()
        if number == 1:
            assert_accessible(page, "right answer shown")
        # Seeing the answer is not answering: the module waits for a right attempt.
        expect(page.locator("[data-ag-module-status]")).to_have_text(f"0 av {len(module.questions)} frågor rätt besvarade.")

        for q_number, question in enumerate(module.questions, start=1):
            answer(page, q_number, question, right=True)
            status = page.locator(f"#ag-q{q_number}").get_by_role("status")
            expect(status).to_contain_text(question.options[option_index(question, right=True)].feedback["sv"])
            expect(status.locator("cite")).to_have_count(1)
        expect(page.locator("[data-ag-module-status]")).to_have_text(f"Alla svar är rätt. Modulen är klar. {number} av {total} moduler klara.")
        if number == 1:
            assert_accessible(page, "module complete")

    # One key of ours, holding each question's result; Material keeps its own under "/.__".
    keys = page.evaluate("() => Object.keys(localStorage)")
    assert [key for key in keys if not key.startswith("/.__")] == [STORAGE_KEY]
    saved = stored(page)
    today = page.evaluate(TODAY_JS)
    assert saved["app"] == "anhorigguiden-training" and saved["version"] == 2
    modules = saved["paths"][PATH.id]["modules"]
    assert set(modules) == {m.id for m in PATH.modules}
    for module in PATH.modules:
        answers = modules[module.id]["answers"]
        assert answers["1"] == {"tries": 2, "right": today}
        assert all(answers[str(n)]["right"] == today for n in range(1, len(module.questions) + 1))

    page.goto(f"{base_url}utbildning/{PATH.id}/")
    expect(page.locator("[data-ag-progress-text]")).to_have_text(f"{total} av {total} moduler klara")
    expect(page.locator("[data-ag-done]:visible")).to_have_count(total)
    assert_accessible(page, "path complete")

    page.goto(f"{base_url}utbildning/{PATH.id}/intyg/")
    page.get_by_label("Ditt namn").fill("Kim Andersson")
    certificate = page.locator(".ag-certificate")
    expect(certificate.locator("[data-ag-certificate-name]")).to_have_text("Kim Andersson")
    expect(certificate).to_contain_text(PATH.title["sv"])
    expect(certificate.locator("[data-ag-certificate-edition]")).to_have_text(PATH.edition)
    rows = certificate.locator("tbody tr")
    expect(rows).to_have_count(total)
    for number, module in enumerate(PATH.modules):
        expect(rows.nth(number)).to_contain_text(module.title["sv"])
        assert rows.nth(number).locator("time").get_attribute("datetime") == today
    expect(certificate).to_contain_text("Det visar inte vem som gjorde det")
    expect(certificate).to_contain_text("Handledarens underskrift")
    expect(certificate).not_to_contain_text("Kontrollkod")
    assert_accessible(page, "certificate")
    page.reload()
    expect(page.get_by_label("Ditt namn")).to_have_value("Kim Andersson")  # kept in this browser only
    assert session.external_requests == []
    assert session.console_errors == []


def test_the_right_answer_is_hidden_before_an_attempt(page_session, base_url):
    session = page_session()
    page = session.page
    module = PATH.modules[0]
    page.goto(module_url(base_url, module))
    for number, question in enumerate(module.questions, start=1):
        form = page.locator(f"#ag-q{number}")
        right = question.options[option_index(question, right=True)]
        expect(form.get_by_role("status")).to_be_empty()
        expect(form.get_by_role("button", name="Visa rätt svar")).to_be_hidden()
        for option in question.options:
            for match in page.get_by_text(option.feedback["sv"]).all():
                expect(match).to_be_hidden()
        assert page.get_by_text(right.feedback["sv"]).count() >= 1  # in the page, but hidden
        # Choosing is not answering: nothing is revealed until "Svara".
        option_input(form, question, right=True).check()
        expect(form.get_by_role("status")).to_be_empty()
        for match in page.get_by_text(right.feedback["sv"]).all():
            expect(match).to_be_hidden()
    expect(page.get_by_role("heading", name="Svar på frågorna")).to_be_hidden()
    assert session.console_errors == []


def test_always_choosing_the_first_option_does_not_pass_but_the_right_one_wherever_shown_does(page_session, base_url):
    """The right option was written first in every question, and shown first until the page
    got an order of its own: a reader who always chose the first option got the certificate."""
    session = page_session()
    page = session.page
    complete, tried, firsts, right_firsts = 0, None, 0, 0
    for module in PATH.modules:
        page.goto(module_url(base_url, module))
        all_right = True
        for number, question in enumerate(module.questions, start=1):
            form = page.locator(f"#ag-q{number}")
            labels = form.locator("label").all_inner_texts()
            assert sorted(labels) == sorted(option.text["sv"] for option in question.options)
            first = next(option for option in question.options if option.text["sv"] == labels[0])
            form.locator("input").first.check()
            form.get_by_role("button", name="Svara").click()
            status = form.get_by_role("status")
            expect(status).to_contain_text(first.feedback["sv"])
            expect(status).to_contain_text("Rätt." if first.correct else "Inte riktigt.")
            expect(status).to_have_class(re.compile(f"ag-training-feedback--{'right' if first.correct else 'wrong'}"))
            firsts, right_firsts = firsts + 1, right_firsts + first.correct
            all_right = all_right and first.correct
            if not first.correct and tried is None:
                tried = (module, number, question, labels)
        complete += all_right
    assert right_firsts < firsts, "the right option is shown first in every question"
    assert complete < len(PATH.modules)
    page.goto(f"{base_url}utbildning/{PATH.id}/intyg/")
    expect(page.locator("[data-ag-certificate-incomplete-text]")).to_contain_text(f"Du har {complete} av {len(PATH.modules)} moduler klara.")
    expect(page.locator(".ag-certificate")).to_be_hidden()

    # Where the first option was wrong ("Inte riktigt"), the right one, shown further down, is "Rätt".
    module, number, question, labels = tried
    page.goto(module_url(base_url, module))
    right = question.options[option_index(question, right=True)]
    assert labels.index(right.text["sv"]) > 0
    form = page.locator(f"#ag-q{number}")
    answer(page, number, question, right=True)
    expect(form.locator("input").nth(labels.index(right.text["sv"]))).to_be_checked()
    expect(form.get_by_role("status")).to_contain_text("Rätt.")
    expect(form.get_by_role("status")).not_to_contain_text("Inte riktigt.")
    assert stored(page)["paths"][PATH.id]["modules"][module.id]["answers"][str(number)]["right"] == page.evaluate(TODAY_JS)
    assert session.console_errors == []


def test_visiting_modules_or_an_old_done_tick_gives_no_certificate(page_session, base_url):
    session = page_session()
    page = session.page
    # Version 1 progress: every module ticked "done" without answering anything.
    old = {"app": "anhorigguiden-training", "version": 1, "name": "Alex", "paths": {PATH.id: {"done": {m.id: "2024-02-29" for m in PATH.modules}}}}
    seed(page, old)
    for module in PATH.modules:
        page.goto(module_url(base_url, module))  # reading and skipping every module
        expect(page.locator("[data-ag-module-status]")).to_contain_text("Du markerade modulen som klar 2024-02-29.")
        expect(page.get_by_role("checkbox")).to_have_count(0)  # no "Jag är klar" box any more
    page.goto(f"{base_url}utbildning/{PATH.id}/intyg/")
    expect(page.locator("[data-ag-certificate-incomplete-text]")).to_have_text(
        f"Du har 0 av {len(PATH.modules)} moduler klara. Intyget blir klart när du har svarat rätt på alla frågor i alla moduler."
    )
    expect(page.locator(".ag-certificate")).to_be_hidden()
    expect(page.locator("[data-ag-certificate-nojs]")).to_be_hidden()
    assert_accessible(page, "certificate not ready")

    # Answering one question migrates the progress; the old date stays as a note.
    module = PATH.modules[0]
    page.goto(module_url(base_url, module))
    answer(page, 1, module.questions[0], right=True)
    saved = stored(page)
    assert saved["version"] == 2 and saved["name"] == "Alex"
    entry = saved["paths"][PATH.id]["modules"][module.id]
    assert entry["markedDone"] == "2024-02-29" and entry["answers"]["1"]["right"]
    assert saved["paths"][PATH.id]["modules"][PATH.modules[1].id] == {"answers": {}, "markedDone": "2024-02-29"}
    page.goto(f"{base_url}utbildning/{PATH.id}/")
    expect(page.locator("[data-ag-progress-text]")).to_have_text(f"0 av {len(PATH.modules)} moduler klara")
    assert session.console_errors == []


def test_progress_saved_by_a_newer_version_is_never_overwritten(page_session, base_url):
    session = page_session()
    page = session.page
    newer = {"app": "anhorigguiden-training", "version": 3, "paths": {"something": "new"}}
    seed(page, newer)
    module = PATH.modules[0]
    page.goto(module_url(base_url, module))
    expect(page.locator("[data-ag-module-status]")).to_contain_text("sparades av en nyare version")
    answer(page, 1, module.questions[0], right=True)
    expect(page.locator("[data-ag-module-status]")).to_contain_text("sparades av en nyare version")
    assert stored(page) == newer
    assert session.console_errors == []


def _import(page, name: str, content: bytes) -> None:
    page.get_by_label("Hämta framsteg från en sparad fil").set_input_files(files=[{"name": name, "mimeType": "application/json", "buffer": content}])


def test_progress_is_saved_to_a_file_reset_and_loaded_back(page_session, base_url, tmp_path):
    session = page_session(accept_downloads=True)
    page = session.page
    pass_module(page, base_url, PATH.modules[0])
    second = PATH.modules[1]
    page.goto(module_url(base_url, second))
    answer(page, 1, second.questions[0], right=False)
    answer(page, 2, second.questions[1], right=True)
    page.evaluate(f"() => {{ const s = JSON.parse(localStorage.getItem('{STORAGE_KEY}')); s.name = 'Kim'; localStorage.setItem('{STORAGE_KEY}', JSON.stringify(s)); }}")
    before = stored(page)

    page.goto(f"{base_url}utbildning/{PATH.id}/")
    progress = page.locator("[data-ag-progress-text]")
    status = page.locator("[data-ag-tools-status]")
    expect(progress).to_have_text(f"1 av {len(PATH.modules)} moduler klara")
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Spara framstegen som fil").click()
    download = download_info.value
    assert re.fullmatch(r"anhorigguiden-utbildning-\d{4}-\d{2}-\d{2}\.json", download.suggested_filename)
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    exported = json.loads(saved.read_text(encoding="utf-8"))
    assert exported["version"] == 2 and exported["paths"] == before["paths"] and exported["name"] == "Kim"

    # Cancelling the confirmation changes nothing; confirming starts again and forgets the name.
    reset = page.get_by_role("button", name="Börja om utbildningen")
    reset.click()
    dialog = page.get_by_role("dialog", name="Vill du börja om?")
    expect(dialog).to_be_visible()
    assert_accessible(page, "reset dialog")
    dialog.get_by_role("button", name="Avbryt").click()
    expect(dialog).to_be_hidden()
    expect(progress).to_have_text(f"1 av {len(PATH.modules)} moduler klara")
    expect(reset).to_be_focused()
    reset.click()
    page.get_by_role("dialog").get_by_role("button", name="Ja, börja om").click()
    expect(progress).to_have_text(f"0 av {len(PATH.modules)} moduler klara")
    expect(status).to_have_text("Du har börjat om. Inga svar och inget namn är sparade för den här utbildningen.")
    after_reset = stored(page)
    assert PATH.id not in after_reset["paths"] and after_reset["name"] == ""

    # Loading the file asks first, then restores every question's result.
    page.get_by_label("Hämta framsteg från en sparad fil").set_input_files(str(saved))
    dialog = page.get_by_role("dialog", name="Vill du byta ut dina framsteg?")
    expect(dialog).to_be_visible()
    assert_accessible(page, "import dialog")
    dialog.get_by_role("button", name="Ja, byt ut").click()
    expect(status).to_have_text("Dina framsteg är hämtade från filen.")
    expect(progress).to_have_text(f"1 av {len(PATH.modules)} moduler klara")
    restored = stored(page)
    assert restored["paths"] == before["paths"] and restored["name"] == "Kim"
    page.goto(module_url(base_url, second))
    expect(page.locator("[data-ag-module-status]")).to_have_text(f"1 av {len(second.questions)} frågor rätt besvarade.")
    assert session.external_requests == []
    assert session.console_errors == []


def test_an_import_asks_before_replacing_and_refuses_what_is_not_ours(page_session, base_url):
    session = page_session()
    page = session.page
    pass_module(page, base_url, PATH.modules[0])
    before = stored(page)
    page.goto(f"{base_url}utbildning/{PATH.id}/")
    progress = page.locator("[data-ag-progress-text]")
    status = page.locator("[data-ag-tools-status]")
    expect(progress).to_have_text(f"1 av {len(PATH.modules)} moduler klara")

    # A file of ours with nothing in it would wipe everything: the reader is asked, cancels.
    _import(page, "tom.json", json.dumps({"app": "anhorigguiden-training", "version": 2, "paths": {}}).encode())
    dialog = page.get_by_role("dialog", name="Vill du byta ut dina framsteg?")
    expect(dialog).to_be_visible()
    dialog.get_by_role("button", name="Avbryt").click()
    expect(status).to_have_text("Inget har ändrats. Dina framsteg är kvar.")
    expect(progress).to_have_text(f"1 av {len(PATH.modules)} moduler klara")
    assert stored(page) == before

    # A bare {"paths": {}} is not a file the training saved: refused before any question.
    _import(page, "paths.json", b'{"paths": {}}')
    expect(status).to_contain_text("Filen gick inte att använda.")
    expect(dialog).to_be_hidden()
    _import(page, "trasig.json", b"{inte json")
    expect(status).to_contain_text("Den är inte en fil som utbildningen har sparat (den är inte JSON).")
    _import(page, "fel.json", json.dumps({"app": "anhorigguiden-training", "version": 2, "paths": {PATH.id: {"modules": {"m": {"answers": {"1": {"tries": -1, "right": ""}}}}}}}).encode())
    expect(status).to_contain_text("Filen gick inte att använda.")
    expect(progress).to_have_text(f"1 av {len(PATH.modules)} moduler klara")
    assert stored(page) == before
    assert session.console_errors == []


def test_odd_module_ids_work_like_any_other(browser, tmp_path):
    """'__proto__' and 'constructor' as module ids: stored, found and certified like any id,
    and nothing leaks into Object.prototype."""
    data = _path(modules=[_module("__proto__"), _module("constructor")])
    result = _tiny_site(tmp_path, {"testvag.yml": _dump(data)})
    assert result.returncode == 0, result.output
    path = training_data.validate_path(data, file="testvag.yml", stem="testvag", languages=["sv", "en"], known_sources=SOURCES, teaching=_teaching_folder(tmp_path))
    for url in serve(result.site_dir):
        session = PageSession(browser, url)
        page = session.page
        try:
            for module in path.modules:
                pass_module(page, url, module, path=path)
            modules = stored(page)["paths"]["testvag"]["modules"]
            assert sorted(modules) == ["__proto__", "constructor"]
            assert modules["__proto__"]["answers"]["3"]["right"]
            assert page.evaluate("() => Object.getPrototypeOf({}) === Object.prototype && ({}).answers === undefined")
            page.goto(f"{url}utbildning/testvag/intyg/")
            rows = page.locator(".ag-certificate tbody tr")
            expect(rows).to_have_count(2)
            today = page.evaluate(TODAY_JS)
            for number in range(2):
                assert rows.nth(number).locator("time").get_attribute("datetime") == today
            assert session.console_errors == []
        finally:
            session.close()


def _teaching_folder(tmp_path):
    return tmp_path / "training-data" / "paths" / "testvag"


def _pdf_pages(pdf: bytes) -> list[tuple[float, float]]:
    """Each page's size in points, from the PDF's MediaBox entries."""
    boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    assert len(boxes) == len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))
    return [(float(w), float(h)) for w, h in boxes]


A4 = (595.3, 841.9)
A5 = (419.5, 595.3)


def _is(size: tuple[float, float], paper: tuple[float, float]) -> bool:
    return abs(size[0] - paper[0]) < 2 and abs(size[1] - paper[1]) < 2


# Swedish, and a language the paths are not translated into (its pages wrap the content).
PRINT_FOLDERS = ["", *(f"{lang}/" for lang in OTHER_LANGUAGES[:1])]


@pytest.mark.parametrize("folder", PRINT_FOLDERS)
def test_the_certificate_prints_on_one_a4_sheet(page_session, base_url, folder):
    session = page_session()
    page = session.page
    seed(page, completed_state("2024-02-29"))
    page.goto(f"{base_url}{folder}utbildning/{PATH.id}/intyg/")
    expect(page.locator(".ag-certificate")).to_be_visible()
    expect(page.locator(".ag-certificate time[datetime='2024-02-29']")).to_have_count(len(PATH.modules))
    page.emulate_media(media="print")
    for hidden in (".md-header", ".md-sidebar--primary", ".md-footer", "article h1", ".ag-certificate-form", ".ag-page-meta"):
        expect(page.locator(hidden).first).to_be_hidden()
    expect(page.locator(".ag-certificate")).to_be_visible()
    pages = _pdf_pages(page.pdf(prefer_css_page_size=True))
    assert len(pages) == 1 and _is(pages[0], A4), pages


@pytest.mark.parametrize("lang", ["sv", "en", *OTHER_LANGUAGES[:1]])
def test_the_conversation_card_prints_on_one_a5_sheet(page_session, base_url, lang):
    session = page_session()
    page = session.page
    page.goto(f"{base_url}{'' if lang == 'sv' else lang + '/'}utbildning/samtalskort/")
    card = page.locator(".ag-card")
    question = "How are you?" if lang == "en" else "Hur har du det?"  # other languages show the Swedish card
    expect(card).to_contain_text(question)
    expect(page.locator("[data-ag-print-card]")).to_be_visible()
    page.emulate_media(media="print")
    expect(page.locator("article h1")).to_be_hidden()
    expect(page.locator(".ag-page-meta")).to_be_hidden()
    expect(page.locator("[data-ag-print-card]")).to_be_hidden()
    expect(card).to_be_visible()
    pages = _pdf_pages(page.pdf(prefer_css_page_size=True))
    assert len(pages) == 1 and _is(pages[0], A5), pages
    assert session.external_requests == []


def test_the_card_print_button_prints(page_session, base_url):
    session = page_session()
    page = session.page
    page.add_init_script("window.print = () => { window.printed = (window.printed || 0) + 1; };")
    page.goto(f"{base_url}utbildning/samtalskort/")
    page.get_by_role("button", name="Skriv ut samtalskortet").click()
    assert page.evaluate("() => window.printed") == 1
    assert_accessible(page, "conversation card")
    assert session.console_errors == []


def test_without_javascript_questions_and_answers_are_readable(page_session, base_url):
    session = page_session(java_script_enabled=False)
    page = session.page
    module = PATH.modules[0]
    page.goto(module_url(base_url, module))
    question = module.questions[0]
    form = page.locator("#ag-q1")
    expect(form.locator("legend")).to_contain_text(question.text["sv"])
    expect(form.get_by_role("button", name="Svara")).to_be_hidden()
    answers = page.locator("[data-ag-answers]")
    expect(answers.get_by_role("heading", name="Svar på frågorna")).to_be_visible()
    answers.get_by_text("Svar på fråga 1", exact=True).click()
    right = question.options[option_index(question, right=True)]
    details = answers.locator("details").first
    expect(details).to_contain_text(right.text["sv"])
    for option in question.options:
        expect(details).to_contain_text(option.feedback["sv"])
    page.goto(f"{base_url}utbildning/samtalskort/")
    expect(page.locator("[data-ag-print-card]")).to_be_hidden()
    page.goto(f"{base_url}utbildning/{PATH.id}/")
    expect(page.locator("[data-ag-progress]")).to_be_hidden()
    expect(page.locator("[data-ag-tools]")).to_be_hidden()
    expect(page.get_by_role("link", name=PATH.modules[-1].title["sv"]).first).to_be_visible()
    page.goto(f"{base_url}utbildning/{PATH.id}/intyg/")
    expect(page.locator("[data-ag-certificate-nojs]")).to_be_visible()


def test_english_pages_share_the_progress_and_speak_english(page_session, base_url):
    session = page_session()
    page = session.page
    pass_module(page, base_url, PATH.modules[0])
    page.goto(module_url(base_url, PATH.modules[0], "en"))
    expect(page.locator(".ag-training-position")).to_contain_text(f"Module 1 of {len(PATH.modules)}")
    expect(page.locator("[data-ag-module-status]")).to_contain_text("Every answer is right. The module is done.")
    form = page.locator("#ag-q1")
    form.get_by_role("button", name="Check").click()
    expect(form.get_by_role("status")).to_have_text("Choose an answer first.")
    page.goto(f"{base_url}en/utbildning/")
    expect(page.locator(f'[data-ag-progress-text="{PATH.id}"]')).to_have_text(f"1 of {len(PATH.modules)} modules done")
    assert_accessible(page, "English landing page")
    assert session.external_requests == []
    assert session.console_errors == []


def test_every_path_has_its_pages_in_both_languages(site):
    for path in PATHS:
        for prefix in ("", "en/"):
            for part in ["", "intyg/", *(f"{m.id}/" for m in path.modules)]:
                assert (site.site_dir / f"{prefix}utbildning/{path.id}/{part}index.html").is_file(), (prefix, path.id, part)


def test_the_reviewed_date_of_a_path_is_the_date_in_its_data(site):
    html = (site.site_dir / f"utbildning/{PATH.id}/index.html").read_text(encoding="utf-8")
    assert f'datetime="{PATH.reviewed.isoformat()}"' in html


def test_path_and_module_pages_show_the_computed_time(site):
    overview = (site.site_dir / f"utbildning/{PATH.id}/index.html").read_text(encoding="utf-8")
    assert f"{PATH.minutes} minuter" in overview
    for module in PATH.modules:
        assert f"({module.minutes} minuter)" in overview
        page = (site.site_dir / f"utbildning/{PATH.id}/{module.id}/index.html").read_text(encoding="utf-8")
        assert f"{module.minutes} minuter" in page
