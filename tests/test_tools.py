"""The private tools under /verktyg/ (an emergency plan, a prepared meeting with the
municipality), on the real site in Chromium: a reader fills them in, saves, reloads,
saves a file, deletes (after a question), loads a file (after a question; a bad file
gets an error tied to the field), prints (one A4 sheet; a wallet card within 85 x 55 mm),
and nothing ever leaves the page: no request after the first load, no non-GET request,
no request to another host, nothing in the address. axe-core runs in every state, at
375 and 1280 px, in light and dark mode.

The texts come from data/ui.yml, so the test follows the data instead of repeating it.
"""

from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup
from browser_checks import axe_results
from mkdocs.utils.yaml import yaml_load
from playwright.sync_api import expect
from readability import measure
from sitebuilder import REPO
from test_klarsprak import reader_text

UI = yaml_load((REPO / "data" / "ui.yml").read_text(encoding="utf-8"))
SV = {key: texts["sv"] for key, texts in UI.items()}
PLAN, PREP = "verktyg/nodplan/", "verktyg/forbered-samtalet/"
MM = 96 / 25.4  # CSS pixels per millimetre

PLAN_TEXT = {
    "#ag-me": "Eva Andersson",
    "#ag-person": "Karl Andersson",
    "#ag-address": "Storgatan 12, 392 34 Kalmar. Portkod 1234.",
    "#ag-about": "Karl har demens och hör dåligt. Han blir lugn av radio.\nAllergisk mot penicillin.",
    "#ag-daily_help": "Frukost och lunch.\nMedicin morgon och kväll.\nTillsyn på natten två gånger.",
    "#ag-medicines": "Waran 5 mg kl. 8. Listan sitter på kylskåpet.\nRullator och larmklocka.",
    "#ag-first_steps": "Ring Lisa först. Hon har en nyckel.\nKarl ska inte vara ensam på natten.",
    "#ag-keys": "Extranyckel hos grannen på våning 2. Papper i byrån i hallen.",
}
CONTACTS = [
    ("Hemtjänsten Norr", "hemtjänst", "0480-123 45"),
    ("Lisa Andersson", "dotter", "070-123 45 67"),
    ("Vårdcentralen", "läkare", "0480-44 55 00"),
]


class Requests:
    """Every request the page makes, with its method."""

    def __init__(self, page) -> None:
        self.seen: list[tuple[str, str]] = []
        page.on("request", lambda request: self.seen.append((request.method, request.url)))


def open_tool(page_session, base_url, path, **options):
    session = page_session(**options)
    requests = Requests(session.page)
    session.page.goto(base_url + path, wait_until="networkidle")
    expect(session.page.locator("[data-ag-storage]")).to_be_visible()
    return session, requests


# Filling a field scrolls it into view; the scroll event, and Material's header title
# transition that follows it, come with the next frames. axe_results then waits for that
# transition to end, so it never measures the title halfway through its fade.
NEXT_FRAMES = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


def assert_accessible(page, state: str) -> None:
    page.evaluate(NEXT_FRAMES)
    results = axe_results(page)
    assert results.violations_count == 0, f"{state}:\n{results.generate_report()}"


def stored(page, key: str):
    raw = page.evaluate("key => window.localStorage.getItem(key)", key)
    return None if raw is None else json.loads(raw)


def fill_plan(page) -> None:
    for selector, text in PLAN_TEXT.items():
        page.fill(selector, text)
    for number, (name, role, phone) in enumerate(CONTACTS, start=1):
        page.fill(f"#ag-contacts-{number}-name", name)
        page.fill(f"#ag-contacts-{number}-role", role)
        page.fill(f"#ag-contacts-{number}-phone", phone)


def confirm(page, kind: str, answer: str) -> None:
    dialog = page.locator(f'[data-ag-dialog="{kind}"]')
    expect(dialog).to_be_visible()
    dialog.get_by_role("button", name=answer, exact=True).click()
    expect(dialog).to_be_hidden()


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b", pdf))


