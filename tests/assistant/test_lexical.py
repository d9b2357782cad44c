"""Tests for the BM25 index over corpus paragraphs (blank-line separated)."""

from __future__ import annotations

import re
from pathlib import Path

import bm25s
import numpy as np
import pytest

from assistant.analysis import DanishAnalyzer
from assistant.lexical import LexicalIndex

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
BILAG = "bilag2_kompetencepulje_2006_sof"  # seed 000
TASK_FORCE = "bufu_2021-06-07_568_task_force_status"  # seed 002


def corpus_paragraphs() -> tuple[list[str], list[str]]:
    ids, texts = [], []
    for path in sorted(CORPUS.glob("*.txt")):
        paragraphs = re.split(r"\n\s*\n", path.read_text(encoding="utf-8"))
        for number, paragraph in enumerate(p.strip() for p in paragraphs):
            if paragraph:
                ids.append(f"{path.stem}#{number}")
                texts.append(paragraph)
    return ids, texts


@pytest.fixture(scope="module")
def paragraphs() -> dict[str, str]:
    ids, texts = corpus_paragraphs()
    return dict(zip(ids, texts, strict=True))


@pytest.fixture(scope="module")
def index(paragraphs: dict[str, str]) -> LexicalIndex:
    return LexicalIndex.build(list(paragraphs), list(paragraphs.values()))


def top_texts(index: LexicalIndex, paragraphs: dict[str, str], query: str, k: int) -> list[str]:
    return [paragraphs[doc_id] for doc_id, _ in index.search(query, k)]


def id_with(paragraphs: dict[str, str], fragment: str) -> str:
    (found,) = [doc_id for doc_id, text in paragraphs.items() if fragment in text]
    return found


# --- Danish matching --------------------------------------------------------------------------


def test_videndeling_finds_the_seed_000_paragraph(index, paragraphs):
    target = id_with(paragraphs, "niveauet af videndeling")
    heading = id_with(paragraphs, "4. Videndeling")
    hits = [d for d, _ in index.search("videndeling", 5)]
    assert hits[0] == heading
    assert target in hits
    # The inflected form ranks the same paragraphs the same way.
    assert index.search("videndelingen", 5) == index.search("videndeling", 5)


def test_a_question_sentence_finds_the_budget_paragraph(index, paragraphs):
    """ "afsat" (participle) meets "afsættes": the paragraph with the amount moves up."""
    target = id_with(paragraphs, "niveauet af videndeling")
    question = "Hvor mange penge blev afsat til videndelingen?"
    assert target in [d for d, _ in index.search(question, 3)]
    assert target not in [d for d, _ in index.search("videndelingen", 3)]


def test_compound_query_finds_its_head_and_the_exact_compound_first(index, paragraphs):
    exact = id_with(paragraphs, "lavet et kompetenceudviklingsforløb v/Professionshøjskolen")
    heading = id_with(paragraphs, "5. Kompetenceudvikling af erfarne medarbejdere")
    hits = [d for d, _ in index.search("kompetenceudviklingsforløb", 10)]
    assert hits[0] == exact
    assert heading in hits  # contains only "kompetenceudvikling"
    # And the other way round: "kompetenceudvikling" finds the text with the longer compound.
    assert exact in [d for d, _ in index.search("kompetenceudvikling", len(index))]


def test_psykisk_arbejdsmiljo(index, paragraphs):
    texts = top_texts(index, paragraphs, "arbejdsmiljø", 3)
    assert any("psykisk arbejdsmiljø" in t or "psykiske arbejdsmiljø" in t for t in texts)


def test_socialraadgivere_matches_raadgivere(index, paragraphs):
    target = id_with(paragraphs, "enkelte rådgivere først kan starte")
    assert target in [d for d, _ in index.search("socialrådgivere", 5)]


