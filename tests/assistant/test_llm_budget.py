"""The model's turn made measurable (issue 16), against a loopback fake of a llama.cpp server
(`/v1/chat/completions`, `/tokenize`, `/props`):

- the prompt budget: window and token counts from the server where it has them, passages and
  facts rows trimmed by rank, a prompt that cannot fit never sent;
- the model asked after an extractive abstention, the verifier deciding;
- generation stopped at the abstention sentence (stop sequence, max_tokens, client-side cut);
- `plan-assistant eval` in LLM mode: every record says which answer it got and why.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import Request

from assistant.answer import Assistant
from assistant.citations import CitationSet
from assistant.intent import classify
from assistant.llm import (
    NOT_FOUND,
    OpenAILikeBackend,
    PromptTooLong,
    build_prompt,
    cut_at_abstention,
    make_llm,
)
from assistant.llm_step import NOT_FOUND_BY_MODEL
from assistant.prompt_budget import EstimatedTokens, PromptBudget, make_budget
from tests.assistant.test_llm import VIDENDELING_Q, FakeOpenAI, free_port, served, verbatim
from tests.conftest import make_settings

TABLE_Q = "Hvilke initiativer fik hvilket budget?"
UNANSWERABLE_Q = "Hvor mange elbiler har kommunen købt i 2021?"


def whitespace_tokens(text: str) -> list[int]:
    """The fake server's tokenizer: one token per whitespace-separated word."""
    return list(range(len(text.split())))


@pytest.fixture(scope="module")
def llama_fake() -> Iterator[tuple[FakeOpenAI, str]]:

    fake = FakeOpenAI()
    fake.n_ctx = 4096  # type: ignore[attr-defined]
    fake.tokenized = 0  # type: ignore[attr-defined]

    @fake.app.post("/tokenize")
    async def tokenize(request: Request) -> dict:
        body = await request.json()
        fake.tokenized += 1  # type: ignore[attr-defined]
        return {"tokens": whitespace_tokens(body["content"])}

    @fake.app.get("/props")
    async def props() -> dict:
        return {"default_generation_settings": {"n_ctx": fake.n_ctx}}  # type: ignore[attr-defined]

    with served(fake.app, "fake llama.cpp server") as url:
        yield fake, url


@pytest.fixture()
def fake(llama_fake) -> FakeOpenAI:
    server, _ = llama_fake
    server.requests.clear()
    server.reply = lambda messages: NOT_FOUND
    return server


@pytest.fixture(scope="module")
def extractive(corpus_store, corpus_retriever) -> Assistant:
    _, stores, _ = corpus_store
    return Assistant(stores, retriever=corpus_retriever)


def with_backend(corpus_store, corpus_retriever, llm) -> Assistant:
    _, stores, _ = corpus_store
    return Assistant(stores, retriever=corpus_retriever, llm=llm)


def done_event(assistant: Assistant, question: str, stream_tokens: bool = False) -> dict:
    return list(assistant.stream(question, stream_tokens=stream_tokens))[-1]


# --- the budget ------------------------------------------------------------------------------


def test_window_and_token_counts_come_from_the_server(llama_fake) -> None:
    fake, url = llama_fake
    before = fake.tokenized
    budget = make_budget(url, "m", None, 400)
    assert budget.context_tokens == 4096
    assert budget.count("Der afsættes 600.000 kr. til dette.") == 6
    assert budget.counter.name == "llama.cpp"
    assert fake.tokenized > before
    # a configured window smaller than the server's wins
    assert make_budget(url, "m", 2048, 400).context_tokens == 2048


def test_without_tokenizer_or_props_the_estimate_and_settings_serve() -> None:
    url = f"http://127.0.0.1:{free_port()}/v1"  # nothing listens
    budget = make_budget(url, "m", None, 400, chars_per_token=2.5)
    assert budget.context_tokens == 8192
    assert budget.count("x" * 26) == 11  # rounded up: never fewer tokens than estimated
    assert make_budget(url, "m", 4096, 300).prompt_limit == 4096 - 300 - 32


