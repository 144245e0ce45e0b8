"""Interface strings for our templates, one registry for every language.

Events: on_config (load and check `data/ui.yml` against the languages being built and
against the keys and placeholders declared in anhorigguiden/ui_keys.py),
on_env (put this language's strings into the template environment as `ui`, for content
pages and for theme templates such as 404.html).
"""

from __future__ import annotations

import difflib
import re
from typing import Any

from anhorigguiden.guide_data import GuideError, Problem, describe
from anhorigguiden.registry import registry_for
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from anhorigguiden.safe_text import LONG_TEXT_MAX, text_flaw
from anhorigguiden.ui_keys import UI_KEYS, UiStrings

SECTION = "Interface text"

_strings: dict[str, str] = {}
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@event_priority(-150)  # after i18n (-100), before the hooks (-200) that read the strings it checks
def on_config(config: MkDocsConfig) -> None:
    global _strings
    data = registry_for(config)
    path = data.folder / "ui.yml"
    # The whole file is checked once per build (the four language runs share the registry).
    data.derived("ui.yml checked", lambda: check_registry(data.ui, languages=built_languages(config), file=str(path)))
    _strings = UiStrings({key: texts[config.theme["language"]] for key, texts in data.ui.items()})


def on_env(env: Any, **_: Any) -> Any:
    """`ui` for every template of this language's build: content pages and theme templates
    such as 404.html (mkdocs-static-i18n makes a new environment for each language)."""
    env.globals["ui"] = _strings
    return env


def built_languages(config: MkDocsConfig) -> list[str]:
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return [config.theme["language"]]
    return [lang.locale for lang in i18n.config.languages if lang.build]


def strings_for(registry: Any, language: str, *, languages: list[str], file: str) -> UiStrings:
    """The strings of one language, after checking the whole registry against UI_KEYS."""
    check_registry(registry, languages=languages, file=file)
    return UiStrings({key: texts[language] for key, texts in registry.items()})


def check_registry(registry: Any, *, languages: list[str], file: str, declared: dict[str, tuple[str, ...]] = UI_KEYS) -> None:
    """Every declared key, and only those, with a plain text in every built language that
    has exactly the key's placeholders. Every problem of the file is reported at once."""
    if not isinstance(registry, dict):
        raise GuideError(file, [Problem("(file)", describe(registry), "a mapping of keys to {language: text}", "write 'key:' lines with one 'sv: text' line per language under each")], SECTION)
    problems = []
    for key in declared:
        if key not in registry:
            problems.append(Problem(key, "nothing (the key is missing)", "every key declared in anhorigguiden/ui_keys.py: templates and hooks use it", f"add '{key}:' with one line per language ({', '.join(languages)})"))
    for key, texts in registry.items():
        if key not in declared:
            close = difflib.get_close_matches(str(key), list(declared), n=1)
            problems.append(
                Problem(
                    str(key),
                    "a key that anhorigguiden/ui_keys.py does not declare",
                    "keys declared in anhorigguiden/ui_keys.py" + (f" (did you mean '{close[0]}'?)" if close else ""),
                    f"correct the key, or declare it: add '\"{key}\": (),' to anhorigguiden/ui_keys.py (with its placeholders, if any)",
                )
            )
            continue
        if not isinstance(texts, dict):
            problems.append(Problem(str(key), describe(texts), "a mapping of language codes to text", f"write '{key}:' and under it '  sv: ...', '  en: ...'"))
            continue
        for lang in languages:
            text = texts.get(lang)
            if not isinstance(text, str) or not text.strip():
                problems.append(Problem(f"{key}.{lang}", describe(text), "a non-empty text in that language", f"add '  {lang}: <text>' under '{key}:'"))
                continue
            flaw = text_flaw(text, max_length=LONG_TEXT_MAX, multiline=True)
            if flaw:
                problems.append(Problem(f"{key}.{lang}", flaw.found, flaw.expected, flaw.fix))
                continue
            problem = _placeholder_problem(f"{key}.{lang}", text, declared[key])
            if problem:
                problems.append(problem)
    if problems:
        raise GuideError(file, problems, SECTION)


def _placeholder_problem(key: str, text: str, expected: tuple[str, ...]) -> Problem | None:
    """The text's {placeholders} are exactly those the code fills in; no other braces."""
    found = _PLACEHOLDER.findall(text)
    stray = _PLACEHOLDER.sub("", text)
    wanted = ", ".join("{" + name + "}" for name in expected) or "no placeholders"
    if set(found) == set(expected) and "{" not in stray and "}" not in stray:
        return None
    unknown = [name for name in found if name not in expected]
    missing = [name for name in expected if name not in found]
    what = []
    if unknown:
        what.append("the unknown placeholder(s) " + ", ".join("{" + n + "}" for n in unknown))
    if missing:
        what.append("no " + ", ".join("{" + n + "}" for n in missing))
    if "{" in stray or "}" in stray:
        what.append("a brace that is not part of a {name} placeholder")
    return Problem(key, f"{' and '.join(what)} in {text!r}", f"a text with {wanted} (anhorigguiden/ui_keys.py)", f"write the placeholders exactly as {wanted}; the build fills them in, so translate the words around them, never the names")
