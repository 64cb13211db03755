# The commands a fresh machine needs (see README.md):
#   make lab   - create .venv if needed, install the project, open JupyterLab on the workbooks
#   make tutor - the same, with nbgrader's tutor tools (Formgrader, Create Assignment, courses)
#   make test  - create .venv if needed, install with test extras, run ruff, mypy and pytest
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# JupyterLab refuses to start as root without --allow-root (CI and containers run as root).
ALLOW_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root,)
# Jupyter settings folders (see jupyter-config/README.md), put before any others.
LEARNER_CONFIG := JUPYTER_CONFIG_PATH="$(CURDIR)/jupyter-config/learner$${JUPYTER_CONFIG_PATH:+:$$JUPYTER_CONFIG_PATH}"
TUTOR_CONFIG := JUPYTER_CONFIG_PATH="$(CURDIR)/jupyter-config/tutor$${JUPYTER_CONFIG_PATH:+:$$JUPYTER_CONFIG_PATH}"

.PHONY: lab tutor test install clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e ".[test]"
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed

# Learners: nbgrader's extensions are off (its tools are for tutors). Started from the
# repository root so assignments/ sits inside the server's root folder.
lab: $(VENV)/.installed
	$(LEARNER_CONFIG) $(BIN)/jupyter lab $(ALLOW_ROOT) --ServerApp.root_dir="$(CURDIR)" workbooks/index.ipynb

# Tutors: nbgrader's extensions on. The tutor settings folder also tells nbgrader where the
# course is (assignments/), so its tools find the course's nbgrader_config.py.
tutor: $(VENV)/.installed
	$(TUTOR_CONFIG) $(BIN)/jupyter lab $(ALLOW_ROOT) --ServerApp.root_dir="$(CURDIR)"

test: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache .hypothesis
