# Two commands for a newcomer: `make run` and `make test`. Each first checks the system packages it
# needs (scripts/system-deps.sh: installs them with apt as root or through sudo, else says how).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PORT ?= 8501
SYSTEM_DEPS := scripts/system-deps.sh

.PHONY: setup system-run system-test run test test-fast bench lint clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || { PYTHON=$(PYTHON) $(SYSTEM_DEPS) venv && $(PYTHON) -m venv $(VENV); }
	$(BIN)/pip install --quiet --upgrade "pip>=24"
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

system-run:  ## what `make run` needs: tesseract with Kazakh and Russian data (OCR)
	$(SYSTEM_DEPS) run

system-test:  ## what `make test` needs: the above plus PostgreSQL, Chromium, poppler-utils
	$(SYSTEM_DEPS) test

run: system-run setup  ## set up, ingest the bundled sample corpus, open the explorer
	$(BIN)/saual ingest samples/
	$(BIN)/saual serve --port $(PORT)

# Every tier runs: a test skipped for a missing PostgreSQL, tesseract or Chromium fails the run.
test: system-test setup  ## set up and run every test (SQLite and PostgreSQL, OCR, a real Chromium)
	SAUAL_STRICT_TESTS=1 $(BIN)/python -m pytest

test-fast: setup  ## the quick subset while editing: no slow, browser or PostgreSQL tests, skips allowed
	$(BIN)/python -m pytest -m "not slow and not browser and not postgres"

bench: setup  ## speed against the targets (NLP, parse, ingest, search, conflicts): one table, docs/BENCHMARKS.md
	$(BIN)/python -m tests.bench

lint: setup
	$(BIN)/ruff check ingest nlp corpus ui tests

clean:
	rm -rf $(VENV) data/saual.db data/saual.db-* .pytest_cache
