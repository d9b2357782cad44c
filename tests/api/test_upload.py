"""Uploads and deletes, on an empty data dir with a 1 MB limit."""

from __future__ import annotations

UPLOAD_TEXT = """Referat af mødet i Kultur- og Fritidsudvalget den 3. marts 2024

12. Bevilling til biblioteksprojekt

Sagens indhold
Udvalget drøftede et projekt om læseklubber på bibliotekerne.

Beslutning i Kultur- og Fritidsudvalget den 3. marts 2024
Der afsættes 250.000 kr. til læseklubberne i 2024.
"""


def test_upload_search_read_and_delete(empty_client, tmp_path):
    c = empty_client
    files = [("files", ("../../Referat læseklub 2024.txt", UPLOAD_TEXT.encode(), "text/plain"))]
    r = c.post("/api/documents", files=files)
    assert r.status_code == 200, r.text
    [result] = r.json()["results"]
    assert result["status"] == "added"
    assert result["original_filename"] == "../../Referat læseklub 2024.txt"
    assert result["filename"] == "Referat_læseklub_2024.txt"  # no directories, no spaces
    assert result["chunks"] >= 1
    doc_id = result["doc_id"]

    uploads = c.app.state.settings.data_dir / "uploads"
    assert (uploads / "Referat_læseklub_2024.txt").read_text() == UPLOAD_TEXT
    assert not (tmp_path / "Referat læseklub 2024.txt").exists()

    hits = c.get("/api/search", params={"q": "læseklubber bevilling"}).json()["hits"]
    assert hits[0]["doc_id"] == doc_id
    doc = c.get(f"/api/documents/{doc_id}").json()
    assert "Der afsættes 250.000 kr. til læseklubberne i 2024." in doc["text"]
    assert c.get(f"/api/documents/{doc_id}/file").content == UPLOAD_TEXT.encode()
    assert c.get("/readyz").status_code == 200

    again = c.post("/api/documents", files=files).json()["results"][0]
    assert again["status"] == "unchanged"

    # the same bytes under another name: reported in Danish, not indexed or kept twice
    copy = [("files", ("kopi af referat.txt", UPLOAD_TEXT.encode(), "text/plain"))]
    twin = c.post("/api/documents", files=copy).json()["results"][0]
    assert twin["status"] == "duplicate"
    assert twin["doc_id"] == doc_id
    assert twin["reason"] == "samme indhold som Referat_læseklub_2024.txt, som allerede er indlæst"
    assert not (uploads / "kopi_af_referat.txt").exists()
    assert len(c.get("/api/documents").json()["documents"]) == 1

    r = c.delete(f"/api/documents/{doc_id}")
    assert r.status_code == 204
    assert c.get(f"/api/documents/{doc_id}").status_code == 404
    assert c.get("/api/documents").json()["documents"] == []
    assert not (uploads / "Referat_læseklub_2024.txt").exists()
    assert c.get("/api/search", params={"q": "læseklubber"}).json()["hits"] == []
    assert c.delete(f"/api/documents/{doc_id}").status_code == 404


def test_failed_file_is_reported_per_file_and_not_kept(empty_client):
    c = empty_client
    files = [
        ("files", ("tom.txt", b"   \n\n  ", "text/plain")),
        ("files", ("godt.md", UPLOAD_TEXT.encode(), "text/markdown")),
    ]
    results = c.post("/api/documents", files=files).json()["results"]
    assert [r["status"] for r in results] == ["failed", "added"]
    assert results[0]["reason"] == "tom fil"
    uploads = c.app.state.settings.data_dir / "uploads"
    assert sorted(p.name for p in uploads.iterdir() if not p.name.startswith(".")) == ["godt.md"]


def test_failed_reupload_keeps_the_previous_version(empty_client):
    c = empty_client
    first = c.post("/api/documents", files=[("files", ("plan.txt", UPLOAD_TEXT.encode()))])
    doc_id = first.json()["results"][0]["doc_id"]
    broken = c.post("/api/documents", files=[("files", ("plan.txt", b"\n \n"))]).json()
    assert broken["results"][0]["status"] == "failed"
    assert c.get(f"/api/documents/{doc_id}/file").content == UPLOAD_TEXT.encode()


def test_too_large_upload_is_413_in_danish(empty_client):
    c = empty_client
    big = "Der afsættes 1 kr.\n".encode() * 60_000  # ~1.1 MB, limit is 1 MB
    r = c.post("/api/documents", files=[("files", ("stor.txt", big, "text/plain"))])
    assert r.status_code == 413
    assert r.json()["detail"] == (
        "Filen »stor.txt« er for stor. Den største tilladte størrelse er 1 MB."
    )
    uploads = c.app.state.settings.data_dir / "uploads"
    assert [p for p in uploads.rglob("*") if p.is_file()] == []
    assert c.get("/api/documents").json()["documents"] == []


def test_request_over_the_total_limit_is_refused_before_parsing(empty_client):
    r = empty_client.post(
        "/api/documents", files=[("files", ("kæmpe.txt", b"x" * (5 * 1024 * 1024)))]
    )
    assert r.status_code == 413
    assert r.json()["detail"].startswith("Uploaden er for stor. Hver fil må højst være 1 MB")


def test_upload_needs_files(empty_client):
    r = empty_client.post("/api/documents", data={"access": "public"})
    assert r.status_code == 422
    assert r.json()["detail"] == "Feltet »filer« mangler."


def test_upload_to_a_group_the_caller_lacks_is_403(empty_client):
    r = empty_client.post(
        "/api/documents", files=[("files", ("a.txt", UPLOAD_TEXT.encode()))], data={"access": "hr"}
    )
    assert r.status_code == 403
    assert r.json()["detail"] == "Du kan ikke gemme dokumenter i adgangsgruppen »hr«."


def test_readers_may_not_upload_or_delete(empty_client):
    c = empty_client
    doc_id = c.post("/api/documents", files=[("files", ("a.txt", UPLOAD_TEXT.encode()))]).json()[
        "results"
    ][0]["doc_id"]
    anonymous = {"X-API-Key": ""}
    r = c.post("/api/documents", files=[("files", ("b.txt", b"x"))], headers=anonymous)
    assert r.status_code == 401
    assert r.json() == {"detail": "Adgang kræver en API-nøgle."}
    assert c.delete(f"/api/documents/{doc_id}", headers=anonymous).status_code == 401
    assert c.get(f"/api/documents/{doc_id}").status_code == 200
