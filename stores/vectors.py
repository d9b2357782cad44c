"""Chroma as the vector store: embedded PersistentClient by default, HttpClient for a server.

Writes and queries go through llama-index's `ChromaVectorStore` (TextNodes with our own
embeddings); id listings and counts use the raw collection. Chroma's default embedding
function is never used (it downloads a model): every vector comes from our embedder.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

import chromadb  # noqa: E402
from chromadb.config import Settings as ChromaSettings  # noqa: E402
from llama_index.core.schema import NodeRelationship, RelatedNodeInfo, TextNode  # noqa: E402
from llama_index.core.vector_stores.types import VectorStoreQuery  # noqa: E402
from llama_index.vector_stores.chroma import ChromaVectorStore  # noqa: E402

from ingest.models import Chunk  # noqa: E402


class EmbedderMismatchError(RuntimeError):
    """The collection was built by another embedder; mixing vector spaces is refused."""


@dataclass
class DenseHit:
    chunk_id: str
    score: float


VECTOR_BATCH = 5000  # ids per read of stored vectors


def _chroma_settings() -> ChromaSettings:
    return ChromaSettings(anonymized_telemetry=False, allow_reset=False)


def make_client(data_dir: os.PathLike[str] | str, host: str | None = None, port: int = 8000) -> Any:
    if host:
        return chromadb.HttpClient(host=host, port=port, settings=_chroma_settings())
    path = os.path.join(os.fspath(data_dir), "chroma")
    os.makedirs(path, exist_ok=True)
    return chromadb.PersistentClient(path=path, settings=_chroma_settings())


class VectorStore:
    def __init__(self, client: Any, collection: str, embedder_id: str, dim: int) -> None:
        self.client = client
        self.embedder_id = embedder_id
        self.collection = client.get_or_create_collection(
            name=collection,
            embedding_function=None,
            metadata={"embedder": embedder_id, "dim": dim, "hnsw:space": "cosine"},
        )
        built_by = (self.collection.metadata or {}).get("embedder")
        if built_by and built_by != embedder_id:
            raise EmbedderMismatchError(
                f"the vector index was built with {built_by!r}, not {embedder_id!r}; "
                "re-ingest into a new data dir or configure the same embedder"
            )
        self._store = ChromaVectorStore(chroma_collection=self.collection)

    def heartbeat(self) -> bool:
        try:
            self.client.heartbeat()
            return True
        except Exception:
            return False

    def add_many(self, items: Sequence[tuple[Sequence[Chunk], np.ndarray, dict[str, Any]]]) -> None:
        """Add the chunks of several documents in one write; each item is (chunks, vectors,
        document metadata used as filters)."""
        nodes = []
        for chunks, vectors, metadata in items:
            for chunk, vec in zip(chunks, vectors, strict=True):
                node = TextNode(
                    id_=chunk.id,
                    text=chunk.text,
                    embedding=[float(x) for x in vec],
                    metadata={
                        **metadata,
                        "page": chunk.page,
                        "start": chunk.start,
                        "end": chunk.end,
                    },
                    start_char_idx=chunk.start,
                    end_char_idx=chunk.end,
                )
                node.relationships[NodeRelationship.SOURCE] = RelatedNodeInfo(node_id=chunk.doc_id)
                nodes.append(node)
        if not nodes:
            return
        self.delete_ids([n.node_id for n in nodes])
        self._store.add(nodes)

    def delete_doc(self, doc_id: str) -> None:
        self.delete_docs([doc_id])

    def delete_docs(self, doc_ids: Sequence[str]) -> None:
        if doc_ids:
            self.collection.delete(where={"document_id": {"$in": list(doc_ids)}})

    def delete_ids(self, ids: Sequence[str]) -> None:
        if ids:
            self.collection.delete(ids=list(ids))

    def ids(self, doc_id: str | None = None) -> set[str]:
        where = {"document_id": doc_id} if doc_id else None
        result = self.collection.get(where=where, include=[])
        return set(result["ids"])

    def count(self) -> int:
        return int(self.collection.count())

    def vectors(self, ids: Sequence[str]) -> np.ndarray | None:
        """The stored vectors of `ids`, unit length, one row per id in that order; None when
        any is missing (a crash leftover, an index still being written)."""
        found: dict[str, np.ndarray] = {}
        for i in range(0, len(ids), VECTOR_BATCH):
            got = self.collection.get(ids=list(ids[i : i + VECTOR_BATCH]), include=["embeddings"])
            for cid, vec in zip(got["ids"], got["embeddings"], strict=True):
                found[cid] = np.asarray(vec, dtype=np.float32)
        if not ids or len(found) < len(ids):
            return None
        matrix = np.stack([found[cid] for cid in ids])
        return matrix / np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-12)

    def query(
        self, vector: np.ndarray, k: int, where: dict[str, Any] | None = None
    ) -> list[DenseHit]:
        if self.count() == 0:
            return []
        query = VectorStoreQuery(query_embedding=[float(x) for x in vector], similarity_top_k=k)
        kwargs = {"where": where} if where else {}
        result = self._store.query(query, **kwargs)
        # cosine space: distance = 1 - cos; report cosine similarity
        out = []
        for node_id, sim in zip(result.ids or [], result.similarities or [], strict=False):
            distance = -np.log(sim) if sim > 0 else 2.0
            out.append(DenseHit(chunk_id=node_id, score=float(1.0 - distance)))
        return out
