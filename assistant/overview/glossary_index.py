"""The corpus glossary as staff read it: one entry per term, every expansion with its source,
and the abbreviations that are used but never defined.

Reads the glossary tables (`stores/glossary.py`) after bringing them up to date with `sync`,
always within the caller's access: a term defined only in a closed document is, for a reader
without access to it, "used but not defined", exactly as the documents they can read show it.
"""

from __future__ import annotations

import copy
import json
import sqlite3
import threading
from collections import Counter
from collections.abc import Iterable
from contextlib import nullcontext
from typing import TYPE_CHECKING, Any, Union

from assistant.overview.glossary import EXTRACTOR_VERSION, extract, normalise_term
from assistant.overview.sources import page_at, section_path
from ingest.models import PageSpan, Section
from stores import glossary as store

if TYPE_CHECKING:
    from stores.registry import Registry

_sync_lock = threading.Lock()


Source = Union[sqlite3.Connection, "Registry"]


def _connection(source: Source) -> tuple[sqlite3.Connection, Any]:
    """The connection and the lock its writers share: a `Registry` serialises writes on its
    connection with its own lock (an ingest may hold a transaction open on it)."""
    if isinstance(source, sqlite3.Connection):
        return source, nullcontext()
    return source.conn, getattr(source, "_lock", nullcontext())


def sync(source: Source) -> int:
    """Extract the glossary of every new or changed document; returns how many were done."""
    conn, lock = _connection(source)
    with _sync_lock, lock:
        stale = store.stale_documents(conn, EXTRACTOR_VERSION)
        for doc_id in stale:
            row = conn.execute(
                "SELECT content_hash, text, pages, sections FROM documents WHERE id = ?",
                (doc_id,),
            ).fetchone()
            if row is None:  # removed meanwhile
                continue
            content_hash, text, pages_json, sections_json = tuple(row)
            pages = [PageSpan(**p) for p in json.loads(pages_json)]
            sections = [Section(**s) for s in json.loads(sections_json)]
            found = extract(text)
            definitions = [
                {
                    "term": d.term,
                    "term_key": normalise_term(d.term),
                    "expansion": d.expansion,
                    "kind": d.kind,
                    "pattern": d.pattern,
                    "start": d.start,
                    "end": d.end,
                    "term_start": d.term_start,
                    "term_end": d.term_end,
                    "page": page_at(pages, d.start),
                    "section": " > ".join(section_path(sections, d.start)),
                }
                for d in found.definitions
            ]
            usages = [
                {
                    "term": u.term,
                    "term_key": normalise_term(u.term),
                    "count": u.count,
                    "spans": u.spans,
                    "pages": [page_at(pages, a) for a, _ in u.spans],
                    "word_like": u.word_like,
                }
                for u in found.usages.values()
            ]
            store.replace(conn, doc_id, content_hash, EXTRACTOR_VERSION, definitions, usages)
        return len(stale)


def _source(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "doc_id": row["doc_id"],
        "source": row["source"],
        "title": row["title"],
        "date": row["date"],
        "date_text": row["date_text"],
        "committee": row["committee"],
    }


def _quotes(conn: sqlite3.Connection, spans: list[tuple[str, int, int]]) -> dict[tuple, str]:
    """Exact `text[start:end]` for (doc_id, start, end) spans, read by SQLite's substr."""
    out: dict[tuple, str] = {}
    for doc_id, start, end in spans:
        row = conn.execute(
            "SELECT substr(text, ?, ?) FROM documents WHERE id = ?",
            (start + 1, end - start, doc_id),
        ).fetchone()
        if row is not None:
            out[(doc_id, start, end)] = row[0]
    return out


def _citation(row: dict[str, Any], quote: str, start: int, end: int, page: int, section: str):
    return {
        "doc_id": row["doc_id"],
        "source": row["source"],
        "title": row["title"],
        "page": page,
        "section": section,
        "quote": quote,
        "start": start,
        "end": end,
        "date": row["date"],
        "committee": row["committee"],
    }


def _entries(conn: sqlite3.Connection, defs: list[dict[str, Any]], uses: list[dict[str, Any]]):
    quotes = _quotes(conn, [(d["doc_id"], d["start"], d["end"]) for d in defs])
    used_in: dict[str, list[dict[str, Any]]] = {}
    for u in uses:
        used_in.setdefault(u["term_key"], []).append(
            {**_source(u), "count": u["count"], "page": u["pages"][0] if u["pages"] else 1}
        )
    grouped: dict[str, list[dict[str, Any]]] = {}
    for d in defs:
        grouped.setdefault(d["term_key"], []).append(d)
    entries = []
    for key, rows in grouped.items():
        spelled = Counter(r["term"] for r in rows).most_common(1)[0][0]
        expansions: dict[str, dict[str, Any]] = {}
        for r in rows:
            exp = expansions.setdefault(
                r["expansion"].lower(),
                {"expansion": r["expansion"], "kind": r["kind"], "sources": []},
            )
            quote = quotes.get((r["doc_id"], r["start"], r["end"]), "")
            exp["sources"].append(
                _citation(r, quote, r["start"], r["end"], r["page"], r["section"])
                | {"pattern": r["pattern"]}
            )
        kinds = {r["kind"] for r in rows}
        entries.append(
            {
                "term": spelled,
                "key": key,
                "kind": "term" if kinds == {"term"} else "abbreviation",
                "expansions": list(expansions.values()),
                "used_in": used_in.get(key, []),
            }
        )
    entries.sort(key=lambda e: e["term"].lower())
    return entries


