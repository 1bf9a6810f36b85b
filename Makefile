# chiso: the first two targets are the README's first two commands.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
CHISO  := $(VENV)/bin/chiso
SHARED ?= ../shared
SAMPLE := corpus/articles/t01-dang-bo-quan-su-xay-dung-dang-2023.txt

.PHONY: demo test install test-deps bench eval schema clean

demo: install
	$(CHISO) extract $(SAMPLE) --pretty

test: test-deps
	$(PY) -m pytest

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	touch $@

test-deps: $(VENV)/.installed-test

$(VENV)/.installed-test: $(VENV)/.installed pyproject.toml
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

# The pipeline and underthesea.word_tokenize side by side on the same texts.
bench: install
	$(CHISO) bench --input $(SHARED)/corpus/bench/baomoi-2017.jsonl -n 500 --repeat 3

# P/R/F1 on the shared seed and real corpora, and on the team's own corpus.
eval: install
	$(CHISO) eval $(SHARED)/corpus/seed $(SHARED)/corpus/real
	$(CHISO) eval corpus

schema: install
	$(CHISO) schema -o extractor/schema/report.schema.json

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis build *.egg-info
