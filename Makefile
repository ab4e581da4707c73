# Two commands for users:  `make lab`  and  `make test`.
# Everything else here is what those two need. Needs: Python >= 3.10 with its venv
# module (Debian/Ubuntu: apt-get install python3-venv), make, and access to PyPI.

PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
PORT   ?= 8888
HOST   ?= 127.0.0.1
# Jupyter refuses to run as root unless told to (containers, CI)
ROOT_FLAG := $(shell [ "$$(id -u)" = 0 ] && echo --allow-root)

.PHONY: setup lab test test-fast lint format bench chromium clean help

help:
	@echo "make lab        set up .venv, then start JupyterLab on notebooks/ (prints the URL)"
	@echo "make test       set up .venv, then run the whole test suite"
	@echo "make test-fast  unit tests only (no slow end-to-end or browser tests)"
	@echo "make bench      loading / cleaning speed on ../shared CLICK-ID (prints figures)"
	@echo "make chromium   install Debian's Chromium (static chart export, browser tests)"

## setup: create .venv and install newsanalysis with the notebook, scale and test extras
setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else "newsanalysis needs Python 3.10 or newer; run: make PYTHON=python3.11 ...")'
	@$(PYTHON) -c 'import venv, ensurepip' 2>/dev/null || { echo "Python's venv module is missing: on Debian/Ubuntu run 'apt-get install python3-venv'"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[lab,scale,dev]'
	touch $@

## lab: set up, then start JupyterLab on notebooks/ (prints the URL; no browser is opened)
lab: setup
	@mkdir -p notebooks
	@echo "Starting JupyterLab on notebooks/; open the http://$(HOST):$(PORT)/lab?token=... URL printed below."
	@echo "The bundled sample: import newsanalysis as na; result = na.load_sample()"
	@echo "Static chart export (PNG/SVG/PDF) uses a system Chromium: 'make chromium' installs Debian's package."
	$(VENV)/bin/jupyter lab --no-browser --ip=$(HOST) --port=$(PORT) --notebook-dir=notebooks $(ROOT_FLAG)

## test: set up, then run the whole test suite (slow and browser tests included)
test: setup
	$(PY) -m ruff check newsanalysis tests benchmarks scripts
	$(PY) -m pytest -q --timeout=900

## test-fast: unit tests only (skips slow end-to-end and browser tests)
test-fast: setup
	$(PY) -m pytest -q -m "not slow and not browser"

lint: setup
	$(PY) -m ruff check newsanalysis tests benchmarks scripts
	$(PY) -m ruff format --check newsanalysis tests benchmarks scripts

format: setup
	$(PY) -m ruff format newsanalysis tests benchmarks scripts

bench: setup
	nice $(PY) benchmarks/bench_load.py

## chromium: install Debian's Chromium (used for PNG/SVG/PDF export and the browser tests)
chromium:
	@if command -v chromium >/dev/null 2>&1; then echo "chromium: $$(command -v chromium)"; \
	elif [ "$$(id -u)" = 0 ]; then apt-get update && apt-get install -y chromium chromium-driver; \
	else sudo apt-get update && sudo apt-get install -y chromium chromium-driver; fi

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache .hypothesis
