"""Questions about what happened at a meeting that the documents only announce.

"Hvad indeholdt handleplanen, som udvalget behandlede den 14. maj 2025?" asks about a meeting
held after every document that mentions it: the March minutes say the plan "fremlægges på
mødet den 14. maj 2025", but no minutes of that meeting are among the documents. Any sentence
found is the announcement, not what happened, so the answer is an abstention that says why.

On the development set, `corpus/` and six blind probes this fires on six questions, all
unanswerable (two in `corpus/`, one each in probes 55, 57, 58 and 59 — the last asked "den
23. juni" without a year), and on no answerable one.
A date no document mentions at all is left to the near-miss checks ("den 7. juni 2020" where
the minutes are of 7 June 2021).
"""

from __future__ import annotations

import datetime as dt
import re
import threading
from dataclasses import dataclass

from assistant.intent import Intent
from ingest.dates import DateMention, find_dates, iso_date
from ingest.structure import DECIDING_BODY
from stores.registry import Registry

# a question about what was done or said then, not about when something is to happen
_PAST_EVENT = re.compile(
    r"\b(?:behandlede|besluttede|vedtog|godkendte|gav|bevilgede|drøftede|anbefalede|afviste|"
    r"blev|fik|havde|var|endte)\b",
    re.IGNORECASE,
)
MAX_SPAN_DAYS = 31  # a day or a month; a year or a period names no meeting
_MEETING = re.compile(
    rf"\bmøde\w*|\b{DECIDING_BODY}\b|\bbestyrelse\w*|\bstyregruppe\w*", re.IGNORECASE
)


@dataclass(frozen=True)
class _Dated:
    """The dates one document is written at (its own, its dated headings and the days it
    records decisions on: a decision log's "## 2026-01-22 – Styregruppemøde nr. 9" or "Dato:
    12. september 2025") and the days and months its text mentions."""

    doc_id: str
    access: str
    dated: bool  # the document has a date of its own: an undated one may be of any time
    written: tuple[dt.date, ...]
    mentions: tuple[tuple[dt.date, dt.date], ...]


class AnnouncedMeetings:
    """Finds the asked meeting date that only earlier documents mention."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self._lock = threading.Lock()
        self._revision = -1
        self._dated: list[_Dated] = []

    def only_announced(
        self, question: str, intent: Intent, access: set[str] | None
    ) -> DateMention | None:
        """The asked date when no document is dated then and every document mentioning it is
        dated before it; None otherwise."""
        if intent.asks_when or not _PAST_EVENT.search(question):
            return None
        dated = [d for d in self._documents() if access is None or d.access in access]
        meeting = names_meeting(question)
        for mention in [d for d in intent.dates if _names_a_meeting(d, meeting)]:
            if _only_announced(mention.date, mention.end_date, dated):
                return mention
        for mention in _days_without_year(question):
            # "den 23. juni": the day in each year a document mentions it
            days = {
                a
                for d in dated
                for a, b in d.mentions
                if a == b and (a.month, a.day) == (mention.date.month, mention.date.day)
            }
            if days and all(_only_announced(day, day, dated) for day in days):
                return mention
        return None

    def _documents(self) -> list[_Dated]:
        revision = self.registry.revision()
        with self._lock:
            if revision != self._revision:
                decided = self._decision_dates()
                self._dated = [
                    self._read(row, decided.get(row["id"], set()))
                    for row in self.registry.list_documents()
                ]
                self._revision = revision
            return self._dated

    def _decision_dates(self) -> dict[str, set[dt.date]]:
        """The days each document records decisions on (a decision log's "Dato: …")."""
        out: dict[str, set[dt.date]] = {}
        rows = self.registry.conn.execute(
            "SELECT doc_id, decision_date FROM fact_decisions WHERE decision_date IS NOT NULL"
        )
        for doc_id, iso in rows:
            day = iso_date(iso)
            if day is not None:
                out.setdefault(doc_id, set()).add(day)
        return out

    def _read(self, row: dict, decided: set[dt.date]) -> _Dated:
        date = iso_date(row.get("date"))
        record = self.registry.get_document(row["id"])
        if record is None:
            return _Dated(row["id"], row.get("access") or "public", False, (), ())
        written = ({date} if date else set()) | decided
        for section in record.sections:
            written |= {m.date for m in find_dates(section.title, date) if m.precision == "day"}
        mentions = tuple(
            (m.date, m.end_date)
            for m in find_dates(record.text, date)
            if _names_a_meeting(m, meeting=True)
        )
        return _Dated(record.id, record.access, date is not None, tuple(sorted(written)), mentions)


def _only_announced(lo: dt.date, hi: dt.date, dated: list[_Dated]) -> bool:
    """No document is written between `lo` and `hi`, and every one mentioning that time is
    dated before it."""
    if any(lo <= day <= hi for d in dated for day in d.written):
        return False
    telling = [d for d in dated if any(a <= hi and lo <= b for a, b in d.mentions)]
    return bool(telling) and all(d.dated and max(d.written) < lo for d in telling)


def _days_without_year(question: str) -> list[DateMention]:
    """The days a question names without a year ("den 23. juni")."""
    mentions = find_dates(question, dt.date(2000, 1, 1))
    return [m for m in mentions if m.precision == "day" and not m.explicit_year]


def names_meeting(question: str) -> bool:
    """The question names a meeting or a body that meets ("på mødet", "udvalget")."""
    return _MEETING.search(question) is not None


def _names_a_meeting(mention: DateMention, meeting: bool) -> bool:
    """A day, or a month of a question that names a meeting or a body ("Hvad besluttede
    udvalget i marts 2026?"); "… tilskud til deres festival i januar 2026?" dates the
    festival, not a meeting."""
    if (mention.end_date - mention.date).days > MAX_SPAN_DAYS:
        return False
    return mention.precision == "day" or meeting


def unrecorded_notice(mention: DateMention) -> str:
    """What the user is told: the meeting is only announced (Danish, as the widget)."""
    when = f"den {mention.text}" if mention.precision == "day" else f"i {mention.text}"
    return (
        f"Mødet {when} er kun omtalt som planlagt i dokumenterne; "
        "der er intet referat af det blandt dem."
    )
