"""Stored conversations are filtered by the caller's access when they are read.

A conversation is saved while a document is public; then an administrator narrows the
document to a group (`plan-assistant access set`). Its owner, without the group, reads the
conversation back and continues it: the quotes, titles, amounts and facts rows of that
document are withheld and the answer says so; answers from other documents are untouched;
opening the document again brings everything back (nothing was destroyed).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from api.deps import Caller
from api.routers.chat import open_conversation
from api.services.withheld import WITHHELD_TEXT, filter_answer, withheld_notice
from tests.api.conftest import make_app
from tests.api.test_access import OPEN_SOURCE, OPEN_TEXT, PUBLIC_REAL
from tests.conftest import CORPUS, make_settings

PLAYGROUND = "Hvor meget koster renoveringen af legepladsen i Byparken?"
BUDGETS = "Hvilke budgetter er der i Økonomiudvalget?"
OTHER = "Hvad er kompetencepuljen?"
MARKERS = ("450.000", OPEN_SOURCE, "Renovering af legepladsen")


def _assistant_text(message: dict) -> str:
    return json.dumps(message["answer"], ensure_ascii=False) + message["content"]


@pytest.fixture()
def store(tmp_path: Path):
    from ingest.pipeline import Ingestor

    (tmp_path / OPEN_SOURCE).write_text(OPEN_TEXT, encoding="utf-8")
    shutil.copy(CORPUS / PUBLIC_REAL, tmp_path / PUBLIC_REAL)
    settings = make_settings(tmp_path / "data")
    report = Ingestor(settings).ingest_paths([tmp_path / OPEN_SOURCE, tmp_path / PUBLIC_REAL])
    doc_ids = {f.source: f.doc_id for f in report.files}
    return settings, doc_ids


def _set_access(settings, group: str) -> None:  # type: ignore[no-untyped-def]
    from plan_assistant.cli_access import app as access_cli

    result = CliRunner().invoke(
        access_cli, ["set", OPEN_SOURCE, group, "--data-dir", str(settings.data_dir)]
    )
    assert result.exit_code == 0, result.output


def test_narrowed_access_withholds_stored_quotes_and_rows(store):
    settings, doc_ids = store
    closed_id = doc_ids[OPEN_SOURCE]
    app = make_app(settings)
    with TestClient(app) as client:
        first = client.post("/api/chat", json={"message": PLAYGROUND}).json()
        conv_id = first["conversation_id"]
        assert closed_id in {c["doc_id"] for c in first["citations"]}
        assert "450.000" in first["text"]
        for question in (BUDGETS, OTHER):
            r = client.post("/api/chat", json={"message": question, "conversation_id": conv_id})
            assert r.status_code == 200
        before = client.get(f"/api/conversations/{conv_id}").json()["messages"]
        assert any("450.000" in _assistant_text(m) for m in before if m["role"] == "assistant")

        _set_access(settings, "lukket")

        r = client.get(f"/api/conversations/{conv_id}")
        assert r.status_code == 200  # the owner still has the conversation ...
        after = r.json()["messages"]
        assert [m["id"] for m in after] == [m["id"] for m in before]
        assert [m["content"] for m in after if m["role"] == "user"] == [PLAYGROUND, BUDGETS, OTHER]
        answers = [m for m in after if m["role"] == "assistant"]
        for m in answers:  # ... but nothing of the narrowed document
            shown = _assistant_text(m)
            assert closed_id not in shown
            assert not [marker for marker in MARKERS if marker in shown], m
        playground = answers[0]
        assert playground["content"] == playground["answer"]["text"] == WITHHELD_TEXT
        assert playground["answer"]["withheld"] >= 1
        assert playground["answer"]["notice"] == withheld_notice(playground["answer"]["withheld"])
        # The answer about another document is shown as it was saved.
        other_before = [m for m in before if m["role"] == "assistant"][2]
        assert answers[2]["answer"]["citations"] == other_before["answer"]["citations"]
        assert answers[2]["content"] == other_before["content"]
        assert answers[2]["answer"]["withheld"] == 0

        # Continuing the conversation: the history handed to the assistant is filtered too.
        caller = Caller(owner="anonymous", access=frozenset({"public"}))
        _, history = open_conversation(app.state.services, conv_id, caller)
        assert len(history) == 6
        assert not [mk for mk in MARKERS if any(mk in turn["content"] for turn in history)]
        follow_up = client.post(
            "/api/chat", json={"message": "Og hvad med året efter?", "conversation_id": conv_id}
        )
        assert follow_up.status_code == 200
        assert closed_id not in follow_up.text

        # Read-time filtering destroys nothing: opening the document shows it all again.
        _set_access(settings, "public")
        again = client.get(f"/api/conversations/{conv_id}").json()["messages"]
        assert again[1] == before[1]


def test_filter_answer_withholds_by_citation_source_and_row():
    answer = {
        "text": "Der afsættes 450.000 kr. [1] og 600.000 kr. [2].",
        "citations": [
            {"n": 1, "doc_id": "closed", "source": "a.txt", "title": "A", "quote": "450.000"},
            {"n": 2, "doc_id": "open", "source": "b.txt", "title": "B", "quote": "600.000"},
        ],
        "sources": [{"doc_id": "closed"}, {"doc_id": "open"}, {"doc_id": "gone"}],
        "table": [
            {"beløb": "450.000 kr.", "kilde": "a.txt", "n": 1},
            {"beløb": "600.000 kr.", "kilde": "b.txt", "n": 2},
            {"beløb": "1 kr.", "kilde": "a.txt"},
            {"beløb": "2 kr.", "doc_id": "gone"},
        ],
        "notice": None,
    }
    shown = filter_answer(answer, readable={"open"})
    assert shown["text"] == WITHHELD_TEXT
    assert [c["n"] for c in shown["citations"]] == [2]
    assert shown["sources"] == [{"doc_id": "open"}]
    assert shown["table"] == [{"beløb": "600.000 kr.", "kilde": "b.txt", "n": 2}]
    assert shown["withheld"] == 1 + 2 + 3
    assert shown["notice"] == "6 kilder er skjult, fordi du ikke længere har adgang til dokumentet."
    assert filter_answer(answer, readable={"open", "closed", "gone"}) is answer


def test_only_uncited_sources_withheld_keeps_the_text():
    answer = {
        "text": "Det kan jeg ikke finde i dokumenterne.",
        "citations": [],
        "sources": [{"doc_id": "closed"}],
        "abstained": True,
    }
    shown = filter_answer(answer, readable=set())
    assert shown["text"] == answer["text"]
    assert shown["sources"] == [] and shown["withheld"] == 1
