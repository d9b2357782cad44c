"""One file to one `DocumentRecord`: load, clean, blocks, sections, metadata.

The ingest pipeline, the facts evaluation and the glossary evaluation all read documents the
same way through here, so what is measured is what is ingested.
"""

from __future__ import annotations

from pathlib import Path

from ingest.blocks import blocks_for
from ingest.clean import clean
from ingest.loaders import load_file
from ingest.metadata import extract_metadata
from ingest.models import Block, CleanText, DocumentRecord, IngestError, LoadedFile, Section
from ingest.structure import build_sections


def parse_loaded(
    loaded: LoadedFile,
    path: Path,
    doc_id: str,
    content_hash: str = "",
    access: str = "public",
) -> tuple[DocumentRecord, CleanText]:
    """Everything after loading: pure, no store writes."""
    cleaned = clean(loaded)
    if not cleaned.text.strip():
        raise IngestError("no text after cleaning", "ingen tekst efter rensning")
    sections = build_sections(cleaned.text, cleaned.blocks if cleaned.structured else None)
    blocks = blocks_for(cleaned, sections)
    if cleaned.structured:
        blocks = _mark_found_headings(blocks, sections)
    meta = extract_metadata(
        cleaned.text,
        sections,
        path.name,
        loaded.title_hint,
        blocks,
        loaded.stated,
        loaded.shown_titles,
    )
    if meta.doc_type not in MEETING_TYPES:
        _demote_agenda_items(sections)
    record = DocumentRecord(
        id=doc_id,
        path=str(path),
        source=path.name,
        content_hash=content_hash,
        kind=loaded.kind,
        meta=meta,
        text=cleaned.text,
        pages=cleaned.pages,
        sections=sections,
        access=access,
        blocks=blocks,
        seams=cleaned.seams,
    )
    return record, cleaned


def _mark_found_headings(blocks: list[Block], sections: list[Section]) -> list[Block]:
    """A numbered paragraph that the structure step took for a heading is a heading block."""
    starts = {s.start for s in sections}
    return [
        Block(b.start, b.end, "heading", 0) if b.start in starts and b.answerable else b
        for b in blocks
    ]


MEETING_TYPES = frozenset({"referat", "dagsorden"})


def _demote_agenda_items(sections: list[Section]) -> None:
    """Numbered headings of a report are its chapters, not the items of a meeting."""
    for section in sections:
        if section.kind == "agenda_item":
            section.kind = "numbered"


def parse_file(path: Path | str, doc_id: str | None = None) -> DocumentRecord:
    """A record for a file without any store (evaluation and tests)."""
    path = Path(path)
    record, _ = parse_loaded(load_file(path), path, doc_id or path.stem)
    return record
