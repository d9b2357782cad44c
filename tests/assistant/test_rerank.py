"""The second stage: features of candidate passages, the packaged weights, and the retriever
putting the passage that holds what the question asks for first."""

from __future__ import annotations

import json

import numpy as np
import pytest

from assistant.analysis import DanishAnalyzer
from assistant.rerank import (
    FEATURES,
    WEIGHTS_FILE,
    Candidate,
    FeatureExtractor,
    RerankModel,
    section_match,
)
from assistant.retriever import FusionConfig, HybridRetriever

MINUTES = """Referat – Kultur- og Fritidsudvalget – 3. maj 2024

4. Ny kunstgræsbane i Tune
Sagsnr.: 24-012345

Sagsbeskrivelse
Kunstgræsbanen i Tune er slidt op, og klubberne i Tune ønsker en ny kunstgræsbane. Den \
nuværende kunstgræsbane bruges af mange hold hele året, og en ny kunstgræsbane i Tune vil give \
bedre forhold for både børn og voksne.

Økonomiske konsekvenser
Anlægget forventes at koste 4,2 mio. kr., som finansieres af puljen til idrætsfaciliteter.

Beslutning
Godkendt.

5. Renovering af klubhus i Karlslunde
Sagsnr.: 24-012399

Sagsbeskrivelse
Klubhuset i Karlslunde trænger til nyt tag og nye omklædningsrum.
"""


def _extractor(texts: list[str]) -> FeatureExtractor:
    analyzer = DanishAnalyzer()
    analyzer.fit_vocabulary(texts)
    return FeatureExtractor(analyzer)


def _column(matrix: np.ndarray, name: str) -> list[float]:
    return matrix[:, FEATURES.index(name)].tolist()


def _idf(extractor: FeatureExtractor, question: str) -> dict[str, float]:
    return {t.term: 1.0 for t in extractor.analyzer.tokens(question) if not t.derived}


def test_terms_together_make_a_better_window_than_the_same_terms_scattered() -> None:
    together = (
        "Indledning om skolens år.\nEleverne har haft et godt år.\n"
        "Budgettet til vikarer på Hedeskolen er hævet i foråret.\nDet glæder alle."
    )
    scattered = (
        "Budgettet er drøftet.\nSkolebestyrelsen mødtes i marts.\nFlere vikarer blev ansat.\n"
        "Lærerne talte om trivsel.\nForældrene spurgte til udflugter.\nHedeskolen fejrer jubilæum."
    )
    extractor = _extractor([together, scattered])
    question = "budgettet vikarer Hedeskolen"
    cands = [
        Candidate("a:0000", "a", together, [], 1.0),
        Candidate("b:0000", "b", scattered, [], 1.0),
    ]
    matrix = extractor.matrix(question, cands, _idf(extractor, question))
    body, window = _column(matrix, "cover_body"), _column(matrix, "cover_window")
    assert body[0] == body[1] == 1.0  # both hold every term ...
    assert window[0] == 1.0 and window[1] < 1.0  # ... but only one in three lines


def test_answer_type_features_follow_the_question() -> None:
    amount = "Anlægget forventes at koste 4,2 mio. kr. i 2025."
    date = "Arbejdet går i gang den 3. marts 2025."
    decision = "Beslutning: Godkendt af udvalget."
    extractor = _extractor([amount, date, decision])
    cands = [
        Candidate(f"d:000{i}", "d", text, [], 1.0)
        for i, text in enumerate([amount, date, decision])
    ]
    for question, feature, holder in [
        ("Hvad koster anlægget?", "amount_match", 0),
        ("Hvornår går arbejdet i gang?", "date_match", 1),
        ("Hvad besluttede udvalget?", "decision_match", 2),
    ]:
        values = _column(extractor.matrix(question, cands, _idf(extractor, question)), feature)
        assert values == [1.0 if i == holder else 0.0 for i in range(3)], (question, values)


def test_section_match_pairs_the_asked_kind_with_the_section_that_records_it() -> None:
    item = ["Referat – Kultur- og Fritidsudvalget", "4. Ny kunstgræsbane i Tune"]
    economy = [*item, "Økonomiske konsekvenser"]
    timetable = [*item, "Tidsplan"]
    decision = [*item, "Beslutning"]
    description = [*item, "Sagsbeskrivelse"]
    amount_q = "Hvad koster kunstgræsbanen i Tune?"
    date_q = "Hvornår skal kunstgræsbanen i Tune stå klar?"
    decision_q = "Hvad besluttede udvalget om kunstgræsbanen i Tune?"
    assert section_match(amount_q, economy) == 1.0
    assert section_match(date_q, timetable) == 1.0
    assert section_match(decision_q, decision) == 1.0
    # another kind's section, a section of no kind, or a question of no kind: nothing
    assert section_match(amount_q, decision) == section_match(date_q, economy) == 0.0
    assert section_match(decision_q, description) == 0.0
    assert section_match("Hvem står for kunstgræsbanen i Tune?", economy) == 0.0
    # "Beslutningstema" introduces the case, it does not record the decision
    assert section_match(decision_q, [*item, "Beslutningstema"]) == 0.0
    # only the passage's own (innermost) section counts, not a heading above it
    assert section_match(amount_q, ["Økonomi", "Sagsbeskrivelse"]) == 0.0
    assert section_match(amount_q, []) == 0.0
    extractor = _extractor(["Kunstgræsbanen koster 4,2 mio. kr."])
    cands = [
        Candidate("d:0000", "d", "Kunstgræsbanen koster 4,2 mio. kr.", economy, 1.0),
        Candidate("d:0001", "d", "Kunstgræsbanen koster 4,2 mio. kr.", description, 1.0),
    ]
    full = extractor.matrix(amount_q, cands, _idf(extractor, amount_q))
    alone = extractor.matrix(amount_q, cands, {}, wanted=("section_match",))
    assert _column(full, "section_match") == _column(alone, "section_match") == [1.0, 0.0]


