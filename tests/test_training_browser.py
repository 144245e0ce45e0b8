"""Training paths in Chromium, on the real site: a reader takes a whole path, saves, resets
and loads progress, prints the certificate and the conversation card, and reads a module
without JavaScript. axe-core runs in each state; no request may leave the site and no
console error may appear.

The answers come from data/paths/ (through hooks/training_data.py), so the test follows
the data instead of repeating it.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys

import pytest
from browser_checks import axe_results
from playwright.sync_api import expect
from sitebuilder import REPO
from test_training_data import BUILT, CONFIGURED, OTHER_LANGUAGES, SOURCES

sys.path.insert(0, str(REPO / "hooks"))
import training_data  # noqa: E402

STORAGE_KEY = "anhorigguiden.training"
PATHS = training_data.load_paths(REPO / "data" / "paths", languages=BUILT, known_sources=SOURCES, configured=CONFIGURED)
PATH = PATHS[0]  # the first path in the guide's order


def check_code(path_id: str, module_ids: list[str], date: str) -> str:
    """The certificate's check code, computed as training.js documents it."""
    digest = hashlib.sha256(f"{path_id}|{','.join(module_ids)}|{date}".encode()).hexdigest()[:8].upper()
    return f"{digest[:4]}-{digest[4:]}"


def assert_accessible(page, state: str) -> None:
    results = axe_results(page)
    assert results.violations_count == 0, f"{state}:\n{results.generate_report()}"


def module_url(base_url: str, module: training_data.Module, lang: str = "sv") -> str:
    return f"{base_url}{'' if lang == 'sv' else lang + '/'}utbildning/{PATH.id}/{module.id}/"


def choose(form, question: training_data.Question, *, right: bool) -> None:
    """Tick the right options (right=True), or only the first wrong one."""
    inputs = form.locator("input")
    if question.multiple:
        for number, option in enumerate(question.options):
            inputs.nth(number).set_checked(option.correct if right else False)
    wanted = [n for n, option in enumerate(question.options) if option.correct == right]
    for number in wanted if right else wanted[:1]:
        inputs.nth(number).check()


def mark_done(page, base_url: str, module: training_data.Module) -> None:
    page.goto(module_url(base_url, module))
    page.get_by_label("Jag är klar med den här modulen").check()
    expect(page.locator("[data-ag-done-status]")).to_contain_text("Sparat: modulen är klar.")


def test_a_reader_takes_a_whole_path(page_session, base_url):
    session = page_session()
    page = session.page
    total = len(PATH.modules)
    for number, module in enumerate(PATH.modules, start=1):
        page.goto(module_url(base_url, module), wait_until="networkidle")
        expect(page.locator(".ag-training-position")).to_contain_text(f"Modul {number} av {total}")
        previous = page.locator(".ag-training-pager a[rel=prev]")
        following = page.locator(".ag-training-pager a[rel=next]")
        expect(previous).to_have_count(1 if number > 1 else 0)
        expect(following).to_have_count(1 if number < total else 0)
        if number < total:
            expect(following).to_contain_text(PATH.modules[number].title["sv"])
        if number == 1:
            assert_accessible(page, "unanswered")

        for q_number, question in enumerate(module.questions, start=1):
            form = page.locator(f"#ag-q{q_number}")
            status = form.get_by_role("status")
            answer = form.get_by_role("button", name="Svara")
            if number == 1 and q_number == 1:
                choose(form, question, right=False)
                answer.click()
                expect(status).to_have_text("Inte rätt. Läs frågan igen och försök en gång till.")
                assert status.get_attribute("role") == "status"
                assert_accessible(page, "wrong answer")
            choose(form, question, right=True)
            answer.click()
            expect(status).to_contain_text("Rätt!")
            expect(status).to_contain_text(question.feedback["sv"])
            expect(status.locator("cite")).to_have_count(1)
        if number == 1:
            assert_accessible(page, "right answers")

        done = page.get_by_label("Jag är klar med den här modulen")
        done.check()
        expect(page.locator("[data-ag-done-status]")).to_have_text(f"Sparat: modulen är klar. {number} av {total} moduler klara.")

    page.reload()
    expect(page.get_by_label("Jag är klar med den här modulen")).to_be_checked()
    # One key of ours; Material keeps its own settings under keys starting with "/.__".
    stored = page.evaluate("() => Object.keys(localStorage)")
    assert [key for key in stored if not key.startswith("/.__")] == [STORAGE_KEY]
    saved = json.loads(page.evaluate(f"() => localStorage.getItem('{STORAGE_KEY}')"))
    assert saved["app"] == "anhorigguiden-training" and saved["version"] == 1
    assert set(saved["paths"][PATH.id]["done"]) == {module.id for module in PATH.modules}

    page.goto(f"{base_url}utbildning/{PATH.id}/")
    expect(page.locator("[data-ag-progress-text]")).to_have_text(f"{total} av {total} moduler klara")
    bar = page.get_by_role("progressbar", name="Dina framsteg", exact=True)
    assert bar.evaluate("el => [el.tagName, el.value, el.max]") == ["PROGRESS", total, total]
    expect(page.locator("[data-ag-done]:visible")).to_have_count(total)
    assert_accessible(page, "completed")

    page.goto(f"{base_url}utbildning/{PATH.id}/intyg/")
    page.get_by_label("Ditt namn").fill("Kim Andersson")
    certificate = page.locator(".ag-certificate")
    expect(certificate.locator("[data-ag-certificate-name]")).to_have_text("Kim Andersson")
    expect(certificate).to_contain_text(PATH.title["sv"])
    date = certificate.locator("[data-ag-certificate-date] time").get_attribute("datetime")
    assert date == page.evaluate("() => { const d = new Date(); return [d.getFullYear(), String(d.getMonth() + 1).padStart(2, '0'), String(d.getDate()).padStart(2, '0')].join('-'); }")
    code = certificate.locator("[data-ag-certificate-code]")
    expect(code).to_have_text(check_code(PATH.id, [m.id for m in PATH.modules], date))
    expect(certificate).to_contain_text("inte en formell utbildning")
    assert_accessible(page, "certificate")

    page.reload()
    expect(page.get_by_label("Ditt namn")).to_have_value("Kim Andersson")  # kept in this browser only
    assert session.external_requests == []
    assert session.console_errors == []


