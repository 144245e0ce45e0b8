"""The organisation file: its validators, one tiny site per mistake, and the example
organisation (examples/exempelkommun/) built as a real site and opened in Chromium."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from browser_checks import axe_results
from conftest import PageSession, serve
from mkdocs.exceptions import PluginError
from org_site import EXAMPLE, MINIMAL, SUB_PATH, example_site, tiny, write_organisation
from sitebuilder import REPO, build_tiny_site, page

sys.path.insert(0, str(REPO / "hooks"))
from anhorigguiden import colour_contrast  # noqa: E402
import organisation  # noqa: E402
from anhorigguiden import organisation_schema  # noqa: E402

LANGUAGES = ["sv", "en"]
SECTIONS = ["guider", "strategi", "webbinarier"]


# Contrast, as WCAG 2.1 defines it ------------------------------------------------------

@pytest.mark.parametrize(
    ("foreground", "background", "expected"),
    [
        ("#000000", "#ffffff", 21.0),
        ("#ffffff", "#ffffff", 1.0),
        ("#767676", "#ffffff", 4.54),  # the well-known lightest grey that passes on white
        ("#777777", "#ffffff", 4.48),  # one step lighter fails
        ("#1f4e79", "#ffffff", 8.66),  # upstream's header
        ("#fff", "#000", 21.0),  # short form
    ],
)
def test_contrast_ratio_matches_wcag(foreground, background, expected):
    assert colour_contrast.contrast_ratio(foreground, background) == pytest.approx(expected, abs=0.01)


def test_contrast_ratio_is_symmetric():
    assert colour_contrast.contrast_ratio("#00594f", "#ffffff") == colour_contrast.contrast_ratio("#ffffff", "#00594f")


def test_a_failing_ratio_is_never_shown_rounded_up_to_passing():
    ratio = colour_contrast.contrast_ratio("#777777", "#ffffff")
    assert ratio < 4.5
    assert colour_contrast.format_ratio(ratio) == "4.47:1"  # 4.478..., rounded down
    assert not colour_contrast.passes("#777777", "#ffffff")
    assert colour_contrast.passes("#767676", "#ffffff")


@pytest.mark.parametrize("colour", ["#7fb2e5", "#ffcc00", "#00ff00", "#ff8800", "#9e9e9e"])
def test_a_suggested_colour_passes_and_stays_close(colour):
    suggestion = colour_contrast.adjust_to_pass(colour, "#ffffff")
    assert colour_contrast.contrast_ratio(suggestion, "#ffffff") >= 4.5
    # Darker, not another hue: every channel moved towards black.
    assert all(s <= c for s, c in zip(colour_contrast.parse_hex(suggestion), colour_contrast.parse_hex(colour)))


def test_a_light_text_on_a_dark_background_is_made_lighter():
    suggestion = colour_contrast.adjust_to_pass("#557788", "#102030")
    assert colour_contrast.contrast_ratio(suggestion, "#102030") >= 4.5
    assert colour_contrast.relative_luminance(suggestion) > colour_contrast.relative_luminance("#557788")


def test_a_passing_colour_is_kept():
    assert colour_contrast.adjust_to_pass("#1A5A96", "#ffffff") == "#1a5a96"


@pytest.mark.parametrize("value", ["1f4e79", "#12345", "#ggg000", "blue", 123, None])
def test_only_hex_colours_are_colours(value):
    assert not colour_contrast.is_hex_colour(value)


# Phone numbers and email addresses ------------------------------------------------------

@pytest.mark.parametrize(
    ("written", "href"),
    [
        ("0480-418020", "tel:+46480418020"),
        ("+46 480 41 80 20", "tel:+46480418020"),
        ("070-174 06 05", "tel:+46701740605"),
        ("08-123 456 78", "tel:+46812345678"),
    ],
)
def test_swedish_phone_numbers_are_accepted_with_an_international_tel_link(written, href):
    assert organisation_schema.check_phone(written) == (written, href)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("0480-ABC123", "no letters"),
        ("ring 0480-418020", "no letters"),
        ("070-174 06", "complete Swedish phone number"),  # digits missing
        ("070-174 06 055", "complete Swedish phone number"),  # a digit too many
        ("1177", "complete Swedish phone number"),
        ("+47 22 22 22 22", "complete Swedish phone number"),  # Norwegian
        (46480418020, "in quotes"),
        ("", "Swedish phone number"),
    ],
)
def test_malformed_phone_numbers_are_rejected(value, expected):
    with pytest.raises(organisation_schema._Invalid) as raised:
        organisation_schema.check_phone(value)
    assert expected in raised.value.expected


@pytest.mark.parametrize("value", ["anhorigstod@example.se", "Kim.Exempelsson@example.org"])
def test_email_addresses_are_accepted(value):
    assert organisation_schema.check_email(value) == value


@pytest.mark.parametrize("value", ["kim@exempelkommun", "kim exempelsson@example.se", "anhorigstod.example.se", "@example.se", 42])
def test_malformed_email_addresses_are_rejected(value):
    with pytest.raises(organisation_schema._Invalid):
        organisation_schema.check_email(value)


# The whole file, validated in memory ----------------------------------------------------

def _validate(data, base: Path):
    return organisation_schema.validate(data, file="org.yml", base=base, languages=LANGUAGES, sections=SECTIONS)


def _minimal(**extra):
    return {"organisation": "Testkommun", "accessibility": {"report": {"email": "a@example.se"}}, **extra}


def test_a_minimal_file_is_valid_and_keeps_upstream_defaults(tmp_path):
    organisation = _validate(_minimal(), tmp_path)
    assert organisation.organisation == {"sv": "Testkommun", "en": "Testkommun"}
    assert organisation.sections is None and organisation.contacts == ()
    assert organisation.colours == organisation_schema.Colours(**organisation_schema.DEFAULT_COLOURS)


def test_the_example_organisation_is_valid():
    organisation = organisation_schema.load(EXAMPLE / "organisation.yml", languages=LANGUAGES, sections=SECTIONS)
    assert organisation.organisation_name("sv") == "Exempelkommun"
    assert organisation.contacts[0].phone_href == "tel:+46701740605"
    assert organisation.site_url == "https://www.example.org/anhorigguiden/"


def test_every_problem_is_reported_at_once(tmp_path):
    data = _minimal(sections=["guider", "utbilding"], colour={"link": "#000"}, contacts=[{"role": "X", "email": "nej"}])
    with pytest.raises(PluginError) as raised:
        _validate(data, tmp_path)
    message = str(raised.value)
    assert message.startswith("org.yml: 3 problem(s)")
    for key in ("'sections'", "'colour'", "'contacts[0].email'"):
        assert f"key {key}" in message


def test_text_without_the_default_language_is_rejected(tmp_path):
    with pytest.raises(PluginError, match=r"add 'sv: <text>' under 'name:'"):
        _validate(_minimal(name={"en": "Only English"}), tmp_path)


def test_a_language_left_out_shows_the_default_language(tmp_path):
    organisation = _validate(_minimal(name={"sv": "Bara svenska"}), tmp_path)
    assert organisation.text(organisation.name, "en") == "Bara svenska"


def test_an_unknown_language_code_is_rejected(tmp_path):
    with pytest.raises(PluginError, match=r"remove or correct 'se'"):
        _validate(_minimal(name={"sv": "Svenska", "se": "Svenska igen"}), tmp_path)


def test_a_real_organisation_must_say_how_to_report_an_accessibility_problem(tmp_path):
    with pytest.raises(PluginError) as raised:
        _validate({"organisation": "Testkommun"}, tmp_path)
    assert "key 'accessibility.report'" in str(raised.value)
    assert "tillganglighet@example.se" in str(raised.value)


def test_a_phone_number_alone_is_no_report_address(tmp_path):
    # Since the ux-b branch: an email address or a web form is required, a phone beside it.
    with pytest.raises(PluginError) as raised:
        _validate({"organisation": "Testkommun", "accessibility": {"report": {"phone": "070-174 06 20"}}}, tmp_path)
    message = str(raised.value)
    assert "key 'accessibility.report': found no address to send a report to (no 'email' or 'form')" in message
    assert "'email' or 'form' (a web address)" in message and "Traceback" not in message


def test_an_unquoted_colour_is_explained(tmp_path):
    # YAML reads `link: #0f6b4a` as `link:` followed by a comment.
    with pytest.raises(PluginError, match="without quotes, YAML reads '#' as the start of a comment"):
        _validate(_minimal(colours={"link": None}), tmp_path)


def test_a_light_header_gets_a_darker_background_that_passes_every_check(tmp_path):
    with pytest.raises(PluginError) as raised:
        _validate(_minimal(colours={"header_background": "#66aadd"}), tmp_path)
    message = str(raised.value)
    assert "header_text '#ffffff' on header_background '#66aadd': contrast 2.51:1" in message
    suggested = re.search(r"use header_background '(#[0-9a-f]{6})' with this text colour", message).group(1)
    assert colour_contrast.contrast_ratio("#ffffff", suggested) >= 4.5
    # The header colour is also button text on white: that is reported too.
    assert "'#66aadd' as button text on the white page" in message
    _validate(_minimal(colours={"header_background": suggested}), tmp_path)  # and it passes


def test_dark_header_text_on_a_dark_header_gets_a_light_text(tmp_path):
    with pytest.raises(PluginError) as raised:
        _validate(_minimal(colours={"header_text": "#333333"}), tmp_path)
    message = str(raised.value)
    assert "key 'colours.header_text'" in message
    assert "use header_text '#ffffff' (8.66:1) with this background" in message


def test_a_contact_needs_a_way_to_reach_it(tmp_path):
    with pytest.raises(PluginError, match=r"contacts\[0\]'.*no phone, email or web page"):
        _validate(_minimal(contacts=[{"role": "Anhörigkonsulent", "name": "Kim"}]), tmp_path)


def test_a_logo_that_is_not_an_image_is_rejected(tmp_path):
    (tmp_path / "logo.svg").write_text("not an image", encoding="utf-8")
    with pytest.raises(PluginError, match="the file's content is not a SVG image"):
        _validate(_minimal(logo="logo.svg"), tmp_path)


# Which file is used ------------------------------------------------------------------------

class _Config(dict):
    """The two things organisation_path() reads from MkDocs' config."""

    def __init__(self, config_file: Path, organisation_file: str | None) -> None:
        super().__init__()
        self.config_file_path = str(config_file)
        self.extra = {"organisation_file": organisation_file}