def test_amounts_in_any_notation_find_the_sentence(index, paragraphs):
    sentence = "Der afsættes 600.000 kr. til dette."
    for query in ("600.000", "600000", "600.000 kr.", "600000 kroner"):
        assert sentence in top_texts(index, paragraphs, query, 1)[0], query
    for query in ("1,5 mio", "1,5 mio. kr.", "1.5 million DKK", "1500000 kr"):
        assert "1,5 mio. kr." in top_texts(index, paragraphs, query, 1)[0], query


def test_dates_and_case_numbers(index, paragraphs):
    approval = id_with(paragraphs, "godkendte den 30. november 2020")
    assert index.search("30.11.2020", 1)[0][0] == approval
    case = id_with(paragraphs, "Dok.nr.: 330-2021-186755")
    assert index.search("330-2021-186755", 1)[0][0] == case
    assert index.search("186755", 1)[0][0] == case


def test_names_with_danish_letters(index, paragraphs):
    texts = top_texts(index, paragraphs, "Børne- og Ungeudvalget", 3)
    assert all("Børne- og Ungeudvalget" in t or "Ungeudvalget" in t for t in texts)
    texts = top_texts(index, paragraphs, "Rambøll", 2)
    assert len(texts) == 2 and all("Rambøll" in t for t in texts)


def test_english_tokenizer_fails_where_danish_analysis_succeeds(index, paragraphs):
    """bm25s's default (regex words, English stopwords, no stemming) on the same paragraphs."""
    ids, texts = list(paragraphs), list(paragraphs.values())
    english = bm25s.BM25(k1=1.2, method="lucene")
    english.index(bm25s.tokenize(texts, stopwords="en", show_progress=False), show_progress=False)

    def english_search(query: str) -> list[str]:
        tokens = bm25s.tokenize([query], stopwords="en", show_progress=False)
        docs, scores = english.retrieve(tokens, k=3, show_progress=False)
        return [ids[i] for i, s in zip(docs[0], scores[0], strict=True) if s > 0]

    target = id_with(paragraphs, "niveauet af videndeling")
    amount = id_with(paragraphs, "Der afsættes 600.000 kr. til dette.")
    heading = id_with(paragraphs, "5. Kompetenceudvikling af erfarne medarbejdere")
    # An inflected form: English finds nothing, Danish finds the paragraph.
    assert english_search("videndelingen") == []
    assert target in [d for d, _ in index.search("videndelingen", 5)]
    # An amount written without thousands dots.
    assert english_search("600000") == []
    assert index.search("600000", 1)[0][0] == amount
    # A compound whose head is what the text says.
    assert heading not in english_search("kompetenceudviklingsforløb")
    assert heading in [d for d, _ in index.search("kompetenceudviklingsforløb", 3)]


# --- masks, empty cases, explain, persistence -------------------------------------------------


def test_allowed_mask_excludes_documents_before_ranking(index):
    unmasked = index.search("kompetenceudvikling", 5)
    ids = index.ids
    banned = {unmasked[0][0], unmasked[2][0]}
    allowed = np.array([doc_id not in banned for doc_id in ids])
    masked = index.search("kompetenceudvikling", 5, allowed=allowed)
    assert len(masked) == 5
    assert not banned & {d for d, _ in masked}
    # The allowed documents keep their scores and order; the freed places are filled.
    expected = [hit for hit in index.search("kompetenceudvikling", 7) if hit[0] not in banned]
    assert masked == expected[:5]
    # A plain list of booleans works too; nothing allowed means nothing found.
    assert index.search("kompetenceudvikling", 5, allowed=list(allowed)) == masked
    assert index.search("kompetenceudvikling", 5, allowed=[False] * len(ids)) == []
    with pytest.raises(ValueError):
        index.search("kompetenceudvikling", 5, allowed=[True, False])


