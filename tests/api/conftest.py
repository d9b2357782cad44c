"""API fixtures: one corpus store for the API tests (written to: conversations, feedback),
separate from the lead's read-only `corpus_store`, plus helpers to run a real server."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.conftest import CORPUS, EMBED_CACHE, ROOT, make_settings


@pytest.fixture(scope="session")
def api_settings(tmp_path_factory: pytest.TempPathFactory):
    """Settings of a data dir holding the ingested corpus (embeddings come from the cache)."""
    from ingest.pipeline import Ingestor

    settings = make_settings(tmp_path_factory.mktemp("api-store"))
    report = Ingestor(settings).ingest_paths([CORPUS])
    assert not report.failed, [(f.source, f.reason) for f in report.failed]
    return settings


def make_app(settings):  # type: ignore[no-untyped-def]
    """The real app with chat rate limiting off (tests/api/test_security.py covers it)."""
    from api.app import create_app
    from api.security import TokenBucket

    app = create_app(settings)
    app.state.chat_limiter = TokenBucket(rate=0.0, burst=1)
    return app


@pytest.fixture(scope="session")
def client(api_settings) -> Iterator[TestClient]:
    with TestClient(make_app(api_settings)) as c:
        yield c


@pytest.fixture()
def empty_client(tmp_path: Path) -> Iterator[TestClient]:
    """An app on an empty, writable data dir (uploads, deletes, not-ready states), called
    with an editor's API key, since uploading and deleting need that role."""
    from stores.keys import create_key, open_keys

    settings = make_settings(tmp_path / "data", upload_max_mb=1)
    conn = open_keys(settings.data_dir)
    token = create_key(conn, "redaktør", "editor")
    conn.close()
    with TestClient(make_app(settings), headers={"X-API-Key": token}) as c:
        yield c


def sse_events(text: str) -> list[tuple[str, dict]]:
    """Parse a text/event-stream body into (event, JSON data) pairs."""
    events = []
    for block in text.replace("\r\n", "\n").split("\n\n"):
        name, data = "message", []
        for line in block.split("\n"):
            if line.startswith("event:"):
                name = line[6:].strip()
            elif line.startswith("data:"):
                data.append(line[5:].lstrip(" "))
        if data:
            events.append((name, json.loads("\n".join(data))))
    return events


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ThreadedServer:
    """uvicorn serving an app on 127.0.0.1 in a background thread."""

    def __init__(self, app) -> None:  # type: ignore[no-untyped-def]
        import uvicorn

        self.port = free_port()
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> ThreadedServer:
        self.thread.start()
        deadline = time.monotonic() + 60
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=30)


def wait_ready(url: str, proc: subprocess.Popen, timeout: float, log: Path) -> None:
    """Poll /readyz of a served process until it is ready; its log tail on failure."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            tail = log.read_text(errors="replace")[-4000:]
            raise RuntimeError(f"plan-assistant serve exited with {proc.returncode}:\n{tail}")
        try:
            with urllib.request.urlopen(f"{url}/readyz", timeout=5) as r:
                if json.load(r)["status"] == "ready":
                    return
        except OSError:
            pass
        time.sleep(0.3)
    tail = log.read_text(errors="replace")[-4000:]
    raise RuntimeError(f"plan-assistant serve did not become ready:\n{tail}")


class ServedProcess:
    """`plan-assistant serve` as a child process on 127.0.0.1 (a real server: uvicorn, its
    workers, the first-start ingest of corpus/), stopped with SIGINT on exit."""

    def __init__(self, data_dir: Path, log: Path, workers: int = 1, **env: str) -> None:
        self.data_dir = data_dir
        self.log_path = log
        self.workers = workers
        self.port = free_port()
        self.env = env
        self.proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> ServedProcess:
        env = dict(
            os.environ,
            PLAN_ASSISTANT_CORPUS_DIR=str(CORPUS),
            PLAN_ASSISTANT_EMBED_CACHE_DIR=str(EMBED_CACHE),
            ANONYMIZED_TELEMETRY="False",
            **self.env,
        )
        cmd = [sys.executable, "-m", "plan_assistant.cli", "serve", "--host", "127.0.0.1"]
        cmd += ["--port", str(self.port), "--data-dir", str(self.data_dir)]
        cmd += ["--workers", str(self.workers), "--log-level", "warning"]
        self._log = self.log_path.open("wb")
        self.proc = subprocess.Popen(
            cmd, cwd=ROOT, env=env, stdout=self._log, stderr=subprocess.STDOUT
        )
        try:
            self._wait_ready(timeout=180)
        except BaseException:
            self.__exit__()
            raise
        return self

    def _wait_ready(self, timeout: float) -> None:
        assert self.proc is not None
        wait_ready(self.url, self.proc, timeout, self.log_path)

    def log_tail(self, chars: int = 4000) -> str:
        return self.log_path.read_text(errors="replace")[-chars:]

    def __exit__(self, *exc: object) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self._log.close()