def test_long_prompt_is_trimmed_by_rank_and_stays_consistent(extractive: Assistant) -> None:
    answer = extractive.ask(TABLE_Q)
    hits = extractive.retriever.search(TABLE_Q, k=10)
    assert answer.table and len(answer.citations) >= 3
    roomy = build_prompt(TABLE_Q, classify(TABLE_Q), hits, answer, CitationSet(extractive.docs))
    assert roomy.tokens == roomy.tokens_full and roomy.dropped_passages == 0
    # a window where about 60 % of the full prompt fits
    estimate = EstimatedTokens()
    context = int(roomy.tokens_full * 0.6) + 400 + 32
    budget = PromptBudget(context, 400, estimate)
    prompt = build_prompt(
        TABLE_Q, classify(TABLE_Q), hits, answer, CitationSet(extractive.docs), budget
    )
    assert prompt.tokens_full == roomy.tokens_full > budget.prompt_limit
    assert prompt.tokens <= budget.prompt_limit
    assert budget.count_messages(prompt.messages) == prompt.tokens
    assert prompt.dropped_passages + prompt.dropped_rows > 0
    user = prompt.messages[1]["content"]
    # the best evidence stays, in rank order: the extractive answer's first quote first
    assert prompt.cset.citations[0].quote == answer.citations[0].quote
    headers = [int(n) for n in re.findall(r"(?m)^\[(\d+)\] ", user)]
    assert headers == [c.n for c in prompt.cset.citations]
    for c in prompt.cset.citations:
        assert f"[{c.n}] {c.source}" in user
    # every row cites a passage that is in the prompt
    for row in prompt.facts_texts:
        n = int(re.search(r"\(kilde \[(\d+)\]\)$", row).group(1))  # type: ignore[union-attr]
        assert 1 <= n <= len(prompt.cset.citations)
    assert len(prompt.facts_texts) + prompt.dropped_rows == len(answer.table)
    assert len(prompt.cset.citations) + prompt.dropped_passages == len(roomy.cset.citations)


def test_prompt_that_cannot_fit_is_never_sent(
    llama_fake, fake, corpus_store, corpus_retriever, extractive
) -> None:
    _, url = llama_fake
    tiny = PromptBudget(700, 400, EstimatedTokens())  # the system prompt alone is larger
    llm = OpenAILikeBackend(url, "fake", timeout=10, budget=tiny)
    with pytest.raises(PromptTooLong):
        build_prompt(
            VIDENDELING_Q,
            classify(VIDENDELING_Q),
            [],
            extractive.ask(VIDENDELING_Q),
            CitationSet(extractive.docs),
            tiny,
        )
    done = done_event(with_backend(corpus_store, corpus_retriever, llm), VIDENDELING_Q)
    assert fake.requests == []
    assert done["llm"]["mode"] == "fallback"
    assert done["llm"]["fallback_reason"] == "prompt_too_long"
    assert done["answer_obj"].text == extractive.ask(VIDENDELING_Q).text


def test_prompt_sent_fits_the_servers_window(
    llama_fake, fake, corpus_store, corpus_retriever
) -> None:
    fake_server, url = llama_fake
    fake_server.n_ctx = 1200  # type: ignore[attr-defined]
    try:
        llm = make_llm(make_settings(Path("unused"), llm_base_url=url, llm_model="fake"))
        assistant = with_backend(corpus_store, corpus_retriever, llm)
        turn = done_event(assistant, TABLE_Q)["llm"]
    finally:
        fake_server.n_ctx = 4096  # type: ignore[attr-defined]
    assert turn["context_tokens"] == 1200
    sent = fake.requests[-1]["messages"]
    words = sum(len(whitespace_tokens(m["content"])) + 8 for m in sent)
    assert words == turn["prompt_tokens"] <= 1200 - 400 - 32 < turn["prompt_tokens_full"]


# --- stopping at the abstention sentence -----------------------------------------------------


def test_request_carries_stop_sequences_and_max_tokens(
    llama_fake, fake, corpus_store, corpus_retriever
) -> None:
    _, url = llama_fake
    settings = make_settings(Path("unused"), llm_base_url=url, llm_model="fake", llm_max_tokens=123)
    assistant = with_backend(corpus_store, corpus_retriever, make_llm(settings))
    assistant.ask(VIDENDELING_Q)
    body = fake.requests[-1]
    assert body["max_tokens"] == 123
    assert "Det kan jeg ikke finde i dokumenterne" in body["stop"]


def test_rambling_after_the_abstention_sentence_is_not_read(
    llama_fake, fake, corpus_store, corpus_retriever
) -> None:
    _, url = llama_fake
    ramble = " Men måske står der 42 mio. kr. et sted [1]." * 60
    fake.reply = lambda messages: NOT_FOUND + ramble
    assistant = with_backend(corpus_store, corpus_retriever, OpenAILikeBackend(url, "fake"))
    events = list(assistant.stream(VIDENDELING_Q))
    deltas = [e["text"] for e in events if e["type"] == "delta"]
    assert len("".join(deltas)) < len(NOT_FOUND) + 20  # reading stopped at the sentence
    done = events[-1]
    assert done["llm"]["fallback_reason"] == "model_abstained"
    assert done["answer_obj"].notice == NOT_FOUND_BY_MODEL
    assert "42 mio" not in done["answer_obj"].text


