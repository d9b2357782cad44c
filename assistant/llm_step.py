"""The model's turn: ask it, verify what it wrote, and say which answer is shown and why.

The model is asked for every question once one is configured - also where the extractive
step abstained (a fifth of the answerable questions are abstained wrongly there, exactly where
a model could help). The same verification decides in both cases: a verified answer is shown
(`llm`), a repaired one with a notice (`llm-repaired`), and anything else falls back to the
extractive answer (`fallback`, with the reason) - where that was an abstention, it stays one.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Generator, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from assistant.citations import CitationSet, DocumentCache
from assistant.intent import Intent
from assistant.types import Answer, SearchHit

log = logging.getLogger(__name__)

NO_REPLY = "Sprogmodellen svarede ikke; viser uddrag fra dokumenterne."
NOT_FOUND_BY_MODEL = "Sprogmodellen fandt ikke svaret; viser uddrag fra dokumenterne."
UNVERIFIED = "Sprogmodellens svar kunne ikke verificeres; viser uddrag i stedet."
REPAIRED = "Dele af svaret kunne ikke underbygges af kilderne og er udeladt."


@dataclass
class LlmOutcome:
    """What happened on the model's turn (the eval records it per question)."""

    mode: str  # "llm" | "llm-repaired" | "fallback"
    # model_abstained | unverifiable | model_error | prompt_too_long | no_passages
    fallback_reason: str | None = None
    after_abstention: bool = False  # the extractive step had abstained
    model_ms: float = 0.0
    verify_ms: float = 0.0
    prompt_tokens: int | None = None
    prompt_tokens_full: int | None = None
    context_tokens: int | None = None
    dropped_passages: int = 0
    dropped_rows: int = 0
    problems: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["problems"] = list(self.problems)
        return data


def generate_verified(
    llm: Any,
    docs: DocumentCache,
    question: str,
    intent: Intent,
    hits: Sequence[SearchHit],
    extractive: Answer,
    stream_tokens: bool,
) -> Generator[dict[str, Any], None, tuple[Answer, LlmOutcome]]:
    """The model's answer if it passes verification (repaired if need be), else the extractive
    one. Yields the model's tokens as they arrive, or the extractive text when it falls back."""
    from assistant.llm import PromptTooLong, llm_answer
    from assistant.verify import repair, verify

    after_abstention = extractive.abstained
    outcome = LlmOutcome("fallback", after_abstention=after_abstention)

    def fall_back(reason: str, notice: str | None) -> Answer:
        outcome.fallback_reason = reason
        if notice and not after_abstention:
            extractive.notice = notice
        return extractive

    generated: Answer | None = None
    facts_texts: list[str] = []
    t = time.perf_counter()
    try:
        for event in llm_answer(
            llm, question, intent, hits, extractive, CitationSet(docs), stream_tokens
        ):
            if event["type"] == "prompt":
                prompt = event["prompt"]
                outcome.prompt_tokens = prompt.tokens
                outcome.prompt_tokens_full = prompt.tokens_full
                outcome.context_tokens = prompt.context_tokens
                outcome.dropped_passages = prompt.dropped_passages
                outcome.dropped_rows = prompt.dropped_rows
                if not prompt.cset.citations:
                    break  # nothing to answer from: not worth the model's time
                t = time.perf_counter()
            elif event["type"] == "delta":
                yield event
            elif event["type"] == "result":
                generated, facts_texts = event["answer"], event["facts_texts"]
    except PromptTooLong as exc:
        log.warning("prompt does not fit the model's window: %s", exc)
        yield {"type": "delta", "text": extractive.text}
        return fall_back("prompt_too_long", None), outcome
    except Exception as exc:  # noqa: BLE001 - an unreachable model must not stop answers
        log.warning("LLM failed, using the extractive answer: %s", exc)
        outcome.model_ms = (time.perf_counter() - t) * 1000
        yield {"type": "delta", "text": extractive.text}
        extractive.notice = NO_REPLY
        outcome.fallback_reason = "model_error"
        return extractive, outcome
    if generated is None:
        yield {"type": "delta", "text": extractive.text}
        return fall_back("no_passages", None), outcome
    outcome.model_ms = (time.perf_counter() - t) * 1000
    t = time.perf_counter()
    try:
        if generated.abstained:
            return fall_back("model_abstained", NOT_FOUND_BY_MODEL), outcome
        result = verify(generated, docs, facts_texts)
        outcome.problems = tuple(result.problems)
        if result.ok:
            outcome.mode = "llm"
            return generated, outcome
        repaired = repair(generated, result) if result.citations_verbatim else None
        if repaired is not None and verify(repaired, docs, facts_texts).ok:
            repaired.notice = REPAIRED
            outcome.mode = "llm-repaired"
            return repaired, outcome
        log.info("LLM answer rejected: %s", "; ".join(result.problems))
        return fall_back("unverifiable", UNVERIFIED), outcome
    finally:
        outcome.verify_ms = (time.perf_counter() - t) * 1000
