"""The accessibility statement (tillgänglighetsredogörelse): generated in every language,
with the parts DIGG's model asks for, and linked from every page's footer."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from org_site import MINIMAL, example_site, tiny, write_organisation
from sitebuilder import build_tiny_site, page

def _html(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "lxml")


def _headings(soup: BeautifulSoup) -> list[str]:
    return [h.get_text(strip=True) for h in soup.article.select("h1, h2")]


# Upstream's own site --------------------------------------------------------------------

def test_the_statement_has_every_part_in_swedish(site):
    soup = _html(site.site_dir, "tillganglighet/index.html")
    assert _headings(soup) == [
        "Tillgänglighetsredogörelse",
        "Hur tillgänglig är webbplatsen?",
        "Rapportera brister",
        "Tillsyn",
        "Innehåll som inte är tillgängligt",
        "Hur vi har testat webbplatsen",
    ]
    text = soup.article.get_text(" ", strip=True)
    assert "webbplatsen Anhörigguiden" in text  # the service's name
    assert "delvis förenlig" in text  # the compliance level, computed: no manual review
    # Upstream has no report address: the text says so plainly (no placeholder asking the
    # site's owner to configure one, as until the ux-b branch), and invents none.
    assert "ingen adress där rapporter tas emot" in text
    assert "organisationsfil" not in text and "mailto:" not in str(soup.article)
    # The known limitations are listed, not "no known problems".
    assert "Vi känner inte till några brister" not in text
    for limitation in ("skärmläsare", "PDF-filerna", "andra webbplatser", "bara på svenska"):
        assert limitation in text, limitation
    assert "Myndigheten för digital förvaltning (Digg)" in text
    assert "axe-core" in text and "320 pixlar" in text  # what is tested automatically
    assert re.search(r"uppdaterades senast den \d{4}-\d{2}-\d{2}", text)


def test_the_supervisory_authority_links_diggs_complaint_page(site):
    # Until the ux-b branch no address was linked without configuration; Digg's own
    # complaint page is now the default (an organisation may name another).
    soup = _html(site.site_dir, "tillganglighet/index.html")
    supervision = soup.select_one("#tillsyn").find_next("p")
    assert "Digg" in supervision.get_text()
    assert [a["href"] for a in supervision.select("a")] == ["https://www.digg.se/tdosanmalan"]


@pytest.mark.parametrize(
    ("folder", "title", "limitations"),
    [
        ("", "Tillgänglighetsredogörelse", "Kända begränsningar i guiden"),
        ("en/", "Accessibility statement", "Known limitations of the guide"),
        ("ar/", "بيان إمكانية الوصول", "القيود المعروفة في الدليل"),
        ("fi/", "Saavutettavuusseloste", "Oppaan tunnetut rajoitukset"),
    ],
)
def test_the_statement_is_written_in_every_language_with_diggs_complaint_page(site, folder, title, limitations):
    soup = _html(site.site_dir, f"{folder}tillganglighet/index.html")
    assert soup.article.h1.get_text(strip=True) == title
    assert soup.article.find("h3", string=limitations) is not None
    assert soup.article.select_one("a[href='https://www.digg.se/tdosanmalan']") is not None
    # Written in the language itself: no "shown in Swedish" notice, no Swedish island.
    assert soup.select_one(".ag-page-tools__notice") is None
    assert soup.article.select_one("[lang=sv]") is None


def test_upstream_links_an_issue_tracker_only_when_one_is_configured(tmp_path):
    result = build_tiny_site(tmp_path, tiny({"index.md": page("Start")}), config={"extra": {"issue_tracker": "https://example.org/anhorigguiden/issues"}})
    assert result.returncode == 0, result.output
    soup = _html(result.site_dir, "tillganglighet/index.html")
    link = soup.article.select_one("a[href='https://example.org/anhorigguiden/issues']")
    assert link is not None and link.find_previous("h2").get_text(strip=True) == "Rapportera brister"
    assert "ingen adress där rapporter tas emot" not in soup.article.get_text(" ", strip=True)


def test_an_issue_tracker_that_is_no_web_address_fails_the_build(tmp_path):
    result = build_tiny_site(tmp_path, tiny({"index.md": page("Start")}), config={"extra": {"issue_tracker": "javascript:alert(1)"}})
    assert result.returncode != 0
    assert "Traceback" not in result.output
    for fragment in ("mkdocs.yml: 1 problem(s)", "key 'extra.issue_tracker': found 'javascript:alert(1)'", "an https:// address", "See EDITING.md, section 'Organisation'"):
        assert fragment in result.output, result.output


def test_the_statement_is_in_english_at_its_english_address(site):
    soup = _html(site.site_dir, "en/tillganglighet/index.html")
    assert _headings(soup)[0] == "Accessibility statement"
    text = soup.article.get_text(" ", strip=True)
    assert "partially compliant" in text and "Agency for Digital Government (Digg)" in text


def test_every_page_links_to_the_statement_in_its_own_language(site):
    root = site.site_dir
    # Each language but the default has its folder, with its own statement.
    language_folders = {d.name for d in root.iterdir() if (d / "tillganglighet" / "index.html").is_file()}
    assert "en" in language_folders
    checked = 0
    for html in sorted(root.rglob("*.html")):
        relative = html.relative_to(root).as_posix()
        if relative.startswith("assets/") or relative == "404.html":
            continue
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "lxml")
        link = soup.select_one(".md-copyright .ag-footer__statement a")
        assert link is not None, f"{relative} has no link to the accessibility statement"
        first = relative.split("/", 1)[0]
        folder = first + "/" if first in language_folders else ""
        target = (html.parent / link["href"]).resolve().relative_to(root.resolve()).as_posix()
        assert target == f"{folder}tillganglighet", f"{relative}: {link['href']}"
        checked += 1
    assert checked > 20


# An organisation's statement --------------------------------------------------------------

def test_the_example_statement_names_the_organisation_its_contact_and_gaps():
    result = example_site()
    assert result.returncode == 0, result.output
    soup = _html(result.site_dir, "tillganglighet/index.html")
    text = soup.article.get_text(" ", strip=True)
    assert "Exempelkommun står bakom webbplatsen Anhörigguiden i Exempelkommun" in text
    assert soup.select_one("a[href='mailto:tillganglighet@example.se']") is not None
    assert soup.select_one("a[href='tel:+46701740620']") is not None
    assert soup.article.find("h3", string="Bristande förenlighet med lagkraven") is not None
    assert "(WCAG 1.3.1)" in text and "Vi ersätter PDF-filen med en webbsida." in text
    assert "upprättades den 2026-11-22" in text
    # No manual review is configured, and compliance is: no sentence about a computed level.
    assert "ingen manuell granskning" not in text
    english = _html(result.site_dir, "en/tillganglighet/index.html").article.get_text(" ", strip=True)
    assert "Example: the carers' group programme is only a PDF" in english


def test_a_configured_complaint_page_and_manual_review_are_shown(tmp_path):
    path = write_organisation(
        tmp_path,
        MINIMAL.replace("accessibility:\n", "accessibility:\n  compliance: full\n  complaint_url: https://www.example.org/anmal\n  assessed: 2026-10-01\n  method: Vi har granskat alla sidor med skärmläsare.\n"),
    )
    result = build_tiny_site(tmp_path, tiny({"index.md": page("Start")}), config={"extra": {"organisation_file": str(path)}})
    assert result.returncode == 0, result.output
    soup = _html(result.site_dir, "tillganglighet/index.html")
    text = soup.article.get_text(" ", strip=True)
    assert soup.select_one("#tillsyn").find_next("p").select_one("a[href='https://www.example.org/anmal']") is not None
    assert "helt förenlig" in text
    assert "Den senaste manuella granskningen gjordes den 2026-10-01. Vi har granskat alla sidor med skärmläsare." in text
    assert "Webbplatsen ges ut av Testkommun" in soup.select_one(".md-copyright").get_text(" ", strip=True)


def test_an_unknown_compliance_level_fails_the_build(tmp_path):
    path = write_organisation(tmp_path, MINIMAL.replace("accessibility:\n", "accessibility:\n  compliance: delvis\n"))
    result = build_tiny_site(tmp_path, tiny({"index.md": page("Start")}), config={"extra": {"organisation_file": str(path)}})
    assert result.returncode != 0
    assert "Traceback" not in result.output
    for fragment in ("organisation.yml: 1 problem(s)", "key 'accessibility.compliance': found 'delvis' (text)", "one of: full, partial, none", "write e.g. 'compliance: partial'", "See EDITING.md, section 'Organisation'"):
        assert fragment in result.output, result.output


@pytest.mark.parametrize("path", ["tillganglighet/", "en/tillganglighet/"])
def test_the_statement_is_searchable(site, path):
    folder = "en/" if path.startswith("en/") else ""
    index = json.loads((site.site_dir / folder / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert "tillganglighet/" in {doc["location"] for doc in index["docs"]}