def test_mask_restricts_to_one_document(index):
    ids = index.ids
    allowed = np.array([doc_id.startswith(TASK_FORCE) for doc_id in ids])
    hits = index.search("kompetenceudvikling", 20, allowed=allowed)
    assert hits and all(doc_id.startswith(TASK_FORCE) for doc_id, _ in hits)


def test_only_positive_scores_best_first(index):
    hits = index.search("Rambøll", len(index))
    assert len(hits) == 2
    scores = [s for _, s in hits]
    assert scores == sorted(scores, reverse=True) and min(scores) > 0


def test_stopword_only_and_unknown_queries_return_nothing(index):
    assert index.search("hvad er det og hvor", 5) == []
    assert index.search("what is the", 5) == []
    assert index.search("xylofonorkester", 5) == []
    assert index.search("", 5) == []
    assert index.search("videndeling", 0) == []


def test_empty_indexes():
    empty = LexicalIndex.build([], [])
    assert len(empty) == 0
    assert empty.search("videndeling", 5) == []
    stopwords_only = LexicalIndex.build(["a", "b"], ["og i det", "hvad er der"])
    assert stopwords_only.search("videndeling", 5) == []
    assert stopwords_only.search("og", 5) == []


def test_build_rejects_bad_input():
    with pytest.raises(ValueError):
        LexicalIndex.build(["a", "a"], ["x", "y"])
    with pytest.raises(ValueError):
        LexicalIndex.build(["a"], ["x", "y"])


def test_explain_shows_matched_terms_and_sums_to_the_score(index, paragraphs):
    target = id_with(paragraphs, "niveauet af videndeling")
    query = "Hvor mange penge er der afsat til videndeling?"
    explanation = index.explain(query, target)
    score = dict(index.search(query, len(index)))[target]
    assert explanation["score"] == pytest.approx(score, rel=1e-5)
    matched = {m["term"]: m for m in explanation["matched"]}
    assert matched["videndeling"]["weight"] == 1.0
    assert matched["deling"]["weight"] == index.derived_weight
    assert "peng" in explanation["unmatched"]
    with pytest.raises(KeyError):
        index.explain(query, "no-such-id")


def test_save_and_load_give_the_same_results(index, tmp_path):
    index.save(tmp_path / "lexical")
    loaded = LexicalIndex.load(tmp_path / "lexical")
    assert loaded.ids == index.ids
    for query in ("kompetenceudviklingsforløb", "600.000", "30. november 2020"):
        assert loaded.search(query, 5) == index.search(query, 5)
    empty = LexicalIndex.build([], [])
    empty.save(tmp_path / "empty")
    assert LexicalIndex.load(tmp_path / "empty").search("videndeling", 3) == []


def test_a_given_analyzer_is_used_and_fitted():
    analyzer = DanishAnalyzer()
    built = LexicalIndex.build(
        ["x", "y"], ["En tovholder for projektet.", "Tovholderfunktionen er ny."], analyzer
    )
    assert built.analyzer is analyzer
    assert "tovholder" in analyzer.vocabulary
    assert [d for d, _ in built.search("tovholder", 2)] == ["x", "y"]


def test_a_synonym_finds_its_passage_below_a_typed_word() -> None:
    """ "dyrere" finds the minutes' "merudgift" (the answer's synonym sets serve the query
    too), at a lower weight than the word typed."""
    texts = {
        "overrun": "Licitationen gav en merudgift på 2,7 mio. kr. for skybrudsprojektet.",
        "other": "Budgetopfølgningen viser balance på serviceudgifterne.",
        "typed": "Projektet blev dyrere, fordi jordpriserne steg.",
    }
    index = LexicalIndex.build(list(texts), list(texts.values()))
    weights = index.query_terms("Hvor meget dyrere blev projektet?")
    assert 0 < weights["merudgift"] < weights["dyr"]
    found = [doc_id for doc_id, _ in index.search("Hvor meget dyrere blev skybrudsprojektet?", 3)]
    assert "overrun" in found and "other" not in found
