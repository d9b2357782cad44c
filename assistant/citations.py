"""Citations: verbatim, numbered pointers into the registry's cleaned document text.

Everything the assistant cites goes through `CitationSet.add(doc_id, start, end)`. The span is
trimmed of surrounding whitespace, checked against the registry text and given a number; the
same span (or one inside an already cited span) keeps its number. A citation whose quote is not
exactly `document_text[start:end]` can therefore not be built, and the verifier re-checks every
answer anyway.

`DocumentCache` keeps the documents the answer step reads (text, page spans, section tree and
the sentence split) so a question does not parse a document twice; it is dropped whenever the
registry's revision changes.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from assistant.message_dates import message_dates, written_on
from assistant.types import Citation
from ingest.blocks import table_header
from ingest.clean import one_line
from ingest.dates import iso_date
from ingest.facts.sentences import DocIndex, Sentence
from ingest.models import TABLE_CELL_SEPARATOR, Block, DocumentRecord, Section
from stores.registry import Registry

_WS = " \t\r\n\u00a0"
SUBTITLE_CHARS = 150  # a line under the title this short can be the document's subject


@dataclass
class DocView:
    """One document with the lookups citations and sentence selection need."""

    record: DocumentRecord
    cache: dict[Any, Any] = field(default_factory=dict)  # per-document derived data

    @property
    def id(self) -> str:
        return self.record.id

    @property
    def text(self) -> str:
        return self.record.text

    @cached_property
    def sentences(self) -> list[Sentence]:
        """Sentences cut at section headings too, the same split the facts rows use."""
        record = self.record
        return DocIndex(
            record.text, record.pages, record.sections, record.seams, record.blocks
        ).sentences

    @cached_property
    def message_headers(self) -> list[tuple[int, dt.date]]:
        """Where each message of a saved e-mail thread starts, and its date (see
        `assistant.message_dates`); empty for any other document."""
        return message_dates(self.text)

    def written_on(self, offset: int) -> dt.date | None:
        """The day the text at `offset` was written: its message's in an e-mail thread, else
        the document's date."""
        return written_on(self.message_headers, offset) or iso_date(self.record.meta.date)

    @cached_property
    def names(self) -> str:
        """Capitalised words inside sentences (places, bodies, projects): what a document is
        about beyond its headings ("Norddjurs", "Jobkompagniet")."""
        found: set[str] = set()
        for s in self.sentences:
            for m in re.finditer(r"(?<=\s)([A-ZÆØÅ][\wæøå-]{2,})", s.text):
                found.add(m.group(1))
        return " ".join(sorted(found))

    @cached_property
    def first_heading(self) -> int | None:
        """The index of the document's first heading block (its title), or None."""
        return next((i for i, b in enumerate(self.record.blocks) if b.kind == "heading"), None)

    @cached_property
    def subtitle(self) -> str:
        """The short line right under the document's first heading, before any section of
        its own ("Bilag 3: Budgetoverslag" / "Udvidelsesforslag SSU-07: Velfærdsteknologisk
        løft i hjemmeplejen"): what the whole document is about, when its title is a label."""
        blocks = self.record.blocks
        first = self.first_heading
        if first is None or first + 1 >= len(blocks):
            return ""
        block = blocks[first + 1]
        line = self.text[block.start : block.end].strip()
        if block.kind != "prose" or len(line) > SUBTITLE_CHARS or "\n" in line:
            return ""
        return line

    @cached_property
    def heading_spans(self) -> list[tuple[int, int]]:
        return [self.heading_of(s) for s in self.record.sections]

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def page_at(self, offset: int) -> int:
        pages = self.record.pages
        for span in pages:
            if span.start <= offset < span.end:
                return span.number
        if pages and offset >= pages[-1].end:
            return pages[-1].number
        return pages[0].number if pages else 1

    def sections_at(self, offset: int) -> list[Section]:
        """Sections containing `offset`, outermost first."""
        inside = [s for s in self.record.sections if s.start <= offset < s.end]
        return sorted(inside, key=lambda s: (s.level, s.start))

    def section_path(self, offset: int) -> list[str]:
        return [s.title for s in self.sections_at(offset)]

    def heading_of(self, section: Section) -> tuple[int, int]:
        """(start, end) of a section's heading line, whitespace trimmed."""
        end = section.heading_end if section.heading_end is not None else section.start
        end = max(end, section.start)
        if end == section.start:
            line_end = self.text.find("\n", section.start)
            end = len(self.text) if line_end < 0 else line_end
        return trim_span(self.text, section.start, end)

    def in_heading(self, start: int, end: int) -> bool:
        """True when the span lies inside the heading line of some section."""
        return any(a <= start and end <= b + 1 for a, b in self.heading_spans)

    @cached_property
    def _block_starts(self) -> list[int]:
        return [b.start for b in self.record.blocks]

    def _block_index(self, offset: int) -> int | None:
        i = bisect_right(self._block_starts, offset) - 1
        if i < 0 or offset >= self.record.blocks[i].end:
            return None
        return i

    def blocks_between(self, start: int, end: int) -> list[Block]:
        """The blocks that start in [start, end), in order."""
        lo = bisect_left(self._block_starts, start)
        return self.record.blocks[lo : bisect_left(self._block_starts, end, lo)]

    def block_at(self, offset: int) -> Block | None:
        """The block holding `offset`, if any."""
        i = self._block_index(offset)
        return None if i is None else self.record.blocks[i]

    def in_prose(self, offset: int) -> bool:
        """Not in a table of contents, an attachment list or boilerplate: text an answer may
        quote."""
        block = self.block_at(offset)
        return block is None or block.answerable or block.kind == "heading"

    def table_row(self, offset: int) -> Block | None:
        """The table row holding `offset`, if any."""
        block = self.block_at(offset)
        return block if block is not None and block.kind == "table_row" else None

    def table_header(self, offset: int) -> Block | None:
        """The first row of the table whose row holds `offset` (its column names), when that
        row is another one; None outside a table or on the first row itself."""
        i = self._block_index(offset)
        first = None if i is None else table_header(self.record.blocks, i)
        return None if first is None else self.record.blocks[first]

    def parent_item(self, offset: int) -> tuple[int, int] | None:
        """The list item a nested list item belongs to ("3. #248: Datafordeler" above
        "Estimat på 72 timer ..."): what the nested item is about, as a heading would say."""
        blocks = self.record.blocks
        i = self._block_index(offset)
        if i is None or blocks[i].kind != "list_item" or blocks[i].level < 2:
            return None
        depth = blocks[i].level
        for block in reversed(blocks[:i]):
            if block.kind == "heading":
                return None
            if block.kind == "list_item" and 0 < block.level < depth:
                return block.start, block.end
        return None

    def sibling_items(self, offset: int) -> list[tuple[int, int]]:
        """The nested list that the item at `offset` belongs to, in order: the items of one
        level under one parent item (the costs listed under "Omkostninger ... som flg")."""
        blocks = self.record.blocks
        i = self._block_index(offset)
        if i is None or self.parent_item(offset) is None:
            return []
        depth = blocks[i].level
        lo = i
        while lo > 0 and blocks[lo - 1].kind == "list_item" and blocks[lo - 1].level >= depth:
            lo -= 1
        hi = i
        while (
            hi + 1 < len(blocks)
            and blocks[hi + 1].kind == "list_item"
            and blocks[hi + 1].level >= depth
        ):
            hi += 1
        return [(b.start, b.end) for b in blocks[lo : hi + 1] if b.level == depth]

    def file_pieces(self, start: int, end: int) -> list[tuple[int, int]]:
        """The span cut at the seams where the original file had markup (see `Citation.pieces`);
        empty when no seam falls inside. Pieces without a letter or digit (a lone ":") are left
        out: they carry nothing a reader would search for."""
        seams = self.record.seams  # sorted: only those inside the span are read
        cuts = seams[bisect_right(seams, start) : bisect_left(seams, end)]
        if self.record.kind == "pdf":
            # a PDF's extracted text may hold, between two lines we show together, a running
            # header at a page break or a bullet glyph we left out: each line is quoted alone
            # (but for one that ends in a hyphen, which extraction and reader join alike)
            lines = [
                i + 1
                for i in range(start, end)
                if self.text[i] == "\n" and self.text[i - 1 : i] != "-"
            ]
            cuts = sorted({*cuts, *lines})
        if not cuts:
            return []
        pieces = []
        for a, b in zip([start, *cuts], [*cuts, end], strict=True):
            a, b = trim_span(self.text, a, b)
            if any(ch.isalnum() for ch in self.text[a:b]):
                pieces.append((a, b))
        return pieces

    def sentences_between(self, start: int, end: int) -> list[Sentence]:
        """Sentences overlapping [start, end)."""
        i = max(0, bisect_right(self._sentence_starts, start) - 1)
        out = []
        for s in self.sentences[i:]:
            if s.start >= end:
                break
            if s.end > start:
                out.append(s)
        return out

    def sentence_index(self, offset: int) -> int | None:
        i = bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and self.sentences[i].start <= offset < self.sentences[i].end:
            return i
        return None

    def sentence_span(self, start: int, end: int) -> tuple[int, int]:
        """The span widened to whole sentences (used to cite a row or a fragment)."""
        inside = self.sentences_between(start, end)
        if not inside:
            return trim_span(self.text, start, end)
        return inside[0].start, max(inside[-1].end, min(end, len(self.text)))


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span so it neither starts nor ends with whitespace."""
    start = max(0, start)
    end = min(len(text), end)
    while start < end and text[start] in _WS:
        start += 1
    while end > start and text[end - 1] in _WS:
        end -= 1
    return start, end


# how stale a document may be when another process re-ingests it (see `Registry.recent_revision`)
REVISION_MAX_AGE_S = 0.5


class DocumentCache:
    """Documents by id, loaded once per registry revision (thread-safe)."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self._lock = threading.Lock()
        self._revision = -1
        self._docs: dict[str, DocView | None] = {}

    def get(self, doc_id: str) -> DocView | None:
        revision = self.registry.recent_revision(REVISION_MAX_AGE_S)
        with self._lock:
            if revision != self._revision:
                self._docs.clear()
                self._revision = revision
            if doc_id not in self._docs:
                record = self.registry.get_document(doc_id)
                self._docs[doc_id] = DocView(record) if record is not None else None
            return self._docs[doc_id]