def test_the_emergency_plan_end_to_end(page_session, base_url, tmp_path):
    session, requests = open_tool(page_session, base_url, PLAN)
    page = session.page
    requests.seen.clear()  # from here on, nothing may be requested at all
    assert page.locator("form[data-ag-form]").get_attribute("action") is None

    fill_plan(page)
    # Enter in a field neither submits nor reloads, and nothing reaches the address.
    address = page.url
    page.focus("#ag-person")
    page.keyboard.press("Enter")
    assert page.url == address and "?" not in page.url
    assert page.input_value("#ag-person") == "Karl Andersson"

    # Nothing is saved before the reader chooses Save and has read the warning.
    assert stored(page, "anhorigguiden.nodplan") is None
    page.get_by_role("button", name=SV["tools_save"], exact=True).click()
    expect(page.locator("#ag-save-text")).to_have_text(SV["tools_save_warning"])
    assert_accessible(page, "the shared-computer warning")
    confirm(page, "save", SV["tools_save_confirm"])
    expect(page.locator("[data-ag-status]")).to_have_text(SV["tools_saved"])
    data = stored(page, "anhorigguiden.nodplan")
    assert data["app"] == "anhorigguiden-nodplan" and data["version"] == 1
    assert data["fields"]["person"] == "Karl Andersson"
    assert data["rows"]["contacts"] == [{"name": n, "role": r, "phone": p} for n, r, p in CONTACTS]

    # After the first save, what the reader writes is saved as they write.
    page.fill("#ag-keys", "Nyckel hos Lisa.")
    assert stored(page, "anhorigguiden.nodplan")["fields"]["keys"] == "Nyckel hos Lisa."
    page.fill("#ag-keys", PLAN_TEXT["#ag-keys"])

    # Saved data is there after a reload.
    page.reload(wait_until="networkidle")
    expect(page.locator("#ag-person")).to_have_value("Karl Andersson")
    expect(page.locator("#ag-daily_help")).to_have_value(PLAN_TEXT["#ag-daily_help"])
    expect(page.locator("#ag-contacts-2-phone")).to_have_value("070-123 45 67")
    requests.seen.clear()  # the reload itself loads the page again

    # Print: the plan on one A4 sheet, the card within 85 x 55 mm, phone numbers that dial.
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4")
    (tmp_path / "nodplan.pdf").write_bytes(pdf)
    assert pdf_pages(pdf) == 1
    expect(page.locator("form[data-ag-form]")).to_be_hidden()
    sheet = page.locator("[data-ag-sheet]")
    expect(sheet).to_be_visible()
    expect(sheet.locator("[data-ag-out=daily_help]")).to_have_text(PLAN_TEXT["#ag-daily_help"])
    card = page.locator("[data-ag-card]")
    box = card.bounding_box()
    assert 80 * MM <= box["width"] <= 85 * MM + 0.5 and 50 * MM <= box["height"] <= 55 * MM + 0.5, box
    expect(card).to_contain_text(SV["tools_card_carer_of"] + " Karl Andersson")
    expect(card).to_contain_text(PLAN_TEXT["#ag-address"])
    expect(card).to_contain_text(SV["tools_card_call"])
    assert card.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))") == [
        "tel:048012345",
        "tel:0701234567",
        "tel:0480445500",
    ]
    for link in card.locator("a").all():  # the card's text fits inside the card
        inner = link.bounding_box()
        assert inner["y"] + inner["height"] <= box["y"] + box["height"], inner
    page.emulate_media(media="screen")

    assert requests.seen == []
    assert session.external_requests == [] and session.console_errors == []


def test_delete_asks_first_and_cancel_keeps_everything(page_session, base_url):
    session, requests = open_tool(page_session, base_url, PLAN)
    page = session.page
    fill_plan(page)
    page.get_by_role("button", name=SV["tools_save"], exact=True).click()
    confirm(page, "save", SV["tools_save_confirm"])
    expect(page.locator("[data-ag-status]")).to_have_text(SV["tools_saved"])
    requests.seen.clear()

    delete = page.get_by_role("button", name=SV["tools_delete"], exact=True)
    delete.click()
    expect(page.locator("#ag-delete-text")).to_have_text(SV["tools_delete_text"])
    assert_accessible(page, "the delete question")
    confirm(page, "delete", SV["tools_cancel"])
    expect(delete).to_be_focused()
    assert stored(page, "anhorigguiden.nodplan")["fields"]["person"] == "Karl Andersson"
    expect(page.locator("#ag-person")).to_have_value("Karl Andersson")

    # Escape also cancels.
    delete.click()
    page.keyboard.press("Escape")
    expect(page.locator('[data-ag-dialog="delete"]')).to_be_hidden()
    assert stored(page, "anhorigguiden.nodplan") is not None

    delete.click()
    confirm(page, "delete", SV["tools_delete_confirm"])
    expect(page.locator("[data-ag-status]")).to_have_text(SV["tools_deleted"])
    assert stored(page, "anhorigguiden.nodplan") is None
    expect(page.locator("#ag-person")).to_have_value("")
    expect(page.locator("#ag-contacts-1-name")).to_have_value("")
    # Typing after deleting saves nothing until the reader chooses Save again.
    page.fill("#ag-person", "Någon")
    assert stored(page, "anhorigguiden.nodplan") is None
    page.reload(wait_until="networkidle")
    expect(page.locator("#ag-person")).to_have_value("")
    assert [r for r in requests.seen if r[0] != "GET"] == []
    assert session.external_requests == [] and session.console_errors == []


