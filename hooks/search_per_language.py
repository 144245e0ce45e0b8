"""Search results in the reader's language only.

mkdocs-static-i18n builds each language in turn and then writes one merged search index
to `site/search/`, with the other languages' pages under their folder (`en/...`). Every
page, whatever its language, loads the index from `__config.base`, the site root.

This hook, after the last language has been built, splits the merged index into one index
per language (`site/search/` for the default language, `site/<lang>/search/` for the
others, locations made relative to that folder, lunr set to that language alone), and
points each non-default page's `__config.base` at its language folder. Each language's
index also gets its search words (data/synonyms.yml, anhorigguiden/search_synonyms.py). `base` is only
used by Material's scripts to find the index and resolve result links; the page's own
asset links do not depend on it.

A page not yet translated is built into the other languages' sites from the default
language's file (`fallback_to_default`). Its text is the default language's, already in
that language's index, so it is left out of the others' (Material does not parse a page
whose `search.exclude` is set).

Events: on_page_content (pages that fall back to the default language), on_post_page
(non-default languages), on_post_build (after i18n, priority -200).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page
from anhorigguiden.registry import registry_for
from anhorigguiden.search_synonyms import add_synonyms
from anhorigguiden.site_languages import page_language

# The one element we touch: Material's JSON configuration block.
_CONFIG_SCRIPT = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.DOTALL)


def _languages(config: MkDocsConfig) -> tuple[str | None, str | None, list[str]]:
    """(default, current, all built) languages, or Nones when i18n is not in use."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return None, None, []
    built = [lang.locale for lang in i18n.config.languages if lang.build]
    return i18n.default_language, i18n.current_language, built


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: object) -> str:
    _, current, _ = _languages(config)
    if current is not None and page_language(page, config) != current:
        page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
    return html


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    default, current, _ = _languages(config)
    if current is None or current == default:
        return output

    def repoint(match: re.Match) -> str:
        settings = json.loads(match.group(2))
        # With the trailing slash: Material resolves "search/..." and result links against it.
        settings["base"] = f"{settings['base']}/{current}/"
        return match.group(1) + json.dumps(settings, ensure_ascii=False) + match.group(3)

    return _CONFIG_SCRIPT.sub(repoint, output, count=1)


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built every language
def on_post_build(config: MkDocsConfig) -> None:
    default, _, built = _languages(config)
    i18n = config.plugins.get("i18n")
    if default is None or getattr(i18n, "building", False):
        return  # no i18n, or a nested language build: the outermost one finishes last
    root = _site_root(config, default)
    merged_path = root / "search" / "search_index.json"
    if not merged_path.exists():
        return
    merged = json.loads(merged_path.read_text(encoding="utf-8"))
    others = [lang for lang in built if lang != default]
    # Everyday words for what a page calls something else (data/synonyms.yml).
    synonyms = registry_for(config).synonyms
    for lang in built:
        index = split_index(merged, lang, others=others, default=default)
        index = add_synonyms(index, synonyms.for_language(lang), merged["config"]["separator"])
        target = root / ("" if lang == default else lang) / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def split_index(merged: dict, lang: str, *, others: list[str], default: str) -> dict:
    """The part of a merged index that belongs to `lang`, with locations relative to it."""

    def owner(location: str) -> str:
        first = location.split("/", 1)[0].split("#", 1)[0]
        return first if first in others else default

    prefix = "" if lang == default else f"{lang}/"
    docs = [
        {**doc, "location": doc["location"][len(prefix):]}
        for doc in merged["docs"]
        if owner(doc["location"]) == lang
    ]
    return {**merged, "config": {**merged["config"], "lang": [lang]}, "docs": docs}


def _site_root(config: MkDocsConfig, default: str) -> Path:
    """The site folder of the default language (i18n moves site_dir per language)."""
    i18n = config.plugins["i18n"]
    site_dir = Path(config.site_dir)
    current = i18n.current_language
    if current != default and site_dir.name == current:
        return site_dir.parent
    return site_dir
