"""Document cards: what a document is, what it is about, and what it decides, costs and promises.

A card is built from what ingest already knows (type, date, committee, case numbers,
open/closed, section tree) plus a short extractive summary and the document's facts rows.

The summary takes two or three sentences, in this order of preference: the purpose sections
of Danish case presentations ("Beslutningstema", "Resumé", "Formål", "Sammenfatning"), then the
case body ("Sagens indhold", "Sagsfremstilling", "Baggrund", "Indledning"), then the opening
paragraph. Within a region a sentence is preferred when it states a purpose or an outcome
(cue words), shares words with the title, is a whole sentence of readable length, and comes
early. Every sentence is a citation (`quote == text[start:end]`), so the summary can be
checked like an answer.
"""

from __future__ import annotations

import re
from typing import Any

from assistant.overview.facts_source import facts_by_document, is_open
from assistant.overview.sources import citation_dict, cite, page_at, trim
from ingest.facts.sentences import Sentence, split_sentences
from ingest.models import DocumentRecord, Section
from stores.registry import Registry

DOC_TYPE_LABELS = {
    "referat": "Referat",
    "dagsorden": "Dagsorden",
    "beslutningsprotokol": "Beslutningsprotokol",
    "kommissorium": "Kommissorium",
    "bilag": "Bilag",
    "notat": "Notat",
    "status": "Statusnotat",
    "handleplan": "Handleplan",
    "aftale": "Aftale",
    "rapport": "Rapport",
    "brev": "Brev",
    "beslutning": "Beslutning",
    "other": "Dokument",
}

_PURPOSE_HEADINGS = ("beslutningstema", "resumé", "resume", "formål", "sammenfatning", "sammendrag")
_BODY_HEADINGS = (
    "sagens indhold",
    "sagsfremstilling",
    "sagsbeskrivelse",
    "baggrund",
    "indledning",
    "kommissorium",
)
_CUES = re.compile(
    r"\b(?:formål\w*|har til formål|orienteres|orientering|beskriver|beskrives|status|"
    r"godkend\w*|beslut\w*|vedt\w+|iværksat|igangsat|afsat|afsættes|handleplan\w*|"
    r"handlingsplan\w*|strategi\w*|skal sikre|med henblik på|indsats\w*|projekt\w*)\b",
    re.IGNORECASE,
)
_METADATA = re.compile(
    r"^(?:sagsnr|dok\.?\s*nr|j\.?\s*nr|journal|åbent|lukket|kompetence|fraværende|bilag\b|side\s+\d)",
    re.IGNORECASE,
)
_LEADING_DATE = re.compile(r"^\d{1,2}\.\s+[a-zæøå]+\s+\d{4}\s+", re.IGNORECASE)
_WORD = re.compile(r"[a-zæøå]{4,}")
MAX_SUMMARY_CHARS = 600


def _heading_spans(sections: list[Section]) -> list[tuple[int, int]]:
    return [(s.start, s.heading_end or s.start) for s in sections]


def _region(sec: Section, sections: list[Section]) -> tuple[int, int]:
    """A section's own body: after its heading, before its first child."""
    lo = sec.heading_end or sec.start
    children = [s.start for s in sections if s.parent == sec.id and s.start > lo]
    return lo, min(children) if children else sec.end


def _opening(record: DocumentRecord) -> tuple[int, int]:
    """The first 1 500 characters of body text (headings are skipped per sentence)."""
    return 0, min(len(record.text), 1500)


def _regions(record: DocumentRecord) -> list[tuple[str, tuple[int, int]]]:
    out: list[tuple[str, tuple[int, int]]] = []
    for names, label in ((_PURPOSE_HEADINGS, "purpose"), (_BODY_HEADINGS, "body")):
        for sec in record.sections:
            title = sec.title.lower().strip()
            if sec.kind in ("standard", "markdown", "heading") and title.startswith(names):
                out.append((label, _region(sec, record.sections)))
    out.append(("opening", _opening(record)))
    return out


def strip_lead(record: DocumentRecord, start: int, end: int) -> int:
    """Skip a repeated title or a date that a transcript runs into the first sentence."""
    text = record.text
    title = record.meta.title.strip()
    for _ in range(2):
        segment = text[start:end]
        m = _LEADING_DATE.match(segment)
        if m and end - start - m.end() > 40:
            start += m.end()
            continue
        if title and segment.lower().startswith(title.lower() + " "):
            rest = segment[len(title) + 1 :]
            if rest[:1].isupper() and len(rest) > 40:
                start += len(title) + 1
                continue
        break
    return start


def _usable(record: DocumentRecord, s: Sentence, headings: list[tuple[int, int]]) -> bool:
    text = s.text
    if any(a <= s.start < b for a, b in headings if b > a):
        return False
    if len(text) < 40 or len(text) > 420 or len(text.split()) < 6:
        return False
    if text.endswith(":") or _METADATA.match(text) or re.match(r"^[\d\W]", text):
        return False
    letters = sum(c.isalpha() for c in text)
    return letters >= 0.6 * len(text)


def _score(record: DocumentRecord, s: Sentence, rank: int, title_words: set[str]) -> float:
    text = s.text
    score = 2.0 * len(_CUES.findall(text[:200]) and [1])  # a cue at all, not how many
    score += min(3, len(title_words & set(_WORD.findall(text.lower()))))
    score += 1.0 if text.rstrip().endswith((".", "!", "?")) else 0.0
    score += 0.5 if 60 <= len(text) <= 260 else 0.0
    score -= 3.0 if len(text) > 300 else 0.0
    # Runs of capitalised words are headings a transcript ran into the text.
    words = text.split()[1:]
    capitalised = sum(1 for w in words if w[:1].isupper())
    limit = 0.15 if len(text) > 200 else 0.25
    score -= 2.0 if words and capitalised / len(words) > limit else 0.0
    title = record.meta.title.lower()
    score -= 2.0 if len(title) > 15 and title in text.lower() else 0.0
    return score - 0.6 * rank