def test_a_file_is_exported_and_imported_after_a_question(page_session, base_url):
    session, requests = open_tool(page_session, base_url, PLAN, accept_downloads=True)
    page = session.page
    requests.seen.clear()
    fill_plan(page)

    with page.expect_download() as download_info:
        page.get_by_role("button", name=SV["tools_export"], exact=True).click()
    download = download_info.value
    assert re.fullmatch(r"anhorigguiden-nodplan-\d{4}-\d{2}-\d{2}\.json", download.suggested_filename)
    exported = json.loads(open(download.path(), encoding="utf-8").read())
    assert exported["app"] == "anhorigguiden-nodplan" and exported["version"] == 1
    assert exported["fields"]["daily_help"] == PLAN_TEXT["#ag-daily_help"]
    assert exported["rows"]["contacts"][1] == {"name": "Lisa Andersson", "role": "dotter", "phone": "070-123 45 67"}
    expect(page.locator("[data-ag-status]")).to_contain_text(download.suggested_filename)
    # Exporting does not save in the browser.
    assert stored(page, "anhorigguiden.nodplan") is None

    # A bad file: a clear error, tied to the field; the form is untouched.
    file_input = page.locator("#ag-import")
    for bad in (b"not json", json.dumps({"app": "anhorigguiden-nodplan", "version": 1, "fields": {"colour": "red"}, "rows": {}}).encode()):
        file_input.set_input_files(files=[{"name": "bad.json", "mimeType": "application/json", "buffer": bad}])
        error = page.locator("#ag-import-error")
        expect(error).to_have_text(SV["tools_import_bad"])
        assert "ag-import-error" in file_input.get_attribute("aria-describedby").split()
        assert file_input.get_attribute("aria-invalid") == "true"
        expect(page.locator("#ag-person")).to_have_value("Karl Andersson")
    assert_accessible(page, "an import error")
    newer_file = json.dumps({"app": "anhorigguiden-nodplan", "version": 2, "fields": {}, "rows": {}}).encode()
    file_input.set_input_files(files=[{"name": "newer.json", "mimeType": "application/json", "buffer": newer_file}])
    expect(page.locator("#ag-import-error")).to_have_text(SV["tools_import_newer"])
    expect(page.locator("#ag-person")).to_have_value("Karl Andersson")

    # A good file: the reader is asked before anything is replaced.
    page.fill("#ag-person", "Någon annan")
    page.fill("#ag-contacts-1-name", "")
    good = json.dumps(exported).encode()
    file_input.set_input_files(files=[{"name": "plan.json", "mimeType": "application/json", "buffer": good}])
    expect(page.locator("#ag-import-text")).to_have_text(SV["tools_import_text"])
    expect(page.locator("#ag-import-error")).to_be_hidden()
    assert file_input.get_attribute("aria-invalid") is None
    assert_accessible(page, "the import question")
    confirm(page, "import", SV["tools_cancel"])
    expect(page.locator("#ag-person")).to_have_value("Någon annan")

    file_input.set_input_files(files=[{"name": "plan.json", "mimeType": "application/json", "buffer": good}])
    confirm(page, "import", SV["tools_import_confirm"])
    expect(page.locator("[data-ag-status]")).to_have_text(SV["tools_imported"])
    expect(page.locator("#ag-person")).to_have_value("Karl Andersson")
    expect(page.locator("#ag-contacts-1-name")).to_have_value("Hemtjänsten Norr")
    expect(page.locator("#ag-daily_help")).to_have_value(PLAN_TEXT["#ag-daily_help"])

    # The download is a Blob made in the page: no request of any kind.
    assert [r for r in requests.seen if not r[1].startswith("blob:")] == []
    assert session.external_requests == [] and session.console_errors == []


