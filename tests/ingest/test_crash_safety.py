"""SIGKILL `plan-assistant ingest` at random moments, run it again: the store is consistent.

A folder of three corpus documents and three generated notes is ingested to completion, then
again unchanged: the two durations tell start-up from work. Then, four times, the notes are
rewritten (so each run has real embedding and replacing to do) and a new ingest is killed
with SIGKILL at a random point (fixed seed) of its work; a run that outpaces its kill is
repeated, and its length bounds the later kills. A last run completes.
The store must then hold exactly the final versions: registry chunk ids equal vector ids, no
duplicate chunks, every document has all its vectors, facts only for existing documents.
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import CORPUS, EMBED_CACHE, ROOT, make_settings

CORPUS_DOCS = (
    "bilag2_kompetencepulje_2006_sof.txt",
    "bufu_2021-06-07_568_task_force_status.txt",
    "kommissorium_socialcentre_jobcentre_2005.txt",
)
SOURCE_OF_NOTES = CORPUS / "silkeborg_notat_2013_kompetenceudvikling_jobcenter.txt"
KILLS = 4
PARAGRAPHS = 2  # per note: ~2 chunks each, so writes are spread over the whole run
SEED = 20240314


def _cli() -> list[str]:
    script = Path(sys.executable).with_name("plan-assistant")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "plan_assistant.cli"]


def write_note(path: Path, version: int, sentences: list[str], rng: random.Random) -> str:
    """A note of ~400-character paragraphs of corpus sentences in a shuffled order,
    marked with its version, so every version has new chunk texts to embed (a few seconds
    of real work per run). Returns the version's marker word."""
    marker = f"revision{version:03d}x{rng.randrange(10**6):06d}"
    paragraphs = []
    for i in range(PARAGRAPHS):
        picked: list[str] = []
        while sum(len(x) for x in picked) < 400:
            picked.append(rng.choice(sentences))
        paragraphs.append(f"Afsnit {i + 1} ({marker}). " + " ".join(picked))
    body = "\n\n".join(paragraphs)
    path.write_text(f"Notat om kompetenceudvikling, {marker}\n\n{body}\n", encoding="utf-8")
    return marker


def private_cache(target: Path) -> Path:
    """A copy of the shared embedding cache: the corpus documents come from it, while every
    version of the generated notes is new to it, so each run really embeds and writes."""
    target.mkdir()
    source = EMBED_CACHE / "embeddings.sqlite"
    if source.exists():
        with sqlite3.connect(source) as src, sqlite3.connect(target / source.name) as dst:
            src.backup(dst)
    return target


