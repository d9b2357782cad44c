"""Budgets, follow-ups and decisions per document, for cards, programmes and the timeline.

Read from the facts tables (`stores/facts.py`, filled at ingest) when they exist; otherwise the
rows are extracted from the stored document with `ingest.facts.extract_facts` and cached by
content hash, so the overview works on a store ingested before the facts tables existed.
Either way every row carries `doc_id`, `start`, `end`, `quote` (== text[start:end]), `page`
and `section`, plus the document's `source`, `title`, `date` and `committee`.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Iterable
from dataclasses import asdict
from typing import Any

from stores.registry import Registry

log = logging.getLogger(__name__)

KINDS = ("budgets", "followups", "decisions")
_cache: dict[tuple[str, str], dict[str, list[dict[str, Any]]]] = {}
_cache_lock = threading.Lock()


def _store():  # type: ignore[no-untyped-def]
    try:
        from stores import facts
    except ImportError:
        return None
    needed = ("query_budgets", "query_followups", "query_decisions")
    return facts if all(hasattr(facts, n) for n in needed) else None


def _from_store(
    facts, registry: Registry, access: set[str] | None
) -> dict[str, dict[str, list[dict[str, Any]]]]:  # type: ignore[no-untyped-def]
    out: dict[str, dict[str, list[dict[str, Any]]]] = {}
    conn = registry.conn
    queries = {
        "budgets": lambda: facts.query_budgets(conn, allowed_access=access),
        "followups": lambda: facts.query_followups(
            conn, allowed_access=access, outstanding=None, as_of=dt.date.today()
        ),
        "decisions": lambda: facts.query_decisions(conn, allowed_access=access),
    }
    for kind, run in queries.items():
        for row in run():
            row = dict(row)
            out.setdefault(row["doc_id"], {k: [] for k in KINDS})[kind].append(row)
    return out


def _extracted(registry: Registry, doc: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    key = (doc["id"], doc.get("content_hash") or doc.get("ingested_at") or "")
    with _cache_lock:
        if key in _cache:
            return _cache[key]
    rows: dict[str, list[dict[str, Any]]] = {k: [] for k in KINDS}
    record = registry.get_document(doc["id"])
    if record is not None:
        try:
            from ingest.facts import extract_facts

            facts = extract_facts(record)
            rows = {k: [asdict(r) for r in getattr(facts, k)] for k in KINDS}
        except Exception:  # the overview must not fail because one extractor did
            log.exception("facts extraction failed for %s", doc["id"])
    with _cache_lock:
        _cache[key] = rows
    return rows


def facts_by_document(
    registry: Registry, documents: Iterable[dict[str, Any]], access: set[str] | None
) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """`{doc_id: {"budgets": [...], "followups": [...], "decisions": [...]}}` for `documents`
    (rows from `Registry.list_documents`, already filtered by access)."""
    docs = {d["id"]: d for d in documents}
    store = _store()
    found: dict[str, dict[str, list[dict[str, Any]]]]
    if store is not None:
        try:
            found = _from_store(store, registry, access)
        except Exception:
            log.exception("facts store query failed; extracting from the documents")
            found = {d: _extracted(registry, doc) for d, doc in docs.items()}
    else:
        found = {d: _extracted(registry, doc) for d, doc in docs.items()}
    out = {}
    for doc_id, doc in docs.items():
        rows = found.get(doc_id, {k: [] for k in KINDS})
        out[doc_id] = {
            k: [_with_document(r, doc) for r in sorted(rows.get(k, []), key=lambda r: r["start"])]
            for k in KINDS
        }
    return out


def _with_document(row: dict[str, Any], doc: dict[str, Any]) -> dict[str, Any]:
    row = dict(row)
    row.setdefault("doc_id", doc["id"])
    row.setdefault("source", doc["source"])
    row.setdefault("title", doc["title"])
    row.setdefault("date", doc["date"])
    row.setdefault("committee", doc["committee"])
    return row


def is_open(row: dict[str, Any], as_of: dt.date | None = None) -> bool:
    """Whether a follow-up row is still open: not done, not reported done by a later document."""
    if "outstanding" in row and row["outstanding"] is not None:
        return bool(row["outstanding"])
    from ingest.facts.models import is_outstanding

    return is_outstanding(
        row.get("status") or "planned",
        as_of or dt.date.today(),
        doc_date=row.get("date"),
        later_status=row.get("later_status"),
        later_doc_date=row.get("later_doc_date"),
    ) and not row.get("superseded_by")