def test_rows_are_added_and_removed_with_the_keyboard(page_session, base_url):
    session, _ = open_tool(page_session, base_url, PLAN)
    page = session.page
    rows = page.locator("[data-ag-rows=contacts] [data-ag-row]")
    expect(rows).to_have_count(3)
    page.get_by_role("button", name=SV["tools_add_contact"], exact=True).focus()
    page.keyboard.press("Enter")
    expect(rows).to_have_count(4)
    expect(page.locator("#ag-contacts-4-name")).to_be_focused()
    page.keyboard.type("Ali")
    page.keyboard.press("Tab")
    page.keyboard.type("granne")
    page.keyboard.press("Tab")
    page.keyboard.type("ring Ali")  # not a phone number
    page.keyboard.press("Tab")  # leaving the field checks it
    phone = page.locator("#ag-contacts-4-phone")
    warning = page.locator("#ag-contacts-4-phone-warning")
    expect(warning).to_have_text(SV["tools_phone_invalid"])
    assert phone.get_attribute("aria-describedby") == "ag-contacts-4-phone-warning"
    assert phone.get_attribute("aria-invalid") == "true"
    assert_accessible(page, "a phone number warning")
    phone.fill("070-111 22 33")
    phone.press("Tab")
    expect(warning).to_be_hidden()
    assert phone.get_attribute("aria-invalid") is None

    remove_second = page.get_by_role("button", name=SV["tools_contact_remove"].format(number=2), exact=True)
    remove_second.focus()
    page.keyboard.press("Enter")
    expect(rows).to_have_count(3)
    # The rows are numbered again: the fourth is now the third, its label still its own.
    expect(page.get_by_label(SV["tools_contact_name"], exact=True).nth(2)).to_have_value("Ali")
    expect(page.locator("#ag-contacts-3-name")).to_have_value("Ali")
    assert page.locator("label[for=ag-contacts-3-phone]").count() == 1
    expect(page.locator("[data-ag-rows=contacts] legend").nth(2)).to_have_text(SV["tools_contact_row"].format(number=3))
    assert session.console_errors == []


def test_prepare_the_meeting_end_to_end(page_session, base_url, tmp_path):
    session, requests = open_tool(page_session, base_url, PREP)
    page = session.page
    requests.seen.clear()
    page.fill("#ag-me", "Eva Andersson")
    page.fill("#ag-meeting", "Anhörigkonsulenten, tisdag kl. 10")
    for number, (task, hours) in enumerate([("Handla och laga mat", "6"), ("Mediciner", "2.5"), ("Tillsyn på natten", "10")], start=1):
        page.fill(f"#ag-tasks-{number}-task", task)
        page.fill(f"#ag-tasks-{number}-hours", hours)
    page.fill("#ag-hardest", "Att aldrig få sova en hel natt.")
    page.fill("#ag-feeling", "Trött, men jag vill orka.")
    page.get_by_label(SV["tools_prep_try_talk"]).check()
    page.get_by_label(SV["tools_prep_try_respite"]).check()
    page.fill("#ag-questions", "Vad kostar växelvård?")
    assert_accessible(page, "filled in")

    page.get_by_role("button", name=SV["tools_save"], exact=True).click()
    confirm(page, "save", SV["tools_save_confirm"])
    # Saved once the dialog has closed (its close event saves): wait for the page to say so,
    # as a reader would, before reading the storage (a busy machine read it too early once).
    expect(page.locator("[data-ag-status]")).to_have_text(SV["tools_saved"])
    data = stored(page, "anhorigguiden.forbered-samtalet")
    assert data["fields"]["try"] == ["talk", "respite"]
    assert data["rows"]["tasks"][1] == {"task": "Mediciner", "hours": "2.5"}

    page.reload(wait_until="networkidle")
    expect(page.get_by_label(SV["tools_prep_try_respite"])).to_be_checked()
    expect(page.get_by_label(SV["tools_prep_try_group"])).not_to_be_checked()
    expect(page.locator("#ag-tasks-3-task")).to_have_value("Tillsyn på natten")
    requests.seen.clear()

    page.emulate_media(media="print")
    pdf = page.pdf(format="A4")
    (tmp_path / "forbered-samtalet.pdf").write_bytes(pdf)
    assert pdf_pages(pdf) == 1
    sheet = page.locator("[data-ag-sheet]")
    expect(sheet).to_be_visible()
    expect(sheet.locator("h2")).to_have_text(SV["tools_prep_sheet_title"])
    expect(sheet.locator("[data-ag-out-checked=try] li")).to_have_text([SV["tools_prep_try_talk"], SV["tools_prep_try_respite"]])
    expect(sheet.locator("[data-ag-out-total]")).to_have_text(SV["tools_prep_hours_total"].format(hours="18.5"))
    expect(sheet.locator("[data-ag-out=feeling]")).to_have_text("Trött, men jag vill orka.")
    page.emulate_media(media="screen")

    assert requests.seen == []
    assert session.external_requests == [] and session.console_errors == []


