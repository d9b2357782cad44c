"""Facts tables (budgets, follow-ups, decisions) beside the document registry in SQLite.

The registry owns the connection and the `documents` table (id, source, title, doc_type, date,
committee, access); queries join it for source, title and access. Access filtering happens in
the SQL WHERE clause, so a caller never sees rows of documents it may not read.
`replace_facts` does not commit: the ingest pipeline calls it inside its own transaction, so a
document's text, chunks and facts change together.
"""

from __future__ import annotations

import datetime as dt
import math
import sqlite3
from collections.abc import Collection
from typing import Any

from ingest.facts.models import Facts, is_outstanding, is_overdue
from ingest.facts.sentences import content_stems

__all__ = [
    "create_schema",
    "replace_facts",
    "delete_facts",
    "query_budgets",
    "query_followups",
    "query_decisions",
    "link_followups",
]

SCHEMA = """
CREATE TABLE IF NOT EXISTS fact_budgets (
    id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL,
    idx INTEGER NOT NULL,
    page INTEGER NOT NULL,
    section TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    quote TEXT NOT NULL,
    amount_dkk REAL NOT NULL,
    amount_high REAL,
    amount_text TEXT NOT NULL,
    amount_start INTEGER NOT NULL,
    amount_end INTEGER NOT NULL,
    kind TEXT NOT NULL,
    period TEXT,
    year INTEGER,
    parent_id TEXT,
    initiative TEXT,
    purpose TEXT,
    per TEXT,
    is_allocation INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS fact_budgets_doc ON fact_budgets(doc_id);
CREATE TABLE IF NOT EXISTS fact_followups (
    id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL,
    idx INTEGER NOT NULL,
    page INTEGER NOT NULL,
    section TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    quote TEXT NOT NULL,
    action TEXT NOT NULL,
    deadline_text TEXT,
    deadline_start INTEGER,
    deadline_end INTEGER,
    due_date TEXT,
    due_precision TEXT,
    responsible TEXT,
    status TEXT NOT NULL,
    superseded_by TEXT
);
CREATE INDEX IF NOT EXISTS fact_followups_doc ON fact_followups(doc_id);
CREATE TABLE IF NOT EXISTS fact_decisions (
    id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL,
    idx INTEGER NOT NULL,
    page INTEGER NOT NULL,
    section TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    quote TEXT NOT NULL,
    item_title TEXT NOT NULL,
    item_number TEXT,
    recommendation TEXT,
    recommendation_start INTEGER,
    recommendation_end INTEGER,
    decision TEXT,
    decision_start INTEGER,
    decision_end INTEGER,
    decision_date TEXT,
    committee TEXT,
    outcome TEXT,
    votes TEXT
);
CREATE INDEX IF NOT EXISTS fact_decisions_doc ON fact_decisions(doc_id);
"""

_TABLES = ("fact_budgets", "fact_followups", "fact_decisions")
_DOC_COLUMNS = (
    "d.source AS source, d.title AS title, d.access AS access, d.date AS doc_date, "
    "d.committee AS doc_committee"
)


def create_schema(conn: sqlite3.Connection) -> None:
    conn.executescript(SCHEMA)


def delete_facts(conn: sqlite3.Connection, doc_id: str) -> None:
    """Remove a document's rows (no commit), and links of other rows pointing at them."""
    conn.execute(
        "UPDATE fact_followups SET superseded_by = NULL WHERE superseded_by IN "
        "(SELECT id FROM fact_followups WHERE doc_id = ?)",
        (doc_id,),
    )
    for table in _TABLES:
        conn.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))


def replace_facts(conn: sqlite3.Connection, doc_id: str, facts: Facts) -> None:
    """Replace all rows of `doc_id` with `facts` (no commit: the caller owns the transaction)."""
    delete_facts(conn, doc_id)
    for i, b in enumerate(facts.budgets):
        parent = f"{doc_id}:b{b.parent_index}" if b.parent_index is not None else None
        conn.execute(
            "INSERT INTO fact_budgets (id, doc_id, idx, page, section, start, \"end\", quote, "
            "amount_dkk, amount_high, amount_text, amount_start, amount_end, kind, period, year, "
            "parent_id, initiative, purpose, per, is_allocation) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                f"{doc_id}:b{i}", doc_id, i, b.page, b.section, b.start, b.end, b.quote,
                b.amount_dkk, b.amount_high, b.amount_text, b.amount_start, b.amount_end, b.kind,
                b.period, b.year, parent, b.initiative, b.purpose, b.per, int(b.is_allocation),
            ),
        )  # fmt: skip
    for i, f in enumerate(facts.followups):
        conn.execute(
            "INSERT INTO fact_followups (id, doc_id, idx, page, section, start, \"end\", quote, "
            "action, deadline_text, deadline_start, deadline_end, due_date, due_precision, "
            "responsible, status, superseded_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                f"{doc_id}:f{i}", doc_id, i, f.page, f.section, f.start, f.end, f.quote,
                f.action, f.deadline_text, f.deadline_start, f.deadline_end, f.due_date,
                f.due_precision, f.responsible, f.status, None,
            ),
        )  # fmt: skip
    for i, d in enumerate(facts.decisions):
        conn.execute(
            "INSERT INTO fact_decisions (id, doc_id, idx, page, section, start, \"end\", quote, "
            "item_title, item_number, recommendation, recommendation_start, recommendation_end, "
            "decision, decision_start, decision_end, decision_date, committee, outcome, votes) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                f"{doc_id}:d{i}", doc_id, i, d.page, d.section, d.start, d.end, d.quote,
                d.item_title, d.item_number, d.recommendation, d.recommendation_start,
                d.recommendation_end, d.decision, d.decision_start, d.decision_end,
                d.decision_date, d.committee, d.outcome, d.votes,
            ),
        )  # fmt: skip


