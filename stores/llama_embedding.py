"""Our embedders as a llama-index `BaseEmbedding`, for llama-index's own pipelines.

`VectorStoreIndex`, `IngestionPipeline` and query engines call `_get_text_embeddings` for
passages and `_get_query_embedding` for queries; both go to the wrapped embedder, which adds
the E5 "passage: " / "query: " prefixes itself. The bench quickstart uses this so that the
comparison with our own pipeline differs in everything but the embedder.
"""

from __future__ import annotations

from typing import Any

from llama_index.core.base.embeddings.base import BaseEmbedding
from pydantic import PrivateAttr


class LlamaEmbedding(BaseEmbedding):
    _embedder: Any = PrivateAttr()

    def __init__(self, embedder: Any, embed_batch_size: int = 16, **kwargs: Any) -> None:
        super().__init__(
            model_name=getattr(embedder, "id", type(embedder).__name__),
            embed_batch_size=embed_batch_size,
            **kwargs,
        )
        self._embedder = embedder

    @classmethod
    def class_name(cls) -> str:
        return "PlanAssistantEmbedding"

    def _get_query_embedding(self, query: str) -> list[float]:
        return [float(x) for x in self._embedder.embed_query(query)]

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._get_text_embeddings([text])[0]

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        return [[float(x) for x in row] for row in self._embedder.embed_passages(texts)]

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)

    async def _aget_text_embedding(self, text: str) -> list[float]:
        return self._get_text_embedding(text)
