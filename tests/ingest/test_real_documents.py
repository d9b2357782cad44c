"""Ingest on real published documents of the development set (../shared/devset).

The files are not ours and are never copied here: the tests read them where they lie and are
skipped with a reason when the development set is absent. No embedding is needed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.chunking import chunk_document
from ingest.document import parse_loaded
from ingest.loaders import load_file
from ingest.models import DocumentRecord

DEVSET = Path(__file__).resolve().parents[2].parent / "shared" / "devset" / "corpus"
pytestmark = pytest.mark.skipif(
    not DEVSET.is_dir(), reason=f"development set not present at {DEVSET}"
)


def _parse(name: str) -> tuple[DocumentRecord, list[str]]:
    path = DEVSET / name
    record, cleaned = parse_loaded(load_file(path), path, "doc")
    chunks = chunk_document("doc", "h", cleaned, record.sections, record.meta, record.blocks)
    return record, [c.text for c in chunks]


def _items(record: DocumentRecord) -> list[tuple[str | None, str]]:
    return [(s.number, s.title) for s in record.sections if s.kind == "agenda_item"]


def test_council_minutes_pdf() -> None:
    record, chunks = _parse("greve_kultur-fritid_2023-02-08.pdf")
    meta = record.meta
    assert meta.title == "Referat – Kultur- og Fritidsudvalget – 8. februar 2023"
    assert (meta.doc_type, meta.date, meta.committee) == (
        "referat",
        "2023-02-08",
        "Kultur- og Fritidsudvalget",
    )
    items = _items(record)
    assert items[:2] == [("1", "Godkendelse af dagsorden"), ("2", "Besøg af forening: Broen Greve")]
    assert [n for n, _ in items] == [str(i) for i in range(1, len(items) + 1)]
    assert "Side 1 af 21" not in record.text  # running footer gone


def test_council_minutes_html_items_and_owner() -> None:
    record, _ = _parse("greve_beskaeftigelse-erhverv_2025-01-06.html")
    assert record.meta.committee == "Beskæftigelses- og Erhvervsudvalget"
    items = _items(record)
    assert items[:2] == [
        ("1", "Godkendelse af dagsorden"),
        ("2", "Aftale om arbejdspligt for borgere på offentlig forsørgelse"),
    ]
    beslutning = next(s for s in record.sections if s.title == "Beslutning")
    assert record.sections[beslutning.parent].kind == "agenda_item"


def test_report_table_of_contents_is_not_indexed() -> None:
    record, chunks = _parse("aak-2023-06-06-vm-acoustics-maalt-vejtrafikstoej.pdf")
    toc = [record.text[b.start : b.end] for b in record.blocks if b.kind == "toc"]
    assert any("Baggrund og formål" in t for t in toc)
    assert not any("......" in c for c in chunks)
    assert record.meta.title == "Målt udendørs vejtrafikstøj ved Giber Ringvej i Århus kommune."
    assert _items(record) == []  # a report's chapters are not agenda items


def test_markdown_decision_record_reads_as_rendered() -> None:
    record, chunks = _parse("os2-beslutning-2025-06-15-etablering-af-styregruppe.md")
    assert "**" not in record.text and "- " not in record.text[:200]
    assert record.meta.doc_type == "beslutning"
    assert record.meta.date == "2025-06-15"
    assert record.meta.committee == "Koordinationsgruppen"
    assert "Status: Accepteret" in record.text
    assert any("styregruppe" in c for c in chunks)


def test_wrapped_pdf_title_is_joined() -> None:
    """The cover's largest lines, joined; the hyphen the cover prints ("SkadesØkonomi-" /
    "værktøjet") stays, as the report writes the name."""
    record, _ = _parse("svendborg_dokumentationsrapport_dk2020.pdf")
    assert record.meta.title == (
        "Dokumentationsrapport – Data til DK2020 og SkadesØkonomi-værktøjet"
    )
    assert any(b.kind == "toc" for b in record.blocks)


def test_docx_headings_from_styles_and_tables_as_rows() -> None:
    record, _ = _parse("os2faktor_exit_strategi.docx")
    # the cover page's two large-type lines are one title
    assert record.meta.title == "OS2faktor Login – Exit Strategi"
    headings = [record.text[b.start : b.end] for b in record.blocks if b.kind == "heading"]
    assert "1 Formål" in headings


def test_pdf_note_sub_numbered_headings_are_sections() -> None:
    record, _ = _parse("aak-2023-05-09-ramboll-notat-stoej-bering-beder-vejen.pdf")
    by_number = {s.number: s for s in record.sections if s.kind == "numbered"}
    assert by_number["2.1.3"].title == "Støjskærm langs Landevejen"
    assert record.sections[by_number["2.1.3"].parent].number == "2.1"
    screen = record.text[by_number["2.1.3"].start : by_number["2.1.3"].end]
    assert "5.200.000,00" in screen and "asfalt" not in screen  # the next sub-section's
