"""Overblik endpoints over the ingested corpus, and closed documents leaving no trace in them."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from stores.keys import create_key, open_keys
from tests.conftest import CORPUS, make_settings

TASK_FORCE = "bufu_2021-06-07_568_task_force_status.txt"


def _doc_id(client: TestClient, source: str) -> str:
    docs = client.get("/api/documents").json()["documents"]
    return next(d["id"] for d in docs if d["source"] == source)


def _verify(client: TestClient, citations: list[dict]) -> None:
    texts: dict[str, str] = {}
    for c in citations:
        if c["doc_id"] not in texts:
            texts[c["doc_id"]] = client.get(f"/api/documents/{c['doc_id']}").json()["text"]
        assert texts[c["doc_id"]][c["start"] : c["end"]] == c["quote"]


def test_overview_groups_documents_by_committee(client):
    body = client.get("/api/overview").json()
    committees = [g["committee"] for g in body["committees"]]
    assert committees[-1] == "Uden udvalg"
    assert "Børne- og Ungeudvalget" in committees
    assert body["counts"] == {"documents": 5, "programmes": 5}
    for group in body["committees"]:
        dates = [d["date"] or "" for d in group["documents"]]
        assert dates == sorted(dates, reverse=True)


def test_card(client):
    doc_id = _doc_id(client, TASK_FORCE)
    card = client.get(f"/api/documents/{doc_id}/card").json()
    assert card["committee"] == "Børne- og Ungeudvalget"
    assert card["summary"][0]["text"].startswith("Børne- og Ungeudvalget orienteres om fremdrift")
    _verify(client, [s["citation"] for s in card["summary"]])
    _verify(client, [f["citation"] for f in card["followups"]])
    missing = client.get("/api/documents/ffffffffffffffff/card")
    assert missing.status_code == 404
    assert missing.json() == {"detail": "Dokumentet findes ikke."}


def test_programmes(client):
    items = client.get("/api/programmes").json()["programmes"]
    pool = next(p for p in items if p["name"] == "Projekterne i kompetencepuljen fra 2006")
    page = client.get(f"/api/programmes/{pool['id']}").json()
    # the annex states no date of its own ("fra 2006" names the pool's year)
    assert [d["date"] for d in page["documents"]] == [None]
    assert any(b["amount_text"] == "600.000 kr." for b in page["budgets"])
    _verify(client, [b["citation"] for b in page["budgets"] + page["open_followups"]])
    assert client.get("/api/programmes/p-000000000000").status_code == 404


def test_glossary(client):
    body = client.get("/api/glossary").json()
    terms = {e["term"]: e for e in body["entries"]}
    assert (
        terms["BIF"]["expansions"][0]["expansion"] == "Beskæftigelses- og Integrationsforvaltning"
    )
    assert "FAU" in [u["term"] for u in body["undefined"]]
    _verify(client, [s for e in body["entries"] for x in e["expansions"] for s in x["sources"]])
    one = client.get("/api/glossary", params={"term": "sof"}).json()
    assert [e["term"] for e in one["entries"]] == ["SOF"]


def test_timeline_filters(client):
    all_events = client.get("/api/timeline").json()
    assert all_events["count"] == len(all_events["events"]) > 10
    mine = client.get("/api/timeline", params={"committee": "Børne- og Ungeudvalget"}).json()
    assert {e["source"] for e in mine["events"]} == {TASK_FORCE}
    decisions = client.get("/api/timeline", params={"kind": "decision"}).json()["events"]
    assert decisions and {e["kind"] for e in decisions} == {"decision"}
    _verify(client, [e["citation"] for e in mine["events"]])


def test_suggestions_and_module(client):
    questions = client.get("/api/overview/suggestions").json()["suggestions"]
    assert "Hvilke opfølgninger mangler?" in questions
    assert any(q.startswith("Hvad betyder ") for q in questions)
    js = client.get("/overview.js")
    assert js.status_code == 200 and js.headers["content-type"].startswith("text/javascript")
    assert "export function mountOverview" in js.text


# ------------------------------------------------------------------------ closed documents

CLOSED_SOURCE = "oeu_2024-03-14_913_ejendomskoeb.txt"
CLOSED_TEXT = """Økonomiudvalget
Referat af møde den 14. marts 2024

