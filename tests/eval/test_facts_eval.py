"""Facts evaluation: gold file sanity, matching rules, and the corpus targets."""

import html
import json
import re
from pathlib import Path

import pytest

from eval.facts_eval import (
    GOLD,
    evaluate_facts,
    extract_corpus,
    gold_for_corpus,
    load_gold,
    match,
    overlap,
    score_corpus,
)

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"
DEVSET = ROOT.parent / "shared" / "devset" / "corpus"
OUTCOMES = {
    "afvist",
    "udsat",
    "oversendt",
    "taget til efterretning",
    "taget til orientering",
    "anbefalet",
    "godkendt",
}


def _check_row(r, corpus):
    if r["type"] == "budget":
        assert r["amount_dkk"] > 0 and r["initiative"]
        assert r.get("amount_high", r["amount_dkk"]) >= r["amount_dkk"]
        if corpus is not None:
            text = " ".join(_document_text(corpus / r["source"]).split())
            assert " ".join(r["amount_text"].split()) in text, r
    elif r["type"] == "followup":
        assert r["action"] and r["status"] in {"planned", "in_progress", "awaiting", "done"}
        assert r["deadline_text"] or r.get("responsible"), r  # a time or an owner
    else:
        assert r["item"] and r["outcome"] in OUTCOMES, r


def _document_text(path):
    """The text a reader sees, extracted as the devset's verify.py does (not by our loaders,
    so the gold check does not move with them)."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        import pypdf

        return "\n".join(page.extract_text() for page in pypdf.PdfReader(path).pages)
    if suffix == ".docx":
        import docx

        return "\n".join(p.text for p in docx.Document(path).paragraphs)
    raw = path.read_text(encoding="utf-8")
    if suffix in {".html", ".htm"}:
        raw = re.sub(r"(?is)<(script|style)\b.*?>.*?</\1\s*>", "\n", raw)
        raw = html.unescape(re.sub(r"(?s)<[^>]+>", "\n", raw))
    return raw


def test_gold_file_is_well_formed():
    rows = load_gold()
    assert GOLD.read_text(encoding="utf-8").count("\n") == len(rows)
    corpus_rows = [r for r in rows if r.get("set", "corpus") == "corpus"]
    sources = {p.name for p in CORPUS.glob("*.txt")}
    assert {r["type"] for r in corpus_rows} == {"budget", "followup", "decision"}
    for r in corpus_rows:
        assert r["source"] in sources, r
        _check_row(r, CORPUS)
    # every corpus document is covered by at least one gold row
    assert {r["source"] for r in corpus_rows} == sources
    assert {r.get("set", "corpus") for r in rows} == {"corpus", "devset"}


def test_devset_gold_rows_are_well_formed():
    rows = [r for r in load_gold() if r.get("set") == "devset"]
    assert len({r["source"] for r in rows}) >= 8
    present = DEVSET.is_dir()
    for r in rows:
        if present:
            assert (DEVSET / r["source"]).is_file(), r
        _check_row(r, DEVSET if present else None)


def test_gold_for_corpus_keeps_the_rows_of_that_folder():
    gold = load_gold()
    corpus_rows = gold_for_corpus(gold, CORPUS)
    assert corpus_rows and all(r.get("set", "corpus") == "corpus" for r in corpus_rows)
    assert len(corpus_rows) == sum(r.get("set", "corpus") == "corpus" for r in gold)


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
    result = evaluate_facts(rows, gold_for_corpus(load_gold(), CORPUS))
    assert score_corpus(CORPUS)[0] == result
    return result


def test_corpus_targets(corpus_result):
    b, f, d = corpus_result["budgets"], corpus_result["followups"], corpus_result["decisions"]
    assert b["precision"] >= 0.95 and b["recall"] >= 0.95, b
    assert f["precision"] >= 0.85 and f["recall"] >= 0.85, f
    assert d["precision"] == 1.0 and d["recall"] == 1.0, d
