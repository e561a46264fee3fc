# `make run` sets up and starts the dashboard; `make test` sets up and runs every test.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8501

.PHONY: setup run test validate browser clean

setup: $(VENV)/.installed

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

run: setup
	$(PY) -m streamlit run serve.py --server.port $(PORT)

validate: setup
	$(PY) -m turnover validate

# Browser tests drive Debian's chromium (never a downloaded browser).
browser:
	@test -x /usr/bin/chromium || (echo "installing Debian's chromium for the browser tests" && \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core) || \
	  (sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core))

# lint-imports checks the layers (.importlinter): turnover/ imports no Streamlit, app/ or views/; app/ no views/.
test: setup browser
	$(PY) -m turnover validate
	$(VENV)/bin/lint-imports
	$(PY) -m pytest -q

# Mutation testing of the rule modules (listed by path in setup.cfg [mutmut]): prints the share of mutants
# killed per module and overall, and fails below 85 %. CPU-heavy: MUTATION_JOBS mutants at a time.
# MUTANTS limits the run to mutants whose names match (mutmut's globs), e.g. MUTANTS='turnover.ranks.*' or
# dataset's derived columns MUTANTS='turnover.dataset.x__describe*'; the other modules then say 'not run'.
MUTATION_JOBS ?= 2
MUTANTS ?=

.PHONY: mutation
mutation: setup
	$(PY) -m pip install --quiet -r requirements-dev.txt
	rm -rf mutants
	$(VENV)/bin/mutmut run --max-children $(MUTATION_JOBS) $(MUTANTS)
	$(PY) tests/mutation_score.py --survivors

clean:
	rm -rf $(VENV) test-output .pytest_cache
