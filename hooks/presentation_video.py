"""A self-hosted video, with captions and a transcript, on the pages that ask for one.

An organisation that has the right to show a video puts the files inside `docs/` and
names them in its configuration; upstream configures none, and then nothing is shown:

    extra:
      videos:
        kommunens-stod:                         # the name a page asks for
          file: media/kommunens-stod.mp4        # .mp4, .webm or .ogv, inside docs/
          captions:                             # WebVTT, one per language (at least one)
            sv: media/kommunens-stod-sv.vtt     # '-sv.vtt', not '.sv.vtt': see _check_path
            en: media/kommunens-stod-en.vtt

A page asks for it with `video: kommunens-stod` in its front matter. If that name is
configured, the page gets a section (an H2 from data/ui.yml, then partials/video.html)
just before its first H2: a `<video controls preload="metadata">` with a captions
`<track>` per configured language and a transcript made from the captions' cues in a
`<details>`. The default track is the page's language when it is configured, otherwise
the default language's (then the transcript is marked with that language's `lang`).
Only files inside `docs/` are accepted: never a third-party embed.

Events: on_config (validate `extra.videos`: keys, files, WebVTT), on_page_markdown
(pages whose front matter has `video:` only), on_env (a configured video that no page
asks for is an error: its name is most likely misspelt).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from anhorigguiden import site_languages
from anhorigguiden.guide_data import GuideError, Problem, describe
from anhorigguiden.registry import registry_for
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from anhorigguiden.template_cache import theme_env

SECTION = "Video"
VIDEO_TYPES = {".mp4": "video/mp4", ".webm": "video/webm", ".ogv": "video/ogg"}
ENTRY_KEYS = ("file", "captions")
PARTIAL = "partials/video.html"
ANCHOR = "video"
UI_KEYS = ("video_heading", "video_intro", "video_fallback", "video_download", "video_transcript", "video_other_language")

_TIMING_RE = re.compile(r"^\s*(?:\d+:)?\d{2}:\d{2}\.\d{3}\s+-->\s+(?:\d+:)?\d{2}:\d{2}\.\d{3}")
_VOICE_RE = re.compile(r"^<v(?:\.[^\s>]*)?\s+([^>]+)>")
_TAG_RE = re.compile(r"</?[a-z][^>]*>|<\d{2}:[\d:.]+>", re.IGNORECASE)
_FENCE_RE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of a transcript: who speaks (if the captions say) and what is said."""

    speaker: str | None
    text: str


@dataclass(frozen=True)
class Video:
    name: str
    file: str
    captions: dict[str, str]
    transcripts: dict[str, list[Paragraph]]


_videos: dict[str, Video] = {}
_ui: dict[str, dict[str, str]] = {}
_asked_for: set[str] = set()


@event_priority(-200)  # after mkdocs-static-i18n has set up this language's build
def on_config(config: MkDocsConfig) -> None:
    global _videos, _ui, _asked_for
    _asked_for = set()
    _ui = registry_for(config).ui or {}
    _videos = validate(
        config.extra.get("videos"),
        docs_dir=Path(config.docs_dir),
        languages=list(site_languages.languages(config).built),
        ui=_ui,
        file=_config_label(config),
    )


@event_priority(20)  # after front_matter.py (30) has checked the `video:` key
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    name = page.meta.get("video")
    if not name:
        return markdown
    _asked_for.add(name)
    video = _videos.get(name)
    if video is None:
        return markdown  # not configured in this copy: the page reads well without it
    language = site_languages.page_language(page, config)
    block = _render(video, page=page, config=config, files=files, language=language)
    return insert_before_first_h2(markdown, block)


def on_env(env: Any, *, config: MkDocsConfig, files: Files) -> Any:
    unused = sorted(set(_videos) - _asked_for)
    if unused:
        raise GuideError(
            _config_label(config),
            [
                Problem(
                    f"extra.videos.{name}",
                    "a configured video that no page asks for",
                    "the name a page gives in its front matter 'video:' (the guide's pages ask for: "
                    + (", ".join(sorted(_asked_for)) or "none")
                    + ")",
                    "correct the name under 'extra: videos:', or remove the entry",
                )
                for name in unused
            ],
            SECTION,
        )
    return env


# Validation of the configuration


