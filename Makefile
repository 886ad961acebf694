# Two commands on a fresh clone: `make site` and `make test`.
# The main environment (.venv) runs on python3 >= 3.11 with the exact pins in requirements.lock.
# The registry packages need Python >= 3.12 and live apart in .venv-registry: they are tools
# that `site-builder import-registry` runs, never imported by the site builder itself.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
REGISTRY_VENV := .venv-registry
# First Python >= 3.12 found: explicit names, then pyenv's versions (the `python3.12` shim may fail).
REGISTRY_PYTHON ?= $(shell for p in $$(command -v python3.13 python3.12 2>/dev/null) $$(ls -d $${PYENV_ROOT:-$$HOME/.pyenv}/versions/3.1[2-9]*/bin/python 2>/dev/null); do "$$p" -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1 && echo "$$p" && break; done)

.PHONY: site test test-zensical same-site check lint test-tools serve validate import-registry release benchmark clean translations

# What renders the generated docs: mkdocs (MkDocs + mkdocs-material, the default) or zensical.
ENGINE ?= mkdocs

$(BIN)/site-builder: requirements.lock pyproject.toml
	$(PYTHON) -c 'import sys; sys.exit("Python 3.11 or newer is needed, found " + sys.version.split()[0]) if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

$(REGISTRY_VENV)/bin/python: requirements-registry.lock
	@test -n "$(REGISTRY_PYTHON)" || { echo "The registry packages need Python 3.12 or newer; none found. Install one (e.g. pyenv install 3.12) or pass REGISTRY_PYTHON=/path/to/python3.12." >&2; exit 1; }
	$(REGISTRY_PYTHON) -m venv $(REGISTRY_VENV)
	$(REGISTRY_VENV)/bin/python -m pip install --quiet -r requirements-registry.lock
	touch $@

site: $(BIN)/site-builder
	$(BIN)/site-builder build --engine $(ENGINE)

# A dated, immutable copy of the data packages in releases/<YYYY-MM-DD>/ (commit it);
# `make release DATE=2025-12-31` to choose the day (default: the day of the last commit).
release: $(BIN)/site-builder
	$(BIN)/site-builder release $(if $(DATE),--date $(DATE))

validate: $(BIN)/site-builder
	$(BIN)/site-builder validate

import-registry: $(BIN)/site-builder $(REGISTRY_VENV)/bin/python
	$(BIN)/site-builder import-registry --registry-python $(REGISTRY_VENV)/bin/python

# The translation catalogs (site_builder/pages/catalogs.py): the template site.pot extracted from
# en.yaml and the data dictionary's descriptions, each language's site.po updated from it (a
# changed English text becomes a fuzzy entry to review), then compiled to check them. The build
# reads the .po files; the compiled .mo files are not committed (.gitignore).
TRANSLATIONS := site_builder/translations
translations: $(BIN)/site-builder
	$(BIN)/pybabel extract -F $(TRANSLATIONS)/babel.cfg --no-location --omit-header --no-wrap -o $(TRANSLATIONS)/site.pot .
	$(BIN)/pybabel update -D site -i $(TRANSLATIONS)/site.pot -d $(TRANSLATIONS) --no-wrap
	$(BIN)/pybabel compile -D site -d $(TRANSLATIONS) --statistics

# Style (seconds): ruff's rules and format.
lint: $(BIN)/site-builder
	$(BIN)/ruff check site_builder tests benchmarks
	$(BIN)/ruff format --check site_builder tests benchmarks

# Test processes (pytest-xdist): one per core by default.
PYTEST_WORKERS ?= auto
# The site the browser tests share, built once before them (tests/e2e/conftest.py: TEST_SITE).
TEST_WORK := build/test

# What the tests need that pip cannot install: Debian's Chromium and DejaVu fonts, Node.js and npm
# (installed with apt-get as root or with sudo; otherwise the one command to run is named).
test-tools:
	@sh tests/install-test-tools.sh

# axe-core and Lighthouse for the browser tests, at the exact versions of package-lock.json.
node_modules/axe-core/axe.min.js: package.json package-lock.json | test-tools
	npm ci --no-audit --no-fund
	touch $@

