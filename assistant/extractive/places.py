"""Where a sentence sits in its document: a table and its row, a decision section, a case
header, the years it is about. Scoring, lists and companions all ask these questions."""

from __future__ import annotations

import datetime as dt
import re

from assistant.citations import DocumentCache, DocView
from assistant.extractive.model import Candidate, wording
from assistant.extractive.shapes import (
    DECISION_WORDS,
    amounts_under_unit,
    column_names_row,
    is_decision_heading,
    is_label,
    only_link,
    unit_below,
)
from ingest.dates import find_dates
from ingest.models import CASE_NUMBER_LABEL, TABLE_CELL_SEPARATOR
from ingest.money import find_amounts
from ingest.structure import agenda_item_at

# a year, not a price level ("2025-niveau", "(2025-pl)"): no period it is for
_YEAR_AS_WORD = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)(?!-(?:niveau|pl\b|p/l\b))")
_OPEN_ENDED = re.compile(
    r"\b(?:og\s+frem(?:ad|efter)?\b|fremover|fremad|og\s+følgende\b|ff\b)", re.IGNORECASE
)
_YEAR_RANGE = re.compile(r"((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)")
OPEN_ENDED_SPAN = 30  # "fra 2025 og frem": the years a text without an end covers


def years_named(text: str | None) -> set[int]:
    """The years a text is about: those it names, a range's years between ("2024-2027"), and
    the years after one left open ("2026 og frem")."""
    if not text:
        return set()
    years = {int(y) for y in _YEAR_AS_WORD.findall(text)}
    if years and _OPEN_ENDED.search(text):
        years |= set(range(max(years), max(years) + OPEN_ENDED_SPAN))
    m = _YEAR_RANGE.search(text)
    if m and int(m.group(1)) <= int(m.group(2)):
        years |= set(range(int(m.group(1)), int(m.group(2)) + 1))
    return years


# "4,5 mio. kr. i 2028", "2,0 mio. kr. for 2026-2027": the year written right after an amount
_YEAR_AFTER = re.compile(
    r"\s*(?:i|for)\s+(?:år(?:et)?\s+)?((?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?)\b"
)
# "i overslagsåret 2026 afsat 27.950.000 kr.", "for 2025 på i alt 14,5 mio. kr.": just before it
_YEAR_BEFORE = re.compile(
    r"\b(?:i|for)\s+(?:\w*år(?:et)?\s+)?((?:19|20)\d\d)(?:\s+[^\W\d]+){0,3}\s*$"
)


def amount_years(text: str) -> set[int]:
    """The years a text's amounts are for, where written beside them ("Merbehovet på 4,5 mio.
    kr. i 2028 indgår i budgetforhandlingerne for 2026-2029" is about 2028, not 2029);
    empty when no amount has its year beside it."""
    years: set[int] = set()
    for m in find_amounts(text):
        after = _YEAR_AFTER.match(text, m.end)
        before = _YEAR_BEFORE.search(text[max(0, m.start - 60) : m.start])
        if after is not None:
            years |= years_named(after.group(1))
        elif before is not None:
            years |= years_named(before.group(1))
    return years


# a case header's field, as a portal shows it in a row of its own ("Sagsnr. | 24/30211",
# "Sagsbehandler | Økonomi og Personale"): the case's filing, never an answer to its content
_CASE_HEADER_FIELD = re.compile(
    rf"\s*(?:{CASE_NUMBER_LABEL}|sags-?id|sagsbehandler|sagsansvarlig)\.?\s*:?\s*$",
    re.IGNORECASE,
)

_TOTAL_LABEL = re.compile(r"(?:i\s+alt|total|samlet|sum|i\s+alt\s+\S+)\.?", re.IGNORECASE)

TABLE_CAPTION_REACH = 200  # characters from a caption ("Tabel 2. Anlægsprogram") to its table
TABLE_UNIT_REACH = 2000  # characters from a table's unit header ("(1.000 kr.)") to a row


def _above_table(view: DocView, offset: int, with_header: bool) -> str:
    """The caption above the table holding `offset` (within `TABLE_CAPTION_REACH`), and its
    first row when `with_header`."""
    first = view.table_header(offset) or view.table_row(offset)
    if first is None:
        return ""
    end = first.end if with_header else first.start
    return view.text[max(0, first.start - TABLE_CAPTION_REACH) : end]


