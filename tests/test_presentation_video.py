"""The optional self-hosted video on the presentation page (hooks/presentation_video.py).

Unit tests of the WebVTT reader, the insertion point and the configuration check; then the
real presentation page built in tiny sites without and with a configured video; then the
author's mistakes, one tiny site each; then the page with a video in Chromium.
"""

from __future__ import annotations

import posixpath
import re
import sys
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
from bs4 import BeautifulSoup
from browser_checks import axe_results
from conftest import PageSession, serve
from mkdocs.exceptions import PluginError
from sitebuilder import FRONT_MATTER, REPO, build_tiny_site, page

sys.path.insert(0, str(REPO / "hooks"))
import presentation_video as pv  # noqa: E402

PRESENTATION = "webbinarier/kommunens-stod-till-anhoriga"
LANGUAGES = ["sv", "en"]
UI = {key: {"sv": "x", "en": "x"} for key in pv.UI_KEYS} | {
    "language_sv": {"sv": "svenska", "en": "Swedish"},
    "language_en": {"sv": "engelska", "en": "English"},
}
SV_VTT = (
    "WEBVTT\n\n"
    "1\n00:00:00.000 --> 00:00:03.000\n<v Karin>Hej och välkomna.\n\n"
    "2\n00:00:03.000 --> 00:00:06.000\n<v Karin>Vi pratar om stöd &amp; omsorg.\n\n"
    "3\n00:00:06.000 --> 00:00:09.000\n<v Marie>Jag arbetar i en annan kommun.\n"
)
EN_VTT = "WEBVTT\n\n00:00:00.000 --> 00:00:03.000\nHello and welcome.\n\n00:00:03.000 --> 00:00:06.000\nWe talk about support.\n"


# The WebVTT reader


def test_cues_become_paragraphs_and_one_speaker_is_joined():
    paragraphs = pv.parse_vtt(SV_VTT)
    assert paragraphs == [
        pv.Paragraph("Karin", "Hej och välkomna. Vi pratar om stöd & omsorg."),
        pv.Paragraph("Marie", "Jag arbetar i en annan kommun."),
    ]


def test_cues_without_speaker_stay_separate_and_blocks_that_are_not_cues_are_skipped():
    text = (
        "WEBVTT - Kommunens stöd\r\nKind: captions\r\n\r\n"
        "NOTE inspelad 2021\r\n\r\n"
        "STYLE\r\n::cue { color: yellow }\r\n\r\n"
        "01:00:00.000 --> 01:00:02.500 align:start\r\n<i>Första</i> raden\r\nandra raden\r\n\r\n"
        "00:02.500 --> 00:04.000\r\n<c.loud>Sista</c> <00:03.000>ordet\r\n"
    )
    assert pv.parse_vtt(text) == [pv.Paragraph(None, "Första raden andra raden"), pv.Paragraph(None, "Sista ordet")]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1\n00:00:01,000 --> 00:00:02,000\nHej\n", "not 'WEBVTT'"),
        ("WEBVTTX\n\n00:00:01.000 --> 00:00:02.000\nHej\n", "not 'WEBVTT'"),
        ("WEBVTT\n\nNOTE bara en kommentar\n", "no cues"),
    ],
)
def test_a_file_that_is_not_webvtt_is_refused(text, message):
    with pytest.raises(ValueError, match=message):
        pv.parse_vtt(text)


# Where the video goes


def test_the_block_goes_before_the_first_h2_outside_code_fences():
    markdown = "# T\n\nIntro.\n\n```md\n## not a heading\n```\n\n### Small\n\n## First {#first}\n\n## Second\n"
    result = pv.insert_before_first_h2(markdown, "BLOCK\n")
    assert result.index("BLOCK") > result.index("### Small")
    assert result.index("BLOCK") < result.index("## First")
    assert result.count("BLOCK") == 1


def test_a_page_without_h2_gets_the_block_at_its_end():
    assert pv.insert_before_first_h2("# T\n\nIntro.\n", "BLOCK\n").endswith("Intro.\n\nBLOCK\n")


# The configuration check (no build needed)


