"""Programmes: documents that belong together, found from the documents themselves.

A programme is an initiative followed over time: a plan and its status notes, a project
reported on quarterly, a pool and its annexes. Nothing is configured per corpus; two documents
are linked when the evidence adds up to at least `LINK_THRESHOLD`:

- the same case number ("Sagsnr. 330-2020-156136"): +3 (document numbers do not count);
- the same initiative in the title ("Task Force-projektet", "handleplanen på
  arbejdsmarkedsområdet"): +2 when the titles' initiative names share most content words;
- shared distinctive names that both documents are about, i.e. found in their titles, purpose
  sections or openings (proper nouns such as "Task Force", "Professionshøjskolen Absalon"):
  +1 each, abbreviations (SOF) +0.5, at most +2. Names shared only somewhere in the bodies
  (people, units, places every document of a department mentions) add 0.25 each, at most 1:
  never enough on their own, so departments do not chain into one giant programme. A name is
  distinctive when few documents use it (at most about the square root of the corpus size);
  committees and councils never count, they are shared by everything a committee handles;
- the same committee: +0.5 (never enough on its own).

Documents naming different municipalities as their own are never linked. Linked documents
form a programme (connected components). A single document is a programme of its own when its
title names an initiative (a project, plan, strategy, pool, programme or effort); other
documents stay in the overview's document list only.
"""

from __future__ import annotations

import hashlib
import math
import re
import threading
from collections import Counter
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from assistant.overview.cards import DOC_TYPE_LABELS, summarize
from assistant.overview.facts_source import facts_by_document, is_open
from assistant.overview.sources import citation_dict, cite
from ingest.dates import MONTHS
from ingest.models import DocumentRecord
from stores.registry import Registry

LINK_THRESHOLD = 2.0

_UP = "A-ZÆØÅ"
_LO = "a-zæøåéü"
_TITLE_PREFIX = re.compile(
    r"^(?:\d{1,4}\.\s+|bilag\s+\d+\s*[:.\-–]\s*|(?:status|orientering|opfølgning|afrapportering|"
    r"redegørelse|evaluering|godkendelse|forslag|beskrivelse|notat|indstilling|kommissorium|"
    r"ansøgning|sagsnotat)\s+(?:på|for|om|af|til|vedr\.?|vedrørende)\s+(?:implementering(?:en)?\s+"
    r"af\s+|status\s+(?:på|for)\s+)?)+",
    re.IGNORECASE,
)
_TITLE_SUFFIX = re.compile(r"\s*\((?:[A-ZÆØÅ]|[^()]*\d{3,}[^()]*)\)\s*\.?$|\s*\.$")
_INITIATIVE = re.compile(
    r"(?:projekt|plan\b(?!-)|planen|planer|strategi|program|pulje|indsats|reform|task[\s-]?force|"
    r"initiativ|satsning|kompetenceudvikling|implementering|udviklingsforløb)",
    re.IGNORECASE,
)
_NAME = re.compile(
    rf"(?<![{_UP}{_LO}0-9])(?:[{_UP}][{_LO}]+-?(?:[ -](?:og|for|i|af|&)[ -])?)*"
    rf"[{_UP}][{_UP}{_LO}]+(?:[ -][{_UP}][{_LO}]+)*"
)
_GOVERNING = re.compile(
    r"(?:udvalg\w*|byråd\w*|kommunalbestyrelse\w*|regionsråd\w*|direktion\w*|borgerrepræsentation"
    r"\w*|magistrat\w*|kommune|kommunes|region\w*)$",
    re.IGNORECASE,
)
_MUNICIPALITY = re.compile(rf"\b([{_UP}][{_LO}]+(?:-[{_UP}][{_LO}]+)?)s? [Kk]ommunes?\b")
_CASE_LABEL = re.compile(r"^(?:sagsnr|sag\s*nr|j\.?\s*nr|journalnr|sagsnummer)\.?\s*:?\s*", re.I)
_STOP_NAMES = {
    "den", "det", "der", "de", "dette", "denne", "disse", "en", "et", "i", "og", "på", "for",
    "med", "til", "af", "som", "vi", "man", "hvis", "når", "ved", "side", "bilag", "status",
    "herunder", "desuden", "derudover", "endvidere", "ligeledes", "samtidig", "hertil", "ad",
    "pkt", "nr", "kommune", "kommunen", "afdelingen", "forvaltningen", "udvalget", "projektet",
    "åbent", "lukket", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag",
    *MONTHS,
}  # fmt: skip
_WORD = re.compile(rf"[{_LO}]{{4,}}")
_DEFINITE = ("erne", "ene", "en", "et", "er", "e")