# Day-to-day: style, then every test that needs no browser, no registry packages and no full
# build of the real site (under 2 minutes on 2 cores).
check: lint $(BIN)/site-builder
	$(BIN)/python -m pytest -q -n $(PYTEST_WORKERS) --ignore=tests/e2e -m "not registry and not slow"

# Everything: style, the real site built once, then the whole suite over $(PYTEST_WORKERS) processes,
# then Lighthouse alone: it times pages, so nothing else may run beside it.
TEST_ENV = TEST_SITE=$(CURDIR)/$(TEST_WORK)/site REGISTRY_PYTHON=$(CURDIR)/$(REGISTRY_VENV)/bin/python
test: lint $(BIN)/site-builder $(REGISTRY_VENV)/bin/python node_modules/axe-core/axe.min.js
	$(BIN)/site-builder build --site-dir $(TEST_WORK)/site --work-dir $(TEST_WORK)/build
	$(TEST_ENV) $(BIN)/python -m pytest -q -n $(PYTEST_WORKERS) -m "not lighthouse"
	$(TEST_ENV) $(BIN)/python -m pytest -q -m lighthouse

# A refactoring keeps the site's bytes: this tree's site compared with the site of BASE (a commit),
# each built from its own code and data with the same build date (make same-site BASE=main~1).
same-site: $(BIN)/site-builder
	@test -n "$(BASE)" || { echo "make same-site BASE=<commit>: the commit to compare this tree's site with"; exit 2; }
	SAME_AS=$(BASE) $(BIN)/python -m pytest -q tests/e2e/test_e2e_same_as_base.py

# The page contracts on the site Zensical renders from the same generated docs (CI's `zensical` job):
# every page, anchor, download and the catalogue, both editions, search, no request to another host,
# every page type under its Content-Security-Policy with no violation.
PAGE_CONTRACT_TESTS := tests/e2e/test_e2e_site.py tests/e2e/test_e2e_editions.py tests/e2e/test_e2e_units.py \
	tests/e2e/test_e2e_catalogue.py tests/e2e/test_e2e_search.py tests/e2e/test_e2e_csp.py
test-zensical: $(BIN)/site-builder
	$(BIN)/site-builder build --engine zensical --site-dir build/test-zensical/site --work-dir build/test-zensical/build
	TEST_SITE=$(CURDIR)/build/test-zensical/site $(BIN)/python -m pytest -q -n $(PYTEST_WORKERS) -m "not lighthouse" $(PAGE_CONTRACT_TESTS)

# A preview on http://127.0.0.1:8000/ that rebuilds what changed and reloads the page (see `site-builder serve --help`).
serve: $(BIN)/site-builder
	$(BIN)/site-builder serve

# Every benchmark, each beside its floor measured in the same run, into benchmarks/RESULTS.md:
# the build at 1x, 10x, 100x and 10,000 figure rows (per stage, peak memory, site size), validate
# at 100k and 1M rows, first-load bytes in a browser, the preview's reaction to an edit (about 35
# minutes on 2 cores).
BENCH_OUT := build/benchmarks
benchmark: $(BIN)/site-builder node_modules/axe-core/axe.min.js
	mkdir -p $(BENCH_OUT)
	$(BIN)/python benchmarks/bench_build.py --scales 1,10,100 --rows 10000 --runs 1 --output $(BENCH_OUT)/1-build.md
	$(BIN)/python benchmarks/bench_validate.py --output $(BENCH_OUT)/2-validate.md
	$(BIN)/python benchmarks/bench_first_load.py > $(BENCH_OUT)/3-first-load.md
	$(BIN)/python benchmarks/bench_serve.py --output $(BENCH_OUT)/4-serve.md
	$(BIN)/python benchmarks/bench_engines.py --runs 3 --output $(BENCH_OUT)/5-engines.md
	for part in $(BENCH_OUT)/1-build.md $(BENCH_OUT)/2-validate.md $(BENCH_OUT)/3-first-load.md $(BENCH_OUT)/4-serve.md $(BENCH_OUT)/5-engines.md; do cat $$part; echo; done > benchmarks/RESULTS.md
	$(BIN)/python benchmarks/bench_charts.py

clean:
	rm -rf site build .pytest_cache
