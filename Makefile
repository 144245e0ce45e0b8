# The commands a person needs. Each sets itself up first (scripts/setup.sh is idempotent).
.PHONY: setup serve build build-offline print test check check-content bench review

setup:
	scripts/setup.sh

# `make serve LANGUAGE=sv` builds the Swedish pages only: each rebuild after an edit takes
# about a quarter of the time of all four languages. Only the default language can be built
# alone (mkdocs-static-i18n makes the one language built the default, and the other
# languages' pages are written as translations of the Swedish ones).
serve: setup
	$(if $(filter-out sv,$(LANGUAGE)),$(error LANGUAGE=$(LANGUAGE): only LANGUAGE=sv, the default language, can be served alone; leave LANGUAGE out to serve all four))
	$(if $(LANGUAGE),ANHORIGGUIDEN_ONLY_LANGUAGE=$(LANGUAGE)) NO_MKDOCS_2_WARNING=1 .venv/bin/mkdocs serve --dev-addr 127.0.0.1:8000

build: setup
	NO_MKDOCS_2_WARNING=1 .venv/bin/mkdocs build --strict

# The copy opened from disk (file://, no server): site-offline/. See README, "Self-hosting".
build-offline: setup
	ANHORIGGUIDEN_OFFLINE=true NO_MKDOCS_2_WARNING=1 .venv/bin/mkdocs build --strict -d site-offline

# The whole guide to print and hand out, per language: print/anhorigguiden-<lang>.{html,pdf}.
print: build
	scripts/setup.sh --browser
	.venv/bin/python scripts/print_guide.py --site site --out print

# The content alone (data files, front matter, markers, then a strict build for links,
# anchors and translations), every problem at once, in seconds, without a browser.
check-content: setup
	.venv/bin/python scripts/check_content.py

# CI runs the content check first, so a content mistake fails fast, then every test.
test:
	scripts/setup.sh --browser
	.venv/bin/python scripts/check_content.py
	.venv/bin/python -m pytest

# The quality gates alone (HTML validity, links and anchors, reproducible build, property
# tests): a quick check before `make test`, which runs them too.
check:
	scripts/setup.sh --browser
	.venv/bin/python -m pytest tests/test_quality_gates.py tests/test_properties.py

# This site against stock Material, side by side: writes bench/results/latest.{json,md}.
bench:
	scripts/setup.sh --browser
	.venv/bin/python scripts/bench.py $(BENCH_ARGS)

# What is due for review (pages, translations, sources, law references, training paths),
# the oldest first; never fails. REVIEW_ARGS="--html site/redaktion/granskning/index.html"
# also writes a page for the editors (not linked from the guide).
review: setup
	.venv/bin/python scripts/review_report.py $(REVIEW_ARGS)
