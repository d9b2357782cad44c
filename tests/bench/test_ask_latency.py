"""The ask-latency bench runs on an ingested store and reports every timed question."""

from __future__ import annotations

from bench.ask_latency import measure, measure_unseen
from tests.conftest import ROOT


def test_every_question_is_timed(corpus_store) -> None:
    settings, _, _ = corpus_store
    questions = ROOT / "eval" / "questions.jsonl"
    result = measure(settings, questions, rounds=1)
    n = sum(1 for line in questions.read_text(encoding="utf-8").splitlines() if line)
    assert result["questions"] == n and result["ask_ms"]["n"] == n
    assert 0 < result["ask_ms"]["p50"] <= result["ask_ms"]["p95"] <= result["ask_ms"]["p99"]


def test_unseen_times_every_question_once_on_an_assistant_warmed_by_the_others(
    corpus_store,
) -> None:
    settings, _, _ = corpus_store
    questions = ROOT / "eval" / "questions.jsonl"
    result = measure_unseen(settings, questions)
    n = sum(1 for line in questions.read_text(encoding="utf-8").splitlines() if line)
    assert result["rounds"] == 1 and result["ask_ms"]["n"] == n
