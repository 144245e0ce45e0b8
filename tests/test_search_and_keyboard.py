"""Search that understands, the keyboard at narrow widths, and read aloud's colours: as
readers meet them, in Chromium at 375 and 1280 CSS px, on the real site as built.

Search tests type nothing: they put the query in with `fill` (one `input` event, no key
presses, as dictation or pasting does), so they also show that such input starts a search.
They then wait until Material has written the result count for that query (one query, one
count), never for a fixed time.
"""

from __future__ import annotations

import json
import re
from urllib.parse import urlparse

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe
from browser_checks import wait_until_still
from org_site import tiny
from sitebuilder import REPO, build_tiny_site, page as markdown_page

PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 800}
FOLDERS = {"": "sv", "en/": "en", "ar/": "ar", "fi/": "fi"}
UI = yaml.safe_load((REPO / "data" / "ui.yml").read_text(encoding="utf-8"))
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
QUERY = "input.md-search__input"
# The count Material writes above the results, in every language, or its "no results".
SETTLED = """() => {
  const meta = document.querySelector('.md-search-result__meta');
  const items = document.querySelectorAll('.md-search-result__item').length;
  return meta && (/\\d/.test(meta.textContent) ? items > 0 : /Inga|No matching|Ei |لا/.test(meta.textContent));
}"""


def _index(site, folder: str) -> dict:
    return json.loads((site.site_dir / folder / "search" / "search_index.json").read_text(encoding="utf-8"))


