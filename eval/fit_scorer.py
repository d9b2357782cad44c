"""Refit the answer step's sentence scorer (`ExtractiveConfig.weights`) and report whether it
generalises.

Every question of every given set is asked; the candidates of its first sentence selection
are recorded with their scoring features (`assistant.extractive.SCORE_FEATURES`). A candidate
is positive when it holds the question's evidence (or the evidence holds it, or it holds the
evidence's opening or closing words). The figure is precision at 1: how often the
best-scoring candidate is positive, over the answerable questions that have a positive
candidate at all. The weights are refitted as a pairwise logistic regression (a positive
against the hardest negatives of its question; the caller's boost is a feature too) and
rescaled so that the three coverage weights sum to 1, as the packaged ones do. Beside the
in-sample figure it reports leave-one-document-out: the weights refitted without one
document's questions score that document's questions.

    python -m eval.fit_scorer \\
        --set ../shared/devset/corpus ../shared/devset/questions.jsonl data/eval-dev \\
        --set corpus eval/questions.jsonl data/eval-corpus

It writes nothing: the packaged weights stay in `ExtractiveConfig` unless a refit wins held
out. scikit-learn is needed here only.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from assistant.answer_gate import AnswerGate
from assistant.extractive.model import SCORE_FEATURES, ExtractiveConfig, Selection
from eval.harness import add_set_argument, ingest_corpus, load_questions, set_name
from eval.metrics import normalize_text
from plan_assistant.settings import Settings

HARD_NEGATIVES = 15  # per positive: the best-scoring negatives under the packaged weights
EDGE_CHARS = 40  # evidence spanning two sentences: each holds its opening or closing words
MIN_HELD_CHARS = 25  # a candidate this long that the evidence holds is part of it


@dataclass
class ScoredQuestion:
    """One question's candidates: features (with the boost last) and labels."""

    set_name: str
    qid: str
    group: str  # the question's document, for leave-one-document-out
    features: np.ndarray
    labels: np.ndarray


class _RecordingGate(AnswerGate):
    """Keeps the first selection that has a best sentence; answers as the packaged gate."""

    def __init__(self) -> None:
        packaged = AnswerGate.load()
        super().__init__(model=packaged.model, threshold=packaged.threshold)
        self.first: Selection | None = None

    def answers(self, selection: Selection, strict: bool, required: bool) -> bool:
        if self.first is None and selection.best is not None:
            self.first = selection
        return super().answers(selection, strict, required)


def holds_evidence(text: str, evidence: list[str]) -> bool:
    t = normalize_text(text)
    for quote in evidence:
        e = normalize_text(quote)
        if e in t or (len(t) >= MIN_HELD_CHARS and t in e):
            return True
        if len(t) >= MIN_HELD_CHARS and (e[:EDGE_CHARS] in t or e[-EDGE_CHARS:] in t):
            return True
    return False


def _as_list(value: Any) -> list[str]:
    return [v for v in (value if isinstance(value, list) else [value]) if v]


def collect(name: str, corpus: Path, questions_path: Path, settings: Settings) -> list[Any]:
    """Ingest `corpus` (idempotent), ask every answerable question and keep the candidates of
    those whose first selection has a positive one."""
    from assistant.answer import Assistant

    stores, _ = ingest_corpus(settings, corpus)
    gate = _RecordingGate()
    assistant = Assistant(stores, gate=gate)
    out = []
    for q in load_questions(questions_path):
        evidence = _as_list(q.get("evidence"))
        if q.get("kind") == "unanswerable" or not evidence:
            continue
        gate.first = None
        assistant.ask(q["question"])
        scored = gate.first.scored if gate.first is not None else []
        labels = np.array([holds_evidence(c.text, evidence) for c in scored], dtype=int)
        if not labels.any():
            continue
        doc = _as_list(q.get("doc"))[0] if _as_list(q.get("doc")) else str(q["id"])
        features = np.array([[*c.features, c.boost] for c in scored])
        out.append(ScoredQuestion(name, str(q["id"]), f"{name}:{doc}", features, labels))
    return out


def _packaged() -> np.ndarray:
    return np.array([*ExtractiveConfig().weights(), 1.0])


def precision_at_1(questions: Sequence[ScoredQuestion], weights: np.ndarray) -> float:
    if not questions:
        return 0.0
    return float(np.mean([q.labels[int(np.argmax(q.features @ weights))] for q in questions]))


def fit(questions: Sequence[ScoredQuestion], c: float) -> np.ndarray:
    """Pairwise logistic regression, rescaled to the packaged weights' scale."""
    from sklearn.linear_model import LogisticRegression

    packaged = _packaged()
    rows: list[np.ndarray] = []
    for q in questions:
        negatives = np.where(q.labels == 0)[0]
        negatives = negatives[np.argsort(-(q.features[negatives] @ packaged))][:HARD_NEGATIVES]
        for p in np.where(q.labels == 1)[0]:
            rows += [q.features[p] - q.features[n] for n in negatives]
    if not rows:
        return packaged
    x = np.vstack([np.vstack(rows), -np.vstack(rows)])
    y = np.r_[np.ones(len(rows)), np.zeros(len(rows))]
    coef = LogisticRegression(C=c, fit_intercept=False, max_iter=5000).fit(x, y).coef_[0]
    scale = coef[:3].sum()  # the three coverages sum to 1, as in the packaged weights
    return coef / scale if scale > 0 else packaged


def report(questions: Sequence[ScoredQuestion], c: float) -> dict[str, Any]:
    packaged, refit = _packaged(), fit(questions, c)
    held: dict[str, list[int]] = {}
    for group in sorted({q.group for q in questions}):
        weights = fit([q for q in questions if q.group != group], c)
        for q in questions:
            if q.group == group:
                held.setdefault(q.set_name, []).append(
                    int(q.labels[int(np.argmax(q.features @ weights))])
                )
    figures = {}
    for s in [*sorted({q.set_name for q in questions}), "all"]:
        mine = [q for q in questions if s in ("all", q.set_name)]
        lodo = [v for name, values in held.items() if s in ("all", name) for v in values]
        figures[s] = {
            "questions": len(mine),
            "packaged": round(precision_at_1(mine, packaged), 3),
            "refit_in_sample": round(precision_at_1(mine, refit), 3),
            "refit_lodo": round(float(np.mean(lodo)), 3),
        }
    names = [*SCORE_FEATURES, "boost"]
    weights = {n: round(float(w), 3) for n, w in zip(names, refit, strict=True)}
    return {"precision_at_1": figures, "refit_weights": weights}


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_set_argument(parser)
    parser.add_argument("--c", type=float, default=0.1, help="inverse regularisation")
    args = parser.parse_args(argv)
    from plan_assistant.cli import load_settings

    questions: list[ScoredQuestion] = []
    for corpus, qpath, data_dir in args.set:
        name = set_name(Path(qpath))
        questions += collect(name, Path(corpus), Path(qpath), load_settings(Path(data_dir)))
    result = report(questions, args.c)
    print(json.dumps(result, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
