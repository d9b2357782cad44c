"""Fit the answer gate (assistant/answer_gate.py) and report correct vs abstained per threshold.

Every question of every given set is answered with the gate open (it never abstains there);
the gate features of the question's first selection are recorded and the forced answer is
scored with `eval.metrics.answer_correct`. Label: answering was right (an answerable question
answered correctly). A logistic regression is fitted on all sets together. The report gives,
per threshold, the correct answers and the abstentions of each set when the gate answers on
"rule gate passes or probability >= threshold", in-sample and leave-one-document-out (the
model refitted without the questions of one document scores that document's questions). The
threshold written is the one with the most correct answers held out over all sets, an answered
unanswerable question counting against it twice (ties: the higher threshold, i.e. fewer
answers).

    python -m eval.fit_gate \\
        --set ../shared/devset/corpus ../shared/devset/questions.jsonl data/eval-dev \\
        --set corpus eval/questions.jsonl data/eval-corpus \\
        --out assistant/data/answer_gate.json

scikit-learn is needed here only; the runtime applies the weights with numpy.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from assistant.answer_gate import FEATURES, GATE_FILE, AnswerGate, gate_features
from assistant.extractive.model import Selection
from assistant.linear_model import LinearModel
from eval.harness import add_set_argument, ingest_corpus, load_questions, set_name
from eval.metrics import answer_correct
from plan_assistant.settings import Settings

THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(2, 19))
RULES = FEATURES.index("rules_pass")


@dataclass
class GateRow:
    """One question: its gate features and what answering it would have scored."""

    set_name: str
    qid: str
    group: str  # the question's document, for leave-one-document-out
    features: np.ndarray
    right: bool  # answerable, and the forced answer is correct
    unanswerable: bool


class _OpenGate(AnswerGate):
    """Records the features of every selection and always answers."""

    def __init__(self) -> None:
        super().__init__(model=None)
        self.seen: list[np.ndarray] = []

    def answers(self, selection: Selection, strict: bool, required: bool) -> bool:
        if selection.best is None:
            return False
        self.seen.append(gate_features(selection, strict, required))
        return True


def collect(set_name: str, corpus: Path, questions_path: Path, settings: Settings) -> list[GateRow]:
    """Ingest `corpus` (idempotent) and answer every question with the gate open. Questions
    answered or abstained before the gate (facts tables, document questions) are left out."""
    from assistant.answer import Assistant

    stores, _ = ingest_corpus(settings, corpus)
    gate = _OpenGate()
    assistant = Assistant(stores, gate=gate)
    rows = []
    for q in load_questions(questions_path):
        gate.seen.clear()
        answer = assistant.ask(q["question"])
        if not gate.seen or answer.abstained:
            continue
        docs = q.get("doc") or [q["id"]]
        doc = docs[0] if isinstance(docs, list) else docs
        unanswerable = q.get("kind") == "unanswerable" or not q.get("answer")
        rows.append(
            GateRow(
                set_name=set_name,
                qid=str(q["id"]),
                group=f"{set_name}:{Path(str(doc)).name}",
                features=gate.seen[0],
                right=not unanswerable and answer_correct(q, answer.text, False),
                unanswerable=unanswerable,
            )
        )
    return rows


def fit(rows: Sequence[GateRow], c: float = 1.0) -> LinearModel:
    x = np.vstack([r.features for r in rows])
    y = np.array([r.right for r in rows], dtype=int)
    return LinearModel.fit(x, y, FEATURES, c)


def probabilities(model: LinearModel, rows: Sequence[GateRow]) -> np.ndarray:
    scores = model.score_columns(np.vstack([r.features for r in rows]), FEATURES)
    return 1 / (1 + np.exp(-scores))


def lodo_probabilities(rows: Sequence[GateRow], c: float) -> np.ndarray:
    """Each document's questions scored by a model fitted without them."""
    out = np.zeros(len(rows))
    for group in sorted({r.group for r in rows}):
        held = [i for i, r in enumerate(rows) if r.group == group]
        rest = [r for r in rows if r.group != group]
        if len({r.right for r in rest}) < 2:
            continue  # nothing to learn from: the held-out questions keep probability 0
        out[held] = probabilities(fit(rest, c), [rows[i] for i in held])
    return out


def outcome(rows: Sequence[GateRow], answered: np.ndarray) -> dict:
    """Correct (answered right, or abstained on an unanswerable question), answered
    unanswerable questions, and abstentions on answerable ones."""
    right = np.array([r.right for r in rows])
    unans = np.array([r.unanswerable for r in rows])
    return {
        "questions": len(rows),
        "correct": int((answered & right).sum() + (~answered & unans).sum()),
        "answered_unanswerable": int((answered & unans).sum()),
        "abstained_answerable": int((~answered & ~unans).sum()),
    }


def curve(rows: Sequence[GateRow], probs: np.ndarray) -> list[dict]:
    """Per threshold and set: the outcome of "rule gate or probability >= threshold"."""
    rules = np.array([bool(r.features[RULES]) for r in rows])
    names = sorted({r.set_name for r in rows})
    points = []
    for t in THRESHOLDS:
        answered = rules | (probs >= t)
        point: dict = {"threshold": t}
        for name in names:
            idx = [i for i, r in enumerate(rows) if r.set_name == name]
            point[name] = outcome([rows[i] for i in idx], answered[idx])
        point["correct"] = outcome(rows, answered)["correct"]
        points.append(point)
    return points


def _utility(point: dict) -> int:
    """Correct answers minus answered unanswerable questions over all sets: an answer the
    documents cannot support is worse than an abstention, so it costs twice."""
    sets = [v for v in point.values() if isinstance(v, dict)]
    return point["correct"] - sum(v["answered_unanswerable"] for v in sets)


def report(rows: Sequence[GateRow], c: float) -> dict:
    model = fit(rows, c)
    held_out = curve(rows, lodo_probabilities(rows, c))
    best = max(held_out, key=lambda p: (_utility(p), p["threshold"]))
    rules = np.array([bool(r.features[RULES]) for r in rows])
    names = sorted({r.set_name for r in rows})
    model.meta = {
        "fitted_by": "eval/fit_gate.py",
        "c": c,
        "threshold": best["threshold"],
        "questions": {n: sum(r.set_name == n for r in rows) for n in names},
    }
    return {
        "model": model,
        "rules_only": {
            n: outcome(
                [r for r in rows if r.set_name == n],
                rules[[i for i, r in enumerate(rows) if r.set_name == n]],
            )
            for n in names
        },
        "in_sample": curve(rows, probabilities(model, rows)),
        "lodo": held_out,
        "threshold": best["threshold"],
    }


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_set_argument(parser)
    parser.add_argument("--c", type=float, default=1.0, help="inverse regularisation")
    parser.add_argument("--out", type=Path, default=None, help=f"write weights (e.g. {GATE_FILE})")
    args = parser.parse_args(argv)
    from plan_assistant.cli import load_settings

    rows: list[GateRow] = []
    for corpus, questions, data_dir in args.set:
        name = set_name(Path(questions))  # "devset", "eval"
        rows += collect(name, Path(corpus), Path(questions), load_settings(Path(data_dir)))
    result = report(rows, args.c)
    model: LinearModel = result.pop("model")
    if args.out:
        args.out.write_text(json.dumps(model.to_json(), indent=1) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
