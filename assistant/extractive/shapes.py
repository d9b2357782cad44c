"""What a line looks like, from its text alone: a label, a column-names row, a number, a
count, the years it names."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from assistant.citations import CitationSet, DocView
from assistant.extractive.model import wording
from assistant.question_terms import WordGroup
from ingest.dates import MONTHS, find_dates
from ingest.facts.budgets import TABLE_UNIT
from ingest.facts.sentences import Sentence
from ingest.models import TABLE_CELL_SEPARATOR, Block
from ingest.money import MoneyMention, find_amounts
from ingest.structure import DECIDING_BODY, agenda_item_at

COUNT_WORDS = (
    r"to|tre|fire|fem|seks|syv|otte|ni|ti|elleve|tolv|tretten|fjorten|femten|tyve|tredive|"
    r"fyrre|halvtreds|hundrede|tusinde?|et\s+par|two|three|four|five|six|ten"
)
_NUMBER_WORDS = re.compile(rf"\b(?:{COUNT_WORDS}|halvdelen|hver)\b", re.IGNORECASE)

YEAR = re.compile(r"(?:19|20)\d\d")

_YEAR_ALONE = re.compile(r"(?<![\d.,])(?:19|20)\d\d(?![\d.,]\d)")
# a day of a month ("13. april") or a time of day ("kl. 19:00", "9.00-11.30"): no count
_DAY_OR_TIME = re.compile(
    rf"\b\d{{1,2}}\.\s*(?:{'|'.join(MONTHS)})\b|\bkl\.\s*\d{{1,2}}[.:]\d\d\b|\b\d{{1,2}}:\d\d\b|"
    r"\b\d{1,2}\.\d\d\s*[-–]\s*\d{1,2}\.\d\d\b",
    re.IGNORECASE,
)

# An amount stated by its size: "kan løbe op i 5-cifrede beløb", "et tocifret millionbeløb"
_MAGNITUDE = re.compile(
    r"\b(?:\d|en|to|tre|fire|fem|seks|syv|otte|ni)-?cifre(?:t|de)\s+\w*beløb", re.IGNORECASE
)
_PERCENTAGE = re.compile(r"\d(?:[\d.,]*\d)?\s*(?:%|‰|pct\b|procent|promille)", re.IGNORECASE)
# a quantity with its unit: "25 cm", "ca. 1.650 m", "4.820 ton CO2e", "3 dB", "40 timer"
_MEASURE = re.compile(
    r"\d(?:[\d.,]*\d)?\s*(?:mm|cm|m|km|m2|m²|m3|m³|ha|kg|tons?|kwh|mwh|gwh|db|liter|l|"
    r"timer?|dage?|uger?|måneder|år|meter|kilometer|procent|pct|%)(?!\w)",
    re.IGNORECASE,
)
_FREQUENCY_WORDS = re.compile(
    r"\b(?:kvartalsvis|halvårlig\w*|årlig\w*|månedlig\w*|ugentlig\w*|daglig\w*|løbende|"
    r"hver\s+(?:\d+\.?\s+)?(?:dag|uge|måned|kvartal|år)\w*|om\s+(?:året|måneden|ugen|dagen)|"
    r"gange?\s+(?:om|pr\.?|i)\b|quarterly|monthly|weekly|yearly|annually)",
    re.IGNORECASE,
)


def cited_item_heading(view: DocView, offset: int, cset: CitationSet) -> tuple[str, str] | None:
    """(title, "**title** [n]") of the agenda item that `offset` stands in, its heading cited;
    None outside agenda items."""
    item = agenda_item_at(view.record.sections, offset)
    if item is None:
        return None
    start, end = view.heading_of(item)
    n = cset.add(view.id, start, end)
    return item.title, f"**{wording(view.text[start:end]).strip('*# ')}** [{n}]"


def dates_in(text: str) -> list:
    """Date expressions, relative ones ("inden årets udgang") included."""

    return find_dates(text, ref=dt.date(2000, 1, 1))


# a time told by an event: "inden overdragelsen af driften", "før det nye driftsmiljø tages i
# brug", "senest ved årsskiftet"
_EVENT_TIME = re.compile(
    r"\b(?:inden|før|efter|senest|snarest|hurtigst|umiddelbart|løbende|straks)\b", re.IGNORECASE
)


def states_time(text: str) -> bool:
    """The text says when: a date, a period ("i foråret 2027") or a time told by an event."""
    return bool(_EVENT_TIME.search(text) or dates_in(text))  # the cheap test first


# an amount applied for, not granted: "Kærby Hallen har søgt om et anlægstilskud på
# 1.250.000 kr.", "Der ansøges om 4,8 mio. kr.", "ansøgt beløb", "Der er søgt 6 mio. kr. hos
# fonden", "… foreslår, at kommunen søger 2.460.000 kr."
APPLIED_FOR = re.compile(
    r"\b(?:an)?søg(?:er|es|te|t)\s+(?:om\b|(?:ca\.\s+|i\s+alt\s+)?\d)|\b(?:an)?søgt\b",
    re.IGNORECASE,
)
# ... and granted or received: "Udvalget bevilgede 1.000.000 kr.", "tilsagn om 3,9 mio. kr.",
# "Projektet modtager 2 mio. kr. fra puljen"
GRANTED = re.compile(
    r"\bbevilg\w*|\btildel\w*|\btilsagn\w*|\bimødekom\w*|\bmodtag\w*|\budbetal\w*",
    re.IGNORECASE,
)


def applied_only(text: str) -> bool:
    """The text states what was applied for and no grant: no answer to what was granted."""
    return bool(APPLIED_FOR.search(text)) and not GRANTED.search(text)


_DIGITS = re.compile(r"\d")
DECISION_WORDS = re.compile(
    r"\b(?:besluttede|besluttet|beslutning\w*|vedtog|vedtaget|godkendte|godkendt|"
    r"tiltrådte|tiltrådt|taget\s+til\s+efterretning|tog\s+\w+\s+til\s+efterretning|"
    r"udsat|udsatte|afvist|afviste|anbefalet|anbefalede|oversendt|forkastet|"
    # postponed: "... blev drøftet og tages op på et senere tidspunkt" (no decision yet)
    r"udskudt|udskød|tages\s+op\s+(?:igen|senere|på\s+(?:et\s+senere|næste))|"
    # pending: "Status: Under behandling", "Forslaget behandles på styregruppens møde i december"
    r"under\s+behandling|behandles\s+(?:igen\s+)?på\s+(?:\w+\s+){0,2}møde)\b",
    re.IGNORECASE,
)
LIST_ITEM_START = re.compile(r"^(?:\d{1,2}[.)]|[a-zæøå][.)])\s")  # "1. ", "a) "

WORDS = re.compile(r"[^\W\d_]{2,}")
_URL = re.compile(r"(?:https?://|www\.)\S+")

# "Fraværende: Karsten Bech", or the value on the label's next line ("Mødested:" + "Rådhuset")
FIELD = re.compile(r"([A-ZÆØÅ][\w ./-]{1,30}?)\s*:(?:[ \t]+|[ \t]*\n[ \t]*)\S")


def is_label(text: str, start: int, end: int) -> bool:
    """A few words before a colon, cut off at it ("Dato" of "Dato: 2025-02-02"), or with it
    ("Deltagere:" of "**Deltagere:** Anne Hansen, …") when its value follows on the line."""
    words = text[start:end]
    if len(words.split()) > 4 or words.rstrip().endswith((".", "!", "?")):
        return False
    if words.rstrip().endswith(":"):  # a field's name, not a lead-in ("Planen omfatter 5 …:")
        if len(words.split()) > 3 or any(ch.isdigit() for ch in words):
            return False
        line_end = text.find("\n", end)
        return bool(text[end : line_end if line_end >= 0 else len(text)].strip())
    return text[end : end + 3].lstrip().startswith(":")


def only_link(text: str) -> bool:
    """A link with at most a label ("Beslutningsforslag: https://..."): nothing to quote."""
    return bool(_URL.search(text)) and len(WORDS.findall(_URL.sub(" ", text))) < 2


# a period a column is for: "1. kvt. 2025", "2. halvår", "Q3", "2024/25"
_PERIOD_NAME = re.compile(
    r"\b[1-4]\.\s*(?:kvt\.|kvartal|halvår)|\bQ[1-4]\b|\b(?:19|20)\d\d/\d\d\b", re.IGNORECASE
)


def names_columns(row: str) -> bool:
    """A first row of words, years and periods ("1. kvt. 2025"), no other figures: the
    table's column names, shown above the row ("Indsats | 2025 | 2026 | I alt"). A cell that
    only gives the figures' unit ("1.000 kr." over the row names) is a column name too."""
    words = _PERIOD_NAME.sub("", TABLE_UNIT.sub("", row))
    return not any(ch.isdigit() for ch in YEAR.sub("", words))


