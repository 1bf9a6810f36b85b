# chiso: the first two targets are the README's first two commands.
SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -c   # a measuring run piped through tee still fails when it fails
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
CHISO  := $(VENV)/bin/chiso
SHARED ?= ../shared
SAMPLE := corpus/articles/t01-dang-bo-quan-su-xay-dung-dang-2023.txt

.PHONY: demo test install test-deps browser bench bench-scale bench-server eval eval-checks review-records schema fuzz hostile readme screenshot clean
MINUTES ?= 1

demo: install
	$(CHISO) extract $(SAMPLE) --pretty

test: test-deps
	$(VENV)/bin/lint-imports --no-cache
	$(PY) -m pytest

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	touch $@

test-deps: $(VENV)/.installed-test browser

$(VENV)/.installed-test: $(VENV)/.installed pyproject.toml
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

# The browser tests drive Debian's chromium with Playwright (no browser is downloaded):
# installed from Debian's packages where it is missing (the machines run as root).
browser:
	@command -v chromium >/dev/null || { \
	  echo "installing Debian's chromium for the browser tests"; \
	  apt-get install -y -qq chromium >/dev/null 2>&1 || \
	  { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }; }
	@command -v chromium >/dev/null

# The pipeline and underthesea.word_tokenize side by side on the same texts.
bench: install
	@mkdir -p out
	$(CHISO) bench --input $(SHARED)/corpus/bench/baomoi-2017.jsonl -n 500 --repeat 5 | tee out/bench.txt

# The 6,000 articles of both bench files through chiso batch: the local engine with 1 and 2
# jobs and Dask with 1 and 2 workers, in one run (throughput, scaling, memory per worker).
bench-scale: test-deps
	@mkdir -p out
	$(PY) -m extractor.quality.bench_scale $(SHARED)/corpus/bench/baomoi-2017.jsonl $(SHARED)/corpus/bench/crawl-2017-b.jsonl | tee out/bench-scale.txt

# chiso serve with 2 workers under a bounded load on loopback (2,000 requests of bench
# articles, 16 at a time): throughput, latency percentiles, errors, peak memory.
bench-server: install
	@mkdir -p out
	$(PY) -m extractor.quality.bench_server --input $(SHARED)/corpus/bench/baomoi-2017.jsonl --requests 2000 --concurrency 16 --workers 2 | tee out/bench-server.txt

# The README's picture of the page: the browser test's view of a ✗ check on t02.
screenshot: test-deps
	$(PY) -m pytest -q tests/test_browser.py -k screenshots
	@mkdir -p docs
	cp out/web-page-check.png docs/web-page.png

# P/R/F1 on the shared seed and real corpora, and on the team's own corpus.
eval: install
	@mkdir -p out
	$(CHISO) eval $(SHARED)/corpus/seed $(SHARED)/corpus/real $(SHARED)/corpus/real-reports | tee out/eval.txt
	@echo "team corpus (corpus/):" | tee -a out/eval.txt
	$(CHISO) eval corpus | tee -a out/eval.txt
	@echo "bulletins (corpus/bulletins/):" | tee -a out/eval.txt
	$(CHISO) eval corpus/bulletins | tee -a out/eval.txt

# The checker against checks gold kept by id and span (corpus/checks-gold/), and every ✗ on
# real text against the judgements kept in corpus/reviews/: development and validation, each
# labelled with what it was measured on.
eval-checks: install
	@mkdir -p out
	@echo "checks gold, development bench 60 (baomoi-2017, tuned on):" | tee out/checks.txt
	$(CHISO) eval-checks corpus/checks-gold/bench --input $(SHARED)/corpus/bench/baomoi-2017.jsonl | tee -a out/checks.txt
	@echo "checks gold, validation 60 (crawl-2017-b slice 1: never read until scored once at 7c17f02, read since):" | tee -a out/checks.txt
	$(CHISO) eval-checks corpus/checks-gold/validation --input $(SHARED)/corpus/bench/crawl-2017-b.jsonl | tee -a out/checks.txt
	@echo "✗ on validation slices 2-3 (crawl-2017-b lines 501-1500: reviewed once at 7c17f02, read since):" | tee -a out/checks.txt
	($(CHISO) review --input $(SHARED)/corpus/bench/crawl-2017-b.jsonl --slices 2,3 --reviews corpus/reviews/validation-flags.yaml || true) | head -1 | tee -a out/checks.txt
	@echo "✗ on all six validation slices (crawl-2017-b, 3,000 articles: development data since 2026-12-08):" | tee -a out/checks.txt
	($(CHISO) review --input $(SHARED)/corpus/bench/crawl-2017-b.jsonl --slices 1,2,3,4,5,6 --reviews corpus/reviews/validation-flags.yaml || true) | head -1 | tee -a out/checks.txt
	@echo "✗ on the development bench (baomoi-2017, 2,999 articles):" | tee -a out/checks.txt
	($(CHISO) review || true) | head -1 | tee -a out/checks.txt

# The hand reviews of records on real text (corpus/reviews/records-sample-N.yaml) replayed
# against today's output: correct/total per section, and the precision of what is still listed.
review-records: install
	@mkdir -p out
	@rm -f out/records.txt
	for n in 1 2 3; do echo "sample $$n (development bench, tuned on):" | tee -a out/records.txt; \
	  $(CHISO) review --input $(SHARED)/corpus/bench/baomoi-2017.jsonl --records corpus/reviews/records-sample-$$n.yaml \
	  | grep -v '^wrong:' | tee -a out/records.txt; done
	for n in 4 5 6; do echo "sample $$n (validation slice $$n, never read before it was drawn):" | tee -a out/records.txt; \
	  $(CHISO) review --input $(SHARED)/corpus/bench/crawl-2017-b.jsonl --records corpus/reviews/records-sample-$$n.yaml \
	  | grep -v '^wrong:' | tee -a out/records.txt; \
	  $(CHISO) review --input $(SHARED)/corpus/bench/crawl-2017-b.jsonl --recall corpus/reviews/recall-sample-$$n.yaml \
	  | grep -v '^missed:' | sed 's/^/recall: /' | tee -a out/records.txt; done

# Fuzz the whole pipeline for $(MINUTES) minutes (make fuzz MINUTES=10).
fuzz: test-deps
	$(PY) -m extractor.quality.fuzz --minutes $(MINUTES)

# The bench corpus and a generated hostile set through chiso batch: every id must come out.
hostile: install
	@mkdir -p out
	$(PY) -m extractor.quality.hostile out/hostile.jsonl
	cat $(wildcard $(SHARED)/corpus/bench/baomoi-2017.jsonl) out/hostile.jsonl > out/robustness.jsonl
	$(CHISO) batch out/robustness.jsonl -o out/robustness-reports.jsonl --jobs 2 --no-progress 2>&1 | tee out/hostile.txt
	$(PY) -m extractor.quality.hostile --measure | tee -a out/hostile.txt

# The README's examples, from chiso's own output (tests/test_readme.py keeps them honest),
# and the measurements the targets above left in out/. Measuring never touches the README:
# only this target writes it.
readme: install
	$(PY) -m extractor.quality.docs readme

schema: install
	$(CHISO) schema -o extractor/report/schema/report.schema.json

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis build *.egg-info
