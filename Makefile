# Stridewell — the commands a newcomer needs.  `make run` and `make test` set everything up themselves.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint bench setup clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: setup
	$(BIN)/stridewell init
	$(BIN)/stridewell serve --host 127.0.0.1 --port 8000

test: setup
	$(BIN)/pytest -n 2 -q

lint: setup
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy

bench: setup
	$(BIN)/pip install --quiet -e '.[bench]'
	$(BIN)/python benchmarks/import_bench.py
	$(BIN)/python benchmarks/web_bench.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
