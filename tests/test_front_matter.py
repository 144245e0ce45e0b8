"""The front-matter schema: unit tests of the validator, then one tiny site per mistake."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError
from sitebuilder import REPO, UNTRANSLATED, assert_build_fails, build_tiny_site, page

sys.path.insert(0, str(REPO / "hooks"))
import front_matter  # noqa: E402

SOURCES = {"kommunens-stod-video": {}}
VALID = {
    "title": "Vem är anhörig?",
    "description": "Om orden anhörig och närstående.",
    "audience": ["anhoriga"],
    "reviewed": dt.date(2026, 11, 22),
    "sources": ["kommunens-stod-video"],
}


def test_a_valid_page_passes_unchanged():
    assert front_matter.validate(VALID, file="a.md", known_sources=SOURCES) == VALID


def test_a_single_audience_is_accepted_as_a_list():
    result = front_matter.validate({**VALID, "audience": "personal"}, file="a.md", known_sources=SOURCES)
    assert result["audience"] == ["personal"]


def test_every_problem_of_a_page_is_reported_at_once():
    meta = {**VALID, "audience": ["grannar"], "reviewed": "igår", "audiance": ["anhoriga"]}
    del meta["title"]
    with pytest.raises(PluginError) as raised:
        front_matter.validate(meta, file="guider/x.md", known_sources=SOURCES)
    message = str(raised.value)
    assert message.startswith("guider/x.md: 4 problem(s)")
    for key in ("'title'", "'audience'", "'reviewed'", "'audiance'"):
        assert f"key {key}" in message


def test_an_overlong_description_is_rejected_with_its_length():
    with pytest.raises(PluginError, match=r"at most 200 characters \(found 201\)"):
        front_matter.validate({**VALID, "description": "x" * 201}, file="a.md", known_sources=SOURCES)


# One tiny site per mistake: the build fails, naming the file, the key and the fix.

# A valid front matter block; test_a_wrong_key_or_value_fails_naming_key_value_and_fix
# changes one thing in it.
FRONT_MATTER = "---\ntitle: A\ndescription: B\naudience: [anhoriga]\nreviewed: 2026-11-22\nsources: []\n---\n"


def _fails_with(tmp_path: Path, text: str, *expected: str) -> str:
    result = build_tiny_site(tmp_path, {"index.md": page("Start"), "guide.md": text})
    return assert_build_fails(result, "guide.md", *expected, "See EDITING.md, section 'Front matter'")


def test_bad_yaml_fails_with_line_and_fix(tmp_path):
    bad = "---\ntitle: Vem: är anhörig\ndescription: x\n---\n\n# A\n"
    _fails_with(tmp_path, bad, "key '(YAML syntax)'", "line 1", "put text that contains ':' or '#' in quotes")


def test_front_matter_without_closing_line_fails(tmp_path):
    _fails_with(tmp_path, "---\ntitle: A\n\n# A\n", "no closing '---' line", "add a line with '---'")


@pytest.mark.parametrize(
    ("written", "instead", "expected"),
    [
        pytest.param("[anhoriga]", "[grannar]", ("key 'audience'", "'grannar'", "anhoriga, personal, organisation"), id="unknown_audience"),
        pytest.param("title: A\n", "", ("key 'title'", "the key is missing", "add the line 'title:"), id="missing_title"),
        pytest.param("sources: []", "sources: [wikipedia]", ("key 'sources'", "'wikipedia'", "add the source to data/sources.yml"), id="unknown_source_key"),
        pytest.param("2026-11-22", "förra veckan", ("key 'reviewed'", "'förra veckan'", "YYYY-MM-DD"), id="reviewed_that_is_not_a_date"),
        pytest.param("audience:", "audiance:", ("key 'audiance'", "an unknown key", "correct the spelling"), id="misspelt_key"),
    ],
)
def test_a_wrong_key_or_value_fails_naming_key_value_and_fix(tmp_path, written, instead, expected):
    _fails_with(tmp_path, page("A", front_matter=FRONT_MATTER.replace(written, instead)), *expected)


def test_folder_defaults_come_from_meta_yml(tmp_path):
    fm = "---\ntitle: A\ndescription: B\nreviewed: 2026-11-22\nsources: []\n" + UNTRANSLATED + "---\n"
    result = build_tiny_site(
        tmp_path,
        {"index.md": page("Start"), "guider/.meta.yml": "audience: [anhoriga]\n", "guider/a.md": page("A", front_matter=fm)},
    )
    assert result.returncode == 0, result.output


def test_a_page_without_h1_gets_its_title_as_h1(tmp_path):
    fm = "---\ntitle: Utan rubrik\ndescription: B\naudience: [anhoriga]\nreviewed: 2026-11-22\nsources: []\n" + UNTRANSLATED + "---\n"
    result = build_tiny_site(tmp_path, {"index.md": page("Start"), "a.md": fm + "\nBara text.\n"})
    assert result.returncode == 0, result.output
    html = (result.site_dir / "a" / "index.html").read_text(encoding="utf-8")
    assert '<h1 id="utan-rubrik">Utan rubrik</h1>' in html
