"""The schema mechanism every data file is checked with (anhorigguiden/schema.py): each
node's accepted and refused values, every problem of a file collected at once, the
did-you-mean for a misspelt key, and the message an editor reads (file, key, found,
allowed, fix, the section of EDITING.md)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from anhorigguiden import schema
from anhorigguiden.guide_data import GuideError
from anhorigguiden.schema import (
    INVALID,
    Check,
    Choice,
    Colour,
    Date,
    Email,
    Field,
    Flag,
    Invalid,
    ListOf,
    MapOf,
    Mapping,
    OneOf,
    PerLanguage,
    Phone,
    Text,
    Url,
    Walk,
)

TODAY = dt.date(2026, 11, 27)


def walk_one(node: schema.Node, value, **context):
    """The node's result and the problems it reported, for a value at key 'k'."""
    walk = Walk({"languages": ["sv", "en"], "today": TODAY, **context})
    return node.walk(value, "k", walk), walk.problems


def accepted(node: schema.Node, value, **context):
    result, problems = walk_one(node, value, **context)
    assert problems == [], problems
    assert result is not INVALID
    return result


def refused(node: schema.Node, value, **context) -> schema.Problem:
    result, problems = walk_one(node, value, **context)
    assert result is INVALID
    assert len(problems) == 1, problems
    return problems[0]


# --- leaves -------------------------------------------------------------------------


def test_text_is_stripped_and_plain():
    assert accepted(Text(), "  Anhörigstöd  ") == "Anhörigstöd"
    assert "'<'" in refused(Text(), "Hej <b>du</b>").found
    assert refused(Text(), "x" * 201).expected == "plain text of at most 200 characters"
    assert "U+000A" in refused(Text(), "två\nrader").found
    assert accepted(Text(multiline=True), "två\nrader") == "två\nrader"
    assert "straight double quote" in refused(Text(quotes=False), 'Guiden "bäst"').found
    assert accepted(Text(plain=False), "<editor's note>") == "<editor's note>"


@pytest.mark.parametrize("value", [None, "", "   ", 42, ["a"], {"sv": "a"}, True])
def test_text_refuses_what_is_not_text(value):
    problem = refused(Text(fix="write the text after '{name}:'"), value)
    assert problem.key == "k" and problem.expected == "a non-empty line of text"
    assert problem.fix == "write the text after 'k:'"  # '{name}' is the key as written


def test_url_takes_web_addresses_only():
    assert accepted(Url(), " https://www.example.org/a ") == "https://www.example.org/a"
    assert "scheme 'javascript:'" in refused(Url(), "javascript:alert(1)").found
    assert "'\"'" in refused(Url(), 'https://e.example/"x').found
    assert "a full address" in refused(Url(), "/etc/passwd").expected
    assert refused(Url(flaw_fix="never guess one"), "ftp://e.example/").fix == "never guess one"
    assert accepted(Url(relative=True), "sidor/stod/") == "sidor/stod/"


def test_date_refuses_text_and_a_future_day():
    assert accepted(Date(), dt.date(2026, 1, 2)) == dt.date(2026, 1, 2)
    assert accepted(Date(), dt.datetime(2026, 1, 2, 10, 0)) == dt.date(2026, 1, 2)
    assert "YYYY-MM-DD" in refused(Date(), "2026-01-02x").expected
    assert "YYYY-MM-DD" in refused(Date(times=False), dt.datetime(2026, 1, 2, 10, 0)).expected
    assert accepted(Date(not_future=True), TODAY) == TODAY
    future = refused(Date(not_future=True), TODAY + dt.timedelta(days=1))
    assert future.found == "2026-11-28, a date in the future (the build's date is 2026-11-27)"
    assert future.expected == "a date on or before 2026-11-27"
    assert accepted(Date(not_future=False), TODAY + dt.timedelta(days=400))


def test_email_phone_and_colour():
    assert accepted(Email(), "anhorigstod@example.se") == "anhorigstod@example.se"
    assert "email address" in refused(Email(), "anhorigstod.example.se").expected
    assert accepted(Phone(), "0480-418020") == ("0480-418020", "tel:+46480418020")
    assert "in quotes" in refused(Phone(), 480418020).expected
    assert "no letters" in refused(Phone(), "0480-ANHORIG").expected
    assert accepted(Colour(), "#ABC") == "#aabbcc"
    assert "'#rrggbb'" in refused(Colour(), "#000;}body{display:none").expected


