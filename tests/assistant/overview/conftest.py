"""Overview fixtures: small registries built from written documents (no embedding needed)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from ingest.facts import record_from_text


def save(registry, text: str, source: str, access: str = "public", doc_id: str | None = None):  # type: ignore[no-untyped-def]
    """Store `text` as a document (cleaned already) with its facts; returns the record."""
    from ingest.facts import extract_facts

    record = record_from_text(text, source=source, doc_id=doc_id or Path(source).stem)
    record.content_hash = hashlib.sha256(text.encode()).hexdigest()
    record.access = access
    registry.save_document(record, [], "none", extract_facts(record))
    return record


@pytest.fixture()
def registry(tmp_path: Path):  # type: ignore[no-untyped-def]
    from stores.registry import Registry

    reg = Registry.open(tmp_path / "data")
    yield reg
    reg.conn.close()
