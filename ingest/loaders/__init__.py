"""Load a file of any supported type into raw page texts (`LoadedFile`).

The type is decided by content first (magic bytes), then by extension, because files saved from
agenda portals are often misnamed (a PDF called `.txt`, an HTML page without extension). Every
failure is an `IngestError` with one short English reason and a Danish one for staff.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from ingest.loaders.docx import load_docx
from ingest.loaders.html import load_html
from ingest.loaders.markdown import load_markdown
from ingest.loaders.pdf import load_pdf
from ingest.loaders.text import load_text
from ingest.models import IngestError, LoadedFile

PDF_EXTENSIONS = frozenset({".pdf"})
DOCX_EXTENSIONS = frozenset({".docx"})
HTML_EXTENSIONS = frozenset({".html", ".htm"})
MARKDOWN_EXTENSIONS = frozenset({".md", ".markdown"})
TEXT_EXTENSIONS = frozenset({".txt"})
SUPPORTED_EXTENSIONS: frozenset[str] = (
    PDF_EXTENSIONS | DOCX_EXTENSIONS | HTML_EXTENSIONS | MARKDOWN_EXTENSIONS | TEXT_EXTENSIONS
)

__all__ = ["SUPPORTED_EXTENSIONS", "load_file", "sniff_kind"]


def _is_docx(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def _looks_like_html(head: bytes) -> bool:
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith((b"<!doctype html", b"<html")):
        return True
    # Saved pages sometimes start with an XML declaration or a comment before <html>.
    return text.startswith((b"<?xml", b"<!--")) and b"<html" in text


def sniff_kind(path: Path, head: bytes) -> str:
    """Return "pdf" | "docx" | "html" | "markdown" | "text" or raise for unsupported types."""
    suffix = path.suffix.lower()
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04") and _is_docx(path):
        return "docx"
    if suffix in PDF_EXTENSIONS:
        raise IngestError(
            "corrupt PDF: no PDF header", "beskadiget PDF: filen har ikke en PDF-header"
        )
    if suffix in DOCX_EXTENSIONS:
        raise IngestError(
            "corrupt DOCX: not a Word document archive",
            "beskadiget DOCX: filen er ikke et Word-dokument",
        )
    if suffix in HTML_EXTENSIONS:
        return "html"
    if suffix in MARKDOWN_EXTENSIONS | TEXT_EXTENSIONS or suffix == "":
        if _looks_like_html(head):
            return "html"
        if suffix in MARKDOWN_EXTENSIONS:
            return "markdown"
        if suffix in TEXT_EXTENSIONS:
            return "text"
    shown = suffix or "(no extension)"
    raise IngestError(f"unsupported file type '{shown}'", f"filtypen '{shown}' understøttes ikke")


def _disappeared() -> IngestError:
    return IngestError("file disappeared during ingest", "filen forsvandt under indlæsningen")


def load_file(path: Path) -> LoadedFile:
    """Load `path` into a `LoadedFile`; raise `IngestError` with a one-line reason on failure."""
    path = Path(path)
    try:
        if path.is_dir():
            raise IngestError("is a directory, not a file", "er en mappe, ikke en fil")
        size = path.stat().st_size
        if size == 0:
            raise IngestError("empty file", "tom fil")
        with path.open("rb") as handle:
            head = handle.read(4096)
        kind = sniff_kind(path, head)
        if kind == "pdf":
            return load_pdf(path)
        if kind == "docx":
            return load_docx(path)
        if kind == "html":
            return load_html(path)
        if kind == "markdown":
            return load_markdown(path)
        return load_text(path, kind)
    except IngestError:
        if not path.exists():  # a library may report a vanished file as a broken one
            raise _disappeared() from None
        raise
    except FileNotFoundError as exc:
        raise _disappeared() from exc
    except PermissionError as exc:
        raise IngestError("permission denied", "ingen adgang til filen") from exc
