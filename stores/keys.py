"""API keys: roles, group memberships, stored hashed in the registry database.

A token looks like `pa_<key id>_<secret>`. Only a salted SHA-256 of the secret is stored; the
plaintext is shown once, when the key is created. The secret is 32 random bytes, so a fast
hash is enough (a slow KDF protects guessable passwords, not random tokens) and every request
can be authenticated with one indexed lookup and a constant-time compare.

Roles are ordered: reader (chat, search) < editor (upload, delete) < admin (keys, access
levels). Groups name the access levels beyond `public` a key may read (e.g. "lukket").
The table lives in `registry.sqlite` beside documents and conversations, so one backup of
the data folder holds everything.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import secrets
import sqlite3
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROLES = ("reader", "editor", "admin")
ROLE_DA = {"reader": "læser", "editor": "redaktør", "admin": "administrator"}
PUBLIC = "public"
TOKEN_PREFIX = "pa"

SCHEMA = """
CREATE TABLE IF NOT EXISTS api_keys (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('reader', 'editor', 'admin')),
    groups TEXT NOT NULL DEFAULT '[]',
    salt TEXT NOT NULL,
    hash TEXT NOT NULL,
    created_at TEXT NOT NULL,
    revoked_at TEXT
);
CREATE UNIQUE INDEX IF NOT EXISTS api_keys_active_name ON api_keys(name) WHERE revoked_at IS NULL;
"""

_TOKEN = re.compile(rf"^{TOKEN_PREFIX}_([0-9a-f]{{12}})_([A-Za-z0-9_-]{{20,100}})$")
_GROUP = re.compile(r"^[\w.-]{1,64}$")


class InvalidKeyRequest(ValueError):
    """A key could not be created or revoked (bad role, group or name; duplicate name)."""


@dataclass(frozen=True)
class Principal:
    """Who is calling: a key's name, role and groups (anonymous callers have no key)."""

    name: str
    role: str
    groups: frozenset[str] = field(default_factory=frozenset)
    key_id: str | None = None

    @property
    def owner(self) -> str:
        """Owner id for conversations and feedback: stable per key, not per name."""
        return f"key:{self.key_id}" if self.key_id else "anonymous"

    def has_role(self, role: str) -> bool:
        return ROLES.index(self.role) >= ROLES.index(role)


ANONYMOUS = Principal(name="anonymous", role="reader")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _digest(salt: str, secret: str) -> str:
    return hashlib.sha256(bytes.fromhex(salt) + secret.encode()).hexdigest()


def create_schema(conn: sqlite3.Connection) -> None:
    conn.executescript(SCHEMA)


def open_keys(data_dir: Path | str) -> sqlite3.Connection:
    """The registry connection with the key table in place."""
    from stores.registry import open_registry

    conn = open_registry(data_dir)
    create_schema(conn)
    return conn


def normalise_groups(groups: list[str] | tuple[str, ...] | set[str] | None) -> list[str]:
    out: set[str] = set()
    for group in groups or []:
        g = group.strip()
        if not g or g == PUBLIC:
            continue  # everyone reads public documents; it is not a membership
        if not _GROUP.match(g):
            raise InvalidKeyRequest(f"invalid group name {group!r} (letters, digits, . _ - only)")
        out.add(g)
    return sorted(out)


def create_key(
    conn: sqlite3.Connection, name: str, role: str = "reader", groups: list[str] | None = None
) -> str:
    """Create a key and return its plaintext token (the only time it is ever available)."""
    create_schema(conn)
    name = name.strip()
    if not name or len(name) > 100:
        raise InvalidKeyRequest("a key needs a name of 1-100 characters")
    if role not in ROLES:
        raise InvalidKeyRequest(f"unknown role {role!r}; choose one of {', '.join(ROLES)}")
    group_list = normalise_groups(groups)
    key_id = secrets.token_hex(6)
    secret = secrets.token_urlsafe(32)
    salt = secrets.token_hex(16)
    try:
        conn.execute(
            "INSERT INTO api_keys (id, name, role, groups, salt, hash, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (key_id, name, role, json.dumps(group_list), salt, _digest(salt, secret), _now()),
        )
    except sqlite3.IntegrityError as exc:
        raise InvalidKeyRequest(f"an active key named {name!r} already exists") from exc
    return f"{TOKEN_PREFIX}_{key_id}_{secret}"


def authenticate(conn: sqlite3.Connection, token: str | None) -> Principal | None:
    """The principal a token belongs to, or None for unknown, malformed or revoked tokens."""
    match = _TOKEN.match((token or "").strip())
    if not match:
        return None
    key_id, secret = match.groups()
    try:
        row = conn.execute(
            "SELECT id, name, role, groups, salt, hash FROM api_keys"
            " WHERE id = ? AND revoked_at IS NULL",
            (key_id,),
        ).fetchone()
    except sqlite3.OperationalError:  # no key table yet: no key can be valid
        return None
    if row is None:
        return None
    if not hmac.compare_digest(_digest(row["salt"], secret), row["hash"]):
        return None
    return Principal(
        name=row["name"],
        role=row["role"],
        groups=frozenset(json.loads(row["groups"])),
        key_id=row["id"],
    )


def list_keys(conn: sqlite3.Connection, include_revoked: bool = True) -> list[dict[str, Any]]:
    """Keys without their hashes, newest first."""
    create_schema(conn)
    sql = "SELECT id, name, role, groups, created_at, revoked_at FROM api_keys"
    if not include_revoked:
        sql += " WHERE revoked_at IS NULL"
    rows = conn.execute(sql + " ORDER BY created_at DESC, name").fetchall()
    out = []
    for row in rows:
        item = dict(row)
        item["groups"] = json.loads(item["groups"])
        out.append(item)
    return out


def revoke_key(conn: sqlite3.Connection, ref: str) -> list[str]:
    """Revoke the active key(s) with this id or name; returns the revoked ids."""
    create_schema(conn)
    rows = conn.execute(
        "SELECT id FROM api_keys WHERE (id = ? OR name = ?) AND revoked_at IS NULL", (ref, ref)
    ).fetchall()
    ids = [r["id"] for r in rows]
    if ids:
        conn.execute(
            f"UPDATE api_keys SET revoked_at = ? WHERE id IN ({','.join('?' * len(ids))})",
            (_now(), *ids),
        )
    return ids
