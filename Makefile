# Situation Wiki. `make site` builds the wiki, `make test` checks it; both set up .venv first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: site serve test check clean

$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

site: $(STAMP)
	$(PY) -m generator ingest || echo "ingest: some input was skipped (see above); the site is built from the rest"
	$(PY) -m generator retag
	$(PY) -m generator link
	$(PY) -m generator check
	$(VENV)/bin/mkdocs build --strict

serve: site
	$(VENV)/bin/mkdocs serve

check: $(STAMP)
	$(PY) -m generator check

test: $(STAMP)
	$(VENV)/bin/ruff check generator tests
	$(PY) -m pytest -q

clean:
	rm -rf site $(VENV) .pytest_cache .ruff_cache