UNIT_LINE_REACH = 400  # characters above a table where its unit line may stand


def unit_line(view: DocView, table_start: int) -> Sentence | None:
    """The sentence shortly above a table that gives its figures' unit ("Beløbene er
    angivet i 1.000 kr.", "(mio. kr.)"), or None."""
    before = view.sentences_between(max(0, table_start - UNIT_LINE_REACH), table_start)
    return next(
        (x for x in reversed(before) if x.end <= table_start and states_unit(x.text)),
        None,
    )


UNIT_CAPTION_REACH = 200  # characters from a table's last row to a caption under it


def unit_below(view: DocView, offset: int) -> Sentence | None:
    """The caption right under the table holding `offset` when it gives the figures' unit
    ("Tabel 7.1: Anlægsudgifter i fase 3, mio. kr."), or None."""
    last = view.table_row(offset)
    if last is None:
        return None
    while (following := view.table_row(last.end + 1)) is not None:
        last = following
    after = view.sentences_between(last.end, last.end + UNIT_CAPTION_REACH)
    caption = next((x for x in after if x.start >= last.end), None)
    if caption is None or view.table_row(caption.start) is not None:
        return None
    return caption if states_unit(caption.text) else None


def amounts_under_unit(view: DocView, unit: Sentence, row: Block) -> list[MoneyMention]:
    """The row's figures read in the `unit` of a caption under its table, with offsets into
    the document."""
    said = TABLE_UNIT.search(unit.text)
    if said is None:
        return []
    header = f"({said.group()}.)\n"  # the caption's unit as a unit line over the row
    text = f"{header}{view.text[row.start : row.end]}"
    at = len(header)
    return [
        replace(m, start=m.start - at + row.start, end=m.end - at + row.start)
        for m in find_amounts(text)
        if m.start >= at
    ]


