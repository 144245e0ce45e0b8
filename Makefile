# The commands a person needs. Each sets itself up first (scripts/setup.sh is idempotent).
.PHONY: setup serve build test

setup:
	scripts/setup.sh

serve: setup
	NO_MKDOCS_2_WARNING=1 .venv/bin/mkdocs serve --dev-addr 127.0.0.1:8000

build: setup
	NO_MKDOCS_2_WARNING=1 .venv/bin/mkdocs build --strict

test:
	scripts/setup.sh --browser
	.venv/bin/python -m pytest
