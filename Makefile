# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
STAMP := $(VENV)/.installed
export DJANGO_DEBUG ?= 1
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install migrate demo run test lint format bench-detect bench-review bench-dashboard bench-load calibrate clean

$(STAMP): requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	# torch first, alone: pip takes the local CPU build, and stanza then finds it satisfied.
	$(PIP) install --quiet torch==2.13.0
	$(PIP) install --quiet -r requirements.txt
	touch $(STAMP)

install: $(STAMP)

migrate: install
	@mkdir -p var
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py load_demo

# A detection worker runs beside the web server and stops with it.
# Outlet feeds are fetched every 15 minutes by that worker (queued once; asking again adds nothing).
run: demo
	-$(PY) manage.py fetch_feeds --every 900
	$(PY) manage.py db_worker --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver $(HOST):$(PORT)

test: install
	@mkdir -p var
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) -m pytest

lint: install
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format: install
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

# Rebuild the engine's confidence table from the development gold sets (after changing the rules).
calibrate: install
	$(PY) -m tracker.attribution.calibrate

bench-detect: install
	$(PY) -m tracker.attribution.bench

# Server render time of the review page of a 5,000-word article with 150 quotes (throw-away database).
bench-review: install
	$(PY) -m tracker.bench_review

# Server render time of /dashboard/ over BENCH_QUOTES (default 100,000) synthetic quotes (throw-away database).
bench-dashboard: install
	$(PY) -m tracker.bench_dashboard

# 50 simulated editors against gunicorn + a throw-away PostgreSQL, 60 s, loopback only.
bench-load: install
	$(PIP) install --quiet -r requirements-bench.txt
	$(PY) bench/load.py

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache
