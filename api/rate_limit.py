"""A chat rate limit that all worker processes share: token buckets in SQLite.

`plan-assistant serve --workers N` runs N processes; buckets kept in each process's memory
would let a caller through N times as often as configured. These buckets live in their own
small SQLite file in the data folder (not the registry, so a long ingest transaction never
holds up a question), and every take is one short IMMEDIATE transaction, which SQLite
serialises across processes. Wall-clock time, so every process measures refills alike.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger("plan_assistant.api")

FILENAME = "rate_limits.sqlite"
SCHEMA = """
CREATE TABLE IF NOT EXISTS chat_buckets (
    key TEXT PRIMARY KEY,
    tokens REAL NOT NULL,
    updated REAL NOT NULL
);
"""
PRUNE_EVERY = 1000  # takes between sweeps of buckets that have refilled (and so carry nothing)


class SharedTokenBucket:
    """`rate` tokens per second up to `burst` per key; one token per request.

    Same contract as `api.security.TokenBucket.take`, but the state is in `data_dir`, shared
    by every process that opens it. If the file cannot be written in time (a disk problem,
    a stuck lock), the request is let through and the failure logged: a broken limiter must
    not turn into failed questions.
    """

    def __init__(
        self,
        data_dir: Path | str,
        rate: float,
        burst: int,
        clock: Callable[[], float] = time.time,
        busy_timeout_s: float = 5.0,
    ) -> None:
        self.path = Path(data_dir) / FILENAME
        self.rate = rate
        self.burst = max(1, burst)
        self.clock = clock
        self.busy_timeout_s = busy_timeout_s
        self._conn: sqlite3.Connection | None = None
        self._lock = threading.Lock()
        self._takes = 0

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(
                str(self.path),
                timeout=self.busy_timeout_s,
                check_same_thread=False,
                isolation_level=None,
            )
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.executescript(SCHEMA)
            self._conn = conn
        return self._conn

    def take(self, key: str) -> float:
        """0.0 when the request may proceed, else the seconds until a token is available."""
        if self.rate <= 0:
            return 0.0
        with self._lock:
            try:
                return self._take(key)
            except sqlite3.Error:
                log.exception("rate limit store %s failed; request let through", self.path)
                return 0.0

    def _take(self, key: str) -> float:
        conn = self._connection()
        conn.execute("BEGIN IMMEDIATE")
        try:
            now = self.clock()
            row = conn.execute(
                "SELECT tokens, updated FROM chat_buckets WHERE key = ?", (key,)
            ).fetchone()
            tokens, last = (float(self.burst), now) if row is None else row
            tokens = min(float(self.burst), tokens + max(0.0, now - last) * self.rate)
            wait = 0.0
            if tokens >= 1.0:
                tokens -= 1.0
            else:
                wait = (1.0 - tokens) / self.rate
            conn.execute(
                "INSERT INTO chat_buckets (key, tokens, updated) VALUES (?, ?, ?)"
                " ON CONFLICT(key) DO UPDATE SET tokens = excluded.tokens,"
                " updated = excluded.updated",
                (key, tokens, now),
            )
            self._takes += 1
            if self._takes % PRUNE_EVERY == 0:
                conn.execute(
                    "DELETE FROM chat_buckets WHERE tokens + (? - updated) * ? >= ?",
                    (now, self.rate, float(self.burst)),
                )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        return wait

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None
