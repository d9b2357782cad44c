"""The stores a process works with, opened once from settings and shared."""

from __future__ import annotations

from dataclasses import dataclass

from plan_assistant.settings import Settings
from stores.embeddings import CachedEmbedder, EmbeddingCache, make_embedder
from stores.registry import Registry
from stores.vectors import VectorStore, make_client


@dataclass
class Stores:
    registry: Registry
    vectors: VectorStore
    embedder: CachedEmbedder

    @classmethod
    def open(cls, settings: Settings) -> Stores:
        embedder = CachedEmbedder(
            make_embedder(
                settings.embedder,
                threads=settings.embed_threads,
                model=settings.embedder_model,
                api_key=settings.embedder_api_key,
            ),
            EmbeddingCache(settings.cache_dir / "embeddings.sqlite"),
        )
        client = make_client(settings.data_dir, settings.chroma_host, settings.chroma_port)
        vectors = VectorStore(client, settings.chroma_collection, embedder.id, embedder.dim)
        return cls(Registry.open(settings.data_dir), vectors, embedder)
