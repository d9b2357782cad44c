"""Decision rows: per agenda item, the recommendation and the decision, kept apart.

"Indstilling" is what the administration proposes; only a "Beslutning i <udvalg> den <dato>"
section (or "Afgørelse") holds what was decided. A recommendation is never stored as the
decision: an item without a decision section gets `decision = None` and no outcome.
"""

from __future__ import annotations

import re

from ingest.blocks import answerable_spans
from ingest.dates import find_dates
from ingest.facts.models import DecisionRow
from ingest.facts.sentences import DocIndex
from ingest.models import DocumentRecord, Section
from ingest.structure import DECIDING_BODY

__all__ = ["extract_decisions", "decision_outcome"]

_F = re.IGNORECASE
# "Beslutning", "Beslutning i Byrådet den …", and a body's own: "Byrådets beslutning"
_BODY_GENITIVE = rf"^({DECIDING_BODY})s\s+(?:beslutning|afgørelse)\b"
_DECISION_TITLE = re.compile(rf"^(?:beslutning|afgørelse)(?!stema)\b|{_BODY_GENITIVE}", _F)
_DECIDER_GENITIVE = re.compile(_BODY_GENITIVE, _F)
_RECOMMENDATION_TITLE = re.compile(
    r"^(?:\w+s\s+)?indstilling\b|^(?:forvaltningen|administrationen|direktionen)\s+indstiller", _F
)
_CASE_OPENER = re.compile(
    r"^(?:sagens\s+indhold|beslutningstema|resum[eé]|sagsfremstilling|sagsbeskrivelse|"
    r"kompetence|sagsnr|baggrund)\b",
    _F,
)
_COMMITTEE = re.compile(
    r"^(?:beslutning|afgørelse)\s+(?:i|på|truffet\s+i|fra)\s+(.+?)"
    r"(?:\s+(?:den|d\.)\s+.*|\s+\d.*|\s*:?\s*)$",
    _F,
)

# Outcome phrases, most specific first; "ikke godkendt" before "godkendt".
_OUTCOME_WORDS: list[tuple[str, str]] = [
    (
        "afvist",
        r"\b(?:afvist|afvises|afviste|afslået|afslås|afslog|ikke\s+godkendt|forkastet|forkastes"
        r"|ikke\s+(?:blevet\s+)?(?:vedtaget|vedtages|tiltrådt|tiltrædes))\b",
    ),
    ("udsat", r"\b(?:udsat|udsættes|udsatte|udskydes|udskudt|genoptages)\b"),
    ("oversendt", r"\b(?:oversendt|oversendes|sendes\s+videre|videresendt)\b"),
    ("sendt i høring", r"\b(?:sendes|sendt|udsendes|udsendt)\s+i\s+(?:offentlig\s+)?høring\b"),
    (
        "taget til efterretning",
        r"\b(?:tages|taget|toges|tog)\b[^.]{0,40}?\btil\s+efterretning\b|\btil\s+efterretning\b",
    ),
    (
        "taget til orientering",
        r"\b(?:tages|taget|tog)\b[^.]{0,40}?\btil\s+orientering\b"
        r"|\borienteringen\s+(?:tages|blev\s+taget)\b(?!\s+til\s+efterretning)",
    ),
    (
        "anbefalet",
        r"\b(?:anbefales|anbefalet|anbefalede|anbefaler|indstilles\s+til\s+godkendelse)\b",
    ),
    (
        "godkendt",
        r"\b(?:godkendt|godkendes|godkendte|godkender|tiltrådt|tiltrædes|tiltrådte|tiltræder|"
        r"vedtaget|vedtages|vedtager|"
        r"vedtog|bevilget|bevilges|besluttes|blev\s+besluttet|det\s+blev\s+aftalt|"
        r"der\s+var\s+enighed\s+om|fuld\s+opbakning)\b",
    ),
]
_OUTCOMES = [(name, re.compile(p, _F)) for name, p in _OUTCOME_WORDS]
# A decision in words of its own, the deciding body its subject ("Udvalget bad forvaltningen om
# at fremlægge en handleplan …"); orientation points ("Møde med Ældre Sagen …") are none.
_BODY_ACTS = re.compile(
    r"(?:Udvalget|Byrådet|Kommunalbestyrelsen|Styregruppen|Bestyrelsen|Direktionen"
    r"|[A-ZÆØÅ][\w-]*udvalget)\s+[a-zæøå]{2,}\b[^.\n]*\s[^.\n]*\."
)
_VOTES = re.compile(
    r"[^.\n]*\b(?:stemte|stemmer|stemme|undlod|imod\s+stemte|for\s+stemte)\b[^.\n]*\.?", _F
)


