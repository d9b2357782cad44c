"""API keys over HTTP: who is calling, role checks, anonymous policy, chat rate limiting."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi import Depends, FastAPI, Request
from fastapi.testclient import TestClient

from api.security import (
    AUTH_REQUIRED,
    INVALID_KEY,
    TokenBucket,
    access_set,
    chat_rate_limit,
    principal,
    require_role,
)
from stores.keys import create_key, open_keys, revoke_key
from tests.conftest import make_settings


def _app(settings) -> FastAPI:
    app = FastAPI()
    app.state.settings = settings

    @app.get("/who")
    def who(request: Request) -> dict[str, Any]:
        p = principal(request)
        return {
            "name": p.name,
            "role": p.role,
            "owner": p.owner,
            "access": sorted(access_set(p)),
        }

    @app.post("/upload", dependencies=[Depends(require_role("editor"))])
    def upload() -> dict[str, str]:
        return {"ok": "editor"}

    @app.post("/keys", dependencies=[Depends(require_role("admin"))])
    def keys() -> dict[str, str]:
        return {"ok": "admin"}

    @app.post("/chat", dependencies=[Depends(chat_rate_limit)])
    def chat() -> dict[str, str]:
        return {"ok": "chat"}

    return app


@pytest.fixture()
def env(tmp_path):
    settings = make_settings(tmp_path / "data")
    conn = open_keys(settings.data_dir)
    tokens = {
        "reader": create_key(conn, "læser", "reader"),
        "closed": create_key(conn, "jurist", "reader", ["lukket"]),
        "editor": create_key(conn, "redaktør", "editor"),
        "admin": create_key(conn, "admin", "admin", ["hr"]),
    }
    return settings, conn, tokens


def _client(settings) -> TestClient:
    return TestClient(_app(settings))


def test_anonymous_reads_public_only(env):
    settings, _, _ = env
    body = _client(settings).get("/who").json()
    assert body == {
        "name": "anonymous",
        "role": "reader",
        "owner": "anonymous",
        "access": ["public"],
    }


def test_bearer_and_x_api_key_both_authenticate(env):
    settings, _, tokens = env
    client = _client(settings)
    bearer = client.get("/who", headers={"Authorization": f"Bearer {tokens['closed']}"}).json()
    header = client.get("/who", headers={"X-API-Key": tokens["closed"]}).json()
    assert bearer == header
    assert bearer["name"] == "jurist"
    assert bearer["access"] == ["lukket", "public"]
    assert bearer["owner"].startswith("key:")


def test_invalid_and_revoked_keys_get_401_not_anonymous(env):
    settings, conn, tokens = env
    client = _client(settings)
    wrong = tokens["reader"][:-2] + "zz"
    r = client.get("/who", headers={"Authorization": f"Bearer {wrong}"})
    assert r.status_code == 401
    assert r.json()["detail"] == INVALID_KEY
    assert r.headers["www-authenticate"] == "Bearer"
    revoke_key(conn, "jurist")
    r = client.get("/who", headers={"X-API-Key": tokens["closed"]})
    assert r.status_code == 401
    assert r.json()["detail"] == INVALID_KEY


def test_foreign_token_counts_as_no_key(env):
    """The openai SDK always sends a key; a local placeholder must not lock users out."""
    settings, _, _ = env
    r = _client(settings).get("/who", headers={"Authorization": "Bearer sk-no-key-required"})
    assert r.status_code == 200
    assert r.json()["access"] == ["public"]


def test_anonymous_access_off_requires_a_key(env):
    settings, _, tokens = env
    closed = settings.model_copy(update={"anonymous_access": False})
    client = _client(closed)
    for headers in ({}, {"Authorization": "Bearer sk-no-key-required"}):
        r = client.get("/who", headers=headers)
        assert r.status_code == 401
        assert r.json()["detail"] == AUTH_REQUIRED
    assert client.get("/who", headers={"X-API-Key": tokens["reader"]}).status_code == 200


def test_roles_guard_upload_and_administration(env):
    settings, _, tokens = env
    client = _client(settings)

    def status(path: str, who: str | None) -> int:
        headers = {"X-API-Key": tokens[who]} if who else {}
        return client.post(path, headers=headers).status_code

    assert status("/upload", None) == 401  # anonymous: a key would help
    assert status("/upload", "reader") == 403
    assert status("/upload", "editor") == 200
    assert status("/upload", "admin") == 200
    assert status("/keys", "editor") == 403
    assert status("/keys", "admin") == 200
    r = client.post("/upload", headers={"X-API-Key": tokens["reader"]})
    assert r.json()["detail"] == (
        "Din API-nøgle giver ikke adgang til dette (kræver rollen redaktør)."
    )


def test_require_role_rejects_unknown_roles():
    with pytest.raises(ValueError):
        require_role("superuser")


def test_token_bucket_refills_at_its_rate():
    now = [100.0]
    bucket = TokenBucket(rate=0.5, burst=3, clock=lambda: now[0])
    assert [bucket.take("a") for _ in range(3)] == [0.0, 0.0, 0.0]
    assert bucket.take("a") == pytest.approx(2.0)
    assert bucket.take("b") == 0.0  # another caller has its own bucket
    now[0] += 2.0
    assert bucket.take("a") == 0.0
    assert bucket.take("a") == pytest.approx(2.0)
    now[0] += 1000.0
    assert [bucket.take("a") for _ in range(4)][:3] == [0.0, 0.0, 0.0]  # capped at burst


def test_token_bucket_with_rate_zero_is_off():
    bucket = TokenBucket(rate=0.0, burst=1)
    assert all(bucket.take("a") == 0.0 for _ in range(100))


def test_token_bucket_forgets_idle_callers():
    now = [0.0]
    bucket = TokenBucket(rate=1.0, burst=1, clock=lambda: now[0])
    bucket.MAX_BUCKETS = 5
    for i in range(5):
        bucket.take(f"k{i}")
    now[0] += 10.0
    bucket.take("new")
    assert set(bucket._buckets) == {"new"}


def test_chat_rate_limit_answers_429_in_danish_per_key(env):
    settings, _, tokens = env
    app = _app(settings)
    app.state.chat_limiter = TokenBucket(rate=1 / 60, burst=2)
    client = TestClient(app)
    reader = {"X-API-Key": tokens["reader"]}
    assert [client.post("/chat", headers=reader).status_code for _ in range(2)] == [200, 200]
    r = client.post("/chat", headers=reader)
    assert r.status_code == 429
    assert r.json()["detail"].startswith("Du har stillet mange spørgsmål på kort tid. Vent ")
    assert 55 <= int(r.headers["retry-after"]) <= 60
    # another key and anonymous callers have their own buckets
    assert client.post("/chat", headers={"X-API-Key": tokens["editor"]}).status_code == 200
    assert client.post("/chat").status_code == 200


def test_default_limiter_allows_a_burst_then_limits(env):
    settings, _, _ = env
    client = _client(settings)
    codes = [client.post("/chat").status_code for _ in range(12)]
    assert codes[:10] == [200] * 10
    assert 429 in codes[10:]


def test_api_documents_uses_the_key(env, tmp_path):
    """The real app's dependency (api/deps.py) goes through api/security.py."""
    from api.app import create_app

    settings, _, tokens = env
    client = TestClient(create_app(settings))
    assert client.get("/api/documents").status_code == 200
    unknown = "Bearer pa_000000000000_" + "x" * 43
    r = client.get("/api/documents", headers={"Authorization": unknown})
    assert r.status_code == 401
    assert r.json()["detail"] == INVALID_KEY
    ok = client.get("/api/documents", headers={"Authorization": f"Bearer {tokens['closed']}"})
    assert ok.status_code == 200 and ok.json() == {"documents": []}


