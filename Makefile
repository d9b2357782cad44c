# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
HOST ?= 127.0.0.1

.PHONY: install install-test run test lint eval eval-dev bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

# Test extras; the sentence-transformers backend is tested with the CPU build of torch that
# pip takes from local disk (an unpinned torch would pull a multi-GB CUDA build).
$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e '.[test,st]'
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

run: install
	$(BIN)/plan-assistant ingest corpus/
	$(BIN)/plan-assistant serve --host $(HOST) --port $(PORT)

test: install-test
	$(BIN)/pytest -q

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

eval: install
	$(BIN)/plan-assistant eval --corpus corpus --questions eval/questions.jsonl \
		--records eval/results/records.jsonl --json eval/results/summary.json

# The development set of real documents (../shared/devset, not part of this repository),
# scored by the shared scorer. The data dir is kept between runs: its embedding cache serves.
DEVSET ?= ../shared/devset
EVAL_DEV_DIR ?= data/eval-dev
eval-dev: install
	@test -d $(DEVSET)/corpus || { echo "eval-dev: $(DEVSET) is absent"; exit 1; }
	$(BIN)/plan-assistant eval --corpus $(DEVSET)/corpus --questions $(DEVSET)/questions.jsonl \
		--data-dir $(EVAL_DEV_DIR) --records $(EVAL_DEV_DIR)/records.jsonl \
		--json $(EVAL_DEV_DIR)/summary.json
	$(BIN)/python $(DEVSET)/../eval/score.py $(DEVSET)/questions.jsonl \
		$(EVAL_DEV_DIR)/records.jsonl --corpus $(DEVSET)/corpus | tee $(EVAL_DEV_DIR)/score.json

bench: install-test
	$(BIN)/pip install -q -e '.[test,st,bench]'
	$(BIN)/python -m bench.run

clean:
	rm -rf data .cache test-output .pytest_cache
