"""Follow-ups from an action log: a table with a column for the step and one for who does it
or by when ("Nr. | Kilde | Handling | Ansvarlig | Deadline | Status/kommentar"), or a
tracking table with two of those ("Initiativ | Budget | Ansvarlig | Frist | Status").

Every row is a follow-up, dated or not: the table exists to list open steps. The deadline cell
may hold a date ("25.02.2026"), an undated deadline ("Snarest", "Inden næste møde") or a status
("Afventer", "I proces"); the row is quoted whole, one line of the cleaned text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ingest.dates import find_dates
from ingest.facts.models import FollowupRow
from ingest.facts.sentences import DocIndex
from ingest.models import DocumentRecord

__all__ = ["action_log_rows", "status_of_cell"]

_F = re.IGNORECASE
_ACTION_HEAD = re.compile(
    r"^(?:handling\w*|aktivitet\w*|opgave\w*|action\w*|to-?do|tiltag|næste\s+skridt)$", _F
)
_WHO_HEAD = re.compile(r"^(?:ansvarlig\w*|ansvar|tovholder|hvem|owner|responsible)$", _F)
_WHEN_HEAD = re.compile(r"^(?:deadline|frist|tidsfrist|hvornår|dato|due|forfald\w*)$", _F)
_STATUS_HEAD = re.compile(r"^(?:status\w*(?:/\w+)?)$", _F)

_AWAITING = re.compile(r"\b(?:afventer|afventes|venter)\b", _F)
_IN_PROGRESS = re.compile(
    r"\b(?:i\s+proces|igangværende|i\s+gang|løbende|i\s+det\s+videre\s+arbejde|pågår)\b", _F
)
_DONE = re.compile(r"\b(?:afsluttet|lukket|udført|færdig|gennemført|done)\b", _F)


@dataclass
class _Columns:
    action: int
    who: int | None
    when: int | None
    status: int | None


def _columns(cells: list[str]) -> _Columns | None:
    """The column roles of a header row, or None when it is not an action log's header."""
    names = [c.strip().lower() for c in cells]

    def find(pattern: re.Pattern[str]) -> int | None:
        return next((i for i, n in enumerate(names) if pattern.match(n)), None)

    action, who, when, status = (
        find(_ACTION_HEAD),
        find(_WHO_HEAD),
        find(_WHEN_HEAD),
        find(_STATUS_HEAD),
    )
    roles = {i for i in (who, when, status) if i is not None}
    if action is None and len(roles) >= 2:
        # a tracking table that names its steps otherwise ("Initiativ | Budget | Ansvarlig |
        # Frist | Status"): its first other column names the step
        action = next((i for i in range(len(names)) if i not in roles and names[i]), None)
    if action is None or (who is None and when is None):
        return None
    return _Columns(action, who, when, status)


def status_of_cell(text: str) -> str:
    """ "Afventer" -> awaiting, "I proces"/"løbende" -> in_progress, "Afsluttet" -> done."""
    if _AWAITING.search(text):
        return "awaiting"
    if _IN_PROGRESS.search(text):
        return "in_progress"
    if _DONE.search(text):
        return "done"
    return "planned"


def _cell(cells: list[str], i: int | None) -> str:
    return cells[i].strip() if i is not None and i < len(cells) else ""


def action_log_rows(
    doc: DocumentRecord, index: DocIndex, ref: dt.date | None
) -> tuple[list[FollowupRow], list[tuple[int, int]]]:
    """The follow-ups of every action log in `doc`, and the spans of their rows (the caller
    reads no other follow-up from them)."""
    rows: list[FollowupRow] = []
    spans: list[tuple[int, int]] = []
    columns: _Columns | None = None
    pos = 0
    for line in doc.text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        cells = line.split("\t")
        if len(cells) < 3:
            columns = None
            continue
        header = _columns(cells)
        if header is not None:
            columns = header
            spans.append((start, end))
            continue
        if columns is None:
            continue
        spans.append((start, end))
        action = _cell(cells, columns.action)
        if not re.search(r"[a-zæøå]{3}", action, _F):
            continue
        when = _cell(cells, columns.when)
        state = f"{when} {_cell(cells, columns.status)}"
        dates = [d for d in find_dates(when, ref) if d.explicit_year or ref is not None]
        due = max(dates, key=lambda d: d.end_date) if dates else None
        lead = len(line) - len(line.lstrip())
        rows.append(
            FollowupRow(
                doc_id=doc.id,
                page=index.page_at(start),
                section=index.section_path(start),
                start=start + lead,
                end=start + len(line.rstrip()),
                quote=line.strip(),
                action=action,
                deadline_text=when or None,
                due_date=due.end_date.isoformat() if due else None,
                due_precision=due.precision if due else None,
                responsible=_cell(cells, columns.who) or None,
                status=status_of_cell(state),
                deadline_start=None,
                deadline_end=None,
            )
        )
    return rows, spans
