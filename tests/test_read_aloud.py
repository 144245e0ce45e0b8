"""Read aloud ("Lyssna", docs/assets/javascripts/read-aloud.js) and search, per language,
in Chromium.

Headless Chromium has no voices of its own, so each test replaces the browser's speech
synthesis before the page loads (page.add_init_script, in the test only) with a stub whose
getVoices() returns the voices the test chooses and whose speak() records each utterance.
Nothing else is stubbed: the page, its script and Material's search run as served.
"""

from __future__ import annotations

import json
from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from browser_checks import axe_results


STUB = """
(() => {
  const voices = %(voices)s;
  class Utterance extends EventTarget {
    constructor(text) { super(); this.text = text; this.lang = ""; this.voice = null; }
  }
  class Synthesis extends EventTarget {
    constructor() { super(); this.voices = voices; this.calls = []; this.spoken = []; }
    getVoices() { return this.voices.map(v => ({name: v.name, lang: v.lang, voiceURI: v.name, localService: true, default: false})); }
    speak(u) { this.spoken.push({text: u.text, lang: u.lang, voice: u.voice && u.voice.lang}); this.last = u; }
    cancel() { this.calls.push("cancel"); }
    pause() { this.calls.push("pause"); }
    resume() { this.calls.push("resume"); }
  }
  window.SpeechSynthesisUtterance = Utterance;
  Object.defineProperty(window, "speechSynthesis", {value: new Synthesis(), configurable: true});
})();
"""
NO_SYNTHESIS = "delete window.speechSynthesis; Object.defineProperty(window, 'speechSynthesis', {value: undefined});"


def _open(page_session, base_url, path: str, voices: list[dict] | None, **options):
    session = page_session(**options)
    if voices is None:
        session.page.add_init_script(NO_SYNTHESIS)
    else:
        session.page.add_init_script(STUB % {"voices": json.dumps(voices)})
    session.page.goto(base_url + path)
    return session


def _group(session):
    return session.page.locator("[data-ag-read-aloud]")


@pytest.mark.parametrize(
    ("path", "voice", "label", "lang"),
    [
        ("guider/vem-ar-anhorig/", "sv-SE", "Lyssna", "sv"),
        ("fi/guider/vem-ar-anhorig/", "fi-FI", "Kuuntele", "fi"),
        ("ar/guider/vem-ar-anhorig/", "ar-SA", "استمع", "ar"),
        ("en/guider/vem-ar-anhorig/", "en-GB", "Listen", "en"),
    ],
)
def test_listen_reads_the_page_in_its_language(page_session, base_url, path, voice, label, lang):
    session = _open(page_session, base_url, path, [{"name": "Röst", "lang": voice}])
    page = session.page
    play = page.get_by_role("button", name=label, exact=True)
    assert play.is_visible()
    play.click()
    spoken = page.evaluate("() => speechSynthesis.spoken")
    assert spoken, "speak() was never called"
    assert {u["lang"] for u in spoken} == {lang}
    assert {u["voice"] for u in spoken} == {voice}
    assert spoken[0]["text"] == page.locator("article h1").inner_text().strip()
    texts = " ".join(u["text"] for u in spoken)
    assert label not in texts.split()  # the buttons themselves are not read
    citation = page.locator("article a.ag-cite").first.inner_text().strip()
    assert citation and citation not in texts  # nor the "(källa: ...)" after each paragraph
    assert session.console_errors == [] and session.external_requests == []


def test_numbered_citations_and_marked_parts_are_not_read(page_session, base_url):
    # Numbered citations (<sup class="citation">, from hooks/citations.py) and anything
    # marked data-read-aloud="skip" stay on the screen but are not read; the paragraph is.
    session = _open(page_session, base_url, "guider/kommunens-stod/", [{"name": "Alva", "lang": "sv-SE"}])
    page = session.page
    page.evaluate(
        """() => {
          const p = document.querySelector('article h1 ~ p:not(.ag-page-tools *)');
          p.insertAdjacentHTML('beforeend', '<sup class="citation"><a href="#k1">[17]</a></sup>'
            + '<span data-read-aloud="skip"> Hoppas över.</span>');
          const li = document.createElement('li'); li.textContent = 'Hel punkt som hoppas över.';
          li.setAttribute('data-read-aloud', 'skip');
          document.querySelector('article ul').appendChild(li);
        }"""
    )
    page.locator("[data-ag-read-aloud-play]").click()
    texts = " ".join(u["text"] for u in page.evaluate("() => speechSynthesis.spoken"))
    assert "[17]" not in texts and "Hoppas över" not in texts and "Hel punkt" not in texts
    assert page.locator("article h1 ~ p").first.inner_text().split("(")[0].strip()[:20] in texts


def test_pause_resume_and_stop(page_session, base_url):
    session = _open(page_session, base_url, "guider/hitta-stod/", [{"name": "Alva", "lang": "sv-SE"}])
    page = session.page
    assert page.locator("[data-ag-read-aloud-stop]").is_hidden()  # nothing to stop yet
    page.get_by_role("button", name="Lyssna", exact=True).click()
    stop = page.get_by_role("button", name="Stoppa", exact=True)
    assert stop.is_visible()
    assert page.locator("[data-ag-read-aloud-stop]").count() == 1
    page.get_by_role("button", name="Pausa", exact=True).click()
    page.get_by_role("button", name="Fortsätt", exact=True).click()
    stop.click()
    assert page.evaluate("() => speechSynthesis.calls").count("pause") == 1
    assert page.evaluate("() => speechSynthesis.calls").count("resume") == 1
    assert page.evaluate("() => speechSynthesis.calls")[-1] == "cancel"
    assert stop.is_hidden()
    play = page.get_by_role("button", name="Lyssna", exact=True)
    assert play.is_visible()
    assert page.evaluate("() => document.activeElement.matches('[data-ag-read-aloud-play]')")