def _docs(tmp_path: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def _problems(tmp_path: Path, entry, files: dict[str, str] | None = None) -> str:
    docs = _docs(tmp_path, files or {})
    with pytest.raises(PluginError) as raised:
        pv.validate({"kommunens-stod": entry}, docs_dir=docs, languages=LANGUAGES, ui=UI, file="mkdocs.yml")
    message = str(raised.value)
    assert message.startswith("mkdocs.yml: ") and "See EDITING.md, section 'Video'" in message
    return message


def test_a_video_name_must_be_a_plain_slug(tmp_path):
    with pytest.raises(PluginError, match=r"key 'extra.videos.Kommunens stöd': found 'Kommunens stöd' \(text\)"):
        pv.validate({"Kommunens stöd": {}}, docs_dir=tmp_path, languages=LANGUAGES, ui=UI, file="mkdocs.yml")


def test_no_configuration_means_no_video(tmp_path):
    assert pv.validate(None, docs_dir=tmp_path, languages=LANGUAGES, ui=UI, file="mkdocs.yml") == {}


def test_a_valid_configuration_is_read_with_its_transcripts(tmp_path):
    docs = _docs(tmp_path, {"media/v.mp4": "x", "media/v-sv.vtt": SV_VTT, "media/v-en.vtt": EN_VTT})
    videos = pv.validate(
        {"kommunens-stod": {"file": "media/v.mp4", "captions": {"sv": "media/v-sv.vtt", "en": "media/v-en.vtt"}}},
        docs_dir=docs, languages=LANGUAGES, ui=UI, file="mkdocs.yml",
    )
    assert [p.text for p in videos["kommunens-stod"].transcripts["en"]] == ["Hello and welcome.", "We talk about support."]
    assert [p.speaker for p in videos["kommunens-stod"].transcripts["sv"]] == ["Karin", "Marie"]


@pytest.mark.parametrize(
    ("entry", "files", "expected"),
    [
        ({"file": "https://www.youtube.com/watch?v=x", "captions": {"sv": "m/v-sv.vtt"}}, {"m/v-sv.vtt": SV_VTT},
         ["key 'extra.videos.kommunens-stod.file'", "the guide shows no video or captions from another site", "put it under docs/"]),
        ({"file": "../v.mp4", "captions": {"sv": "m/v-sv.vtt"}}, {"m/v-sv.vtt": SV_VTT},
         ["'../v.mp4'", "without '..'"]),
        ({"file": "m/v.avi", "captions": {"sv": "m/v-sv.vtt"}}, {"m/v.avi": "x", "m/v-sv.vtt": SV_VTT},
         ["'m/v.avi'", "a file ending in .mp4, .webm, .ogv"]),
        ({"file": "m/v.mp4"}, {"m/v.mp4": "x"},
         ["key 'extra.videos.kommunens-stod.captions'", "a video must have captions", "add 'captions: {sv: media/video-sv.vtt}'"]),
        ({"file": "m/v.mp4", "captions": {"sv": "m/v-sv.srt"}}, {"m/v.mp4": "x", "m/v-sv.srt": "1\n"},
         ["key 'extra.videos.kommunens-stod.captions.sv'", "a file ending in .vtt"]),
        ({"file": "m/v.mp4", "captions": {"sv": "m/v.sv.vtt"}}, {"m/v.mp4": "x", "m/v.sv.vtt": SV_VTT},
         ["'m/v.sv.vtt'", "rename the file to 'm/v-sv.vtt'"]),
        ({"file": "m/v.mp4", "captions": {"de": "m/v-de.vtt"}}, {"m/v.mp4": "x", "m/v-de.vtt": SV_VTT},
         ["key 'extra.videos.kommunens-stod.captions.de'", "a language this site is built in: sv, en"]),
        ({"file": "m/v.mp4", "captions": {"sv": "m/v-sv.vtt"}}, {"m/v.mp4": "x", "m/v-sv.vtt": "1\n00:00:01,000 --> 00:00:02,000\nHej\n"},
         ["key 'extra.videos.kommunens-stod.captions.sv'", "not 'WEBVTT'", "SubRip (.srt) must be converted"]),
        ({"file": "m/v.mp4", "captions": {"sv": "m/v-sv.vtt"}, "transcript": "m/t.md"}, {"m/v.mp4": "x", "m/v-sv.vtt": SV_VTT},
         ["key 'extra.videos.kommunens-stod.transcript'", "an unknown key", "one of file, captions"]),
    ],
)
def test_each_configuration_mistake_is_named(tmp_path, entry, files, expected):
    message = _problems(tmp_path, entry, files)
    for fragment in expected:
        assert fragment in message, message


# The real presentation page in tiny sites, with the rest of this section (strategi/,
# webbinarier/). The guide pages they link to are stand-ins with the same titles and
# anchors, so that colleagues' work in progress cannot break these tests, while links and
# anchors are still checked by --strict.

OWN_FOLDERS = ("strategi/", "webbinarier/")
_TITLE_RE = re.compile(r"^title:\s*(.+)$", re.MULTILINE)
_ANCHOR_RE = re.compile(r"\{#([\w-]+)\}")
_LINK_RE = re.compile(r"\]\(([^)#\s]+\.md)(?:#[\w-]+)?\)")


def _site_pages() -> dict[str, str]:
    docs = REPO / "docs"
    pages: dict[str, str] = {}
    linked: set[str] = {"index.md"}
    for folder in OWN_FOLDERS:
        for path in sorted((docs / folder).iterdir()):
            relative = path.relative_to(docs).as_posix()
            text = path.read_text(encoding="utf-8")
            pages[relative] = text
            for target in _LINK_RE.findall(text):
                linked.add(posixpath.normpath(posixpath.join(posixpath.dirname(relative), target)))
    # A stand-in is Swedish only (sitebuilder's front matter says so): other languages link
    # to it through the translation plugin's fallback.
    for target in sorted(linked - set(pages)):
        text = (docs / target).read_text(encoding="utf-8")
        title = _TITLE_RE.search(text)
        body = "\n\n".join(f"## Avsnitt {anchor} {{#{anchor}}}\n\nText." for anchor in _ANCHOR_RE.findall(text))
        pages[target] = page(title.group(1).strip() if title else "Sida", body or "Text.")
    return pages


def _build(tmp_path: Path, videos: dict | None = None, media: dict[str, str] | None = None):
    pages = {**_site_pages(), **(media or {})}
    config = {"extra": {"videos": videos}} if videos is not None else None
    result = build_tiny_site(tmp_path, pages, config=config)
    assert result.returncode == 0, result.output
    assert result.warnings == [], result.output
    return result


def _page(site_dir: Path, language: str) -> BeautifulSoup:
    prefix = "" if language == "sv" else f"{language}/"
    return BeautifulSoup((site_dir / prefix / PRESENTATION / "index.html").read_text(encoding="utf-8"), "html.parser")


def _resolve(site_dir: Path, language: str, src: str) -> Path:
    """The built file a relative URL on the presentation page points at."""
    prefix = "" if language == "sv" else f"{language}/"
    url = urljoin(f"http://site/{prefix}{PRESENTATION}/", src)
    return site_dir / urlparse(url).path.lstrip("/")


MEDIA = {"media/kommunens-stod.mp4": "placeholder, not a real video", "media/kommunens-stod-sv.vtt": SV_VTT, "media/kommunens-stod-en.vtt": EN_VTT}
BOTH = {"kommunens-stod": {"file": "media/kommunens-stod.mp4", "captions": {"sv": "media/kommunens-stod-sv.vtt", "en": "media/kommunens-stod-en.vtt"}}}
SV_ONLY = {"kommunens-stod": {"file": "media/kommunens-stod.mp4", "captions": {"sv": "media/kommunens-stod-sv.vtt"}}}


@pytest.fixture(scope="module")
def without_video(tmp_path_factory):
    return _build(tmp_path_factory.mktemp("without-video")).site_dir


@pytest.fixture(scope="module")
def with_video(tmp_path_factory):
    return _build(tmp_path_factory.mktemp("with-video"), BOTH, MEDIA).site_dir


@pytest.fixture(scope="module")
def with_swedish_captions_only(tmp_path_factory):
    return _build(tmp_path_factory.mktemp("sv-captions"), SV_ONLY, MEDIA).site_dir


@pytest.mark.parametrize("language", LANGUAGES)
def test_without_a_video_the_page_has_no_trace_of_one(without_video, language):
    soup = _page(without_video, language)
    article = soup.select_one("article")
    assert article.find(["video", "source", "track", "details"]) is None
    assert soup.select(".ag-video, #video, [href='#video']") == []
    assert [p for p in article.find_all("p") if not p.get_text(strip=True) and not p.find(True)] == []
    # The page still has its own content: the chapter list and every summary.
    assert len(article.select("#delar ~ ol > li")) == 7


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_configured_video_gets_captions_in_the_page_language(with_video, language):
    soup = _page(with_video, language)
    videos = soup.select("article video")
    assert len(videos) == 1
    video = videos[0]
    assert video.has_attr("controls") and video["preload"] == "metadata"
    assert not video.has_attr("autoplay")
    source = video.find("source")
    assert source["type"] == "video/mp4"
    assert _resolve(with_video, language, source["src"]).read_text(encoding="utf-8") == MEDIA["media/kommunens-stod.mp4"]

    tracks = video.find_all("track")
    assert [t["srclang"] for t in tracks][0] == language
    assert sorted(t["srclang"] for t in tracks) == ["en", "sv"]
    assert [t.has_attr("default") for t in tracks] == [True, False]
    assert all(t["kind"] == "captions" and t["label"] for t in tracks)
    for track in tracks:
        served = _resolve(with_video, language, track["src"]).read_text(encoding="utf-8")
        assert served == (SV_VTT if track["srclang"] == "sv" else EN_VTT), track

    transcript = soup.select_one("article details.ag-transcript")
    assert transcript.summary.get_text(strip=True)
    expected = "Vi pratar om stöd & omsorg." if language == "sv" else "We talk about support."
    assert expected in transcript.get_text()
    assert transcript.find(attrs={"lang": True}) is None  # same language as the page


def test_the_video_section_comes_after_the_introduction_and_is_in_the_toc(with_video):
    soup = _page(with_video, "sv")
    headings = [h["id"] for h in soup.select("article h2")]
    assert headings[:2] == ["video", "delar"]
    assert soup.select_one("article h2#video").get_text(strip=True) == "Se videon"
    assert soup.select(".md-nav--secondary a[href='#video']")


def test_swedish_captions_on_the_english_page_are_labelled_and_marked_swedish(with_swedish_captions_only):
    soup = _page(with_swedish_captions_only, "en")
    track = soup.select_one("article video track")
    assert (track["srclang"], track["label"], track.has_attr("default")) == ("sv", "Svenska (Swedish)", True)
    assert _resolve(with_swedish_captions_only, "en", track["src"]).read_text(encoding="utf-8") == SV_VTT
    transcript_text = soup.select_one("article details.ag-transcript div[lang='sv']")
    assert "Hej och välkomna." in transcript_text.get_text()
    assert "in Swedish" in soup.select_one("article .ag-video > p").get_text()
    swedish = _page(with_swedish_captions_only, "sv").select_one("article video track")
    assert (swedish["srclang"], swedish["label"]) == ("sv", "Svenska")


# One tiny site per author mistake: the build stops with file, key, found, allowed, fix.

VIDEO_PAGE = FRONT_MATTER.format(title="Presentation").replace("sources: []", "sources: []\nvideo: kommunens-stod")


def _fails_with(tmp_path: Path, pages: dict[str, str], videos, *expected: str) -> str:
    result = build_tiny_site(tmp_path, {"index.md": page("Start"), **pages}, config={"extra": {"videos": videos}})
    assert result.returncode != 0, result.output
    assert "Traceback" not in result.output
    for fragment in expected:
        assert fragment in result.output, result.output
    return result.output


def test_a_configured_video_file_that_does_not_exist_fails_the_build(tmp_path):
    _fails_with(
        tmp_path,
        {"p.md": page("P", front_matter=VIDEO_PAGE), "media/v-sv.vtt": SV_VTT},
        {"kommunens-stod": {"file": "media/saknas.mp4", "captions": {"sv": "media/v-sv.vtt"}}},
        "mkdocs.yml: 1 problem(s)",
        "key 'extra.videos.kommunens-stod.file': found 'media/saknas.mp4', but there is no file docs/media/saknas.mp4",
        "allowed: an existing file inside the docs folder",
        "fix: put the file at docs/media/saknas.mp4, or correct the path",
        "See EDITING.md, section 'Video'",
    )


def test_a_captions_file_that_is_not_webvtt_fails_the_build(tmp_path):
    _fails_with(
        tmp_path,
        {"p.md": page("P", front_matter=VIDEO_PAGE), "media/v.mp4": "x", "media/v-sv.vtt": "1\n00:00:01,000 --> 00:00:02,000\nHej\n"},
        {"kommunens-stod": {"file": "media/v.mp4", "captions": {"sv": "media/v-sv.vtt"}}},
        "key 'extra.videos.kommunens-stod.captions.sv': found docs/media/v-sv.vtt: the first line is '1', not 'WEBVTT'",
        "See EDITING.md, section 'Video'",
    )


# The two mistakes below are found after the pages are read, so they are built with the
# section's real pages (other hooks check the pages first, e.g. their translations).


def test_a_misspelt_video_name_in_the_configuration_fails_the_build(tmp_path):
    result = build_tiny_site(
        tmp_path,
        {**_site_pages(), **MEDIA},
        config={"extra": {"videos": {"kommunens-stodd": BOTH["kommunens-stod"]}}},
    )
    assert result.returncode != 0 and "Traceback" not in result.output, result.output
    for fragment in (
        "mkdocs.yml: 1 problem(s)",
        "key 'extra.videos.kommunens-stodd': found a configured video that no page asks for",
        "the guide's pages ask for: kommunens-stod",
        "fix: correct the name under 'extra: videos:', or remove the entry",
        "See EDITING.md, section 'Video'",
    ):
        assert fragment in result.output, result.output


def test_a_badly_written_video_name_in_front_matter_fails_the_build(tmp_path):
    pages = _site_pages()
    source = PRESENTATION + ".md"
    assert "\nvideo: kommunens-stod\n" in pages[source]
    pages[source] = pages[source].replace("\nvideo: kommunens-stod\n", "\nvideo: Kommunens stöd\n")
    result = build_tiny_site(tmp_path, pages)
    assert result.returncode != 0 and "Traceback" not in result.output, result.output
    for fragment in (
        f"{source}: 1 problem(s)",
        "key 'video': found 'Kommunens stöd' (text)",
        "write e.g. 'video: kommunens-stod'",
        "See EDITING.md, section 'Front matter'",
    ):
        assert fragment in result.output, result.output


# In Chromium


def test_the_page_with_a_video_is_accessible_and_its_captions_load(browser, with_video):
    with contextmanager(serve)(with_video) as base:
        session = PageSession(browser, base)
        try:
            session.page.goto(base + PRESENTATION + "/", wait_until="networkidle")
            results = axe_results(session.page)
            assert results.violations_count == 0, results.generate_report()
            assert session.external_requests == []
            assert session.console_errors == []
            tracks = session.page.evaluate(
                "() => Array.from(document.querySelector('article video').textTracks, t => [t.kind, t.language, t.mode])"
            )
            assert tracks[0] == ["captions", "sv", "showing"], tracks
            # The default captions file is fetched and parsed: all three cues (readyState 2 = loaded).
            session.page.wait_for_function(
                "() => { const t = document.querySelector('article video track[default]');"
                " return t.readyState === 2 && t.track.cues.length === 3; }",
                timeout=10_000,
            )
            # The transcript opens from the keyboard.
            session.page.focus("details.ag-transcript summary")
            session.page.keyboard.press("Enter")
            assert session.page.is_visible("text=Jag arbetar i en annan kommun.")
            # The video fits a 320 CSS px window (400 % zoom) without horizontal scrolling.
            session.page.set_viewport_size({"width": 320, "height": 640})
            widths = session.page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
            assert widths[0] <= widths[1], widths
        finally:
            session.close()