def run_ingest(
    folder: Path, data_dir: Path, cache: Path, kill_after: float | None
) -> tuple[int | None, bool, float]:
    """(exit code or None when killed, whether the kill interrupted a running ingest, and how
    long the run took when it finished)."""
    started = time.monotonic()
    env = os.environ | {
        "PLAN_ASSISTANT_EMBED_CACHE_DIR": str(cache),
        "ANONYMIZED_TELEMETRY": "False",
    }
    proc = subprocess.Popen(
        [*_cli(), "ingest", str(folder), "--data-dir", str(data_dir)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group: a kill reaches any helper it forks
    )
    if kill_after is None:
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err.decode(errors="replace")[-2000:]
        return proc.returncode, False, time.monotonic() - started
    try:
        proc.wait(timeout=kill_after)
        return proc.returncode, False, time.monotonic() - started  # finished before the kill
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        return None, True, kill_after


def test_sigkilled_ingests_leave_a_consistent_store(tmp_path):
    from ingest.pipeline import Ingestor
    from plan_assistant.cli_doctor import diagnose

    rng = random.Random(SEED)
    folder, data_dir = tmp_path / "docs", tmp_path / "data"
    folder.mkdir()
    cache = private_cache(tmp_path / "cache")
    for name in CORPUS_DOCS:
        shutil.copy(CORPUS / name, folder / name)
    text = " ".join(SOURCE_OF_NOTES.read_text(encoding="utf-8").split())
    sentences = [x.strip() + "." for x in text.split(". ") if 40 < len(x) < 300]
    notes = [folder / f"notat_{letter}.txt" for letter in "abc"]
    version = 0
    markers = [write_note(n, version, sentences, rng) for n in notes]

    _, _, full_run = run_ingest(folder, data_dir, cache, None)  # corpus files and notes
    _, _, idle_run = run_ingest(folder, data_dir, cache, None)  # unchanged: start-up only
    # Kill at a random point of the part of a run that writes (start-up is mostly imports);
    # later runs re-ingest only the notes, a bit over half of the first run's work. A run
    # that finishes before its kill tells how long such a run takes: later kills fall inside
    # that span (start-up times vary with the machine's load, so one estimate is not enough).
    work = max(full_run - idle_run, 0.2 * full_run)
    notes_run = idle_run + 0.6 * work

    interrupted = attempts = 0
    while interrupted < KILLS and attempts < 3 * KILLS:  # a run may outpace its kill
        attempts += 1
        version += 1
        markers = [write_note(n, version, sentences, rng) for n in notes]
        start_up = min(idle_run, 0.5 * notes_run)
        kill_after = start_up + rng.uniform(0.0, 0.9) * (notes_run - start_up)
        _, killed, took = run_ingest(folder, data_dir, cache, kill_after)
        interrupted += killed
        if not killed:
            notes_run = min(notes_run, took)
    assert interrupted == KILLS, f"only {interrupted} of {attempts} runs were still running"

    version += 1
    markers = [write_note(n, version, sentences, rng) for n in notes]
    run_ingest(folder, data_dir, cache, None)

    settings = make_settings(data_dir).model_copy(update={"embed_cache_dir": cache})
    stores = Ingestor(settings).stores
    registry, vectors = stores.registry, stores.vectors
    conn = registry.conn
    docs = {d["source"]: d for d in registry.list_documents()}
    assert set(docs) == {*CORPUS_DOCS, *(n.name for n in notes)}

    # registry chunk ids == vector ids, and the counts agree (no duplicate vectors)
    registry_ids, vector_ids = registry.chunk_ids(), vectors.ids()
    assert registry_ids == vector_ids
    assert vectors.count() == len(vector_ids) == registry.counts()["chunks"]

    # every document has exactly its own vectors, and its recorded chunk count
    for source, doc in docs.items():
        own = registry.chunk_ids(doc["id"])
        assert own and vectors.ids(doc["id"]) == own, source
        assert doc["n_chunks"] == len(own), source

    # no duplicate passages: one chunk per (document, index) and per (document, span)
    dupes = conn.execute(
        "SELECT COUNT(*) FROM (SELECT doc_id, idx FROM chunks GROUP BY doc_id, idx"
        " HAVING COUNT(*) > 1)"
    ).fetchone()[0]
    assert dupes == 0

    # the notes hold their final version only, hashed as on disk
    for note, marker in zip(notes, markers, strict=True):
        doc = registry.get_document(docs[note.name]["id"])
        assert doc.content_hash == hashlib.sha256(note.read_bytes()).hexdigest()
        assert marker in doc.text and "revision000" not in doc.text
        texts = [r["text"] for r in conn.execute(
            "SELECT text FROM chunks WHERE doc_id = ?", (doc.id,))]  # fmt: skip
        assert any(marker in t for t in texts)

    # facts only for documents that exist
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    for table in ("fact_budgets", "fact_followups", "fact_decisions"):
        if table in tables:
            orphans = conn.execute(
                f"SELECT COUNT(*) FROM {table} WHERE doc_id NOT IN (SELECT id FROM documents)"
            ).fetchone()[0]
            assert orphans == 0, table

    # the doctor agrees, and both halves of retrieval work on the final versions
    assert diagnose(stores).healthy
    from assistant.retriever import HybridRetriever

    hits = HybridRetriever(stores).search(markers[0], k=3)
    assert hits and hits[0].source == "notat_a.txt"
    dense = vectors.query(stores.embedder.embed_query("kompetenceudvikling i jobcentret"), 5)
    assert len(dense) == 5 and {h.chunk_id for h in dense} <= registry_ids
