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

from pypdf import PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError

from ingest.models import IngestError, LoadedFile

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
            texts.append(pages[index].extract_text() or "")
        except Exception as exc:  # one broken page must not lose the others
            log.warning("page %d could not be extracted: %s", index + 1, _short(exc))
            texts.append("")
    return texts


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
