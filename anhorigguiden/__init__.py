"""Anhörigguiden's own code that is not a MkDocs hook: data loading and validation, the
Markdown extensions, and the helpers the hooks share.

The thin hooks in `hooks/` import from this package; this package never imports a hook,
so its code can move to another site engine without them (ARCHITECTURE.md, "Layout").
`scripts/setup.sh` installs it into `.venv` (editable), so that any engine that reads
`mkdocs.yml` can import it, from any working directory.
"""

__version__ = "1.0.0"