def test_without_a_file_the_build_is_upstreams_own(tmp_path):
    assert organisation.organisation_path(_Config(tmp_path / "mkdocs.yml", None)) is None


def test_an_organisation_yml_beside_mkdocs_yml_is_used(tmp_path):
    (tmp_path / "organisation.yml").write_text(MINIMAL, encoding="utf-8")
    assert organisation.organisation_path(_Config(tmp_path / "mkdocs.yml", None)) == tmp_path / "organisation.yml"


def test_the_environment_variable_wins_relative_to_mkdocs_yml(tmp_path):
    (tmp_path / "organisation.yml").write_text(MINIMAL, encoding="utf-8")
    chosen = organisation.organisation_path(_Config(tmp_path / "mkdocs.yml", "orgs/annan.yml"))
    assert chosen == (tmp_path / "orgs" / "annan.yml").resolve()


def test_mkdocs_yml_reads_the_environment_variable():
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    assert "organisation_file: !ENV ANHORIGGUIDEN_ORGANISATION" in text


# One tiny site per mistake: the build stops, naming file, key, value and fix ----------

def _fails_with(tmp_path: Path, organisation: str, *expected: str, files: dict[str, str] | None = None) -> str:
    path = write_organisation(tmp_path, organisation, files)
    pages = {"index.md": page("Start"), "guider/index.md": page("Guider"), "strategi/index.md": page("Strategi")}
    result = build_tiny_site(tmp_path, tiny(pages), config={"extra": {"organisation_file": str(path)}})
    assert result.returncode != 0, result.output
    assert "Traceback" not in result.output, result.output
    assert "organisation.yml: " in result.output, result.output
    for fragment in expected:
        assert fragment in result.output, result.output
    assert "See EDITING.md, section 'Organisation'" in result.output
    return result.output