def _access_clause(allowed_access: set[str] | None, params: list[Any]) -> str:
    if allowed_access is None:
        return ""
    if not allowed_access:
        return " AND 0"
    params.extend(sorted(allowed_access))
    return f" AND d.access IN ({','.join('?' * len(allowed_access))})"


def _doc_clause(doc_ids: Collection[str] | None, params: list[Any]) -> str:
    """Restrict to some documents (the ones a question retrieved, on a large corpus)."""
    if doc_ids is None:
        return ""
    if not doc_ids:
        return " AND 0"
    params.extend(sorted(doc_ids))
    return f" AND f.doc_id IN ({','.join('?' * len(doc_ids))})"


def _dicts(cursor: sqlite3.Cursor) -> list[dict[str, Any]]:
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def query_budgets(
    conn: sqlite3.Connection,
    *,
    allowed_access: set[str] | None = None,
    source: str | None = None,
    min_amount: float | None = None,
    allocations_only: bool = False,
    doc_ids: Collection[str] | None = None,
) -> list[dict[str, Any]]:
    """Budget rows with their document's source, title and access, in document order.

    `source` matches a file name, a document id or a title (exact); `min_amount` keeps rows
    whose amount (or the high end of a range) reaches it.
    """
    params: list[Any] = []
    sql = (
        f"SELECT f.*, {_DOC_COLUMNS} FROM fact_budgets f JOIN documents d ON d.id = f.doc_id "
        "WHERE 1=1"
    )
    sql += _access_clause(allowed_access, params)
    if source:
        sql += " AND (d.source = ? OR d.id = ? OR d.title = ?)"
        params += [source, source, source]
    if min_amount is not None:
        sql += " AND MAX(f.amount_dkk, COALESCE(f.amount_high, f.amount_dkk)) >= ?"
        params.append(min_amount)
    if allocations_only:
        sql += " AND f.is_allocation = 1"
    sql += _doc_clause(doc_ids, params)
    sql += " ORDER BY d.source, f.idx"
    out = _dicts(conn.execute(sql, params))
    for row in out:
        row["is_allocation"] = bool(row["is_allocation"])
    return out


def query_followups(
    conn: sqlite3.Connection,
    *,
    allowed_access: set[str] | None = None,
    outstanding: bool | None = None,
    as_of: dt.date | None = None,
    doc_ids: Collection[str] | None = None,
) -> list[dict[str, Any]]:
    """Follow-up rows with `outstanding` and `overdue` computed as of `as_of` (default today)
    and, when a later document reports on the same item, its status (`later_status`,
    `later_source`, `later_quote`, `later_date`). `outstanding=True/False` filters on it."""
    as_of = as_of or dt.date.today()
    if allowed_access is not None and not allowed_access:
        return []
    params: list[Any] = []
    sql = (
        f"SELECT f.*, {_DOC_COLUMNS}, l.status AS later_status, l.quote AS later_quote, "
        "l.doc_id AS later_doc_id, ld.source AS later_source, ld.date AS later_date "
        "FROM fact_followups f JOIN documents d ON d.id = f.doc_id "
        "LEFT JOIN fact_followups l ON l.id = f.superseded_by "
        "LEFT JOIN documents ld ON ld.id = l.doc_id "
        "WHERE 1=1"
    )
    sql += _access_clause(allowed_access, params)
    if allowed_access is not None:
        # a later report from a document the caller may not read is not shown
        sql = sql.replace(
            "LEFT JOIN documents ld ON ld.id = l.doc_id",
            "LEFT JOIN documents ld ON ld.id = l.doc_id AND ld.access IN ("
            + ",".join("?" * len(allowed_access))
            + ")",
        )
        params = sorted(allowed_access) + params
    sql += _doc_clause(doc_ids, params)
    sql += " ORDER BY COALESCE(f.due_date, '9999-12-31'), d.source, f.idx"
    rows = _dicts(conn.execute(sql, params))
    out = []
    for row in rows:
        if row.get("later_source") is None:
            for key in ("later_status", "later_quote", "later_doc_id", "later_date"):
                row[key] = None
        row["outstanding"] = is_outstanding(
            row["status"],
            as_of,
            doc_date=row["doc_date"],
            later_status=row["later_status"],
            later_doc_date=row["later_date"],
        )
        row["overdue"] = row["outstanding"] and is_overdue(row["status"], row["due_date"], as_of)
        if outstanding is None or row["outstanding"] == outstanding:
            out.append(row)
    return out


