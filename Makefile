# dossier — the two commands a new machine needs are `make demo` and `make test`.
PYTHON ?= python3.11
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
DEMO_DB ?= demo.sqlite

.PHONY: venv demo test lint bench-smoke clean

$(STAMP): requirements.lock requirements-dev.lock requirements-bench.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade "pip>=24"
	$(PY) -m pip install --quiet -r requirements.lock -r requirements-dev.lock -r requirements-bench.lock
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

venv: $(STAMP)

demo: $(STAMP)
	rm -f $(DEMO_DB)
	$(VENV)/bin/dossier --db $(DEMO_DB) ingest examples/
	$(VENV)/bin/dossier --db $(DEMO_DB) timeline
	@echo
	@echo "Try next:"
	@echo "  $(VENV)/bin/dossier --db $(DEMO_DB) quotes --entity Putin"
	@echo "  $(VENV)/bin/dossier --db $(DEMO_DB) events --since 2024-01-01"
	@echo "  $(VENV)/bin/dossier --db $(DEMO_DB) contradictions"
	@echo "  $(VENV)/bin/dossier --db $(DEMO_DB) corroboration"
	@echo "  $(VENV)/bin/dossier --db $(DEMO_DB) stories"
	@echo "  $(VENV)/bin/dossier --db $(DEMO_DB) explain ROW_ID   (an id from the timeline)"
	@echo "  $(VENV)/bin/dossier --db $(DEMO_DB) entities"
	@echo "  $(VENV)/bin/dossier --db $(DEMO_DB) articles --json"
	@echo "  $(VENV)/bin/dossier --db $(DEMO_DB) timeline --key"
	@echo "  $(VENV)/bin/dossier --db $(DEMO_DB) serve   (the web workspace at http://127.0.0.1:8765/)"
	@echo "  $(VENV)/bin/dossier --db $(DEMO_DB) ingest ../shared/seeds"

test: $(STAMP)
	$(PY) -m pytest -q

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests scripts
	$(VENV)/bin/ruff format --check src tests scripts
	$(VENV)/bin/mypy

clean:
	rm -rf $(VENV) $(DEMO_DB) .pytest_cache .mypy_cache .ruff_cache
