# Everything a new user needs: `make demo` and `make test`. Python 3.11+ is the only prerequisite.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test check install system-deps lint typecheck bench clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

install: $(BIN)/.installed

system-deps:
	bash scripts/system-deps.sh

demo: install
	$(BIN)/followthrough demo

# Two runs: everything but the tests marked `alone` on every core (the fast tier and the
# slow tests that only compute, with injected clocks), then the `alone` ones (service
# processes, kills, real timeouts, browsers, Dovecot) one at a time, so their timing never
# competes with other tests (tests/conftest.py marks both). Both run even when the first
# fails; the exit status is a failure if either failed.
test: install system-deps
	$(BIN)/python -m pytest -m "not alone" -n auto; fast=$$?; \
	$(BIN)/python -m pytest -m alone; slow=$$?; \
	test $$fast -eq 0 -a $$slow -eq 0

# The fast tier while working, under a minute: SQLite only, no test marked `slow` (service
# processes, browsers, Dovecot, real timeouts; see tests/conftest.py), on every core.
check: install
	$(BIN)/python -m pytest -m "not slow" -k "not postgresql" -p no:cacheprovider -n auto

lint: install typecheck
	$(BIN)/ruff check . && $(BIN)/ruff format --check .

# Files and settings: [tool.mypy] in pyproject.toml (tests/test_style.py runs it too).
typecheck: install
	$(BIN)/python -m mypy

bench: install
	$(BIN)/python benchmarks/extract_bench.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache .mypy_cache