def query_decisions(
    conn: sqlite3.Connection,
    *,
    allowed_access: set[str] | None = None,
    doc_ids: Collection[str] | None = None,
) -> list[dict[str, Any]]:
    params: list[Any] = []
    sql = (
        f"SELECT f.*, {_DOC_COLUMNS} FROM fact_decisions f JOIN documents d ON d.id = f.doc_id "
        "WHERE 1=1"
    )
    sql += _access_clause(allowed_access, params)
    sql += _doc_clause(doc_ids, params)
    sql += " ORDER BY COALESCE(f.decision_date, d.date), d.source, f.idx"
    return _dicts(conn.execute(sql, params))


# --- linking across documents ---------------------------------------------------------------

LINK_MIN_SHARED = 2
LINK_MIN_JACCARD = 0.4


def _same_item(a: set[str], b: set[str]) -> bool:
    shared = a & b
    return len(shared) >= LINK_MIN_SHARED and len(shared) / len(a | b) >= LINK_MIN_JACCARD


def _norm(value: str | None) -> str:
    return " ".join((value or "").lower().split())


def link_followups(conn: sqlite3.Connection) -> int:
    """Link each follow-up to the latest row of a later document of the same committee that
    reports on the same item (shared content words of the action); returns the link count.

    Re-run after every ingest or removal: links are recomputed from scratch.
    """
    rows = _dicts(
        conn.execute(
            "SELECT f.id, f.doc_id, f.action, d.date AS doc_date, d.committee AS committee "
            "FROM fact_followups f JOIN documents d ON d.id = f.doc_id"
        )
    )
    stems = {r["id"]: content_stems(r["action"]) for r in rows}
    by_id = {r["id"]: r for r in rows}
    position = {r["id"]: i for i, r in enumerate(rows)}  # ties: the first row, as stored
    # Candidates share a committee and a rare stem: an inverted index of stems per committee
    # with a prefix filter keeps this near-linear (all pairs took hours at 10 000 documents).
    index: dict[tuple[str, str], list[str]] = {}
    for r in rows:
        committee = _norm(r["committee"])
        if r["doc_date"] and committee:
            for stem in stems[r["id"]]:
                index.setdefault((committee, stem), []).append(r["id"])
    links: dict[str, str] = {}
    for a in rows:
        committee = _norm(a["committee"])
        if not a["doc_date"] or not committee:
            continue
        # Prefix filter (exact): Jaccard >= t needs at least ceil(t*|a|) shared stems, so one
        # of a's |a| - ceil(t*|a|) + 1 rarest stems is shared; only their postings are probed.
        own = sorted(stems[a["id"]], key=lambda st: (len(index[(committee, st)]), st))
        prefix = own[: len(own) - math.ceil(LINK_MIN_JACCARD * len(own)) + 1]
        candidates = {b_id for stem in prefix for b_id in index[(committee, stem)]}
        best: dict[str, Any] | None = None
        for b_id in candidates:
            b = by_id[b_id]
            if (
                b["doc_id"] == a["doc_id"]
                or b["doc_date"] <= a["doc_date"]
                or not _same_item(stems[a["id"]], stems[b_id])
            ):
                continue
            if best is None or (b["doc_date"], -position[b_id]) > (
                best["doc_date"],
                -position[best["id"]],
            ):
                best = b
        if best is not None:
            links[a["id"]] = best["id"]
    own = not conn.in_transaction
    if own and conn.isolation_level is None:
        conn.execute("BEGIN")
    try:
        conn.execute("UPDATE fact_followups SET superseded_by = NULL")
        conn.executemany(
            "UPDATE fact_followups SET superseded_by = ? WHERE id = ?",
            [(later, earlier) for earlier, later in links.items()],
        )
    except Exception:
        if own:
            conn.rollback()
        raise
    if own:
        conn.commit()
    return len(links)
