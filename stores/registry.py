"""SQLite registry of documents and chunks: the source of truth for texts and offsets.

Chroma holds vectors; this file holds what a citation must be checked against (the cleaned
document text) and what BM25 indexes (chunk texts). Both are keyed by the same chunk ids.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Iterable
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ingest.models import Block, Chunk, DocumentMeta, DocumentRecord, PageSpan, Section

# writes through any registry of this process, so a revision read before one is never reused
_process_writes = 0

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    source TEXT NOT NULL,
    title TEXT NOT NULL,
    doc_type TEXT NOT NULL,
    date TEXT,
    date_text TEXT,
    committee TEXT,
    case_numbers TEXT NOT NULL DEFAULT '[]',
    closed INTEGER NOT NULL DEFAULT 0,
    access TEXT NOT NULL DEFAULT 'public',
    kind TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    text TEXT NOT NULL,
    pages TEXT NOT NULL,
    sections TEXT NOT NULL,
    blocks TEXT NOT NULL DEFAULT '[]',
    seams TEXT NOT NULL DEFAULT '[]',
    n_pages INTEGER NOT NULL,
    n_chunks INTEGER NOT NULL,
    embedder TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS chunks (
    id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    page INTEGER NOT NULL,
    section_path TEXT NOT NULL,
    context TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS chunks_doc ON chunks(doc_id);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


def open_registry(data_dir: Path | str) -> sqlite3.Connection:
    """Open (and create) the registry database; safe to call from several processes."""
    path = Path(data_dir)
    path.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(
        str(path / "registry.sqlite"), timeout=30, check_same_thread=False, isolation_level=None
    )
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.executescript(SCHEMA)
    _add_missing_columns(conn)
    _create_feature_schemas(conn)
    return conn


def _add_missing_columns(conn: sqlite3.Connection) -> None:
    """Registries written before block kinds existed get the column (re-ingest fills it)."""
    columns = {row["name"] for row in conn.execute("PRAGMA table_info(documents)")}
    for column in ("blocks", "seams"):
        if column not in columns:
            conn.execute(f"ALTER TABLE documents ADD COLUMN {column} TEXT NOT NULL DEFAULT '[]'")


def _create_feature_schemas(conn: sqlite3.Connection) -> None:
    """Tables owned by other stores live in the same file (one transaction per ingest)."""
    from stores import facts

    facts.create_schema(conn)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Registry:
    """Typed access to the registry tables. One instance per process; thread-safe writes."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._lock = threading.RLock()
        # the last revision read: (value, when, `_process_writes` then)
        self._read: tuple[int, float, int] = (0, -float("inf"), -1)

    @classmethod
    def open(cls, data_dir: Path | str) -> Registry:
        return cls(open_registry(data_dir))

    # --- meta -------------------------------------------------------------------------
    def get_meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row["value"] if row else None

    def set_meta(self, key: str, value: str) -> None:
        with self._lock:
            self.conn.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value)
            )

    def revision(self) -> int:
        """Bumped on every change, so in-memory indexes (BM25) know when to rebuild."""
        value = int(self.get_meta("revision") or 0)
        self._read = (value, time.monotonic(), _process_writes)
        return value

    def recent_revision(self, max_age_s: float) -> int:
        """The revision read at most `max_age_s` ago, or read now: an answer looks documents
        up a thousand times, and one query each was a tenth of its time. A write in this
        process is seen at once; another process's (an ingest beside a server) within
        `max_age_s`."""
        value, read_at, writes = self._read
        if writes != _process_writes or time.monotonic() - read_at > max_age_s:
            return self.revision()
        return value

    def _bump_revision(self) -> None:
        global _process_writes
        _process_writes += 1
        self.conn.execute(
            "INSERT INTO meta (key, value) VALUES ('revision', '1') "
            "ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1"
        )

    # --- documents --------------------------------------------------------------------
    def find_by_path(self, path: str) -> sqlite3.Row | None:
        return self.conn.execute(
            "SELECT id, content_hash, source FROM documents WHERE path = ?", (path,)
        ).fetchone()

    def find_by_content(self, content_hash: str) -> list[sqlite3.Row]:
        """The documents read from a file with exactly these bytes (any path)."""
        return self.conn.execute(
            "SELECT id, path, source FROM documents WHERE content_hash = ?", (content_hash,)
        ).fetchall()

    def save_document(
        self,
        record: DocumentRecord,
        chunks: list[Chunk],
        embedder_id: str,
        facts: Any | None = None,
    ) -> None:
        """Replace a document, its chunks and facts in one transaction."""
        meta = record.meta
        with self._lock:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                self.conn.execute("DELETE FROM documents WHERE id = ?", (record.id,))
                self.conn.execute(
                    "INSERT INTO documents (id, path, source, title, doc_type, date, date_text,"
                    " committee, case_numbers, closed, access, kind, content_hash, text, pages,"
                    " sections, blocks, seams, n_pages, n_chunks, embedder, ingested_at)"
                    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (
                        record.id,
                        record.path,
                        record.source,
                        meta.title,
                        meta.doc_type,
                        meta.date,
                        meta.date_text,
                        meta.committee,
                        json.dumps(meta.case_numbers),
                        int(meta.closed),
                        record.access,
                        record.kind,
                        record.content_hash,
                        record.text,
                        json.dumps([asdict(p) for p in record.pages]),
                        json.dumps([asdict(s) for s in record.sections], ensure_ascii=False),
                        json.dumps([[b.start, b.end, b.kind, b.level] for b in record.blocks]),
                        json.dumps(record.seams),
                        len(record.pages),
                        len(chunks),
                        embedder_id,
                        _now(),
                    ),
                )
                self.conn.executemany(
                    'INSERT INTO chunks (id, doc_id, idx, text, start, "end", page,'
                    " section_path, context) VALUES (?,?,?,?,?,?,?,?,?)",
                    [
                        (
                            c.id,
                            c.doc_id,
                            c.index,
                            c.text,
                            c.start,
                            c.end,
                            c.page,
                            json.dumps(c.section_path, ensure_ascii=False),
                            c.context,
                        )
                        for c in chunks
                    ],
                )
                if facts is not None:
                    from stores import facts as facts_store

                    facts_store.replace_facts(self.conn, record.id, facts)
                self._bump_revision()
                self.conn.execute("COMMIT")
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise

    def delete_document(self, doc_id: str) -> bool:
        with self._lock:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                from stores import facts as facts_store

                facts_store.delete_facts(self.conn, doc_id)
                self.conn.execute("DELETE FROM chunks WHERE doc_id = ?", (doc_id,))
                cur = self.conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
                self._bump_revision()
                self.conn.execute("COMMIT")
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
        return cur.rowcount > 0

    def resolve(self, ref: str) -> list[sqlite3.Row]:
        """Documents matching an id, a file name or a path (for `remove` and the API)."""
        return self.conn.execute(
            "SELECT id, source, path FROM documents WHERE id = ? OR source = ? OR path = ?",
            (ref, ref, str(Path(ref).resolve()) if ref else ref),
        ).fetchall()

    def list_documents(self, access: set[str] | None = None) -> list[dict[str, Any]]:
        sql = (
            "SELECT id, source, path, title, doc_type, date, date_text, committee, case_numbers,"
            " closed, access, kind, n_pages, n_chunks, ingested_at FROM documents"
        )
        params: list[Any] = []
        if access is not None:
            sql += f" WHERE access IN ({','.join('?' * len(access))})"
            params.extend(sorted(access))
        sql += " ORDER BY COALESCE(date, '') DESC, source"
        rows = self.conn.execute(sql, params).fetchall()
        out = []
        for row in rows:
            item = dict(row)
            item["case_numbers"] = json.loads(item["case_numbers"])
            item["closed"] = bool(item["closed"])
            out.append(item)
        return out

    def get_document(self, doc_id: str) -> DocumentRecord | None:
        row = self.conn.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return _row_to_record(row) if row else None

    def document_access(self, doc_id: str) -> str | None:
        row = self.conn.execute("SELECT access FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return row["access"] if row else None

    def set_access(self, doc_id: str, access: str) -> None:
        with self._lock:
            self.conn.execute("UPDATE documents SET access = ? WHERE id = ?", (access, doc_id))
            self._bump_revision()

    def document_texts(self, doc_ids: Iterable[str]) -> dict[str, str]:
        ids = list(set(doc_ids))
        if not ids:
            return {}
        rows = self.conn.execute(
            f"SELECT id, text FROM documents WHERE id IN ({','.join('?' * len(ids))})", ids
        ).fetchall()
        return {r["id"]: r["text"] for r in rows}

    # --- chunks -----------------------------------------------------------------------
    def all_chunks(self) -> list[sqlite3.Row]:
        """Every chunk with the document fields retrieval filters and displays on."""
        return self.conn.execute(
            'SELECT c.id, c.doc_id, c.idx, c.text, c.start, c."end", c.page, c.section_path,'
            " c.context, d.source, d.title, d.doc_type, d.date, d.committee, d.access"
            " FROM chunks c JOIN documents d ON d.id = c.doc_id ORDER BY d.source, c.idx"
        ).fetchall()

    def chunk_ids(self, doc_id: str | None = None) -> set[str]:
        if doc_id:
            rows = self.conn.execute("SELECT id FROM chunks WHERE doc_id = ?", (doc_id,))
        else:
            rows = self.conn.execute("SELECT id FROM chunks")
        return {r["id"] for r in rows}

    def counts(self) -> dict[str, int]:
        docs = self.conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        chunks = self.conn.execute("SELECT COUNT(*) FROM chunks").fetchone()[0]
        return {"documents": int(docs), "chunks": int(chunks)}


def _row_to_record(row: sqlite3.Row) -> DocumentRecord:
    meta = DocumentMeta(
        title=row["title"],
        doc_type=row["doc_type"],
        date=row["date"],
        date_text=row["date_text"],
        committee=row["committee"],
        case_numbers=json.loads(row["case_numbers"]),
        closed=bool(row["closed"]),
    )
    return DocumentRecord(
        id=row["id"],
        path=row["path"],
        source=row["source"],
        content_hash=row["content_hash"],
        kind=row["kind"],
        meta=meta,
        text=row["text"],
        pages=[PageSpan(**p) for p in json.loads(row["pages"])],
        sections=[Section(**s) for s in json.loads(row["sections"])],
        access=row["access"],
        blocks=[Block(*b) for b in json.loads(row["blocks"])] if "blocks" in row.keys() else [],
        seams=json.loads(row["seams"]) if "seams" in row.keys() else [],
    )
