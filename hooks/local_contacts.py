"""The organisation's local contacts in `[[contacts]]`: the theme's template and the
organisation's contacts for the contacts extension (anhorigguiden/markdown/contacts.py).

The extension replaces `[[contacts]]` and `[[contacts:compact]]`; without this hook it
renders upstream's template with no contacts. This hook gives it a `render` that uses the
theme's templates (so an organisation's overrides apply) and the contacts
hooks/organisation.py validated and published as `config.extra["organisation"]`.

Events: on_config (this language's interface strings; a fresh template environment; the
`render` function in the extension's config).
"""

from __future__ import annotations

from anhorigguiden.markdown.contacts import TEMPLATE
from anhorigguiden.partials import Partial
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

EXTENSION = "anhorigguiden.markdown.contacts"

_partial = Partial(TEMPLATE)


@event_priority(-200)  # after mkdocs-static-i18n has set up this language's build
def on_config(config: MkDocsConfig) -> None:
    _partial.start_build(config)  # this build's template folders and interface texts
    if EXTENSION in config.markdown_extensions:
        config.mdx_configs.setdefault(EXTENSION, {})["render"] = lambda variant, language: render(config, variant, language)


def render(config: MkDocsConfig, variant: str, language: str) -> str:
    """The partial for this language, as one HTML block without empty or indented lines."""
    organisation = config.extra.get("organisation")
    return _partial.render(
        config,
        ui=_partial.texts(language),
        variant=variant,
        contacts=organisation.contacts_in(language) if organisation is not None else [],
        organisation_name=organisation.organisation_name(language) if organisation is not None else None,
    )
