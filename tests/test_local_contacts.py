"""`[[contacts]]`: the marker's replacement, the partial it renders, and tiny sites."""

from __future__ import annotations

import sys

import jinja2
import pytest
from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError
from org_site import MINIMAL, tiny, write_organisation
from sitebuilder import REPO, build_tiny_site, page

sys.path.insert(0, str(REPO / "hooks"))
import local_contacts  # noqa: E402
from anhorigguiden.markdown import contacts  # noqa: E402
from anhorigguiden.markdown.page import PageInfo  # noqa: E402
from anhorigguiden import organisation_schema  # noqa: E402


_PAGE = PageInfo("guider/a.md", "sv", "")


def _replace(markdown: str) -> str:
    return contacts.replace_contacts(markdown, page=_PAGE, render=lambda variant: f"<div>{variant}</div>")


# The marker ---------------------------------------------------------------------------

def test_the_marker_becomes_an_html_block_between_empty_lines():
    assert _replace("Text.\n[[contacts]]\nMore.") == "Text.\n\n<div>full</div>\n\nMore."


def test_the_compact_variant():
    assert "<div>compact</div>" in _replace("[[contacts:compact]]\n")


def test_a_marker_in_a_list_item_keeps_its_indentation():
    assert _replace("- Item\n\n    [[contacts]]\n") == "- Item\n\n\n    <div>full</div>\n\n"


def test_markers_in_code_are_left_alone():
    text = "```\n[[contacts]]\n```\n\nWrite `[[contacts]]` on its own line.\n"
    assert _replace(text) == text


def test_other_markers_are_left_for_their_hooks():
    assert _replace("A fact [[fact:x]].\n") == "A fact [[fact:x]].\n"


def test_a_marker_inside_a_sentence_is_refused():
    with pytest.raises(PluginError) as raised:
        _replace("Ring [[contacts]] i dag.\n")
    message = str(raised.value)
    assert message.startswith("guider/a.md: 1 problem(s)")
    assert "'Ring [[contacts]] i dag.'" in message and "alone on its own line" in message


def test_an_unknown_variant_is_refused():
    with pytest.raises(PluginError, match=r"found '\[\[contacts:kompakt\]\]'.*\n.*'\[\[contacts\]\]' or '\[\[contacts:compact\]\]'"):
        _replace("[[contacts:kompakt]]\n")


# The partial --------------------------------------------------------------------------

UI = {
    "contacts_title": "Kontakt", "contacts_phone": "Telefon", "contacts_email": "E-post",
    "contacts_address": "Adress", "contacts_hours": "Öppettider", "contacts_web": "Webbsida",
    "contacts_none_title": "Hitta stödet", "contacts_none_text": "Ring växeln i din kommun.",
}


def _render(contacts, variant="full", name="Exempelkommun") -> BeautifulSoup:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(REPO / "overrides")))
    html = env.get_template(local_contacts.TEMPLATE).render(ui=UI, variant=variant, contacts=contacts, organisation_name=name)
    return BeautifulSoup(html, "html.parser")


def _contact(**fields) -> dict:
    data = {"role": {"sv": "Anhörigkonsulent & stöd", "en": "Coordinator"}, **fields}
    organisation = organisation_schema.validate(
        {"organisation": "Exempelkommun", "accessibility": {"report": {"email": "a@example.se"}}, "contacts": [data]},
        file="org.yml",
        base=REPO,
        languages=["sv", "en", "ar"],
        sections=[],
    )
    return organisation


def test_a_full_contact_box_links_phone_email_and_web():
    organisation = _contact(name="Kim", phone="070-174 06 05", email="kim@example.se", web="https://www.example.org/stod", hours={"sv": "Måndag 9–12"})
    box = _render(organisation.contacts_in("sv"))
    assert box.select_one(".ag-contacts__title").get_text() == "Kontakt: Exempelkommun"
    assert box.select_one("a[href='tel:+46701740605']").get_text() == "070-174 06 05"
    assert box.select_one("a[href='mailto:kim@example.se']") is not None
    assert box.select_one("a[href='https://www.example.org/stod']") is not None
    labels = [dt.get_text() for dt in box.select("dt")]
    assert labels == ["Telefon", "E-post", "Öppettider", "Webbsida"]
    # The theme's Jinja does not escape by itself: the partial does.
    assert "Anhörigkonsulent &amp; stöd" in str(box)


