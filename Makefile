# Every target creates .venv from pyproject.toml when it is missing or older.
VENV ?= .venv
PYTHON := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed

.PHONY: setup figures notebooks test test-slow lab bench clean

setup: $(INSTALLED)

$(INSTALLED): pyproject.toml
	python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -e ".[test]"
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

# End-to-end tests that take minutes (whole notebooks through the CLI, 50 MB inputs).
test-slow: $(INSTALLED)
	$(PYTHON) -m pytest -m slow tests

lab: $(INSTALLED)
	$(VENV)/bin/jupyter lab notebooks/

bench: $(INSTALLED)
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -e ".[bench]"
	$(PYTHON) benchmarks/run.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
