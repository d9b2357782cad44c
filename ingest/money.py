"""Amounts of money in Danish text, normalised to DKK, with their exact offsets.

Danish writes "1,5 mio. kr.", "600.000 kr.", "5 mill. kr.", "DKK 50.000", "kr. 20.000,-",
"650 DKK/time", "1-2 mio. kr.", "500 t.kr.", and tables whose header says "(1.000 kr.)" while the
rows hold bare numbers. A number counts as money only next to a currency or a money scale
("mio.", "mia."), or inside such a table, so years, percentages, case numbers, phone numbers and
head counts ("650 ansatte") are never amounts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.dates import MONTHS

__all__ = ["MoneyMention", "find_amounts", "parse_number"]


@dataclass
class MoneyMention:
    """One amount. For a range ("1-2 mio. kr.") `amount_dkk` is the low end and `high` the
    high end; otherwise `low == high == amount_dkk`. `per` is the unit it is paid per ("time",
    "år", "måned", "borger", ...). `from_table_header` marks bare numbers scaled by a table's
    "(1.000 kr.)" header."""

    start: int
    end: int
    text: str
    amount_dkk: float
    per: str | None = None
    low: float | None = None
    high: float | None = None
    currency_explicit: bool = True
    from_table_header: bool = False


_FLAGS = re.IGNORECASE

# 1.500.000 | 1 500 000 | 1,5 | 600 | 20.000,- | ½
_NUM = (
    r"(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?:[ \u00a0]\d{3})+(?:,\d+)?|\d+(?:,\d+)?|½)"
    r"(?:,-+|,00)?"
)
_NUM_WORDS = {
    "en": 1, "et": 1, "to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6, "syv": 7, "otte": 8,
    "ni": 9, "ti": 10, "halv": 0.5, "en halv": 0.5,
}  # fmt: skip
_NUM_WORD_RE = r"(?:en\s+halv|en|et|to|tre|fire|fem|seks|syv|otte|ni|ti|halv)"
_SCALE = (
    r"(?:milliard(?:er)?|million(?:er)?|mia\.?|mio\.?|mill\.?|mil\.|"
    r"t\.\s?kr\.?|tkr\.?|tusinde?|td\.)(?![a-zæøå])"
)
_CUR = r"(?:kr\.?(?![a-zæøå])|kroner|dkr\.?|dkk)"
_RANGE_SEP = r"\s*(?:-|–|til)\s*"
_PER = (
    r"(?:\s*/\s*|\s+pr\.\s*|\s+per\s+|\s+om\s+|\s+i\s+)"
    r"(timen|time|året|år|måneden|måned|md\.|ugen|uge|dagen|dag|døgnet|døgn|deltager|borger|"
    r"barn|elev|medarbejder|person|plads|pladser|stk\.|m2|m²|kvm\.?|indbygger|bolig|sag)"
    r"(?![a-zæøå])"
    r"|\s+(årligt|månedligt|ugentligt|dagligt)\b"
)
_PER_NORMAL = {
    "timen": "time", "året": "år", "måneden": "måned", "md.": "måned", "ugen": "uge",
    "dagen": "dag", "døgnet": "døgn", "pladser": "plads", "stk.": "stk", "m²": "m2",
    "kvm": "m2", "kvm.": "m2", "årligt": "år", "månedligt": "måned", "ugentligt": "uge",
    "dagligt": "dag",
}  # fmt: skip

# no digit, word or range dash before an amount; a minus sign after a space or a cell
# boundary is its sign ("-180.000 kr." in a table of reductions)
_LEAD = r"(?<![\w.,/])(?<![\w.,/]-)"
# NUM [- NUM] [scale] cur  |  NUM [- NUM] scale (no currency, money words only after)
_AFTER = re.compile(
    _LEAD
    + r"(?:(?P<mellem>mellem\s+)?(?P<lo>"
    + _NUM
    + r")(?:(?(mellem)\s*(?:og|-|–)\s*|"
    + _RANGE_SEP
    + r")(?P<hi>"
    + _NUM
    + r"))?|(?P<word>"
    + _NUM_WORD_RE
    + r"))"
    r"\s*(?P<scale>" + _SCALE + r")?\s*(?P<cur>" + _CUR + r")?",
    _FLAGS,
)
# cur NUM [scale]: "DKK 50.000", "kr. 20.000,-", "kr. 1,5 mio."
_BEFORE = re.compile(
    r"(?<![\w.])(?P<cur>kr\.|kroner|dkk|dkr\.)\s*(?P<lo>"
    + _NUM
    + r")(?:"
    + _RANGE_SEP
    + r"(?P<hi>"
    + _NUM
    + r"))?(?:\s*(?P<scale>"
    + _SCALE
    + r"))?(?![\d])",
    _FLAGS,
)
# A money scale without currency is money only when no noun follows ("1,5 mio. til dette",
# but not "1,2 mio. indbyggere").
_SCALE_ONLY_OK_AFTER = re.compile(
    r"\s*(?:$|[.,;:)\n]|til\b|af\s+til\b|i\b|om\b|pr\.|per\b|og\b|eller\b|årligt\b|samlet\b|ekstra\b|"
    r"afsat\b|afsættes\b|bevilget\b|bevilges\b|fra\b|over\b|netto\b|brutto\b)",
    _FLAGS,
)


_YEAR_RE = re.compile(r"(?:19|20)\d\d")


def parse_number(s: str) -> float | None:
    """Danish number to float: '1.500.000' -> 1500000, '2,75' -> 2.75, '20.000,-' -> 20000."""
    s = s.strip().replace("\u00a0", " ")
    if s == "½":
        return 0.5
    s = re.sub(r",-+$|,00$", "", s)
    if not s:
        return None
    s = s.replace(" ", "").replace(".", "").replace(",", ".")
    try:
        return float(s)
    except ValueError:
        return None


def _scale_factor(scale: str | None) -> float:
    if not scale:
        return 1.0
    s = scale.lower().replace(" ", "")
    if s.startswith(("mia", "milliard")):
        return 1e9
    if s.startswith(("mio", "mill", "mil.", "million")):
        return 1e6
    return 1e3  # t.kr., tkr., tusind, td.


def _per_after(text: str, end: int) -> tuple[str | None, int]:
    m = re.match(_PER, text[end:], _FLAGS)
    if not m:
        return None, end
    word = (m.group(1) or m.group(2)).lower()
    return _PER_NORMAL.get(word, word), end + m.end()


def _inline(text: str) -> list[MoneyMention]:
    found: list[MoneyMention] = []
    for m in _AFTER.finditer(text):
        scale, cur = m["scale"], m["cur"]
        if not scale and not cur:
            continue
        scale_l = (scale or "").lower().replace(" ", "")
        unit_has_currency = scale_l.startswith(("t.kr", "tkr"))
        if scale_l.startswith(("tusind", "td.")) and not cur:
            continue  # "5 tusind borgere"
        if not cur and not unit_has_currency and not _SCALE_ONLY_OK_AFTER.match(text, m.end()):
            continue  # "1,2 mio. indbyggere"
        start = m.start()
        if m["word"]:
            if _scale_factor(scale) < 1e6:
                continue
            lo: float | None = _NUM_WORDS[re.sub(r"\s+", " ", m["word"].lower())]
            hi = None
        else:
            lo = parse_number(m["lo"])
            hi = parse_number(m["hi"]) if m["hi"] else None
            if hi is not None and _YEAR_RE.fullmatch(m["lo"].strip()):
                # "fra 2006 til 11 mill. kr.": the year is not the low end of a range.
                start, lo, hi = m.start("hi"), hi, None
            elif not scale and hi is None and _YEAR_RE.fullmatch(m["lo"].strip()):
                continue  # "2025 kr." is rarely money; "kr. 2025" in a table header never
        if lo is None:
            continue
        factor = _scale_factor(scale)
        end = m.end()
        while end > start and text[end - 1].isspace():
            end -= 1  # do not swallow trailing whitespace into the mention
        per, end = _per_after(text, end)
        low = lo * factor
        high = hi * factor if hi is not None else low
        if high < low:
            continue
        found.append(
            MoneyMention(
                start=start,
                end=end,
                text=text[start:end],
                amount_dkk=low,
                per=per,
                low=low,
                high=high,
                currency_explicit=bool(cur) or unit_has_currency,
            )
        )
    for m in _BEFORE.finditer(text):
        lo_s = m["lo"].strip()
        if _YEAR_RE.fullmatch(lo_s) and not m["scale"]:
            continue
        lo = parse_number(lo_s)
        hi = parse_number(m["hi"]) if m["hi"] else None
        if lo is None:
            continue
        factor = _scale_factor(m["scale"])
        per, end = _per_after(text, m.end())
        low = lo * factor
        high = hi * factor if hi is not None else low
        found.append(
            MoneyMention(
                start=m.start(),
                end=end,
                text=text[m.start() : end],
                amount_dkk=low,
                per=per,
                low=low,
                high=high,
            )
        )
    return found


_TABLE_HEADER = re.compile(
    r"(?:\(\s*|\b(?:beløb|tal|alle\s+tal|udgifter)\s+)?(?:i\s+)?"
    r"(?<![\wæøå])(?P<unit>1\.000\s*kr\.?|t\.\s?kr\.?|tkr\.?|mio\.\s*kr\.?|mill\.\s*kr\.?|"
    r"kr\.?(?=\s*[,)]))"
    r"(?![a-zæøå])(?:\s*\))?",
    _FLAGS,
)
_DAY_OF_MONTH = re.compile(r"\.\s*(?:" + "|".join(MONTHS) + r")\b", re.IGNORECASE)
_TABLE_NUMBER = re.compile(r"(?<![\w.,/-])-?\d{1,3}(?:\.\d{3})*(?:,\d+)?(?![\w/]|[.,]\d)")
_WORD = re.compile(r"[A-Za-zÆØÅæøåÉé][\wÆØÅæøå-]*")
_YEAR_OR_UNIT = re.compile(r"\b(?:19|20)\d\d\b|\b1\.000\b")


def _headers(text: str) -> list[re.Match[str]]:
    """Table unit headers: "(1.000 kr.)", "i 1.000 kr." at a line end, "t.kr." or "mio. kr."
    with no number before them, or "1.000 kr." alone on its line."""
    out = []
    for m in _TABLE_HEADER.finditer(text):
        # a number wrapped onto the line before ("mellem 0,7 – 1,7" + "mio. kr.") is its
        # amount; a table's last cell above a caption ("16.650" + "Beløb i 1.000 kr.") is not
        line_start = text.rfind("\n", 0, m.start()) + 1
        previous = text[text.rfind("\n", 0, max(line_start - 1, 0)) + 1 : line_start]
        wrapped = previous.strip() and "\t" not in previous
        before = text[max(0 if wrapped else line_start, m.start() - 12) : m.start()]
        year_caption = m.group(0).startswith("(") and re.search(r"\b(?:19|20)\d\d\s*$", before)
        if not year_caption and re.search(
            r"(?:\d[\d.,]*|½|\b" + _NUM_WORD_RE + r")\s*$", before, _FLAGS
        ):
            continue  # ("Budget 2025-2028 (1.000 kr.)" is a caption: a year is no amount)
        if re.search(r"\b(?:kr|kroner|dkk)\.?\s*$", before, _FLAGS):
            continue  # "2,235 kr. mio. kr.": a unit written twice, not a table's header
        g = m.group(0)
        if m["unit"].lower().startswith("kr") and not g.startswith("("):
            continue  # plain kroner only as a caption's "(kr., 2026-priser)"
        if m["unit"].startswith("1.000"):
            line_end = text.find("\n", m.end())
            line_end = len(text) if line_end < 0 else line_end
            alone = text[line_start : m.start()].strip() == "" and re.fullmatch(
                r"[\s\d)]*", text[m.end() : line_end]
            )
            # a header row's first cell names the unit of the figures below ("1.000 kr.\t2025")
            alone = alone or _own_cell(text, m.start(), m.end())
            # "(1.000 kr.)", "(beløb i 1.000 kr.)": the figures' unit, in brackets or named
            in_parens = (
                g.lstrip().startswith("(")
                or text[: m.start()].rstrip().endswith("(")
                or re.match(r"\s*(?:beløb|tal|alle\s+tal|udgifter)\s", g, _FLAGS) is not None
            )
            before_i = re.search(r"\bi\s*$", text[max(0, m.start() - 3) : m.start()])
            if not (in_parens or alone or before_i or re.match(r"\s*i\b", g, _FLAGS)):
                continue
        out.append(m)
    return out


def _table_amounts(text: str, taken: list[tuple[int, int]]) -> list[MoneyMention]:
    """Bare numbers after a "(1.000 kr.)"-style header, until prose resumes. A header row
    with one unit per column ("Budget (mio. kr.)", "Forventet (mio. kr.)") reads its table
    once: each cell is one amount."""
    found: list[MoneyMention] = []
    seen: set[int] = set()
    for h in _headers(text):
        unit = h["unit"].lower()
        factor = 1.0 if unit.startswith("kr") else 1e3 if "1.000" in unit or unit[0] == "t" else 1e6
        start = _after_caption(text, h.end()) if h.group(0).startswith("(") else h.end()
        spans = [(start, min(len(text), start + 1500))]
        if above := _table_above(text, h.start()):
            # "Beløb i 1.000 kr." as the caption under its table; prose follows it
            spans = [above] + (spans if "\t" in _next_line(text, h.end()) else [])
        for pos, limit in spans:
            found += _scaled_numbers(text, pos, limit, factor, taken, seen)
    return found


def _after_caption(text: str, pos: int) -> int:
    """Where a table's figures can start after its bracketed unit at `pos`: the next line
    when the caption goes on after the brackets ("Månedlige takster (kr.), 11 måneder om
    året": the 11 is no amount, and the caption's words are no row); a row flattened onto the
    caption's line ("Beløb (1.000 kr.) 2025 2026 Anlæg 0,7 …") goes on with a figure."""
    line_end = text.find("\n", pos)
    line_end = len(text) if line_end < 0 else line_end
    rest = text[pos:line_end].lstrip()
    if "\t" not in rest and re.match(r"[,;:]|[^\W\d_]", rest):
        return min(len(text), line_end + 1)
    return pos


def _table_above(text: str, pos: int) -> tuple[int, int] | None:
    """The rows (tab-separated cells) right above a caption line at `pos`, blank lines
    between allowed; None when the caption follows prose."""
    line_start = text.rfind("\n", 0, pos) + 1
    if text[line_start:pos].strip():
        return None
    end = len(text[:line_start].rstrip())
    start = end
    while start > 0:
        prev = text.rfind("\n", 0, start - 1) + 1
        if "\t" not in text[prev:start]:
            break
        start = prev
    return (start, end) if start < end else None


def _next_line(text: str, pos: int) -> str:
    """The first non-blank line after the line holding `pos`."""
    end = text.find("\n", pos)
    rest = text[end + 1 :] if end >= 0 else ""
    return next((line for line in rest.split("\n") if line.strip()), "")


def _cell_around(text: str, start: int, end: int) -> str | None:
    """The stripped cell of a tab-separated row that holds `text[start:end]`, or None when
    its line is no table row."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if "\t" not in text[line_start:line_end]:
        return None
    cell_start = max(text.rfind("\t", line_start, start) + 1, line_start)
    cell_end = text.find("\t", end, line_end)
    cell_end = line_end if cell_end < 0 else cell_end
    return text[cell_start:cell_end].strip()


# what may follow a unit in its own header cell: a note in brackets ("1.000 kr. (2026-priser)",
# "(ekskl. moms)")
_UNIT_NOTE = re.compile(r"\s*\([^()]*\)\s*")


def _own_cell(text: str, start: int, end: int) -> bool:
    """`text[start:end]` is a whole cell of a tab-separated row, or that cell is the unit with
    a note in brackets ("1.000 kr. (2026-priser)")."""
    cell = _cell_around(text, start, end)
    unit = text[start:end].strip()
    if cell is None or not cell.startswith(unit):
        return False
    rest = cell[len(unit) :]
    return not rest or _UNIT_NOTE.fullmatch(rest) is not None


def _whole_cell(text: str, start: int, end: int) -> bool:
    """In a tab-separated row a number is an amount only as a cell of its own ("etape 2")."""
    cell = _cell_around(text, start, end)
    return cell is None or cell == text[start:end]


def _names_columns(text: str, line_start: int) -> bool:
    """The line is a row of column names ("Område (1.000 kr.) | Budget 2025 | Afvigelse"):
    cells whose only figures are years and the unit. Its words are no prose that ends the
    table."""
    line_end = text.find("\n", line_start)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    return "\t" in line and not any(ch.isdigit() for ch in _YEAR_OR_UNIT.sub("", line))


def _scaled_numbers(
    text: str, pos: int, limit: int, factor: float, taken: list[tuple[int, int]], seen: set[int]
) -> list[MoneyMention]:
    """The bare numbers of a table from `pos` on, scaled by its unit, until prose resumes."""
    found: list[MoneyMention] = []
    names_lines: dict[int, bool] = {}  # line start -> the line is a row of column names
    words_in_row = 0
    tabbed = False  # the table's rows are cells (tab-separated lines)
    while pos < limit:
        nm = _TABLE_NUMBER.search(text, pos, limit)
        wm = _WORD.search(text, pos, limit)
        if wm and (not nm or wm.start() < nm.start()):
            line_start = text.rfind("\n", 0, wm.start()) + 1
            if line_start not in names_lines:  # once per line, not per word
                names_lines[line_start] = _names_columns(text, line_start)
            words_in_row += 0 if names_lines[line_start] else 1
            if words_in_row > 8:
                break
            pos = wm.end()
            continue
        if not nm:
            break
        pos = nm.end()
        s = nm.group(0)
        after = text[nm.end() : nm.end() + 16].lower()  # ". september" whole
        if re.fullmatch(r"(?:19|20)\d\d", s) or re.match(r"\s*(%|pct|procent)", after):
            continue
        if _DAY_OF_MONTH.match(after) or nm.start() in seen:
            continue  # "den 10. marts 2025" below the table is a date
        line_start = text.rfind("\n", 0, nm.start()) + 1
        line_end = text.find("\n", nm.end())
        in_row = "\t" in text[line_start : line_end if line_end >= 0 else len(text)]
        if not in_row and not text[line_start : nm.start()].strip() and re.match(r"[.)]\s", after):
            break  # "1. Resultatkrav ...": a numbered list, the table has ended
        if tabbed and not in_row:
            break  # a table of cells is over where a line without cells holds a number
        tabbed = tabbed or in_row
        if any(a <= nm.start() < b for a, b in taken):
            words_in_row = 0
            continue
        words_in_row = 0
        if not _whole_cell(text, nm.start(), nm.end()):
            continue
        value = parse_number(s)
        if value is None or value == 0:
            continue
        seen.add(nm.start())
        found.append(_cell_amount(nm.start(), s, value * factor))
    return found


def _cell_amount(start: int, text: str, amount: float) -> MoneyMention:
    """A table cell's bare number, read as money by its table's unit or currency column."""
    return MoneyMention(
        start=start,
        end=start + len(text),
        text=text,
        amount_dkk=amount,
        low=amount,
        high=amount,
        currency_explicit=False,
        from_table_header=True,
    )


_THOUSANDS = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?"
_BARE = re.compile(
    r"(?<![\w.,/-])(?:(?P<mellem>mellem\s+))?(?P<lo>" + _THOUSANDS + r")"
    r"(?:(?(mellem)\s*(?:og|-|–)\s*|\s*(?:-|–)\s*)(?P<hi>" + _THOUSANDS + r"))?"
    r"(?![\d.,]\d)",
    _FLAGS,
)
# What makes a bare number money: a cost word shortly before it ("koster mellem 247.000 og
# 400.000", "grundbidraget (abonnement) på 586.000 årligt") or, for a range, a purpose after
# it ("70.000 - 100.000 til Key note speaker").
_COST_BEFORE = re.compile(
    r"\b(?:koster|kostede|koste|pris\w*|\w*udgift\w*|beløb\w*|\w*bidrag\w*|\w*omkostning\w*|"
    r"budget\w*|tilskud\w*|besparelse\w*|honorar\w*|løn\w*|abonnement\w*)\b[^.;:\n\d]{0,30}$",
    _FLAGS,
)
_AFTER_OK = re.compile(r"\s*(?:$|[.,;)\n]|årligt\b|om\s+året\b|pr\.?\s|til\s+\w)", _FLAGS)


def _bare_amounts(text: str, taken: list[tuple[int, int]]) -> list[MoneyMention]:
    """Numbers written without "kr." that the sentence makes money (see `_COST_BEFORE`)."""
    found: list[MoneyMention] = []
    for m in _BARE.finditer(text):
        if any(m.start() < b and a < m.end() for a, b in taken):
            continue
        if not _AFTER_OK.match(text, m.end()):
            continue  # "100.000 m3 jord", "1.200 borgere"
        before = text[max(0, m.start() - 60) : m.start()]
        is_range = m["hi"] is not None
        purpose_after = re.match(r"\s*til\s+[a-zæøå]", text[m.end() :], _FLAGS)
        if not (_COST_BEFORE.search(before) or (is_range and purpose_after)):
            continue
        lo = parse_number(m["lo"])
        hi = parse_number(m["hi"]) if is_range else lo
        if lo is None or hi is None or hi < lo or lo < 1000:
            continue
        per, end = _per_after(text, m.end())
        found.append(
            MoneyMention(
                start=m.start(),
                end=end,
                text=text[m.start() : end],
                amount_dkk=lo,
                per=per,
                low=lo,
                high=hi,
                currency_explicit=False,
            )
        )
    return found


_KR_CELL = re.compile(r"(?<![\w.])(?:kr\.?|kroner|dkk)(?![a-zæøå])", _FLAGS)
_CELL_NUMBER = re.compile(r"-?\d{1,3}(?:\.\d{3})*(?:,\d+)?")


def _kr_column_amounts(text: str, taken: list[tuple[int, int]]) -> list[MoneyMention]:
    """Bare numbers in the rows of a table whose header row names the currency in a cell
    ("Ansøger | Beløb modtaget i 2022 og 2023 (kr. årligt) | ..."): "Tune Pensionistcenter |
    21.000 | 40.000". Cells are tab-separated, one row per line; the table ends at the first
    line that is not a row."""
    found: list[MoneyMention] = []
    in_table = False
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        cells = line.split("\t")
        if len(cells) < 2:
            in_table = False
            continue
        if any(_KR_CELL.search(c) and not _CELL_NUMBER.search(_YEAR_RE.sub("", c)) for c in cells):
            in_table = True  # a header row: no amount of its own, the currency in a cell
            continue
        if not any(_CELL_NUMBER.fullmatch(c.strip()) for c in cells):
            in_table = False  # the header of the next table ("Nr. | Handling | Ansvarlig")
        if not in_table:
            continue
        offset = start
        for cell in cells:
            value_text = cell.strip()
            cell_start = offset + (len(cell) - len(cell.lstrip()))
            offset += len(cell) + 1
            if not _CELL_NUMBER.fullmatch(value_text) or _YEAR_RE.fullmatch(value_text):
                continue
            if any(a <= cell_start < b for a, b in taken):
                continue
            value = parse_number(value_text)
            if not value:
                continue
            found.append(_cell_amount(cell_start, value_text, value))
    return found


# "afsat 32.000 (1.000 kr.)": a number with its unit in parentheses after it
_UNIT_AFTER = re.compile(
    r"(?<![\w.,/-])(?P<num>\d{1,3}(?:\.\d{3})*(?:,\d+)?)\s*\(\s*(?:i\s+)?"
    r"(?P<unit>1\.000\s*kr\.?|t\.\s?kr\.?|tkr\.?|mio\.\s*kr\.?|mill\.\s*kr\.?)\s*\)",
    _FLAGS,
)


def _unit_after(text: str) -> list[MoneyMention]:
    """ "32.000 (1.000 kr.)" is 32 mio. kr., not the 1.000 kr. of its unit."""
    found = []
    for m in _UNIT_AFTER.finditer(text):
        value = parse_number(m["num"])
        if value is None or _YEAR_RE.fullmatch(m["num"]):
            continue
        unit = m["unit"].lower()
        amount = value * (1e3 if unit.startswith(("1.000", "t", "tkr")) else 1e6)
        found.append(MoneyMention(m.start(), m.end(), m.group(), amount, low=amount, high=amount))
    return found


def find_amounts(text: str) -> list[MoneyMention]:
    """All amounts in `text` in order of appearance; overlapping matches keep the longest."""
    header_spans = [(h.start(), h.end()) for h in _headers(text)]
    inline = [
        m for m in _inline(text) if not any(m.start < b and a < m.end for a, b in header_spans)
    ]
    inline += _unit_after(text)
    inline.sort(key=lambda m: (m.start, -(m.end - m.start)))
    chosen: list[MoneyMention] = []
    last_end = -1
    for m in inline:
        if m.start >= last_end:
            chosen.append(m)
            last_end = m.end
    taken = [(m.start, m.end) for m in chosen]
    table = _table_amounts(text, taken)
    taken += [(m.start, m.end) for m in table]
    columns = _kr_column_amounts(text, taken)
    taken += [(m.start, m.end) for m in columns]
    bare = _bare_amounts(text, taken)
    return sorted(chosen + table + columns + bare, key=lambda m: m.start)
