from __future__ import annotations

from tests.conftest import CORPUS


def _doc_id(client, source: str) -> str:
    docs = client.get("/api/documents").json()["documents"]
    return next(d["id"] for d in docs if d["source"] == source)


def test_list_documents(client):
    r = client.get("/api/documents")
    assert r.status_code == 200
    docs = r.json()["documents"]
    assert sorted(d["source"] for d in docs) == sorted(p.name for p in CORPUS.glob("*.txt"))
    minutes = next(d for d in docs if d["source"].startswith("bufu_"))
    assert minutes["date"] == "2021-06-07"
    assert minutes["committee"] == "Børne- og Ungeudvalget"
    assert minutes["access"] == "public"
    assert "path" not in minutes  # server paths are not the caller's business


def test_document_has_text_pages_and_sections_for_highlighting(client):
    doc_id = _doc_id(client, "bilag2_kompetencepulje_2006_sof.txt")
    doc = client.get(f"/api/documents/{doc_id}").json()
    assert doc["id"] == doc_id
    assert doc["title"].startswith("Bilag 2")
    start = doc["text"].index("Der afsættes 600.000 kr. til dette.")
    assert doc["pages"][0]["start"] == 0
    assert doc["pages"][-1]["end"] == len(doc["text"])
    videndeling = next(s for s in doc["sections"] if s["title"].endswith("Videndeling"))
    assert videndeling["start"] < start < videndeling["end"]


def test_original_file_is_served_verbatim(client):
    source = "norddjurs_status_handleplan_arbejdsmarked_2015.txt"
    r = client.get(f"/api/documents/{_doc_id(client, source)}/file")
    assert r.status_code == 200
    assert r.content == (CORPUS / source).read_bytes()
    assert r.headers["content-type"] == "text/plain; charset=utf-8"
    assert f'filename="{source}"' in r.headers["content-disposition"]


def test_unknown_document_is_404_in_danish(client):
    for path in ("/api/documents/0000000000000000", "/api/documents/0000000000000000/file"):
        r = client.get(path)
        assert r.status_code == 404
        assert r.json() == {"detail": "Dokumentet findes ikke."}