913. Købsforhandling om Kvistgårdsvej 14

Sagsnr.: 82.02.00-2024-17             Dok.nr.: 82.02.00-2024-311                 Lukket

Beslutningstema

Økonomiudvalget skal tage stilling til et bud på ejendommen Kvistgårdsvej 14, som ejes af \
Nordfjord Ejendomsselskab (NFE).

Sagens indhold

Sælger har accepteret en købesum på 7.345.000 kr. Sagen er drøftet med KVXR. Forhandlingerne \
er fortrolige, indtil købsaftalen er underskrevet.

Beslutning i Økonomiudvalget den 14. marts 2024

Godkendt. Administrationen forelægger den underskrevne købsaftale senest 1. juni 2024.
"""
MARKERS = ("Kvistgårdsvej", "Nordfjord", "NFE", "KVXR", "7.345.000", "fortrolige", "ejendomskoeb")
PATHS = [
    "/api/overview",
    "/api/programmes",
    "/api/glossary",
    "/api/glossary?term=NFE",
    "/api/timeline",
    "/api/timeline?committee=Økonomiudvalget",
    "/api/overview/suggestions",
    "/api/suggestions",
]


@pytest.fixture(scope="module")
def closed_env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, str, dict]]:
    from api.app import create_app
    from ingest.pipeline import Ingestor

    root = tmp_path_factory.mktemp("overview-access")
    docs = root / "docs"
    docs.mkdir()
    (docs / CLOSED_SOURCE).write_text(CLOSED_TEXT, encoding="utf-8")
    shutil.copy(CORPUS / TASK_FORCE, docs / TASK_FORCE)
    settings = make_settings(root / "data")
    ingestor = Ingestor(settings)
    public = ingestor.ingest_paths([docs / TASK_FORCE])
    closed = ingestor.ingest_paths([docs / CLOSED_SOURCE], access="lukket")
    assert not public.failed and not closed.failed
    conn = open_keys(settings.data_dir)
    keys = {
        "reader": create_key(conn, "læser", "reader"),
        "jurist": create_key(conn, "jurist", "reader", ["lukket"]),
    }
    with TestClient(create_app(settings)) as client:
        yield client, closed.files[0].doc_id, keys


def _traces(text: str, closed_id: str) -> list[str]:
    decoded = json.dumps(json.loads(text), ensure_ascii=False) if text.startswith("{") else text
    return [m for m in (*MARKERS, closed_id) if m in decoded]


@pytest.mark.parametrize("who", [None, "reader"])
@pytest.mark.parametrize("path", PATHS)
def test_closed_document_leaves_no_trace(closed_env, who, path):
    client, closed_id, keys = closed_env
    headers = {"Authorization": f"Bearer {keys[who]}"} if who else {}
    r = client.get(path, headers=headers)
    assert r.status_code == 200
    assert _traces(r.text, closed_id) == []
    card = client.get(f"/api/documents/{closed_id}/card", headers=headers)
    assert card.status_code == 404


def test_group_member_sees_the_closed_document(closed_env):
    client, closed_id, keys = closed_env
    headers = {"Authorization": f"Bearer {keys['jurist']}"}
    glossary = client.get("/api/glossary", headers=headers).json()
    nfe = next(e for e in glossary["entries"] if e["term"] == "NFE")
    assert nfe["expansions"][0]["expansion"] == "Nordfjord Ejendomsselskab"
    assert "KVXR" in [u["term"] for u in glossary["undefined"]]
    card = client.get(f"/api/documents/{closed_id}/card", headers=headers).json()
    assert card["closed"] is True and card["status_label"] == "Lukket"
    assert [b["amount_text"] for b in card["budgets"]] == ["7.345.000 kr."]
    events = client.get("/api/timeline", headers=headers).json()["events"]
    assert any(e["doc_id"] == closed_id for e in events)