def validate(value: Any, *, docs_dir: Path, languages: list[str], ui: dict, file: str) -> dict[str, Video]:
    """Check `extra.videos`; return the videos or raise with every problem at once."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise GuideError(file, [Problem("extra.videos", describe(value), "a mapping of video names to settings", "write 'videos:' and under it '  <name>:' with 'file:' and 'captions:'")], SECTION)
    problems: list[Problem] = []
    for ui_key in UI_KEYS:
        if not isinstance(ui.get(ui_key), dict) or not all(ui[ui_key].get(lang) for lang in languages):
            problems.append(Problem(ui_key, "no text for every built language in data/ui.yml", "a text per language: " + ", ".join(languages), f"add '{ui_key}:' to data/ui.yml with a line per language"))
    if problems:
        raise GuideError(file, problems, SECTION)
    videos: dict[str, Video] = {}
    for name, entry in value.items():
        key = f"extra.videos.{name}"
        if not isinstance(name, str) or not re.fullmatch(r"[a-z0-9][a-z0-9-]*", name):
            problems.append(Problem(key, describe(name), "a name of lower-case letters a-z, digits and '-'", "rename it, e.g. 'kommunens-stod'"))
            continue
        if not isinstance(entry, dict):
            problems.append(Problem(key, describe(entry), "a mapping with 'file:' and 'captions:'", f"write 'file: media/{name}.mp4' and 'captions:' under '{name}:'"))
            continue
        for unknown in sorted(set(entry) - set(ENTRY_KEYS), key=str):
            problems.append(Problem(f"{key}.{unknown}", "an unknown key", "one of " + ", ".join(ENTRY_KEYS), "correct the spelling, or remove the key"))
        found = len(problems)
        video_file = _check_path(entry.get("file"), f"{key}.file", docs_dir, VIDEO_TYPES, problems, languages)
        captions = _check_captions(entry.get("captions"), key, docs_dir, languages, ui, problems)
        if len(problems) == found and video_file and captions:
            transcripts = {}
            for lang, path in captions.items():
                cues = _read_vtt(docs_dir / path, f"{key}.captions.{lang}", _shown(docs_dir / path), problems)
                if cues is not None:
                    transcripts[lang] = cues
            if len(problems) == found:
                videos[name] = Video(name, video_file, captions, transcripts)
    if problems:
        raise GuideError(file, problems, SECTION)
    return videos


def _check_path(value: Any, key: str, docs_dir: Path, suffixes: dict[str, str] | tuple[str, ...], problems: list[Problem], languages: list[str]) -> str | None:
    allowed = ", ".join(suffixes)
    if not isinstance(value, str) or not value.strip():
        problems.append(Problem(key, describe(value), f"a path inside docs/ to a {allowed} file", f"write e.g. '{key.rsplit('.', 1)[-1]}: media/video{next(iter(suffixes))}'"))
        return None
    path = value.strip()
    if re.match(r"^[a-z][a-z0-9+.-]*:", path, re.IGNORECASE) or path.startswith("//"):
        problems.append(Problem(key, repr(path), "a file inside docs/ (the guide shows no video or captions from another site)", "download the file, put it under docs/ (e.g. docs/media/) and give its path from there"))
        return None
    pure = PurePosixPath(path)
    if pure.is_absolute() or ".." in pure.parts:
        problems.append(Problem(key, repr(path), "a path relative to docs/, without '..'", "move the file under docs/ and write its path from there, e.g. 'media/video.mp4'"))
        return None
    if pure.suffix.lower() not in suffixes:
        problems.append(Problem(key, repr(path), f"a file ending in {allowed}", f"convert the file to {allowed}, or correct the path"))
        return None
    language_part = PurePosixPath(pure.stem).suffix.lstrip(".")
    if language_part in languages:
        # mkdocs-static-i18n (suffix structure) would publish 'x.sv.vtt' as 'x.vtt', in one language only.
        renamed = pure.with_name(f"{PurePosixPath(pure.stem).stem}-{language_part}{pure.suffix}")
        problems.append(Problem(key, repr(path), f"a file name without a language part such as '.{language_part}' before '{pure.suffix}'", f"rename the file to {renamed.as_posix()!r} (the site's translation plugin reads '.{language_part}{pure.suffix}' as one language's copy of another file)"))
        return None
    if not (docs_dir / path).is_file():
        problems.append(Problem(key, f"{path!r}, but there is no file {_shown(docs_dir / path)}", "an existing file inside the docs folder", f"put the file at {_shown(docs_dir / path)}, or correct the path"))
        return None
    return path


def _check_captions(value: Any, key: str, docs_dir: Path, languages: list[str], ui: dict, problems: list[Problem]) -> dict[str, str]:
    example = f"captions: {{{languages[0]}: media/video-{languages[0]}.vtt}}"
    if not isinstance(value, dict) or not value:
        problems.append(Problem(f"{key}.captions", describe(value), "a mapping of language codes to WebVTT files: a video must have captions", f"add '{example}'"))
        return {}
    captions: dict[str, str] = {}
    for lang, path in value.items():
        lang_key = f"{key}.captions.{lang}"
        if lang not in languages:
            problems.append(Problem(lang_key, describe(lang), "a language this site is built in: " + ", ".join(languages), "use one of those language codes"))
            continue
        name_key = f"language_{lang}"
        if not all(isinstance(ui.get(name_key), dict) and ui[name_key].get(other) for other in languages):
            problems.append(Problem(lang_key, f"no '{name_key}' in data/ui.yml", "a language whose name data/ui.yml gives in every built language", f"add '{name_key}:' to data/ui.yml with the language's name in " + ", ".join(languages)))
            continue
        checked = _check_path(path, lang_key, docs_dir, (".vtt",), problems, languages)
        if checked:
            captions[lang] = checked
    return captions


# WebVTT


def _read_vtt(path: Path, key: str, shown: str, problems: list[Problem]) -> list[Paragraph] | None:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        problems.append(Problem(key, f"{shown}, which cannot be read as UTF-8 ({error.__class__.__name__})", "a UTF-8 WebVTT file", "save the captions as UTF-8 WebVTT (.vtt)"))
        return None
    try:
        return parse_vtt(text)
    except ValueError as error:
        problems.append(Problem(key, f"{shown}: {error}", "a WebVTT file: first line 'WEBVTT', then cues", "export the captions as WebVTT (.vtt); SubRip (.srt) must be converted"))
        return None


def parse_vtt(text: str) -> list[Paragraph]:
    """The cues of a WebVTT file as transcript paragraphs.

    Voice spans (`<v Karin>`) become the speaker; consecutive cues by the same speaker
    are joined into one paragraph, cues without a speaker stay one paragraph each.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not re.fullmatch(r"WEBVTT(?:[ \t].*)?", lines[0]):
        raise ValueError(f"the first line is {lines[0][:40]!r}, not 'WEBVTT'")
    blocks: list[list[str]] = [[]]
    for line in lines[1:]:
        if line.strip():
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    paragraphs: list[Paragraph] = []
    for block in blocks:
        timing = next((i for i, line in enumerate(block) if _TIMING_RE.match(line)), None)
        if timing is None:
            continue  # the header's settings, NOTE, STYLE or REGION blocks
        speaker, parts = None, []
        for line in block[timing + 1 :]:
            voice = _VOICE_RE.match(line)
            if voice:
                speaker = html.unescape(voice.group(1).strip())
            parts.append(html.unescape(_TAG_RE.sub("", line)).strip())
        cue = " ".join(part for part in parts if part)
        if not cue:
            continue
        if speaker and paragraphs and paragraphs[-1].speaker == speaker:
            paragraphs[-1] = Paragraph(speaker, f"{paragraphs[-1].text} {cue}")
        else:
            paragraphs.append(Paragraph(speaker, cue))
    if not paragraphs:
        raise ValueError("no cues (no line like '00:00:01.000 --> 00:00:04.000' followed by text)")
    return paragraphs


