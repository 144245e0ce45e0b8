"""Every key of data/ui.yml, with the placeholders its text must contain.

Not a hook: hooks/ui_strings.py checks data/ui.yml against this declaration when the build
starts, so that a template or hook never meets a missing key (a missing key would render
as an empty label, e.g. aria-label="") or a misspelt placeholder ('{modul}' where the
code fills in '{module}', which would stop the build with a KeyError).

To add a key: add its texts to data/ui.yml (one line per language) and one line here,
    "my_key": (),                    # a text without placeholders
    "my_count": ("done", "total"),   # a text with {done} and {total} in every language
A key in data/ui.yml that is not declared here stops the build, and so does a declared
key that data/ui.yml does not have.
"""

from __future__ import annotations

UI_KEYS: dict[str, tuple[str, ...]] = {
    "reviewed": (),
    "skip_to_content": (),
    "not_found_title": (),
    "not_found_text": (),
    "contacts_title": (),
    "contacts_phone": (),
    "contacts_email": (),
    "contacts_address": (),
    "contacts_hours": (),
    "contacts_web": (),
    "contacts_none_title": (),
    "contacts_none_text": (),
    "video_heading": (),
    "video_intro": (),
    "video_other_language": ("language",),
    "video_fallback": (),
    "video_download": (),
    "video_transcript": (),
    "language_sv": (),
    "language_en": (),
    "language_ar": (),
    "language_fi": (),
    "citation_source": (),
    "law_with_provision": ("provision", "law"),
    "sources_page_title": (),
    "sources_page_description": (),
    "sources_page_intro": (),
    "sources_publisher": (),
    "sources_kind": (),
    "sources_date": (),
    "sources_read": (),
    "sources_reference": (),
    "sources_url": (),
    "sources_cited_in": (),
    "sources_note": (),
    "sources_used_on": (),
    "sources_unused": (),
    "glossary_page_title": (),
    "glossary_page_description": (),
    "glossary_page_intro": (),
    "training_paths_heading": (),
    "training_for": (),
    "training_time": (),
    "training_minutes": ("minutes",),
    "training_module_count": (),
    "training_objectives": (),
    "training_modules": (),
    "training_progress_label": (),
    "training_progress": ("done", "total"),
    "training_badge_done": (),
    "training_module_of": ("number", "total"),
    "training_module_description": ("number", "total", "path", "module"),
    "training_part_of": (),
    "training_read": (),
    "training_read_text": (),
    "training_read_after": (),
    "training_reflection": (),
    "training_reflection_hint": (),
    "training_check": (),
    "training_question": ("number",),
    "training_choose_one": (),
    "training_choose_all": (),
    "training_answer_button": (),
    "training_show_answer": (),
    "training_right_answer": (),
    "training_right_answers": (),
    "training_source": (),
    "training_done_heading": (),
    "training_done_label": (),
    "training_pager_label": (),
    "training_previous": (),
    "training_next": (),
    "training_to_overview": (),
    "training_to_certificate": (),
    "training_certificate_heading": (),
    "training_certificate_intro": (),
    "training_certificate_link": (),
    "training_certificate_title": ("path",),
    "training_certificate_description": ("path",),
    "training_certificate_nojs": (),
    "training_certificate_incomplete": ("done", "total"),
    "training_certificate_name": (),
    "training_certificate_name_hint": (),
    "training_certificate_print": (),
    "training_certificate_kicker": (),
    "training_certificate_completed": (),
    "training_certificate_date": (),
    "training_certificate_code": (),
    "training_certificate_disclaimer": (),
    "training_code_heading": (),
    "training_code_text": (),
    "training_code_format": (),
    "training_code_date": (),
    "training_nojs": (),
    "training_tools": (),
    "training_storage_note": (),
    "training_export": (),
    "training_import": (),
    "training_reset": (),
    "training_reset_title": (),
    "training_reset_text": (),
    "training_reset_confirm": (),
    "training_cancel": (),
    "training_js_right": (),
    "training_js_wrong": (),
    "training_js_choose": (),
    "training_js_saved_done": ("progress",),
    "training_js_saved_not_done": ("progress",),
    "training_js_exported": ("file",),
    "training_js_imported": (),
    "training_js_import_bad": (),
    "training_js_reset_done": (),
    "training_js_no_storage": (),
    "statement_title": (),
    "statement_description": (),
    "footer_statement": (),
    "footer_publisher": (),
    "translation_missing": ("language",),
    "easy_read_link": (),
    "standard_link": (),
    "read_aloud_label": (),
    "read_aloud_listen": (),
    "read_aloud_pause": (),
    "read_aloud_resume": (),
    "read_aloud_stop": (),
}


class UiStrings(dict):
    """One language's strings. A key nobody declared stops the build with a message, for
    a template (`ui.some_key`) or a hook (`texts["some_key"]`) alike, instead of an empty
    label in a template or a KeyError in a hook."""

    def __missing__(self, key: str) -> str:
        # Imported here: guide_data imports MkDocs, which this declaration does not need.
        from guide_data import GuideError, Problem

        raise GuideError(
            "data/ui.yml",
            [
                Problem(
                    str(key),
                    "nothing: a template or hook asks for this key, which data/ui.yml does not have",
                    "a key declared in hooks/ui_keys.py with a text in every language in data/ui.yml",
                    f"add '{key}:' with one line per language to data/ui.yml and '\"{key}\": (),' to hooks/ui_keys.py, or correct the key's name in the template or hook",
                )
            ],
            "Interface text",
        )
