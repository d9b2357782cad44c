"""Stored answers seen through the caller's access *now*, not when they were given.

A conversation keeps its answers (text, quotes, titles, facts rows). When a document's access
is narrowed later (`plan-assistant access set`), or the document is removed, its quotes must
not come back through an old conversation. So every read of a stored conversation — showing
it, or feeding its history to a follow-up question — filters each answer against the
documents the caller may read at that moment: items from other documents are withheld, an
answer text that quoted them is replaced, and the answer says how much was withheld.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Iterable
from typing import Any

WITHHELD_TEXT = (
    "Svaret citerede dokumenter, som du ikke længere har adgang til, og vises derfor ikke."
)


def withheld_notice(count: int) -> str:
    what = "1 kilde er skjult" if count == 1 else f"{count} kilder er skjult"
    return f"{what}, fordi du ikke længere har adgang til dokumentet."


def readable_documents(
    conn: sqlite3.Connection, doc_ids: Iterable[str], access: Collection[str]
) -> set[str]:
    """The ids among `doc_ids` that exist and carry one of the `access` levels."""
    ids = sorted(set(doc_ids))
    if not ids or not access:
        return set()
    levels = sorted(access)
    rows = conn.execute(
        f"SELECT id FROM documents WHERE id IN ({','.join('?' * len(ids))})"
        f" AND access IN ({','.join('?' * len(levels))})",
        [*ids, *levels],
    ).fetchall()
    return {row[0] for row in rows}


def referenced_documents(answer: dict[str, Any]) -> set[str]:
    """Every document a stored answer points at: citations, sources, facts rows."""
    ids = {c.get("doc_id") for c in answer.get("citations") or []}
    ids |= {s.get("doc_id") for s in answer.get("sources") or []}
    ids |= {r.get("doc_id") for r in answer.get("table") or [] if isinstance(r, dict)}
    return {i for i in ids if isinstance(i, str)}


def filter_answer(answer: dict[str, Any], readable: set[str]) -> dict[str, Any]:
    """A copy of `answer` without what comes from documents outside `readable`."""
    citations = answer.get("citations") or []
    hidden_numbers = {c.get("n") for c in citations if c.get("doc_id") not in readable}
    hidden_sources = {c.get("source") for c in citations if c.get("doc_id") not in readable}
    kept_citations = [c for c in citations if c.get("doc_id") in readable]
    sources = answer.get("sources") or []
    kept_sources = [s for s in sources if s.get("doc_id") in readable]
    table = answer.get("table")
    kept_table = None
    if table is not None:
        kept_table = [row for row in table if _row_readable(row, readable, hidden_numbers)]
        # A row without citation number or document id is judged by its file name.
        kept_table = [r for r in kept_table if not _row_names(r, hidden_sources)]
    withheld = (
        len(citations)
        - len(kept_citations)
        + len(sources)
        - len(kept_sources)
        + (len(table) - len(kept_table or []) if table is not None else 0)
    )
    if not withheld:
        return answer
    out = dict(answer, citations=kept_citations, sources=kept_sources, withheld=withheld)
    if table is not None:
        out["table"] = kept_table
    if len(kept_citations) < len(citations) or (table is not None and kept_table != table):
        out["text"] = WITHHELD_TEXT  # the text quoted or summed up what is withheld
    out["notice"] = withheld_notice(withheld)
    return out


def _row_readable(row: Any, readable: set[str], hidden_numbers: set[Any]) -> bool:
    if not isinstance(row, dict):
        return True
    if "doc_id" in row and row["doc_id"] not in readable:
        return False
    return row.get("n") not in hidden_numbers


def _row_names(row: Any, hidden_sources: set[Any]) -> bool:
    return isinstance(row, dict) and "n" not in row and row.get("kilde") in hidden_sources


def filter_messages(
    conn: sqlite3.Connection, messages: list[dict[str, Any]], access: Collection[str]
) -> list[dict[str, Any]]:
    """Stored messages as the caller may see them now (assistant content follows its answer)."""
    wanted: set[str] = set()
    for m in messages:
        if m.get("answer"):
            wanted |= referenced_documents(m["answer"])
    readable = readable_documents(conn, wanted, access)
    out = []
    for m in messages:
        answer = m.get("answer")
        if answer:
            shown = filter_answer(answer, readable)
            if shown is not answer:
                m = dict(m, answer=shown, content=shown["text"])
        out.append(m)
    return out
