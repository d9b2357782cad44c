"""`plan-assistant doctor [--repair]`: is the store consistent, and fix what can be fixed.

Checks (the registry is the source of truth, Chroma holds vectors keyed by the same ids):
- orphan vectors: vectors no registry chunk owns (a crash between the vector write and the
  registry commit) -> deleted;
- documents missing vectors: registry chunks without a vector, and documents marked stale by
  an interrupted ingest (empty content hash) -> re-ingested from their file when it still
  exists, else their vectors are rebuilt from the registry's own chunk texts;
- duplicate chunks: two registry chunks or two vectors for the same passage of a document;
- access mismatches: a vector whose `access` metadata differs from its document's (an
  interrupted `access set`) -> metadata rewritten from the registry;
- orphan facts: fact rows whose document is gone -> deleted.
Exit code 0 when the store is (or has been made) consistent, 1 otherwise.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

console = Console()
log = logging.getLogger("plan_assistant.doctor")

FACT_TABLES = ("fact_budgets", "fact_followups", "fact_decisions")


@dataclass
class Diagnosis:
    orphan_vectors: list[str] = field(default_factory=list)
    missing_vectors: dict[str, list[str]] = field(default_factory=dict)  # doc id -> chunk ids
    stale_documents: list[str] = field(default_factory=list)
    duplicate_chunks: list[str] = field(default_factory=list)
    duplicate_vectors: list[str] = field(default_factory=list)
    access_mismatches: dict[str, list[str]] = field(default_factory=dict)  # access -> chunk ids
    orphan_facts: dict[str, int] = field(default_factory=dict)
    missing_files: list[str] = field(default_factory=list)  # informational only

    @property
    def documents_to_rebuild(self) -> set[str]:
        return set(self.missing_vectors) | set(self.stale_documents)

    @property
    def problems(self) -> dict[str, int]:
        return {
            "orphan vectors": len(self.orphan_vectors),
            "documents missing vectors": len(self.missing_vectors),
            "stale documents (interrupted ingest)": len(self.stale_documents),
            "duplicate registry chunks": len(self.duplicate_chunks),
            "duplicate vectors": len(self.duplicate_vectors),
            "vectors with wrong access": sum(len(v) for v in self.access_mismatches.values()),
            "facts of deleted documents": sum(self.orphan_facts.values()),
        }

    @property
    def healthy(self) -> bool:
        return not any(self.problems.values())


def _vector_metadata(collection: Any) -> dict[str, dict[str, Any]]:
    got = collection.get(include=["metadatas"])
    return {cid: (meta or {}) for cid, meta in zip(got["ids"], got["metadatas"] or [], strict=True)}


def _fact_tables(conn: Any) -> list[str]:
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    present = {r[0] for r in rows}
    return [t for t in FACT_TABLES if t in present]


def diagnose(stores: Any) -> Diagnosis:
    registry = stores.registry
    conn = registry.conn
    d = Diagnosis()
    docs = {
        r["id"]: dict(r)
        for r in conn.execute("SELECT id, path, access, content_hash FROM documents").fetchall()
    }
    chunk_rows = conn.execute('SELECT id, doc_id, idx, start, "end" FROM chunks').fetchall()
    registry_ids = {r["id"] for r in chunk_rows}
    vectors = _vector_metadata(stores.vectors.collection)
    vector_ids = set(vectors)

    d.orphan_vectors = sorted(vector_ids - registry_ids)
    missing: dict[str, list[str]] = defaultdict(list)
    for r in chunk_rows:
        if r["id"] not in vector_ids:
            missing[r["doc_id"]].append(r["id"])
    d.missing_vectors = {k: sorted(v) for k, v in sorted(missing.items())}
    d.stale_documents = sorted(i for i, doc in docs.items() if not doc["content_hash"])

    by_passage = Counter((r["doc_id"], r["idx"]) for r in chunk_rows)
    d.duplicate_chunks = sorted(
        r["id"] for r in chunk_rows if by_passage[(r["doc_id"], r["idx"])] > 1
    )
    spans = Counter((m.get("doc_id"), m.get("start"), m.get("end")) for m in vectors.values())
    d.duplicate_vectors = sorted(
        cid
        for cid, m in vectors.items()
        if spans[(m.get("doc_id"), m.get("start"), m.get("end"))] > 1
    )

    doc_of_chunk = {r["id"]: r["doc_id"] for r in chunk_rows}
    wrong: dict[str, list[str]] = defaultdict(list)
    for cid, meta in vectors.items():
        doc = docs.get(doc_of_chunk.get(cid, ""))
        if doc is not None and meta.get("access") != doc["access"]:
            wrong[doc["access"]].append(cid)
    d.access_mismatches = {k: sorted(v) for k, v in wrong.items()}

    for table in _fact_tables(conn):
        n = conn.execute(
            f"SELECT COUNT(*) FROM {table} WHERE doc_id NOT IN (SELECT id FROM documents)"
        ).fetchone()[0]
        if n:
            d.orphan_facts[table] = int(n)
    d.missing_files = sorted(i for i, doc in docs.items() if not Path(doc["path"]).is_file())
    return d


def _rebuild_from_registry(ingestor: Any, doc_id: str) -> int:
    """Re-embed a document's registry chunks (the file is gone): same ids, same metadata."""
    from ingest.models import Chunk

    registry = ingestor.registry
    record = registry.get_document(doc_id)
    rows = registry.conn.execute(
        'SELECT id, doc_id, idx, text, start, "end", page, section_path, context FROM chunks'
        " WHERE doc_id = ? ORDER BY idx",
        (doc_id,),
    ).fetchall()
    if record is None or not rows:
        return 0
    chunks = [
        Chunk(
            id=r["id"],
            doc_id=r["doc_id"],
            index=r["idx"],
            text=r["text"],
            start=r["start"],
            end=r["end"],
            page=r["page"],
            section_path=json.loads(r["section_path"]),
            context=r["context"],
        )
        for r in rows
    ]
    if not record.content_hash:  # marked stale; without the file, hash what we hold
        record.content_hash = "registry:" + hashlib.sha256(record.text.encode()).hexdigest()
    vectors = ingestor.stores.embedder.embed_passages([c.embed_text() for c in chunks])
    ingestor.write_document(record, chunks, vectors, None)  # facts stay as they are
    return len(chunks)