def test_the_guide_pages_are_linked_from_the_checkboxes(site):
    soup = BeautifulSoup((site.site_dir / PREP / "index.html").read_text(encoding="utf-8"), "lxml")
    links = {a.find_parent(class_="ag-check").input["value"]: a["href"] for a in soup.select(".ag-check__link")}
    assert links["talk"] == links["group"] == "../../guider/kommunens-stod/"
    # Pages still being written are linked as soon as they exist, never before.
    for value, page in [("respite", "avlosning"), ("short_stay", "avlosning"), ("money", "pengar"), ("work", "arbete-och-ledighet")]:
        exists = (site.site_dir / "guider" / page / "index.html").exists()
        assert (links.get(value) == f"../../guider/{page}/") if exists else value not in links


def test_a_newer_saved_format_is_never_overwritten(page_session, base_url):
    session = page_session()
    page = session.page
    page.goto(base_url + PLAN)
    newer = json.dumps({"app": "anhorigguiden-nodplan", "version": 2, "fields": {"person": "Från en nyare version"}, "parts": []})
    page.evaluate("value => window.localStorage.setItem('anhorigguiden.nodplan', value)", newer)
    page.reload(wait_until="networkidle")
    expect(page.locator("[data-ag-status]")).to_have_text(SV["tools_newer"])
    page.fill("#ag-person", "Karl")
    page.get_by_role("button", name=SV["tools_save"], exact=True).click()
    expect(page.locator('[data-ag-dialog="save"]')).to_be_hidden()
    page.fill("#ag-person", "Karl igen")
    page.locator("#ag-import").set_input_files(files=[{"name": "plan.json", "mimeType": "application/json", "buffer": json.dumps({"app": "anhorigguiden-nodplan", "version": 1, "fields": {"person": "Ur filen"}, "rows": {}}).encode()}])
    confirm(page, "import", SV["tools_import_confirm"])
    expect(page.locator("#ag-person")).to_have_value("Ur filen")
    assert page.evaluate("() => window.localStorage.getItem('anhorigguiden.nodplan')") == newer
    # Except by Delete everything, which the reader confirms: then nothing is left.
    page.get_by_role("button", name=SV["tools_delete"], exact=True).click()
    confirm(page, "delete", SV["tools_delete_confirm"])
    # The dialog's close event deletes: wait until the page says it has.
    expect(page.locator("[data-ag-status]")).to_have_text(SV["tools_deleted"])
    assert page.evaluate("() => window.localStorage.getItem('anhorigguiden.nodplan')") is None
    assert session.console_errors == []


@pytest.mark.parametrize("path", [PLAN, PREP])
def test_without_javascript_the_form_prints_blank(page_session, base_url, path, tmp_path):
    session = page_session(java_script_enabled=False)
    page = session.page
    page.goto(base_url + path)
    page.emulate_media(media="print")
    form = page.locator("form[data-ag-form]")
    expect(form).to_be_visible()
    expect(page.locator("[data-ag-sheet]")).to_be_hidden()
    expect(page.locator("[data-ag-storage]")).to_be_hidden()
    expect(form.locator(".ag-tool__print-title")).to_be_visible()
    # Every field is a line or lined box to write on; no button is printed.
    for field in form.locator("input[type=text], input[type=tel], input[type=number]").all():
        assert field.evaluate("el => getComputedStyle(el).borderBottomStyle") == "solid"
    for area in form.locator("textarea").all():
        assert "linear-gradient" in area.evaluate("el => getComputedStyle(el).backgroundImage")
    assert form.locator("button").evaluate_all("buttons => buttons.filter(b => b.getClientRects().length).length") == 0
    page.screenshot(path=str(tmp_path / "blank.png"), full_page=True)
    assert session.external_requests == []


