"""The LLM path against a real model server - run by `make test-llm`, which starts
llama-cpp-python's server with a 1.5B GGUF on 127.0.0.1 and sets
PLAN_ASSISTANT_TEST_LLM_BASE_URL; skipped everywhere else (the fake server in test_llm.py and
test_llm_budget.py covers the protocol in the default suite).

A handful of requests only: the model takes ~20 s a question on two CPU cores.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from assistant.answer import Assistant
from assistant.citations import CitationSet
from assistant.intent import classify
from assistant.llm import build_prompt, make_llm
from assistant.prompt_budget import EstimatedTokens
from tests.assistant.test_llm import VIDENDELING_Q, verbatim
from tests.assistant.test_llm_budget import TABLE_Q, UNANSWERABLE_Q
from tests.conftest import make_settings

BASE_URL = os.environ.get("PLAN_ASSISTANT_TEST_LLM_BASE_URL")
MODEL = os.environ.get("PLAN_ASSISTANT_TEST_LLM_MODEL", "default")
CONTEXT = int(os.environ.get("PLAN_ASSISTANT_LLM_CONTEXT_TOKENS", "4096"))

pytestmark = pytest.mark.skipif(
    not BASE_URL, reason="no real model server (make test-llm starts one)"
)


@pytest.fixture(scope="module")
def real(corpus_store, corpus_retriever) -> Assistant:
    _, stores, _ = corpus_store
    settings = make_settings(
        Path("unused"), llm_base_url=BASE_URL, llm_model=MODEL, llm_context_tokens=CONTEXT
    )
    return Assistant(stores, retriever=corpus_retriever, llm=make_llm(settings))


def test_tokens_are_counted_by_the_server_and_the_estimate_is_conservative(real) -> None:
    budget = real.llm.budget
    view = real.docs.get(real.retriever.search(VIDENDELING_Q, k=1)[0].doc_id)
    text = view.text[:6000]
    counted = budget.count(text)
    assert budget.counter.name == "llama-cpp-python"
    assert EstimatedTokens().count(text) >= counted > len(text) / 6
    assert budget.context_tokens == CONTEXT


def test_the_largest_prompts_fit_the_window(real) -> None:
    budget = real.llm.budget
    for question in (TABLE_Q, "Hvilke dokumenter nævner LEAN?", VIDENDELING_Q):
        answer = Assistant(real.stores, retriever=real.retriever).ask(question)
        hits = real.retriever.search(question, k=10)
        prompt = build_prompt(
            question, classify(question), hits, answer, CitationSet(real.docs), budget
        )
        assert prompt.tokens <= budget.prompt_limit
        assert budget.count_messages(prompt.messages) == prompt.tokens


def test_answer_is_verified_whatever_the_model_writes(real) -> None:
    done = list(real.stream(VIDENDELING_Q, stream_tokens=True))[-1]
    answer, turn = done["answer_obj"], done["llm"]
    assert turn["fallback_reason"] != "model_error", turn
    assert turn["prompt_tokens"] + real.llm.budget.answer_tokens <= CONTEXT
    assert verbatim(real, answer)
    assert "600.000" in answer.text  # the model's verified answer, or the extractive one


def test_after_an_abstention_the_model_is_asked_and_checked(real) -> None:
    done = list(real.stream(UNANSWERABLE_Q, stream_tokens=False))[-1]
    answer, turn = done["answer_obj"], done["llm"]
    assert turn["after_abstention"] is True
    assert turn["fallback_reason"] not in ("model_error", "prompt_too_long"), turn
    assert verbatim(real, answer)
    if turn["mode"] == "fallback":
        assert answer.abstained