@dataclass
class DocFeatures:
    id: str
    title: str
    name: str  # initiative name derived from the title
    is_initiative: bool
    name_words: set[str]
    case_numbers: set[str]
    names: Counter = field(default_factory=Counter)  # normalised name -> count (whole text)
    name_display: dict[str, str] = field(default_factory=dict)
    abbreviations: set[str] = field(default_factory=set)
    topic_names: set[str] = field(default_factory=set)  # in the title or the lead
    topic_abbreviations: set[str] = field(default_factory=set)
    municipality: str | None = None
    committee: str | None = None
    date: str | None = None
    headings: set[str] = field(default_factory=set)  # normalised section titles


def _base(word: str) -> str:
    word = word.lower().replace("-", "")
    for suffix in _DEFINITE:
        if word.endswith(suffix) and len(word) - len(suffix) >= 5:
            return word[: -len(suffix)]
    return word


def _normalise_name(name: str) -> str:
    return " ".join(_base(w) for w in re.split(r"[\s-]+", name) if w)


def programme_name(title: str) -> str:
    """The initiative a title is about: "Status på Task Force-projektet i ..." ->
    "Task Force-projektet i ..."."""
    name = _TITLE_SUFFIX.sub("", title.strip())
    name = _TITLE_PREFIX.sub("", name).strip(" :.-–")
    name = name or title.strip()
    return name[:1].upper() + name[1:]


def _case_numbers(meta_numbers: list[str]) -> set[str]:
    out = set()
    for raw in meta_numbers:
        if re.match(r"^\s*dok", raw, re.I):
            continue  # a document number identifies this document, not its case
        number = _CASE_LABEL.sub("", raw).strip()
        if re.search(r"\d", number):
            out.add(re.sub(r"\s+", "", number))
    return out


def _names(text: str) -> tuple[Counter, dict[str, str], set[str]]:
    """Proper-noun phrases that are not at a sentence start, and upper-case abbreviations."""
    names: Counter = Counter()
    display: dict[str, str] = {}
    abbreviations: set[str] = set()
    for m in _NAME.finditer(text):
        phrase = m.group(0).strip(" -")
        before = text[max(0, m.start() - 3) : m.start()]
        if not before.strip() or before.rstrip()[-1:] in ".!?:\n•·-–*#" or "\n" in before:
            # A sentence-initial word is capitalised anyway; keep it only if it is a
            # multi-word name ("Center for Handicap og Psykiatri").
            if " " not in phrase:
                continue
        if phrase.isupper():
            if 2 <= len(phrase) <= 6:
                abbreviations.add(phrase)
            continue
        words = phrase.split()
        if len(phrase) < 5 or words[0].lower() in _STOP_NAMES or _GOVERNING.search(phrase):
            continue
        key = _normalise_name(phrase)
        names[key] += 1
        display.setdefault(key, phrase)
    return names, display, abbreviations


def _municipality(text: str) -> str | None:
    found = Counter(m.group(1) for m in _MUNICIPALITY.finditer(text))
    if not found:
        return None
    name, count = found.most_common(1)[0]
    return name if count >= 1 else None


_LEAD_HEADINGS = ("beslutningstema", "resumé", "resume", "formål", "sammenfatning", "indledning")


_ROLL_LINE = re.compile(
    r"(?im)^[ \t]*(?:deltagere|til stede|fraværende|afbud|mødested|referent|sagsbehandler|"
    r"kontaktperson|ansvarlig|forfatter|udarbejdet af|godkendt af|dato|sted)\b[^\n]*$"
)


def _lead(record: DocumentRecord) -> str:
    """What the document says it is about: its title and purpose sections ("Beslutningstema",
    "Resumé", ...), or its opening when it has none. Roll-call lines (participants, place)
    are left out: people attend many meetings."""
    parts = [record.meta.title]
    for sec in record.sections:
        if sec.title.lower().startswith(_LEAD_HEADINGS):
            parts.append(record.text[sec.start : min(sec.end, sec.start + 1500)])
    if len(parts) == 1:
        parts.append(record.text[:1200])
    return _ROLL_LINE.sub("", "\n".join(parts))


def features(record: DocumentRecord) -> DocFeatures:
    meta = record.meta
    name = programme_name(meta.title)
    names, display, abbreviations = _names(record.text)
    topic, _, topic_abbreviations = _names(_lead(record))
    return DocFeatures(
        id=record.id,
        title=meta.title,
        name=name,
        is_initiative=bool(_INITIATIVE.search(name)),
        name_words={_base(w) for w in _WORD.findall(name.lower())},
        case_numbers=_case_numbers(meta.case_numbers),
        names=names,
        name_display=display,
        abbreviations=abbreviations,
        topic_names=set(topic),
        topic_abbreviations=topic_abbreviations,
        municipality=_municipality(record.text),
        committee=meta.committee,
        date=meta.date,
        headings={_normalise_name(s.title) for s in record.sections},
    )


