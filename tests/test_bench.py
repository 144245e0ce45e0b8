"""The benchmark's own logic (scripts/bench.py), on small inputs: what it builds as "stock",
which pages it samples, and what it reports. The benchmark itself runs with `make bench`."""

from __future__ import annotations

import importlib.util
import json

from sitebuilder import REPO

_spec = importlib.util.spec_from_file_location("bench", REPO / "scripts" / "bench.py")
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)


def test_stock_config_keeps_content_and_languages_and_drops_everything_of_ours(tmp_path):
    ours = bench.load_config(REPO / "mkdocs.yml")
    stock = bench.stock_config(ours, REPO, tmp_path / "docs")
    assert stock["theme"] == {"name": "material", "language": ours["theme"]["language"], "font": False}
    assert stock["nav"] == ours["nav"]
    # Python-Markdown's and pymdown's extensions as ours has them, but not our page syntax.
    ours_only = [entry for entry in ours["markdown_extensions"] if bench.is_ours(entry)]
    assert len(ours_only) == 5, ours_only
    assert stock["markdown_extensions"] == [entry for entry in ours["markdown_extensions"] if entry not in ours_only]
    assert stock["strict"] is False
    assert stock["plugins"][0] == "search"
    assert stock["plugins"][1]["i18n"]["languages"] == bench.plugin_entry(ours["plugins"], "i18n")["languages"]
    for key in ("hooks", "extra_css", "extra_javascript", "extra", "validation"):
        assert key not in stock


def test_stock_docs_drop_only_templates_that_material_does_not_have(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.md").write_text("---\ntitle: A\ntemplate: training/page.html\n---\n\ntemplate: stays in the text\n", encoding="utf-8")
    (docs / "b.md").write_text("---\ntitle: B\ntemplate: main.html\n---\n\nB\n", encoding="utf-8")
    (docs / "c.md").write_text("# C without front matter\n", encoding="utf-8")
    changed = bench.stock_docs(docs, tmp_path / "stock")
    assert changed == ["a.md"]
    assert (tmp_path / "stock" / "a.md").read_text(encoding="utf-8") == "---\ntitle: A\n---\n\ntemplate: stays in the text\n"
    assert (tmp_path / "stock" / "b.md").read_text(encoding="utf-8") == (docs / "b.md").read_text(encoding="utf-8")


def test_sample_pages_are_one_of_each_kind_that_exists(tmp_path):
    for path in (
        "index.html",
        "guider/index.html",
        "guider/stod/index.html",
        "utbildning/index.html",
        "utbildning/grund/index.html",
        "utbildning/grund/modul-ett/index.html",
        "utbildning/grund/intyg/index.html",
        "en/guider/stod/index.html",
        "assets/x/index.html",
    ):
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text("<html></html>", encoding="utf-8")
    assert bench.sample_pages(tmp_path, ["en"]) == {
        "start": "",
        "guide": "guider/stod/",
        "training module": "utbildning/grund/modul-ett/",
        "certificate": "utbildning/grund/intyg/",
    }


def test_the_search_index_is_found_as_the_browser_finds_it(tmp_path):
    # Material resolves "search/search_index.json" against config.base: without a trailing
    # slash, "../en" points at the root's index, and the benchmark must say so.
    for folder, base in (("", "."), ("en/", "../en")):
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
        config = json.dumps({"base": base})
        (tmp_path / folder / "index.html").write_text(f'<script id="__config" type="application/json">{config}</script>', encoding="utf-8")
        (tmp_path / folder / "search").mkdir()
        (tmp_path / folder / "search" / "search_index.json").write_text(json.dumps({"docs": [{}] * (2 if folder else 1)}), encoding="utf-8")
    found = bench.search_indexes(tmp_path, ["sv", "en"], "sv")
    assert found["sv"]["file"] == "search/search_index.json"
    assert found["en"]["file"] == "search/search_index.json"


def test_the_report_shows_every_ratio_beside_its_figures():
    results = {
        "started": "2026-11-22T20:00:00+00:00",
        "tree": "/x",
        "machine": {"cpus": 2, "load_before": 1.0, "load_after": 1.0},
        "builds": {
            "ours": {"times": [2.0, 3.0, 4.0], "median": 3.0, "size": {"bytes": 300, "files": 3, "html_pages": 2}},
            "stock": {"times": [2.0, 2.0, 2.0], "median": 2.0, "size": {"bytes": 200, "files": 2, "html_pages": 2}},
            "ratio": 1.5,
        },
        "weight": {"guide": {"path": "guider/a/", "ours": {"total": 70, "by_category": {"js": 70}}, "stock": {"total": 100, "by_category": {"js": 100}}}},
        "notes": [],
    }
    table = bench.report_markdown(results)
    assert "| full build, median of 3 (s) | 3.00 | 2.00 | 1.50 | ≤ 1.3 | **not met** |" in table
    assert "| first load, guide `/guider/a/` (bytes) | 70 | 100 | 0.70 | ≤ 0.6 | **not met** |" in table
