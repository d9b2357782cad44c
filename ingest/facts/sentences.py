"""Sentence splitting for Danish municipal text, keeping exact offsets.

Every fact row quotes the sentence that states it, so the sentence boundaries decide what a
citation shows. Generic splitters break Danish prose at "kr.", "mio.", "bl.a.", "f.eks.",
"7. juni" and numbered list markers, and they ignore the line breaks that end headings and list
items. The rules here:

- "." ends a sentence only before an upper-case word, a digit, a bullet, a quote or the end of
  the text; never before a lower-case word ("1,5 mio. kr. til dette").
- After an abbreviation that always continues ("bl.a.", "f.eks.", "jf.", "pr.", "nr.", "pkt.",
  "ca.", "inkl.", ...) it never ends one; after one that may close a sentence ("kr.", "mio.",
  "mv.", "osv.") only before an upper-case word.
- "1." at the start of a line, or "2. Bedre ..." inside a flattened list, is a list marker: the
  sentence breaks *before* the marker, not after it.
- A line break ends a sentence unless the next line starts in lower case and the line before
  has no closing punctuation (a paragraph wrapped by a PDF). In text laid out at a page's
  width, a line that fills the width and has no closing punctuation also continues before an
  upper-case word: Danish capitalises names, so "... om et nyt aftalegrundlag med Fælles" +
  "Hjælpemiddeldepot (FHD)." is one sentence.
- Very long runs without punctuation (web transcripts of PDFs) are split before typical
  sentence-opening words ("Det", "Der", "Den", ...).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ingest.clean import ends_in_wrapped_hyphen
from ingest.models import BULLET_MARK, Block, CleanText, PageSpan, Section
from ingest.structure import is_case_field

__all__ = ["DocIndex", "Sentence", "split_sentences", "sentence_at"]


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


# Abbreviations after which a sentence never ends (they always introduce something).
_NEVER_END = {
    "bl.a", "bla", "f.eks", "fx", "f.x", "eks", "ex", "jf", "jvf", "cf", "pr", "nr", "pkt", "ca",
    "inkl", "ekskl", "excl", "incl", "vedr", "ift", "i.f.t", "hhv", "iht", "i.h.t", "dvs", "d.v.s",
    "mht", "m.h.t", "mhp", "m.h.p", "ifm", "i.f.m", "evt", "kl", "stk", "tlf", "d", "ang", "pga",
    "p.g.a", "iflg", "ifølge", "sagsnr", "dok.nr", "j.nr", "jnr", "afd", "att", "ref", "min",
    "max", "maks", "hr", "fru", "dr", "st", "vs", "resp", "div", "gl", "f", "ff", "tilsv",
    "udg", "bilagsnr", "sag", "mrk", "vejl", "kap", "afs", "lov", "bekg", "bek", "v", "brdr",
}  # fmt: skip
# Abbreviations that may also close a sentence: they end one only before an upper-case word.
_MAY_END = {
    "kr", "mio", "mill", "mia", "mil", "t.kr", "tkr", "mv", "m.v", "m.m", "mm", "osv", "o.s.v",
    "m.fl", "mfl", "etc", "o.lign", "o.l", "ol", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "okt", "nov", "dec", "dkk", "dkr", "årl", "md", "mdr", "pct", "ha", "km",
}  # fmt: skip

_MONTHS = {
    "januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
    "oktober", "november", "december",
}  # fmt: skip

_BULLET = BULLET_MARK
_LEAD_TRIM = re.compile(r"(?:[\s\u00a0]*(?:" + _BULLET + r")[\s\u00a0]+)+|[\s\u00a0]+")
_SENT_PUNCT = re.compile(r"(?:\.{3}|…|[.!?])[\"'”»)\]]*")
# A line that ends in one of these words continues on the next, also before a number.
_OPEN_ENDS = frozenset(
    "på til af for med i om og eller end mellem ved v/ fra cirka ca under over den".split()
)
_NEWLINES = re.compile(r"[ \t\u00a0]*\n[\s\u00a0]*")
_TOKEN_BEFORE = re.compile(r"(\S+)$")
_OPENERS = (
    "Det|Der|Den|De|Dette|Disse|Denne|Derfor|Desuden|Derudover|Endvidere|Herudover|Hertil|"
    "Samtidig|Alle|Hvert|Hver|Vi|Man|Her|Målet|Formålet|Afdelingen|Medarbejderne|Medarbejderen|"
    "Teamet|Projektet|Arbejdet|Kommunen|Udvalget|Forvaltningen|Administrationen|Ligeledes|"
    "Endelig|Efterfølgende|Herefter|Aktuelt|Gennem|Ved|Når|Hvis|Som|Med|Til|På|For|Et|En"
)
_RUN_ON = re.compile(r"(?<=[a-zæøå0-9)] )(?=(?:" + _OPENERS + r")\s)")
_LONG = 300
_URL_START = re.compile(r"https?://|www\.")
_RANGE_DASH = re.compile(r"[–-][\s\u00a0]*[\da-zæøå]")  # "8. - 9. klasse": a range
# A date written in numbers with spaces ("5. 6. 2026", "20-21. 5. 2026"): one token, no end.
_NUMERIC_DATE = re.compile(r"(?<!\d)\d{1,2}\.[ \u00a0]?\d{1,2}\.[ \u00a0]?(?:19|20)\d{2}(?!\d)")


def _next_visible(text: str, pos: int, limit: int) -> tuple[int, str]:
    """Position and character of the first non-space character at or after `pos`."""
    m = re.compile(r"[^\s\u00a0]").search(text, pos, limit)
    return (m.start(), m.group(0)) if m else (limit, "")


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _inside_numeric_date(text: str, pos: int, lo: int, hi: int) -> bool:
    """True when `pos` (just after a full stop) falls inside a date like "5. 6. 2026"."""
    for m in _NUMERIC_DATE.finditer(text, max(lo, pos - 12), min(hi, pos + 12)):
        if m.start() < pos < m.end():
            return True
    return False


def _is_marker_position(text: str, tok_start: int) -> bool:
    """True when only whitespace or a bullet precedes `tok_start` on its line."""
    before = text[_line_start(text, tok_start) : tok_start]
    return re.fullmatch(r"[\s\u00a0]*(?:(?:" + _BULLET + r")[\s\u00a0]*)?", before) is not None


def _punct_breaks(text: str, lo: int, hi: int) -> set[int]:
    breaks: set[int] = set()
    for m in _SENT_PUNCT.finditer(text, lo, hi):
        end = m.end()
        if end < hi and not text[end].isspace():
            continue  # "1.500", "bl.a", "v.10", "kr.)" inside a token
        nxt_pos, nxt = _next_visible(text, end, hi)
        punct = m.group(0)
        if not nxt:
            breaks.add(end)
            continue
        if nxt.isdigit() and _inside_numeric_date(text, end, lo, hi):
            continue
        if nxt.islower():
            if _URL_START.match(text, nxt_pos):
                breaks.add(end)  # "... er vedtaget. https://...": the link is no sentence's end
            continue
        if punct[0] in "!?" or punct.startswith(("...", "…")):
            breaks.add(end)
            continue
        tm = _TOKEN_BEFORE.search(text, max(lo, m.start() - 40), m.start())
        tok = tm.group(1) if tm else ""
        if tm and tm.start() - 2 >= lo and text[tm.start() - 1] == "\n":
            wrapped = _TOKEN_BEFORE.search(text, max(lo, tm.start() - 41), tm.start() - 1)
            if wrapped and ends_in_wrapped_hyphen(wrapped.group(1)):
                tok = wrapped.group(1) + tok  # "2025-" + "28.": the word is "2025-28"
        tok_l = tok.lower().lstrip("(\"'“«")
        next_word = re.match(r"[\wæøåÆØÅ]+", text[nxt_pos:hi])
        next_w = next_word.group(0) if next_word else ""
        if "\n" in text[end:nxt_pos]:
            # A line break follows: the newline rule decides; a list marker never ends.
            if tok.isdigit() and _is_marker_position(text, tm.start()):
                continue
            paragraph_ends = text.count("\n", end, nxt_pos) > 1 and nxt.isupper()
            if tok_l in _NEVER_END and not paragraph_ends:
                continue  # "en samlet værdi af ca." + "4.500.000 kr.": wrapped
            breaks.add(end)  # "… godkender a, b og d." + blank line + "Mht. …": two
            continue
        if tok.isdigit() and tm is not None and _is_marker_position(text, tm.start()):
            continue  # "568. Status ...", "1.   at udvalget ..." at a line start
        if tok_l in _NEVER_END:
            continue
        if tok_l in _MAY_END:
            if nxt.isupper() and next_w.lower() not in _MONTHS:
                breaks.add(end)
            continue
        ref = _reference_before(text, tm.start(), lo) if tok.isdigit() and tm else None
        if ref is not None:
            # "Punkt 1. Anbefales ...": a point's label, not a list marker; "se bilag 2.
            # Godkendt.": the number ends the sentence
            if not ref and nxt.isupper():
                breaks.add(end)
            continue
        if (
            tok in ("m", "l", "g", "t")  # metre, litre, gram, ton or hour
            and tm is not None
            and re.search(r"\d[ \u00a0]+$", text[max(lo, tm.start() - 4) : tm.start()])
            and nxt.isupper()
        ):
            breaks.add(end)  # "en sikringskote på 2,35 m. Anlægget …": a unit, no marker
            continue
        if re.fullmatch(r"\d{1,2}", tok) or re.fullmatch(r"[a-zæøå]", tok):
            # "1." / "a." before an upper-case word: a list marker, at a line start or inline.
            if next_w.lower() in _MONTHS:
                continue
            if nxt.isupper() and tm is not None:
                if re.search(r"\bkl\.[\s\u00a0]*$", text[max(lo, tm.start() - 6) : tm.start()]):
                    breaks.add(end)  # "kl. 10. Alle er velkomne": a time ends the sentence
                elif _is_marker_position(text, tm.start()):
                    pass
                elif not tok.isdigit() or _continues_points(text, tm.start(), int(tok), lo):
                    breaks.add(tm.start())
                else:
                    breaks.add(end)  # "Vi er på release candidate 9. Den testes …"
                continue
        if re.fullmatch(r"[A-ZÆØÅ]", tok):
            continue  # an initial: "H. C. Andersen"
        if tok.isdigit() and _RANGE_DASH.match(text, nxt_pos, hi):
            continue  # a range, not a bullet: "elever i 8. - 9. klasse", "1. - 3. kvartal"
        if nxt.isupper() or nxt.isdigit() or nxt in "\"'“«(–-•·":
            breaks.add(end)
    return breaks


_POINTS_LOOKBACK = 3000


def _continues_points(text: str, pos: int, number: int, lo: int) -> bool:
    """An inline "N." is a list marker when a sentence or a colon ends right before it
    ("Indstilling: 1. At …", "… i to spor. 1. Hver …") or its predecessor stands earlier in
    the same paragraph ("… 1. Foo bar 2. Baz"). Else it is a number that ends its sentence:
    "Vi er på release candidate 9. Den testes …", "… sag 16. Anlægsudgifterne …"."""
    # the paragraph before it, at most a few points' worth (transcripts are one paragraph)
    para = max(lo, pos - _POINTS_LOOKBACK, text.rfind("\n\n", lo, pos) + 1)
    before = text[para:pos].rstrip()
    if not before or before[-1] in ".:;!?":
        return True
    return number > 1 and re.search(rf"(?<![\d.,]){number - 1}\.\s", before) is not None


@lru_cache(maxsize=8)
def _page_width(text: str) -> int | None:
    """The width of a text laid out in lines of one page's width (a PDF's text layer): the
    90th percentile length of its longer lines, when that is a page's width. None for text
    whose lines are whole paragraphs (HTML, Markdown, DOCX)."""
    lengths = sorted(len(line) for line in text.split("\n") if len(line.strip()) >= _MIN_LINE)
    if len(lengths) < _MIN_LINES:
        return None
    width = lengths[int(0.9 * (len(lengths) - 1))]
    return width if width <= _MAX_PAGE_WIDTH else None


_MIN_LINE = 30  # shorter lines are headings, labels and paragraph ends
_MIN_LINES = 40
_MAX_PAGE_WIDTH = 120  # characters in a full line of an A4 page's body text
_FULL_LINE = 0.75  # a line this share of the width wrapped, it did not end


def _wraps_before_capital(text: str, m: re.Match[str], hi: int, width: int | None) -> bool:
    """A full-width line without closing punctuation continues on the next line, also before
    an upper-case word ("... med Fælles" + "Hjælpemiddeldepot (FHD)"); a blank line, a bullet
    or a word in capitals ("TEKNIK OG MILJØ", a running header) still starts anew."""
    if width is None or m.group(0).count("\n") > 1:
        return False
    line = text[_line_start(text, m.start()) : m.start()]
    if len(line) < _FULL_LINE * width or _starts_with_bullet(text, m.end(), hi):
        return False
    word = re.match(r"[\wæøåÆØÅ]+", text[m.end() : min(hi, m.end() + 40)])
    return word is not None and not (len(word.group(0)) > 1 and word.group(0).isupper())


# Nouns a number refers to ("punkt 1.", "bilag 2.", "side 4."): such a number is no list marker.
_REFERENCE_NOUNS = frozenset(
    "punkt pkt ad bilag side trin fase kapitel afsnit stk nr tabel figur".split()
)


def _reference_before(text: str, pos: int, lo: int) -> bool | None:
    """None when no reference noun precedes the number at `pos`; True when the noun opens
    its line ("Punkt 1. Anbefales": a label the point's text follows), False inside a line."""
    m = re.search(r"(\S+)[ \t\u00a0]+$", text[max(lo, pos - 24) : pos])
    if m is None or m.group(1).lower().rstrip(".") not in _REFERENCE_NOUNS:
        return None
    return _is_marker_position(text, pos - len(m.group(0)))


def _newline_breaks(text: str, lo: int, hi: int) -> set[int]:
    breaks: set[int] = set()
    width = _page_width(text)
    for m in _NEWLINES.finditer(text, lo, hi):
        prev_c = text[max(lo, m.start() - 20) : m.start()].rstrip(" \t\u00a0")[-1:]
        _, nxt = _next_visible(text, m.end(), hi)
        if not nxt or not prev_c:
            continue
        single = m.group(0).count("\n") == 1
        if single and ends_in_wrapped_hyphen(text[max(lo, m.start() - 2) : m.start()]):
            continue  # "projektperioden 2025-" + "28. Projektets …": one word, wrapped
        if nxt.islower() and prev_c not in ".!?:;" and not _starts_with_bullet(text, m.end(), hi):
            continue  # a wrapped paragraph line
        if single and prev_c == ":" and nxt.isalnum() and _field_and_value(text, m, hi):
            continue  # "Mødetidspunkt:" + "Kl. 16.00 - 19.00": a field's label over its value
        tok = _TOKEN_BEFORE.search(text, max(lo, m.start() - 20), m.start())
        # "(23." + "september)": an opening bracket or quote is not part of the word
        word = tok.group(1).lower().rstrip(".").lstrip("([\"'“«") if tok else ""
        if (
            nxt.isupper()
            and prev_c not in ".!?:;\"'”»)"
            and (_wraps_before_capital(text, m, hi, width) or _open_before(m, word, text, hi))
        ):
            continue  # a wrapped line whose next word is a name ("til cykelsti ved" + "Skovvej")
        if prev_c == "." and word in _NEVER_END:
            continue  # "... tillægsbevilling ifm." + "budgetopfølgning 3 2024": wrapped
        if prev_c == "." and word.isdigit() and single and _ORDINAL_NOUN.match(text, m.end()):
            continue  # an ordinal wrapped from its noun ("den 19." + "marts", "i 3." + "kvartal")
        if prev_c == "." and word in _MAY_END and nxt.islower():
            if not _starts_with_bullet(text, m.end(), hi):
                continue  # "... eller 250 kr." + "for en hel uge": wrapped
        if nxt.isdigit() and prev_c not in ".!?:;" and _wrapped_number(text, m, word, hi):
            continue  # "... rammebesparelse på" + "1,626 mio. kr. årligt": wrapped
        if nxt in _OPENING_MARKS and prev_c not in ".!?:;" and _wraps_before_mark(text, m, word):
            continue  # "... ved brug af" + "”DHM Havvand på Land”-lagene, der …": wrapped
        breaks.add(m.start())
    return breaks


# A field's label on its own line: a few words and a colon, no figures ("Mødested:")
_FIELD_LABEL = re.compile(r"[A-ZÆØÅ][\wæøåÆØÅ./ -]{1,30}:")
_MAX_LABEL_WORDS = 3


def _is_field_label(line: str) -> bool:
    line = line.strip()
    return (
        _FIELD_LABEL.fullmatch(line) is not None
        and len(line.split()) <= _MAX_LABEL_WORDS
        and not any(c.isdigit() for c in line)
        and not is_case_field(line)
    )


def _field_and_value(text: str, m: re.Match[str], hi: int) -> bool:
    """The line before the break is a field's label and the line after it is its value, not
    another label: a front page's "Mødetidspunkt:" over "Kl. 16.00 - 19.00" reads as one line.
    The value is one line, ended by the next field or a blank line; a label over
    several lines introduces a list ("Allerede iværksatte initiativer:" + one initiative a
    line). Case fields ("Beslutning:") are headings of their own and stay apart."""
    label = text[_line_start(text, m.start()) : m.start()]
    value_end = text.find("\n", m.end(), hi)
    value = text[m.end() : hi if value_end < 0 else value_end]
    if not _is_field_label(label) or _is_field_label(value):
        return False
    if value_end < 0:
        return True
    after_end = text.find("\n", value_end + 1, hi)
    after = text[value_end + 1 : hi if after_end < 0 else after_end].strip()
    return not after or _FIELD_LABEL.match(after) is not None  # "Mødested:", "Referent: …"


# Words an ordinal number stands before ("den 19. marts", "3. kvartal", "2. behandling")
_ORDINAL_NOUN = re.compile(
    r"[ \t]*(?:"
    + "|".join(sorted(_MONTHS))
    + r"|kvartal|halvår|behandling|klasse|etape|udgave|runde)\b"
)


_OPENING_MARKS = frozenset("”“„\"'«»(")


def _wraps_before_mark(text: str, m: re.Match[str], word: str) -> bool:
    """A single line break before a quotation mark or a parenthesis continues the sentence
    when the line ends in a word no sentence ends with ("af" + "”DHM …”-lagene") or the
    parenthesis holds no list marker ("slutårhundrede" + "(2100)."; not "(a) Første …")."""
    if m.group(0).count("\n") > 1:
        return False
    if word in _OPEN_ENDS:
        return True
    return text[m.end()] == "(" and re.match(r"\(\w{1,3}\)\s", text[m.end() :]) is None


def _open_before(m: re.Match[str], word: str, text: str, hi: int) -> bool:
    """A single line break after a word no sentence ends with ("ved", "til", "og")."""
    single = m.group(0).count("\n") == 1
    return single and word in _OPEN_ENDS and not _starts_with_bullet(text, m.end(), hi)


def _wrapped_number(text: str, m: re.Match[str], word: str, hi: int) -> bool:
    """A single line break before a number continues the sentence ("den 14. september" +
    "2016.", "rammebesparelse på" + "1,626 mio. kr.") unless the number opens a list item or a
    numbered heading ("2. Supplerende støjtiltag", "11 At der suppleres")."""
    if word in _OPEN_ENDS:
        return True
    if m.group(0).count("\n") > 1:
        return False  # a blank line: a new paragraph
    head = text[m.end() : min(hi, m.end() + 16)]
    if _AMOUNT_START.match(head):
        return True  # "bevilges" + "50.000 kr., og at …": an amount, not "2.1 Titel"
    ordinal = re.match(r"\d{1,2}\.", head)
    if ordinal and word[-1:].isalpha() and _ORDINAL_NOUN.match(text, m.end() + ordinal.end()):
        return True  # "forventes at genåbne" + "1. november 2026.": a date, not item 1
    return re.match(r"\d{1,2}[.)]\s|\d+(?:\.\d+)+\s|\d+\s+[A-ZÆØÅ]", head) is None


_AMOUNT_START = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?\s*(?:kr\b|kr\.|kroner|mio\b|mio\.)", re.I)


def _starts_with_bullet(text: str, pos: int, hi: int) -> bool:
    """A bullet or a letter marker ("b. En ...") opens the line."""
    head = text[pos : min(hi, pos + 12)]
    return re.match(r"[\s\u00a0]*(?:(?:" + _BULLET + r")|[a-zæøå][.)])[\s\u00a0]", head) is not None


def _trimmed(text: str, a: int, b: int) -> tuple[int, int] | None:
    m = _LEAD_TRIM.match(text, a, b)
    if m:
        a = m.end()
    while b > a and text[b - 1] in " \t\n\r\u00a0":
        b -= 1
    return (a, b) if b > a else None


def _split_run_on(text: str, a: int, b: int) -> list[tuple[int, int]]:
    if b - a <= _LONG:
        return [(a, b)]
    cuts = [m.start() for m in _RUN_ON.finditer(text, a, b)]
    spans, prev = [], a
    for c in cuts:
        if c - prev >= 40:  # keep short fragments attached
            spans.append((prev, c))
            prev = c
    spans.append((prev, b))
    return spans


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    """Sentences of `text[start:end]` with offsets into `text`; whitespace and bullet symbols
    are trimmed from both ends, so `text[s.start:s.end] == s.text`."""
    hi = len(text) if end is None else min(end, len(text))
    lo = max(0, start)
    cuts = sorted(_punct_breaks(text, lo, hi) | _newline_breaks(text, lo, hi) | {hi})
    out: list[Sentence] = []
    prev = lo
    for c in cuts:
        if c <= prev:
            continue
        for a, b in _split_run_on(text, prev, c):
            span = _trimmed(text, a, b)
            if span and re.search(r"\w", text[span[0] : span[1]]):
                out.append(Sentence(span[0], span[1], text[span[0] : span[1]]))
        prev = c
    return out


def sentence_at(sentences: list[Sentence], offset: int) -> Sentence | None:
    """The sentence containing `offset` (sentences sorted by start)."""
    i = bisect_right([s.start for s in sentences], offset) - 1
    if i >= 0 and sentences[i].start <= offset < sentences[i].end:
        return sentences[i]
    return None


def _quote_cuts(text: str, seams: Sequence[int]) -> set[int]:
    """Where a quote must stop to stay verbatim in the source file: after a label whose markup
    the text left out ("Dato" | "2025-02-02" from "**Dato**: 2025-02-02") and between table
    cells. Emphasis or a link inside a running sentence is not cut: the sentence reads whole."""
    cuts: set[int] = set()
    marked = set(seams)
    for seam in seams:
        line_start = text.rfind("\n", 0, seam) + 1
        label = text[line_start:seam]
        after = text[seam : seam + 1]
        # a label: "**Dato**: ..." (markup closes before a colon) or "**Årsag** Efter ..."
        # (the line opens with markup that closes after a few words)
        opened = line_start in marked and not any(line_start < m < seam for m in marked)
        # "**Udsat**, idet …", "**Godkendt** med den ændring …": the sentence goes on
        goes_on = re.match(r"\s*(?:[,;]|[a-zæøå])", text[seam : seam + 3]) is not None
        is_label = 0 < len(label) <= 40 and (after == ":" or (opened and not goes_on))
        if after == "\t" or (is_label and not re.search(r"[.!?]", label)):
            cuts.add(seam)
            if after in (":", "\t"):
                cuts.add(seam + 1)
    return cuts


# Blocks a sentence never runs across: a list item or table row ends with its line even when
# the next one starts in lower case ("at der meddeles tillægsbevilling til følgende" /
# "merudgifter vedrørende ... på 6,4 mio. kr.").
_CUTTING_BLOCKS = ("list_item", "table_row", "heading")


def _split_at_headings(
    text: str,
    sentences: list[Sentence],
    sections: list[Section],
    seams: Sequence[int] = (),
    blocks: Sequence[Block] = (),
    page_starts: Sequence[int] = (),
) -> list[Sentence]:
    """Cut sentences where a section starts or its heading ends: a heading that runs into its
    text in a transcript ("5. Økonomi Den samlede økonomi ...") is not part of the sentence.
    Also at the seams `_quote_cuts` keeps, at the edges of list items and table rows, and
    where a page starts: the running footer and page number removed there stand between the
    two halves in the source file, so a quote across them would not be verbatim."""
    cuts = sorted(
        {s.start for s in sections}
        | {s.heading_end for s in sections if s.heading_end}
        | _quote_cuts(text, seams)
        | {b.start for b in blocks if b.kind in _CUTTING_BLOCKS}
        | {b.end for b in blocks if b.kind in _CUTTING_BLOCKS}
        | set(page_starts)
    )
    out: list[Sentence] = []
    for sent in sentences:
        inner = [c for c in cuts if sent.start < c < sent.end]
        if not inner:
            out.append(sent)
            continue
        bounds = [sent.start, *inner, sent.end]
        for a, b in zip(bounds, bounds[1:], strict=False):
            span = _trimmed(text, a, b)
            if span and re.search(r"\w", text[span[0] : span[1]]):
                out.append(Sentence(span[0], span[1], text[span[0] : span[1]]))
    return out


class DocIndex:
    """Sentences, pages and section paths of one document, for locating fact rows.

    The section tree is taken as given (built by `ingest.structure`); this only looks up which
    section and page an offset falls in.
    """

    def __init__(
        self,
        text: str,
        pages: list[PageSpan],
        sections: list[Section],
        seams: Sequence[int] = (),
        blocks: Sequence[Block] = (),
    ) -> None:
        self.text = text
        self.sections = sections
        page_starts = [p.start for p in pages[1:]]
        self.sentences = _split_at_headings(
            text, split_sentences(text), sections, seams, blocks, page_starts
        )
        self._starts = [s.start for s in self.sentences]
        self._clean = CleanText(text, pages)

    def sentence_at(self, offset: int) -> Sentence | None:
        i = bisect_right(self._starts, offset) - 1
        if i >= 0 and self.sentences[i].start <= offset < self.sentences[i].end:
            return self.sentences[i]
        return None

    def sentence_index(self, sentence: Sentence) -> int:
        return bisect_right(self._starts, sentence.start) - 1

    def page_at(self, offset: int) -> int:
        return self._clean.page_at(offset)

    def innermost(self, offset: int) -> Section | None:
        """The deepest section whose span contains `offset`."""
        best: Section | None = None
        for sec in self.sections:
            if sec.start <= offset < max(sec.end, sec.start + 1):
                if best is None or sec.level >= best.level:
                    best = sec
        return best

    def item_before(self, offset: int) -> Section | None:
        """The last agenda item that starts at or before `offset`: in minutes everything up to
        the next item belongs to it, also where the section tree put a part beside it."""
        items = [s for s in self.sections if s.kind == "agenda_item" and s.start <= offset]
        return max(items, key=lambda s: s.start, default=None)

    def ancestors(self, sec: Section | None) -> list[Section]:
        """`sec` and its parents, innermost first."""
        by_id = {s.id: s for s in self.sections}
        out: list[Section] = []
        while sec is not None:
            out.append(sec)
            sec = by_id.get(sec.parent) if sec.parent is not None else None
        return out

    def section_path(self, offset: int) -> str:
        return " > ".join(s.title for s in reversed(self.ancestors(self.innermost(offset))))

    def in_heading(self, start: int, end: int) -> Section | None:
        """The section whose heading line overlaps [start, end), if any."""
        for sec in self.sections:
            h_end = sec.heading_end if sec.heading_end is not None else sec.start
            if sec.start < end and start < max(h_end, sec.start + 1):
                return sec
        return None


_STOPWORDS = frozenset(
    """og i af til for på med at der det den de en et som er var vil skal kan om fra ved
    har have være blev bliver samt eller men så hvor hvis når også ikke nu her efter over
    under mellem mod sig sin sit sine deres dets dens hans hendes vores jeres alle alt hele
    dette denne disse hertil herunder heri dermed derfor desuden endvidere ligeledes kr mio
    mill mia dkk pr ca inkl bl.a f.eks jf mv""".split()
)
_WORD = re.compile(r"[a-zæøåé]+", re.IGNORECASE)


def content_stems(text: str) -> set[str]:
    """Stemmed content words (Danish Snowball via PyStemmer), for comparing two phrasings of
    the same initiative or action: "kontaktførelser" and "kontaktførelserne" agree."""
    import Stemmer  # PyStemmer; imported here so sentence splitting needs no extra module

    words = [w.lower() for w in _WORD.findall(text)]
    words = [w for w in words if len(w) > 2 and w not in _STOPWORDS]
    return set(_stemmer(Stemmer).stemWords(words))


_STEMMER = None


def _stemmer(module):
    global _STEMMER
    if _STEMMER is None:
        _STEMMER = module.Stemmer("danish")
    return _STEMMER
