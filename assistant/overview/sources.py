"""Source pointers for overview items: page, section path and a `Citation` for a span.

Every line of the overview (a glossary entry, a summary sentence, a timeline event) links to
the exact passage it came from, built here so that `quote == text[start:end]` always holds.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from assistant.types import Citation
from ingest.models import DocumentRecord, PageSpan, Section

_WS = " \t\r\n\u00a0"


def page_at(pages: list[PageSpan], offset: int) -> int:
    """Printed page number holding `offset` (the last page for offsets past the end)."""
    if not pages:
        return 1
    starts = [p.start for p in pages]
    i = max(0, bisect_right(starts, offset) - 1)
    return pages[i].number


def section_path(sections: list[Section], offset: int) -> list[str]:
    """Titles of the sections containing `offset`, outermost first."""
    inside = [s for s in sections if s.start <= offset < s.end]
    inside.sort(key=lambda s: (s.level, s.start))
    return [s.title for s in inside]


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span so it neither starts nor ends with whitespace."""
    while start < end and text[start] in _WS:
        start += 1
    while end > start and text[end - 1] in _WS:
        end -= 1
    return start, end


def cite(record: DocumentRecord, start: int, end: int, n: int = 1) -> Citation:
    """A verifiable citation of `record.text[start:end]` (trimmed of outer whitespace)."""
    start, end = trim(record.text, start, end)
    return Citation(
        n=n,
        doc_id=record.id,
        source=record.source,
        title=record.meta.title,
        page=page_at(record.pages, start),
        section=" > ".join(section_path(record.sections, start)),
        quote=record.text[start:end],
        start=start,
        end=end,
        date=record.meta.date,
        committee=record.meta.committee,
    )


def citation_dict(citation: Citation) -> dict[str, Any]:
    """JSON form used by the API and the widget's source panel."""
    return {
        "n": citation.n,
        "doc_id": citation.doc_id,
        "source": citation.source,
        "title": citation.title,
        "page": citation.page,
        "section": citation.section,
        "quote": citation.quote,
        "start": citation.start,
        "end": citation.end,
        "date": citation.date,
        "committee": citation.committee,
    }