def test_progress_is_saved_to_a_file_reset_and_loaded_back(page_session, base_url, tmp_path):
    session = page_session(accept_downloads=True)
    page = session.page
    for module in PATH.modules[:2]:
        mark_done(page, base_url, module)
    page.goto(f"{base_url}utbildning/{PATH.id}/")
    progress = page.locator("[data-ag-progress-text]")
    status = page.locator("[data-ag-tools-status]")
    expect(progress).to_have_text(f"2 av {len(PATH.modules)} moduler klara")

    with page.expect_download() as download_info:
        page.get_by_role("button", name="Spara framstegen som fil").click()
    download = download_info.value
    assert re.fullmatch(r"anhorigguiden-utbildning-\d{4}-\d{2}-\d{2}\.json", download.suggested_filename)
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    exported = json.loads(saved.read_text(encoding="utf-8"))
    assert exported["app"] == "anhorigguiden-training" and exported["version"] == 1
    assert set(exported["paths"][PATH.id]["done"]) == {m.id for m in PATH.modules[:2]}
    expect(status).to_contain_text(download.suggested_filename)

    # Cancelling the confirmation changes nothing; confirming starts the path again.
    reset = page.get_by_role("button", name="Börja om utbildningen")
    reset.click()
    dialog = page.get_by_role("dialog", name="Vill du börja om?")
    expect(dialog).to_be_visible()
    assert_accessible(page, "reset dialog")
    dialog.get_by_role("button", name="Avbryt").click()
    expect(dialog).to_be_hidden()
    expect(progress).to_have_text(f"2 av {len(PATH.modules)} moduler klara")
    expect(reset).to_be_focused()
    reset.click()
    page.get_by_role("dialog").get_by_role("button", name="Ja, börja om").click()
    expect(progress).to_have_text(f"0 av {len(PATH.modules)} moduler klara")
    expect(status).to_have_text("Du har börjat om. Inga moduler är markerade som klara.")

    # A file that is not ours is refused, and nothing changes.
    page.get_by_label("Hämta framsteg från en sparad fil").set_input_files(
        files=[{"name": "fel.json", "mimeType": "application/json", "buffer": b'{"app": "annat", "version": 1, "paths": {}}'}]
    )
    expect(status).to_contain_text("Filen gick inte att använda.")
    expect(progress).to_have_text(f"0 av {len(PATH.modules)} moduler klara")
    status.evaluate("el => { el.textContent = ''; }")  # so that the next message is a new one
    page.get_by_label("Hämta framsteg från en sparad fil").set_input_files(
        files=[{"name": "trasig.json", "mimeType": "application/json", "buffer": b"{inte json"}]
    )
    expect(status).to_contain_text("Inget har ändrats.")
    expect(progress).to_have_text(f"0 av {len(PATH.modules)} moduler klara")

    page.get_by_label("Hämta framsteg från en sparad fil").set_input_files(str(saved))
    expect(status).to_have_text("Dina framsteg är hämtade från filen.")
    expect(progress).to_have_text(f"2 av {len(PATH.modules)} moduler klara")
    page.reload()
    expect(progress).to_have_text(f"2 av {len(PATH.modules)} moduler klara")
    assert_accessible(page, "after loading a file")
    assert session.external_requests == []
    assert session.console_errors == []


