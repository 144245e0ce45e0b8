"""Bad and hostile inputs for tests/test_bad_inputs.py, one table per input file.

Each case: (id, the bad value, the key the error must name, a fragment of what it must
say). The values are what an editor's slip or a hostile copy could write: markup where
plain text belongs, addresses that run code, control characters, oversized text, dates
in the future, YAML that expands or is not UTF-8, and SVG logos that run or load things.
"""

from __future__ import annotations

import datetime as dt

TODAY = dt.date(2026, 11, 27)
TOMORROW = TODAY + dt.timedelta(days=1)
SCRIPT = "<script>alert(1)</script>"
REFRESH = '"><meta http-equiv="refresh" content="0;url=https://evil.example/">'

# --- front matter (a page, after the folder defaults are merged) -----------------------

FRONT_MATTER = [
    ("title-script", {"title": "Hej " + SCRIPT}, "title", "'<'"),
    ("title-meta-refresh", {"title": REFRESH}, "title", "'>'"),
    ("title-newline", {"title": "Vem\när anhörig?"}, "title", "U+000A"),
    ("title-nul", {"title": "Vem\x00 är anhörig?"}, "title", "U+0000"),
    ("title-bidi-override", {"title": "Vem \u202eär anhörig?"}, "title", "U+202E"),
    ("title-96kb", {"title": "x" * 96_000}, "title", "at most 120 characters (found 96000)"),
    ("title-121", {"title": "x" * 121}, "title", "at most 120 characters (found 121)"),
    ("title-number", {"title": 42}, "title", "a non-empty line of text"),
    ("description-markup", {"description": "Om <b>stöd</b>."}, "description", "'<'"),
    ("description-201", {"description": "x" * 201}, "description", "at most 200 characters (found 201)"),
    ("description-control", {"description": "Om stöd.\x1b[31m"}, "description", "U+001B"),
    ("reviewed-future", {"reviewed": TOMORROW}, "reviewed", "a date in the future"),
    ("reviewed-text", {"reviewed": "igår"}, "reviewed", "YYYY-MM-DD"),
    ("template-unknown", {"template": "nonexistent.html"}, "template", "a template that exists"),
    ("template-traversal", {"template": "../../etc/passwd.html"}, "template", "the theme's templates"),
    ("icon-unknown", {"icon": "material/no-such-icon"}, "icon", "an icon that exists"),
    ("icon-path", {"icon": "../secret"}, "icon", "the theme's icons"),
    ("audience-unknown", {"audience": ["grannar"]}, "audience", "anhoriga"),
    ("sources-unknown", {"sources": ["no-such-source"]}, "sources", "data/sources.yml"),
    ("hide-unknown", {"hide": ["everything"]}, "hide", "navigation"),
    ("unknown-key", {"audiance": ["anhoriga"]}, "audiance", "an unknown key"),
]

# --- a folder's .meta.yml (bytes, as the file is read) ----------------------------------

META_FILES = [
    ("meta-latin1", "audience: [anhöriga]\n".encode("latin-1"), "(file)", "not UTF-8"),
    ("meta-alias", b"audience: &a [anhoriga]\nsources: *a\n", "(YAML syntax)", "alias"),
    ("meta-list", b"- audience\n", "(file)", "'key: value' lines"),
    ("meta-unknown-key", b"audiance: [anhoriga]\n", "audiance", "an unknown key"),
    ("meta-bad-type", b"untranslated: yes\n", "untranslated", "two-letter language codes"),
    ("meta-description-markup", b"description: <img src=x>\n", "description", "'<'"),
    ("meta-reviewed-future", b"reviewed: 2026-11-28\n", "reviewed", "a date in the future"),
]

# --- data/sources.yml, facts.yml, law.yml (one entry each; {key} is the entry) ----------

