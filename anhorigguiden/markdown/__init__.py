"""The page syntax as Python-Markdown extensions, named under `markdown_extensions:`.

One module per extension, each with `makeExtension(**kwargs)` and a `config`, so that it
runs wherever Python-Markdown does (MkDocs, ProperDocs, Zensical):

- `marker_check`: refuses `--8<--` lines first, and any `[[...]]` marker left over last;
- `contacts`: `[[contacts]]` and `[[contacts:compact]]`;
- `citations`: `[[fact:]]`, `[[source:]]` and `[[law:]]`;
- `citation_refs`: numbered references moved to the end of their block;
- `glossary`: the first use of each glossary term explained in place.

Shared by them: `page` (which page a converter converts, and in which language) and
`registry` (the data files they read, loaded once per content of those files).
"""
