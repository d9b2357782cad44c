"""The sentence scorer's refit script on the corpus: candidates, labels and held-out figures."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from assistant.extractive.model import SCORE_FEATURES
from eval.fit_scorer import ScoredQuestion, collect, fit, holds_evidence, precision_at_1, report

ROOT = Path(__file__).resolve().parents[2]
QUESTIONS = ROOT / "eval" / "questions.jsonl"


def test_collect_and_report_on_the_corpus(corpus_store) -> None:
    settings, _, _ = corpus_store
    questions = collect("eval", ROOT / "corpus", QUESTIONS, settings)
    assert len(questions) > 40
    for q in questions:
        assert q.features.shape == (len(q.labels), len(SCORE_FEATURES) + 1)
        assert q.labels.any()
    result = report(questions, c=0.1)
    figures = result["precision_at_1"]["all"]
    assert figures["questions"] == len(questions)
    # the packaged scorer puts the evidence first for most corpus questions
    assert figures["packaged"] > 0.6
    assert 0.0 <= figures["refit_lodo"] <= 1.0
    weights = result["refit_weights"]
    assert list(weights) == [*SCORE_FEATURES, "boost"]
    assert sum(weights[n] for n in SCORE_FEATURES[:3]) == pytest.approx(1.0, abs=0.01)


def test_evidence_is_held_whole_in_part_or_across_two_sentences() -> None:
    evidence = ["Der afsættes 750.000 kr. til dette. Beløbet udbetales i 2025 og 2026 i to rater."]
    assert holds_evidence("Der afsættes 750.000 kr. til dette.", evidence)
    assert holds_evidence("Beløbet udbetales i 2025 og 2026 i to rater.", evidence)
    assert not holds_evidence("Der afsættes 1,2 mio. kr. til noget andet.", evidence)
    assert not holds_evidence("kr.", evidence)  # too short to count as part of it


def test_a_refit_learns_what_marks_the_positives() -> None:
    """Positives that only a date tells apart: the refit weighs the date feature up."""
    rng = np.random.default_rng(0)
    date = SCORE_FEATURES.index("date")
    questions = []
    for i in range(30):
        features = np.zeros((6, len(SCORE_FEATURES) + 1))
        features[:, 0] = rng.uniform(0.4, 0.6, 6)  # coverage: noise
        features[:, 1] = features[:, 2] = features[:, 0]
        labels = np.zeros(6, dtype=int)
        labels[i % 6] = 1
        features[i % 6, date] = 1.0
        questions.append(ScoredQuestion("synthetic", str(i), f"doc{i % 5}", features, labels))
    weights = fit(questions, c=1.0)
    assert weights[date] > 0.1
    assert precision_at_1(questions, weights) == 1.0