SOURCE = {"publisher": "Regeringen", "title": "Ett beslut", "kind": "beslut", "kind_en": "decision"}
SOURCES = [
    ("url-javascript", {"url": "javascript:alert(1)"}, "src.url", "scheme 'javascript:'"),
    ("url-data", {"url": "data:text/html,<script>x</script>"}, "src.url", "'<'"),
    ("url-quote", {"url": 'https://example.org/"onmouseover="x'}, "src.url", "'\"'"),
    ("url-angle", {"url": "https://example.org/><script>"}, "src.url", "'>'"),
    ("url-space", {"url": "https://example.org/a b"}, "src.url", "' '"),
    ("url-relative", {"url": "/etc/passwd"}, "src.url", "a full address"),
    ("url-no-host", {"url": "https:///path"}, "src.url", "host name"),
    ("title-script", {"title": SCRIPT}, "src.title", "'<'"),
    ("publisher-long", {"publisher": "x" * 201}, "src.publisher", "at most 200"),
    ("kind-en-control", {"kind_en": "decision\x07"}, "src.kind_en", "U+0007"),
    ("note-markup", {"note": "Se <a href=x>här</a>"}, "src.note", "'<'"),
    ("read-future", {"read": TOMORROW}, "src.read", "a date in the future"),
    ("reference-markup", {"reference": "S2022/1<b>"}, "src.reference", "'<'"),
]
FACTS = [
    ("value-markup", {"sv": "<b>150 000</b>", "en": "150,000"}, "f.sv", "'<'"),
    ("value-long", {"sv": "1" * 201, "en": "1"}, "f.sv", "at most 200"),
    ("value-number", {"sv": 150000, "en": "150,000"}, "f.sv", "as text"),
]
LAWS = [
    ("name-markup", {"law": {"sv": "lagen <i>x</i>", "en": "the act"}}, "l.law.sv", "'<'"),
    ("provision-markup", {"provision": "2 kap. <b>3 §</b>", "verified": dt.date(2026, 1, 1)}, "l.provision", "'<'"),
    ("verified-future", {"provision": "2 kap. 3 §", "verified": TOMORROW}, "l.verified", "a date in the future"),
    ("provision-unverified", {"provision": "2 kap. 3 §"}, "l.verified", "nothing (the key is missing)"),
]
GLOSSARY = [
    ("term-markup", {"term": "<b>anhörig</b>", "forms": [], "definition": "En person."}, "g.sv.term", "'<'"),
    ("form-markup", {"term": "anhörig", "forms": ["<i>anhöriga</i>"], "definition": "En person."}, "g.sv.forms[1]", "'<'"),
    ("definition-long", {"term": "anhörig", "forms": [], "definition": "x" * 1001}, "g.sv.definition", "at most 1000"),
    ("definition-control", {"term": "anhörig", "forms": [], "definition": "En\x00 person."}, "g.sv.definition", "U+0000"),
]

# --- data/ui.yml: (id, change to the real registry, key, fragment) ----------------------

UI = [
    ("placeholder-typo", ("set", "training_module_description", "sv", "Modul {number} av {total}: {modul}. {path}"), "training_module_description.sv", "{modul}"),
    ("placeholder-missing", ("set", "law_with_provision", "en", "{law}"), "law_with_provision.en", "no {provision}"),
    ("stray-brace", ("set", "reviewed", "fi", "Tarkistettu {"), "reviewed.fi", "a brace"),
    ("positional-placeholder", ("set", "training_question", "ar", "{0}"), "training_question.ar", "{0}"),
    ("markup", ("set", "skip_to_content", "en", "Skip <b>to</b> content"), "skip_to_content.en", "'<'"),
    ("missing-language", ("delete", "not_found_title", "fi", None), "not_found_title.fi", "a non-empty text"),
    ("missing-key", ("delete", "read_aloud_label", None, None), "read_aloud_label", "the key is missing"),
    ("undeclared-key", ("set", "reviewd", "sv", "Granskad"), "reviewd", "did you mean 'reviewed'"),
    ("not-a-mapping", ("replace", "reviewed", None, "Granskad"), "reviewed", "a mapping of language codes"),
]

# --- organisation.yml: (id, keys merged into a minimal valid file, key, fragment) -----

ORGANISATION = [
    ("organisation-script", {"organisation": "Kommun " + SCRIPT}, "organisation", "'<'"),
    ("name-markup", {"name": {"sv": "Anhörigguiden <img src=x>", "en": "Guide"}}, "name", "'<'"),
    ("name-quote", {"name": 'Anhörigguiden "i" kommunen'}, "name", "straight double quote"),
    ("name-refresh", {"name": REFRESH}, "name", "'>'"),
    ("name-long", {"name": "x" * 121}, "name", "at most 120"),
    ("name-newline", {"name": "Anhörig\nguiden"}, "name", "U+000A"),
    ("publisher-markup", {"publisher": "<b>Kommunen</b>"}, "publisher", "'<'"),
    ("site-url-javascript", {"site_url": "javascript:alert(1)"}, "site_url", "scheme 'javascript:'"),
    ("site-url-quote", {"site_url": 'https://example.org/"><script>'}, "site_url", "'\"'"),
    ("site-url-relative", {"site_url": "/anhorigguiden/"}, "site_url", "a full address"),
    ("local-title-markup", {"local_pages": "sidor", "local_title": "Lokalt <script>"}, "local_title", "'<'"),
    ("contact-role-markup", {"contacts": [{"role": "<a href=x>Konsulent</a>", "phone": "0480-418020"}]}, "contacts[0].role", "'<'"),
    ("contact-name-control", {"contacts": [{"role": "Konsulent", "name": "Kim\u0007", "phone": "0480-418020"}]}, "contacts[0].name", "U+0007"),
    ("contact-web-javascript", {"contacts": [{"role": "Konsulent", "web": "javascript:alert(1)"}]}, "contacts[0].web", "scheme 'javascript:'"),
    ("contact-web-data", {"contacts": [{"role": "Konsulent", "web": "data:text/html;base64,PHNjcmlwdD4="}]}, "contacts[0].web", "scheme 'data:'"),
    ("contact-hours-markup", {"contacts": [{"role": "Konsulent", "phone": "0480-418020", "hours": {"sv": "<b>9-12</b>"}}]}, "contacts[0].hours", "'<'"),
    ("contact-address-long", {"contacts": [{"role": "Konsulent", "phone": "0480-418020", "address": "x" * 201}]}, "contacts[0].address", "at most 200"),
    ("contact-email-markup", {"contacts": [{"role": "Konsulent", "email": "<x>@example.se"}]}, "contacts[0].email", "email address"),
    ("contact-phone-letters", {"contacts": [{"role": "Konsulent", "phone": "0480-ANHORIG"}]}, "contacts[0].phone", "no letters"),
    ("unknown-key", {"accessibility_extra": {"method": "x"}}, "accessibility_extra", "an unknown key"),
    ("gap-markup", {"accessibility": {"known_gaps": [{"what": "[klicka](javascript:x) <b>", "reason": "non_compliance"}]}}, "accessibility.known_gaps[0].what", "'<'"),
    ("method-long", {"accessibility": {"method": "x" * 1001}}, "accessibility.method", "at most 1000"),
    ("report-form-javascript", {"accessibility": {"report": {"form": "javascript:alert(1)"}}}, "accessibility.report.form", "scheme 'javascript:'"),
    ("complaint-url-data", {"accessibility": {"complaint_url": "data:text/html,x"}}, "accessibility.complaint_url", "scheme 'data:'"),
    ("assessed-future", {"accessibility": {"assessed": TOMORROW}}, "accessibility.assessed", "a date in the future"),
    ("updated-future", {"accessibility": {"updated": dt.date(2027, 1, 1)}}, "accessibility.updated", "a date in the future"),
    ("colour-css-injection", {"colours": {"link": "#000;}body{display:none"}}, "colours.link", "'#rrggbb'"),
    ("sections-unknown", {"sections": ["../../etc"]}, "sections", "sections of the upstream guide"),
]