# Rendering


def _render(video: Video, *, page: Page, config: MkDocsConfig, files: Files, language: str) -> str:
    default = _default_caption_language(video, language, config)
    order = [default] + [lang for lang in video.captions if lang != default]
    ui = {key: _ui[key][language] for key in UI_KEYS}
    tracks = [
        {
            "lang": lang,
            "label": _label(lang, language),
            "src": _url(video.captions[lang], page, files),
        }
        for lang in order
    ]
    context = {
        "video": {
            "src": _url(video.file, page, files),
            "type": VIDEO_TYPES[PurePosixPath(video.file).suffix.lower()],
            "tracks": tracks,
            "transcript": video.transcripts[default],
            "transcript_lang": default if default != language else None,
            "transcript_language_name": _ui[f"language_{default}"][language],
        },
        "ui": ui,
    }
    rendered = theme_env(config).get_template(PARTIAL).render(**context)
    # Python-Markdown keeps a block of raw HTML whole only if it has no blank line.
    html_block = "\n".join(line for line in rendered.splitlines() if line.strip())
    return f"## {ui['video_heading']} {{#{ANCHOR}}}\n\n{html_block}\n"


def _default_caption_language(video: Video, language: str, config: MkDocsConfig) -> str:
    if language in video.captions:
        return language
    default = site_languages.languages(config).default
    return default if default in video.captions else next(iter(video.captions))


def _label(lang: str, page_language: str) -> str:
    """A track's label: the language's own name, and the page language's name for it if they differ."""
    own = _ui[f"language_{lang}"][lang]
    own = own[:1].upper() + own[1:]
    if lang == page_language:
        return own
    return f"{own} ({_ui[f'language_{lang}'][page_language]})"


def _url(path: str, page: Page, files: Files) -> str:
    file = files.get_file_from_path(path)
    target = file.url if file is not None else path
    return get_relative_url(target, page.url)


def insert_before_first_h2(markdown: str, block: str) -> str:
    """Put `block` before the first level-2 heading outside code fences, or at the end."""
    lines = markdown.split("\n")
    fence: str | None = None
    for index, line in enumerate(lines):
        match = _FENCE_RE.match(line)
        if match:
            marker = match.group(1)
            if fence is None:
                fence = marker[0] * len(marker)
            elif marker.startswith(fence):
                fence = None
            continue
        if fence is None and re.match(r"^##[ \t]+\S", line):
            return "\n".join(lines[:index] + [block] + lines[index:])
    return markdown.rstrip("\n") + "\n\n" + block


def _shown(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path.as_posix()


def _config_label(config: MkDocsConfig) -> str:
    return Path(config.config_file_path).name if config.config_file_path else "mkdocs.yml"
