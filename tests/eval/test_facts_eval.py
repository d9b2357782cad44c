"""Facts evaluation: gold file sanity, matching rules, and the corpus targets."""

import json
from pathlib import Path

import pytest

from eval.facts_eval import GOLD, evaluate_facts, extract_corpus, load_gold, match, overlap

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def test_gold_file_is_well_formed():
    rows = load_gold()
    sources = {p.name for p in CORPUS.glob("*.txt")}
    assert {r["type"] for r in rows} == {"budget", "followup", "decision"}
    for r in rows:
        assert r["source"] in sources, r
        if r["type"] == "budget":
            assert r["amount_dkk"] > 0 and r["initiative"]
            text = (CORPUS / r["source"]).read_text(encoding="utf-8")
            assert r["amount_text"] in text
        elif r["type"] == "followup":
            assert r["action"] and r["status"] in {"planned", "in_progress", "awaiting", "done"}
        else:
            assert r["item"] and r["outcome"]
    # every corpus document is covered by at least one gold row
    assert {r["source"] for r in rows} == sources
    assert GOLD.read_text(encoding="utf-8").count("\n") == len(rows)


def test_overlap_uses_stemmed_content_words():
    assert overlap("kontaktførelser", "skærpede individuelle kontaktførelser") == 1.0
    assert overlap("Videndeling", "Kompetenceudvikling af erfarne medarbejdere") == 0.0
    assert overlap("", "noget") == 0.0


def budget(source, amount, initiative):
    return {"type": "budget", "source": source, "amount_dkk": amount, "initiative": initiative}


def test_budget_matching_is_one_to_one_and_needs_amount_and_initiative():
    gold = [
        budget("a.txt", 750_000, "Kompetenceudvikling af erfarne medarbejdere"),
        budget("a.txt", 750_000, "Evaluering og opfølgning på de seks indsatsområder"),
    ]
    extracted = [
        budget("a.txt", 750_000, "evaluering, opfølgning og igangsættelse af initiativer"),
        budget("a.txt", 750_000, "Kompetenceudvikling af erfarne medarbejdere"),
        budget("a.txt", 750_000, "Kompetenceudvikling af erfarne medarbejdere"),  # duplicate
        budget("b.txt", 750_000, "Kompetenceudvikling af erfarne medarbejdere"),  # other source
        budget("a.txt", 760_000, "Evaluering og opfølgning"),  # wrong amount
    ]
    assert sorted(match(extracted, gold, "budget")) == [(0, 1), (1, 0)]
    result = evaluate_facts(extracted, gold)["budgets"]
    assert (result["precision"], result["recall"], result["tp"]) == (0.4, 1.0, 2)


def test_followup_matching_needs_equal_due_date():
    gold = [{"type": "followup", "source": "a", "action": "Handleplanen skal godkendes",
             "due_date": "2021-09-30"}]  # fmt: skip
    same = [{"type": "followup", "source": "a", "action": "Handleplanen skal være godkendt",
             "due_date": "2021-09-30"}]  # fmt: skip
    other_day = [dict(same[0], due_date="2021-09-01")]
    assert evaluate_facts(same, gold)["followups"]["recall"] == 1.0
    assert evaluate_facts(other_day, gold)["followups"]["recall"] == 0.0
    empty = evaluate_facts([], [])
    assert empty["decisions"] == {"precision": 1.0, "recall": 1.0, "tp": 0, "extracted": 0,
                                  "gold": 0}  # fmt: skip


def test_decision_matching_needs_outcome():
    gold = [{"type": "decision", "source": "a", "item": "568. Status på projektet",
             "outcome": "taget til efterretning"}]  # fmt: skip
    right = [dict(gold[0], item_title="Status på projektet")]
    wrong = [dict(right[0], outcome="godkendt")]
    assert evaluate_facts(right, gold)["decisions"]["tp"] == 1
    assert evaluate_facts(wrong, gold)["decisions"]["tp"] == 0


@pytest.fixture(scope="module")
def corpus_result():
    rows = extract_corpus(CORPUS)
    json.dumps(rows, ensure_ascii=False)  # rows are plain data
    return evaluate_facts(rows, load_gold())


def test_corpus_targets(corpus_result):
    b, f, d = corpus_result["budgets"], corpus_result["followups"], corpus_result["decisions"]
    assert b["precision"] >= 0.95 and b["recall"] >= 0.95, b
    assert f["precision"] >= 0.85 and f["recall"] >= 0.85, f
    assert d["precision"] == 1.0 and d["recall"] == 1.0, d
