# Two commands on a fresh machine (Python 3.11+, pip, make):
#   make lab    set up .venv, then open lesson 1 in JupyterLab (the learner's view; options via ARGS="...")
#   make test   set up .venv, then run the unit tests and every notebook under nbval (strict),
#               on two workers (pytest-xdist; ARGS="-n 0" for one), then every notebook again with its
#               last bits disturbed (--disturb-bits --disturb-products)
#   make check  the fast loop while editing: ruff, unit tests and the bad-input battery
# For teachers: make teach (JupyterLab with nbgrader's tools), make assignments (nbgrader source + student
# release of every lesson, in assignments/). The course as a website: make book (book/_build/html).
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

# Every package at the version in lock/all.txt (the whole tree of the learner's, teacher's and developer's
# sets; `make lock` regenerates it), then nnlib itself, editable.
$(STAMP): lock/all.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' || { \
	  echo "nn-course needs Python 3.11 or newer; $(PYTHON) is $$($(PYTHON) --version 2>&1)." \
	       "Install a newer Python and run e.g. 'make test PYTHON=python3.11'." >&2; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r lock/all.txt
	@# setuptools always tells an editable install "be careful with folders ... with the same name as your
	@# package" (an InformationOnly warning): here the one such folder is nnlib itself, so it is noise.
	PYTHONWARNINGS="ignore:Editable installation." $(BIN)/python -m pip install --quiet --no-deps -e .
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (nn-course)" >/dev/null
	touch $(STAMP)

# The learner's JupyterLab opens lesson 1, without the teacher's tools; its settings are in
# jupyter/learner/ (jupyter/README.md says what each does). The lessons are trusted first: their stored
# outputs are the course's own (an untrusted notebook hides them and the server logs a warning).
lab: $(STAMP)
	$(BIN)/jupyter trust --log-level=WARN notebooks/*.ipynb >/dev/null
	JUPYTER_CONFIG_PATH=$(CURDIR)/jupyter/learner $(BIN)/jupyter lab $(ROOT_FLAG) $(ARGS)

# The teacher's JupyterLab: the repository, nbgrader's menus and formgrader on the course in assignments/
# (made first if missing); settings in jupyter/teacher/.
teach: $(STAMP) assignments/nbgrader_config.py
	JUPYTER_CONFIG_PATH=$(CURDIR)/jupyter/teacher $(BIN)/jupyter lab $(ROOT_FLAG) $(ARGS)

assignments/nbgrader_config.py: | $(STAMP)
	$(BIN)/python tools/make_assignments.py

# The course as a static website in book/_build/html, from the lessons' stored outputs (no notebook
# runs); MathJax from npm (book/package-lock.json) is copied into the site. Needs node and npm.
book: $(STAMP) book/node_modules/.package-lock.json
	$(BIN)/python -m sphinx -b html -W --keep-going -q book book/_build/html
	@echo "The site: book/_build/html/index.html"

book/node_modules/.package-lock.json: book/package.json book/package-lock.json
	npm ci --prefix book --no-audit --no-fund --update-notifier=false --loglevel=error

# Regenerate the locks after changing a pin in requirements*.txt (ARGS="--upgrade" to move every
# unpinned package to its newest version). lock/learner.txt (what Binder installs) starts from
# lock/all.txt, so that both hold the same version of every package they share.
LOCK_OPTS := --quiet --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links
lock: $(STAMP)
	$(BIN)/pip-compile $(LOCK_OPTS) $(ARGS) --output-file lock/all.txt requirements-dev.txt
	cp lock/all.txt lock/learner.txt
	$(BIN)/pip-compile $(LOCK_OPTS) --output-file lock/learner.txt requirements.txt

.PHONY: teach book lock

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

# Every catalogued slip and the wrong-answer corpus through the lessons' checks (the exercises tier).
check-exercises: $(STAMP)
	$(BIN)/python -m pytest -W error -n 2 -m exercises tests $(ARGS)

.PHONY: check-exercises

# For maintainers: run every lesson top to bottom and store its outputs (make test then checks them).
notebooks: $(STAMP)
	$(BIN)/jupyter nbconvert --to notebook --execute --inplace --ExecutePreprocessor.timeout=600 notebooks/*.ipynb

clean:
	rm -rf $(VENV)
