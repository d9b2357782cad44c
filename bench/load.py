"""Load test (issue 7): N concurrent clients against a real `plan-assistant serve` on loopback.

Starts the server as a child process on 127.0.0.1 with a free port over an already ingested
data dir (or uses --url, loopback only), waits for /readyz, then runs N clients for a bounded
time. Each client loops: a search (GET /api/search) or a question (POST /api/chat, not
streamed), picked from the benchmark queries. Reported per endpoint: p50/p95/p99 latency,
status counts (429 = rate limited, counted apart from errors), throughput, and the server's
RSS sampled during the run. Everything is bounded: the run time, every request's timeout, the
server start wait; the child process is always stopped.
"""

from __future__ import annotations

import asyncio
import os
import random
import socket
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import httpx

from bench.common import percentiles, pid_rss_mib
from bench.query_bench import bench_queries

ROOT = Path(__file__).resolve().parents[1]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(data_dir: Path, cache_dir: Path, workers: int = 1, wait_s: float = 180):
    """`plan-assistant serve` on a free loopback port; returns (process, base_url)."""
    port = _free_port()
    env = {
        **os.environ,
        "PLAN_ASSISTANT_EMBED_CACHE_DIR": str(cache_dir),
        "ANONYMIZED_TELEMETRY": "False",
        # the per-caller chat limit (30/min) would throttle clients that ask twice a second;
        # this measures capacity, so it is off (tests/api/test_security.py covers the limit)
        "PLAN_ASSISTANT_CHAT_RATE_PER_MINUTE": "0",
    }
    exe = ROOT / ".venv" / "bin" / "plan-assistant"
    cmd = [str(exe) if exe.exists() else "plan-assistant", "serve", "--host", "127.0.0.1"]
    cmd += ["--port", str(port), "--data-dir", str(data_dir), "--no-ingest"]
    cmd += ["--workers", str(workers), "--log-level", "warning"]
    proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + wait_s
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"plan-assistant serve exited with {proc.returncode}")
        try:
            if httpx.get(f"{url}/readyz", timeout=2).status_code == 200:
                return proc, url
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    stop_server(proc)
    raise RuntimeError("plan-assistant serve did not become ready in time")


def stop_server(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)


async def _client(
    url: str,
    index: int,
    queries: list[str],
    deadline: float,
    chat_share: float,
    seed: int,
    records: list[tuple[str, int, float]],
) -> None:
    rng = random.Random(seed)
    # Each client is its own caseworker: its own loopback source address (all of 127/8 is
    # loopback on Linux), so per-caller rate limits apply per client, as in real use.
    local = f"127.0.{index // 250}.{index % 250 + 2}" if "127.0.0.1" in url else None
    transport = httpx.AsyncHTTPTransport(local_address=local) if local else None
    async with httpx.AsyncClient(base_url=url, timeout=60, transport=transport) as client:
        await _loop(client, rng, queries, deadline, chat_share, records)


async def _loop(client, rng, queries, deadline, chat_share, records) -> None:
    while time.monotonic() < deadline:  # bounded by the run time
        q = rng.choice(queries)
        kind = "chat" if rng.random() < chat_share else "search"
        t0 = time.perf_counter()
        try:
            if kind == "chat":
                r = await client.post("/api/chat", json={"message": q, "stream": False})
            else:
                r = await client.get("/api/search", params={"q": q, "k": 5})
            status = r.status_code
        except httpx.HTTPError as exc:
            status = -1 if not isinstance(exc, httpx.TimeoutException) else -2
        records.append((kind, status, (time.perf_counter() - t0) * 1000))


async def _run(url: str, clients: int, seconds: float, chat_share: float, pid: int | None):
    queries = bench_queries()
    records: list[tuple[str, int, float]] = []
    rss: list[float] = []
    start = time.monotonic()
    deadline = start + seconds
    tasks = [
        asyncio.create_task(_client(url, i, queries, deadline, chat_share, i, records))
        for i in range(clients)
    ]
    while time.monotonic() < deadline:
        if pid:
            value = pid_rss_mib(pid)
            if value:
                rss.append(value)
        await asyncio.sleep(1)
    await asyncio.gather(*tasks)
    elapsed = time.monotonic() - start
    return records, rss, elapsed


def run_load(
    data_dir: Path | None = None,
    cache_dir: Path | None = None,
    url: str | None = None,
    clients: int = 32,
    seconds: float = 60,
    chat_share: float = 0.5,
    workers: int = 1,
) -> dict[str, Any]:
    proc = None
    if url is None:
        if data_dir is None or cache_dir is None:
            raise ValueError("give a data dir to serve, or --url")
        proc, url = start_server(data_dir, cache_dir, workers)
    elif urlparse(url).hostname not in ("127.0.0.1", "localhost", "::1"):
        raise ValueError("the load test runs against loopback only")
    try:
        records, rss, elapsed = asyncio.run(
            _run(url, clients, seconds, chat_share, proc.pid if proc else None)
        )
    finally:
        if proc:
            stop_server(proc)
    out: dict[str, Any] = {
        "clients": clients,
        "seconds": round(elapsed, 1),
        "workers": workers,
        "requests": len(records),
        "throughput_rps": round(len(records) / elapsed, 2),
        "server_rss_mib_max": max(rss) if rss else None,
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }
    for kind in ("search", "chat"):
        rows = [r for r in records if r[0] == kind]
        ok = [ms for _, status, ms in rows if status == 200]
        out[kind] = {
            "requests": len(rows),
            "ok": len(ok),
            "status": dict(Counter(str(status) for _, status, _ in rows)),
            "errors": sum(1 for _, s, _ in rows if s != 200 and s != 429),
            "rate_limited": sum(1 for _, s, _ in rows if s == 429),
            "latency_ms_ok": percentiles(ok),
        }
    return out


if __name__ == "__main__":
    import argparse
    import json

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--work", type=Path, help="work dir from bench.ingest_bench (data + cache)")
    ap.add_argument("--url", help="an already running server on loopback instead")
    ap.add_argument("--clients", type=int, default=32)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--chat-share", type=float, default=0.5)
    ap.add_argument("--workers", type=int, default=1)
    a = ap.parse_args()
    if not a.url and not a.work:
        sys.exit("give --work or --url")
    result = run_load(
        a.work / "data" if a.work else None,
        a.work / "cache" if a.work else None,
        a.url,
        a.clients,
        a.seconds,
        a.chat_share,
        a.workers,
    )
    print(json.dumps(result, indent=2))