def test_choice_and_flag():
    node = Choice(("full", "partial", "none"), fix="write e.g. 'partial'")
    assert accepted(node, "partial") == "partial"
    problem = refused(node, "parital")
    assert problem.expected == "one of: full, partial, none"
    assert problem.fix == "did you mean 'partial'? write e.g. 'partial'"
    assert refused(node, ["full"]).fix == "write e.g. 'partial'"
    assert accepted(Flag(), False) is False
    assert refused(Flag(), "yes").expected == "true or false"


def test_check_is_a_files_own_rule():
    def even(value, key, walk):
        if not isinstance(value, int) or value % 2:
            raise Invalid("an even number", "write e.g. '{name}: 2'", found=f"{value!r}, which is odd" if isinstance(value, int) else None)
        return value // 2

    assert accepted(Check(even), 4) == 2
    assert refused(Check(even), 3).found == "3, which is odd"
    assert refused(Check(even), "x").found == "'x' (text)"  # the value itself when the check says nothing


# --- structure ----------------------------------------------------------------------

CONTACT = Mapping(
    {"role": Field(Text(), required=True), "email": Field(Email()), "hours": Field(Text(), default="9-12")},
    example="'role: Konsulent'",
)


def test_a_mapping_converts_its_fields_and_fills_defaults():
    assert accepted(CONTACT, {"role": " Konsulent ", "email": "a@example.se"}) == {"role": "Konsulent", "email": "a@example.se", "hours": "9-12"}


def test_a_mapping_reports_every_problem_at_once():
    result, problems = walk_one(CONTACT, {"email": "nej", "rol": "Konsulent", "phone": "1"})
    assert result is INVALID
    assert [(p.key, p.found) for p in problems] == [
        ("k.role", "nothing (the key is missing)"),
        ("k.email", "'nej' (text)"),
        ("k.phone", "an unknown key"),
        ("k.rol", "an unknown key"),
    ]
    rol = problems[3]
    assert rol.expected == "one of role, email, hours"
    assert rol.fix == "did you mean 'role'? correct the spelling, or remove the key"
    assert problems[2].fix == "correct the spelling, or remove the key"  # nothing close to 'phone'


def test_a_key_without_a_value_counts_as_left_out_unless_the_field_says_more():
    assert refused(CONTACT, {"role": None}).found == "nothing (the key has no value)"
    colours = Mapping({"link": Field(Colour(), empty=Invalid("a colour in quotes", "write \"{name}: '#00594f'\""))}, example="link: '#00594f'")
    problem = refused(colours, {"link": None})
    assert (problem.key, problem.found, problem.fix) == ("k.link", "nothing", "write \"link: '#00594f'\"")


def test_a_field_can_take_a_key_without_a_value_or_explain_a_left_out_key_itself():
    def sources(value, key, walk):
        if value is None and "required" in walk.context:
            raise Invalid("a list of source keys", f"known keys: {', '.join(walk.context['required'])}", found="nothing (the key is missing)")
        return list(value or [])

    page = Mapping({"sources": Field(Check(sources), required=True, null=True)}, example="sources: []")
    assert accepted(page, {"sources": None}) == {"sources": []}  # 'sources:' alone: no sources
    assert refused(page, {}).found == "nothing (the key is missing)"
    entry = Mapping({"source": Field(Check(sources), ask_node=True)}, example="source: x")
    assert refused(entry, {}, required=["a", "b"]).fix == "known keys: a, b"

def test_a_mapping_refuses_another_shape_and_accepts_extra_names_it_is_told_to():
    problem = refused(CONTACT, ["role"])
    assert (problem.expected, problem.fix) == ("a mapping of 'key: value' lines", "write it as 'role: Konsulent'")
    open_ended = Mapping({"role": Field(Text())}, example="role: x", extra=lambda name: name.startswith("role_"))
    assert accepted(open_ended, {"role": "x", "role_fi": "y"}) == {"role": "x"}


