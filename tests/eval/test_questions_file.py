"""eval/questions.jsonl is well formed and every gold quote is really in its document."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from eval.metrics import answer_correct, extract_amounts, extract_dates, normalize_text

ROOT = Path(__file__).resolve().parents[2]
QUESTIONS = ROOT / "eval" / "questions.jsonl"
CORPUS = ROOT / "corpus"
KINDS = {"budget", "followup", "decision", "fact", "list", "unanswerable"}
FIELDS = ["id", "question", "answer", "doc", "evidence", "kind"]
MAX_QUOTE_CHARS = 300  # evidence is a short span, not a page


def _rows() -> list[dict]:
    lines = QUESTIONS.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


ROWS = _rows()
ANSWERABLE = [r for r in ROWS if r["kind"] != "unanswerable"]


def _pairs(row: dict) -> list[tuple[str, str]]:
    docs, evidence = row["doc"], row["evidence"]
    if isinstance(docs, str):
        return [(docs, evidence)]
    return list(zip(docs, evidence, strict=True))


@pytest.fixture(scope="module")
def corpus_texts() -> dict[str, str]:
    return {p.name: normalize_text(p.read_text(encoding="utf-8")) for p in CORPUS.iterdir()}


def test_every_line_is_a_json_object_with_the_fields() -> None:
    for number, line in enumerate(QUESTIONS.read_text(encoding="utf-8").splitlines(), start=1):
        row = json.loads(line)
        assert isinstance(row, dict), number
        assert list(row) == FIELDS, number
        assert isinstance(row["question"], str) and row["question"].strip(), number


def test_ids_unique_and_numbered() -> None:
    ids = [r["id"] for r in ROWS]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"q\d{3}", i) for i in ids)


def test_size_kinds_and_unanswerable_share() -> None:
    kinds = Counter(r["kind"] for r in ROWS)
    assert set(kinds) == KINDS
    assert len(ROWS) >= 70
    share = kinds["unanswerable"] / len(ROWS)
    assert 0.08 <= share <= 0.15, share


def test_unanswerable_rows_have_empty_gold() -> None:
    for row in ROWS:
        if row["kind"] == "unanswerable":
            assert (row["answer"], row["doc"], row["evidence"]) == ("", "", ""), row["id"]


def test_answerable_rows_have_aligned_doc_and_evidence() -> None:
    for row in ANSWERABLE:
        assert row["answer"].strip(), row["id"]
        docs, evidence = row["doc"], row["evidence"]
        if isinstance(docs, list):
            assert isinstance(evidence, list) and len(docs) == len(evidence) >= 2, row["id"]
        else:
            assert isinstance(docs, str) and isinstance(evidence, str), row["id"]
        for doc, quote in _pairs(row):
            assert (CORPUS / doc).is_file(), (row["id"], doc)
            assert quote.strip() and len(quote) <= MAX_QUOTE_CHARS, (row["id"], quote)


def test_every_evidence_quote_is_in_its_document(corpus_texts: dict[str, str]) -> None:
    missing = [
        (row["id"], quote)
        for row in ANSWERABLE
        for doc, quote in _pairs(row)
        if normalize_text(quote) not in corpus_texts[doc]
    ]
    assert missing == []


def test_gold_amounts_and_dates_are_in_the_evidence() -> None:
    """The gold answer is checkable: its figures come from the quoted passages."""
    for row in ANSWERABLE:
        quotes = " \n ".join(q for _, q in _pairs(row))
        assert extract_amounts(row["answer"]) <= extract_amounts(quotes), row["id"]
        quote_dates = extract_dates(quotes)
        for date in extract_dates(row["answer"]):
            assert any(d == date or d.startswith(date + "-") for d in quote_dates), row["id"]


def test_gold_answer_judges_itself_correct() -> None:
    for row in ANSWERABLE:
        assert answer_correct(row, row["answer"], abstained=False), row["id"]
        assert not answer_correct(row, "Det kan jeg ikke finde i dokumenterne.", True), row["id"]


def test_coverage_of_documents_figures_and_question_styles() -> None:
    docs = Counter(d for row in ANSWERABLE for d, _ in _pairs(row))
    assert set(docs) == {p.name for p in CORPUS.iterdir() if p.suffix == ".txt"}
    assert min(docs.values()) >= 10
    gold_amounts = set().union(*(extract_amounts(r["answer"]) for r in ROWS))
    seed_figures = {1.5e6, 2.6e6, 1.8e6, 6e5, 7.5e5, 2e6, 1e7, 5e6, 11e6, 14e6, 2.75e6, 5.5e6}
    assert seed_figures <= gold_amounts
    two_docs = [r for r in ROWS if isinstance(r["doc"], list) and len(set(r["doc"])) >= 2]
    assert len(two_docs) >= 2
    english_word = re.compile(r"\b(what|when|how|who|which|did)\b", re.IGNORECASE)
    english = [r for r in ROWS if english_word.search(r["question"])]
    assert 8 <= len(english) <= 20
    lists = [r for r in ROWS if r["kind"] == "list" and isinstance(r["evidence"], list)]
    assert len(lists) >= 8
