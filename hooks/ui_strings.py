"""Interface strings for our templates, one registry for every language.

Events: on_config (load and check `data/ui.yml` against the languages being built),
on_page_context and on_template_context (put this language's strings into the template
context as `ui`, for content pages and for theme templates such as 404.html).
"""

from __future__ import annotations

from typing import Any

from guide_data import GuideError, Problem, data_dir, describe, load_yaml_file
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

SECTION = "Interface text"

_strings: dict[str, str] = {}


@event_priority(-200)  # after mkdocs-static-i18n has chosen this build's language
def on_config(config: MkDocsConfig) -> None:
    global _strings
    path = data_dir(config) / "ui.yml"
    registry = load_yaml_file(path, section=SECTION)
    _strings = strings_for(registry, config.theme["language"], languages=built_languages(config), file=str(path))


def on_page_context(context: dict[str, Any], **_: Any) -> dict[str, Any]:
    context["ui"] = _strings
    return context


def on_template_context(context: dict[str, Any], **_: Any) -> dict[str, Any]:
    context["ui"] = _strings
    return context


def built_languages(config: MkDocsConfig) -> list[str]:
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return [config.theme["language"]]
    return [lang.locale for lang in i18n.config.languages if lang.build]


def strings_for(registry: Any, language: str, *, languages: list[str], file: str) -> dict[str, str]:
    """The strings of one language; every key must have text in every built language."""
    if not isinstance(registry, dict):
        raise GuideError(file, [Problem("(file)", describe(registry), "a mapping of keys to {language: text}", "write 'key:' lines with one 'sv: text' line per language under each")], SECTION)
    problems = []
    for key, texts in registry.items():
        if not isinstance(texts, dict):
            problems.append(Problem(str(key), describe(texts), "a mapping of language codes to text", f"write '{key}:' and under it '  sv: ...', '  en: ...'"))
            continue
        for lang in languages:
            if not isinstance(texts.get(lang), str) or not texts[lang].strip():
                problems.append(Problem(f"{key}.{lang}", describe(texts.get(lang)), "a non-empty text in that language", f"add '  {lang}: <text>' under '{key}:'"))
    if problems:
        raise GuideError(file, problems, SECTION)
    return {key: texts[language] for key, texts in registry.items()}