STATES = ["loaded", "filled", "phone warning", "import error", "save question", "delete question"]


@pytest.mark.parametrize("path", [PLAN, PREP])
@pytest.mark.parametrize(("width", "scheme"), [(375, "light"), (375, "dark"), (1280, "light"), (1280, "dark")])
def test_axe_in_every_state(page_session, base_url, path, width, scheme):
    session, _ = open_tool(page_session, base_url, path, viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = session.page
    for state in STATES:
        if state == "filled":
            page.fill("#ag-me", "Eva")
            page.fill("#ag-person", "Karl")
            if path == PREP:
                page.get_by_label(SV["tools_prep_try_money"]).check()
        elif state == "phone warning":
            if path == PREP:
                continue
            page.fill("#ag-contacts-1-phone", "inget nummer")
            page.locator("#ag-contacts-1-phone").press("Tab")
            expect(page.locator("#ag-contacts-1-phone-warning")).to_be_visible()
        elif state == "import error":
            page.locator("#ag-import").set_input_files(files=[{"name": "x.json", "mimeType": "application/json", "buffer": b"{}"}])
            expect(page.locator("#ag-import-error")).to_be_visible()
        elif state.endswith("question"):
            kind = state.split()[0]
            page.get_by_role("button", name=SV[f"tools_{kind}"], exact=True).click()
            expect(page.locator(f'[data-ag-dialog="{kind}"]')).to_be_visible()
        assert_accessible(page, f"{path} {width}px {scheme}: {state}")
        if state.endswith("question"):
            page.keyboard.press("Escape")
    # No horizontal scrolling at either width.
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    assert session.external_requests == [] and session.console_errors == []


def test_targets_are_at_least_44_px(page_session, base_url):
    session, _ = open_tool(page_session, base_url, PREP, viewport={"width": 375, "height": 900})
    small = session.page.evaluate(
        """() => [...document.querySelectorAll('.ag-tool-root button, .ag-tool-root input, .ag-tool-root textarea, .ag-check')]
            .filter(el => el.getClientRects().length && !el.closest('dialog') && el.type !== 'checkbox')
            .map(el => [el.id || el.className || el.textContent.trim(), el.getBoundingClientRect().height])
            .filter(([, height]) => height < 44)"""
    )
    assert small == []


@pytest.mark.parametrize("lang", ["ar", "fi"])
def test_arabic_and_finnish_readers_get_the_form_and_sheet_in_their_language(site, lang):
    for path, heading in [(PLAN, "tools_plan_sheet_title"), (PREP, "tools_prep_sheet_title")]:
        soup = BeautifulSoup((site.site_dir / lang / path / "index.html").read_text(encoding="utf-8"), "lxml")
        root = soup.select_one(".ag-tool-root")
        assert root.find_parent(attrs={"lang": "sv"}) is None  # not marked as Swedish
        assert soup.html["lang"] == lang
        assert root.select_one("label[for=ag-me]").get_text(strip=True) == UI["tools_your_name"][lang]
        assert root.select_one(".ag-sheet__title").get_text(strip=True) == UI[heading][lang]
        config = json.loads(soup.select_one("#ag-tool-config").string)
        assert config["strings"]["saved"] == UI["tools_saved"][lang]


@pytest.mark.parametrize("path", ["verktyg/", PLAN, PREP])
def test_the_explanatory_text_is_klarsprak(site, path):
    html = (site.site_dir / path / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "lxml")
    for tool in soup.select(".ag-tool-root"):
        tool.decompose()
    figures = measure(reader_text(str(soup)))
    assert figures.words > 40 and figures.lix <= 40, figures


@pytest.mark.parametrize(
    ("query", "expected"),
    [("nödplan", PLAN), ("om jag blir sjuk", PLAN), ("förbereda samtal", PREP)],
)
def test_search_finds_the_tools(page_session, base_url, query, expected):
    session = page_session()
    page = session.page
    page.goto(base_url)
    # The whole query at once; then wait for the expected page among the results (the
    # search index may still be loading when the query is put in).
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").fill(query)
    page.keyboard.press("End")
    page.wait_for_function(
        "found => Array.from(document.querySelectorAll('.md-search-result__link')).some(link => new URL(link.href).pathname === found)",
        arg="/" + expected,
        timeout=20000,
    )
    assert session.external_requests == [] and session.console_errors == []
