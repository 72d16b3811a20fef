# Everyday commands. `make install` once, then `make check` before every commit.
.PHONY: install test lint format typecheck check golden bench clean

VENV ?= .venv
BIN = $(VENV)/bin

install:
	python3 -m venv $(VENV)
	$(BIN)/pip install -e '.[test]'

test:
	$(BIN)/pytest

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format:
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

typecheck:
	$(BIN)/mypy

check: lint typecheck test

golden:  ## refresh the golden Markdown drafts after an intended change
	$(BIN)/pytest tests/test_golden.py --update-golden

bench:  ## by hand, on a quiet machine; figures go into BENCHMARKS.md
	$(BIN)/python benchmarks/bench_draft.py
	$(BIN)/python benchmarks/bench_docx.py
	$(BIN)/python benchmarks/bench_bank_load.py
	$(BIN)/python benchmarks/bench_compose.py
	$(BIN)/python benchmarks/bench_mine.py

clean:
	rm -rf build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
	find drafter -name "*.so" -delete; rm -f *__mypyc*.so  # the compiled miner (setup.py): pure Python until reinstalled