def decision_outcome(text: str) -> tuple[str | None, tuple[int, int] | None]:
    """The outcome named earliest in a decision text, and the offsets of the phrase."""
    best: tuple[int, str, tuple[int, int]] | None = None
    for name, pattern in _OUTCOMES:
        m = pattern.search(text)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), name, (m.start(), m.end()))
    if best is None:
        return None, None
    return best[1], best[2]


# How project minutes record a decision in the running text of an item.
_CONSENSUS: list[tuple[str, re.Pattern[str]]] = [
    (
        "godkendt",
        re.compile(
            r"\b(?:det\s+blev\s+(?:\w+\s+)?(?:besluttet|aftalt)|blev\s+det\s+besluttet|"
            r"det\s+besluttes|der\s+var\s+(?:fuld\s+)?enighed|fuld\s+opbakning)\b",
            _F,
        ),
    ),
    ("udsat", re.compile(r"\b(?:udskydes|udsættes|genoptages)\b", _F)),
]


def _row(
    doc: DocumentRecord, index: DocIndex, start: int, end: int, **fields: object
) -> DecisionRow:
    """A decision row quoting doc.text[start:end], with its page and section."""
    return DecisionRow(
        doc_id=doc.id,
        page=index.page_at(start),
        section=index.section_path(start),
        start=start,
        end=end,
        quote=doc.text[start:end],
        **fields,  # type: ignore[arg-type]
    )


def _span_fields(
    text: str, recommendation: tuple[int, int] | None, decision: tuple[int, int] | None
) -> dict[str, object]:
    """A row's recommendation and decision: each its text and offsets, or None."""
    fields: dict[str, object] = {}
    for name, span in (("recommendation", recommendation), ("decision", decision)):
        fields[name] = text[span[0] : span[1]] if span else None
        fields[f"{name}_start"] = span[0] if span else None
        fields[f"{name}_end"] = span[1] if span else None
    return fields


def _paragraph_end(text: str, end: int, limit: int, most: int = 400) -> int:
    """Where the paragraph holding `end` ends, when that is near: a decision stated in the
    running text of minutes is often followed by its reason in the same paragraph ("Der var
    enighed om at sætte ... på pause. De fire kommuner vurderes at udgøre ...")."""
    stop = text.find("\n\n", end, limit)
    stop = limit if stop < 0 else stop
    while stop > end and text[stop - 1].isspace():
        stop -= 1
    return stop if stop - end <= most else end


def _consensus_rows(doc: DocumentRecord, index: DocIndex, item: Section) -> list[DecisionRow]:
    """Decisions recorded in the text of an item of project minutes, one row per outcome,
    quoting the first sentence that states it. Table rows (an action log's comments) are left
    out: they report earlier decisions."""
    rows: list[DecisionRow] = []
    table = [(b.start, b.end) for b in doc.blocks if b.kind == "table_row"]
    sentences = [
        s
        for s in index.sentences
        if item.start <= s.start < item.end and not any(a <= s.start < b for a, b in table)
    ]
    for outcome, pattern in _CONSENSUS:
        sent = next((s for s in sentences if pattern.search(s.text)), None)
        if sent is None:
            continue
        rows.append(
            _row(
                doc,
                index,
                sent.start,
                sent.end,
                item_title=item.title,
                item_number=item.number,
                decision=sent.text,
                decision_start=sent.start,
                decision_end=_paragraph_end(doc.text, sent.end, item.end),
                committee=doc.meta.committee,
                outcome=outcome,
            )
        )
    return sorted(rows, key=lambda r: r.start)


_PART = re.compile(r"(?:^|\n)\s*Ad\s+(?:pkt\.?\s*|punkt\s+)?\d[\d\s,og-]*[).:]", _F)


def decision_outcomes(text: str) -> list[tuple[str, tuple[int, int]]]:
    """Every outcome of a decision taken in parts ("Ad 1) Sagen blev taget til efterretning"
    / "Ad 2-4) Godkendes"), in order, each once; one outcome for a decision in one piece."""
    starts = [m.start() for m in _PART.finditer(text)]
    if len(starts) < 2:
        outcome, span = decision_outcome(text)
        return [(outcome, span)] if outcome else []
    found: list[tuple[str, tuple[int, int]]] = []
    for a, b in zip(starts, [*starts[1:], len(text)], strict=True):
        outcome, span = decision_outcome(text[a:b])
        if outcome and outcome not in [o for o, _ in found]:
            found.append((outcome, (a + span[0], a + span[1])))
    return found


