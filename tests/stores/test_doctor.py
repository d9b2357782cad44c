"""`plan-assistant doctor`: every kind of inconsistency is found, and --repair fixes it."""

from __future__ import annotations

import json
import shutil

import numpy as np
import pytest
import typer
from typer.testing import CliRunner

from plan_assistant.cli_doctor import diagnose, register
from tests.conftest import CORPUS, make_settings

DOCS = ("bilag2_kompetencepulje_2006_sof.txt", "bufu_2021-06-07_568_task_force_status.txt")
NOTE = "Notat om trafik\n\nDer afsættes 50.000 kr. til vejbump på Skolevej i 2025.\n"


@pytest.fixture()
def store(tmp_path):
    from ingest.pipeline import Ingestor

    folder = tmp_path / "docs"
    folder.mkdir()
    for name in DOCS:
        shutil.copy(CORPUS / name, folder / name)
    (folder / "notat.txt").write_text(NOTE, encoding="utf-8")
    settings = make_settings(tmp_path / "data")
    ingestor = Ingestor(settings)
    report = ingestor.ingest_paths([folder])
    assert not report.failed
    ids = {f.source: f.doc_id for f in report.files}
    return settings, ingestor, folder, ids


def _doctor(settings, *args: str):
    app = typer.Typer()
    register(app)

    @app.command("noop")
    def _noop() -> None:  # a second command keeps `doctor` a named sub-command
        pass

    result = CliRunner().invoke(
        app, ["doctor", "--data-dir", str(settings.data_dir), "--json", *args]
    )
    return result.exit_code, json.loads(result.stdout)


def test_a_fresh_store_is_healthy(store):
    settings, ingestor, _, _ = store
    assert diagnose(ingestor.stores).healthy
    code, report = _doctor(settings)
    assert code == 0 and report["healthy"] is True and report["actions"] == []


def test_doctor_finds_and_repairs_every_kind_of_damage(store):
    settings, ingestor, folder, ids = store
    stores = ingestor.stores
    registry, collection = stores.registry, stores.vectors.collection
    bilag, status, note = ids[DOCS[0]], ids[DOCS[1]], ids["notat.txt"]

    # 1. an orphan vector, as a crash between the Chroma write and the registry commit leaves
    collection.add(
        ids=["deadbeefdeadbeef:0000000000:0000"],
        embeddings=[np.ones(stores.embedder.dim).tolist()],
        metadatas=[{"doc_id": "deadbeefdeadbeef", "access": "public", "start": 0, "end": 1}],
    )
    # 2. a document whose vectors are gone; its file still exists
    stores.vectors.delete_doc(bilag)
    # 3. a document whose vectors are gone and whose file was deleted as well
    stores.vectors.delete_doc(note)
    (folder / "notat.txt").unlink()
    # 4. an interrupted `access set`: the registry says lukket, one vector still says public
    registry.set_access(status, "lukket")
    first_status_chunk = sorted(registry.chunk_ids(status))[0]
    # 5. facts of a document that no longer exists
    conn = registry.conn
    pytest.importorskip("stores.facts")
    cols = [r[1] for r in conn.execute("PRAGMA table_info(fact_decisions)")]
    row = conn.execute("SELECT * FROM fact_decisions WHERE doc_id = ?", (status,)).fetchone()
    assert row is not None, "the minutes item's decision should be a fact"
    values = dict(zip(cols, row, strict=True))
    values["doc_id"] = "0000000000000000"
    values.pop("id", None)
    conn.execute(
        f"INSERT INTO fact_decisions ({','.join(values)}) VALUES ({','.join('?' * len(values))})",
        list(values.values()),
    )
    from plan_assistant.cli_access import update_vector_access

    update_vector_access(collection, sorted(registry.chunk_ids(status)), "lukket")
    update_vector_access(collection, [first_status_chunk], "public")

    found = diagnose(stores)
    assert found.orphan_vectors == ["deadbeefdeadbeef:0000000000:0000"]
    assert set(found.missing_vectors) == {bilag, note}
    assert found.missing_vectors[bilag] == sorted(registry.chunk_ids(bilag))
    assert found.access_mismatches == {"lukket": [first_status_chunk]}
    assert found.missing_files == [note]
    assert found.orphan_facts == {"fact_decisions": 1}
    assert not found.healthy

    code, report = _doctor(settings)  # without --repair: report only, nothing changes
    assert code == 1 and report["actions"] == []
    assert report["before"]["orphan vectors"] == 1
    assert diagnose(stores).orphan_vectors == found.orphan_vectors

    code, report = _doctor(settings, "--repair")
    assert code == 0, report
    assert report["healthy"] is True
    assert "deleted 1 orphan vectors" in report["actions"]
    assert f"re-ingested {DOCS[0]}" in report["actions"]
    assert any(a.startswith(f"rebuilt 1 vectors of {note}") for a in report["actions"])
    assert "set access 'lukket' on 1 vectors" in report["actions"]
    assert "deleted 1 rows of fact_decisions whose document is gone" in report["actions"]

    after = diagnose(stores)
    assert after.healthy
    assert registry.chunk_ids() == stores.vectors.ids()
    assert registry.document_access(status) == "lukket"
    metas = collection.get(where={"doc_id": status}, include=["metadatas"])["metadatas"]
    assert {m["access"] for m in metas} == {"lukket"}
    assert json.loads(metas[0]["_node_content"])["metadata"]["access"] == "lukket"
    # the rebuilt document is searchable again, by its exact amount
    from assistant.retriever import HybridRetriever
    from assistant.types import SearchFilters

    hits = HybridRetriever(stores).search("vejbump Skolevej", k=3, filters=SearchFilters())
    assert hits[0].doc_id == note


def test_stale_documents_from_an_interrupted_ingest_are_reingested(store):
    settings, ingestor, _, ids = store
    registry = ingestor.stores.registry
    doc = ids[DOCS[1]]
    registry.conn.execute("UPDATE documents SET content_hash = '' WHERE id = ?", (doc,))
    assert diagnose(ingestor.stores).stale_documents == [doc]
    code, report = _doctor(settings, "--repair")
    assert code == 0 and f"re-ingested {DOCS[1]}" in report["actions"]
    row = registry.conn.execute(
        "SELECT content_hash FROM documents WHERE id = ?", (doc,)
    ).fetchone()
    assert row["content_hash"]
