"""One chat rate limit across worker processes: buckets in SQLite in the data folder."""

from __future__ import annotations

import json
import multiprocessing
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from api.rate_limit import SharedTokenBucket
from tests.api.conftest import ServedProcess


def test_two_buckets_on_one_folder_share_the_tokens(tmp_path: Path):
    now = [1000.0]
    worker_a = SharedTokenBucket(tmp_path, rate=0.5, burst=3, clock=lambda: now[0])
    worker_b = SharedTokenBucket(tmp_path, rate=0.5, burst=3, clock=lambda: now[0])
    takes = [worker_a.take("k"), worker_b.take("k"), worker_a.take("k"), worker_b.take("k")]
    assert takes[:3] == [0.0, 0.0, 0.0]
    assert takes[3] == pytest.approx(2.0)  # the 4th, in either process, waits for a refill
    assert worker_b.take("other") == 0.0  # another caller has its own bucket
    now[0] += 2.0
    assert worker_a.take("k") == 0.0
    assert worker_b.take("k") == pytest.approx(2.0)
    now[0] += 1000.0
    assert [worker_b.take("k") for _ in range(4)] == [0.0, 0.0, 0.0, pytest.approx(2.0)]
    worker_a.close()
    worker_b.close()


def test_rate_zero_is_off_and_writes_nothing(tmp_path: Path):
    bucket = SharedTokenBucket(tmp_path, rate=0.0, burst=1)
    assert all(bucket.take("k") == 0.0 for _ in range(50))
    assert not (tmp_path / "rate_limits.sqlite").exists()


def test_an_unwritable_store_lets_requests_through(tmp_path: Path):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the data folder should be")
    bucket = SharedTokenBucket(blocker, rate=1.0, burst=1)
    with pytest.raises(OSError):
        bucket.take("k")  # mkdir fails: that is a deployment error, not a quiet pass
    locked = SharedTokenBucket(tmp_path, rate=1.0, burst=1, busy_timeout_s=0.1)
    holder = SharedTokenBucket(tmp_path, rate=1.0, burst=1)
    holder.take("k")
    conn = holder._connection()
    conn.execute("BEGIN IMMEDIATE")  # another process holding the write lock for too long
    try:
        assert locked.take("k") == 0.0
    finally:
        conn.execute("ROLLBACK")


def _take_many(data_dir: str, n: int, results) -> None:  # type: ignore[no-untyped-def]
    bucket = SharedTokenBucket(data_dir, rate=1 / 3600, burst=5)
    results.put([bucket.take("shared") == 0.0 for _ in range(n)])


def test_processes_taking_at_once_get_burst_tokens_in_total(tmp_path: Path):
    ctx = multiprocessing.get_context("spawn")
    results = ctx.Queue()
    procs = [ctx.Process(target=_take_many, args=(str(tmp_path), 8, results)) for _ in range(3)]
    for p in procs:
        p.start()
    granted = [results.get(timeout=60) for _ in procs]
    for p in procs:
        p.join(timeout=30)
    assert sum(sum(g) for g in granted) == 5, granted


def _chat(url: str) -> tuple[int, dict, str | None]:
    request = urllib.request.Request(
        f"{url}/api/chat",
        data=json.dumps({"message": "Hvad blev afsat til videndeling?"}).encode(),
        headers={"Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=120) as r:
            return r.status, json.load(r), None
    except urllib.error.HTTPError as e:
        return e.code, json.load(e), e.headers.get("Retry-After")


@pytest.mark.server
def test_serve_with_two_workers_enforces_one_limit(tmp_path: Path):
    """Twelve questions at once from one address to `serve --workers 2` with a burst of 3
    and one token a minute: exactly three are answered, whichever worker takes them."""
    with ServedProcess(
        tmp_path / "data",
        tmp_path / "serve.log",
        workers=2,
        PLAN_ASSISTANT_CHAT_RATE_PER_MINUTE="1",
        PLAN_ASSISTANT_CHAT_RATE_BURST="3",
    ) as server:
        with ThreadPoolExecutor(max_workers=12) as pool:
            results = list(pool.map(_chat, [server.url] * 12))
        log = server.log_tail()
    codes = sorted(code for code, _, _ in results)
    assert codes == [200] * 3 + [429] * 9, (codes, log)
    limited = [(body, retry) for code, body, retry in results if code == 429]
    for body, retry in limited:
        assert body["detail"].startswith("Du har stillet mange spørgsmål på kort tid. Vent ")
        assert retry is not None and 1 <= int(retry) <= 60
