"""Who is calling, what they may read, and how often they may ask.

- `principal(request)`: the caller from `Authorization: Bearer <key>` or `X-API-Key: <key>`.
  No key means anonymous (role reader, public documents only) when
  `settings.anonymous_access` is on, else 401. A key in our format (`pa_...`) that is unknown
  or revoked is always 401, so a revoked key never silently degrades to anonymous. A foreign
  token (the `openai` SDK insists on sending *some* key, e.g. "sk-no-key") counts as no key.
- `access_set(principal)`: the access levels retrieval and facts queries are filtered by.
- `require_role("editor")`: a dependency for upload/delete (editor) and administration (admin).
- `chat_rate_limit`: a per-caller token bucket for chat endpoints (429 with a Danish message).
  The buckets live in SQLite in the data folder (`api/rate_limit.py`), so the N worker
  processes of `serve --workers N` share one limit instead of granting N times the rate.
"""

from __future__ import annotations

import math
import sqlite3
import threading
import time
from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, HTTPException, Request

from api.rate_limit import SharedTokenBucket
from stores.keys import ANONYMOUS, PUBLIC, ROLE_DA, TOKEN_PREFIX, Principal, authenticate, open_keys

AUTH_REQUIRED = "Adgang kræver en API-nøgle."
INVALID_KEY = "API-nøglen er ugyldig eller tilbagekaldt."
RATE_LIMITED = "Du har stillet mange spørgsmål på kort tid. Vent {seconds} sekunder, og prøv igen."

DEFAULT_CHAT_PER_MINUTE = 30.0
DEFAULT_CHAT_BURST = 10

_state_lock = threading.Lock()


class KeyStore:
    """One lazily opened connection to the key table per app, used one request at a time."""

    def __init__(self, data_dir) -> None:  # type: ignore[no-untyped-def]
        self.data_dir = data_dir
        self._conn: sqlite3.Connection | None = None
        self._lock = threading.Lock()

    def authenticate(self, token: str) -> Principal | None:
        with self._lock:
            if self._conn is None:
                self._conn = open_keys(self.data_dir)
            return authenticate(self._conn, token)

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None


def _app_singleton(request: Request, name: str, factory: Callable[[], object]):  # type: ignore[no-untyped-def]
    state = request.app.state
    value = getattr(state, name, None)
    if value is None:
        with _state_lock:
            value = getattr(state, name, None)
            if value is None:
                value = factory()
                setattr(state, name, value)
    return value


def key_store(request: Request) -> KeyStore:
    return _app_singleton(
        request, "key_store", lambda: KeyStore(request.app.state.settings.data_dir)
    )


def presented_token(request: Request) -> str | None:
    auth = request.headers.get("authorization", "")
    scheme, _, value = auth.strip().partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    key = request.headers.get("x-api-key", "").strip()
    return key or None


def _unauthorized(detail: str) -> HTTPException:
    return HTTPException(status_code=401, detail=detail, headers={"WWW-Authenticate": "Bearer"})


def principal(request: Request) -> Principal:
    """The authenticated caller (memoised per request: several dependencies ask)."""
    cached = getattr(request.state, "principal", None)
    if isinstance(cached, Principal):
        return cached
    settings = request.app.state.settings
    token = presented_token(request)
    ours = token is not None and token.startswith(f"{TOKEN_PREFIX}_")
    if not ours:
        if not settings.anonymous_access:
            raise _unauthorized(AUTH_REQUIRED)
        found = ANONYMOUS
    else:
        found = key_store(request).authenticate(token or "")
        if found is None:
            raise _unauthorized(INVALID_KEY)
    request.state.principal = found
    return found


def access_set(who: Principal) -> set[str]:
    """Access levels the caller may read: public plus the key's groups."""
    return {PUBLIC, *who.groups}


def require_role(role: str) -> Callable[[Request], Principal]:
    """Dependency factory: `Depends(require_role("editor"))` guards upload and delete."""
    if role not in ROLE_DA:
        raise ValueError(f"unknown role {role!r}")

    def check(request: Request) -> Principal:
        who = principal(request)
        if who.has_role(role):
            return who
        if who.key_id is None:
            raise _unauthorized(AUTH_REQUIRED)
        raise HTTPException(
            status_code=403,
            detail=f"Din API-nøgle giver ikke adgang til dette (kræver rollen {ROLE_DA[role]}).",
        )

    check.__name__ = f"require_{role}"
    return check


class TokenBucket:
    """`rate` tokens per second up to `burst`; one token per request. Thread-safe, in this
    process's memory only (tests; the server uses `api.rate_limit.SharedTokenBucket`)."""

    MAX_BUCKETS = 10_000

    def __init__(
        self, rate: float, burst: int, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.rate = rate
        self.burst = max(1, burst)
        self.clock = clock
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def take(self, key: str) -> float:
        """0.0 when the request may proceed, else the seconds until a token is available."""
        if self.rate <= 0:
            return 0.0
        now = self.clock()
        with self._lock:
            tokens, last = self._buckets.get(key, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - last) * self.rate)
            if tokens >= 1.0:
                self._buckets[key] = (tokens - 1.0, now)
                if len(self._buckets) > self.MAX_BUCKETS:
                    self._prune(now)
                return 0.0
            self._buckets[key] = (tokens, now)
            return (1.0 - tokens) / self.rate

    def _prune(self, now: float) -> None:
        """Forget callers whose bucket has refilled: they are indistinguishable from new."""
        full = [
            k
            for k, (tokens, last) in self._buckets.items()
            if tokens + (now - last) * self.rate >= self.burst
        ]
        for k in full:
            del self._buckets[k]


def chat_limiter(request: Request) -> TokenBucket | SharedTokenBucket:
    settings = request.app.state.settings
    per_minute = float(getattr(settings, "chat_rate_per_minute", DEFAULT_CHAT_PER_MINUTE))
    burst = int(getattr(settings, "chat_rate_burst", DEFAULT_CHAT_BURST))
    return _app_singleton(
        request,
        "chat_limiter",
        lambda: SharedTokenBucket(settings.data_dir, per_minute / 60.0, burst),
    )


def rate_key(request: Request, who: Principal) -> str:
    """Keys are limited per key; anonymous callers per client address."""
    if who.key_id:
        return who.owner
    host = request.client.host if request.client else "unknown"
    return f"anonymous@{host}"


def chat_rate_limit(request: Request) -> Principal:
    """Dependency for /api/chat and /v1/chat/completions."""
    who = principal(request)
    wait = chat_limiter(request).take(rate_key(request, who))
    if wait > 0:
        seconds = max(1, math.ceil(wait))
        raise HTTPException(
            status_code=429,
            detail=RATE_LIMITED.format(seconds=seconds),
            headers={"Retry-After": str(seconds)},
        )
    return who


PrincipalDep = Annotated[Principal, Depends(principal)]
ChatRateLimitDep = Annotated[Principal, Depends(chat_rate_limit)]
EditorDep = Annotated[Principal, Depends(require_role("editor"))]
AdminDep = Annotated[Principal, Depends(require_role("admin"))]
