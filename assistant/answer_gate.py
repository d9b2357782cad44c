"""Answer or abstain: the extractive answer's gate.

The rule gate (`Selection.confident`: the best sentence covers enough of the question in its
context and scores high enough; for budget and decision questions the question's most specific
word occurs with it) is right on corpus/ but abstains on real documents for one answerable
question in seven whose evidence was ranked first. A logistic model, fitted by
`eval/fit_gate.py` on what each forced answer scored, reads the same selection plus what
retrieval knew (is the best sentence in the top passage, how sure was the reranker of that
passage) and lets the answer through when it is likely right. The rule gate stays a floor:
the model alone, held out by document, abstained less on the unanswerable questions of
corpus/ (see eval/fit_gate.py's report).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from assistant.extractive.model import Selection
from assistant.linear_model import LinearModel

GATE_FILE = Path(__file__).parent / "data" / "answer_gate.json"

FEATURES = (
    "context_coverage",  # the question's words in the sentence, its headings and neighbours
    "coverage",  # ... in the sentence alone
    "local_coverage",  # ... in the sentence and its heading
    "score",  # the sentence's selection score
    "key_found",  # the question's most specific word occurs with the sentence
    "top_passage",  # the sentence is in the first-ranked passage
    "rank_rr",  # 1 / rank of its passage
    "passage_score",  # the reranker's probability for its passage
    "strict_without_key",  # a budget/decision question whose key word is missing
    "required",  # the question needs an amount / decision (every candidate states one)
    "rules_pass",  # the rule gate's verdict
)


def rules_pass(selection: Selection, strict: bool) -> bool:
    """The hand-set gate: confident, and for budget/decision questions the key word found."""
    return selection.confident and (selection.key_found or not strict)


def gate_features(selection: Selection, strict: bool, required: bool) -> np.ndarray:
    """One row of `FEATURES` for a selection with a best sentence."""
    best = selection.best
    assert best is not None
    rank = best.rank if best.rank < 50 else math.inf  # 50: a facts sentence, not a passage
    return np.array(
        [
            best.context_coverage,
            best.coverage,
            best.local_coverage,
            best.score,
            float(selection.key_found),
            float(rank == 1),
            0.0 if rank == math.inf else 1.0 / rank,
            selection.passage_score,
            float(strict and not selection.key_found),
            float(required),
            float(rules_pass(selection, strict)),
        ]
    )


@dataclass
class AnswerGate:
    """`answers()` is True when the rule gate passes or the fitted model is sure enough."""

    model: LinearModel | None = None
    threshold: float = 0.5

    @classmethod
    def load(cls, path: Path = GATE_FILE) -> AnswerGate:
        if not path.exists():
            return cls()
        model = LinearModel.read(path, FEATURES)
        return cls(model, float(model.meta.get("threshold", 0.5)))

    def probability(self, selection: Selection, strict: bool, required: bool) -> float:
        """The model's probability that answering with this selection is right."""
        if self.model is None or selection.best is None:
            return 0.0
        row = gate_features(selection, strict, required)[None, :]
        return float(1 / (1 + np.exp(-self.model.score_columns(row, FEATURES)[0])))

    def answers(self, selection: Selection, strict: bool, required: bool) -> bool:
        if selection.best is None:
            return False
        if rules_pass(selection, strict):
            return True
        return self.probability(selection, strict, required) >= self.threshold
