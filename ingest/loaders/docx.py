"""DOCX loader: paragraphs and tables in document order, one paragraph per line block.

Headings stay on their own line (the structure step is line-based) and table rows become
"cell | cell" lines so amounts in budget tables stay next to their labels.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.table import Table
from docx.text.paragraph import Paragraph

from ingest.loaders.pdf import meaningful_title
from ingest.models import IngestError, LoadedFile

_HEADING_STYLES = ("heading", "overskrift", "title", "titel")


def _style_name(paragraph: Paragraph) -> str:
    try:
        return (paragraph.style.name or "").lower() if paragraph.style is not None else ""
    except (KeyError, ValueError, AttributeError):
        return ""


def _paragraph_text(paragraph: Paragraph) -> str:
    # Soft line breaks inside a paragraph stay line breaks.
    return "\n".join(line.strip() for line in paragraph.text.splitlines() if line.strip())


def table_rows(table: Table) -> list[str]:
    """Flatten a table into "cell | cell" lines; merged cells are written once."""
    rows: list[str] = []
    for row in table.rows:
        cells: list[str] = []
        seen: set[int] = set()
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            text = " ".join(cell.text.split())
            nested = [line for inner in cell.tables for line in table_rows(inner)]
            if nested:
                text = " ".join([text, *nested]).strip()
            if text:
                cells.append(text)
        if cells:
            rows.append(" | ".join(cells))
    return rows


def _blocks(document: DocxDocument) -> tuple[list[str], str | None]:
    blocks: list[str] = []
    first_heading: str | None = None
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = Paragraph(child, document)
            text = _paragraph_text(paragraph)
            if not text:
                continue
            if first_heading is None and _style_name(paragraph).startswith(_HEADING_STYLES):
                first_heading = " ".join(text.split())
            blocks.append(text)
        elif tag == "tbl":
            rows = table_rows(Table(child, document))
            if rows:
                blocks.append("\n".join(rows))
    return blocks, first_heading


def load_docx(path: Path) -> LoadedFile:
    """Read a Word document into one page of text."""
    try:
        document = docx.Document(str(path))
        blocks, first_heading = _blocks(document)
        core_title = meaningful_title(document.core_properties.title)
    except FileNotFoundError:
        raise
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise IngestError(f"corrupt DOCX: {exc}", "beskadiget Word-dokument") from exc
    except Exception as exc:  # python-docx/lxml raise varied errors on broken archives
        raise IngestError(f"corrupt DOCX: {exc}", "beskadiget Word-dokument") from exc
    text = "\n\n".join(blocks)
    if not text.strip():
        raise IngestError("no text in document", "dokumentet indeholder ingen tekst")
    return LoadedFile(
        path=str(path), kind="docx", pages=[text], title_hint=core_title or first_heading
    )
