# Two commands for users:  `make lab`  and  `make test`.
# Everything else here is what those two need.

PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
PORT   ?= 8888

.PHONY: setup lab test test-fast lint chromium clean

## setup: create .venv and install newsanalysis with the notebook, scale and test extras
setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --upgrade pip
	$(PY) -m pip install -e '.[lab,scale,dev]'
	touch $@

## lab: set up, then start JupyterLab on notebooks/ (prints the URL; no browser is opened)
lab: setup
	@echo "Static chart export (PNG/SVG/PDF) uses a system Chromium: 'make chromium' installs Debian's package."
	$(VENV)/bin/jupyter lab --no-browser --ip=127.0.0.1 --port=$(PORT) --notebook-dir=notebooks

## test: set up, then run the whole test suite (slow and browser tests included)
test: setup
	$(PY) -m ruff check newsanalysis tests benchmarks
	$(PY) -m pytest -q --timeout=900

## test-fast: unit tests only (skips slow end-to-end and browser tests)
test-fast: setup
	$(PY) -m pytest -q -m "not slow and not browser"

lint: setup
	$(PY) -m ruff check newsanalysis tests benchmarks
	$(PY) -m ruff format --check newsanalysis tests benchmarks

## chromium: install Debian's Chromium (used for PNG/SVG/PDF export and the browser tests)
chromium:
	@if command -v chromium >/dev/null 2>&1; then echo "chromium: $$(command -v chromium)"; \
	elif [ "$$(id -u)" = 0 ]; then apt-get update && apt-get install -y chromium chromium-driver; \
	else sudo apt-get update && sudo apt-get install -y chromium chromium-driver; fi

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache
