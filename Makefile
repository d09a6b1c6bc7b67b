# The Green Customs site. `make help` lists the targets.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
SCHEDULE_ARGS ?= --leave-out focal-point-links
export GCI_DEMO_PASSWORD ?= green-customs-2009

# Install Debian packages when we are root with apt-get (a fresh machine, CI).
define apt_install
{ [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && \
  { [ -n "$$(ls -A /var/lib/apt/lists 2>/dev/null | grep -v lock)" ] || apt-get update -qq; } && \
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(1) >/dev/null; }
endef

.DEFAULT_GOAL := help
.PHONY: help install pdf-deps messages browser nginx nginx-smoke multihost-smoke run test test-quick lint format bench check-deploy clean

help: ## List the targets
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-14s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

install: $(BIN)/python ## Create .venv if missing, install pinned dependencies and this checkout, compile translations
	$(BIN)/pip install --quiet -r requirements-dev.txt
	@# The editable install records this checkout's path: re-run it in every clone.
	$(BIN)/pip install --quiet --no-deps -e .
	@mkdir -p var
	$(MAKE) --no-print-directory pdf-deps
	$(MAKE) --no-print-directory messages

pdf-deps: ## Debian's pango and Noto fonts for the Guide's PDFs (WeasyPrint; Arabic, Chinese), where this machine allows it
	@{ ldconfig -p 2>/dev/null | grep -q libpangoft2-1.0 && fc-list 2>/dev/null | grep -q 'Noto Sans CJK'; } || \
		$(call apt_install,libpango-1.0-0 libpangoft2-1.0-0 fonts-noto-core fonts-noto-cjk) || \
		echo "pango or the Noto fonts could not be installed: the Guide's PDFs cannot be built here"

messages: ## Compile the gettext catalogues (installs Debian's gettext if missing and allowed)
	@command -v msgfmt >/dev/null || $(call apt_install,gettext)
	@command -v msgfmt >/dev/null || { echo "msgfmt not found: install Debian's 'gettext' (apt-get install gettext)"; exit 1; }
	$(MANAGE) compilemessages --ignore=.venv -v0

browser: ## Install Debian's Chromium for the browser journeys where this machine allows it
	@command -v chromium >/dev/null || $(call apt_install,chromium fonts-noto-core fonts-noto-cjk) || \
		echo "Chromium could not be installed: browser journeys will be skipped"

nginx: ## Install Debian's nginx, Redis and PostgreSQL for the smoke tests where this machine allows it
	@{ command -v nginx >/dev/null && command -v redis-server >/dev/null && \
		ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; } || \
		$(call apt_install,nginx redis-server postgresql) || \
		echo "nginx, Redis or PostgreSQL could not be installed: the smoke tests will be skipped"

nginx-smoke: install nginx ## Try docs/nginx/gci.conf: nginx in front of gunicorn, media rules checked
	scripts/nginx_smoke.sh

multihost-smoke: install nginx ## Two app hosts behind nginx on one PostgreSQL, two Redis, shared media, a worker
	scripts/multihost_smoke.sh

run: export WAGTAILADMIN_BASE_URL ?= http://$(HOST):$(PORT)
run: export GCI_RUN_ADDRESS = $(HOST):$(PORT)
# The scheduler leaves out the focal-point link check (it fetches the partners'
# real sites): `make run SCHEDULE_ARGS=` runs it too.
run: export GCI_SCHEDULE_ARGS = $(SCHEDULE_ARGS)
run: install ## Install, migrate, load the demo, collect static; serve on http://127.0.0.1:8000 with the task worker and the scheduler
	$(MANAGE) migrate --no-input -v0
	$(MANAGE) load_demo
	$(MANAGE) build_guide_pdfs
	$(MANAGE) collectstatic --no-input -v0
	@echo ""
	@echo "  The site:        http://$(HOST):$(PORT)/en/   (also /fr/ /es/ /ru/ /ar/ /zh-hans/)"
	@echo "  Partners area:   http://$(HOST):$(PORT)/en/partners-area/"
	@echo "  Wagtail admin:   http://$(HOST):$(PORT)/admin/  (the Secretariat account sets up TOTP first)"
	@echo "  Read API:        http://$(HOST):$(PORT)/api/v2/pages/"
	@echo "  Demo password:   $(GCI_DEMO_PASSWORD)  (set GCI_DEMO_PASSWORD to change it)"
	@echo ""
	@echo "  Three processes, each line prefixed with its name; Ctrl-C stops all three:"
	@echo "    web        the site (runserver)"
	@echo "    worker     the task worker (manage.py db_worker): the background work; mail is printed as it leaves"
	@echo "    scheduler  manage.py run_schedule --loop: reminders, publishing, clean-ups (manage.py run_schedule --list)"
	@case " $(SCHEDULE_ARGS) " in *" focal-point-links "*) \
		echo "  Focal-point links are not checked here (that would fetch the Partners' real sites):"; \
		echo "  they show 'not checked yet'. 'make run SCHEDULE_ARGS=' checks them daily.";; esac
	@echo ""
	$(BIN)/honcho --procfile scripts/run.Procfile --app-root . --env /dev/null start

# The suite runs on every core (pytest-xdist); PYTEST_WORKERS=0 runs it in one process.
PYTEST_WORKERS ?= auto
PYTEST_PARALLEL = -n $(PYTEST_WORKERS) --durations=15

test: install browser nginx ## Install and run the whole suite (browser journeys included where Chromium is installed)
	$(BIN)/python -m pytest -q $(PYTEST_PARALLEL)

test-quick: ## Run the suite without browser journeys and benchmarks
	$(BIN)/python -m pytest -q $(PYTEST_PARALLEL) -m "not browser and not bench"

bench: install ## Large dataset, gunicorn under load: one table of figures (docs/performance.md)
	$(BIN)/python -m pytest -q -m bench -s
	@command -v wrk >/dev/null || $(call apt_install,wrk redis-server) || true
	$(BIN)/python scripts/bench.py

lint: ## ruff (lint and format check), djhtml, and no import cycle nor layer broken (scripts/check_imports.py)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check $$(git ls-files '*.html')
	$(BIN)/python scripts/check_imports.py
	$(MAKE) --no-print-directory typecheck

.PHONY: typecheck
typecheck: ## mypy on the service modules listed in pyproject.toml ([tool.mypy] modules)
	@# mypy cannot follow the editable install: it finds `gci` through this link.
	@mkdir -p var/typecheck && ln -sfn "$(CURDIR)" var/typecheck/gci
	$(BIN)/mypy

format: ## Format Python and templates in place
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml $$(git ls-files '*.html')

check-deploy: ## `check --deploy` under production settings with dummy values
	DJANGO_SETTINGS_MODULE=gci.site.settings.production \
	SECRET_KEY="$$(python3 -c 'import secrets; print(secrets.token_urlsafe(60))')" \
	ALLOWED_HOSTS=greencustoms.example CACHE_URL=redis://127.0.0.1:6379/0 \
	PAGE_CACHE_URL=redis://127.0.0.1:6380/0 \
	$(MANAGE) check --deploy --fail-level WARNING

clean: ## Remove the local database, media and collected static files (var/)
	rm -rf var
