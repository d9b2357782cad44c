"""Ask latency (extractive) on any ingested data dir and questions file - e.g. the development
set, whose long real documents make answering slower than on `corpus/`.

Every question is asked once untimed (index build, document caches), then `--rounds` times
timed, so the figure is the steady state a user of a running server sees. With `--unseen`
no timed question was asked before: each half of the questions is timed on an assistant
warmed by the other half (caches kept by text then serve only what the documents share).

    python -m bench.ask_latency --data-dir data/eval-dev \
        --questions ../shared/devset/questions.jsonl
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path
from typing import Any

from bench.common import load_questions, percentiles, rss_mib
from plan_assistant.settings import Settings


def measure(settings: Settings, questions_path: Path, rounds: int = 2) -> dict[str, Any]:
    from assistant.answer import Assistant
    from stores.bundle import Stores

    questions = [q["question"] for q in load_questions(questions_path)]
    assistant = Assistant(Stores.open(settings))
    t0 = time.perf_counter()
    for q in questions:
        assistant.ask(q)
    warmup_s = time.perf_counter() - t0
    ms: list[float] = []
    for _ in range(rounds):
        for q in questions:
            t = time.perf_counter()
            assistant.ask(q)
            ms.append((time.perf_counter() - t) * 1000)
    return _report(questions, rounds, ms, warmup_s)


def measure_unseen(settings: Settings, questions_path: Path) -> dict[str, Any]:
    """Each half of the questions timed once, on a fresh assistant warmed by the other half."""
    from assistant.answer import Assistant
    from stores.bundle import Stores

    questions = [q["question"] for q in load_questions(questions_path)]
    halves = (questions[0::2], questions[1::2])
    ms: list[float] = []
    warmup_s = 0.0
    for warm, timed in (halves, halves[::-1]):
        assistant = Assistant(Stores.open(settings))
        t0 = time.perf_counter()
        for q in warm:
            assistant.ask(q)
        warmup_s += time.perf_counter() - t0
        for q in timed:
            t = time.perf_counter()
            assistant.ask(q)
            ms.append((time.perf_counter() - t) * 1000)
    return _report(questions, 1, ms, warmup_s)


def _report(questions: list[str], rounds: int, ms: list[float], warmup_s: float) -> dict[str, Any]:
    return {
        "questions": len(questions),
        "rounds": rounds,
        "ask_ms": percentiles(ms),
        "warmup_s": round(warmup_s, 2),
        "rss_mib": rss_mib(),
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir", type=Path, required=True, help="an ingested data dir")
    ap.add_argument("--questions", type=Path, required=True)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--unseen", action="store_true", help="time questions not asked before")
    args = ap.parse_args()
    settings = Settings(data_dir=args.data_dir)
    if args.unseen:
        result = measure_unseen(settings, args.questions)
    else:
        result = measure(settings, args.questions, args.rounds)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