def _plain(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def _search(page, query: str) -> list[str]:
    """The result pages, best first, for `query` put in without key presses."""
    page.fill(QUERY, query)
    page.wait_for_function(SETTLED, timeout=20000)
    hrefs = page.eval_on_selector_all(".md-search-result__item > .md-search-result__link", "els => els.map(e => e.href)")
    return [urlparse(href).path for href in hrefs]


# The index, per language --------------------------------------------------------------

@pytest.mark.parametrize("folder", list(FOLDERS))
def test_no_interface_text_in_the_index(site, folder):
    t = {key: value[FOLDERS[folder]] for key, value in UI.items() if isinstance(value, dict) and FOLDERS[folder] in value}
    forbidden = [
        f"{t['read_aloud_listen']} {t['read_aloud_stop']}",  # the read-aloud buttons
        t["training_time"],  # "Beräknad tid50 minuter"
        t["training_answers_heading"],  # the quiz answers, shown without JavaScript
        t["training_right_answer"] + ":",
        t["training_show_answer"],
    ]
    docs = _index(site, folder)["docs"]
    assert len(docs) > 50
    for doc in docs:
        text = _plain(doc["text"])
        for interface in forbidden:
            assert interface not in text, f"{doc['location']}: {interface!r} in {text[:120]!r}"
        # The easy-to-read link opened every such page's entry ("Lättläst Lyssna Stoppa").
        assert not text.startswith(t["easy_read_link"] + " "), doc["location"]


@pytest.mark.parametrize("folder", list(FOLDERS))
def test_the_who_to_call_block_is_not_a_search_result(site, folder):
    # The block under every guide page's title is interface (partials/help-contacts.html,
    # written by the template): indexed, it made one "Vem kan jag ringa?" result per guide
    # page, and every guide page a hit for 112 or 1177.
    t = {key: value[FOLDERS[folder]] for key, value in UI.items() if isinstance(value, dict) and FOLDERS[folder] in value}
    docs = _index(site, folder)["docs"]
    assert [doc["location"] for doc in docs if doc["title"] == t["help_title"]] == []
    assert [doc["location"] for doc in docs if t["help_crisis_link"] in _plain(doc["text"])] == []
    page = (site.site_dir / folder / "guider" / "avlosning" / "index.html").read_text(encoding="utf-8")
    assert f">{t['help_title']}</h2>" in page  # the block is still on the page


# A sentence's end glued to its reference numbers ("be om det.1", "för mig?123"); a web
# address such as www.1177.se is no such end.
REFERENCE_AFTER_SENTENCE = re.compile(r"[^\W\d_][.?!\u061f)\u00bb\u201d\"][0-9]+(?![\w.])")


@pytest.mark.parametrize("folder", list(FOLDERS))
def test_reference_numbers_stay_out_of_the_index(site, folder):
    # The numbered references (.ag-refs) carry data-search-exclude: a result's text reads
    # as the sentence does, not with the numbers run into its last word.
    docs = _index(site, folder)["docs"]
    glued = [(doc["location"], match.group()) for doc in docs if (match := REFERENCE_AFTER_SENTENCE.search(_plain(doc["text"])))]
    assert not glued, glued[:5]
    html = (site.site_dir / folder / "guider" / "avlosning" / "index.html").read_text(encoding="utf-8")
    assert "data-search-exclude" in html  # the guard above also has pages with references to check


def test_search_words_are_in_fields_that_results_do_not_show(site):
    index = _index(site, "")
    fields = index["config"]["fields"]
    assert fields["synonyms"] == fields["text"] and fields["title_synonyms"] == fields["title"]
    doc = next(d for d in index["docs"] if d["location"] == "guider/kommunens-stod/#onskat-stod")
    assert "avlastning" in doc["text"] and "avlösning" not in doc["text"]
    assert {"avlösning", "växelvård"} <= set(doc["synonyms"].split())
    finnish = next(d for d in _index(site, "fi/")["docs"] if d["location"] == "guider/vem-ar-anhorig/")
    assert "omaishoitaja" in finnish["title_synonyms"].split()


def test_guide_pages_rank_above_training_and_reference_pages(site):
    boosts = {d["location"].split("#")[0]: d.get("boost", 1) for d in _index(site, "")["docs"]}
    guides = [loc for loc in boosts if loc.startswith("guider/")]
    generated_training = [loc for loc in boosts if re.match(r"utbildning/[^/]+/", loc) and loc != "utbildning/samtalskort/"]
    assert guides and generated_training
    # The emergency page first of all (its own front matter), then the other guide pages.
    assert boosts["guider/om-det-ar-akut/"] == 4
    assert {boosts[loc] for loc in guides if not loc.startswith("guider/om-det-ar-akut/")} == {2}
    assert {boosts[loc] for loc in generated_training} == {0.0001}
    assert boosts["ordlista/"] < 0.0001
    assert not [loc for loc in boosts if loc.endswith("/intyg/")]  # a certificate answers no search


# Search words in the data file: a mistake stops the build with a clear message --------

def test_a_mistake_in_the_search_words_fails_the_build(tmp_path):
    bad = "sv:\n  - [avlastning]\n  - [avlösning, avlastning, avlösning]\n  - [ok, 'a<b']\nxx:\n  - [a, b]\n"
    result = build_tiny_site(tmp_path, tiny({"index.md": markdown_page("Start")}), data={"synonyms.yml": bad})
    assert result.returncode != 0
    assert "Traceback" not in result.output
    for fragment in (
        "synonyms.yml: 4 problem(s)",
        "key 'sv[1]'",
        "a list of two or more words that mean the same thing to a reader",
        "key 'sv[2]': found 'avlösning', which is already in this group",
        "key 'sv[3]': found 'a<b'",
        "key 'xx': found a language this site does not build",
        "See EDITING.md, section 'Search words'",
    ):
        assert fragment in result.output, result.output


# Search in the browser ----------------------------------------------------------------

@pytest.mark.parametrize(
    ("folder", "query", "first"),
    [
        # The respite page (guider/avlosning) says "avlösning", "avlastning" and "växelvård".
        ("", "avlastning", "/guider/avlosning/"),
        ("", "avlösning", "/guider/avlosning/"),
        ("", "växelvård", "/guider/avlosning/"),
        ("", "sekretess", "/guider/kommunens-stod/"),  # its section "Tystnadsplikt"
        ("", "tystnadsplikt", "/guider/sekretess-och-samtycke/"),
        ("", "pengar", "/guider/pengar/"),
        ("", "nödplan", "/verktyg/nodplan/"),  # the tool's own word
        ("en/", "short break", "/en/guider/avlosning/"),  # the page says "respite"
        # The emergency page before the guide's index, which also says "Ring 112".
        ("", "112", "/guider/om-det-ar-akut/"),
        ("ar/", "112", "/ar/guider/om-det-ar-akut/"),
        ("fi/", "112", "/fi/guider/om-det-ar-akut/"),
        ("", "akut", "/guider/om-det-ar-akut/"),
    ],
)
def test_a_search_word_finds_the_page_first(page_session, base_url, folder, query, first):
    page = page_session(viewport=DESKTOP).page
    page.goto(base_url + folder)
    results = _search(page, query)
    assert results and results[0] == first, results[:5]


def test_a_finnish_everyday_word_finds_the_guide(page_session, base_url):
    page = page_session(viewport=DESKTOP).page
    page.goto(base_url + "fi/")
    results = _search(page, "omaishoitaja")  # the pages say "omainen", "omaiset", ...
    assert results[0].startswith("/fi/guider/"), results[:5]
    assert "/fi/guider/vem-ar-anhorig/" in results[:3]


@pytest.mark.parametrize("query", ["ekonomiskt stöd", "pengar"])
def test_money_questions_find_a_guide_page_before_any_training(page_session, base_url, query):
    page = page_session(viewport=DESKTOP).page
    page.goto(base_url)
    results = _search(page, query)
    assert results[0].startswith("/guider/"), results[:5]


def test_a_word_no_page_covers_finds_nothing(page_session, base_url):
    # "anhöriglinjen" (a helpline): no page covers it, so no search word points it anywhere.
    page = page_session(viewport=DESKTOP).page
    page.goto(base_url)
    assert _search(page, "anhöriglinjen") == []


def test_text_from_an_input_method_starts_a_search(page_session, base_url):
    page = page_session(viewport=PHONE).page
    page.goto(base_url)
    page.locator("label[for=__search][role=button]").click()
    page.wait_for_function("document.activeElement.matches('input.md-search__input')")
    # Composition: input events while composing are left alone; compositionend searches.
    page.evaluate(
        """() => {
          const box = document.querySelector('input.md-search__input');
          box.value = 'kommunen';
          box.dispatchEvent(new InputEvent('input', {bubbles: true, isComposing: true, data: 'kommunen'}));
          box.dispatchEvent(new CompositionEvent('compositionend', {bubbles: true, data: 'kommunen'}));
        }"""
    )
    page.wait_for_function(SETTLED, timeout=20000)
    assert page.locator(".md-search-result__item").count() > 0


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375", "1280"])
def test_the_index_and_worker_load_only_when_the_search_is_used(page_session, base_url, viewport):
    session = page_session(viewport=viewport)
    page = session.page
    requests: list[str] = []
    page.on("request", lambda request: requests.append(urlparse(request.url).path))
    page.goto(base_url + "guider/kommunens-stod/", wait_until="networkidle")
    searching = [path for path in requests if "search_index" in path or "/workers/" in path or "/lunr/" in path]
    assert searching == [], searching
    with page.expect_request(lambda request: request.url.endswith("/search/search_index.json")):
        if viewport is PHONE:
            page.locator("label[for=__search][role=button]").click()
        else:
            page.locator(QUERY).focus()
    assert _search(page, "kommunen")
    assert session.console_errors == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_open_search_passes_axe_and_its_counter_is_legible(page_session, base_url, scheme):
    page = page_session(viewport=DESKTOP, color_scheme=scheme).page
    page.goto(base_url + "guider/")
    assert _search(page, "kommunen")
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    assert results.violations_count == 0, results.generate_report()
    ratio = page.evaluate("() => {" + CONTRAST + "const m = document.querySelector('.md-search-result__meta'); return contrast(getComputedStyle(m).color, backgroundOf(m)); }")
    assert ratio >= 4.5, ratio


# Escape closes the search and gives the focus back where the search was opened from: the
# search box on a wide screen (from the box or from a result reached with the arrow keys),
# the search button on a phone; never <body>, where the next Tab would start at the top.
# Material's focus watch runs 1 ms after a focus change and would reopen the search: a
# timer set after it, of the same length, fires after it.
AFTER_MATERIALS_FOCUS_WATCH = "() => new Promise(done => setTimeout(done, 1))"
SEARCH_STATE = """() => ({open: document.getElementById('__search').checked,
  shown: getComputedStyle(document.querySelector('.md-search__output')).visibility === 'visible',
  focus: document.activeElement.matches('input.md-search__input') ? 'box'
    : document.activeElement.matches('label[for=__search][role=button]') ? 'button' : document.activeElement.tagName})"""


@pytest.mark.parametrize(
    ("viewport", "from_results", "returns_to"),
    [(DESKTOP, False, "box"), (DESKTOP, True, "box"), (PHONE, False, "button")],
    ids=["1280-box", "1280-result", "375"],
)
def test_escape_closes_the_search_and_the_focus_goes_back(page_session, base_url, viewport, from_results, returns_to):
    page = page_session(viewport=viewport).page
    page.goto(base_url + "guider/")
    if viewport is PHONE:
        page.locator("label[for=__search][role=button]").focus()
        page.keyboard.press("Enter")
    else:
        page.keyboard.press("Tab")  # the skip link, then on to the search box
        for _ in range(12):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.matches('input.md-search__input')"):
                break
    page.wait_for_function("document.activeElement.matches('input.md-search__input')")
    page.keyboard.type("kommunen")
    page.wait_for_function(SETTLED, timeout=20000)
    if from_results:
        page.keyboard.press("ArrowDown")
        page.keyboard.press("ArrowDown")
        assert page.evaluate(SEARCH_STATE)["focus"] not in ("box", "BODY")
    page.keyboard.press("Escape")
    page.evaluate(AFTER_MATERIALS_FOCUS_WATCH)
    assert page.evaluate(SEARCH_STATE) == {"open": False, "shown": False, "focus": returns_to}
    if returns_to == "box":
        # Typing on opens the results again, with the whole query.
        page.keyboard.type("s")
        page.wait_for_function("document.getElementById('__search').checked")
        assert page.evaluate(SEARCH_STATE) == {"open": True, "shown": True, "focus": "box"}
        assert page.input_value(QUERY) == "kommunens"
    else:
        assert page.locator("label[for=__search][role=button]").get_attribute("aria-expanded") == "false"


def test_enter_on_the_search_button_opens_the_search_without_submitting_it(page_session, base_url):
    # The Enter that opens the search reached the box it focused and submitted the empty
    # form: the browser showed "Please fill out this field", in its own language.
    page = page_session(viewport=PHONE).page
    page.goto(base_url + "guider/")
    page.evaluate("window.agInvalid = 0; document.querySelector('input.md-search__input').addEventListener('invalid', () => window.agInvalid++)")
    page.locator("label[for=__search][role=button]").focus()
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement.matches('input.md-search__input')")
    page.wait_for_timeout(300)
    assert page.evaluate("window.agInvalid") == 0
    assert page.evaluate("document.getElementById('__search').checked")
    page.keyboard.type("pengar")  # and the search works as before
    page.wait_for_function(SETTLED, timeout=20000)
    assert page.evaluate(SEARCH_STATE)["open"]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375", "1280"])
def test_search_results_are_written_at_a_size_that_reads_without_zooming(page_session, base_url, viewport):
    # Material wrote them at 12.8 px beside the pages' 18 px: too small for many readers.
    page = page_session(viewport=viewport).page
    page.goto(base_url)
    if viewport is PHONE:  # the search box is behind its button there
        page.locator("label[for=__search][role=button]").focus()
        page.keyboard.press("Enter")
        page.wait_for_function("document.activeElement.matches('input.md-search__input')")
    results = _search(page, "stöd")
    assert len(results) > 3
    sizes = page.evaluate("""() => {
      const size = (selector) => [...document.querySelectorAll(selector)].map(e => parseFloat(getComputedStyle(e).fontSize));
      return {text: size('.md-search-result__article > p'), title: size('.md-search-result__article h1'),
              meta: size('.md-search-result__meta'), more: size('.md-search-result__more > summary > div')};
    }""")
    assert sizes["text"] and sizes["title"] and sizes["meta"] and sizes["more"], sizes
    assert min(sizes["text"] + sizes["meta"] + sizes["more"]) >= 16, sizes
    assert min(sizes["title"]) >= 18, sizes
    wait_until_still(page)  # the search slides in: mid-way it is wider than the screen
    assert page.evaluate("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth")


# The keyboard at narrow widths ----------------------------------------------------------

# Colour contrast from computed styles (WCAG 2.1 relative luminance); a background is the
# first opaque one found from the element up.
CONTRAST = """
function rgb(text) { return text.match(/[\\d.]+/g).map(Number); }
function luminance(text) {
  const [r, g, b] = rgb(text).slice(0, 3).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a, b) { const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); }
function backgroundOf(element) {
  for (let e = element; e; e = e.parentElement) {
    const colour = getComputedStyle(e).backgroundColor; const parts = rgb(colour);
    if (parts.length < 4 ? true : parts[3] === 1) { if (colour !== 'rgba(0, 0, 0, 0)') return colour; }
  }
  return 'rgb(255, 255, 255)';
}
"""

# Where the focus is, and whether a reader can see it: shown, inside the viewport, and not
# covered by something else (what is on top at the middle of the element).
FOCUSED = """() => { const e = document.activeElement; const r = e.getBoundingClientRect();
  const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return {tag: e.tagName, text: (e.getAttribute('aria-label') || e.textContent || '').trim().slice(0, 40),
          x: r.left, y: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height,
          visible: e.checkVisibility({visibilityProperty: true}) && !!top && (e.contains(top) || top.contains(e)),
          vw: innerWidth, vh: innerHeight}; }"""


# Material slides and fades (the drawer, the search's shade, the language list): a stop is
# judged once every transition on the page has ended.
SETTLED_MOTION = "() => document.getAnimations().every(a => a.playState !== 'running')"


def _tab(page) -> dict:
    page.keyboard.press("Tab")
    page.wait_for_function("document.activeElement !== document.body")
    page.wait_for_function(SETTLED_MOTION)
    return page.evaluate(FOCUSED)


def _tab_stops(page, count: int) -> list[dict]:
    return [_tab(page) for _ in range(count)]


def _invisible(stops: list[dict]) -> list[dict]:
    return [
        s for s in stops
        if not s["visible"] or s["width"] < 1 or s["height"] < 1
        or s["x"] < 0 or s["y"] < 0 or s["right"] > s["vw"] + 0.5 or s["bottom"] > s["vh"] + 0.5
    ]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375", "1280"])
def test_every_tab_stop_is_visible(page_session, base_url, viewport):
    page = page_session(viewport=viewport).page
    page.goto(base_url + "guider/kommunens-stod/")
    stops = _tab_stops(page, 20)
    assert _invisible(stops) == [], stops


def test_the_menu_works_from_the_keyboard_at_375_px(page_session, base_url):
    page = page_session(viewport=PHONE).page
    page.goto(base_url + "guider/kommunens-stod/")
    page.keyboard.press("Tab")  # the skip link
    page.keyboard.press("Tab")  # the logo: the home link, shown in the phone header too
    assert page.evaluate("document.activeElement.classList.contains('md-logo')")
    page.keyboard.press("Tab")
    button = page.locator(".md-header label[for=__drawer]")
    assert page.evaluate("document.activeElement.getAttribute('for')") == "__drawer"
    assert button.get_attribute("role") == "button" and button.get_attribute("aria-label") == "Meny"
    assert button.get_attribute("aria-expanded") == "false"
    # Closed, the drawer's links are no tab stops: they are hidden, not just off screen.
    assert page.locator(".md-sidebar--primary a[href]").first.is_hidden()

    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    # The focus moves into the menu; wait until the drawer has slid in.
    page.wait_for_function(
        "() => { const e = document.activeElement; return e.closest('.md-sidebar--primary') && e.getBoundingClientRect().left >= 0; }"
    )
    page.wait_for_function(SETTLED_MOTION)
    stops = [page.evaluate(FOCUSED)] + _tab_stops(page, 12)
    assert _invisible(stops) == [], stops
    # On through the rest of the menu (it has grown with the guide) until the focus leaves it.
    for _ in range(120):
        _tab(page)
        if not page.evaluate("!!document.activeElement.closest('.md-sidebar--primary')"):
            break
    assert not page.evaluate("!!document.activeElement.closest('.md-sidebar--primary')"), "the focus never left the menu"
    # Tabbing on past the menu's last link closed it: the page behind is not shaded.
    assert button.get_attribute("aria-expanded") == "false"
    page.locator(".md-header label[for=__drawer]").focus()
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement.closest('.md-sidebar--primary')")

    page.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.getAttribute('for')") == "__drawer"
    page.wait_for_function("getComputedStyle(document.querySelector('.md-sidebar--primary')).visibility === 'hidden'")

    page.keyboard.press(" ")
    assert button.get_attribute("aria-expanded") == "true"
    assert page.evaluate("document.getElementById('__drawer').checked")


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375", "1280"])
def test_the_result_area_is_a_tab_stop_only_while_the_search_is_open(page_session, base_url, viewport):
    # Material's result links have tabindex=-1 (arrow keys move through them), so the
    # scrolling result area keeps its own tab stop, but only while it can be seen.
    page = page_session(viewport=viewport).page
    page.goto(base_url)
    area = page.locator(".md-search__scrollwrap")
    assert area.get_attribute("tabindex") == "0"
    assert page.evaluate("getComputedStyle(document.querySelector('.md-search__scrollwrap')).visibility") == "hidden"
    # The colour-scheme radio inputs (one per scheme) are no tab stops of their own either.
    options = page.evaluate(
        "() => [...document.querySelectorAll('input.md-option')].map(e => [getComputedStyle(e).display, e.getAttribute('tabindex')])"
    )
    assert options and all(display == "none" or tabindex == "-1" for display, tabindex in options), options


# Read aloud: every state of every button has legible colours -----------------------------

STUB = """
(() => {
  class Utterance extends EventTarget { constructor(text) { super(); this.text = text; } }
  class Synthesis extends EventTarget {
    getVoices() { return [{name: 'Alva', lang: 'sv-SE', voiceURI: 'Alva', localService: true, default: true}]; }
    speak() {} cancel() {} pause() {} resume() {}
  }
  window.SpeechSynthesisUtterance = Utterance;
  Object.defineProperty(window, 'speechSynthesis', {value: new Synthesis(), configurable: true});
})();
"""

MEASURE = "selector => {" + CONTRAST + """
  const e = document.querySelector(selector); const s = getComputedStyle(e);
  const page = backgroundOf(e.closest('.ag-read-aloud').parentElement);
  return {label: e.textContent.trim(), text: contrast(s.color, backgroundOf(e)),
          ring: s.outlineStyle === 'none' ? null : contrast(s.outlineColor, page), outline: s.outlineStyle}; }
"""


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375", "1280"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_read_aloud_buttons_are_legible_in_every_state(page_session, base_url, viewport, scheme):
    session = page_session(viewport=viewport, color_scheme=scheme)
    page = session.page
    page.add_init_script(STUB)
    page.goto(base_url + "guider/kommunens-stod/")
    play = page.locator("[data-ag-read-aloud-play]")
    stop = page.locator("[data-ag-read-aloud-stop]")
    play.wait_for(state="visible")
    measured = []

    def measure(state: str, selector: str) -> None:
        # Material fades button colours (125 ms): measure once the fade has ended.
        page.wait_for_function("sel => document.querySelector(sel).getAnimations().length === 0", arg=selector)
        measured.append({"state": state, **page.evaluate(MEASURE, selector)})

    measure("default", "[data-ag-read-aloud-play]")
    play.hover()
    measure("hover", "[data-ag-read-aloud-play]")
    page.mouse.move(0, 0)
    play.focus()
    measure("focus", "[data-ag-read-aloud-play]")
    box = play.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    measure("pressed", "[data-ag-read-aloud-play]")
    page.mouse.up()  # a click: reading starts, the button says "Pausa"
    measure("speaking, clicked", "[data-ag-read-aloud-play]")
    page.mouse.move(0, 0)
    play.click()  # "Fortsätt": paused
    page.mouse.move(0, 0)
    measure("paused, clicked", "[data-ag-read-aloud-play]")
    page.evaluate("document.activeElement.blur()")
    measure("paused", "[data-ag-read-aloud-play]")
    measure("stop", "[data-ag-read-aloud-stop]")
    play.focus()
    page.keyboard.press("Tab")  # from the keyboard: the stop button shows its focus
    assert page.evaluate("document.activeElement.hasAttribute('data-ag-read-aloud-stop')")
    measure("stop, focus", "[data-ag-read-aloud-stop]")
    stop.hover()
    measure("stop, hover", "[data-ag-read-aloud-stop]")

    assert [m["label"] for m in measured][4:6] == ["Pausa", "Fortsätt"]
    for m in measured:
        assert m["text"] >= 4.5, m
        if "focus" in m["state"]:
            assert m["ring"] is not None and m["ring"] >= 3, m


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375", "1280"])
def test_the_colour_scheme_toggle_is_a_visible_button_for_the_keyboard(page_session, base_url, viewport):
    page = page_session(viewport=viewport).page
    page.goto(base_url + "guider/")
    toggle = page.locator("form[data-md-component=palette] label[for]:not([hidden])")
    assert toggle.count() == 1 and toggle.get_attribute("role") == "button"
    before = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    toggle.focus()
    focused = page.evaluate(FOCUSED)
    assert _invisible([focused]) == [], focused
    page.keyboard.press("Enter")
    page.wait_for_function("before => document.body.getAttribute('data-md-color-scheme') !== before", arg=before)
    # The focus follows to the icon shown now, which switches back.
    page.wait_for_function("() => document.activeElement.matches('form[data-md-component=palette] label[for]:not([hidden])')")
    page.keyboard.press(" ")
    page.wait_for_function("before => document.body.getAttribute('data-md-color-scheme') === before", arg=before)


# Material snaps the drawer's list to the top of a link, so near the list's end the focused
# link was left partly below the screen (search-and-keyboard.css turns the snapping off).
# At 375 × 812 and at 320 × 568, the smallest phones, every link is shown whole.
@pytest.mark.parametrize("viewport", [PHONE, {"width": 320, "height": 568}], ids=["375x812", "320x568"])
def test_every_link_of_the_phone_menu_is_fully_shown_when_tabbed_to(page_session, base_url, viewport):
    page = page_session(viewport=viewport).page
    page.goto(base_url + "guider/kommunens-stod/")
    page.locator(".md-header label[for=__drawer]").focus()
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement.closest('.md-sidebar--primary')")
    page.wait_for_function(SETTLED_MOTION)
    stops = [page.evaluate(FOCUSED)]
    for _ in range(120):
        stops.append(_tab(page))
        if not page.evaluate("!!document.activeElement.closest('.md-sidebar--primary')"):
            break
    assert _invisible(stops[:-1]) == [], [s for s in _invisible(stops[:-1])]