def test_packaged_weights_load_and_score() -> None:
    model = RerankModel.load()
    assert set(model.features) <= set(FEATURES)
    assert len(model.coef) == len(model.mean) == len(model.scale) == len(model.features)
    assert model.meta["fitted_by"] == "eval/fit_reranker.py"
    rows = np.zeros((2, len(FEATURES)))
    rows[0, FEATURES.index("fused")] = 1.0
    scores = model.score(rows)
    assert scores.shape == (2,) and scores[0] > scores[1]  # the fusion score still counts most


def test_weights_naming_an_unknown_feature_are_refused(tmp_path) -> None:
    data = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))
    data["features"][0] = "no_such_feature"
    path = tmp_path / "weights.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValueError, match="no_such_feature"):
        RerankModel.load(path)


@pytest.fixture(scope="module")
def minutes_store(tmp_path_factory: pytest.TempPathFactory):
    from ingest.pipeline import Ingestor
    from tests.conftest import make_settings

    folder = tmp_path_factory.mktemp("rerank-minutes")
    (folder / "referat.txt").write_text(MINUTES, encoding="utf-8")
    ingestor = Ingestor(make_settings(tmp_path_factory.mktemp("rerank-data")))
    assert not ingestor.ingest_paths([folder]).failed
    return ingestor.stores


def test_the_decision_passage_comes_first_for_a_decision_question(minutes_store) -> None:
    """Fusion ranks the case description first (it repeats the question's words); the
    reranker knows a decision question wants the passage that records the decision."""
    question = "Hvad besluttede udvalget om kunstgræsbanen i Tune?"
    # the item's sections as separate hits; the final reorder's section weight (which puts
    # "Beslutning" first by itself, below) left out to see the reranker alone
    apart = FusionConfig(merge_max=0, section_weight=0)
    fused = HybridRetriever(minutes_store, apart, reranker=False).search(question, k=3)
    reranked = HybridRetriever(minutes_store, apart).search(question, k=3)
    by_section = HybridRetriever(minutes_store, FusionConfig(merge_max=0), reranker=False)
    assert by_section.search(question, k=3)[0].section.endswith("Beslutning")
    assert not fused[0].section.endswith("Beslutning")

    def decision(hits):  # (rank, score share of the first) of the "Beslutning" passage
        i = next(i for i, h in enumerate(hits) if h.section.endswith("Beslutning"))
        return i, hits[i].score / hits[0].score

    # the item's heading and case number open its case description, which therefore shares
    # most of the question's words; the reranker all but closes the gap fusion left
    (fused_rank, fused_share), (reranked_rank, reranked_share) = decision(fused), decision(reranked)
    assert reranked_rank <= fused_rank and reranked_share > fused_share
    assert reranked_share > 0.99
    # and the whole retriever shows the decision in its first passage
    first = HybridRetriever(minutes_store).search(question, k=3)[0]
    assert "Ny kunstgræsbane i Tune" in first.text and first.text.endswith("Godkendt.")
    # the reranker reorders the fused candidates; it brings in none of its own
    deep_fused = HybridRetriever(minutes_store, apart, reranker=False).search(question, k=30)
    deep_reranked = HybridRetriever(minutes_store, apart).search(question, k=30)
    assert {h.chunk_id for h in deep_fused} == {h.chunk_id for h in deep_reranked}


def test_reranker_off_keeps_fusion_order(minutes_store) -> None:
    retriever = HybridRetriever(minutes_store, FusionConfig(merge_max=0), reranker=False)
    hits = retriever.search("Hvad koster en ny kunstgræsbane i Tune?", k=5)
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_the_model_s_own_columns_are_the_same_computed_alone() -> None:
    """At search time only the packaged model's features are computed; they must equal the
    same columns of the full matrix the fit script sees."""
    texts = [
        "Anlægget forventes at koste 4,2 mio. kr. i 2025.",
        "Arbejdet går i gang den 3. marts 2025.",
        "Beslutning: Godkendt af udvalget.",
    ]
    extractor = _extractor(texts)
    cands = [Candidate(f"d:000{i}", "d", t, ["Punkt 4"], 1.0 - i / 10) for i, t in enumerate(texts)]
    model = RerankModel.load()
    for question in (
        "Hvad koster anlægget?",
        "Hvornår går arbejdet i gang?",
        "Hvad besluttede de?",
    ):
        idf = _idf(extractor, question)
        full = extractor.matrix(question, cands, idf)
        alone = extractor.matrix(question, cands, idf, model.features)
        columns = [FEATURES.index(name) for name in model.features]
        assert np.array_equal(full[:, columns], alone[:, columns])
        assert np.array_equal(model.score(full), model.score(alone))
