"""Session-wide fixtures: one store ingested from corpus/ with the real embedder and Chroma.

Embedding runs at a few chunks per second on two cores, so the store is built once per test
session and embeddings are cached by content under .cache/ (kept between local runs).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")


def _hypothesis_profile() -> None:
    """No example database in the work tree; in CI (CI=true) the same examples every run,
    so a red build is reproducible and never a matter of luck."""
    try:
        from hypothesis import settings
    except ImportError:
        return
    settings.register_profile("local", database=None)
    settings.register_profile("ci", database=None, derandomize=True, print_blob=True)
    settings.load_profile("ci" if os.environ.get("CI") == "true" else "local")


_hypothesis_profile()

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
EMBED_CACHE = ROOT / ".cache"


def make_settings(data_dir: Path, **overrides):
    from plan_assistant.settings import Settings

    return Settings(data_dir=data_dir, embed_cache_dir=EMBED_CACHE, corpus_dir=CORPUS, **overrides)


def assistant_over(root: Path, files: dict[str, str]):
    """An Assistant over a fresh data dir holding `files` (name -> text), written under
    `root/docs` and ingested: the small documents the tests write in the forms they test."""
    docs = root / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (docs / name).write_text(text, encoding="utf-8")
    return assistant_for_docs(root)


def only_view(assistant):
    """The `DocView` of the one document a test's assistant holds."""
    return assistant.docs.get(assistant.stores.registry.list_documents()[0]["id"])


def assistant_for_docs(root: Path):
    """An Assistant over a fresh data dir holding what a test wrote under `root/docs` (a PDF
    or a Word file it built), ingested."""
    from assistant.answer import Assistant
    from ingest.pipeline import Ingestor

    settings = make_settings(root / "data")
    report = Ingestor(settings).ingest_paths([root / "docs"])
    assert not report.failed, [(f.source, f.reason) for f in report.failed]
    return Assistant.from_settings(settings)


@pytest.fixture(scope="session")
def corpus_store(tmp_path_factory: pytest.TempPathFactory):
    """(settings, stores, report) for a data dir holding the ingested corpus. Read-only!"""
    from ingest.pipeline import Ingestor

    settings = make_settings(tmp_path_factory.mktemp("corpus-store"))
    ingestor = Ingestor(settings)
    report = ingestor.ingest_paths([CORPUS])
    assert not report.failed, [(f.source, f.reason) for f in report.failed]
    return settings, ingestor.stores, report


@pytest.fixture(scope="session")
def corpus_retriever(corpus_store):
    from assistant.retriever import HybridRetriever

    _, stores, _ = corpus_store
    return HybridRetriever(stores)


@pytest.fixture()
def fresh_settings(tmp_path: Path):
    """Settings for an empty, writable data dir (embedding cache still shared)."""
    return make_settings(tmp_path / "data")
