"""The answer gate: the rule floor, the fitted model's say, and the packaged weights."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from assistant.answer_gate import FEATURES, GATE_FILE, AnswerGate, gate_features, rules_pass
from assistant.citations import DocumentCache
from assistant.extractive.answerer import ExtractiveAnswerer
from assistant.intent import classify
from assistant.question_terms import TermStats


@pytest.fixture(scope="module")
def select(corpus_store, corpus_retriever):
    _, stores, _ = corpus_store
    answerer = ExtractiveAnswerer(DocumentCache(stores.registry), TermStats(stores.registry))

    def run(question: str, require: str | None = None):
        hits = corpus_retriever.search(question, k=10)
        return answerer.select(question, classify(question), hits, require=require)

    return run


def test_packaged_weights_name_known_features_and_a_threshold() -> None:
    gate = AnswerGate.load()
    assert gate.model is not None and set(gate.model.features) <= set(FEATURES)
    assert 0 < gate.threshold < 1
    assert json.loads(GATE_FILE.read_text())["meta"]["fitted_by"] == "eval/fit_gate.py"


def test_a_confident_selection_passes_the_rules(select) -> None:
    selection = select("Hvor meget blev afsat til videndeling?", require="amount")
    assert rules_pass(selection, strict=True)
    assert AnswerGate.load().answers(selection, strict=True, required=True)
    row = gate_features(selection, strict=True, required=True)
    assert row.shape == (len(FEATURES),) and row[FEATURES.index("rules_pass")] == 1.0
    assert selection.passage_score > 0  # the reranker's probability of its passage


def test_the_model_trusts_a_sentence_from_the_first_passage_more(select) -> None:
    selection = select("Hvornår skal handleplanen efter APV'en være godkendt?")
    gate = AnswerGate.load()
    first = dataclasses.replace(selection, best=dataclasses.replace(selection.best, rank=1))
    ninth = dataclasses.replace(selection, best=dataclasses.replace(selection.best, rank=9))
    assert gate.probability(first, False, False) > gate.probability(ninth, False, False)


def test_without_weights_the_rules_decide(tmp_path: Path, select) -> None:
    gate = AnswerGate.load(tmp_path / "missing.json")
    assert gate.model is None
    weak = select("Hvad er ansøgningsfristen for et længerevarende Task Force forløb?")
    for selection in (weak, select("Hvor meget blev afsat til videndeling?", "amount")):
        assert gate.answers(selection, True, True) == rules_pass(selection, True)


def test_weights_naming_an_unknown_feature_are_refused(tmp_path: Path) -> None:
    data = json.loads(GATE_FILE.read_text())
    data["features"][0] = "no_such_feature"
    path = tmp_path / "gate.json"
    path.write_text(json.dumps(data))
    with pytest.raises(ValueError, match="unknown features"):
        AnswerGate.load(path)