def _link(a: DocFeatures, b: DocFeatures, df: Counter, n_docs: int) -> tuple[float, list[str]]:
    """Evidence that two documents belong to the same programme, with Danish reasons."""
    if a.municipality and b.municipality and a.municipality != b.municipality:
        return 0.0, []
    score, reasons = 0.0, []
    shared_cases = a.case_numbers & b.case_numbers
    if shared_cases:
        score += 3
        reasons.append("fælles sagsnummer " + ", ".join(sorted(shared_cases)))
    shared_words = a.name_words & b.name_words
    union = a.name_words | b.name_words
    if a.is_initiative and b.is_initiative and len(shared_words) >= 2:
        if len(shared_words) / len(union) >= 0.5:
            score += 2
            reasons.append(f"samme initiativ i titlen (»{a.name}«)")
    # Names both documents are *about* (title, purpose, opening) count; names that only
    # occur somewhere in both bodies (people, units, places) count a little, never enough.
    topic_limit = max(2, round(math.sqrt(n_docs)))
    body_limit = max(2, round(math.sqrt(n_docs) / 2))
    topic, body, shared_names = 0.0, 0.0, []
    for key in sorted(set(a.names) & set(b.names)):
        if key in a.headings or key in b.headings:
            continue  # a shared heading ("Kontekst & Årsag") is a template, not a topic
        if key in a.topic_names and key in b.topic_names and df[key] <= topic_limit:
            topic += 1
            shared_names.append(a.name_display.get(key, key))
        elif df[key] <= body_limit:
            body += 0.25
    for abbr in sorted(a.abbreviations & b.abbreviations):
        both_topic = abbr in a.topic_abbreviations and abbr in b.topic_abbreviations
        if both_topic and df["abbr:" + abbr] <= topic_limit:
            topic += 0.5
            shared_names.append(abbr)
        elif df["abbr:" + abbr] <= body_limit:
            body += 0.25
    if topic:
        score += min(2.0, topic)
        reasons.append("samme emne: " + ", ".join(shared_names[:6]))
    if body:
        score += min(1.0, body)
        reasons.append("nævner de samme navne")
    if a.committee and a.committee == b.committee:
        score += 0.5
        reasons.append(f"samme udvalg ({a.committee})")
    return score, reasons


def _components(ids: list[str], edges: dict[tuple[str, str], list[str]]) -> list[list[str]]:
    parent = {i: i for i in ids}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges:
        parent[find(a)] = find(b)
    groups: dict[str, list[str]] = {}
    for i in ids:
        groups.setdefault(find(i), []).append(i)
    return list(groups.values())


def _programme_id(doc_ids: list[str]) -> str:
    return "p-" + hashlib.sha1("|".join(sorted(doc_ids)).encode()).hexdigest()[:12]


@dataclass
class Grouping:
    programmes: list[dict[str, Any]]  # id, name, doc_ids (time order), reasons
    features: dict[str, DocFeatures]


def _shared_topic(
    group: list[str], feats: dict[str, DocFeatures], df: Counter, n_docs: int
) -> str | None:
    """The name several members are about, to name a programme none of whose titles names an
    initiative (three minutes that all discuss "Lunas Ark" are about Lunas Ark, not about the
    first meeting). Names in titles win, then names more members share, then longer names."""
    if len(group) < 2:
        return None
    limit = max(2, round(math.sqrt(n_docs)))
    members = [feats[i] for i in group]
    counts = Counter(key for f in members for key in f.topic_names)
    best: tuple[int, int, int, int] | None = None
    name = None
    for key, n in sorted(counts.items()):
        if n < 2 or df[key] > limit or any(key in f.headings for f in members):
            continue  # a heading the documents share is their template, not their topic
        in_titles = sum(1 for f in members if key in _normalise_name(f.title))
        mentions = sum(f.names[key] for f in members)
        # Ties go to the name mentioned most, then the longer, then the alphabetically first
        # (keys are visited in order and only a strictly better rank replaces the best).
        rank = (in_titles, n, mentions, len(key.split()))
        if best is None or rank > best:
            best, name = rank, next(f.name_display[key] for f in members if key in f.name_display)
    return name


