# `make run` sets up and starts the dashboard; `make test` sets up and runs every test.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8501

.PHONY: setup run test validate browser clean messages

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

# A whole run takes hours here (README, Mutation testing): `make mutation-resume` goes on with a stopped run where it
# stopped, keeping every result in mutants/ (mutmut tests again only the functions that changed since).
.PHONY: mutation mutation-resume
mutation:
	rm -rf mutants
	$(MAKE) mutation-resume

mutation-resume: setup
	$(PY) -m pip install --quiet -r requirements-dev.txt
	$(VENV)/bin/mutmut run --max-children $(MUTATION_JOBS) $(MUTANTS)
	$(PY) tests/mutation_score.py --survivors

# The message catalogues (turnover/i18n.py): extract every message in turnover/ into the template, merge it into
# each language's .po (changed messages come back fuzzy: review them), compile the .mo files the app reads.
# A new language: `$(VENV)/bin/pybabel init -D turnover -i turnover/locale/turnover.pot -d turnover/locale -l xx`.
LOCALE := turnover/locale
messages: setup
	$(VENV)/bin/pybabel extract --no-default-keywords -k _ -k N_ -k ngettext:1,2 --no-location --sort-output \
	  --project=turnover -o $(LOCALE)/turnover.pot turnover/
	$(VENV)/bin/pybabel update -D turnover -i $(LOCALE)/turnover.pot -d $(LOCALE) --ignore-obsolete --no-wrap
	$(VENV)/bin/pybabel compile -D turnover -d $(LOCALE) --statistics

clean:
	rm -rf $(VENV) test-output .pytest_cache