# --- the logo: SVG files (bytes) that must be refused -----------------------------------

_SVG = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">{}</svg>'
LOGOS = [
    ("script", _SVG.format("<script>alert(1)</script>"), "<script>"),
    ("onload", _SVG.format('<rect width="1" height="1" onload="alert(1)"/>'), "event-handler"),
    ("onclick-uppercase", _SVG.format('<rect ONCLICK="alert(1)"/>'), "event-handler"),
    ("foreign-object", _SVG.format("<foreignObject><div xmlns='http://www.w3.org/1999/xhtml'>x</div></foreignObject>"), "<foreignObject>"),
    ("javascript-href", _SVG.format('<a href="java&#x09;script:alert(1)"><rect/></a>'), "'javascript:'"),
    ("external-image", _SVG.format('<image xlink:href="https://tracker.example/p.png"/>'), "must not load anything"),
    ("external-use", _SVG.format('<use href="other.svg#icon"/>'), "must not load anything"),
    ("css-url", _SVG.format('<rect style="fill: url(https://tracker.example/x)"/>'), "url() only"),
    ("css-import", _SVG.format("<style>@import url(https://e.example/x.css);</style>"), "@import"),
    ("entity-bomb", '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>' + _SVG.format("&b;"), "DOCTYPE"),
    ("external-entity", '<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>' + _SVG.format("&x;"), "DOCTYPE"),
    ("stylesheet-pi", '<?xml-stylesheet href="https://e.example/x.css"?>' + _SVG.format(""), "processing instruction"),
    ("xinclude", _SVG.format('<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="/etc/passwd"/>'), "XInclude"),
    ("not-well-formed", '<svg xmlns="http://www.w3.org/2000/svg"><rect', "does not parse"),
    ("iframe", _SVG.format("<iframe src='https://e.example'/>"), "<iframe>"),
]
# What stays allowed: references inside the file and embedded pictures.
GOOD_LOGOS = [
    ("internal-use", _SVG.format('<defs><path id="p" d="M0 0h1"/></defs><use href="#p"/><use xlink:href="#p"/>')),
    ("gradient-url", _SVG.format('<linearGradient id="g"/><rect style="fill:url(#g)" fill="url(#g)"/>')),
    ("data-image", _SVG.format('<image href="data:image/png;base64,iVBORw0KGgo="/>')),
]

# --- Markdown that organisation or registry text must not be able to write --------------

MARKDOWN_TEXT = [
    ("link", "Ring [oss](javascript:alert(1))", "<a"),
    ("autolink", "<https://evil.example>", "<a"),
    ("html", '<img src=x onerror="alert(1)">', "<img"),
    ("emphasis", "**viktigt** och _kursiv_", "<strong>"),
    ("attr-list", "Text{: onclick=alert(1) }", 'onclick="'),
    ("list", "- punkt", "<li>"),
    ("ordered-list", "1. punkt", "<ol>"),
    ("heading", "# Rubrik", "<h1"),
    ("fence", "~~~\nkod\n~~~", "<pre"),
    ("abbr", "*[HTML]: Hyper", "<abbr"),
]