def _undefined(
    conn: sqlite3.Connection,
    allowed_access: Iterable[str] | None,
    uses: list[dict[str, Any]],
    defined: set[str],
) -> list[dict[str, Any]]:
    by_key: dict[str, list[dict[str, Any]]] = {}
    for u in uses:
        if u["term_key"] not in defined:
            by_key.setdefault(u["term_key"], []).append(u)
    out = []
    for rows in by_key.values():
        term = Counter(r["term"] for r in rows).most_common(1)[0][0]
        if any(r["word_like"] for r in rows):
            continue
        if len(term) >= 4 and store.written_as_word(
            conn, allowed_access, term[0] + term[1:].lower()
        ):
            continue  # "LEAN" beside "Leanmetoden": a word set in capitals
        spans = [(r["doc_id"], a, b) for r in rows for a, b in r["spans"]]
        quotes = _quotes(conn, spans)
        documents = []
        for r in rows:
            occurrences = [
                _citation(r, quotes.get((r["doc_id"], a, b), term), a, b, page, "")
                for (a, b), page in zip(r["spans"], r["pages"], strict=False)
            ]
            documents.append({**_source(r), "count": r["count"], "occurrences": occurrences})
        out.append(
            {
                "term": term,
                "key": rows[0]["term_key"],
                "count": sum(r["count"] for r in rows),
                "documents": documents,
            }
        )
    out.sort(key=lambda e: e["term"])
    return out


def build_glossary(
    source: Source, allowed_access: Iterable[str] | None
) -> dict[str, list[dict[str, Any]]]:
    """`{"entries": [...], "undefined": [...]}` for the documents the caller may read.

    An entry: `term`, `kind` ("abbreviation" | "term"), `expansions` (each with `expansion`,
    `kind` and `sources`, citations whose `quote == text[start:end]`) and `used_in`
    (documents and counts). An undefined abbreviation: `term`, `count`, `documents` with
    their `occurrences` (citations of the token itself).
    """
    sync(source)
    conn, _ = _connection(source)
    access = None if allowed_access is None else set(allowed_access)
    key = _cache_key(conn, access)
    with _cache_lock:
        hit = _cache.get(key)
    if hit is not None:
        return copy.deepcopy(hit)
    defs = store.query_definitions(conn, access)
    uses = store.query_usages(conn, access)
    entries = _entries(conn, defs, uses)
    result = {
        "entries": entries,
        "undefined": _undefined(conn, access, uses, {e["key"] for e in entries}),
    }
    with _cache_lock:
        if len(_cache) > 64:
            _cache.clear()
        _cache[key] = copy.deepcopy(result)
    return result


_cache: dict[tuple, dict[str, list[dict[str, Any]]]] = {}
_cache_lock = threading.Lock()


def _cache_key(conn: sqlite3.Connection, access: set[str] | None) -> tuple:
    """The database file, its revision (bumped by every document change) and the access set:
    the glossary of one revision never changes, so it is built once per reader group."""
    db = conn.execute("PRAGMA database_list").fetchone()[2]
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'revision'").fetchone()
    except sqlite3.OperationalError:  # no registry meta table: do not cache
        return (db, object(), None)
    revision = row[0] if row else "0"
    return (db, revision, EXTRACTOR_VERSION, tuple(sorted(access)) if access is not None else None)


def lookup(
    source: Source, allowed_access: Iterable[str] | None, term: str
) -> dict[str, Any] | None:
    """The glossary entry for `term` ("BIF", "bif", "Temperaturmålingen"), or None."""
    key = normalise_term(term)
    if not key:
        return None
    sync(source)
    conn, _ = _connection(source)
    access = None if allowed_access is None else set(allowed_access)
    defs = store.query_definitions(conn, access, term_key=key)
    if not defs:
        return None
    uses = store.query_usages(conn, access, term_key=key)
    entries = _entries(conn, defs, uses)
    return entries[0] if entries else None


def undefined_usage(
    source: Source, allowed_access: Iterable[str] | None, term: str
) -> dict[str, Any] | None:
    """Where an abbreviation that no readable document defines is used, or None."""
    key = normalise_term(term)
    if not key:
        return None
    sync(source)
    conn, _ = _connection(source)
    access = None if allowed_access is None else set(allowed_access)
    if store.query_definitions(conn, access, term_key=key):
        return None
    found = _undefined(conn, access, store.query_usages(conn, access, term_key=key), set())
    return found[0] if found else None
