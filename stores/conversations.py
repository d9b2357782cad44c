"""Conversations, messages and answer feedback in SQLite.

Kept in the registry file next to documents and facts, so a backup of the data folder holds
everything. Every function takes a `sqlite3.Connection` (autocommit mode, as `open_registry`
returns it) and does one short statement or transaction: the API calls them from many
threads and several worker processes, and SQLite's WAL mode serialises the writers.

Each conversation records its owner (API key id or "anonymous") and the access levels it was
held with; the API only shows a conversation to the same owner with at least that access, so
the answers stored in it (quotes, titles, amounts) never reach a caller who could not have
retrieved them.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from datetime import UTC, datetime
from typing import Any

SCHEMA = """
CREATE TABLE IF NOT EXISTS conversations (
    id TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    access TEXT NOT NULL DEFAULT '[]',
    title TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS messages (
    id TEXT PRIMARY KEY,
    conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('user', 'assistant')),
    content TEXT NOT NULL,
    answer TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS messages_conversation ON messages(conversation_id, seq);
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    message_id TEXT NOT NULL UNIQUE REFERENCES messages(id) ON DELETE CASCADE,
    rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
    comment TEXT,
    owner TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
"""

TITLE_CHARS = 80


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def new_id() -> str:
    """Random, unguessable id (the id is what a client uses to read a conversation back)."""
    return uuid.uuid4().hex


def create_schema(conn: sqlite3.Connection) -> None:
    conn.executescript(SCHEMA)


def create_conversation(
    conn: sqlite3.Connection, owner: str, access: set[str] | None, title: str = ""
) -> str:
    conv_id = new_id()
    now = _now()
    conn.execute(
        "INSERT INTO conversations (id, owner, access, title, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (conv_id, owner, json.dumps(sorted(access or [])), title[:TITLE_CHARS], now, now),
    )
    return conv_id


def get_conversation(conn: sqlite3.Connection, conv_id: str) -> dict[str, Any] | None:
    row = conn.execute(
        "SELECT id, owner, access, title, created_at, updated_at FROM conversations WHERE id = ?",
        (conv_id,),
    ).fetchone()
    if row is None:
        return None
    item = dict(row) if isinstance(row, sqlite3.Row) else _as_dict(row, _CONV_COLS)
    item["access"] = set(json.loads(item["access"]))
    return item


def add_turn(
    conn: sqlite3.Connection,
    conv_id: str,
    question: str,
    answer_text: str,
    answer: dict[str, Any],
    answer_id: str | None = None,
) -> tuple[str, str]:
    """Store a question and its answer together (a failed answer leaves no dangling turn).

    Returns (user message id, assistant message id).
    """
    user_id = new_id()
    answer_id = answer_id or new_id()
    now = _now()
    conn.execute("BEGIN IMMEDIATE")
    try:
        seq = conn.execute(
            "SELECT COALESCE(MAX(seq), 0) FROM messages WHERE conversation_id = ?", (conv_id,)
        ).fetchone()[0]
        conn.execute(
            "INSERT INTO messages (id, conversation_id, seq, role, content, answer, created_at)"
            " VALUES (?, ?, ?, 'user', ?, NULL, ?)",
            (user_id, conv_id, seq + 1, question, now),
        )
        conn.execute(
            "INSERT INTO messages (id, conversation_id, seq, role, content, answer, created_at)"
            " VALUES (?, ?, ?, 'assistant', ?, ?, ?)",
            (
                answer_id,
                conv_id,
                seq + 2,
                answer_text,
                json.dumps(answer, ensure_ascii=False, default=str),
                now,
            ),
        )
        conn.execute(
            "UPDATE conversations SET updated_at = ?,"
            " title = CASE WHEN title = '' THEN ? ELSE title END WHERE id = ?",
            (now, question[:TITLE_CHARS], conv_id),
        )
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return user_id, answer_id


def list_messages(conn: sqlite3.Connection, conv_id: str) -> list[dict[str, Any]]:
    rows = conn.execute(
        "SELECT id, role, content, answer, created_at FROM messages"
        " WHERE conversation_id = ? ORDER BY seq",
        (conv_id,),
    ).fetchall()
    out = []
    for row in rows:
        item = dict(row) if isinstance(row, sqlite3.Row) else _as_dict(row, _MSG_COLS)
        item["answer"] = json.loads(item["answer"]) if item["answer"] else None
        out.append(item)
    return out


def history(conn: sqlite3.Connection, conv_id: str, max_messages: int = 12) -> list[dict[str, str]]:
    """The last turns as `{"role", "content"}` dicts, oldest first, for follow-up questions."""
    rows = conn.execute(
        "SELECT role, content FROM messages WHERE conversation_id = ? ORDER BY seq DESC LIMIT ?",
        (conv_id, max_messages),
    ).fetchall()
    return [{"role": r[0], "content": r[1]} for r in reversed(rows)]


def message_conversation(conn: sqlite3.Connection, message_id: str) -> dict[str, Any] | None:
    """The conversation an assistant message belongs to (feedback checks its owner)."""
    row = conn.execute(
        "SELECT conversation_id FROM messages WHERE id = ? AND role = 'assistant'", (message_id,)
    ).fetchone()
    return get_conversation(conn, row[0]) if row else None


def save_feedback(
    conn: sqlite3.Connection,
    message_id: str,
    rating: str,
    comment: str | None = None,
    owner: str | None = None,
) -> int:
    """Record (or update) the feedback on one answer; a later comment keeps the rating's row."""
    now = _now()
    conn.execute(
        "INSERT INTO feedback (message_id, rating, comment, owner, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?)"
        " ON CONFLICT(message_id) DO UPDATE SET rating = excluded.rating,"
        " comment = COALESCE(excluded.comment, feedback.comment), updated_at = excluded.updated_at",
        (message_id, rating, comment, owner, now, now),
    )
    row = conn.execute("SELECT id FROM feedback WHERE message_id = ?", (message_id,)).fetchone()
    return int(row[0])


def list_feedback(
    conn: sqlite3.Connection, rating: str | None = None, limit: int = 100
) -> list[dict[str, Any]]:
    """Newest first, with the question asked and the answer given, for review by staff."""
    sql = (
        "SELECT f.id, f.rating, f.comment, f.created_at, f.updated_at, f.message_id,"
        " m.conversation_id, m.content AS answer,"
        " (SELECT q.content FROM messages q WHERE q.conversation_id = m.conversation_id"
        "  AND q.seq = m.seq - 1) AS question"
        " FROM feedback f JOIN messages m ON m.id = f.message_id"
    )
    params: list[Any] = []
    if rating:
        sql += " WHERE f.rating = ?"
        params.append(rating)
    sql += " ORDER BY f.updated_at DESC, f.id DESC LIMIT ?"
    params.append(limit)
    rows = conn.execute(sql, params).fetchall()
    return [dict(r) if isinstance(r, sqlite3.Row) else _as_dict(r, _FB_COLS) for r in rows]


_CONV_COLS = ("id", "owner", "access", "title", "created_at", "updated_at")
_MSG_COLS = ("id", "role", "content", "answer", "created_at")
_FB_COLS = (
    "id",
    "rating",
    "comment",
    "created_at",
    "updated_at",
    "message_id",
    "conversation_id",
    "answer",
    "question",
)


def _as_dict(row: tuple[Any, ...], cols: tuple[str, ...]) -> dict[str, Any]:
    """Connections without `sqlite3.Row` as row factory return tuples."""
    return dict(zip(cols, row, strict=True))