class DocumentPlaces:
    """Where a candidate sits in its document (its document's blocks and sections)."""

    def __init__(self, docs: DocumentCache) -> None:
        self.docs = docs

    def doc_date(self, c: Candidate) -> dt.date | None:
        """The day the candidate was written (its message's, in an e-mail thread)."""
        view = self.docs.get(c.doc_id)
        return view.written_on(c.start) if view is not None else None

    def case_header_field(self, c: Candidate) -> bool:
        """The candidate is a cell of a two-cell row naming the case's filing ("Sagsnr." |
        "24/30211")."""
        view = self.docs.get(c.doc_id)
        row = view.table_row(c.start) if view is not None else None
        if view is None or row is None:
            return False
        cells = view.text[row.start : row.end].split(TABLE_CELL_SEPARATOR)
        return len(cells) == 2 and bool(_CASE_HEADER_FIELD.match(cells[0]))

    def item_number(self, c: Candidate) -> str | None:
        view = self.docs.get(c.doc_id)
        item = agenda_item_at(view.record.sections, c.start) if view is not None else None
        return item.number if item is not None else None

    def other_row(self, a: Candidate, b: Candidate) -> bool:
        """Both are cells of a table, in different rows."""
        view = self.docs.get(a.doc_id)
        if view is None or a.doc_id != b.doc_id:
            return False
        row_a, row_b = view.table_row(a.start), view.table_row(b.start)
        return row_a is not None and row_b is not None and row_a.start != row_b.start

    def years_of(self, c: Candidate) -> set[int]:
        """The years a candidate names in its own words or, in a table, in its column's name
        ("Post | 2025 | 2026": a cell under "2025" is for 2025)."""
        years = years_named(c.text)
        view = self.docs.get(c.doc_id)
        if not years and view is not None and view.table_row(c.start) is None and c.index > 0:
            # "I vintersæsonen 2024-2025 var der 61 udkald … Det samlede forbrug udgjorde
            # 9,4 mio. kr.": the sentence before, in the same paragraph, sets the period
            before = view.sentences[c.index - 1]
            if "\n\n" not in view.text[before.end : c.start]:
                years = years_named(before.text)
        header = column_names_row(view, c.start) if view is not None else None
        if view is not None and header is not None and header.start != c.start:
            names = view.text[header.start : header.end].split(TABLE_CELL_SEPARATOR)
            row = view.table_row(c.start)
            column = view.text[row.start : c.start].count(TABLE_CELL_SEPARATOR) if row else 0
            whole_row = row is None or (c.start == row.start and c.end >= row.end)
            wanted = names if whole_row or column >= len(names) else [names[column]]
            years |= years_named(" ".join(wanted))
        return years

    def heading_years(self, c: Candidate) -> set[int]:
        """The years the heading of the section the candidate stands in names ("Kontingentmodel
        2026–2027" over "hver kommune betaler et grundbeløb på 300.000 kr."); none for a
        document's top section, whose title dates the paper, nor for a meeting's day."""
        view = self.docs.get(c.doc_id)
        sections = view.sections_at(c.start) if view is not None else []
        if view is None or len(sections) < 2:
            return set()
        title = sections[-1].title
        for day in reversed([d for d in find_dates(title) if d.precision == "day"]):
            # "Beslutning i Byrådet den 8. oktober 2025": the day of a meeting, no period
            title = title[: day.start] + title[day.end :]
        return years_named(title)

    def table_years(self, c: Candidate) -> set[int]:
        """The years its table's column names ("Takst 2025 | Beløb") or, lacking those, its
        caption ("Tabel 8. Klager 2023 og 2024") state, for any cell; empty outside tables."""
        view = self.docs.get(c.doc_id)
        row = view.table_row(c.start) if view is not None else None
        if view is None or row is None:
            return set()
        header = column_names_row(view, c.start)
        if header is not None:
            return years_named(view.text[header.start : header.end])
        return years_named(_above_table(view, c.start, with_header=False))

    def table_amount(self, c: Candidate) -> bool:
        """A table row whose bare figures are amounts by the table's unit header ("Udvalg
        (1.000 kr.)" over "Social- og Sundhedsudvalget 1.104.800 1.119.400 14.600")."""
        view = self.docs.get(c.doc_id)
        row = view.table_row(c.start) if view is not None else None
        if view is None or row is None:
            return False
        key = ("row_amounts", row.start)
        starts = view.cache.get(key)
        if starts is None:  # once per row: each cell of it asks again
            lo = max(0, row.start - TABLE_UNIT_REACH)
            mentions = find_amounts(view.text[lo : row.end])
            starts = [lo + m.start for m in mentions if lo + m.start >= row.start]
            below = unit_below(view, row.start) if not starts else None
            if below is not None:  # "Tabel 7.1: Anlægsudgifter i fase 3, mio. kr." under it
                starts = [m.start for m in amounts_under_unit(view, below, row)]
            view.cache[key] = starts
        return any(c.start <= start < c.end for start in starts)

    def opens_with_column_names(self, c: Candidate) -> bool:
        """The candidate stands in its table's column names row."""
        view = self.docs.get(c.doc_id)
        row = view.table_row(c.start) if view is not None else None
        if view is None or row is None:
            return False
        header = column_names_row(view, c.start)
        return header is not None and header.start == row.start

    def total_row(self, c: Candidate) -> bool:
        """The candidate stands in a table's total row ("I alt", "Total", "Samlet")."""
        view = self.docs.get(c.doc_id)
        row = view.table_row(c.start) if view is not None else None
        if view is None or row is None:
            return False
        label = view.text[row.start : row.end].split(TABLE_CELL_SEPARATOR, 1)[0]
        return _TOTAL_LABEL.fullmatch(label.strip(" *")) is not None

    def table_of(self, c: Candidate) -> tuple[str, int] | None:
        """The table a candidate stands in, by its column names row; None outside tables."""
        view = self.docs.get(c.doc_id)
        header = column_names_row(view, c.start) if view is not None else None
        return (c.doc_id, header.start) if header is not None else None

    def states_rate(self, doc_id: str, start: int, text: str, rate: re.Pattern[str]) -> bool:
        """The text states the asked rate ("pr. meter", "kr./m3"), or, for a table row, its
        table's caption and column names do ("Tabel 4. Timepriser …, kr. pr. leveret time")."""
        view = self.docs.get(doc_id)
        if view is not None and view.table_row(start) is not None:
            text = f"{_above_table(view, start, with_header=True)} {text}"
        return rate.search(text) is not None

    def in_table(self, c: Candidate) -> bool:
        view = self.docs.get(c.doc_id)
        return view is not None and view.table_row(c.start) is not None

    def beside_shown(self, c: Candidate, shown: list[tuple[str, int, int]]) -> bool:
        """The candidate stands in the outermost section (the agenda item, the chapter) of a
        span an earlier part showed, or in its document when that has no sections."""
        view = self.docs.get(c.doc_id)
        for doc_id, start, _end in shown:
            if doc_id != c.doc_id or view is None:
                continue
            outer = view.sections_at(start)
            if not outer or outer[0].start <= c.start < outer[0].end:
                return True
        return False

    def words_of(self, doc_id: str, start: int, end: int) -> str:
        view = self.docs.get(doc_id)
        return wording(view.text[start:end]) if view else ""

    def states_decision(self, c: Candidate) -> bool:
        """The sentence states a decision: by its words, because it stands in a
        "Beslutning ..." section, or because its document is a decision record (a steering
        group's log: "Udfasningen … udskydes til 2. kvartal 2027")."""
        view = self.docs.get(c.doc_id)
        return (
            (view is not None and view.record.meta.doc_type == "beslutning")
            or self.under_decision_heading(c)
            or self.after_decision_label(c)
            or bool(DECISION_WORDS.search(c.text))
        )

    def after_decision_label(self, c: Candidate) -> bool:
        """The sentence follows a "Beslutning:" label in its paragraph ("**Beslutning:** Der
        udarbejdes en fælles ansøgning …"): minutes that write the decision as a field, not
        under a heading, state it without a decision word."""
        view = self.docs.get(c.doc_id)
        if view is None:
            return False
        for i in range(c.index - 1, max(-1, c.index - 4), -1):
            s = view.sentences[i]
            if "\n\n" in view.text[s.end : view.sentences[i + 1].start]:
                return False
            if is_label(view.text, s.start, s.end):
                return is_decision_heading(s.text.strip("*: ").lower())
        return False

    def in_decision_section(self, c: Candidate) -> bool:
        """Its own (innermost) section is a "Beslutning" section."""
        view = self.docs.get(c.doc_id)
        sections = view.sections_at(c.start) if view else []
        return bool(sections) and is_decision_heading(sections[-1].title.lower())

    def under_decision_heading(self, c: Candidate) -> bool:
        """Some section around it is a "Beslutning" section (or the record is a decision)."""
        view = self.docs.get(c.doc_id)
        heads = [s.title.lower() for s in view.sections_at(c.start)] if view else []
        return any(is_decision_heading(h) for h in heads)

    def unquotable(self, c: Candidate) -> bool:
        """A heading, a line that is only a link, a label cut from its value ("Dato" of
        "**Dato**: 2025-02-02", cut so the quote stays verbatim), or a line of a table of
        contents, an attachment list or navigation: none says anything alone."""
        if only_link(c.text):
            return True
        view = self.docs.get(c.doc_id)
        if view is None:
            return False
        if is_label(view.text, c.start, c.end) or view.in_heading(c.start, c.end):
            return True
        return not view.in_prose(c.start)
