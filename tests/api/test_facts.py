from __future__ import annotations

import csv
import io


def _doc_text(client, doc_id: str) -> str:
    return client.get(f"/api/documents/{doc_id}").json()["text"]


def test_budgets_json_with_verifiable_quotes(client):
    r = client.get("/api/facts/budgets")
    assert r.status_code == 200
    body = r.json()
    assert body["kind"] == "budgets"
    assert body["count"] == len(body["rows"])
    row = next(b for b in body["rows"] if b["initiative"] == "Videndeling")
    assert row["amount_dkk"] == 600_000
    assert row["amount_text"] == "600.000 kr."
    assert row["source"] == "bilag2_kompetencepulje_2006_sof.txt"
    text = _doc_text(client, row["doc_id"])
    assert text[row["start"] : row["end"]] == row["quote"]
    assert {b["access"] for b in body["rows"]} == {"public"}


def test_budget_filters(client):
    rows = client.get(
        "/api/facts/budgets",
        params={"source": "bilag2_kompetencepulje_2006_sof.txt", "min_amount": 1_000_000},
    ).json()["rows"]
    assert rows
    assert all(r["source"] == "bilag2_kompetencepulje_2006_sof.txt" for r in rows)
    assert all(max(r["amount_dkk"], r["amount_high"] or 0) >= 1_000_000 for r in rows)
    assert "Videndeling" not in {r["initiative"] for r in rows}


def test_budgets_as_csv_by_accept_header_and_by_format(client):
    json_rows = client.get("/api/facts/budgets").json()["rows"]
    for response in (
        client.get("/api/facts/budgets", headers={"Accept": "text/csv"}),
        client.get("/api/facts/budgets", params={"format": "csv"}),
    ):
        assert response.status_code == 200
        assert response.headers["content-type"] == "text/csv; charset=utf-8"
        assert 'filename="budgets.csv"' in response.headers["content-disposition"]
        rows = list(csv.DictReader(io.StringIO(response.text)))
        assert len(rows) == len(json_rows)
        videndeling = next(r for r in rows if r["initiative"] == "Videndeling")
        assert videndeling["amount_text"] == "600.000 kr."
        assert videndeling["is_allocation"] == "ja"


def test_followups_outstanding_as_of_a_date(client):
    everything = client.get("/api/facts/followups", params={"as_of": "2021-06-08"}).json()
    outstanding = client.get(
        "/api/facts/followups", params={"as_of": "2021-06-08", "outstanding": "true"}
    ).json()
    assert outstanding["as_of"] == "2021-06-08"
    assert 0 < outstanding["count"] <= everything["count"]
    assert all(r["outstanding"] for r in outstanding["rows"])
    september = [r for r in outstanding["rows"] if r["due_date"] == "2021-09-30"]
    assert september and all(r["overdue"] is False for r in september)
    for r in outstanding["rows"][:5]:
        assert _doc_text(client, r["doc_id"])[r["start"] : r["end"]] == r["quote"]


def test_decisions(client):
    body = client.get("/api/facts/decisions").json()
    assert body["kind"] == "decisions"
    minutes = [r for r in body["rows"] if r["source"].startswith("bufu_")]
    assert minutes and minutes[0]["item_number"] == "568"


def test_facts_validation_is_danish(client):
    r = client.get("/api/facts/followups", params={"as_of": "snart"})
    assert r.status_code == 422
    assert r.json()["detail"] == "»pr. dato« skal være en dato som ÅÅÅÅ-MM-DD."
    r = client.get("/api/facts/budgets", params={"format": "xlsx"})
    assert r.status_code == 422
    assert r.json()["detail"] == "»format« skal være en af: 'json' eller 'csv'."