def test_a_mappings_checks_see_what_passed_and_what_failed():
    seen = []

    def together(checked, walk):
        seen.append((dict(checked.result), checked.failed))
        if "email" not in checked.result and "email" not in checked.failed:
            walk.report(checked.key, "no way to reach the contact", "an email address", "add 'email:'")

    node = Mapping({"role": Field(Text()), "email": Field(Email())}, example="role: x", checks=(together,))
    assert refused(node, {"role": "Konsulent"}).found == "no way to reach the contact"
    _, problems = walk_one(node, {"role": "Konsulent", "email": "nej"})
    assert [p.key for p in problems] == ["k.email"]  # the check says nothing about a failed field
    assert seen[-1] == ({"role": "Konsulent"}, frozenset({"email"}))


def test_a_list_names_each_item_by_its_position():
    node = ListOf(Email(), expected="a list of addresses", fix="write '- a@example.se'", min_items=1, max_items=2, start=1)
    assert accepted(node, ["a@example.se", "b@example.se"]) == ("a@example.se", "b@example.se")
    result, problems = walk_one(node, ["a@example.se", "nej"])
    assert result is INVALID and [p.key for p in problems] == ["k[2]"]
    assert refused(node, []).found == "0 item(s): [] (a list)"
    assert refused(node, ["a@x.se"] * 3).expected == "a list of addresses"
    assert refused(node, "a@example.se").found == "'a@example.se' (text)"
    assert accepted(ListOf(Text(), expected="", fix="", single=True), "guider") == ("guider",)
    words = ListOf(Text(), expected="", fix="", item_key="{key}")
    assert [p.key for p in walk_one(words, ["ok", 3])[1]] == ["k"]


def test_a_map_of_entries_checks_each_key_and_value():
    def language(name, walk):
        return None if name in walk.context["languages"] else Invalid("one of sv, en", "correct the code", found="a language this site does not build")

    node = MapOf(Text(), expected="a mapping of languages", fix="write 'sv: ...'", key_check=language)
    assert accepted(node, {"sv": "a", "en": "b"}) == {"sv": "a", "en": "b"}
    result, problems = walk_one(node, {"sv": 3, "xx": "c"})
    assert result is INVALID
    assert [(p.key, p.found) for p in problems] == [("k.sv", "3 (a number)"), ("k.xx", "a language this site does not build")]
    assert refused(node, ["sv"]).expected == "a mapping of languages"


def test_one_of_takes_the_first_option_that_fits_and_says_what_each_would_take():
    node = OneOf(Phone(), Email(), expected="a phone number or an email address", fix="write one of them")
    assert accepted(node, "0480-418020") == ("0480-418020", "tel:+46480418020")
    assert accepted(node, "a@example.se") == "a@example.se"
    problem = refused(node, "ring oss")
    assert (problem.expected, problem.fix) == ("a phone number or an email address", "write one of them")


def test_per_language_text_falls_back_to_the_default_language():
    node = PerLanguage(Text(), example="{name}: Exempelkommun")
    assert accepted(node, "Kommun") == {"sv": "Kommun", "en": "Kommun"}
    assert accepted(node, {"sv": "Kommun"}) == {"sv": "Kommun"}
    assert refused(node, {"en": "Town"}).fix == "add 'sv: <text>' under 'k:'"
    assert refused(node, {"sv": "Kommun", "se": "x"}).fix == "remove or correct 'se'"
    assert refused(node, {"sv": ""}).expected == "a non-empty text for each language given"
    markup = refused(node, {"sv": "ok", "en": "<b>"})
    assert markup.key == "k" and markup.found.endswith("(in 'en')")
    assert refused(node, 3).fix == "write e.g. 'k: Exempelkommun' or 'k: {sv: ..., en: ...}'"


def test_per_language_text_in_every_language_names_each_languages_line():
    node = PerLanguage(Text(), single=False, every=True)
    assert accepted(node, {"sv": "a", "en": "b"}) == {"sv": "a", "en": "b"}
    result, problems = walk_one(node, {"sv": "<i>a</i>", "fi": "c"})
    assert result is INVALID
    assert [(p.key, p.found) for p in problems] == [
        ("k.sv", "the character '<' at position 1 in '<i>a</i>'"),
        ("k.en", "nothing (the language is missing)"),
        ("k.fi", "a language this text is not written in here"),
    ]
    assert accepted(PerLanguage(Text(), every=True, extra_languages=True), {"sv": "a", "en": "b", "fi": "c"}) == {"sv": "a", "en": "b"}
    assert refused(node, "one text").expected == "one text per language (sv, en)"


