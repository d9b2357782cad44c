"""End-to-end ingest: idempotency, replacement, removal, bad files, PDF pages and offsets."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from ingest.pipeline import Ingestor
from plan_assistant.cli import app
from tests.ingest.conftest import DANISH_PAGES, write_pdf

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
SMALL = "bilag2_kompetencepulje_2006_sof.txt"


def _consistent(ingestor: Ingestor) -> tuple[int, int]:
    registry_ids = ingestor.registry.chunk_ids()
    vector_ids = ingestor.stores.vectors.ids()
    assert registry_ids == vector_ids
    return ingestor.registry.counts()["documents"], len(registry_ids)


def test_corpus_ingest_agrees_across_stores(corpus_store):
    settings, stores, report = corpus_store
    assert report.count("added") == 5
    assert stores.registry.chunk_ids() == stores.vectors.ids()
    assert sum(f.chunks for f in report.files) == stores.vectors.count()


def test_reingest_is_idempotent_and_changed_file_replaces(fresh_settings, tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(CORPUS / SMALL, folder / SMALL)
    ingestor = Ingestor(fresh_settings)
    first = ingestor.ingest_paths([folder])
    assert first.count("added") == 1
    docs, chunks = _consistent(ingestor)

    again = ingestor.ingest_paths([folder])
    assert again.count("unchanged") == 1 and again.embedded == 0
    assert _consistent(ingestor) == (docs, chunks)

    path = folder / SMALL
    path.write_text(
        path.read_text(encoding="utf-8") + "\n\n7. Nyt projekt\n\nDer afsættes "
        "300.000 kr. til et nyt projekt om digitalisering.\n",
        encoding="utf-8",
    )
    changed = ingestor.ingest_paths([folder])
    assert changed.count("updated") == 1
    assert changed.embedded <= 2  # only the new/changed chunk texts are embedded again
    docs2, chunks2 = _consistent(ingestor)
    assert docs2 == 1 and chunks2 == chunks + 1

    assert ingestor.remove(SMALL)
    assert _consistent(ingestor) == (0, 0)


def test_a_copy_is_a_duplicate_and_a_moved_file_takes_over(fresh_settings, tmp_path):
    """The same bytes in a second folder are one document, reported by name; a file moved
    or renamed replaces its old entry instead of standing beside it."""
    first, second, moved = (tmp_path / name for name in ("a", "b", "c"))
    for folder in (first, second, moved):
        folder.mkdir()
    shutil.copy(CORPUS / SMALL, first / SMALL)
    shutil.copy(CORPUS / SMALL, second / "kopi.txt")
    ingestor = Ingestor(fresh_settings)
    assert ingestor.ingest_paths([first]).count("added") == 1
    docs, chunks = _consistent(ingestor)

    [copy] = ingestor.ingest_paths([second]).files
    assert copy.status == "duplicate"
    assert copy.reason == f"same content as {SMALL}, already indexed"
    assert _consistent(ingestor) == (docs, chunks)

    # both copies in one run: the second is a duplicate of the first, not yet saved
    shutil.copy(CORPUS / SMALL, moved / "endnu en kopi.txt")
    together = {f.source: f.status for f in ingestor.ingest_paths([second, moved]).files}
    assert together == {"kopi.txt": "duplicate", "endnu en kopi.txt": "duplicate"}
    (moved / "endnu en kopi.txt").unlink()
    fresh = tmp_path / "d"
    fresh.mkdir()
    shutil.copy(CORPUS / "bufu_2021-06-07_568_task_force_status.txt", fresh / "x.txt")
    shutil.copy(CORPUS / "bufu_2021-06-07_568_task_force_status.txt", fresh / "y.txt")
    in_one_run = {f.source: f.status for f in ingestor.ingest_paths([fresh]).files}
    assert sorted(in_one_run.values()) == ["added", "duplicate"]
    assert ingestor.remove("x.txt") or ingestor.remove("y.txt")
    assert _consistent(ingestor) == (docs, chunks)

    (second / "kopi.txt").unlink()
    (first / SMALL).rename(moved / "omdøbt.txt")
    [renamed] = ingestor.ingest_paths([moved]).files
    assert renamed.status == "added"
    assert _consistent(ingestor) == (docs, chunks)
    [doc] = ingestor.registry.list_documents()
    assert doc["path"] == str((moved / "omdøbt.txt").resolve())


def test_bad_files_are_reported_by_name_and_the_rest_ingested(fresh_settings, tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    shutil.copy(CORPUS / SMALL, folder / SMALL)
    (folder / "tom.txt").write_bytes(b"")
    (folder / "ødelagt.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\ngarbage")
    (folder / "billede.pdf").write_bytes(b"not a pdf at all")
    (folder / "noter.xyz").write_text("hej")
    ingestor = Ingestor(fresh_settings)
    report = ingestor.ingest_paths([folder, folder / "noter.xyz", folder / "forsvundet.txt"])
    by_name = {f.source: f for f in report.files}
    assert by_name[SMALL].status == "added"
    failed = {f.source: f.reason for f in report.failed}
    assert set(failed) == {"tom.txt", "ødelagt.pdf", "billede.pdf", "noter.xyz", "forsvundet.txt"}
    assert "empty" in failed["tom.txt"]
    assert "disappeared" in failed["forsvundet.txt"]
    assert all(reason for reason in failed.values())
    assert _consistent(ingestor) == (1, by_name[SMALL].chunks)


def test_cli_ingest_exit_code_and_error_lines(fresh_settings, tmp_path):
    folder = tmp_path / "cli"
    folder.mkdir()
    shutil.copy(CORPUS / SMALL, folder / SMALL)
    (folder / "tom.txt").write_bytes(b"")
    result = CliRunner().invoke(
        app, ["ingest", str(folder), "--data-dir", str(fresh_settings.data_dir)]
    )
    assert result.exit_code == 1
    assert "tom.txt" in result.output and "empty" in result.output
    ok = CliRunner().invoke(app, ["docs", "--json", "--data-dir", str(fresh_settings.data_dir)])
    assert ok.exit_code == 0
    assert [d["source"] for d in json.loads(ok.output)] == [SMALL]


def test_pdf_pages_and_offsets(fresh_settings, tmp_path):
    pdf = write_pdf(
        tmp_path / "referat.pdf", DANISH_PAGES, header="Referat 7. juni 2021", footer=True
    )
    ingestor = Ingestor(fresh_settings)
    report = ingestor.ingest_paths([pdf])
    assert report.count("added") == 1
    doc_id = report.files[0].doc_id
    doc = ingestor.registry.get_document(doc_id)
    assert [p.number for p in doc.pages] == [1, 2, 3]
    rows = [r for r in ingestor.registry.all_chunks() if r["doc_id"] == doc_id]
    expectations = {
        "anlæg ved rådhuset": 1,
        "1,5 mio. kr.": 2,
        "senest september 2021": 2,
        "tog orienteringen til efterretning": 3,
    }
    for needle, page in expectations.items():
        row = next(r for r in rows if needle in r["text"])
        assert row["page"] == page, needle
        offset = doc.text.index(needle)
        assert row["start"] <= offset < row["end"]
        span = next(p for p in doc.pages if p.start <= offset < p.end)
        assert span.number == page
    for r in rows:
        assert doc.text[r["start"] : r["end"]] == r["text"]


def test_a_failing_embedding_fails_only_its_document(fresh_settings, tmp_path, monkeypatch):
    folder = tmp_path / "batch"
    folder.mkdir()
    shutil.copy(CORPUS / SMALL, folder / SMALL)
    (folder / "giftig.txt").write_text(
        "Notat\n\nDenne tekst får embedderen til at fejle: GIFTIG.\n", encoding="utf-8"
    )
    ingestor = Ingestor(fresh_settings)
    embed = ingestor.stores.embedder.embed_passages

    def picky(texts):
        if any("GIFTIG" in t for t in texts):
            raise RuntimeError("embedding server said no")
        return embed(texts)

    monkeypatch.setattr(ingestor.stores.embedder, "embed_passages", picky)
    report = ingestor.ingest_paths([folder])
    by_name = {f.source: f for f in report.files}
    assert by_name[SMALL].status == "added"
    assert by_name["giftig.txt"].status == "failed"
    assert "embedding server said no" in by_name["giftig.txt"].reason
    assert _consistent(ingestor) == (1, by_name[SMALL].chunks)
    assert all(f.seconds > 0 for f in report.files)