def test_low_contrast_link_colour_fails_the_build_with_ratio_and_suggestion(tmp_path):
    output = _fails_with(
        tmp_path,
        MINIMAL + "colours:\n  link: '#7fb2e5'\n",
        "key 'colours.link'",
        "'#7fb2e5' on the white page background: contrast 2.23:1",
        "at least 4.5:1 (WCAG 2.1 AA",
        "use a darker colour, e.g. '#",
    )
    suggested = re.search(r"e\.g\. '(#[0-9a-f]{6})'", output).group(1)
    assert colour_contrast.contrast_ratio(suggested, "#ffffff") >= 4.5


def test_a_bad_email_fails_the_build(tmp_path):
    _fails_with(
        tmp_path,
        MINIMAL + "contacts:\n  - role: Anhörigkonsulent\n    email: kim@exempelkommun\n",
        "key 'contacts[0].email'",
        "'kim@exempelkommun'",
        "an email address such as 'anhorigstod@example.se'",
        "correct the address",
    )


def test_an_unknown_section_fails_the_build_listing_the_sections(tmp_path):
    _fails_with(
        tmp_path,
        MINIMAL + "sections: [guider, utbilding]\n",
        "key 'sections'",
        "['guider', 'utbilding']",
        "sections of the upstream guide: guider, strategi",
        "correct or remove 'utbilding'",
    )