def _body(text: str, sec: Section, sections: list[Section]) -> tuple[int, int] | None:
    """The text under a heading, up to the next heading of any section."""
    a = sec.heading_end if sec.heading_end is not None else sec.start
    b = min([sec.end] + [s.start for s in sections if a <= s.start < sec.end and s is not sec])
    while a < b and text[a] in " \t\r\n\u00a0:":
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return (a, b) if b > a else None


def _before_junk(doc: DocumentRecord, span: tuple[int, int] | None) -> tuple[int, int] | None:
    """A section's text up to its first attachment list, table of contents or boilerplate: a
    portal page lists an item's "Bilag" under its decision, with no heading between."""
    if span is None:
        return None
    spans = answerable_spans(doc.blocks, *span)
    if not spans:
        return None
    start, end = spans[0]
    while end > start and doc.text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


_ATTENDANCE = re.compile(r"^[ \t]*(?:Fraværende|Afbud|Deltog ikke)\b", re.M | _F)


def _before_attendance(text: str, span: tuple[int, int]) -> tuple[int, int] | None:
    """A decision without the minutes' attendance line ("Fraværende: ..."): at its start the
    line is skipped; further on it ends the decision, since what follows it in a PDF is often
    the next part of the case, which no heading marked."""
    start, end = span
    for m in _ATTENDANCE.finditer(text, start, end):
        if text[start : m.start()].strip():
            end = m.start()
            break
        line_end = text.find("\n", m.start(), end)
        start = end if line_end < 0 else line_end + 1
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def _items(doc: DocumentRecord) -> list[tuple[Section | None, list[Section]]]:
    """Agenda items with their descendant sections; the whole document when it has none."""
    secs = doc.sections
    by_parent: dict[int | None, list[Section]] = {}
    for s in secs:
        by_parent.setdefault(s.parent, []).append(s)

    def descendants(sec: Section) -> list[Section]:
        out: list[Section] = []
        for child in by_parent.get(sec.id, []):
            out.append(child)
            out.extend(descendants(child))
        return out

    items = [s for s in secs if s.kind == "agenda_item"]
    if items:
        return [(item, descendants(item)) for item in items]
    # No agenda items in the tree ("12. Ny skolestruktur" may come out as a numbered section):
    # an item heading is a heading directly followed by the opening heading of a case.
    ordered = sorted(secs, key=lambda s: s.start)
    anchors = [
        s
        for i, s in enumerate(ordered)
        if s.kind in ("numbered", "heading", "markdown")
        and i + 1 < len(ordered)
        and ordered[i + 1].kind == "standard"
        and _CASE_OPENER.match(ordered[i + 1].title.strip())
    ]
    if not anchors:
        return [(None, list(secs))]
    grouped: list[tuple[Section | None, list[Section]]] = [(a, []) for a in anchors]
    for s in ordered:
        owner = None
        for k, a in enumerate(anchors):
            if a.start < s.start:
                owner = k
        if owner is not None:
            grouped[owner][1].append(s)
    return grouped


def extract_decisions(doc: DocumentRecord, index: DocIndex | None = None) -> list[DecisionRow]:
    """One row per agenda item that has a recommendation or a decision section."""
    index = index or DocIndex(doc.text, doc.pages, doc.sections, doc.seams, doc.blocks)
    text = doc.text
    rows: list[DecisionRow] = []
    for item, children in _items(doc):
        recs = [c for c in children if _RECOMMENDATION_TITLE.match(c.title.strip())]
        decs = [c for c in children if _DECISION_TITLE.match(c.title.strip())]
        consensus = _consensus_rows(doc, index, item) if item is not None and not recs else []
        if consensus and not any(
            decision_outcomes(text[span[0] : span[1]])
            for span in (_body(text, d, doc.sections) for d in decs)
            if span
        ):
            rows.extend(consensus)  # project minutes: "Det blev besluttet", "udskydes"
            continue
        if not recs and not decs:
            continue
        rec_span = _before_junk(doc, _body(text, recs[0], doc.sections) if recs else None)
        dec_sec = decs[-1] if decs else None  # the latest decision when an item was re-treated
        dec_span = _before_junk(doc, _body(text, dec_sec, doc.sections) if dec_sec else None)
        if dec_span:
            dec_span = _before_attendance(text, dec_span)
            if dec_span is None:
                continue  # only who was absent: no decision
        title = item.title if item else (doc.meta.title or "")
        outcomes = decision_outcomes(text[dec_span[0] : dec_span[1]]) if dec_span else []
        if dec_span and not outcomes and not _BODY_ACTS.match(text, *dec_span):
            continue  # "Beslutning" only lists orientation points or absences: no decision
        decision_date = committee = votes = None
        if dec_sec is not None:
            dates = [d for d in find_dates(dec_sec.title) if d.explicit_year]
            decision_date = dates[0].date.isoformat() if dates else None
            m = _COMMITTEE.match(dec_sec.title.strip())
            m = m or _DECIDER_GENITIVE.match(dec_sec.title.strip())
            committee = m.group(1).strip(" :") if m else None
            if dec_span:
                found = [v.group(0).strip() for v in _VOTES.finditer(text, *dec_span)]
                votes = " ".join(found) or None
        for outcome, phrase in outcomes or [(None, None)]:
            if dec_span and phrase:
                sent = index.sentence_at(dec_span[0] + phrase[0])
                start, end = (sent.start, sent.end) if sent else dec_span
            else:
                anchor = item or (recs or decs)[0]
                start = anchor.start
                end = anchor.heading_end if anchor.heading_end is not None else anchor.end
            rows.append(
                _row(
                    doc,
                    index,
                    start,
                    end,
                    item_title=title,
                    item_number=item.number if item else None,
                    **_span_fields(text, rec_span, dec_span),
                    decision_date=decision_date,
                    committee=committee or (doc.meta.committee if dec_sec else None),
                    outcome=outcome,
                    votes=votes,
                )
            )
    rows.extend(_history_rows(doc, index))
    rows.extend(_record_rows(doc, index, rows))
    return rows


