"""Rows of the facts tables: budgets, follow-ups and decisions.

Every row carries the document id, page, section path and the `start`/`end` offsets of the
sentence(s) that state it in the cleaned document text, with `quote == text[start:end]`, so the
row can be cited and checked like any other passage.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any

BUDGET_KINDS = (
    "allocation",
    "grant",
    "extra_cost",
    "financing",
    "total",
    "spent",
    "hourly_rate",
    "other",
)
FOLLOWUP_STATUSES = ("planned", "in_progress", "awaiting", "done")


@dataclass
class BudgetRow:
    doc_id: str
    page: int
    section: str  # section path, " > "-joined
    start: int
    end: int
    quote: str
    amount_dkk: float
    amount_text: str
    kind: str  # one of BUDGET_KINDS
    period: str | None = None  # "årligt", "2025", "2006 og frem", "2021-2023"
    year: int | None = None
    parent_index: int | None = None  # index (in Facts.budgets) of the total a split belongs to
    initiative: str | None = None
    is_allocation: bool = False
    purpose: str | None = None  # the "til ..." clause when stated
    amount_start: int = 0  # offsets of amount_text itself
    amount_end: int = 0
    amount_high: float | None = None  # upper end of a range ("1-2 mio. kr.")
    per: str | None = None  # "time", "år", "deltager", ...

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class FollowupRow:
    doc_id: str
    page: int
    section: str
    start: int
    end: int
    quote: str
    action: str
    deadline_text: str | None = None
    due_date: str | None = None  # ISO date, last day of the period
    due_precision: str | None = None
    responsible: str | None = None
    status: str = "planned"  # one of FOLLOWUP_STATUSES
    deadline_start: int | None = None
    deadline_end: int | None = None
    superseded_by: str | None = None  # id of a later row about the same item (set by linking)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class DecisionRow:
    doc_id: str
    page: int
    section: str
    start: int  # the sentence that states the outcome, or the item heading without decision
    end: int
    quote: str
    item_title: str
    item_number: str | None = None
    recommendation: str | None = None  # Indstilling: what the administration proposes
    recommendation_start: int | None = None
    recommendation_end: int | None = None
    decision: str | None = None  # Beslutning: what was decided; None when not (yet) decided
    decision_start: int | None = None
    decision_end: int | None = None
    decision_date: str | None = None
    committee: str | None = None
    outcome: str | None = None  # "taget til efterretning" | "godkendt" | "udsat" | ...
    votes: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Facts:
    budgets: list[BudgetRow] = field(default_factory=list)
    followups: list[FollowupRow] = field(default_factory=list)
    decisions: list[DecisionRow] = field(default_factory=list)


def _as_date(value: str | dt.date | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def is_outstanding(
    status: str,
    as_of: dt.date,
    *,
    doc_date: str | dt.date | None = None,
    later_status: str | None = None,
    later_doc_date: str | dt.date | None = None,
) -> bool:
    """Whether a follow-up is open on `as_of`.

    The issue's rule: outstanding when its deadline has not passed or no later document reports
    it done. So a follow-up stays outstanding until it is reported done, by its own document or
    by a later document about the same item (`later_status`); past its deadline without such a
    report it is outstanding *and* overdue (`is_overdue`). Reports and rows from documents dated
    after `as_of` do not count yet: asking "as of 2021-07-01" ignores what was written later.
    """
    own = _as_date(doc_date)
    if own is not None and own > as_of:
        return False  # not stated yet on that date
    if status == "done":
        return False
    later = _as_date(later_doc_date)
    if later_status == "done" and (later is None or later <= as_of):
        return False
    return True


def is_overdue(status: str, due_date: str | dt.date | None, as_of: dt.date) -> bool:
    """Not done and past its deadline on `as_of`."""
    due = _as_date(due_date)
    return status != "done" and due is not None and due < as_of