def test_chat_endpoints_of_the_real_app_share_the_per_key_limit(env):
    """/api/chat and /v1/chat/completions draw from one bucket per key (api/routers use
    `chat_rate_limit`); the 429 is Danish and says when to retry."""
    from api.app import create_app

    settings, _, tokens = env
    app = create_app(
        settings.model_copy(update={"chat_rate_per_minute": 1.0, "chat_rate_burst": 2})
    )
    client = TestClient(app, raise_server_exceptions=False)
    reader = {"Authorization": f"Bearer {tokens['reader']}"}
    first = client.post("/api/chat", json={"message": "Hvad er budgettet?"}, headers=reader)
    second = client.post(
        "/v1/chat/completions",
        json={"messages": [{"role": "user", "content": "Hvad er budgettet?"}]},
        headers=reader,
    )
    assert first.status_code != 429 and second.status_code != 429
    third = client.post("/api/chat", json={"message": "Hvad er budgettet?"}, headers=reader)
    assert third.status_code == 429
    assert third.json()["detail"].startswith("Du har stillet mange spørgsmål på kort tid.")
    assert int(third.headers["retry-after"]) >= 1
    other = {"X-API-Key": tokens["editor"]}
    assert client.post("/api/chat", json={"message": "Hej"}, headers=other).status_code != 429
    assert client.get("/api/documents", headers=reader).status_code == 200  # only chat is limited