# A decision record's fields ("Status: Besluttet", "Besluttet af: Styregruppen").
_STATUS_FIELD = re.compile(r"^[ \t]*(?:beslutnings)?status[ \t]*:[ \t]*(\S.*)$", re.M | _F)
_DECIDER_FIELD = re.compile(
    r"^[ \t]*(?:besluttet\s+af|beslutningstagere?|beslutningsforum)[ \t]*:[ \t]*(\S.*)$",
    re.M | _F,
)
_DATE_FIELD = re.compile(r"^[ \t]*dato[ \t]*:[ \t]*(\S.*)$", re.M | _F)
_RECORD_OUTCOMES: list[tuple[str | None, re.Pattern[str]]] = [
    ("afvist", re.compile(r"(?:afvist|afslået|forkastet|ikke\s+godkendt)\b", _F)),
    ("udsat", re.compile(r"udsat\b", _F)),
    ("godkendt", re.compile(r"(?:besluttet|vedtaget|godkendt|accepteret|tiltrådt)\b", _F)),
    (None, re.compile(r"(?:under\s+behandling|udkast|afventer|til\s+behandling|foreslået)\b", _F)),
]
_RECORD_DECISION_TITLE = re.compile(r"^(?:beskrivelse\s+af\s+)?(?:beslutningen|beslutning)\b", _F)


def _record_status(value: str) -> tuple[bool, str | None] | None:
    """(decided, outcome) for a record's status value; None when it names no decision state."""
    for outcome, pattern in _RECORD_OUTCOMES:
        if pattern.match(value.strip(" *_.")):
            return outcome is not None, outcome
    return None


def _own_body(doc: DocumentRecord, sec: Section) -> tuple[int, int]:
    """A section's text before its first sub-section."""
    a = sec.heading_end if sec.heading_end is not None else sec.start
    b = min([sec.end] + [s.start for s in doc.sections if s.parent == sec.id and s.start >= a])
    return a, b


def _record_rows(
    doc: DocumentRecord, index: DocIndex, found: list[DecisionRow]
) -> list[DecisionRow]:
    """Decision records ("B-2025-05 Valg af leverandør" / "Dato: 3. april 2025" / "Besluttet
    af: Styregruppen" / "Status: Besluttet" / what was decided): one row per record whose
    status field names a decision state, unless a "Beslutning" section already gave it one.
    The status decides the outcome (a record's "Go-live udskydes …" was decided, not
    postponed); an undecided record ("Status: Under behandling") is a proposal, no decision."""
    text = doc.text
    rows: list[DecisionRow] = []
    for sec in doc.sections:
        a, b = _own_body(doc, sec)
        status = _STATUS_FIELD.search(text, a, b)
        state = _record_status(status.group(1)) if status else None
        if status is None or state is None:
            continue
        # fields under a "Beskrivelse af beslutningen" heading describe the record above it
        record = sec
        if sec.parent is not None and _RECORD_DECISION_TITLE.match(sec.title.strip()):
            record = next(s for s in doc.sections if s.id == sec.parent)
        dates = [d for d in find_dates(status.group(1)) if d.explicit_year]
        if not dates and (when := _DATE_FIELD.search(text, a, b)):
            dates = [d for d in find_dates(when.group(1)) if d.explicit_year]
        date = dates[0].date.isoformat() if dates else None
        if any(record.start <= r.start < record.end for r in found):
            continue  # its "Beslutning" section gave it its row
        decided, outcome = state
        stated = [
            c
            for c in doc.sections
            if c.parent == record.id
            and c is not sec
            and _RECORD_DECISION_TITLE.match(c.title.strip())
        ]
        if stated and (said := _body(text, stated[0], doc.sections)):
            body = said
        else:  # the record's first paragraph after its fields, else its title says it
            body = _paragraph_after_fields(text, status.end(), b) or (
                record.start,
                record.heading_end if record.heading_end is not None else record.start,
            )
        decider = _DECIDER_FIELD.search(text, a, b)
        sent = index.sentence_at(body[0])
        start, end = (
            (sent.start, sent.end) if decided and sent else (status.start(1), status.end(1))
        )
        rows.append(
            _row(
                doc,
                index,
                start,
                end,
                item_title=record.title,
                item_number=record.number,
                **_span_fields(text, None if decided else body, body if decided else None),
                decision_date=date,
                committee=(decider.group(1).strip(" *_–-") if decider else None)
                or doc.meta.committee,
                outcome=outcome,
            )
        )
    return rows