def repair(stores: Any, settings: Any, d: Diagnosis) -> list[str]:
    """Fix what `diagnose` found; returns one line per action taken."""
    from ingest.pipeline import Ingestor
    from plan_assistant.cli_access import update_vector_access

    actions: list[str] = []
    registry = stores.registry
    to_delete = sorted(set(d.orphan_vectors))
    if to_delete:
        stores.vectors.delete_ids(to_delete)
        actions.append(f"deleted {len(to_delete)} orphan vectors")

    ingestor = Ingestor(settings, stores)
    by_access: dict[str, list[Path]] = defaultdict(list)
    without_file: list[str] = []
    for doc_id in sorted(d.documents_to_rebuild):
        row = registry.conn.execute(
            "SELECT path, access FROM documents WHERE id = ?", (doc_id,)
        ).fetchone()
        if row is None:
            continue
        if Path(row["path"]).is_file():
            by_access[row["access"]].append(Path(row["path"]))
        else:
            without_file.append(doc_id)
    # Rebuild first: an ingest run starts with `reconcile`, which would mark these stale.
    for doc_id in without_file:
        n = _rebuild_from_registry(ingestor, doc_id)
        actions.append(f"rebuilt {n} vectors of {doc_id} from the registry (file is gone)")
    for access, paths in sorted(by_access.items()):
        report = ingestor.ingest_paths(paths, access=access, force=True)
        for f in report.files:
            verb = "re-ingested" if f.status != "failed" else "could not re-ingest"
            actions.append(f"{verb} {f.source}" + (f": {f.reason}" if f.reason else ""))

    for access, ids in sorted(diagnose_access(stores).items()):
        update_vector_access(stores.vectors.collection, ids, access)
        actions.append(f"set access {access!r} on {len(ids)} vectors")

    conn = registry.conn
    for table in _fact_tables(conn):
        cur = conn.execute(f"DELETE FROM {table} WHERE doc_id NOT IN (SELECT id FROM documents)")
        if cur.rowcount:
            actions.append(f"deleted {cur.rowcount} rows of {table} whose document is gone")
    return actions


def diagnose_access(stores: Any) -> dict[str, list[str]]:
    """Access mismatches as of now (after re-ingests may have rewritten vectors)."""
    return diagnose(stores).access_mismatches


def register(app: typer.Typer) -> None:
    app.command("doctor")(doctor)


def doctor(
    repair_: Annotated[bool, typer.Option("--repair", help="Fix what can be fixed.")] = False,
    data_dir: Annotated[
        Path | None, typer.Option("--data-dir", help="Data folder (default: ./data).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Check that registry, vectors and facts agree; --repair fixes what it can."""
    from plan_assistant.settings import get_settings
    from stores.bundle import Stores

    settings = get_settings()
    if data_dir is not None:
        settings = settings.model_copy(update={"data_dir": data_dir})
    stores = Stores.open(settings)
    before = diagnose(stores)
    actions = repair(stores, settings, before) if repair_ and not before.healthy else []
    after = diagnose(stores) if actions else before
    if as_json:
        data = {
            "healthy": after.healthy,
            "before": before.problems,
            "actions": actions,
            "after": after.problems,
            "missing_files": after.missing_files,
            "details": asdict(after),
        }
        typer.echo(json.dumps(data, ensure_ascii=False))
    else:
        table = Table(title="Store consistency")
        table.add_column("check")
        table.add_column("found", justify="right")
        if actions:
            table.add_column("after repair", justify="right")
        for name, n in before.problems.items():
            cells = [name, str(n)] + ([str(after.problems[name])] if actions else [])
            table.add_row(*cells, style="red" if (after.problems[name]) else "")
        console.print(table)
        for line in actions:
            console.print(f"- {line}")
        if after.missing_files:
            console.print(
                f"{len(after.missing_files)} document(s) whose original file is gone"
                " (text and vectors are kept; /file answers 404)"
            )
        console.print("[green]consistent[/green]" if after.healthy else "[red]inconsistent[/red]")
    if not after.healthy:
        raise typer.Exit(code=1)