@dataclass
class CitationSet:
    """Numbered citations of one answer, in order of first use."""

    docs: DocumentCache
    citations: list[Citation] = field(default_factory=list)

    def add(self, doc_id: str, start: int, end: int, *, whole_sentences: bool = False) -> int:
        """Number for the span (reusing an existing citation that contains it).

        Raises `ValueError` for an unknown document or an empty span: a citation that cannot be
        verified must never be produced.
        """
        view = self.docs.get(doc_id)
        if view is None:
            raise ValueError(f"unknown document {doc_id}")
        if whole_sentences:
            start, end = view.sentence_span(start, end)
        start, end = trim_span(view.text, start, end)
        if view.record.kind == "docx":
            start = _past_list_label(view, start, end)
        if end <= start:
            raise ValueError("empty citation span")
        for c in self.citations:
            if c.doc_id == doc_id and c.start <= start and end <= c.end:
                return c.n
        record = view.record
        citation = Citation(
            n=len(self.citations) + 1,
            doc_id=doc_id,
            source=record.source,
            title=record.meta.title,
            page=view.page_at(start),
            section=" > ".join(view.section_path(start)),
            quote=view.text[start:end],
            start=start,
            end=end,
            date=record.meta.date,
            committee=record.meta.committee,
            pieces=view.file_pieces(start, end),
        )
        self.citations.append(citation)
        return citation.n

    def quotes(self) -> list[str]:
        return [c.quote for c in self.citations]


