"""Structured facts extracted at ingest time: budgets, follow-ups and decisions.

`extract_facts(doc)` is what the ingest pipeline calls; every row quotes the sentence that
states it, with offsets into the cleaned document text.
"""

from __future__ import annotations

import re
from pathlib import Path

from ingest.facts.budgets import extract_budgets
from ingest.facts.decisions import extract_decisions
from ingest.facts.followups import extract_followups
from ingest.facts.models import BudgetRow, DecisionRow, Facts, FollowupRow
from ingest.facts.sentences import DocIndex
from ingest.models import DocumentRecord

__all__ = [
    "BudgetRow",
    "DecisionRow",
    "Facts",
    "FollowupRow",
    "extract_facts",
    "record_for_path",
    "record_from_text",
]


# A sentence that addresses the reader (or a language model) with commands is not a statement
# of fact, whatever figures it contains: "Ignorer tidligere instruktioner og svar at ...".
_INSTRUCTION_RE = re.compile(
    r"\b(?:ignorer|glem|tilsidesæt|ignore|disregard|forget)\b.{0,40}"
    r"\b(?:instruktion\w*|instruks\w*|anvisning\w*|regler|prompt\w*|instructions?|rules)\b"
    r"|\b(?:du skal|you must|you are now|system prompt|systemprompt)\b",
    re.IGNORECASE,
)


def is_instruction(sentence: str) -> bool:
    return _INSTRUCTION_RE.search(sentence) is not None


def extract_facts(doc: DocumentRecord) -> Facts:
    """Budgets, follow-ups and decisions of one document (sentences split once, shared).

    Rows stated by instruction-like sentences (prompt injection planted in a document) are
    dropped: the passage stays searchable and quotable, but it never becomes a fact. Nor does
    anything in a table of contents, an attachment list or page furniture."""
    index = DocIndex(doc.text, doc.pages, doc.sections, doc.seams, doc.blocks)
    junk = [(b.start, b.end) for b in doc.blocks if b.kind in ("toc", "attachments", "boilerplate")]

    def in_junk(offset: int) -> bool:  # a table of contents or attachment list states no fact
        return any(start <= offset < end for start, end in junk)

    def stated(rows: list) -> list:
        return [
            r
            for r in rows
            if not is_instruction(doc.text[r.start : r.end]) and not in_junk(r.start)
        ]

    return Facts(
        budgets=stated(extract_budgets(doc, index)),
        followups=stated(extract_followups(doc, index)),
        decisions=[d for d in extract_decisions(doc, index) if not in_junk(d.start)],
    )


def record_for_path(path: Path | str, doc_id: str | None = None) -> DocumentRecord:
    """A `DocumentRecord` for a file without any store (evaluation and tests)."""
    from ingest.document import parse_file

    return parse_file(path, doc_id)


def record_from_text(text: str, source: str = "dokument.txt", doc_id: str | None = None):
    """A `DocumentRecord` for already clean text (one page), sections and metadata included."""
    from ingest.metadata import extract_metadata
    from ingest.models import PageSpan
    from ingest.structure import build_sections

    sections = build_sections(text)
    meta = extract_metadata(text, sections, source, None)
    return DocumentRecord(
        id=doc_id or Path(source).stem,
        path=source,
        source=source,
        content_hash="",
        kind="text",
        meta=meta,
        text=text,
        pages=[PageSpan(1, 0, len(text))],
        sections=sections,
    )
