"""Danish date and period expressions, found with their exact offsets.

Municipal documents state dates as "7. juni 2021", "27-08-2025", "August 2005", but deadlines
mostly as periods ("senest september 2021", "i løbet af efteråret 2015", "uge 23", "inden årets
udgang", "primo 2016"). `find_dates` returns every such expression as a `DateMention` with the
first and last day of the period it names, so a deadline can be compared with any date. Missing
years (and the relative expressions) are resolved against a reference date, normally the
document's own date from `parse_document_date`.

Hand-written rules rather than a generic parser (e.g. dateparser): the generic parsers do not
know Danish periods (seasons, "primo", "uge 23", "kvartal") and happily turn case numbers and
amounts into dates.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["DateMention", "find_dates", "parse_document_date", "MONTHS", "MONTH_ABBREVIATIONS"]

MONTHS: dict[str, int] = {
    "januar": 1,
    "februar": 2,
    "marts": 3,
    "april": 4,
    "maj": 5,
    "juni": 6,
    "juli": 7,
    "august": 8,
    "september": 9,
    "oktober": 10,
    "november": 11,
    "december": 12,
}
# Abbreviations are accepted only next to an explicit year or day ("1. okt. 2015", "jan. 2021").
MONTH_ABBREVIATIONS: dict[str, int] = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "okt": 10,
    "nov": 11,
    "dec": 12,
}

_ORDINAL_WORDS = {"første": 1, "anden": 2, "andet": 2, "tredje": 3, "fjerde": 4, "sidste": 0}


@dataclass
class DateMention:
    """A date or period in a text.

    `date` is the first day of the period, `end_date` the last (equal for a single day).
    `qualifier` is the word(s) just before the expression ("senest", "inden", "i løbet af",
    "pr.", "fra", ...), lower-cased, because it decides whether a date is a deadline.
    `explicit_year` is False when the year came from the reference date.
    """

    start: int
    end: int
    text: str
    date: dt.date
    end_date: dt.date
    precision: str  # "day" | "week" | "month" | "quarter" | "half" | "season" | "year"
    qualifier: str | None = None
    explicit_year: bool = True


# A candidate before its year is known: `build(year)` returns (first, last) or None if invalid.
@dataclass
class _Candidate:
    start: int
    end: int
    precision: str
    year: int | None
    build: Callable[[int], tuple[dt.date, dt.date] | None]
    relative: bool = False  # year comes from the reference date by definition ("i år")
    year_offset: int = 0  # "næste år" = reference year + 1


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _month_span(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), _last_day(year, month)


def _day(year: int, month: int, day: int) -> tuple[dt.date, dt.date] | None:
    try:
        d = dt.date(year, month, day)
    except ValueError:
        return None
    return d, d


def _year_ok(year: int) -> bool:
    return 1900 <= year <= 2100


def _season_span(name: str, year: int) -> tuple[dt.date, dt.date]:
    """Meteorological seasons (DMI): spring Mar-May, summer Jun-Aug, autumn Sep-Nov,
    winter Dec-Feb (the winter of 2015 starts in December 2015)."""
    if name == "forår":
        return dt.date(year, 3, 1), dt.date(year, 5, 31)
    if name == "sommer":
        return dt.date(year, 6, 1), dt.date(year, 8, 31)
    if name == "efterår":
        return dt.date(year, 9, 1), dt.date(year, 11, 30)
    return dt.date(year, 12, 1), _last_day(year + 1, 2)


def _part_of_month(part: str, year: int, month: int) -> tuple[dt.date, dt.date]:
    """primo/medio/ultimo of a month: days 1-10, 11-20, 21-end."""
    last = _last_day(year, month)
    if part == "primo":
        return dt.date(year, month, 1), dt.date(year, month, 10)
    if part == "medio":
        return dt.date(year, month, 11), dt.date(year, month, 20)
    return dt.date(year, month, 21), last


def _part_of_year(part: str, year: int) -> tuple[dt.date, dt.date]:
    """primo/medio/ultimo of a year: January, June-July, December."""
    if part == "primo":
        return _month_span(year, 1)
    if part == "medio":
        return dt.date(year, 6, 1), dt.date(year, 7, 31)
    return _month_span(year, 12)


_PART_WORDS = {
    "primo": "primo",
    "medio": "medio",
    "ultimo": "ultimo",
    "starten af": "primo",
    "start af": "primo",
    "begyndelsen af": "primo",
    "midten af": "medio",
    "slutningen af": "ultimo",
    "afslutningen af": "ultimo",
}

_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_ABBR_RE = "|".join(sorted(MONTH_ABBREVIATIONS, key=len, reverse=True))
_YEAR = r"(?:19|20)\d\d"
_PART_RE = (
    r"primo|medio|ultimo|starten\s+af|start\s+af|begyndelsen\s+af|midten\s+af|"
    r"slutningen\s+af|afslutningen\s+af"
)
_NO_DIGIT_AFTER = r"(?![\d]|[.,]\d)"

_FLAGS = re.IGNORECASE


def _norm_ws(s: str) -> str:
    return re.sub(r"\s+", " ", s.strip().lower())


def _month_of(word: str) -> int | None:
    w = word.lower().rstrip(".")
    return MONTHS.get(w) or MONTH_ABBREVIATIONS.get(w)


def _explicit_year(s: str | None) -> int | None:
    if not s:
        return None
    y = int(s)
    return y if _year_ok(y) else None


# --- patterns ------------------------------------------------------------------------------

_ISO = re.compile(r"(?<![\d-])(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
_NUMERIC = re.compile(r"(?<![\d.,/-])(\d{1,2})([-./])(\d{1,2})\2(\d{4}|\d{2})" + _NO_DIGIT_AFTER)
_SPACED = re.compile(r"(?<![\d.,/-])(\d{1,2})\. (\d{1,2})\. (\d{4})(?!\d)")  # "14. 2. 2022"
# "20-21. 5. 2026", "20.-21.5.2026": two days of one numeric month
_SPACED_RANGE = re.compile(r"(?<![\d.,/-])(\d{1,2})\.?[-–](\d{1,2})\. ?(\d{1,2})\. ?(\d{4})(?!\d)")
_SLASH = re.compile(r"(?<![\d.,/-])(\d{1,2})/(\d{1,2})[- ](" + _YEAR + r")(?!\d)")
_DAY_RANGE = re.compile(
    r"(?<![\d.,])(\d{1,2})\.?\s*[-–]\s*(\d{1,2})\.?\s*("
    + _MONTH_RE
    + r")\b(?:\s+("
    + _YEAR
    + r")\b)?",
    _FLAGS,
)
_DAY_MONTH = re.compile(
    r"(?<![\d.,])(\d{1,2})(?:\.\s*|\s+)("
    + _MONTH_RE
    + r"\b|(?:"
    + _ABBR_RE
    + r")\.)(?:\s*(?:,\s*)?("
    + _YEAR
    + r")(?!\d))?",
    _FLAGS,
)
_MONTH_YEAR = re.compile(
    r"(?:\b("
    + _PART_RE
    + r")\s+)?\b("
    + _MONTH_RE
    + r")(?:\s+måned)?\b(?:\s+("
    + _YEAR
    + r")(?!\d))?",
    _FLAGS,
)
_ABBR_YEAR = re.compile(r"\b(" + _ABBR_RE + r")\.?\s+(" + _YEAR + r")(?!\d)", _FLAGS)
_SEASON = re.compile(
    r"\b(forår|sommer|efterår|vinter)(?:et|en|ets|ens)?\b(?:\s+("
    + _YEAR
    + r")(?:\s*/\s*(\d{2}|\d{4}))?(?!\d))?",
    _FLAGS,
)
_QUARTER = re.compile(
    r"(?:\b(første|andet|anden|tredje|fjerde|sidste)|(?<![\d.,])([1-4])\.)\s*(?:kvartal|kvt\.?)(?![a-zæøå])"
    r"(?:\s+(?:af\s+|i\s+)?(" + _YEAR + r")(?!\d))?"
    r"|\bQ([1-4])\s*[-/]?\s*(" + _YEAR + r")(?!\d)",
    _FLAGS,
)
_HALF = re.compile(
    r"(?:\b(første|andet|anden|sidste)|(?<![\d.,])([12])\.)\s*(?:halvår(?:et)?\b|halvdel\s+af\b)"
    r"(?:\s+(?:af\s+|i\s+)?(" + _YEAR + r")(?!\d))?",
    _FLAGS,
)
_WEEK = re.compile(
    r"\buge(?:\s+nr\.)?\s*(\d{1,2})(?:\s*[-–]\s*(\d{1,2}))?(?:(?:\s*,\s*|\s*/\s*|\s+i\s+|\s+)("
    + _YEAR
    + r"))?(?!\d)",
    _FLAGS,
)
_END_OF = re.compile(
    r"\b(?:udgangen|udløbet)\s+af\s+(?:(året|indeværende\s+år|måneden)|("
    + _MONTH_RE
    + r")(?:\s+måned)?(?:\s+("
    + _YEAR
    + r"))?|(?:år(?:et)?\s+)?("
    + _YEAR
    + r"))(?!\d)",
    _FLAGS,
)
_FIRST_MONTHS = re.compile(
    r"\b(?:de\s+)?(første|sidste)\s+(?:par\s+)?måneder\s+(?:af|i)\s+(" + _YEAR + r")(?!\d)", _FLAGS
)
_YEARS_END = re.compile(r"\b(?:årets|årsskiftet)\b(?:\s+(?:udgang|afslutning|slutning)\b)?", _FLAGS)
_RELATIVE_YEAR = re.compile(
    r"\b(?:i\s+(?:år|indeværende\s+år)|i\s+løbet\s+af\s+året|næste\s+år|sidste\s+år)\b", _FLAGS
)
_PART_YEAR = re.compile(r"\b(" + _PART_RE + r")\s+(" + _YEAR + r")(?!\d)", _FLAGS)
_YEAR_TRIGGER = (
    r"(?:i|fra|til|inden|senest|før|efter|ved|per|pr\.|for|gennem|siden|perioden|året|år|"
    r"budgetåret|regnskabsåret|løbet\s+af|mellem|og|primo|medio|ultimo|frem\s+mod|indtil)"
)
_BARE_YEAR = re.compile(
    r"\b"
    + _YEAR_TRIGGER
    + r"\s+("
    + _YEAR
    + r")(?:\s*[-–]\s*("
    + _YEAR
    + r"|\d{2}))?(?![\d.,]\d|\d)",
    _FLAGS,
)


def _candidates(text: str) -> list[_Candidate]:
    out: list[_Candidate] = []

    for m in _ISO.finditer(text):
        y, mo, d = int(m[1]), int(m[2]), int(m[3])
        if _year_ok(y) and _day(y, mo, d):
            out.append(
                _Candidate(m.start(), m.end(), "day", y, lambda yy, mo=mo, d=d: _day(yy, mo, d))
            )

    for m in _NUMERIC.finditer(text):
        d, mo, ys = int(m[1]), int(m[3]), m[4]
        if len(ys) == 2:
            if m[2] == "/":
                continue
            y = 2000 + int(ys) if int(ys) < 70 else 1900 + int(ys)
        else:
            y = int(ys)
        if _year_ok(y) and _day(y, mo, d):
            out.append(
                _Candidate(m.start(), m.end(), "day", y, lambda yy, mo=mo, d=d: _day(yy, mo, d))
            )

    for m in _SPACED.finditer(text):
        d, mo, y = int(m[1]), int(m[2]), int(m[3])
        if _year_ok(y) and _day(y, mo, d):
            out.append(
                _Candidate(m.start(), m.end(), "day", y, lambda yy, mo=mo, d=d: _day(yy, mo, d))
            )

    for m in _SLASH.finditer(text):
        d, mo, y = int(m[1]), int(m[2]), int(m[3])
        if _day(y, mo, d):
            out.append(
                _Candidate(m.start(), m.end(), "day", y, lambda yy, mo=mo, d=d: _day(yy, mo, d))
            )

    numeric_ranges = [(int(m[1]), int(m[2]), int(m[3]), m) for m in _SPACED_RANGE.finditer(text)]
    named_ranges = [
        (int(m[1]), int(m[2]), MONTHS[m[3].lower()], m) for m in _DAY_RANGE.finditer(text)
    ]
    for d1, d2, mo, m in numeric_ranges + named_ranges:
        if not d1 < d2:
            continue

        def build(yy: int, d1=d1, d2=d2, mo=mo) -> tuple[dt.date, dt.date] | None:
            a, b = _day(yy, mo, d1), _day(yy, mo, d2)
            return (a[0], b[0]) if a and b else None

        out.append(_Candidate(m.start(), m.end(), "day", _explicit_year(m[4]), build))

    for m in _DAY_MONTH.finditer(text):
        mo = _month_of(m[2])
        if mo is None:
            continue
        d = int(m[1])
        out.append(
            _Candidate(
                m.start(),
                m.end(),
                "day",
                _explicit_year(m[3]),
                lambda yy, mo=mo, d=d: _day(yy, mo, d),
            )
        )

    for m in _MONTH_YEAR.finditer(text):
        mo = MONTHS[m[2].lower()]
        year = _explicit_year(m[3])
        # A bare capitalised month name may be a person ("August"); require lower case.
        if year is None and not m[2].islower():
            continue
        part = _PART_WORDS[_norm_ws(m[1])] if m[1] else None
        if part:
            b = lambda yy, mo=mo, part=part: _part_of_month(part, yy, mo)  # noqa: E731
        else:
            b = lambda yy, mo=mo: _month_span(yy, mo)  # noqa: E731
        out.append(_Candidate(m.start(), m.end(), "month", year, b))

    for m in _ABBR_YEAR.finditer(text):
        mo = MONTH_ABBREVIATIONS[m[1].lower()]
        out.append(
            _Candidate(
                m.start(), m.end(), "month", int(m[2]), lambda yy, mo=mo: _month_span(yy, mo)
            )
        )

    for m in _SEASON.finditer(text):
        name = m[1].lower()
        year = _explicit_year(m[2])
        if year is None and not m[1].islower():
            continue
        out.append(
            _Candidate(
                m.start(), m.end(), "season", year, lambda yy, name=name: _season_span(name, yy)
            )
        )

    for m in _QUARTER.finditer(text):
        if m[4]:
            q, year = int(m[4]), int(m[5])
        else:
            q = _ORDINAL_WORDS[m[1].lower()] if m[1] else int(m[2])
            q = q or 4
            year = _explicit_year(m[3])

        def qb(yy: int, q=q) -> tuple[dt.date, dt.date]:
            return dt.date(yy, 3 * q - 2, 1), _last_day(yy, 3 * q)

        out.append(_Candidate(m.start(), m.end(), "quarter", year, qb))

    for m in _HALF.finditer(text):
        h = _ORDINAL_WORDS[m[1].lower()] if m[1] else int(m[2])
        h = h or 2

        def hb(yy: int, h=h) -> tuple[dt.date, dt.date]:
            return (
                (dt.date(yy, 1, 1), dt.date(yy, 6, 30))
                if h == 1
                else (
                    dt.date(yy, 7, 1),
                    dt.date(yy, 12, 31),
                )
            )

        out.append(_Candidate(m.start(), m.end(), "half", _explicit_year(m[3]), hb))

    for m in _WEEK.finditer(text):
        w1 = int(m[1])
        w2 = int(m[2]) if m[2] else w1

        def wb(yy: int, w1=w1, w2=w2) -> tuple[dt.date, dt.date] | None:
            try:
                return dt.date.fromisocalendar(yy, w1, 1), dt.date.fromisocalendar(yy, w2, 7)
            except ValueError:
                return None

        if 1 <= w1 <= 53 and w1 <= w2 <= 53:
            out.append(_Candidate(m.start(), m.end(), "week", _explicit_year(m[3]), wb))

    for m in _END_OF.finditer(text):
        if m[1]:
            if m[1].lower().startswith("måned"):
                # "udgangen af måneden": needs the reference month; handled in _resolve via year.
                continue
            out.append(
                _Candidate(
                    m.start(),
                    m.end(),
                    "day",
                    None,
                    lambda yy: (dt.date(yy, 12, 31),) * 2,
                    relative=True,
                )
            )
        elif m[2]:
            mo = MONTHS[m[2].lower()]
            out.append(
                _Candidate(
                    m.start(),
                    m.end(),
                    "day",
                    _explicit_year(m[3]),
                    lambda yy, mo=mo: (_last_day(yy, mo),) * 2,
                )
            )
        else:
            y = int(m[4])
            out.append(
                _Candidate(m.start(), m.end(), "day", y, lambda yy: (dt.date(yy, 12, 31),) * 2)
            )

    for m in _FIRST_MONTHS.finditer(text):
        q = 1 if m[1].lower() == "første" else 4

        def fm(yy: int, q=q) -> tuple[dt.date, dt.date]:
            return dt.date(yy, 3 * q - 2, 1), _last_day(yy, 3 * q)

        out.append(_Candidate(m.start(), m.end(), "quarter", int(m[2]), fm))

    for m in _YEARS_END.finditer(text):
        if m.group(0).lower().startswith("årets") and m.end() - m.start() <= len("årets"):
            continue  # plain "årets" ("årets budget") is not a date
        out.append(
            _Candidate(
                m.start(),
                m.end(),
                "day",
                None,
                lambda yy: (dt.date(yy, 12, 31),) * 2,
                relative=True,
            )
        )

    for m in _RELATIVE_YEAR.finditer(text):
        s = _norm_ws(m.group(0))
        offset = 1 if s.startswith("næste") else -1 if s.startswith("sidste") else 0
        out.append(
            _Candidate(
                m.start(),
                m.end(),
                "year",
                None,
                lambda yy: (dt.date(yy, 1, 1), dt.date(yy, 12, 31)),
                relative=True,
                year_offset=offset,
            )
        )

    for m in _PART_YEAR.finditer(text):
        part = _PART_WORDS[_norm_ws(m[1])]
        out.append(
            _Candidate(
                m.start(),
                m.end(),
                "month",
                int(m[2]),
                lambda yy, part=part: _part_of_year(part, yy),
            )
        )

    for m in _BARE_YEAR.finditer(text):
        y1 = int(m[1])
        y2 = y1
        if m[2]:
            y2 = int(m[2]) if len(m[2]) == 4 else (y1 // 100) * 100 + int(m[2])
            if not y1 < y2 <= y1 + 50:
                y2 = y1
        end = m.end() if y2 != y1 else m.end(1)
        out.append(
            _Candidate(
                m.start(1),
                end,
                "year",
                y1,
                lambda yy, span=y2 - y1: (dt.date(yy, 1, 1), dt.date(yy + span, 12, 31)),
            )
        )
    return out


def _select(cands: list[_Candidate]) -> list[_Candidate]:
    """Earliest, then longest candidate wins; overlapping ones are dropped."""
    chosen: list[_Candidate] = []
    last_end = -1
    for c in sorted(cands, key=lambda c: (c.start, -(c.end - c.start))):
        if c.start >= last_end:
            chosen.append(c)
            last_end = c.end
    return chosen


_CONNECTOR = re.compile(r"\s*(?:og|eller|til|,|-|–|/)\s*$", _FLAGS)
_QUALIFIER = re.compile(
    r"\b(senest(?:\s+den|\s+d\.)?|inden(?:\s+den|\s+d\.)?|før(?:\s+den|\s+d\.)?|i\s+løbet\s+af|"
    r"frem\s+til|frem\s+mod|indtil|fra(?:\s+og\s+med)?(?:\s+den|\s+d\.)?|til\s+og\s+med|"
    r"med|ved|pr\.?|per|til|efter|omkring|i|den|d\.|siden|primo|medio|ultimo)\s*$",
    _FLAGS,
)


def _qualifier(text: str, start: int) -> str | None:
    m = _QUALIFIER.search(text[max(0, start - 30) : start])
    return _norm_ws(m.group(1)) if m else None


def iso_date(value: str | None) -> dt.date | None:
    """A stored ISO date ("2025-09-10", or its first ten characters) as a date; None when
    missing or malformed."""
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def find_dates(text: str, ref: dt.date | None = None) -> list[DateMention]:
    """All date and period expressions in `text`, in order of appearance.

    Expressions without a year ("7. juni", "til september", "uge 23", "inden årets udgang")
    take it from a directly following dated expression ("april og juni 2021") or else from
    `ref`; without `ref` they are left out.
    """
    chosen = _select(_candidates(text))
    out: list[DateMention] = []
    for i, c in enumerate(chosen):
        year, explicit = c.year, True
        if year is None:
            explicit = False
            nxt = chosen[i + 1] if i + 1 < len(chosen) else None
            prev = chosen[i - 1] if i > 0 else None
            if (
                not c.relative
                and nxt is not None
                and nxt.year is not None
                and _CONNECTOR.fullmatch(text[c.end : nxt.start])
            ):
                year = nxt.year
            elif (
                not c.relative
                and prev is not None
                and prev.year is not None
                and prev.precision == c.precision
                and _CONNECTOR.fullmatch(text[prev.end : c.start])
            ):
                year = prev.year
            elif ref is not None:
                year = ref.year + c.year_offset
        if year is None:
            continue
        span = c.build(year)
        if span is None:
            continue
        out.append(
            DateMention(
                start=c.start,
                end=c.end,
                text=text[c.start : c.end],
                date=span[0],
                end_date=span[1],
                precision=c.precision,
                qualifier=_qualifier(text, c.start),
                explicit_year=explicit,
            )
        )
    return out


_DEADLINE_BEFORE = re.compile(r"(frist|senest|inden|før)\W*(?:d\.|den)?\s*$", _FLAGS)


def parse_document_date(text: str, limit: int = 600) -> DateMention | None:
    """The document's own date: the first dated day or month with an explicit year near the top.

    Deadlines ("Ansøgningsfrist d. 18. maj 2015", "senest ...") are skipped: they are dates
    the document mentions, not the date it was written.
    """
    head = text[:limit]
    for m in find_dates(head):
        if not m.explicit_year or m.precision not in ("day", "month"):
            continue
        if _DEADLINE_BEFORE.search(head[max(0, m.start - 25) : m.start]):
            continue
        if m.text.lower().startswith("udgangen") or m.qualifier == "frem mod":
            continue  # "frem mod udgangen af 2028": a plan's horizon, not its date
        if head[max(0, m.start - 1) : m.start] == "(":
            continue  # "(juni 2016)" dates a referenced title, not this document
        # A date cut off by the limit ("7. juni" of "7. juni 2021") would lose its year.
        if m.end >= len(head) and len(text) > len(head):
            full = find_dates(text[: m.end + 20])
            m = next((f for f in full if f.start == m.start), m)
        return m
    return None