def test_the_certificate_waits_until_every_module_is_done(page_session, base_url):
    session = page_session()
    page = session.page
    mark_done(page, base_url, PATH.modules[0])
    page.goto(f"{base_url}utbildning/{PATH.id}/intyg/")
    expect(page.locator("[data-ag-certificate-incomplete-text]")).to_have_text(
        f"Du har 1 av {len(PATH.modules)} moduler klara. Intyget blir klart när du har markerat alla moduler som klara."
    )
    expect(page.locator(".ag-certificate")).to_be_hidden()
    expect(page.locator("[data-ag-certificate-nojs]")).to_be_hidden()
    assert session.console_errors == []


STORED = {"app": "anhorigguiden-training", "version": 1, "name": "Alex", "paths": {PATH.id: {"done": {m.id: "2024-02-29" for m in PATH.modules}}}}


def test_the_check_code_is_the_same_without_crypto_subtle(page_session, base_url):
    """A copy served over plain http has no crypto.subtle: the script's own SHA-256 is used."""
    session = page_session()
    page = session.page
    page.add_init_script(
        "Object.defineProperty(Crypto.prototype, 'subtle', {get() { return undefined; }});"
        f"localStorage.setItem('{STORAGE_KEY}', {json.dumps(json.dumps(STORED))});"
    )
    page.goto(f"{base_url}utbildning/{PATH.id}/intyg/")
    assert page.evaluate("() => window.crypto.subtle") is None
    expect(page.locator("[data-ag-certificate-code]")).to_have_text(check_code(PATH.id, [m.id for m in PATH.modules], "2024-02-29"))
    expect(page.locator("[data-ag-certificate-name]")).to_have_text("Alex")
    assert session.console_errors == []


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
    page.add_init_script(f"localStorage.setItem('{STORAGE_KEY}', {json.dumps(json.dumps(STORED))});")
    page.goto(f"{base_url}{folder}utbildning/{PATH.id}/intyg/")
    expect(page.locator(".ag-certificate")).to_be_visible()
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
    page.emulate_media(media="print")
    expect(page.locator("article h1")).to_be_hidden()
    expect(page.locator(".ag-page-meta")).to_be_hidden()
    expect(card).to_be_visible()
    pages = _pdf_pages(page.pdf(prefer_css_page_size=True))
    assert len(pages) == 1 and _is(pages[0], A5), pages
    assert session.external_requests == []


def test_without_javascript_questions_and_answers_are_readable(page_session, base_url):
    session = page_session(java_script_enabled=False)
    page = session.page
    module = PATH.modules[0]
    page.goto(module_url(base_url, module))
    question = module.questions[0]
    form = page.locator("#ag-q1")
    expect(form.locator("legend")).to_contain_text(question.text["sv"])
    expect(form.get_by_role("button", name="Svara")).to_be_hidden()
    expect(page.locator("[data-ag-done-section]")).to_be_hidden()
    form.get_by_text("Visa rätt svar").click()
    right = next(option for option in question.options if option.correct)
    expect(form.locator("details")).to_contain_text(right.text["sv"])
    expect(form.locator("details")).to_contain_text(question.feedback["sv"])
    page.goto(f"{base_url}utbildning/{PATH.id}/")
    expect(page.locator("[data-ag-progress]")).to_be_hidden()
    expect(page.locator("[data-ag-tools]")).to_be_hidden()
    expect(page.get_by_role("link", name=PATH.modules[-1].title["sv"])).to_be_visible()
    page.goto(f"{base_url}utbildning/{PATH.id}/intyg/")
    expect(page.locator("[data-ag-certificate-nojs]")).to_be_visible()


def test_english_pages_share_the_progress_and_speak_english(page_session, base_url):
    session = page_session()
    page = session.page
    mark_done(page, base_url, PATH.modules[0])
    page.goto(module_url(base_url, PATH.modules[0], "en"))
    expect(page.locator(".ag-training-position")).to_contain_text(f"Module 1 of {len(PATH.modules)}")
    expect(page.get_by_label("I have finished this module")).to_be_checked()
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
