"""Our Markdown extensions get this language's build: its data folder and languages.

The page syntax ([[fact:]], [[source:]], [[law:]], [[contacts]], glossary terms, the
marker checks) is Python-Markdown extensions in anhorigguiden/markdown/, named under
`markdown_extensions:` in mkdocs.yml; they run without this hook too, with their defaults
(upstream's data/, Swedish). This hook only tells them what MkDocs knows and they cannot:
`extra.data_dir` (the tests' small registries), for each of mkdocs-static-i18n's builds
the language built and every built language, and the build's registry, so that the
extensions read the data files the hooks have loaded and checked (one load per build).
A page's own language and place they read from the converter (anhorigguiden/markdown/page.py).

Events: on_config (-200, after mkdocs-static-i18n has chosen this build's language).
"""

from __future__ import annotations

from anhorigguiden.guide_data import data_dir
from anhorigguiden.registry import registry_for
from anhorigguiden.site_languages import languages
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

# The extensions that read the registries, by the name mkdocs.yml gives them.
CONFIGURED = ("anhorigguiden.markdown.citations", "anhorigguiden.markdown.glossary", "anhorigguiden.markdown.contacts")


@event_priority(-200)  # after mkdocs-static-i18n has chosen this build's language
def on_config(config: MkDocsConfig) -> None:
    langs = languages(config)
    settings = {"registry": registry_for(config), "data_dir": str(data_dir(config)), "language": langs.current, "languages": list(langs.built)}
    for name in CONFIGURED:
        if name in config.markdown_extensions:
            options = dict(settings)
            if name.endswith(".contacts"):
                del options["languages"]  # it reads only ui.yml, in the page's language
            config.mdx_configs.setdefault(name, {}).update(options)
