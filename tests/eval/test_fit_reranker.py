"""The reranker's fit script: ranking figures on hand-made candidate lists, and a full fit with
leave-one-document-out on two small documents written for the test."""

from __future__ import annotations

import json

import numpy as np
import pytest

from assistant.rerank import FEATURES, RerankModel
from eval.fit_reranker import QuestionCandidates, collect, main, rank_metrics, report


def _question(holds: list[list[bool]]) -> QuestionCandidates:
    n = len(holds)
    return QuestionCandidates("s", "q", "s:doc", np.zeros((n, len(FEATURES))), holds, [100] * n)


def test_rank_metrics_follow_the_scores() -> None:
    q = _question([[False], [True], [False]])
    assert rank_metrics([q], [np.array([3.0, 2.0, 1.0])]) == {
        "hit@1": 0.0,
        "hit@3": 1.0,
        "hit@5": 1.0,
        "hit@10": 1.0,
        "mrr": 0.5,
        "top5_chars": 300,
        "questions": 1,
    }
    assert rank_metrics([q], [np.array([1.0, 2.0, 0.0])])["mrr"] == 1.0


def test_two_quotes_need_both_in_the_top_k() -> None:
    q = _question([[True, False], [False, False], [False, True]])
    figures = rank_metrics([q], [np.array([3.0, 2.0, 1.0])])
    assert figures["hit@1"] == 0.0 and figures["hit@3"] == 1.0
    assert figures["mrr"] == 1.0  # the rank of the first quote, as the shared scorer


DOCS = {
    "kunstgraes.txt": """Referat – Kultur- og Fritidsudvalget – 3. maj 2024

4. Ny kunstgræsbane i Tune

Sagsbeskrivelse
Kunstgræsbanen i Tune er slidt op, og klubberne i Tune ønsker en ny kunstgræsbane.

Økonomiske konsekvenser
Anlægget forventes at koste 4,2 mio. kr., som finansieres af puljen til idrætsfaciliteter.

Beslutning
Godkendt med bemærkning om, at banen skal være klar til foråret.
""",
    "klubhus.txt": """Referat – Kultur- og Fritidsudvalget – 7. juni 2024

2. Renovering af klubhus i Karlslunde

Sagsbeskrivelse
Klubhuset i Karlslunde trænger til nyt tag og nye omklædningsrum.

Økonomiske konsekvenser
Renoveringen koster 950.000 kr. og afholdes af driftsbudgettet.

Beslutning
Udsat til næste møde, hvor klubben inviteres.
""",
}
QUESTIONS = [
    ("Hvad koster kunstgræsbanen i Tune?", "kunstgraes.txt", "koste 4,2 mio. kr."),
    ("Hvad besluttede udvalget om kunstgræsbanen?", "kunstgraes.txt", "Godkendt med bemærkning"),
    ("Hvad koster renoveringen af klubhuset?", "klubhus.txt", "Renoveringen koster 950.000 kr."),
    ("Hvad besluttede udvalget om klubhuset?", "klubhus.txt", "Udsat til næste møde"),
]


@pytest.fixture(scope="module")
def tiny_files(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("fit-corpus")
    for name, text in DOCS.items():
        (folder / name).write_text(text, encoding="utf-8")
    questions = folder.parent / "fit-questions.jsonl"
    rows = [
        {"id": f"t{i}", "question": q, "doc": doc, "evidence": ev, "kind": "budget", "answer": ""}
        for i, (q, doc, ev) in enumerate(QUESTIONS)
    ]
    rows.append(
        {
            "id": "t-none",
            "question": "Hvad koster en svømmehal?",
            "doc": "",
            "evidence": "",
            "kind": "unanswerable",
            "answer": "",
        }
    )
    questions.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n")
    return folder, questions


@pytest.fixture(scope="module")
def tiny_set(tiny_files, tmp_path_factory: pytest.TempPathFactory):
    from tests.conftest import make_settings

    folder, questions = tiny_files
    settings = make_settings(tmp_path_factory.mktemp("fit-data"))
    return collect("tiny", folder, questions, settings, depth=10)


def test_collect_labels_the_evidence_passages(tiny_set) -> None:
    assert [q.qid for q in tiny_set] == ["t0", "t1", "t2", "t3"]  # unanswerable left out
    for q in tiny_set:
        assert q.features.shape == (len(q.holds), len(FEATURES))
        assert q.labels.sum() >= 1  # every evidence quote is in some candidate
    assert {q.group for q in tiny_set} == {"tiny:kunstgraes.txt", "tiny:klubhus.txt"}


def test_fit_writes_weights_the_retriever_loads(tiny_set, tmp_path) -> None:
    features = ("fused", "amount_match", "decision_match")
    result = report(tiny_set, c=1.0, lodo=True, features=features)
    figures = result["figures"]["tiny"]
    assert set(figures) == {"fusion", "reranked_in_sample", "reranked_lodo"}
    assert figures["reranked_lodo"]["questions"] == 4
    path = tmp_path / "reranker.json"
    path.write_text(json.dumps(result["model"].to_json()), encoding="utf-8")
    model = RerankModel.load(path)
    assert model.features == features
    scores = model.score(tiny_set[0].features)
    assert scores.shape == (len(tiny_set[0].holds),) and np.isfinite(scores).all()


def test_the_command_line_fits_and_writes(tiny_files, tmp_path, monkeypatch, capsys) -> None:
    from plan_assistant.settings import get_settings
    from tests.conftest import EMBED_CACHE

    folder, questions = tiny_files
    monkeypatch.setenv("PLAN_ASSISTANT_EMBED_CACHE_DIR", str(EMBED_CACHE))
    get_settings.cache_clear()
    out = tmp_path / "weights.json"
    try:
        main(["--set", str(folder), str(questions), str(tmp_path / "data"), "--out", str(out)])
    finally:
        get_settings.cache_clear()
    model = RerankModel.load(out)
    (figures,) = model.meta["figures"].values()  # one set, named after its folder
    assert model.meta["questions"] == 4 and "reranked_lodo" in figures
    assert "wrote" in capsys.readouterr().out
