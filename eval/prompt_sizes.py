"""Prompt sizes of every question without generating: the prompt the model would get, counted
by the configured server's tokenizer, before and after the budget (issue 16).

    PLAN_ASSISTANT_LLM_BASE_URL=http://127.0.0.1:8080/v1 PLAN_ASSISTANT_LLM_CONTEXT_TOKENS=4096 \\
        python -m eval.prompt_sizes --corpus ../shared/devset/corpus \\
        --questions ../shared/devset/questions.jsonl --data-dir data/eval-dev

Generation costs ~20 s or more a question on two cores; counting costs milliseconds, so the
budget can be checked on a whole questions file.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from eval.llm_summary import _pct


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.prompt_sizes")
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--questions", type=Path, required=True)
    parser.add_argument("--data-dir", type=Path, required=True)
    args = parser.parse_args(argv)

    from assistant.answer import RETRIEVE_K, Assistant
    from assistant.citations import CitationSet
    from assistant.intent import classify
    from assistant.llm import PromptTooLong, build_prompt, make_llm
    from eval.harness import load_questions
    from ingest.pipeline import Ingestor
    from plan_assistant.cli import load_settings

    settings = load_settings(args.data_dir)
    if not settings.llm_base_url:
        raise SystemExit("set PLAN_ASSISTANT_LLM_BASE_URL: the server's tokenizer counts")
    budget = make_llm(settings).budget  # type: ignore[union-attr]
    ingestor = Ingestor(settings)
    ingestor.ingest_paths([args.corpus])
    assistant = Assistant(ingestor.stores)
    full, sent, too_long, trimmed, over = [], [], 0, 0, 0
    for q in load_questions(args.questions):
        question = q["question"]
        answer = assistant.ask(question)
        hits = assistant.retriever.search(question, k=RETRIEVE_K)
        intent = classify(question)
        try:
            prompt = build_prompt(
                question, intent, hits, answer, CitationSet(assistant.docs), budget
            )
        except PromptTooLong:
            too_long += 1
            continue
        full.append(prompt.tokens_full)
        sent.append(prompt.tokens)
        trimmed += prompt.tokens < prompt.tokens_full
        # counted again as one text, as the server will see it
        over += budget.count_messages(prompt.messages) + budget.answer_tokens > (
            budget.context_tokens
        )
    report = {
        "questions": len(full) + too_long,
        "counter": getattr(budget.counter, "name", type(budget.counter).__name__),
        "context_tokens": budget.context_tokens,
        "answer_tokens": budget.answer_tokens,
        "before_budget": {"p50": _pct(full, 0.5), "max": max(full, default=None)},
        "over_window_before_budget": sum(
            f + budget.answer_tokens > budget.context_tokens for f in full
        ),
        "sent": {"p50": _pct(sent, 0.5), "max": max(sent, default=None)},
        "trimmed": trimmed,
        "not_sent_too_long": too_long,
        "sent_over_window": over,
    }
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