def group_documents(records: list[DocumentRecord]) -> Grouping:
    """Programmes among `records` (already filtered by access)."""
    feats = {r.id: features(r) for r in records}
    df: Counter = Counter()
    for f in feats.values():
        df.update(set(f.names))
        df.update("abbr:" + a for a in f.abbreviations)
    # Candidate pairs share a case number, a name, an abbreviation or an initiative word.
    index: dict[str, set[str]] = {}
    for f in feats.values():
        keys = (
            {"case:" + c for c in f.case_numbers}
            | {"name:" + k for k in f.names}
            | {"abbr:" + a for a in f.abbreviations}
            | {"word:" + w for w in f.name_words}
        )
        for key in keys:
            index.setdefault(key, set()).add(f.id)
    pairs: set[tuple[str, str]] = set()
    for ids in index.values():
        if len(ids) <= 50:  # a key shared by very many documents links nothing specific
            pairs.update(combinations(sorted(ids), 2))
    edges: dict[tuple[str, str], list[str]] = {}
    for a, b in sorted(pairs):
        score, reasons = _link(feats[a], feats[b], df, len(feats))
        if score >= LINK_THRESHOLD:
            edges[(a, b)] = reasons
    programmes = []
    for group in _components(list(feats), edges):
        group.sort(key=lambda i: (feats[i].date or "9999", feats[i].title))
        if len(group) == 1 and not feats[group[0]].is_initiative:
            continue
        first = feats[group[0]]
        initiatives = [feats[i] for i in group if feats[i].is_initiative]
        topic = None if initiatives else _shared_topic(group, feats, df, len(feats))
        name = topic or (initiatives[0] if initiatives else first).name
        reasons: list[str] = []
        members = set(group)
        for (a, _b), why in edges.items():
            if a in members:
                reasons.extend(r for r in why if r not in reasons)
        programmes.append(
            {"id": _programme_id(group), "name": name, "doc_ids": group, "reasons": reasons}
        )
    programmes.sort(key=lambda p: (-len(p["doc_ids"]), p["name"].lower()))
    return Grouping(programmes=programmes, features=feats)


# --------------------------------------------------------------------- cached views

_cache: dict[tuple, Grouping] = {}
_cache_lock = threading.Lock()


def _records(registry: Registry, access: set[str] | None) -> list[DocumentRecord]:
    out = []
    for doc in registry.list_documents(access):
        record = registry.get_document(doc["id"])
        if record is not None:
            out.append(record)
    return out


def grouping(registry: Registry, access: set[str] | None) -> Grouping:
    """Programmes for the caller's readable documents, cached per registry revision."""
    # The database file, not the connection object: ids of closed connections are reused.
    db = registry.conn.execute("PRAGMA database_list").fetchone()[2]
    key = (db, registry.revision(), tuple(sorted(access)) if access is not None else None)
    with _cache_lock:
        if key in _cache:
            return _cache[key]
    result = group_documents(_records(registry, access))
    with _cache_lock:
        if len(_cache) > 32:
            _cache.clear()
        _cache[key] = result
    return result


def _doc_row(doc: dict[str, Any]) -> dict[str, Any]:
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


def list_programmes(registry: Registry, access: set[str] | None) -> list[dict[str, Any]]:
    """Programme headers: id, name, documents (time order), committees, period, reasons."""
    docs = {d["id"]: d for d in registry.list_documents(access)}
    out = []
    for p in grouping(registry, access).programmes:
        members = [docs[i] for i in p["doc_ids"] if i in docs]
        dates = [d["date"] for d in members if d["date"]]
        out.append(
            {
                "id": p["id"],
                "name": p["name"],
                "reasons": p["reasons"],
                "committees": sorted({d["committee"] for d in members if d["committee"]}),
                "date_from": min(dates) if dates else None,
                "date_to": max(dates) if dates else None,
                "documents": [_doc_row(d) for d in members],
            }
        )
    return out


def programme_page(
    registry: Registry, programme_id: str, access: set[str] | None
) -> dict[str, Any] | None:
    """A programme's documents in time order with summaries, budgets and open follow-ups."""
    header = next((p for p in list_programmes(registry, access) if p["id"] == programme_id), None)
    if header is None:
        return None
    docs = [d for d in registry.list_documents(access) if d["id"] in
            {x["id"] for x in header["documents"]}]  # fmt: skip
    facts = facts_by_document(registry, docs, access)
    documents, budgets, followups, decisions = [], [], [], []
    for row in header["documents"]:
        record = registry.get_document(row["id"])
        if record is None:
            continue
        f = facts.get(row["id"], {})
        documents.append({**row, "summary": summarize(record, max_sentences=2)})
        for b in f.get("budgets", []):
            budgets.append(_with_citation(record, b))
        for fu in f.get("followups", []):
            if is_open(fu):
                followups.append(_with_citation(record, fu) | {"open": True})
        for d in f.get("decisions", []):
            decisions.append(_with_citation(record, d))
    followups.sort(key=lambda r: (r.get("due_date") or "9999-12-31", r["source"]))
    return {
        **header,
        "documents": documents,
        "budgets": budgets,
        "open_followups": followups,
        "decisions": decisions,
    }


def _with_citation(record: DocumentRecord, row: dict[str, Any]) -> dict[str, Any]:
    c = cite(record, int(row["start"]), int(row["end"]))
    return {**row, "source": record.source, "citation": citation_dict(c)}