def test_a_swedish_page_shown_in_arabic_is_read_in_swedish(page_session, base_url):
    # ar/strategi/ falls back to Swedish: the text is lang="sv", so a Swedish voice reads it.
    session = _open(page_session, base_url, "ar/strategi/", [{"name": "Alva", "lang": "sv-SE"}])
    session.page.get_by_role("button", name="استمع", exact=True).click()
    spoken = session.page.evaluate("() => speechSynthesis.spoken")
    assert spoken and {u["lang"] for u in spoken} == {"sv"}


# Without a voice the whole group stays hidden, and takes no room under the title: a note
# saying "your browser has no voice" there was the first line of every page for readers
# who cannot use the button (the accessibility statement says when it is missing).
def _says_no_voice(session) -> None:
    page = session.page
    assert _group(session).is_hidden()
    assert _group(session).bounding_box() is None  # not drawn: no empty line under the title
    assert page.locator("[data-ag-read-aloud-play]").is_hidden()
    assert page.locator("[data-ag-read-aloud-stop]").is_hidden()


def test_without_a_voice_for_the_language_the_button_stays_hidden(page_session, base_url):
    session = _open(page_session, base_url, "fi/guider/", [{"name": "Alva", "lang": "sv-SE"}])
    session.page.evaluate("() => speechSynthesis.dispatchEvent(new Event('voiceschanged'))")
    _says_no_voice(session)
    assert session.page.locator("[data-ag-read-aloud-play]").count() == 1  # present, only hidden


def test_without_any_voice_the_button_stays_hidden(page_session, base_url):
    session = _open(page_session, base_url, "guider/", [])
    session.page.evaluate("() => speechSynthesis.dispatchEvent(new Event('voiceschanged'))")
    _says_no_voice(session)


def test_without_speech_synthesis_the_button_stays_hidden(page_session, base_url):
    session = _open(page_session, base_url, "guider/", None)
    _says_no_voice(session)
    assert session.console_errors == []


def test_voices_that_arrive_late_show_the_button(page_session, base_url):
    session = _open(page_session, base_url, "guider/", [])
    assert session.page.locator("[data-ag-read-aloud-play]").is_hidden()
    session.page.evaluate(
        "() => { speechSynthesis.voices = [{name: 'Alva', lang: 'sv-SE'}];"
        " speechSynthesis.dispatchEvent(new Event('voiceschanged')); }"
    )
    assert _group(session).is_visible()
    assert session.page.locator("[data-ag-read-aloud-play]").is_visible()


@pytest.mark.parametrize(("path", "voice"), [("guider/kommunens-stod/", "sv-SE"), ("ar/guider/kommunens-stod/", "ar-SA")])
def test_the_shown_buttons_pass_axe_and_show_their_focus(page_session, base_url, path, voice):
    session = _open(page_session, base_url, path, [{"name": "Röst", "lang": voice}])
    page = session.page
    page.locator("[data-ag-read-aloud-play]").focus()
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"
    page.locator("[data-ag-read-aloud-play]").click()  # the stop button shows too
    results = axe_results(page)
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize(
    ("path", "query", "expected"),
    [
        ("", "kommunen", "guider/kommunens-stod/"),
        ("", "1177", "guider/hitta-stod/"),
        ("fi/", "kunta", "fi/guider/kommunens-stod/"),
        ("fi/", "omaistuki", "fi/guider/hitta-stod/"),
        ("ar/", "البلدية", "ar/guider/kommunens-stod/"),
        ("ar/", "1177", "ar/guider/hitta-stod/"),
        ("ar/", "anhörigstöd", "ar/guider/kommunens-stod/"),
    ],
)
def test_search_finds_whole_words_in_the_readers_language_only(page_session, base_url, path, query, expected):
    session = page_session()
    page = session.page
    response = page.goto(base_url + path)
    # The index is ready when Material replaces the "starting search" text it is served with.
    starting = BeautifulSoup(response.text(), "lxml").select_one(".md-search-result__meta").get_text(strip=True)
    page.locator("input.md-search__input").click()
    page.wait_for_function(
        "text => document.querySelector('.md-search-result__meta').textContent.trim() !== text", arg=starting
    )
    # The whole query at once, then one key event (Material reads the query on keyup):
    # typed letter by letter, every prefix ("a", "an", …) is a search of its own, and on a
    # busy machine the list could still show a prefix's results when it was read.
    page.locator("input.md-search__input").fill(query)
    page.keyboard.press("End")
    # Settled: the list shows this query's results once the expected page is among them
    # (or the wait times out and the assertion below reports the list as it stands).
    found = "/" + expected
    try:
        page.wait_for_function(
            "found => Array.from(document.querySelectorAll('.md-search-result__link'))"
            ".some(link => new URL(link.href).pathname === found)",
            arg=found,
            timeout=20000,
        )
    except PlaywrightTimeoutError:
        pass
    links = [urlparse(link).path for link in page.eval_on_selector_all(".md-search-result__link", "els => els.map(e => e.href)")]
    assert found in links, links
    language = path.rstrip("/")
    for link in links:
        first = link.lstrip("/").split("/", 1)[0]
        assert (first if first in ("en", "ar", "fi") else "") == language, link
    assert session.console_errors == []
