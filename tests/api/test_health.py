from __future__ import annotations


def test_healthz(client):
    r = client.get("/healthz")
    assert r.status_code == 200
    assert r.json() == {"status": "ok"}


def test_readyz_reports_the_indexed_corpus(client):
    r = client.get("/readyz")
    assert r.status_code == 200
    assert r.json() == {"status": "ready", "documents": 5, "detail": None}


def test_readyz_is_503_with_a_danish_reason_when_nothing_is_indexed(empty_client):
    r = empty_client.get("/readyz")
    assert r.status_code == 503
    assert r.json() == {
        "status": "not_ready",
        "documents": None,
        "detail": "Der er ingen dokumenter indekseret endnu.",
    }


def test_openapi_documents_every_endpoint(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path in (
        "/api/chat",
        "/api/conversations/{conversation_id}",
        "/api/search",
        "/api/documents",
        "/api/documents/{doc_id}",
        "/api/documents/{doc_id}/file",
        "/api/facts/budgets",
        "/api/facts/followups",
        "/api/facts/decisions",
        "/api/feedback",
        "/v1/chat/completions",
        "/v1/models",
        "/healthz",
        "/readyz",
    ):
        assert path in paths, path
    assert client.get("/docs").status_code == 200


def test_unknown_path_answers_in_danish(client):
    r = client.get("/api/findes-ikke")
    assert r.status_code == 404
    assert r.json() == {"detail": "Siden findes ikke."}