_ANY_FIELD = re.compile(r"[ \t]*[^\W\d][\w .&/-]{0,30}:[ \t]")  # "Beslutningstype: …"


def _paragraph_after_fields(text: str, pos: int, limit: int) -> tuple[int, int] | None:
    """The first paragraph after `pos` (in a record's fields) within `limit` that is not a
    field line."""
    start = pos
    while start < limit:
        while start < limit and text[start].isspace():
            start += 1
        line_end = text.find("\n", start, limit)
        line_end = limit if line_end < 0 else line_end
        if start >= limit or not _ANY_FIELD.match(text, start, line_end):
            break
        start = line_end
    if start >= limit:
        return None
    stop = text.find("\n\n", start, limit)
    return start, (limit if stop < 0 else stop)


_HISTORY_TITLE = re.compile(r"^sagens\s+forløb\b", _F)
_HISTORY_ENTRY = re.compile(r"^(\d{2})([-/.])(\d{2})\2(\d{4})[ \t]+(\S.*)$", re.M)


def history_entry_before(text: str, offset: int) -> tuple[int, int] | None:
    """The span of the "Sagens forløb" entry line ("04-04-2022 Klima-, Teknik- og
    Miljøudvalget", "24/09/2025 Økonomiudvalget") right before `offset`: the heading of that
    committee's decision."""
    end = offset
    while end > 0 and text[end - 1].isspace():
        end -= 1
    start = text.rfind("\n", 0, end) + 1
    m = _HISTORY_ENTRY.match(text, start, end)
    return (m.start(), m.end()) if m else None


def _history_rows(doc: DocumentRecord, index: DocIndex) -> list[DecisionRow]:
    """ "Sagens forløb": what an earlier committee decided on the item ("05-02-2024
    Sundheds- og Omsorgsudvalget" / "Godkendt i det udvalget takker for høringssvar"), one
    row per entry and outcome, with that committee and date."""
    rows: list[DecisionRow] = []
    text = doc.text
    # the heading as a section, or as a line a PDF's tree did not make one
    heads = sorted(
        {s.heading_end or s.start for s in doc.sections if _HISTORY_TITLE.match(s.title.strip())}
        | {m.end() for m in re.finditer(r"^[ \t]*Sagens\s+forløb[ \t]*$", text, re.M)}
    )
    for n, head in enumerate(heads):
        if n and head - heads[n - 1] < 3:
            continue  # the same heading found both ways
        item = index.item_before(head)
        if item is None:
            continue
        later = [s.start for s in doc.sections if s.start > head]
        body = (head, min(later, default=len(text)))
        entries = list(_HISTORY_ENTRY.finditer(text, body[0], body[1]))
        for k, entry in enumerate(entries):
            a = entry.end()
            b = entries[k + 1].start() if k + 1 < len(entries) else body[1]
            for outcome, phrase in decision_outcomes(text[a:b]):
                sent = index.sentence_at(a + phrase[0])
                start, end = (sent.start, sent.end) if sent else (a, b)
                day, _sep, month, year, committee = entry.groups()
                rows.append(
                    _row(
                        doc,
                        index,
                        start,
                        end,
                        item_title=item.title,
                        item_number=item.number,
                        decision=text[a:b].strip(),
                        decision_start=a,
                        decision_end=b,
                        decision_date=f"{year}-{month}-{day}",
                        committee=committee.strip(),
                        outcome=outcome,
                    )
                )
    return rows
