"""The copy that is opened from disk (file://), built with `make build-offline`.

Material's `offline` plugin (mkdocs.yml; enabled only when ANHORIGGUIDEN_OFFLINE=true)
turns off directory URLs and inlines the search index into `search/search_index.js`,
which a page opened from disk can load where it could not fetch the JSON. Two things it
does not do for this site, which this hook does when the plugin is enabled:

- it would add a script from a public CDN (iframe-worker, the Web Worker shim that search
  needs on file://) to `extra.polyfills`; this hook puts the vendored copy
  (docs/assets/vendor/iframe-worker/, from scripts/vendor.sh) there first, which the
  plugin then keeps, so nothing is downloaded;
- it inlines only the root index; hooks/search_per_language.py writes one index per
  language, so this hook writes `search_index.js` beside each of them.

Events: on_config (priority 50, before the plugin's), on_post_build (priority -300,
after hooks/search_per_language.py has split the index).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

SHIM = "assets/vendor/iframe-worker/shim.js"


def offline_enabled(config: MkDocsConfig) -> bool:
    plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
    return plugin is not None and bool(plugin.config.enabled)


@event_priority(50)  # before Material's offline plugin adds its CDN address
def on_config(config: MkDocsConfig) -> None:
    if not offline_enabled(config):
        return
    if not (Path(config.docs_dir) / SHIM).is_file():
        # A maintainer's step, not an author's mistake: README.md, "Self-hosting".
        raise PluginError(
            f"{SHIM} is missing from {config.docs_dir}: the offline copy needs the vendored "
            "iframe-worker shim. Run scripts/vendor.sh once and commit docs/assets/vendor/ "
            '(README.md, "Self-hosting").'
        )
    polyfills = config.extra.get("polyfills") or []
    if not any("iframe-worker" in str(script) for script in polyfills):
        config.extra["polyfills"] = [*polyfills, SHIM]


@event_priority(-300)  # after hooks/search_per_language.py (-200) wrote each language's index
def on_post_build(config: MkDocsConfig) -> None:
    if not offline_enabled(config):
        return
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return  # a nested language build: the outermost one finishes last
    for index in sorted(_site_root(config).glob("**/search/search_index.json")):
        write_inline_index(index)


def write_inline_index(index: Path) -> Path:
    """Write `search_index.js` beside `index`, as Material's offline plugin does for one."""
    script = index.with_suffix(".js")
    script.write_text("var __index = " + index.read_text(encoding="utf-8"), encoding="utf-8")
    return script


def _site_root(config: MkDocsConfig) -> Path:
    """The site folder of the default language (mkdocs-static-i18n moves site_dir per language)."""
    site_dir = Path(config.site_dir)
    i18n = config.plugins.get("i18n")
    if i18n is not None and i18n.current_language != i18n.default_language and site_dir.name == i18n.current_language:
        return site_dir.parent
    return site_dir
