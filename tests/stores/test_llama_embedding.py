"""LlamaEmbedding: our embedders inside llama-index's own pipeline (deterministic hashing
embedder from bench/, so no model is loaded)."""

from __future__ import annotations

import numpy as np

from bench.common import HashEmbedder
from stores.llama_embedding import LlamaEmbedding

TEXTS = [
    "Der afsættes 600.000 kr. til videndeling.",
    "Børne- og Ungeudvalget godkendte involveringsplanen den 30. november 2020.",
    "Status forelægges udvalget senest september 2021.",
]


def test_passages_and_queries_go_to_the_wrapped_embedder():
    inner = HashEmbedder()
    emb = LlamaEmbedding(inner, embed_batch_size=2)
    batch = emb.get_text_embedding_batch(TEXTS)  # two llama-index batches: 2 + 1
    assert np.allclose(np.asarray(batch), inner.embed_passages(TEXTS))
    assert np.allclose(emb.get_query_embedding("videndeling"), inner.embed_query("videndeling"))
    assert emb.model_name == inner.id


def test_vector_store_index_retrieves_with_the_wrapper():
    from llama_index.core import VectorStoreIndex
    from llama_index.core.schema import TextNode

    emb = LlamaEmbedding(HashEmbedder())
    index = VectorStoreIndex(
        [TextNode(text=t, id_=str(i)) for i, t in enumerate(TEXTS)], embed_model=emb
    )
    hits = index.as_retriever(similarity_top_k=1).retrieve("Hvor meget afsættes til videndeling?")
    assert hits[0].node.node_id == "0"
