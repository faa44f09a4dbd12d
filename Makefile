# The two commands a newcomer needs: `make run` and `make test`. Everything else is optional.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
SEARCH_PORT ?= 9200
LOCAL_SEARCH_URL := http://127.0.0.1:$(shell echo $$(($(SEARCH_PORT)+1)))
PYTEST_ARGS ?=
# Tests run in parallel (pytest-xdist): independent tests spread over the workers, and the
# seeded demo site is built once and shared (tests/e2e/site_server.py). TEST_WORKERS=0 runs
# them in one process.
TEST_WORKERS ?= 2
PARALLEL := -n $(TEST_WORKERS) --dist loadgroup

.PHONY: help install run serve migrate seed search search-stop test test-fast e2e bench lint format messages check-deploy audit clean

help:
	@echo "make run     installera, migrera, fyll med demoinnehåll och starta på http://127.0.0.1:$(PORT)"
	@echo "             (med sökmotorn OpenSearch om Java 21+ finns, annars söker sajten i databasen)"
	@echo "make test    installera, starta OpenSearch vid behov och kör hela testsviten"
	@echo "make search  starta en lokal OpenSearch (Maven Central) på $(LOCAL_SEARCH_URL)"
	@echo "make e2e     webbläsar-, tillgänglighets- och feltester"
	@echo "make bench   prestandamätningar (bench/)"
	@echo "make lint    ruff (stil och format) och vulture (död kod)"
	@echo "make audit   kända sårbarheter i installerade paket (pip-audit)"

$(VENV)/.installed: pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "Hittar inte $(PYTHON). Installera Python 3.11."; exit 1; }
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip "setuptools>=78.1.1"  # venv ships setuptools 65.5 (CVE-2022-40897, CVE-2024-6345, CVE-2025-47273)
	$(PY) -m pip install --quiet ".[dev]"
	@touch $@

install: $(VENV)/.installed

messages: install
	@$(PY) manage.py compilemessages --ignore=.venv --ignore=search/engine >/dev/null

migrate: install messages
	$(PY) manage.py migrate --noinput

seed: migrate
	$(PY) manage.py seed_demo

# With the shipped OpenSearch when a suitable Java is on the machine (fetched the first time,
# started, stopped on Ctrl-C); without Java, one line says so and searches use the database.
run: migrate
	@search/engine/with-engine.sh --port $(SEARCH_PORT) -- bash -c '$(PY) manage.py seed_demo && \
	  echo "SYV-portalen startar på http://127.0.0.1:$(PORT)/ (Ctrl-C avslutar)" && \
	  exec $(PY) manage.py runserver 127.0.0.1:$(PORT)'

serve: install
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

search:
	search/engine/opensearch.sh start --port $(SEARCH_PORT)
	@echo "Sätt SEARCH_URL=$(LOCAL_SEARCH_URL) för att använda sökmotorn."

search-stop:
	search/engine/opensearch.sh stop --port $(SEARCH_PORT)

# Starts OpenSearch only when SEARCH_URL does not already answer, and stops only what it started.
test: install messages
	@set -euo pipefail; \
	url="$${SEARCH_URL:-$(LOCAL_SEARCH_URL)}"; started=""; \
	if ! curl -sf -m 3 "$$url" >/dev/null; then \
	  if [ -n "$${SEARCH_URL:-}" ] && [ "$$url" != "$(LOCAL_SEARCH_URL)" ]; then \
	    echo "SEARCH_URL=$$url svarar inte."; exit 1; fi; \
	  search/engine/opensearch.sh start --port $(SEARCH_PORT); started=1; \
	fi; \
	trap 'if [ -n "$$started" ]; then search/engine/opensearch.sh stop --port $(SEARCH_PORT); fi' EXIT; \
	SEARCH_URL="$$url" $(PY) -m pytest $(PARALLEL) $(PYTEST_ARGS)

# Without the engine, the browser and the demo site: under two minutes, for the edit-test loop.
test-fast: install messages
	$(PY) -m pytest -m "not search and not browser and not e2e" -x $(PARALLEL) $(PYTEST_ARGS)

# Browser, accessibility, API and fault checks against the seeded demo site (also part of `make test`).
e2e: install messages
	@set -euo pipefail; \
	url="$${SEARCH_URL:-$(LOCAL_SEARCH_URL)}"; started=""; \
	if ! curl -sf -m 3 "$$url" >/dev/null; then search/engine/opensearch.sh start --port $(SEARCH_PORT); started=1; fi; \
	trap 'if [ -n "$$started" ]; then search/engine/opensearch.sh stop --port $(SEARCH_PORT); fi' EXIT; \
	SEARCH_URL="$$url" $(PY) -m pytest -m "e2e or browser" $(PARALLEL) $(PYTEST_ARGS)

bench: install
	$(PY) bench/run.py

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/vulture  # dead code; settings in pyproject.toml, implicit uses in .ci/vulture_whitelist.py

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

check-deploy: install
	DJANGO_SETTINGS_MODULE=syvsite.settings.production SECRET_KEY=$$(head -c 64 /dev/urandom | base64 | tr -d '\n/+=' | head -c 60) \
	  ALLOWED_HOSTS=syv.example.se $(PY) manage.py check --deploy --fail-level WARNING

# Known vulnerabilities in the installed packages (pip-audit); ignores need a reason in .ci/audit-ignore.txt.
audit: install
	$(PY) .ci/audit.py

clean:
	rm -rf $(VENV) staticfiles var .pytest_cache
