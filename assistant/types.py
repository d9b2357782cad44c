"""Result types shared by retrieval, answering and the API.

Kept free of llama-index and HTTP so every layer can import them cheaply.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class SearchFilters:
    """Restrictions applied inside retrieval, before ranking.

    `access` is the set of access levels the caller may read (None = no restriction, used by
    the CLI run by an administrator); the other fields narrow by document metadata.
    """

    access: set[str] | None = None
    doc_types: list[str] | None = None
    committee: str | None = None
    date_from: str | None = None  # ISO yyyy-mm-dd, inclusive
    date_to: str | None = None
    sources: list[str] | None = None


@dataclass
class SearchHit:
    chunk_id: str
    doc_id: str
    source: str
    title: str
    page: int
    section: str
    text: str
    start: int
    end: int
    score: float
    lexical_rank: int | None = None
    dense_rank: int | None = None
    doc_type: str | None = None
    date: str | None = None
    committee: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Citation:
    """A verifiable pointer: `quote == document_text[start:end]` always."""

    n: int
    doc_id: str
    source: str
    title: str
    page: int
    section: str
    quote: str
    start: int
    end: int
    date: str | None = None
    committee: str | None = None
    # The quote cut where the original file had markup between its words (Markdown emphasis,
    # link targets, table pipes): each (start, end) piece is verbatim in the file itself, so a
    # reader searching the file finds it. Empty when the quote is verbatim in the file as a whole.
    pieces: list[tuple[int, int]] = field(default_factory=list)

    def file_quotes(self) -> list[tuple[str, int, int]]:
        """(quote, start, end) of each piece of the quote as it stands in the original file."""
        if not self.pieces:
            return [(self.quote, self.start, self.end)]
        return [(self.quote[a - self.start : b - self.start], a, b) for a, b in self.pieces]

    @classmethod
    def from_source(cls, n: int, src: dict[str, Any]) -> Citation:
        """Number a source dict (as the overview's cards, glossary and timeline carry them)."""
        return cls(
            n=n,
            doc_id=src["doc_id"],
            source=src["source"],
            title=src["title"],
            page=src["page"],
            section=src["section"],
            quote=src["quote"],
            start=src["start"],
            end=src["end"],
            date=src.get("date"),
            committee=src.get("committee"),
        )


@dataclass
class Answer:
    text: str  # Markdown with inline [n] markers
    citations: list[Citation] = field(default_factory=list)
    table: list[dict[str, Any]] | None = None
    abstained: bool = False
    mode: str = "extractive"  # "extractive" | "llm"
    intent: str = "lookup"
    notice: str | None = None  # e.g. "LLM-svaret kunne ikke verificeres; viser uddrag i stedet."
    sources: list[SearchHit] = field(default_factory=list)  # nearest passages (for abstentions)
    timings_ms: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        return data
