"""PDF loader: one text per physical page, so citations can name the page.

pypdf is pure Python and tolerant; we still treat every exception it raises as "this file is
broken" (one bad file must never stop a folder ingest), and a page that fails to extract becomes
an empty page instead of losing the rest of the document.
"""

from __future__ import annotations

import io
import logging
import re
from pathlib import Path

from pypdf import PageObject, PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError

from ingest.models import TABLE_CELL_SEPARATOR, IngestError, LoadedFile

log = logging.getLogger(__name__)

# Titles that PDF producers write by default and that say nothing about the document.
_USELESS_TITLE = re.compile(
    r"^(untitled|unavngivet|uden titel|dokument\d*|document\d*|microsoft word\b.*|"
    r"powerpoint.*|slide \d+|titel|title|\W*)$",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_]{2,}")
_FILE_NAME = re.compile(r"\.(docx?|pdf|xlsx?|pptx?|rtf|odt|txt|html?)$", re.IGNORECASE)


def meaningful_title(raw: object) -> str | None:
    """Return the metadata title if it looks like a real title, else None."""
    if not isinstance(raw, str):
        return None
    title = " ".join(raw.replace("\x00", "").split())
    if len(title) < 3 or not re.search(r"[A-Za-zÆØÅæøå]", title):
        return None
    if _USELESS_TITLE.match(title) or _FILE_NAME.search(title):
        return None
    return title


def _open(data: bytes) -> PdfReader:
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
    except Exception as exc:  # pypdf raises many exception types on broken files
        raise IngestError(f"corrupt PDF: {_short(exc)}", f"beskadiget PDF: {_short(exc)}") from exc
    if reader.is_encrypted:
        try:
            opened = reader.decrypt("")
        except (DependencyError, FileNotDecryptedError, NotImplementedError) as exc:
            raise IngestError("encrypted PDF", "krypteret PDF (kræver adgangskode)") from exc
        except Exception as exc:
            raise IngestError("encrypted PDF", "krypteret PDF (kræver adgangskode)") from exc
        if not opened:
            raise IngestError("encrypted PDF", "krypteret PDF (kræver adgangskode)")
    return reader


def _short(exc: Exception) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:120]


def _page_texts(reader: PdfReader) -> list[str]:
    try:
        pages = reader.pages
        count = len(pages)
    except Exception as exc:
        raise IngestError(f"corrupt PDF: {_short(exc)}", f"beskadiget PDF: {_short(exc)}") from exc
    texts: list[str] = []
    for index in range(count):
        try:
            text = pages[index].extract_text() or ""
        except Exception as exc:  # one broken page must not lose the others
            log.warning("page %d could not be extracted: %s", index + 1, _short(exc))
            text = ""
        texts.append(_with_table_cells(text, pages[index]) if _NUMERIC_ROW.search(text) else text)
    return texts


# Table rows of numbers: pypdf's plain text runs a row's cells together ("Damgårdstoften 65
# 53,0 36:24 371"); its layout mode keeps the columns apart. A line of the page's layout text
# with three or more cells (runs of 3+ spaces between them), two or more of them numbers after
# the first, is a table row: the same line of the plain text gets TABs between its cells.
_NUMERIC_ROW = re.compile(r"\d[\d.,:]*\s+[-+−]?\d[\d.,:]*\s+[-+−]?\d")
_CELL_GAP = re.compile(r"\s{3,}")
_NUMBER_CELL = re.compile(r"[-+−]?\d[\d.,:]*\s*%?")


def _names_columns(cells: list[str]) -> bool:
    """Column names: no row label with a number, no cell that is one."""
    return not any(ch.isdigit() for ch in cells[0]) and not any(
        _NUMBER_CELL.fullmatch(c) for c in cells
    )


def _table_rows(layout: str) -> dict[str, str]:
    """Rows of a page's layout text: the line's words -> the line with TABs between cells.
    The line right above a table's first row is its header when it has as many cells and no
    numbers ("Område | Budget (mio. kr.) | Forventet (mio. kr.) | Afvigelse")."""
    rows: dict[str, str] = {}
    previous: list[str] = []
    in_table = False
    for line in layout.splitlines():
        if not line.strip():
            continue
        cells = [" ".join(c.split()) for c in _CELL_GAP.split(line.strip()) if c.strip()]
        numbers = sum(bool(_NUMBER_CELL.fullmatch(c)) for c in cells[1:])
        row = len(cells) >= 3 and numbers >= 2
        if row:
            rows[" ".join(cells)] = TABLE_CELL_SEPARATOR.join(cells)
            if not in_table and len(previous) == len(cells) and _names_columns(previous):
                rows[" ".join(previous)] = TABLE_CELL_SEPARATOR.join(previous)
        in_table, previous = row, cells
    return rows


def _with_table_cells(text: str, page: PageObject) -> str:
    """The page's text with its numeric table rows' cells TAB-separated (unchanged if the
    layout extraction fails or finds none)."""
    try:
        rows = _table_rows(page.extract_text(extraction_mode="layout") or "")
    except Exception:  # layout mode is a refinement; the plain text stands on its own
        return text
    if not rows:
        return text
    lines = text.split("\n")
    for i, line in enumerate(lines):
        row = rows.get(" ".join(line.split()))
        if row is not None:
            lines[i] = row
    return "\n".join(lines)


def _title(reader: PdfReader) -> str | None:
    try:
        metadata = reader.metadata
        return meaningful_title(metadata.get("/Title")) if metadata else None
    except Exception:
        return None


def load_pdf(path: Path) -> LoadedFile:
    """Read a PDF page by page; raise `IngestError` for corrupt, encrypted or image-only files."""
    data = path.read_bytes()
    reader = _open(data)
    pages = _page_texts(reader)
    if not pages:
        raise IngestError("corrupt PDF: no pages", "beskadiget PDF: ingen sider")
    # A scan often carries a stamped page number or a few stray glyphs: no words means no text.
    if not any(_WORD.search(page) for page in pages):
        raise IngestError(
            "no text layer; OCR is not supported",
            "PDF'en har intet tekstlag (scannet billede); OCR understøttes ikke",
        )
    return LoadedFile(path=str(path), kind="pdf", pages=pages, title_hint=_title(reader))
