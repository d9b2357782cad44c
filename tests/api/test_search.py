from __future__ import annotations


def test_search_ranks_the_budget_paragraph_first(client):
    r = client.get("/api/search", params={"q": "Hvor meget blev afsat til videndeling?", "k": 3})
    assert r.status_code == 200
    body = r.json()
    assert body["k"] == 3
    assert len(body["hits"]) == 3
    first = body["hits"][0]
    assert first["source"] == "bilag2_kompetencepulje_2006_sof.txt"
    assert "Der afsættes 600.000 kr. til dette." in first["text"]
    assert first["page"] >= 1 and first["section"]


def test_hits_point_at_exact_document_text(client):
    hits = client.get("/api/search", params={"q": "opfølgning i september 2021"}).json()["hits"]
    assert hits
    for hit in hits[:3]:
        doc = client.get(f"/api/documents/{hit['doc_id']}").json()
        assert doc["text"][hit["start"] : hit["end"]] == hit["text"]


def test_type_and_date_filters_apply_before_ranking(client):
    hits = client.get("/api/search", params={"q": "Task Force", "type": "referat"}).json()["hits"]
    assert hits and {h["doc_type"] for h in hits} == {"referat"}
    dated = client.get(
        "/api/search", params={"q": "kompetenceudvikling", "from": "2013-01-01", "to": "2013-12-31"}
    ).json()["hits"]
    assert dated and all("2013-01-01" <= h["date"] <= "2013-12-31" for h in dated)


def test_committee_filter(client):
    hits = client.get(
        "/api/search", params={"q": "opfølgning", "committee": "Børne- og Ungeudvalget"}
    ).json()["hits"]
    assert hits and {h["committee"] for h in hits} == {"Børne- og Ungeudvalget"}


def test_search_errors_are_danish(client):
    r = client.get("/api/search", params={"q": "   "})
    assert r.status_code == 422
    assert r.json()["detail"] == "Skriv en søgetekst."
    r = client.get("/api/search", params={"q": "budget", "k": 500})
    assert r.status_code == 422
    assert r.json()["detail"] == "»antal« må højst være 50."
    r = client.get("/api/search")
    assert r.status_code == 422
    assert r.json()["detail"] == "Feltet »søgetekst« mangler."
    r = client.get("/api/search", params={"q": "budget", "from": "i går"})
    assert r.status_code == 422
    assert r.json()["detail"] == "»fra-dato« skal være en dato som ÅÅÅÅ-MM-DD."