def test_the_compact_box_is_one_line_per_contact():
    organisation = _contact(phone="070-174 06 05")
    box = _render(organisation.contacts_in("en"), variant="compact")
    assert [li.get_text() for li in box.select("li")] == ["Coordinator: 070-174 06 05"]


def test_an_untranslated_text_is_marked_with_its_language():
    organisation = _contact(phone="070-174 06 05", hours={"sv": "Måndag 9–12"})
    box = _render(organisation.contacts_in("ar"))
    assert box.select_one("strong[lang=sv]").get_text() == "Anhörigkonsulent & stöd"
    assert box.select_one("dd[lang=sv]").get_text() == "Måndag 9–12"
    # A phone number reads left to right on an Arabic page too.
    assert box.select_one("a[href^='tel:']")["dir"] == "ltr"
    english = _render(organisation.contacts_in("en"))
    assert english.select_one("strong").get("lang") is None


def test_without_contacts_the_box_says_where_to_turn_and_gives_no_number():
    box = _render([], name=None)
    assert box.select_one(".ag-contacts--none") is not None
    assert "växeln" in box.get_text()
    assert box.select("a") == []


# Tiny sites ---------------------------------------------------------------------------

def test_upstream_shows_the_neutral_box(tmp_path):
    result = build_tiny_site(tmp_path, tiny({"index.md": page("Start"), "stod.md": page("Stöd", "[[contacts]]")}))
    assert result.returncode == 0, result.output
    html = BeautifulSoup((result.site_dir / "stod" / "index.html").read_text(encoding="utf-8"), "lxml")
    box = html.select_one("article .ag-contacts--none")
    assert box is not None and "Ring växeln i din kommun" in box.get_text()
    assert "[[contacts" not in html.article.get_text()


def test_an_organisation_shows_its_contacts_in_each_language(tmp_path):
    path = write_organisation(
        tmp_path,
        MINIMAL + "contacts:\n  - role: {sv: Anhörigkonsulent, en: Coordinator}\n    phone: 0480-418020\n",
    )
    result = build_tiny_site(
        tmp_path,
        tiny({"index.md": page("Start"), "stod.md": page("Stöd", "[[contacts:compact]]"), "stod.en.md": page("Support", "[[contacts]]")}),
        config={"extra": {"organisation_file": str(path)}},
    )
    assert result.returncode == 0, result.output
    swedish = BeautifulSoup((result.site_dir / "stod" / "index.html").read_text(encoding="utf-8"), "lxml")
    assert swedish.select_one("article .ag-contacts--compact a[href='tel:+46480418020']") is not None
    english = BeautifulSoup((result.site_dir / "en" / "stod" / "index.html").read_text(encoding="utf-8"), "lxml")
    assert "Coordinator" in english.select_one("article .ag-contacts--full").get_text()


def test_a_misspelt_marker_fails_the_build_with_its_line(tmp_path):
    result = build_tiny_site(tmp_path, tiny({"index.md": page("Start"), "stod.md": page("Stöd", "Text.\n\n[[contacts:kompakt]]")}))
    assert result.returncode != 0
    assert "Traceback" not in result.output
    assert "stod.md: 1 problem(s)" in result.output, result.output
    # The line in the author's file, front matter included (not in the Markdown the hook sees).
    lines = (tmp_path / "docs" / "stod.md").read_text(encoding="utf-8").splitlines()
    line = lines.index("[[contacts:kompakt]]") + 1
    assert line > 10
    assert f"key '[[contacts]] (line {line})': found '[[contacts:kompakt]]'" in result.output, result.output
    assert "write '[[contacts]]' for the full box or '[[contacts:compact]]'" in result.output
    assert "See EDITING.md, section 'Local contacts'" in result.output
