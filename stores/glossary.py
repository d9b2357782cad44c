"""Glossary tables: per-document definitions and abbreviation usages, kept in the registry file.

Why a table and not on-the-fly extraction: the glossary is read on every Overblik page and
every "Hvad betyder X?" question, while the documents change rarely. Extraction is a pass of
regular expressions over the whole text, cheap for five documents and seconds for thousands;
stored per document it is paid once per document version. The tables are a *derived cache*:
`stale_documents` compares each document's content hash (and the extractor version) with what
was extracted, and `assistant.overview.glossary_index.sync` redoes only the changed ones, so
ingest needs no hook and a rule change takes effect on the next read. Rows reference
`documents(id) ON DELETE CASCADE`, so removing or re-saving a document drops its rows and the
next sync rebuilds them. The extraction rules live in `assistant/overview/glossary.py`; this
module only stores and reads rows.

Every read takes `allowed_access` and filters inside the SQL (join on `documents.access`).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from typing import Any

SCHEMA = """
CREATE TABLE IF NOT EXISTS glossary_docs (
    doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    content_hash TEXT NOT NULL,
    version INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS glossary_definitions (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    term TEXT NOT NULL,
    term_key TEXT NOT NULL,
    expansion TEXT NOT NULL,
    kind TEXT NOT NULL,
    pattern TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    term_start INTEGER NOT NULL,
    term_end INTEGER NOT NULL,
    page INTEGER NOT NULL,
    section TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS glossary_definitions_key ON glossary_definitions(term_key);
CREATE INDEX IF NOT EXISTS glossary_definitions_doc ON glossary_definitions(doc_id);
CREATE TABLE IF NOT EXISTS glossary_usages (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    term TEXT NOT NULL,
    term_key TEXT NOT NULL,
    count INTEGER NOT NULL,
    spans TEXT NOT NULL,
    pages TEXT NOT NULL,
    word_like INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS glossary_usages_key ON glossary_usages(term_key);
CREATE INDEX IF NOT EXISTS glossary_usages_doc ON glossary_usages(doc_id);
"""

_DOC_FIELDS = "d.source, d.title, d.date, d.date_text, d.committee, d.doc_type, d.access"


def create_schema(conn: sqlite3.Connection) -> None:
    conn.executescript(SCHEMA)


def _access_clause(allowed_access: Iterable[str] | None, params: list[Any]) -> str:
    if allowed_access is None:
        return ""
    allowed = sorted(allowed_access)
    if not allowed:
        return " AND 0"
    params.extend(allowed)
    return f" AND d.access IN ({','.join('?' * len(allowed))})"


class _Transaction:
    """BEGIN IMMEDIATE on autocommit connections (the registry's), `with conn` otherwise."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.explicit = conn.isolation_level is None and not conn.in_transaction

    def __enter__(self) -> sqlite3.Connection:
        if self.explicit:
            self.conn.execute("BEGIN IMMEDIATE")
        return self.conn

    def __exit__(self, exc_type: object, *_: object) -> None:
        if self.explicit:
            self.conn.execute("ROLLBACK" if exc_type else "COMMIT")
        elif exc_type is None:
            self.conn.commit()
        else:
            self.conn.rollback()


def replace(
    conn: sqlite3.Connection,
    doc_id: str,
    content_hash: str,
    version: int,
    definitions: list[dict[str, Any]],
    usages: list[dict[str, Any]],
) -> None:
    """Store one document's extracted glossary in place of its old rows (one transaction).

    `definitions` rows have the `glossary_definitions` columns but `doc_id`; `usages` rows have
    `term`, `term_key`, `count`, `spans` [(start, end)], `pages` [int] and `word_like`.
    """
    with _Transaction(conn):
        _delete(conn, doc_id)
        conn.executemany(
            "INSERT INTO glossary_definitions (doc_id, term, term_key, expansion, kind, pattern,"
            ' start, "end", term_start, term_end, page, section) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)',
            [
                (
                    doc_id,
                    d["term"],
                    d["term_key"],
                    d["expansion"],
                    d["kind"],
                    d["pattern"],
                    d["start"],
                    d["end"],
                    d["term_start"],
                    d["term_end"],
                    d["page"],
                    d["section"],
                )
                for d in definitions
            ],
        )
        conn.executemany(
            "INSERT INTO glossary_usages (doc_id, term, term_key, count, spans, pages, word_like)"
            " VALUES (?,?,?,?,?,?,?)",
            [
                (
                    doc_id,
                    u["term"],
                    u["term_key"],
                    u["count"],
                    json.dumps([list(s) for s in u["spans"]]),
                    json.dumps(u["pages"]),
                    int(u["word_like"]),
                )
                for u in usages
            ],
        )
        conn.execute(
            "INSERT OR REPLACE INTO glossary_docs (doc_id, content_hash, version) VALUES (?,?,?)",
            (doc_id, content_hash, version),
        )


def _delete(conn: sqlite3.Connection, doc_id: str) -> None:
    for table in ("glossary_definitions", "glossary_usages", "glossary_docs"):
        conn.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))


def delete(conn: sqlite3.Connection, doc_id: str) -> None:
    with _Transaction(conn):
        _delete(conn, doc_id)


def stale_documents(conn: sqlite3.Connection, version: int) -> list[str]:
    """Ids of documents whose stored glossary is missing, outdated or from another version.

    Rows of documents that no longer exist are dropped on the way (in case a connection
    without foreign keys removed a document).
    """
    create_schema(conn)
    orphans = conn.execute(
        "SELECT doc_id FROM glossary_docs WHERE doc_id NOT IN (SELECT id FROM documents)"
    ).fetchall()
    for row in orphans:
        delete(conn, row[0])
    rows = conn.execute(
        "SELECT d.id FROM documents d LEFT JOIN glossary_docs g ON g.doc_id = d.id"
        " WHERE g.doc_id IS NULL OR g.content_hash != d.content_hash OR g.version != ?",
        (version,),
    ).fetchall()
    return [r[0] for r in rows]


def _rows(cursor: sqlite3.Cursor) -> list[dict[str, Any]]:
    cols = [c[0] for c in cursor.description]
    return [dict(zip(cols, r, strict=True)) for r in cursor.fetchall()]


def query_definitions(
    conn: sqlite3.Connection,
    allowed_access: Iterable[str] | None,
    term_key: str | None = None,
) -> list[dict[str, Any]]:
    """Definitions in readable documents, oldest document first (dated before undated)."""
    params: list[Any] = []
    sql = (
        f'SELECT g.doc_id, g.term, g.term_key, g.expansion, g.kind, g.pattern, g.start, g."end",'
        f" g.term_start, g.term_end, g.page, g.section, {_DOC_FIELDS}"
        " FROM glossary_definitions g JOIN documents d ON d.id = g.doc_id WHERE 1"
    )
    if term_key is not None:
        sql += " AND g.term_key = ?"
        params.append(term_key)
    sql += _access_clause(allowed_access, params)
    sql += " ORDER BY g.term_key, d.date IS NULL, d.date, d.source, g.start"
    return _rows(conn.execute(sql, params))


def query_usages(
    conn: sqlite3.Connection,
    allowed_access: Iterable[str] | None,
    term_key: str | None = None,
) -> list[dict[str, Any]]:
    """Abbreviation usages in readable documents; `spans`/`pages` decoded."""
    params: list[Any] = []
    sql = (
        f"SELECT g.doc_id, g.term, g.term_key, g.count, g.spans, g.pages, g.word_like,"
        f" {_DOC_FIELDS} FROM glossary_usages g JOIN documents d ON d.id = g.doc_id WHERE 1"
    )
    if term_key is not None:
        sql += " AND g.term_key = ?"
        params.append(term_key)
    sql += _access_clause(allowed_access, params)
    sql += " ORDER BY g.term_key, d.date IS NULL, d.date, d.source"
    rows = _rows(conn.execute(sql, params))
    for row in rows:
        row["spans"] = [tuple(s) for s in json.loads(row["spans"])]
        row["pages"] = json.loads(row["pages"])
        row["word_like"] = bool(row["word_like"])
    return rows


def written_as_word(
    conn: sqlite3.Connection, allowed_access: Iterable[str] | None, word: str
) -> bool:
    """Whether a readable document writes `word` (e.g. "Lean") in ordinary case somewhere."""
    params: list[Any] = [word]
    sql = "SELECT 1 FROM documents d WHERE instr(d.text, ?) > 0"
    sql += _access_clause(allowed_access, params) + " LIMIT 1"
    return conn.execute(sql, params).fetchone() is not None
