"""Plain data types passed between the ingest steps and the stores.

Every offset (`start`, `end`) is a character offset into the *cleaned* document text, so
`text[start:end]` is always the exact passage a citation quotes.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


class IngestError(Exception):
    """A file could not be ingested.

    `reason` is a short English explanation for logs and the CLI; `reason_da` is the Danish
    text shown to staff in the widget (falls back to `reason`).
    """

    def __init__(self, reason: str, reason_da: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.reason_da = reason_da or reason


# Kinds of blocks in a cleaned document. Only ANSWERABLE blocks are indexed, quoted as answers
# or read for facts; a table of contents, an attachment list or page furniture never is.
BLOCK_KINDS = (
    "heading",
    "prose",
    "list_item",
    "table_row",
    "toc",
    "attachments",
    "boilerplate",
)
ANSWERABLE_KINDS = frozenset({"prose", "list_item", "table_row"})
TABLE_CELL_SEPARATOR = "\t"  # cells of a table row, one row per line
# The marks a bulleted line starts with, in any format's text: typographic bullets and dashes,
# and the "o" and "⁃" that Word's list symbols become in a PDF's text layer.
BULLET_MARK = r"[-*•·–▪►■◦‣●○□✓⁃➢\uf0b7\uf0a7]|o(?=[ \t\u00a0])"
# The label of a case number ("Sagsnr.: 24/09871", "Sagsnr. 25/03318", "J.nr.: FRL-2025-0318")
CASE_NUMBER_LABEL = r"(?:sagsnr|sags\s?nr|sagsnummer|j\.?\s?nr|journalnr|dok\.?\s?nr)"
SEAM = "\u2063"  # marks, in a loader's text, where source markup was dropped (not kept in text)


@dataclass
class RawBlock:
    """A block as a structured format (HTML, Markdown, DOCX) states it, before cleaning."""

    kind: str  # one of BLOCK_KINDS
    text: str
    level: int = 0  # heading level 1-6; a list item's nesting depth (1 = top); else 0


@dataclass
class Block:
    """A block of the cleaned text: `text[start:end]` is the block."""

    start: int
    end: int
    kind: str  # one of BLOCK_KINDS
    level: int = 0

    @property
    def answerable(self) -> bool:
        return self.kind in ANSWERABLE_KINDS


@dataclass
class LoadedFile:
    """What a loader returns: raw page texts before cleaning.

    `pages` holds one string per physical page for PDFs; other formats return one string and
    cleaning may find page boundaries inside it (web transcripts of PDFs). Formats that state
    their structure (HTML, Markdown, DOCX) also return `blocks`: then the text is assembled
    from them and headings, list items and table rows are known rather than guessed.
    """

    path: str
    kind: str  # "pdf" | "docx" | "html" | "markdown" | "text"
    pages: list[str]
    title_hint: str | None = None  # e.g. PDF /Title, DOCX core title, HTML <title>
    blocks: list[RawBlock] | None = None
    # Metadata the file states outright, e.g. a Markdown page's front matter {"title", "date"}.
    stated: dict[str, str] = field(default_factory=dict)
    # A PDF's first-page lines set larger than its body text, largest first: title candidates.
    shown_titles: list[str] = field(default_factory=list)


@dataclass
class PageSpan:
    number: int  # 1-based page number as printed in the document
    start: int
    end: int


@dataclass
class CleanText:
    text: str
    pages: list[PageSpan]
    blocks: list[Block] = field(default_factory=list)
    structured: bool = False  # headings come from the format, not from line heuristics
    # Offsets where the source file had markup that the text leaves out ("**Dato**: ...") or a
    # table-cell separator: a quote that crosses one is not verbatim in the file itself.
    seams: list[int] = field(default_factory=list)

    def page_at(self, offset: int) -> int:
        """Page number that contains `offset` (first page if none matches)."""
        for span in self.pages:
            if span.start <= offset < span.end:
                return span.number
        if self.pages and offset >= self.pages[-1].end:
            return self.pages[-1].number
        return self.pages[0].number if self.pages else 1


@dataclass
class Section:
    """A node of the section tree; `end` covers the heading and all its body."""

    id: int
    parent: int | None
    level: int
    kind: str  # "agenda_item" | "numbered" | "ad_pkt" | "standard" | "markdown" | "heading"
    title: str
    start: int
    end: int
    number: str | None = None
    heading_end: int | None = None  # where the heading line stops and the body begins


@dataclass
class DocumentMeta:
    title: str
    # referat, dagsorden, beslutningsprotokol, kommissorium, bilag, notat, status, handleplan, other
    doc_type: str
    date: str | None = None  # ISO yyyy-mm-dd (first of month/year when only that is known)
    date_text: str | None = None
    committee: str | None = None
    case_numbers: list[str] = field(default_factory=list)
    closed: bool = False  # "Lukket" item


@dataclass
class Chunk:
    id: str
    doc_id: str
    index: int
    text: str
    start: int
    end: int
    page: int
    section_path: list[str]
    context: str  # title / date / committee / section path, prepended for embedding

    def embed_text(self) -> str:
        return f"{self.context}\n{self.text}" if self.context else self.text


@dataclass
class DocumentRecord:
    id: str
    path: str
    source: str
    content_hash: str
    kind: str
    meta: DocumentMeta
    text: str
    pages: list[PageSpan]
    sections: list[Section]
    access: str = "public"
    blocks: list[Block] = field(default_factory=list)
    seams: list[int] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)
