"""Chroma server mode: a real `chroma run` on 127.0.0.1, stopped and restarted mid-session.

The assistant ingests and answers through `HttpClient` (settings.chroma_host); while the
server is down the store and `/readyz` say not-ready, and both recover when it is back,
with the vectors it persisted.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.conftest import CORPUS, make_settings

pytestmark = pytest.mark.server

DOCS = ("bilag2_kompetencepulje_2006_sof.txt", "bufu_2021-06-07_568_task_force_status.txt")
QUESTION = "Hvor meget blev afsat til videndeling?"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ChromaServer:
    """`chroma run --path PATH --host 127.0.0.1 --port PORT` as a child process."""

    def __init__(self, path: Path, port: int) -> None:
        self.path, self.port = path, port
        self.proc: subprocess.Popen[bytes] | None = None
        self.log = path.parent / "chroma-server.log"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def alive(self) -> bool:
        try:
            with urllib.request.urlopen(f"{self.url}/api/v2/heartbeat", timeout=2) as r:
                return r.status == 200
        except OSError:
            return False

    def start(self) -> None:
        exe = Path(sys.executable).with_name("chroma")
        if not exe.exists():
            exe = Path(shutil.which("chroma") or "chroma")
        env = os.environ | {"ANONYMIZED_TELEMETRY": "False"}
        cmd = [str(exe), "run", "--path", str(self.path), "--host", "127.0.0.1"]
        with self.log.open("ab") as log:
            self.proc = subprocess.Popen(
                [*cmd, "--port", str(self.port)],
                stdout=log,
                stderr=subprocess.STDOUT,
                env=env,
                start_new_session=True,
            )
        deadline = time.monotonic() + 60
        while not self.alive():
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"chroma did not start: {self.log.read_text()[-2000:]}")
            time.sleep(0.2)

    def stop(self) -> None:
        if self.proc is None:
            return
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=10)
        self.proc = None
        deadline = time.monotonic() + 10
        while self.alive() and time.monotonic() < deadline:
            time.sleep(0.1)


@pytest.fixture()
def server(tmp_path: Path) -> Iterator[ChromaServer]:
    srv = ChromaServer(tmp_path / "chroma-server", _free_port())
    srv.start()
    try:
        yield srv
    finally:
        srv.stop()


def _corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    for name in DOCS:
        shutil.copy(CORPUS / name, folder / name)
    return folder


def _wait(predicate, seconds: float = 30.0) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return predicate()


def test_ingest_search_and_answer_through_a_chroma_server_that_restarts(tmp_path, server):
    from api.app import create_app
    from assistant.retriever import HybridRetriever
    from assistant.types import SearchFilters
    from ingest.pipeline import Ingestor

    settings = make_settings(tmp_path / "data", chroma_host="127.0.0.1", chroma_port=server.port)
    ingestor = Ingestor(settings)
    report = ingestor.ingest_paths([_corpus(tmp_path)])
    assert not report.failed
    stores = ingestor.stores
    assert type(stores.vectors.client).__name__ != "PersistentClient"
    assert not (settings.data_dir / "chroma").exists()  # the vectors live in the server
    assert stores.vectors.ids() == stores.registry.chunk_ids()

    retriever = HybridRetriever(stores)
    before = retriever.search(QUESTION, k=3, filters=SearchFilters(access={"public"}))
    assert any("600.000 kr." in h.text for h in before)
    assert any(h.dense_rank for h in before)  # the dense half answered through HTTP

    with TestClient(create_app(settings)) as client:
        ready = client.get("/readyz")
        assert ready.status_code == 200, ready.text
        assert ready.json()["status"] == "ready"
        answer = client.post("/api/chat", json={"message": QUESTION})
        assert answer.status_code == 200
        assert any("600.000 kr." in c["quote"] for c in answer.json()["citations"])

        server.stop()
        assert stores.vectors.heartbeat() is False
        down = client.get("/readyz")
        assert down.status_code == 503
        assert down.json()["status"] == "not_ready"
        assert down.json()["detail"] == "Vektorlageret svarer ikke."
        assert client.get("/healthz").status_code == 200  # the process itself is alive

        server.start()  # same data path, same port
        assert _wait(stores.vectors.heartbeat)
        assert _wait(lambda: client.get("/readyz").status_code == 200)
        assert client.get("/readyz").json()["status"] == "ready"
        assert stores.vectors.count() == len(stores.registry.chunk_ids())
        again = client.post("/api/chat", json={"message": QUESTION})
        assert again.status_code == 200
        assert any("600.000 kr." in c["quote"] for c in again.json()["citations"])

    after = retriever.search(QUESTION, k=3, filters=SearchFilters(access={"public"}))
    assert [h.chunk_id for h in after] == [h.chunk_id for h in before]
    assert stores.vectors.ids() == stores.registry.chunk_ids()


def test_an_app_started_while_chroma_is_down_becomes_ready_when_it_comes_up(tmp_path):
    from api.app import create_app
    from ingest.pipeline import Ingestor

    srv = ChromaServer(tmp_path / "chroma-server", _free_port())
    srv.start()
    settings = make_settings(tmp_path / "data", chroma_host="127.0.0.1", chroma_port=srv.port)
    try:
        assert not Ingestor(settings).ingest_paths([_corpus(tmp_path)]).failed
        srv.stop()
        with TestClient(create_app(settings)) as client:
            down = client.get("/readyz")
            assert down.status_code == 503
            assert down.json()["status"] == "not_ready"
            srv.start()
            assert _wait(lambda: client.get("/readyz").status_code == 200)
            hits = client.get("/api/search", params={"q": QUESTION, "k": 3}).json()["hits"]
            assert any("600.000 kr." in h["text"] for h in hits)
    finally:
        srv.stop()


def test_questions_while_chroma_is_down_get_an_answer_or_a_503_never_a_500(tmp_path, server):
    from api.app import create_app
    from ingest.pipeline import Ingestor

    settings = make_settings(tmp_path / "data", chroma_host="127.0.0.1", chroma_port=server.port)
    assert not Ingestor(settings).ingest_paths([_corpus(tmp_path)]).failed
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        assert client.get("/api/search", params={"q": QUESTION}).status_code == 200
        server.stop()
        search = client.get("/api/search", params={"q": QUESTION})
        chat = client.post("/api/chat", json={"message": QUESTION})
        assert search.status_code in (200, 503), search.text
        assert chat.status_code in (200, 503), chat.text