def test_cut_at_abstention() -> None:
    assert cut_at_abstention("Det kan jeg ikke finde i dokumenterne. Men ...") == ("", True)
    assert cut_at_abstention("X er 5 kr. [1]. det kan jeg ikke finde i dokumenterne") == (
        "X er 5 kr. [1]. ",
        True,
    )
    assert cut_at_abstention("X er 5 kr. [1].") == ("X er 5 kr. [1].", False)


# --- the model asked after an extractive abstention ------------------------------------------


def first_passage_sentence(messages: list[dict]) -> str:
    """A reply that copies the first sentence of passage [1] and cites it."""
    user = messages[-1]["content"]
    body = user.split("<<<\n", 1)[1].split("\n>>>", 1)[0]
    sentence = re.split(r"(?<=[.!?])\s", body.strip(), maxsplit=1)[0]
    return f"{' '.join(sentence.split())} [1]"


def test_model_is_asked_when_the_extractive_step_abstains(
    llama_fake, fake, corpus_store, corpus_retriever, extractive
) -> None:
    _, url = llama_fake
    assert extractive.ask(UNANSWERABLE_Q).abstained
    fake.reply = first_passage_sentence
    assistant = with_backend(corpus_store, corpus_retriever, OpenAILikeBackend(url, "fake"))
    done = done_event(assistant, UNANSWERABLE_Q)
    assert len(fake.requests) == 1
    answer, turn = done["answer_obj"], done["llm"]
    assert turn["after_abstention"] is True
    assert turn["mode"] == "llm"  # cited and verified: the verifier lets it through
    assert not answer.abstained and answer.citations
    assert verbatim(assistant, answer)


def test_unverifiable_answer_after_an_abstention_stays_the_abstention(
    llama_fake, fake, corpus_store, corpus_retriever, extractive
) -> None:
    _, url = llama_fake
    fake.reply = lambda messages: "Kommunen har købt 17 elbiler i 2021 [1]."
    assistant = with_backend(corpus_store, corpus_retriever, OpenAILikeBackend(url, "fake"))
    done = done_event(assistant, UNANSWERABLE_Q)
    answer, turn = done["answer_obj"], done["llm"]
    assert turn == turn | {"mode": "fallback", "fallback_reason": "unverifiable"}
    assert answer.abstained and answer.text == extractive.ask(UNANSWERABLE_Q).text
    assert answer.notice is None  # no "viser uddrag": there are no extracts to show
    assert "17" not in answer.text


# --- eval in LLM mode -------------------------------------------------------------------------


def test_eval_runs_the_configured_model_and_records_the_mode(llama_fake, fake, tmp_path) -> None:
    from eval.harness import run_eval

    _, url = llama_fake

    def reply(messages: list[dict]) -> str:
        if "videndeling" in messages[-1]["content"].split("\n", 1)[0].lower():
            return "Til videndeling er der afsat 600.000 kr. [2]."
        return NOT_FOUND

    fake.reply = reply
    root = Path(__file__).resolve().parents[2]
    settings = make_settings(tmp_path / "data", llm_base_url=url, llm_model="fake")
    run = run_eval(
        settings,
        root / "corpus",
        root / "eval" / "questions.jsonl",
        ids=["q001", "q002", "q023"],
    )
    assert [r["id"] for r in run.records] == ["q001", "q002", "q023"]
    modes = {r["id"]: (r["mode"], r["fallback_reason"]) for r in run.records}
    assert modes == {
        "q001": ("llm", None),
        "q002": ("fallback", "model_abstained"),
        "q023": ("fallback", "model_abstained"),
    }
    assert run.records[2]["asked_after_abstention"] is True
    assert len(fake.requests) == 3  # one request per question, the abstained one included
    llm = run.summary["llm"]
    assert llm["modes"] == {"extractive": 0, "llm": 1, "llm-repaired": 0, "fallback": 2}
    assert llm["fallback_reasons"] == {"model_abstained": 2}
    assert llm["model_latency_ms"]["requests"] == 3
    assert llm["prompt_tokens"]["sent_over_context"] == 0
    assert llm["prompt_tokens"]["context"] == 4096
    json.dumps(run.summary)  # the summary is written as JSON
