# Every target creates .venv from pyproject.toml when it is missing or older.
PYTHON3 ?= python3
VENV ?= .venv
PYTHON := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
# The suite at the declared minimum versions (make test-min), in a venv of its own.
VENV_MIN ?= .venv-min
MINIMUM := tools/minimum-constraints.txt
PIP_INSTALL := -m pip install --quiet --disable-pip-version-check
# Before minutes of pip: the interpreter pyproject.toml requires, or a message saying so.
CHECK_PYTHON := $(PYTHON3) -c 'import sys; sys.exit(None if sys.version_info >= (3, 11) else \
	f"kursklib needs Python 3.11 or newer; {sys.executable} is {sys.version.split()[0]}: \
	install one and run make PYTHON3=python3.11 (or python3.12, ...)")'

.PHONY: setup figures notebooks test test-slow test-min lab bench clean

setup: $(INSTALLED)

# The library, the tests and JupyterLab (the lab extra), from this clone (editable).
$(INSTALLED): pyproject.toml
	@$(CHECK_PYTHON)
	$(PYTHON3) -m venv $(VENV)
	$(PYTHON) $(PIP_INSTALL) -e ".[test,lab]"
	touch $(INSTALLED)

figures: $(INSTALLED)
	$(VENV)/bin/kursk figures

# Refresh the outputs committed in notebooks/ (what nbval compares against) with a default run.
notebooks: $(INSTALLED)
	cd notebooks && ../$(VENV)/bin/jupyter nbconvert --to notebook --execute --inplace \
		--ExecutePreprocessor.record_timing=False --ExecutePreprocessor.kernel_name=python3 *.ipynb

# On every core; loadscope keeps each notebook's nbval cells (and each test module) on one worker.
test: $(INSTALLED)
	$(PYTHON) -m pytest -n auto --dist loadscope

# End-to-end tests that take minutes (whole notebooks through the CLI, 50 MB inputs, the wheel
# in a fresh venv).
test-slow: $(INSTALLED)
	$(PYTHON) -m pytest -m slow tests

# The fast suite with every dependency at the minimum pyproject.toml declares.
$(VENV_MIN)/.installed: pyproject.toml $(MINIMUM)
	@$(CHECK_PYTHON)
	$(PYTHON3) -m venv $(VENV_MIN)
	$(VENV_MIN)/bin/python $(PIP_INSTALL) -c $(MINIMUM) -e ".[test]"
	touch $@

test-min: $(VENV_MIN)/.installed
	$(VENV_MIN)/bin/python -m pytest -n auto --dist loadscope

lab: $(INSTALLED)
	$(VENV)/bin/jupyter lab notebooks/

bench: $(INSTALLED)
	$(PYTHON) $(PIP_INSTALL) -e ".[bench]"
	$(PYTHON) benchmarks/run.py

clean:
	rm -rf $(VENV) $(VENV_MIN) build dist *.egg-info .pytest_cache
