"""A dated timeline across the corpus: meetings, decisions, deadlines and completions.

Events come from three places, each with a citation of the passage that dates it:

- every document's own date (a meeting for minutes and agendas, otherwise the document);
- the facts tables: decisions (with their decision date) and follow-ups (their deadline; a
  follow-up reported done is a completion);
- dated sentences in the running text that report a decision ("Kommunalbestyrelsen besluttede
  på mødet den 18. november 2014 en handleplan"), a completion ("Aftalen er trådt i kraft den
  1. august 2015") or a meeting ("på sit møde den 17. august"), unless a fact row already cites
  the same sentence. Sentences about the future ("skal", "vil", "forventes") are no
  completions.

`timeline` filters by committee, programme and topic words; "Hvad er der sket med ...?" is
answered by `what_happened`, newest first.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
from typing import Any

from assistant.overview.cards import DOC_TYPE_LABELS, strip_lead
from assistant.overview.facts_source import facts_by_document, is_open
from assistant.overview.programmes import grouping
from assistant.overview.sources import citation_dict, cite
from ingest.dates import find_dates
from ingest.facts.sentences import Sentence, split_sentences
from ingest.models import DocumentRecord
from stores.registry import Registry

KIND_LABELS = {
    "meeting": "Møde",
    "document": "Dokument",
    "decision": "Beslutning",
    "deadline": "Frist",
    "completion": "Gennemført",
}
_MEETING_TYPES = {"referat", "dagsorden", "beslutningsprotokol"}
_DECISION = re.compile(
    r"\b(?:besluttede|vedtog|godkendte|bevilgede|tiltrådte|tog\s+\w+\s+til\s+efterretning|"
    r"(?:har|blev|er)\s+(?:\S+\s+){0,4}?(?:besluttet|vedtaget|godkendt|bevilget|tiltrådt))\b",
    re.IGNORECASE,
)
_COMPLETION = re.compile(
    r"\b(?:(?:blev|er|var)\s+(?:\S+\s+){0,3}?(?:afholdt|gennemført|afsluttet|etableret|besat|"
    r"ansat|indgået|implementeret|udarbejdet|iværksat|igangsat)|(?:er\s+)?trådt\s+i\s+kraft|"
    r"trådte\s+i\s+kraft|gennemførtes|afholdtes|sat\s+i\s+værk)\b",
    re.IGNORECASE,
)
_MEETING = re.compile(r"\bmøde(?:t)?\s+(?:\S+\s+){0,3}?(?:den|d\.)\s*$", re.IGNORECASE)
_MEETING_WORD = re.compile(r"\bmøde", re.IGNORECASE)
_FUTURE = re.compile(r"\b(?:skal|vil|forventes|forventer|planlægges|planlagt|senest)\b", re.I)
_TOPIC_WORD = re.compile(r"[a-zæøå0-9]{3,}")
_TOPIC_STOP = {
    "hvad", "der", "sket", "med", "hvordan", "går", "det", "status", "på", "for", "om", "den",
    "som", "har", "til", "og", "af", "en", "et", "er", "blev", "seneste", "nyt",
}  # fmt: skip


def _event(
    record: DocumentRecord,
    kind: str,
    date: str,
    label: str,
    start: int,
    end: int,
    **extra: Any,
) -> dict[str, Any]:
    c = cite(record, start, end)
    return {
        "date": date,
        "kind": kind,
        "kind_label": KIND_LABELS[kind],
        "label": re.sub(r"\s+", " ", label).strip(),
        "doc_id": record.id,
        "source": record.source,
        "title": record.meta.title,
        "doc_type": record.meta.doc_type,
        "committee": record.meta.committee,
        "citation": citation_dict(c),
        **extra,
    }


def _document_event(record: DocumentRecord) -> dict[str, Any] | None:
    meta = record.meta
    if not meta.date:
        return None
    start, end = 0, 0
    if meta.date_text:
        at = record.text.find(meta.date_text, 0, 2000)
        if at != -1:
            start, end = at, at + len(meta.date_text)
    if end == 0:
        at = record.text.find(meta.title[:80])
        start, end = (at, at + len(meta.title[:80])) if at != -1 else (0, min(80, len(record.text)))
    meeting = meta.doc_type in _MEETING_TYPES
    who = f" i {meta.committee}" if meeting and meta.committee else ""
    label = f"{'Møde' + who if meeting else DOC_TYPE_LABELS.get(meta.doc_type, 'Dokument')}: "
    return _event(
        record,
        "meeting" if meeting else "document",
        meta.date,
        label + meta.title,
        start,
        end,
        date_text=meta.date_text,
        precision="day" if re.match(r"^\d", meta.date_text or "") else "month",
    )


def _fact_events(record: DocumentRecord, facts: dict[str, list[dict[str, Any]]], today: dt.date):
    events = []
    for d in facts.get("decisions", []):
        date = d.get("decision_date") or record.meta.date
        if not date:
            continue
        what = d.get("decision") or d.get("outcome") or d.get("item_title") or ""
        who = d.get("committee") or record.meta.committee or "Beslutning"
        label = f"{who}: " + (d.get("outcome") or what)
        item = re.sub(r"^\d+[a-z]?\.\s*", "", (d.get("item_title") or "").strip())
        if item and d.get("outcome") and item.lower() not in label.lower():
            # "Økonomiudvalget: godkendt" says nothing to a reader without what was approved.
            label = f"{who}: {item} – {d['outcome']}"
        events.append(
            _event(record, "decision", date, label, d["start"], d["end"], outcome=d.get("outcome"))
        )
    for f in facts.get("followups", []):
        if not f.get("due_date"):
            continue
        done = f.get("status") == "done" or f.get("later_status") == "done"
        open_ = is_open(f, today)
        status = "done" if done else ("overdue" if open_ and f["due_date"] < today.isoformat()
                                      else "open")  # fmt: skip
        events.append(
            _event(
                record,
                "completion" if done else "deadline",
                f["due_date"],
                _followup_label(f),
                f["start"],
                f["end"],
                date_text=f.get("deadline_text"),
                status=status,
                responsible=f.get("responsible"),
            )
        )
    return events


def _followup_label(f: dict[str, Any]) -> str:
    """The follow-up's action, or its whole sentence when the action alone says too little to
    a reader ("Sundheds- og Omsorgsudvalget"); table cell separators are dropped."""
    action = (f.get("action") or "").strip()
    label = action if len(action.split()) >= 4 else (f.get("quote") or action)
    return re.sub(r"\s*\|\s*", " ", label).strip()


def _cue_sentences(text: str, window: int = 600) -> list[Sentence]:
    """The sentences around event cues, split only there (whole-text splitting is the slow
    part on long documents); a window wider than the longest usable sentence keeps the
    sentence that holds the cue exact."""
    found: dict[tuple[int, int], Sentence] = {}
    for regex in (_DECISION, _COMPLETION, _MEETING_WORD):
        for m in regex.finditer(text):
            lo, hi = max(0, m.start() - window), min(len(text), m.end() + window)
            for s in split_sentences(text, lo, hi):
                inside = (s.start > lo or lo == 0) and (s.end < hi or hi == len(text))
                if s.start <= m.start() < s.end and inside:
                    found[(s.start, s.end)] = s
    return [found[k] for k in sorted(found)]


def _text_events(record: DocumentRecord, taken: list[tuple[int, int]]) -> list[dict[str, Any]]:
    """Decisions, completions and meetings stated with a date in the running text."""
    ref = dt.date.fromisoformat(record.meta.date) if record.meta.date else None
    events = []
    for s in _cue_sentences(record.text):
        if any(a < s.end and s.start < b for a, b in taken) or len(s.text) > 500:
            continue
        decided = _DECISION.search(s.text)
        completed = None if _FUTURE.search(s.text) else _COMPLETION.search(s.text)
        if not (decided or completed or _MEETING_WORD.search(s.text)):
            continue  # dating is the costly part: only sentences that can be events
        dates = [
            m
            for m in find_dates(s.text, ref)
            if m.precision in ("day", "month") and (m.explicit_year or ref is not None)
        ]
        if not dates:
            continue
        if decided and not _FUTURE.search(s.text[: decided.start()]):
            kind = "decision"
        elif completed:
            kind = "completion"
        else:
            meeting = next(
                (m for m in dates if _MEETING.search(s.text[max(0, m.start - 40) : m.start])),
                None,
            )
            if meeting is None:
                continue
            kind, dates = "meeting", [meeting]
        when = dates[0]
        if kind == "meeting" and when.date.isoformat() == record.meta.date:
            continue  # the document's own meeting is already an event
        start = strip_lead(record, s.start, s.end)
        events.append(
            _event(
                record,
                kind,
                when.date.isoformat(),
                record.text[start : s.end],
                start,
                s.end,
                date_text=when.text,
                precision=when.precision,
                from_text=True,
            )
        )
    return events


_text_cache: dict[tuple, list[dict[str, Any]]] = {}
_text_cache_lock = threading.Lock()
_TEXT_CACHE_MAX = 5000


def _cached_text_events(
    record: DocumentRecord, taken: list[tuple[int, int]]
) -> list[dict[str, Any]]:
    """Text events depend only on the document version and the fact rows: computed once."""
    key = (record.id, record.content_hash, record.meta.date, tuple(taken))
    with _text_cache_lock:
        hit = _text_cache.get(key)
    if hit is None:
        hit = _text_events(record, taken)
        with _text_cache_lock:
            if len(_text_cache) >= _TEXT_CACHE_MAX:
                _text_cache.clear()
            _text_cache[key] = hit
    return [dict(e) for e in hit]


def document_events(
    record: DocumentRecord, facts: dict[str, list[dict[str, Any]]], today: dt.date | None = None
) -> list[dict[str, Any]]:
    """Every dated event of one document."""
    today = today or dt.date.today()
    events = []
    own = _document_event(record)
    if own:
        events.append(own)
    fact_events = _fact_events(record, facts, today)
    events.extend(fact_events)
    taken = sorted((e["citation"]["start"], e["citation"]["end"]) for e in fact_events)
    events.extend(_cached_text_events(record, taken))
    return events


def _topic_words(topic: str) -> list[str]:
    words = [w for w in _TOPIC_WORD.findall(topic.lower()) if w not in _TOPIC_STOP]
    return [w[:-2] if len(w) > 6 and w.endswith(("et", "en")) else w for w in words]


def _matches(event: dict[str, Any], words: list[str], programme_names: list[str]) -> bool:
    hay = " ".join(
        [event["label"], event["citation"]["quote"], event["title"], *programme_names]
    ).lower()
    hay = hay.replace("-", " ")
    return all(w.replace("-", " ") in hay for w in words)


def timeline(
    registry: Registry,
    access: set[str] | None,
    committee: str | None = None,
    programme: str | None = None,
    topic: str | None = None,
    kinds: set[str] | None = None,
    today: dt.date | None = None,
) -> list[dict[str, Any]]:
    """Events of the readable documents in date order, optionally filtered.

    `committee` matches the document's committee (case-insensitive, part of the name is
    enough); `programme` is a programme id; `topic` keeps events whose text, document title or
    programme name contains all its content words.
    """
    docs = registry.list_documents(access)
    groups = grouping(registry, access).programmes
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for p in groups:
        for doc_id in p["doc_ids"]:
            by_doc.setdefault(doc_id, []).append(p)
    if committee:
        needle = committee.lower().strip()
        docs = [d for d in docs if d["committee"] and needle in d["committee"].lower()]
    if programme:
        docs = [d for d in docs if any(p["id"] == programme for p in by_doc.get(d["id"], []))]
    facts = facts_by_document(registry, docs, access)
    words = _topic_words(topic) if topic else []
    events: list[dict[str, Any]] = []
    for doc in docs:
        record = registry.get_document(doc["id"])
        if record is None:
            continue
        progs = by_doc.get(doc["id"], [])
        for e in document_events(record, facts.get(doc["id"], {}), today):
            if kinds and e["kind"] not in kinds:
                continue
            if words and not _matches(e, words, [p["name"] for p in progs]):
                continue
            e["programmes"] = [{"id": p["id"], "name": p["name"]} for p in progs]
            events.append(e)
    order = {"meeting": 0, "document": 0, "decision": 1, "completion": 2, "deadline": 3}
    events.sort(key=lambda e: (e["date"], order[e["kind"]], e["source"], e["citation"]["start"]))
    return events


def what_happened(
    registry: Registry, access: set[str] | None, topic: str, limit: int = 8
) -> list[dict[str, Any]]:
    """Events about `topic`, latest first ("Hvad er der sket med Task Force-projektet?").

    What happened (meetings, decisions, completions) comes first, newest first, then the
    deadlines that were set, newest first: a deadline is a promise, not an event.
    """
    events = timeline(registry, access, topic=topic)
    happened = [e for e in events if e["kind"] != "deadline"]
    deadlines = [e for e in events if e["kind"] == "deadline"]
    happened.sort(key=lambda e: e["date"], reverse=True)
    deadlines.sort(key=lambda e: e["date"], reverse=True)
    return (happened + deadlines)[:limit]
