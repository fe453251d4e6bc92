# CICA Docs — two commands for a new user: `make run` and `make test`.
SHELL := /bin/sh
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: install install-prod system-packages run dev test lint messages compilemessages bench bench-scale cluster-test typeset-proof clean

install: system-packages $(STAMP) compilemessages

# Pango, gettext and the rest: installed here when root with apt-get, else the one command.
system-packages:
	@scripts/system-packages dev

$(STAMP): requirements.lock
	@python=$$(scripts/find-python) || exit 1; \
	  if [ ! -x $(PY) ] || ! $(PY) -c 'import sys; sys.exit(sys.version_info < (3, 12))'; then \
	    echo "Creating $(VENV) with $$python"; rm -rf $(VENV); "$$python" -m venv $(VENV) || exit 1; \
	  fi
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	@scripts/check-system
	@mkdir -p var
	@touch $(STAMP)

# A server: the runtime lock only (no test stack, no browser), into $(VENV).
install-prod:
	@scripts/system-packages
	@python=$$(scripts/find-python) || exit 1; [ -x $(PY) ] || "$$python" -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-runtime.lock
	@scripts/check-system
	$(PY) manage.py compilemessages --ignore=.venv -v 0

compilemessages: $(STAMP)
	@$(PY) manage.py compilemessages --ignore=.venv -v 0

# The demo data (well-known passwords) loads only under the DEMO switch these two set.
run: export DEMO = 1
run: install
	$(PY) manage.py migrate --no-input -v 0
	$(PY) manage.py demo
	@scripts/run

# For people changing the code: Django's autoreloading server, DEBUG on, and the worker.
dev: export DEMO = 1
dev: export DEBUG = 1
dev: install
	$(PY) manage.py migrate --no-input -v 0
	$(PY) manage.py demo
	@scripts/dev

# One test process per CPU (pytest-xdist); `make test PYTEST_ARGS=` for one process.
PYTEST_ARGS ?= -n auto
test: install
	$(PY) -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check .

bench: export DEMO = 1
bench: install
	$(PY) manage.py migrate --no-input -v 0
	$(PY) manage.py demo > /dev/null
	$(PY) -m bench.run

# Two web nodes and two RQ workers on loopback, with S3 (moto), PostgreSQL and Redis:
# issues, renders, a killed worker, a Redis outage (scripts/cluster-test). Needs the
# machine's PostgreSQL at 127.0.0.1:5432 with the superuser postgres, as .ci/run sets up.
cluster-test: install
	$(PY) scripts/cluster-test

# 100,000 documents in a PostgreSQL database of its own (needs the postgres superuser on
# 127.0.0.1 and the roles cica_owner and cica_app); not run by CI.
bench-scale: install
	$(PY) -m bench.scale $(BENCH_ARGS)

# The reference package (note, concept paper, letter in each language) as PDFs and page
# images under var/typesetting/current/, with the widest word gap per language.
typeset-proof: install
	$(PY) scripts/typeset-proof $(PROOF)

messages: $(STAMP)
	$(PY) manage.py makemessages -l ru -l kk -l en --no-location --ignore=.venv --ignore=var
	@echo "Translate the new entries in locale/*/LC_MESSAGES/django.po, then: make compilemessages"

clean:
	rm -rf $(VENV) var
