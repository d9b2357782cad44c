"""The answer gate's fit script on the corpus: forced answers, labels, the curve, the file."""

from __future__ import annotations

import json
from pathlib import Path

from assistant.answer_gate import FEATURES, AnswerGate
from eval.fit_gate import THRESHOLDS, _utility, collect, main, report

ROOT = Path(__file__).resolve().parents[2]
QUESTIONS = ROOT / "eval" / "questions.jsonl"


def test_collect_fit_and_write(corpus_store, tmp_path: Path, capsys) -> None:
    settings, _, _ = corpus_store
    rows = collect("eval", ROOT / "corpus", QUESTIONS, settings)
    assert len(rows) > 50 and all(r.features.shape == (len(FEATURES),) for r in rows)
    assert any(r.right for r in rows) and any(r.unanswerable for r in rows)
    assert not any(r.right and r.unanswerable for r in rows)
    result = report(rows, c=1.0)
    assert result["threshold"] in THRESHOLDS
    lodo = {p["threshold"]: p for p in result["lodo"]}
    best = max(_utility(p) for p in lodo.values())
    assert _utility(lodo[result["threshold"]]) == best
    for point in result["in_sample"]:
        figures = point["eval"]
        assert figures["questions"] == len(rows)
        assert figures["correct"] + figures["answered_unanswerable"] <= len(rows)

    out = tmp_path / "gate.json"
    main(["--set", str(ROOT / "corpus"), str(QUESTIONS), str(settings.data_dir), "--out", str(out)])
    gate = AnswerGate.load(out)
    assert gate.model is not None and gate.model.features == FEATURES
    assert json.loads(capsys.readouterr().out)["threshold"] == gate.threshold


def test_an_answered_unanswerable_question_costs_twice() -> None:
    point = {
        "threshold": 0.5,
        "correct": 10,
        "a": {"questions": 8, "correct": 6, "answered_unanswerable": 1},
        "b": {"questions": 6, "correct": 4, "answered_unanswerable": 2},
    }
    assert _utility(point) == 7