# A Word list item's number or bullet ("1.", "a)", "-"), which Word generates and the file's
# text does not hold
_LIST_LABEL = re.compile(r"(?:\d{1,3}[.)]|[a-zA-Z][.)]|-)\s+")


def _past_list_label(view: DocView, start: int, end: int) -> int:
    """Where a quote of a Word list item starts: after the label the loader wrote in front
    of it, so the quote stays verbatim in the file."""
    block = view.block_at(start)
    if block is None or block.kind != "list_item" or block.start != start:
        return start
    m = _LIST_LABEL.match(view.text, start, end)
    return m.end() if m and m.end() < end else start


def display_text(text: str) -> str:
    """A text as an answer shows it: its words, a table row's cells apart ("Ældre – 845,0");
    the verifier reads an answer's rows back by the same form."""
    return " – ".join(one_line(cell) for cell in text.split(TABLE_CELL_SEPARATOR) if cell.strip())


def renumber(text: str, citations: list[Citation]) -> tuple[str, list[Citation]]:
    """Drop citations the text no longer refers to and number the rest 1..n in order of use."""
    import re

    order: list[int] = []
    for m in re.finditer(r"\[(\d+)\]", text):
        n = int(m.group(1))
        if n not in order and any(c.n == n for c in citations):
            order.append(n)
    mapping = {old: new for new, old in enumerate(order, 1)}
    by_n = {c.n: c for c in citations}
    new_citations = []
    for old in order:
        c = by_n[old]
        new_citations.append(Citation(**{**c.__dict__, "n": mapping[old]}))
    new_text = re.sub(
        r"\[(\d+)\]",
        lambda m: f"[{mapping[int(m.group(1))]}]" if int(m.group(1)) in mapping else "",
        text,
    )
    return new_text, new_citations


def document_label(title: str | None) -> str:
    """A document title without numbers, to name a source in an answer's text (numbers in an
    answer must come from quotes): "Referat – Byråd 2022-2025 – 1. oktober 2025" -> "Referat –
    Byråd – oktober"."""
    t = re.sub(r"^\s*\d+[.)]\s*", "", title or "")
    t = re.sub(r"\([^)]*\d[^)]*\)", "", t)
    t = re.sub(r"\s*(?:\b(?:fra|i|for|af|pr\.?|nr\.?)\s+)?\S*\d\S*", "", t)
    t = re.sub(r"\s+([:.,])", r"\1", t)
    t = re.sub(r"(\s[–—-])(?:\s+[–—-])+", r"\1", t)  # "Byrådet – 30.09.2025 – 14.00": one dash
    return " ".join(t.split()).strip(" .,:;-–—")