_FIGURE_BEFORE = re.compile(r"\d(?:[.,]\d+)*\s*$")  # "1,4 mio. kr.", not "fase 3, mio. kr."


def states_unit(text: str) -> bool:
    """The text names a unit of figures ("Beløb i 1.000 kr.", "(mio. kr.)"), not only an
    amount ("de 1,4 mio. kr. overføres til 2025", "21.000 kr.")."""
    return any(not _FIGURE_BEFORE.search(text[: m.start()]) for m in TABLE_UNIT.finditer(text))


def row_amounts(view: DocView, offset: int) -> set[float]:
    """The figures of the table row at `offset` in kroner, read in the unit its table states
    above it ("Tabel 1. Driftsbudget (1.000 kr.)": the cell "640" is 640.000 kr.); empty
    when the row or the unit is not found. `find_amounts` reads the cells under the unit."""
    row = view.table_row(offset)
    if row is None:
        return set()
    header = column_names_row(view, offset)
    unit = unit_line(view, header.start if header is not None else row.start)
    if unit is None:
        below = unit_below(view, offset)
        return {m.amount_dkk for m in amounts_under_unit(view, below, row)} if below else set()
    at = row.start - unit.start
    return {m.amount_dkk for m in find_amounts(view.text[unit.start : row.end]) if m.start >= at}