# --- the whole message --------------------------------------------------------------


def test_validate_raises_one_message_with_file_key_found_allowed_fix_and_section():
    node = Mapping({"organisation": Field(Text(), required=True), "colours": Field(MapOf(Colour(), expected="colours", fix="write colours"))}, example="'organisation: Exempelkommun'")
    with pytest.raises(GuideError) as raised:
        schema.validate(node, {"organistion": "X", "colours": {"link": "blue", "text": "#fff"}}, file="org/organisation.yml", section="Organisation")
    error = raised.value
    assert isinstance(error, PluginError)  # MkDocs prints it as one clean message
    assert error.file == "org/organisation.yml"
    message = str(error)
    assert message.splitlines()[0] == "org/organisation.yml: 3 problem(s)"
    assert (
        "  - key 'colours.link': found 'blue' (text)\n"
        "    allowed: a colour written '#rrggbb' (or '#rgb'), in quotes\n"
        "    fix: write e.g. \"link: '#00594f'\""
    ) in message
    assert "key 'organisation': found nothing (the key is missing)" in message
    assert "key 'organistion': found an unknown key" in message and "did you mean 'organisation'?" in message
    assert message.endswith("See EDITING.md, section 'Organisation'.")
    assert "Traceback" not in message


def test_validate_returns_the_converted_value():
    node = ListOf(Mapping({"day": Field(Date(not_future=True), required=True)}, example="day: 2026-11-22", build=lambda f: f["day"]), expected="a list", fix="write a list")
    assert schema.validate(node, [{"day": dt.date(2026, 11, 1)}], file="f.yml", section="S", today=TODAY) == (dt.date(2026, 11, 1),)


def test_the_organisation_schema_is_declared_once(tmp_path: Path):
    """The organisation file's keys are the top-level schema's fields: EDITING.md documents
    each one, so a key added to the schema without its documentation is noticed."""
    from anhorigguiden import organisation_schema

    editing = (Path(__file__).resolve().parent.parent / "EDITING.md").read_text(encoding="utf-8")
    for name in organisation_schema.SCHEMA.fields:
        assert f"`{name}`" in editing or f"{name}:" in editing, name


def test_values_that_crashed_the_hand_written_validators_get_a_message(tmp_path: Path):
    """A list or a mapping where a word belongs ended in 'TypeError: unhashable type' before
    the schemas (found by comparing the old and new validators on every key of a valid file)."""
    from anhorigguiden import organisation_schema, references
    from anhorigguiden.site_languages import Languages

    organisation = {"organisation": "Testkommun", "accessibility": {"report": {"email": "a@example.se"}, "compliance": ["partial"]}}
    with pytest.raises(GuideError) as raised:
        organisation_schema.validate(organisation, file="o.yml", base=tmp_path, languages=["sv", "en"], sections=["guider"])
    assert "key 'accessibility.compliance': found ['partial'] (a list)" in str(raised.value)
    sources = tmp_path / "sources.yml"
    sources.write_text("a:\n  publisher: P\n  title: T\n  kind: k\n  kind_en: k\n  cited_in: {b: c}\n", encoding="utf-8")
    with pytest.raises(GuideError) as raised:
        references._load_sources(sources, Languages("sv", "sv", ("sv", "en"), ("sv", "en")))
    assert "key 'a.cited_in': found {'b': 'c'} (a mapping)" in str(raised.value)
    assert "Traceback" not in str(raised.value)


def test_a_law_text_left_out_in_one_language_names_the_entry():
    from anhorigguiden import references

    node = references._laws_schema()
    _, problems = walk_one(node, {"l": {"law": {"sv": "lagen"}, "source": "s"}}, sources={"s": None})
    assert [(p.key, p.fix) for p in problems] == [("k.l.law.en", "add 'en: ...' to 'law:' under 'l:'")]
