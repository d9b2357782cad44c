"""API keys: hashed at rest, shown once, roles ordered, revocation immediate."""

from __future__ import annotations

import sqlite3

import pytest

from stores.keys import (
    ANONYMOUS,
    InvalidKeyRequest,
    authenticate,
    create_key,
    list_keys,
    open_keys,
    revoke_key,
)


@pytest.fixture()
def conn(tmp_path) -> sqlite3.Connection:
    return open_keys(tmp_path / "data")


def test_created_key_authenticates_with_its_role_and_groups(conn):
    token = create_key(conn, "sagsbehandler", "reader", ["lukket", "hr", "lukket"])
    principal = authenticate(conn, token)
    assert principal is not None
    assert principal.name == "sagsbehandler"
    assert principal.role == "reader"
    assert principal.groups == frozenset({"lukket", "hr"})
    assert principal.owner == f"key:{principal.key_id}"
    assert token.startswith(f"pa_{principal.key_id}_")


def test_only_a_salted_hash_is_stored(conn, tmp_path):
    token = create_key(conn, "a", "reader")
    secret = token.split("_", 2)[2]
    raw = (tmp_path / "data" / "registry.sqlite").read_bytes()
    wal = tmp_path / "data" / "registry.sqlite-wal"
    raw += wal.read_bytes() if wal.exists() else b""
    assert secret.encode() not in raw
    row = conn.execute("SELECT salt, hash FROM api_keys").fetchone()
    assert len(row["salt"]) == 32 and len(row["hash"]) == 64
    assert secret not in row["hash"]


def test_two_keys_with_the_same_secret_would_hash_differently(conn):
    create_key(conn, "a", "reader")
    create_key(conn, "b", "reader")
    salts = {r["salt"] for r in conn.execute("SELECT salt FROM api_keys")}
    assert len(salts) == 2


@pytest.mark.parametrize(
    "mangle",
    [
        lambda t: t[:-1] + ("A" if t[-1] != "A" else "B"),  # wrong secret
        lambda t: t.replace("pa_", "pb_", 1),  # wrong prefix
        lambda t: t.split("_", 2)[2],  # secret without the key id
        lambda t: "",
        lambda t: "pa_000000000000_" + t.split("_", 2)[2],  # unknown key id
        lambda t: t + "' OR 1=1 --",
    ],
)
def test_wrong_or_malformed_tokens_are_refused(conn, mangle):
    token = create_key(conn, "a", "editor")
    assert authenticate(conn, mangle(token)) is None
    assert authenticate(conn, token) is not None


def test_surrounding_whitespace_is_tolerated(conn):
    token = create_key(conn, "a", "reader")
    assert authenticate(conn, f"  {token}\n") is not None


def test_revoke_by_name_stops_the_key_and_frees_the_name(conn):
    token = create_key(conn, "kontor", "admin")
    assert authenticate(conn, token).role == "admin"
    revoked = revoke_key(conn, "kontor")
    assert len(revoked) == 1
    assert authenticate(conn, token) is None
    assert revoke_key(conn, "kontor") == []
    new_token = create_key(conn, "kontor", "reader")
    assert authenticate(conn, new_token).role == "reader"
    rows = list_keys(conn)
    assert [(r["name"], r["role"], r["revoked_at"] is None) for r in rows] in (
        [("kontor", "reader", True), ("kontor", "admin", False)],
        [("kontor", "admin", False), ("kontor", "reader", True)],
    )
    assert [r["role"] for r in list_keys(conn, include_revoked=False)] == ["reader"]
    assert all("hash" not in r and "salt" not in r for r in rows)


def test_revoke_by_id(conn):
    token = create_key(conn, "x", "reader")
    key_id = authenticate(conn, token).key_id
    assert revoke_key(conn, key_id) == [key_id]
    assert authenticate(conn, token) is None


def test_duplicate_active_name_bad_role_and_bad_group_are_refused(conn):
    create_key(conn, "x", "reader")
    with pytest.raises(InvalidKeyRequest, match="already exists"):
        create_key(conn, "x", "editor")
    with pytest.raises(InvalidKeyRequest, match="unknown role"):
        create_key(conn, "y", "superuser")
    with pytest.raises(InvalidKeyRequest, match="invalid group"):
        create_key(conn, "y", "reader", ["a,b"])
    with pytest.raises(InvalidKeyRequest, match="name"):
        create_key(conn, "  ", "reader")


def test_public_is_not_stored_as_a_membership(conn):
    token = create_key(conn, "p", "reader", ["public", " lukket "])
    assert authenticate(conn, token).groups == frozenset({"lukket"})


def test_roles_are_ordered():
    from stores.keys import Principal

    admin = Principal("a", "admin")
    editor = Principal("e", "editor")
    assert admin.has_role("editor") and admin.has_role("reader") and admin.has_role("admin")
    assert editor.has_role("reader") and not editor.has_role("admin")
    assert ANONYMOUS.has_role("reader") and not ANONYMOUS.has_role("editor")
    assert ANONYMOUS.owner == "anonymous"


def test_authenticate_before_any_key_exists(tmp_path):
    from stores.registry import open_registry

    conn = open_registry(tmp_path / "fresh")
    assert authenticate(conn, "pa_0123456789ab_" + "x" * 43) is None


def test_keys_cli_create_list_revoke(tmp_path):
    import json

    from typer.testing import CliRunner

    from plan_assistant.cli_keys import app

    data = str(tmp_path / "cli")
    runner = CliRunner()
    made = runner.invoke(
        app, ["create", "jurist", "--role", "editor", "-g", "lukket", "--data-dir", data, "--json"]
    )
    assert made.exit_code == 0, made.output
    created = json.loads(made.output)
    assert (created["name"], created["role"], created["groups"]) == ("jurist", "editor", ["lukket"])
    conn = open_keys(data)
    assert authenticate(conn, created["token"]).name == "jurist"

    listed = runner.invoke(app, ["list", "--data-dir", data, "--json"])
    rows = json.loads(listed.output)
    assert [(r["id"], r["name"]) for r in rows] == [(created["id"], "jurist")]
    assert created["token"] not in listed.output

    bad = runner.invoke(app, ["create", "x", "--role", "boss", "--data-dir", data])
    assert bad.exit_code == 2 and "unknown role" in bad.output

    gone = runner.invoke(app, ["revoke", "jurist", "--data-dir", data])
    assert gone.exit_code == 0 and created["id"] in gone.output
    assert authenticate(conn, created["token"]) is None
    assert runner.invoke(app, ["revoke", "jurist", "--data-dir", data]).exit_code == 1
    assert json.loads(runner.invoke(app, ["list", "--data-dir", data, "--json"]).output) == []
