# Two commands for a newcomer: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PORT ?= 8501

.PHONY: setup run test test-fast bench lint clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade "pip>=24"
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

run: setup  ## set up, ingest the bundled sample corpus, open the explorer
	$(BIN)/saual ingest samples/
	$(BIN)/saual serve --port $(PORT)

test: setup  ## set up and run every test (PostgreSQL, OCR and browser tiers included)
	$(BIN)/python -m pytest

test-fast: setup
	$(BIN)/python -m pytest -m "not slow and not browser and not postgres"

bench: setup  ## parse and extraction speed on the sample corpus
	$(BIN)/python -m tests.bench

lint: setup
	$(BIN)/ruff check ingest nlp corpus ui tests

clean:
	rm -rf $(VENV) data/saual.db data/saual.db-* .pytest_cache
