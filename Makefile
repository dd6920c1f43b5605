# Two commands on a fresh machine (Python 3.11+, pip, make):
#   make lab    set up .venv, then open the course in JupyterLab (options via ARGS="...")
#   make test   set up .venv, then run the unit tests and every notebook under nbval (strict),
#               on two workers (pytest-xdist; ARGS="-n 0" for one), then every notebook again with its
#               last bits disturbed (--disturb-bits --disturb-products)
#   make check  the fast loop while editing: ruff, unit tests and the bad-input battery
# For teachers: make assignments (nbgrader source + student release of every lesson, in assignments/).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# JupyterLab refuses to run as root unless told; CI and containers run as root.
ROOT_FLAG := $(shell [ "$$(id -u)" = 0 ] && echo --allow-root)
# jupyter_core warns about its path migration unless this is set; warnings are errors here.
export JUPYTER_PLATFORM_DIRS := 1

.PHONY: lab test check lint app setup notebooks clean assignments
setup: $(STAMP)

$(STAMP): requirements.txt requirements-teaching.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' || { \
	  echo "nn-course needs Python 3.11 or newer; $(PYTHON) is $$($(PYTHON) --version 2>&1)." \
	       "Install a newer Python and run e.g. 'make test PYTHON=python3.11'." >&2; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt -r requirements-teaching.txt -e .
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (nn-course)" >/dev/null
	touch $(STAMP)

lab: $(STAMP)
	$(BIN)/jupyter lab --notebook-dir=notebooks $(ROOT_FLAG) $(ARGS)

# The lesson-7 playground alone, as a web page for a projector (Voila, http://localhost:8866;
# options via ARGS, e.g. ARGS="--port=8900"): app/playground.ipynb shows the app and nothing else.
# app/voila.json: its page template (app/share/jupyter, no CDN), no lab extensions that are not Voila's,
# and idle kernels of closed pages culled after 15 minutes (a closed page also ends its own kernel).
APP_FLAGS := --no-browser --Voila.config_file_paths=app
app: $(STAMP)
	JUPYTER_PATH=$(CURDIR)/app/share/jupyter$${JUPYTER_PATH:+:$$JUPYTER_PATH} $(BIN)/voila app/playground.ipynb $(APP_FLAGS) $(ARGS)

LINTED := conftest.py nnlib tests benchmarks tools
lint: $(STAMP)
	$(BIN)/ruff check $(LINTED)

# Every lesson as an nbgrader assignment: assignments/source/<lesson>/ (for the teacher's own nbgrader
# course) and assignments/release/<lesson>/ (the student version: no solutions), with nbgrader_config.py.
assignments: $(STAMP)
	$(BIN)/python tools/make_assignments.py $(ARGS)

# JupyterHub's proxy for tests/test_hub.py: configurable-http-proxy from npm, pinned with its whole tree in
# tests/hub/package-lock.json (needs node >= 20 and npm). Without them the hub test skips, saying so.
CHP := tests/hub/node_modules/.bin/configurable-http-proxy
$(CHP): tests/hub/package.json tests/hub/package-lock.json
	@if command -v npm >/dev/null 2>&1 && npm ci --prefix tests/hub --no-audit --no-fund --loglevel=error; then \
	  echo "installed configurable-http-proxy $$($(CHP) --version) (node $$(node --version))"; \
	else \
	  echo "WARNING: could not install configurable-http-proxy (npm ci --prefix tests/hub; needs node >= 20," \
	       "npm and the npm registry): the JupyterHub test tests/test_hub.py will be SKIPPED" >&2; \
	fi

test: $(STAMP) $(CHP)
	$(BIN)/ruff check $(LINTED)
	$(BIN)/python -m pytest -W error -n 2 tests --nbval notebooks \
		--nbval-sanitize-with tests/nbval_sanitize.cfg --nbval-current-env $(ARGS)
	@# The disturbed-bits pass: every lesson again, its maths' last bits nudged as another machine's would be.
	$(BIN)/python -m pytest -W error -n 2 --nbval notebooks --disturb-bits --disturb-products \
		--nbval-sanitize-with tests/nbval_sanitize.cfg --nbval-current-env $(ARGS)

# The edit-test loop: ruff, the unit tests and the bad-input battery (tiers: pytest -m, see pyproject.toml).
check: $(STAMP)
	$(BIN)/ruff check $(LINTED)
	$(BIN)/python -m pytest -W error -n 2 -m "unit or battery" tests $(ARGS)

# For maintainers: run every lesson top to bottom and store its outputs (make test then checks them).
notebooks: $(STAMP)
	$(BIN)/jupyter nbconvert --to notebook --execute --inplace --ExecutePreprocessor.timeout=600 notebooks/*.ipynb

clean:
	rm -rf $(VENV)