def column_names_row(view: DocView, offset: int) -> Block | None:
    """The first row of the table holding `offset` when it names the columns: no figures,
    and no cell repeated in the next row's place (a card grid's rows all start with their
    label, "Kapabilitet", and are data)."""
    row = view.table_row(offset)
    first = view.table_header(offset) or row
    if first is None or not names_columns(view.text[first.start : first.end]):
        return None
    following = view.table_row(first.end + 1)
    if following is not None:
        cells = view.text[first.start : first.end].split(TABLE_CELL_SEPARATOR)
        below = view.text[following.start : following.end].split(TABLE_CELL_SEPARATOR)
        if any(a.strip() == b.strip() for a, b in zip(cells, below, strict=False)):
            return None
    return first


def has_number(text: str) -> bool:
    return bool(_DIGITS.search(text) or _NUMBER_WORDS.search(text))


# a figure with a unit of length ("8,5 m", "22 meters højde", "ca. 300 m", "2,1 km"), or a
# height in storeys ("1½ etage"); an area ("31 ha") tells no height or distance
_LENGTH = re.compile(
    r"\d[\d.,½]*\s*(?:m|meter|meters|km|kilometer|cm|etager?)(?![\w²³])", re.IGNORECASE
)


def has_measure(text: str) -> bool:
    """A height, length, width or distance with its unit."""
    return _LENGTH.search(text) is not None


# a number that names a plan, an item or a part: "Lokalplan 409", "nr. 19", "punkt 7", "§ 6"
_IDENTIFIER = re.compile(
    r"\b(?:lokalplan|kommuneplantillæg|tillæg|nr|punkt|pkt|sag|bilag|afd|afdeling)\.?\s*"
    r"\d+(?:\.\d+)*|§\s*\d+(?:\.\d+)*",
    re.IGNORECASE,
)


def has_count(text: str) -> bool:
    """A number that can be a count: not only years ("frem mod 2035" counts nothing), nor
    only a plan's or an item's number ("forslag til Lokalplan 409" states no size)."""
    return has_number(_IDENTIFIER.sub(" ", _YEAR_ALONE.sub(" ", _DAY_OR_TIME.sub(" ", text))))


COUNT_VALUES = {
    "to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6, "syv": 7, "otte": 8, "ni": 9, "ti": 10,
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
}  # fmt: skip


def listed_word(question: str) -> str | None:
    """The X of "Hvilke (tre) X …?" / "Hvilken X …?", lower-cased, even a function word."""
    count = "|".join(["\\d{1,2}", *COUNT_VALUES])
    m = re.search(rf"\b(?:hvilke[nt]?|which)\s+(?:(?:{count})\s+)?(\w+)", question, re.I)
    return m.group(1).lower() if m else None


def listed_noun(question: str, groups: list[WordGroup]) -> WordGroup | None:
    """The question's word group for the X of "Hvilke (tre) X …?" / "Hvilken X …?"."""
    word = listed_word(question)
    return next((g for g in groups if g.word.lower() == word), None) if word else None


_DECISION_HEADING = re.compile(
    rf"\s*beslutning(?:er)?\b|\s*{DECIDING_BODY}s\s+beslutning\b", re.IGNORECASE
)


def is_decision_heading(title: str) -> bool:
    """ "Beslutning i Børne- og Ungeudvalget den ...", "Beslutning:", "Byrådets beslutning" -
    not "Beslutningstema"."""
    return _DECISION_HEADING.match(title) is not None


def satisfies(text: str, require: str) -> bool:
    if require == "date":
        return bool(dates_in(text))
    if require == "frequency":
        return bool(_FREQUENCY_WORDS.search(text))
    if require == "amount":
        return bool(find_amounts(text) or _MAGNITUDE.search(text))
    if require == "share":
        # "Hvor meget fylder posten?" is answered by a share of the cost ("ca. 30%") as well
        return bool(find_amounts(text) or _PERCENTAGE.search(text))
    if require == "number":
        return has_number(text)
    if require == "quantity":  # "hvor meget" without money: an amount or a measure
        return bool(find_amounts(text) or _MEASURE.search(text))
    if require == "decision":
        return bool(DECISION_WORDS.search(text))
    return True
