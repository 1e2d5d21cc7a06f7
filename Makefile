# news-analysis-kit: `make report` and `make test` are the two commands in the README.
# Only Python 3.11+, bash and make are assumed; everything else is installed into .venv/.
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
ARTICLES ?= seeds
OUT ?= reports
JOBS ?=
TEST_JOBS ?= auto

.DEFAULT_GOAL := help

## help: list the targets
help:
	@grep -E '^## ' $(MAKEFILE_LIST) | sed 's/^## /  /'

## setup: create .venv and install the kit with its test tools (re-runs only when pyproject.toml changes)
setup: $(STAMP)

$(STAMP): pyproject.toml analysis/resource_cache.py
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed; run: make PYTHON=python3.11 ...")'
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --disable-pip-version-check -q -e '.[dev,dask]'
	@# the kit's own bytecode, so that every kernel, worker and command starts without compiling it
	@# (an editable install leaves it to the first import, and PYTHONDONTWRITEBYTECODE=1 forbids that)
	$(PY) -m compileall -q analysis
	@# resources decoded once (analysis/resource_cache.py): each process starts faster
	$(PY) -m analysis.resource_cache
	@touch $(STAMP)

## report: set up, then run every notebook on every article in ARTICLES (default seeds/) into OUT (default reports/)
report: $(STAMP)
	$(PY) -m analysis report $(ARTICLES) --out $(OUT) $(if $(JOBS),--jobs $(JOBS),)

## test: set up, then run the whole test suite (notebooks included)
test: $(STAMP)
	@$(MAKE) --no-print-directory browser
	$(PY) -m pytest -q -n $(TEST_JOBS) --dist loadfile

## browser: install Debian's chromium for the browser test when it is missing (root with apt-get only; never a browser download)
browser:
	@if command -v chromium >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "installing Debian's chromium for tests/test_browser.py ..."; \
	  (apt-get install -y -qq chromium >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null)); \
	else echo "note: chromium is not installed, so tests/test_browser.py is skipped (install it: sudo apt-get install chromium)"; fi

## lab: open the notebooks in JupyterLab
lab: $(STAMP)
	$(VENV)/bin/jupyter lab --no-browser notebooks/ $(if $(filter 0,$(shell id -u)),--allow-root,)

## clean: remove generated reports (keeps reports/README.md)
clean:
	find $(OUT) -mindepth 1 ! -name README.md -exec rm -rf {} +

.PHONY: help setup report test browser lab clean