def summarize(record: DocumentRecord, max_sentences: int = 3) -> list[dict[str, Any]]:
    """Two or three cited sentences that state what the document is about."""
    headings = _heading_spans(record.sections)
    title_words = set(_WORD.findall(record.meta.title.lower()))
    picked: list[tuple[int, int]] = []
    total = 0
    for label, (lo, hi) in _regions(record):
        if len(picked) >= max_sentences or total >= MAX_SUMMARY_CHARS:
            break
        sentences = []
        for s in split_sentences(record.text, lo, hi):
            a = strip_lead(record, s.start, s.end)
            a, b = trim(record.text, a, s.end)
            s = Sentence(a, b, record.text[a:b])
            if _usable(record, s, headings) and not any(x < b and a < y for x, y in picked):
                sentences.append(s)
            if len(sentences) >= 8:
                break
        if not sentences:
            continue
        take = 2 if not picked else 1
        if label == "purpose":
            take = 2
        ranked = sorted(
            enumerate(sentences), key=lambda p: -_score(record, p[1], p[0], title_words)
        )
        for _, s in ranked[:take]:
            if len(picked) >= max_sentences or total + len(s.text) > MAX_SUMMARY_CHARS + 150:
                break
            picked.append((s.start, s.end))
            total += len(s.text)
    out = []
    for n, (a, b) in enumerate(picked, 1):
        c = cite(record, a, b, n)
        out.append({"text": c.quote, "citation": citation_dict(c)})
    return out


def _sections(record: DocumentRecord, max_level: int = 3) -> list[dict[str, Any]]:
    out = []
    for s in record.sections:
        if s.level > max_level:
            continue
        a, b = trim(record.text, s.start, s.heading_end or min(s.end, s.start + 120))
        c = cite(record, a, b)
        out.append(
            {
                "id": s.id,
                "parent": s.parent,
                "level": s.level,
                "kind": s.kind,
                "number": s.number,
                "title": s.title,
                "start": s.start,
                "end": s.end,
                "page": page_at(record.pages, s.start),
                "citation": citation_dict(c),
            }
        )
    return out


def _fact_citation(record: DocumentRecord, row: dict[str, Any]) -> dict[str, Any]:
    return citation_dict(cite(record, int(row["start"]), int(row["end"])))


def _doc_summary_row(doc: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": doc["id"],
        "source": doc["source"],
        "title": doc["title"],
        "doc_type": doc["doc_type"],
        "doc_type_label": DOC_TYPE_LABELS.get(doc["doc_type"], "Dokument"),
        "date": doc["date"],
        "date_text": doc["date_text"],
        "committee": doc["committee"],
    }


def build_card(
    record: DocumentRecord, facts: dict[str, list[dict[str, Any]]] | None = None
) -> dict[str, Any]:
    """The card of one document (JSON-ready)."""
    meta = record.meta
    closed = meta.closed or record.access != "public"
    facts = facts or {"budgets": [], "followups": [], "decisions": []}
    budgets = [{**row, "citation": _fact_citation(record, row)} for row in facts.get("budgets", [])]
    followups = [
        {**row, "open": is_open(row), "citation": _fact_citation(record, row)}
        for row in facts.get("followups", [])
    ]
    decisions = [
        {**row, "citation": _fact_citation(record, row)} for row in facts.get("decisions", [])
    ]
    return {
        "id": record.id,
        "source": record.source,
        "title": meta.title,
        "doc_type": meta.doc_type,
        "doc_type_label": DOC_TYPE_LABELS.get(meta.doc_type, "Dokument"),
        "date": meta.date,
        "date_text": meta.date_text,
        "committee": meta.committee,
        "case_numbers": meta.case_numbers,
        # A "Lukket" item, or one stored in a restricted access group, is closed to the public.
        "closed": closed,
        "status_label": "Lukket" if closed else "Åbent",
        "access": record.access,
        "kind": record.kind,
        "n_pages": len(record.pages),
        "sections": _sections(record),
        "summary": summarize(record),
        "budgets": budgets,
        "followups": followups,
        "decisions": decisions,
        "counts": {
            "budgets": len(budgets),
            "followups": len(followups),
            "open_followups": sum(1 for f in followups if f["open"]),
            "decisions": len(decisions),
        },
    }


def document_card(
    registry: Registry, doc_id: str, access: set[str] | None
) -> dict[str, Any] | None:
    """The card of a readable document, or None (missing and unreadable look the same)."""
    docs = [d for d in registry.list_documents(access) if d["id"] == doc_id]
    if not docs:
        return None
    record = registry.get_document(doc_id)
    if record is None:
        return None
    facts = facts_by_document(registry, docs, access).get(doc_id)
    return build_card(record, facts)


def resolve_document(registry: Registry, ref: str, access: set[str] | None) -> str | None:
    """A document id from an id, file name or path (for `plan-assistant card SOURCE`)."""
    readable = {d["id"] for d in registry.list_documents(access)}
    for row in registry.resolve(ref):
        if row["id"] in readable:
            return row["id"]
    ref_low = ref.lower()
    matches = [d for d in registry.list_documents(access) if ref_low in d["source"].lower()]
    return matches[0]["id"] if len(matches) == 1 else None


def document_list(registry: Registry, access: set[str] | None) -> list[dict[str, Any]]:
    """Readable documents as card headers (no text), newest first."""
    return [_doc_summary_row(d) for d in registry.list_documents(access)]
