"""Chroma write cost: one add per document (as the pipeline writes) vs batched adds.

Random 384-d vectors, 17 chunks per "document" (the synthetic corpora's mean), into a fresh
PersistentClient collection; three ways: per document with the pipeline's two deletes before
the add, per document add only, and 500 chunks per add. Shows what buffering writes across
documents would save in the write phase.
"""

from __future__ import annotations

import json
import os
import tempfile
import time

import numpy as np

os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")


def run_store_probe(n: int = 1700, per_doc: int = 17) -> dict[str, float]:
    import chromadb
    from chromadb.config import Settings

    vecs = np.random.default_rng(0).standard_normal((n, 384)).astype(np.float32)
    out: dict[str, float] = {"chunks": n, "chunks_per_doc": per_doc}
    for mode in ("per_doc_with_deletes", "per_doc_add_only", "batched_500"):
        with tempfile.TemporaryDirectory() as tmp:
            client = chromadb.PersistentClient(
                path=tmp, settings=Settings(anonymized_telemetry=False)
            )
            col = client.get_or_create_collection(
                "probe", embedding_function=None, metadata={"hnsw:space": "cosine"}
            )
            step = 500 if mode == "batched_500" else per_doc
            t0 = time.perf_counter()
            for i in range(0, n, step):
                ids = [f"d{i}:{j}" for j in range(i, min(n, i + step))]
                if mode == "per_doc_with_deletes":
                    col.delete(where={"document_id": f"d{i}"})
                    col.delete(ids=ids)
                col.add(
                    ids=ids,
                    embeddings=vecs[i : i + len(ids)],
                    documents=["Der afsættes 1,5 mio. kr. til indsatsen. " * 8] * len(ids),
                    metadatas=[{"document_id": f"d{i}", "page": 1}] * len(ids),
                )
            out[f"{mode}_chunks_per_s"] = round(n / (time.perf_counter() - t0), 1)
    return out


if __name__ == "__main__":
    print(json.dumps(run_store_probe(), indent=2))