def test_an_unknown_key_fails_the_build(tmp_path):
    _fails_with(
        tmp_path,
        MINIMAL + "colour:\n  link: '#0f6b4a'\n",
        "key 'colour': found an unknown key",
        "one of organisation, name, publisher, site_url, logo, colours",
        "correct the spelling, or remove the key",
    )


def test_a_missing_logo_fails_the_build(tmp_path):
    _fails_with(
        tmp_path,
        MINIMAL + "logo: bilder/logga.svg\n",
        "key 'logo'",
        "'bilder/logga.svg': it cannot be read (No such file or directory)",
        "a readable file, relative to the organisation file's folder",
        "put the logo at ",
    )


def test_a_malformed_phone_number_fails_the_build(tmp_path):
    _fails_with(
        tmp_path,
        MINIMAL + "contacts:\n  - role: Växeln\n    phone: 0480-ABC123\n",
        "key 'contacts[0].phone'",
        "'0480-ABC123'",
        "no letters",
    )


def test_a_missing_organisation_file_fails_the_build(tmp_path):
    result = build_tiny_site(tmp_path, tiny({"index.md": page("Start")}), config={"extra": {"organisation_file": str(tmp_path / "finns-inte.yml")}})
    assert result.returncode != 0
    assert "Traceback" not in result.output
    assert "finns-inte.yml" in result.output and "no such file" in result.output
    assert "ANHORIGGUIDEN_ORGANISATION" in result.output


def test_a_tiny_organisation_builds_with_its_pages_and_without_hidden_sections(tmp_path):
    path = write_organisation(
        tmp_path,
        MINIMAL + "name: Testguiden\nsections: [guider]\nlocal_pages: sidor\nlocal_title: Hos oss\n",
        {"sidor/index.md": page("Hos oss", "Lokal text. [Till strategin](../strategi/index.md)"), "sidor/index.en.md": page("With us", "Local text.")},
    )
    pages = {
        "index.md": page("Start", "[Strategin](strategi/index.md) och [guiden](guider/index.md)."),
        "guider/index.md": page("Guider"),
        "strategi/index.md": page("Strategi"),
    }
    result = build_tiny_site(tmp_path, tiny(pages), config={"extra": {"organisation_file": str(path)}})
    assert result.returncode == 0, result.output
    site = result.site_dir
    assert not (site / "strategi").exists() and not (site / "en" / "strategi").exists()
    start = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "lxml")
    # A link into a hidden section keeps its words and loses its (dead) address.
    assert "Strategin" in start.article.get_text() and not start.select("article a[href*=strategi]")
    assert start.select("article a[href*=guider]")
    assert "Testguiden" in start.title.text
    local = BeautifulSoup((site / "lokalt" / "index.html").read_text(encoding="utf-8"), "lxml")
    assert "Lokal text." in local.article.get_text()
    english = BeautifulSoup((site / "en" / "lokalt" / "index.html").read_text(encoding="utf-8"), "lxml")
    assert "Local text." in english.article.get_text()
    nav = [a.get_text(" ", strip=True) for a in start.select(".md-nav--primary .md-nav__link")]
    assert "Hos oss" in nav and not any("Strategi" in item for item in nav)


# The example organisation, built as a real site ----------------------------------------

@pytest.fixture(scope="module")
def example():
    result = example_site()
    assert result.returncode == 0, f"the example organisation does not build:\n{result.output}"
    return result.site_dir


def _html(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "lxml")


def test_the_example_shows_its_name_in_each_language(example):
    assert _html(example, "index.html").select_one(".md-header__topic").get_text(strip=True) == "Anhörigguiden i Exempelkommun"
    assert "The Carers' Guide in Exempelkommun" in _html(example, "en/index.html").title.text


def test_the_example_colours_are_in_its_stylesheet(example):
    css = (example / "assets" / "stylesheets" / "organisation.css").read_text(encoding="utf-8")
    assert "--md-primary-fg-color: #00594f;" in css
    assert "--md-primary-bg-color: #ffffff;" in css
    assert "--md-typeset-a-color: #0f6b4a;" in css
    links = [link["href"] for link in _html(example, "guider/index.html").select("link[rel=stylesheet]")]
    assert links[-1] == "../assets/stylesheets/organisation.css"  # last: its colours win


def test_the_example_logo_is_in_the_header(example):
    assert (example / "assets" / "organisation" / "logo.svg").read_bytes() == (EXAMPLE / "logo.svg").read_bytes()
    logo = _html(example, "en/guider/index.html").select_one(".md-header .md-logo img")
    assert logo["src"] == "../../assets/organisation/logo.svg"


def test_the_example_contacts_are_on_the_find_support_page(example):
    box = _html(example, "guider/hitta-stod/index.html").select_one(".ag-contacts")
    assert box is not None and "Kim Exempelsson" in box.get_text()
    hrefs = [a["href"] for a in box.select("a")]
    assert "tel:+46701740605" in hrefs and "mailto:anhorigstod@example.se" in hrefs
    english = _html(example, "en/guider/kommunens-stod/index.html").select_one(".ag-contacts")
    assert "Carer support coordinator" in english.get_text()


def test_the_example_local_page_is_in_the_navigation_and_search(example):
    page_ = _html(example, "lokalt/index.html")
    assert page_.h1.get_text(strip=True) == "Anhörigstöd i Exempelkommun"
    assert "Exempelkommun finns inte" in page_.article.get_text()
    nav = [a.get_text(" ", strip=True) for a in _html(example, "guider/index.html").select(".md-nav--primary .md-nav__link")]
    assert "Anhörigstöd i Exempelkommun" in nav
    assert _html(example, "en/lokalt/index.html").h1.get_text(strip=True) == "Carer support in Exempelkommun"
    swedish = json.loads((example / "search" / "search_index.json").read_text(encoding="utf-8"))
    english = json.loads((example / "en" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert "lokalt/" in {doc["location"] for doc in swedish["docs"]}
    assert "lokalt/" in {doc["location"] for doc in english["docs"]}


def test_the_example_hides_the_sections_it_does_not_select(example):
    assert not (example / "webbinarier").exists() and not (example / "en" / "webbinarier").exists()
    for html in example.rglob("*.html"):
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "lxml")
        dead = [a["href"] for a in soup.select("a[href]") if "webbinarier/" in a["href"]]
        assert dead == [], f"{html.relative_to(example)} links to a hidden section: {dead}"


def test_the_example_footer_names_its_publisher(example):
    footer = _html(example, "guider/index.html").select_one(".md-copyright").get_text(" ", strip=True)
    assert "Webbplatsen ges ut av Exempelkommun, socialförvaltningen" in footer


# The example's own pages in Chromium ------------------------------------------------------

EXAMPLE_PAGES = ["", "lokalt/", "en/lokalt/", "guider/hitta-stod/", "en/guider/kommunens-stod/", "tillganglighet/", "en/tillganglighet/"]


@pytest.fixture(scope="module")
def example_url(example):
    yield from (url + SUB_PATH + "/" for url in serve(example.parent))


@pytest.mark.parametrize("path", EXAMPLE_PAGES)
def test_the_example_pages_pass_axe_and_reflow(browser, example_url, path):
    origin = example_url.split("/" + SUB_PATH)[0]
    session = PageSession(browser, origin)
    try:
        response = session.page.goto(example_url + path, wait_until="networkidle")
        assert response is not None and response.ok
        results = axe_results(session.page)
        assert results.violations_count == 0, results.generate_report()
        assert session.external_requests == [] and session.console_errors == []
        # The header really has the organisation's colour (the stylesheet loaded and won).
        colour = session.page.evaluate("() => getComputedStyle(document.querySelector('.md-header')).backgroundColor")
        assert colour == "rgb(0, 89, 79)"
        session.page.set_viewport_size({"width": 320, "height": 640})
        widths = session.page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert widths[0] <= widths[1], f"horizontal scroll at 320 px: {widths}"
    finally:
        session.close()
