"""Section tree of a cleaned Danish municipal document.

Line-based: agenda items ("568. Status på ..."), numbered initiatives ("1. Videndeling"),
"Ad pkt. N:", the standard headings of Danish minutes, Markdown headings and short stand-alone
heading lines. Web transcripts have no line breaks inside pages, so numbered headings that run
into the text ("2. Udvikling af arbejdsmarkedsområdet Chefgruppen har ...") are found inline.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from ingest.blocks import (
    ends_in_page_number,
    is_contents_heading,
    is_leader_line,
    line_kind,
    toc_lines,
)
from ingest.clean import ends_in_wrapped_hyphen
from ingest.models import BULLET_MARK, TABLE_CELL_SEPARATOR, Block, Section

# Headings of Danish minutes and case presentations (matched case-insensitively, whole line,
# optionally followed by a colon).
STANDARD_HEADINGS = [
    "beslutningstema",
    "resumé",
    "resume",
    "sagens indhold",
    "sagsfremstilling",
    "sagsbeskrivelse",
    "baggrund",
    "indstilling",
    "administrationens indstilling",
    "forvaltningens indstilling",
    "direktionens indstilling",
    "beslutning",
    "bilag",
    "økonomiske konsekvenser",
    "økonomiske og personalemæssige konsekvenser",
    "økonomi",
    "bevillingsmæssige konsekvenser",
    "retligt grundlag",
    "lovgrundlag",
    "handlemuligheder",
    "vurdering",
    "tværgående konsekvenser",
    "kommunikation",
    "høring",
    "tidsplan",
    "organisering",
    "videre proces",
    "det videre forløb",
    "kompetence",
    "sagsnr",
    "konklusion",
    "formål",
    "indledning",
    "opfølgning",
    "historik",
    "supplerende sagsfremstilling",
    "politisk behandling",
    "miljøvurdering",
    "fremstilling",
    "sagsprocedure",
]

_STD_RE = re.compile(
    r"^(?:" + "|".join(re.escape(h) for h in STANDARD_HEADINGS) + r")\s*:?\s*$", re.IGNORECASE
)


# A decision or a recommendation run into its text on one line ("Beslutning: Udvalget
# godkender, at …"), as plain-text exports and some PDFs set it: the label is the field's
# heading, the rest its body, so the item's decision is found as a "Beslutning" section's.
# Other labels stay in their line: "Opfølgning: Plan og Byg v/ …" says what it is by its label.
_RUN_IN_FIELD_RE = re.compile(
    r"^((?:\w+s\s+)?indstilling|beslutning)[ \t]*:[ \t]+(?=\S)", re.IGNORECASE
)


def is_standard_heading(line: str) -> bool:
    """A case heading minutes use in every item ("Resume", "Økonomi", "Sagsprocedure")."""
    return bool(_STD_RE.match(line.strip()))


def is_case_field(line: str) -> bool:
    """A case heading or a decision's ("Beslutning i Økonomiudvalget den 4. marts 2025")."""
    return is_standard_heading(line) or bool(_DECISION_RE.match(line.strip()))


# A body that decides, as its own headings name it: "Byrådets", "Økonomiudvalgets"
DECIDING_BODY = r"[\w-]*(?:udvalg|byråd|kommunalbestyrelse|regionsråd|direktion)\w*?"
_DECISION_RE = re.compile(
    r"^(?:beslutning|afgørelse)\s+(?:i|på|truffet i)\s+.+?(?:\d{4}|udvalg\w*|byråd\w*|"
    r"kommunalbestyrelse\w*|regionsråd\w*|borgerrepræsentation\w*|direktion\w*)\s*:?\s*$"
    # "Byrådets beslutning", "Økonomiudvalgets indstilling den 10. marts 2026"
    rf"|^{DECIDING_BODY}s\s+(?:beslutning|indstilling)(?:\s+(?:den\s+)?\d.*)?\s*:?\s*$",
    re.IGNORECASE,
)
_MD_RE = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_AD_PKT_RE = re.compile(r"^ad\s+(?:pkt|punkt)\.?\s*(\d+(?:\s*[-–og,]+\s*\d+)*)\s*:?\s*$", re.I)
_NUMBERED_RE = re.compile(r"^(\d{1,4})\.\s+([A-ZÆØÅ\"'“”«»].*)$")
# "2.1.3 Støjskærm langs Landevejen", "3.8.1. Transformerstationer", "2.1 »Smag på …«": a
# report's sub-sections
_SUBNUMBERED_RE = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){1,3})\.?\s+([A-ZÆØÅ\"“«»].*)$")
# "3 Erhverv og samarbejde": a report's chapter numbered without a full stop (Word's numbered
# headings put a tab there); only between blank lines, since a paragraph may open "6 nye …"
_BARE_NUMBERED_RE = re.compile(r"^(\d{1,2})\s+([A-ZÆØÅ\"“«»].*)$")
_INLINE_NUMBERED_RE = re.compile(
    r"(?:^|(?<=[.:!?] )|(?<=[.:!?]\s\d )|(?<=\n))(\d{1,2})\. "
    r"([A-ZÆØÅ][\wæøåÆØÅ\-/]*"
    r"(?: (?:\d{1,2}\.(?= [a-zæøå])|[a-zæøå0-9][\wæøå\-/]*|[A-ZÆØÅ]{2,}[\wæøå\-]*)){0,9})"
    r"(?=\.? [A-ZÆØÅ])"
)
_BULLET_RE = re.compile(rf"^\s*(?:{BULLET_MARK}|\d+\))\s+")
_TERMINAL_PUNCT = (".", ",", ";", "!", "?", ":")
# a line ending in an ordinal goes on: "… status for 4." + "kvartal 2024"
_ORDINAL_END = re.compile(r"\s\d{1,2}\.$")


@dataclass
class _Heading:
    start: int
    heading_end: int
    kind: str
    rank: int
    title: str
    number: str | None = None
    named: bool = False  # an item the text names as one ("Punkt 11:", a portal row)


@dataclass
class _Line:
    start: int
    end: int
    text: str  # stripped


def _lines(text: str) -> list[_Line]:
    out: list[_Line] = []
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        out.append(_Line(pos + lead, pos + lead + len(stripped), stripped))
        pos += len(raw) + 1
    return out


def _clean_title(title: str) -> str:
    title = re.sub(r"[*_`]+", "", title).strip()
    return re.sub(r"\s+", " ", title).rstrip(":").strip()


_NUMBER_BEFORE = re.compile(
    r"\b(?:januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december"
    r"|d\.|den|kl\.|nr\.|pkt\.|år|fra|til|pr\.|og|på|i"
    # words that take a number: "forslag til Lokalplan" + "2.17 Erhvervsområde …"
    r"|lokalplan(?:en)?|afsnit|kapitel|bilag|tabel|figur|punkt|version|etape|side)$",
    re.I,
)


def _sentence_goes_on(previous: str, rest: str) -> bool:
    """ "… hvor lokalplanen tillader" + "30. Administrationen indstiller, at …": a paragraph's
    line broken before a number, the sentence closing on the next line. A title has no full
    stop, and a heading does not follow an open paragraph line without a blank line."""
    return len(previous) >= 60 and not previous.endswith(_TERMINAL_PUNCT) and rest.endswith(".")


def _runs_on(previous: str, number: int) -> bool:
    """A line broken before a number: "... d. 1. marts" + "2023. Her blev ...". A year, or a
    number after a word that asks for one, continues the sentence; it starts no heading."""
    if len(previous) < 50 or previous.endswith(_TERMINAL_PUNCT):
        return False
    return 1900 <= number <= 2099 or _NUMBER_BEFORE.search(previous) is not None


# A list point: a marker ("4d.", "2)", "b.") and a lower-case word; a heading starts upper-case.
_LOWER_POINT = re.compile(r"(?:\d{1,2}[a-zæøå]?|[a-zæøå])[.)]\s+[a-zæøå]")


_LETTER_FORMULA = re.compile(
    r"(?:kære|hej|dear)\s+\S|(?:med\s+)?venlig(?:st)?\s+hilsen\b|de\s+bedste\s+hilsner\b",
    re.IGNORECASE,
)


def _is_heading_like(line: str, max_chars: int = 90, max_words: int = 12) -> bool:
    """A short stand-alone line that reads as a title, not a sentence or list item."""
    if not line or len(line) > max_chars or _BULLET_RE.match(line):
        return False
    opening = line.lstrip("»«\"“'")[:1]  # a quoted title: "»Smag på Lyngbjerg«"
    if line.endswith(_TERMINAL_PUNCT) or not (opening.isupper() or opening.isdigit()):
        return False
    if _LOWER_POINT.match(line):
        return False  # "4d. mindre lokaler på idrætshaller (møderum mv.)": a point of a list
    if _LETTER_FORMULA.match(line):
        return False  # a letter's "Kære bestyrelse" / "Med venlig hilsen" heads nothing
    words = line.split()
    if len(words) > max_words or len(words) == 0:
        return False
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 3


def _is_sub_heading(line: str, title: str) -> bool:
    """A sub-numbered line whose title reads as one, and that is no contents line. Its number
    says it is a heading, so it may run as long as a numbered item ("2.4 Direkte integration
    mellem ... og næste skridt (Agnete)")."""
    return _is_heading_like(title, max_chars=150, max_words=24) and not ends_in_page_number(line)


def _runs_on_below(lines: list[_Line], i: int) -> bool:
    """A numbered line that is the first line of a wrapped paragraph ("1. Indledningsvist
    udtrækkes ... ved brug af" + "”DHM Havvand på Land”-lagene, der bruges ..."): a long line
    that the next line, a paragraph line itself, carries on. Such an item is no heading."""
    if len(lines[i].text) < 70 or i + 1 >= len(lines) or lines[i].text.endswith(_TERMINAL_PUNCT):
        return False
    nxt = lines[i + 1].text
    if (
        not nxt
        or _NUMBERED_RE.match(nxt)
        or _BULLET_RE.match(nxt)
        or _item_header_follows(lines, i)
    ):
        return False
    return len(nxt) >= 60 or nxt.endswith(".")


def _body_follows(lines: list[_Line], i: int) -> bool:
    """True when the next non-empty line after i is running text (not another numbered line)."""
    for nxt in lines[i + 1 :]:
        if not nxt.text:
            continue
        if _NUMBERED_RE.match(nxt.text) or _MD_RE.match(nxt.text):
            return False
        return True
    return False


def _line_headings(lines: list[_Line]) -> list[_Heading]:
    heads: list[_Heading] = []
    numbered_candidates: list[tuple[int, _Heading, bool]] = []
    run_on_item: int | None = None  # the number of the last numbered line that ran on
    # numbered lines right below the line numbered one less (blank lines between or not):
    # a list's later points
    list_points: set[int] = set()
    chapters: set[int] = set()  # lines of bare-numbered chapter headings ("3 Erhverv …")
    above = ""  # the last non-empty line before this one
    for i, line in enumerate(lines):
        t = line.text
        if not t:
            continue
        above, before = t, above
        prev_blank = i == 0 or not lines[i - 1].text
        if i and ends_in_wrapped_hyphen(lines[i - 1].text):
            continue  # "… projektperioden 2025-" / "28. Projektets formål …": no "28." heading
        if m := _MD_RE.match(t):
            title = _clean_title(m.group(2))
            heads.append(_markdown_heading(line, len(m.group(1)), title, lines, i))
            continue
        bare = _clean_title(t)
        if _DECISION_RE.match(bare):
            heads.append(_Heading(line.start, line.end, "standard", 10, bare))
            continue
        if _STD_RE.match(bare) and len(bare) < 60:
            heads.append(_Heading(line.start, line.end, "standard", 10, bare))
            continue
        if m := _RUN_IN_FIELD_RE.match(t):
            label = m.group(1)
            heads.append(_Heading(line.start, line.start + m.end(), "standard", 10, label))
            continue
        if m := _AD_PKT_RE.match(bare):
            heads.append(_Heading(line.start, line.end, "ad_pkt", 11, bare, m.group(1)))
            continue
        if (m := _PORTAL_ROW.match(t)) and len(t) <= 200:  # "12 | EMN-2023-0042 Titel"
            title = _clean_title(m.group(3))
            heads.append(_Heading(line.start, line.end, "agenda_item", 7, title, m.group(1), True))
            continue
        if (m := _named_item(bare)) and (  # "Punkt 11: Titel", "§ 45 Titel"
            _title_line(lines, i) or _wraps_into_item(lines, i)
        ):
            title = _clean_title(m.group(2))
            head = _Heading(line.start, line.end, "agenda_item", 7, title, m.group(1), True)
            _join_wrapped_title(head, lines, i)
            heads.append(head)
            continue
        if TABLE_CELL_SEPARATOR in t:
            continue  # a table row ("1.1 Hedestien | 400 | 850") heads nothing
        if m := _NUMBERED_RE.match(t):
            number, rest = int(m.group(1)), m.group(2).strip()
            # after "1. høringssvarene tages til efterretning," the next point of the list
            # follows; a line ending open never comes right before a heading
            wrapped = not prev_blank and (
                _runs_on(lines[i - 1].text, number)
                or lines[i - 1].text.endswith((",", ";"))
                or _sentence_goes_on(lines[i - 1].text, rest)
            )
            # "5. Målgruppe for botilbud i Dahliahuset på Hedebo," wraps its title onto the
            # next line: an open end is still an item heading when a case header follows.
            header_follows = _item_header_follows(lines, i)
            open_end = rest.endswith(";") or (rest.endswith(",") and not header_follows)
            runs_on = _runs_on_below(lines, i)
            # "3. De 9 rasterdatasæt … skal nu vektoriseres …" ran on as a paragraph: "4. Til
            # slut foretages nye … beregninger." is the next point of that list, no heading
            next_point = run_on_item == number - 1 and rest.endswith(".")
            run_on_item = number if runs_on or next_point else None
            if len(rest) <= 150 and not (open_end or wrapped or runs_on or next_point):
                item = (
                    number >= 20
                    or _CLOSED_ITEM.match(rest) is not None
                    or (not rest.endswith(".") and header_follows)
                )
                kind = "agenda_item" if item else "numbered"
                head = _Heading(
                    line.start,
                    line.end,
                    kind,
                    7 if kind == "agenda_item" else 12,
                    _clean_title(rest),
                    str(number),
                )
                _join_wrapped_title(head, lines, i)
                numbered_candidates.append((i, head, _body_follows(lines, i)))
                if (prev := _NUMBERED_RE.match(before)) and int(prev.group(1)) == number - 1:
                    list_points.add(i)
            continue
        if (
            (m := _SUBNUMBERED_RE.match(t))
            and _is_sub_heading(t, m.group(2))
            and (prev_blank or not _runs_on(lines[i - 1].text, int(m.group(1).split(".")[0])))
        ):
            depth = m.group(1).count(".")
            head = _Heading(
                line.start, line.end, "numbered", 12 + depth, _clean_title(m.group(2)), m.group(1)
            )
            numbered_candidates.append((i, head, _body_follows(lines, i)))
            continue
        if (m := _BARE_NUMBERED_RE.match(t)) and _chapter_line(lines, i, m.group(1)):
            title = _clean_title(m.group(2))
            head = _Heading(line.start, line.end, "numbered", 9, title, m.group(1))
            numbered_candidates.append((i, head, True))  # text, a section or a list follows
            chapters.add(i)
            continue
        if prev_blank and _is_heading_like(t) and _followed_by_paragraph(lines, i):
            heads.append(_Heading(line.start, line.end, "heading", 9, bare))
        elif prev_blank and _asks_alone(lines, i) and _followed_by_paragraph(lines, i):
            heads.append(_Heading(line.start, line.end, "heading", 9, bare))
    numbered_candidates = _in_sequence(numbered_candidates, chapters)
    heads.extend(_accept_numbered(numbered_candidates, list_points))
    return heads


def _in_sequence(
    cands: list[tuple[int, _Heading, bool]], chapters: set[int]
) -> list[tuple[int, _Heading, bool]]:
    """The numbered candidates less the bare-numbered chapter lines ("4 Eksempel …") that the
    numbering after them does not carry on: the next chapter or section line is "4.1" or "5",
    or there is none (the points of a list, "1. …", are no sections)."""
    numbers = [(i, head.number or "") for i, head, _ in cands]
    sections = [(i, number) for i, number in numbers if i in chapters or "." in number]
    out = []
    for i, head, body in cands:
        if i in chapters:
            after = next((number for j, number in sections if j > i), None)
            number = int(head.number or 0)
            if after is not None and not (
                after.startswith(f"{number}.") or after == str(number + 1)
            ):
                continue
        out.append((i, head, body))
    return out


_CLOSED_ITEM = re.compile(
    r"^(?:lukket|åbent)\s*(?:punkt)?\s*:\s*\S", re.I
)  # "Lukket: Salg af grund"


def _title_line(lines: list[_Line], i: int) -> bool:
    """A line that reads as a title: short, no closing full stop, not wrapped into the next."""
    text = lines[i].text
    if len(text) > 150 or text.endswith((".", ",", ";")):
        return False
    nxt = next((line.text for line in lines[i + 1 :] if line.text), "")
    return not (nxt and nxt[0].islower())


def _wraps_into_item(lines: list[_Line], i: int) -> bool:
    """ "Punkt 5: Idrætshal i Allingåbro – projektforslag og" + "anlægsbevilling" + "Sagsnr.:
    …": a title the PDF wrapped onto a short lower-case line, with the case header after it."""
    text = lines[i].text
    # "… – udestue," + "Mågevej 7": a comma leaves the title open, and so does an ordinal
    # ("… – status for 4." + "kvartal 2024")
    closed = text.endswith(_TERMINAL_PUNCT) and not text.endswith(",")
    closed = closed and not _ORDINAL_END.search(text)
    if len(text) > 150 or closed or i + 1 >= len(lines):
        return False
    nxt = lines[i + 1].text
    return (
        bool(nxt)
        and len(nxt) < 80
        and not nxt.endswith(_TERMINAL_PUNCT)
        and _item_header_follows(lines, i + 1)
    )


def _join_wrapped_title(head: _Heading, lines: list[_Line], i: int) -> None:
    """ "13. Skole-, Børne- og Ungeudvalgets møde- og" + "aktivitetskalender 2025": a PDF
    wrapped the item title; the next line belongs to it when it starts in lower case."""
    open_end = _OPEN_END.search(lines[i].text)
    j = i + 1
    if open_end and j + 1 < len(lines) and not lines[j].text:
        j += 1  # the PDF set the title's first line apart as a heading of its own
    if j >= len(lines) or not lines[j].text or _NUMBERED_RE.match(lines[j].text):
        return  # a numbered line is a heading of its own
    if _named_item(_clean_title(lines[j].text)):
        return  # and so is "Pkt. 13 Eventuelt" under "Pkt. 12 …" in a contents list
    if j > i + 1 and _ITEM_HEADER_RE.match(lines[j].text):
        return  # "Sagsnr.: …" opens the item's body
    nxt = lines[j]
    continues = (
        nxt.text[0].islower()
        or open_end
        # "Sag nr. 142 … af Lindå" + "Svømmehal" + "Sags-ID: …": the case header follows
        or (
            not nxt.text.endswith(_TERMINAL_PUNCT)
            and not _ITEM_HEADER_RE.match(nxt.text)
            and _item_header_follows(lines, j)
        )
    )
    if (
        continues
        and len(nxt.text) < 80
        and (not lines[i].text.endswith(".") or _ORDINAL_END.search(lines[i].text))
        and (j == i + 1 or _title_line(lines, j))
    ):
        joiner = "" if head.title.endswith("-") and not head.title.endswith(" -") else " "
        head.title = _clean_title(f"{head.title}{joiner}{nxt.text}")
        head.heading_end = nxt.end


# a title line cannot end here: "… mellem Hesselby Skole og" / "Vestrup Skole"
_OPEN_END = re.compile(r"(?:,|\s(?:og|eller|samt|i|for|til|af|om|med|mellem|på|ved|fra|mod|[-–]))$")

_ITEM_HEADER_RE = re.compile(
    r"^(?:sagsnr|sags nr|sags-?id|dok\.?\s?nr|j\.?\s?nr|åbent|lukket|beslutningstema|resumé|resume"
    r"|sagsfremstilling|sagens indhold|indstilling|beslutning|fremstilling|sagsprocedure)\b",
    re.IGNORECASE,
)


def _markdown_heading(line: _Line, level: int, title: str, lines: list[_Line], i: int) -> _Heading:
    """Markdown minutes ("## 12. Ny skolestruktur", "### Beslutning i ...") keep their
    Markdown level for the tree but get the meaning a plain-text heading would have."""
    kind, number = "markdown", None
    if _STD_RE.match(title) or _DECISION_RE.match(title):
        kind = "standard"
    elif m := _NUMBERED_RE.match(title):
        number = m.group(1)
        if int(number) >= 20 or _item_header_follows(lines, i):
            kind, title = "agenda_item", _clean_title(m.group(2))
    return _Heading(line.start, line.end, kind, level, title, number)


def _item_header_follows(lines: list[_Line], i: int) -> bool:
    """Minutes number their agenda items from 1; what marks an item is the case header
    (Sagsnr., Åbent/Lukket, Beslutningstema ...) within the next few lines."""
    seen = 0
    for nxt in lines[i + 1 :]:
        if not nxt.text:
            continue
        if _ITEM_HEADER_RE.match(nxt.text.lstrip("#* ")):
            return True
        seen += 1
        if seen >= 3:
            return False
    return False


def _asks_alone(lines: list[_Line], i: int) -> bool:
    """A short question on a line of its own between blank lines heads what answers it
    ("Hvor stor en skade har fejlen medført?"); a question inside a paragraph is a sentence."""
    text = lines[i].text
    below_blank = i + 1 < len(lines) and not lines[i + 1].text
    return below_blank and text.endswith("?") and _is_heading_like(text[:-1].rstrip())


def _followed_by_paragraph(lines: list[_Line], i: int) -> bool:
    """A heading line is followed by a blank line and then text longer than itself."""
    if i + 1 >= len(lines):
        return False
    j = i + 1
    while j < len(lines) and not lines[j].text:
        j += 1
    if j >= len(lines) or j == i + 1:
        # no blank line between: only a heading when the next line is a long paragraph
        return j < len(lines) and len(lines[j].text) > 120 and len(lines[i].text) < 60
    nxt = lines[j].text
    return len(nxt) > max(60, len(lines[i].text) * 1.5) or _BULLET_RE.match(nxt) is not None


def _chapter_line(lines: list[_Line], i: int, number: str) -> bool:
    """A line "3 Erhverv og samarbejde" set apart by blank lines, reading as a title, and
    followed by a paragraph or by its own first section ("3.1 Turismenetværk")."""
    text = lines[i].text
    if (i and lines[i - 1].text) or i + 1 >= len(lines) or lines[i + 1].text:
        return False
    if not _is_heading_like(text) or ends_in_page_number(text):
        return False
    nxt = next((line.text for line in lines[i + 1 :] if line.text), "")
    return (
        _followed_by_paragraph(lines, i)
        or nxt.startswith(f"{number}.1 ")
        or nxt.startswith("1. ")  # a chapter that is a numbered list ("7 Videre proces")
    )


def _accept_numbered(
    cands: list[tuple[int, _Heading, bool]], list_points: set[int]
) -> list[_Heading]:
    """Numbered lines are headings when they carry a body; a run of bare items is a list.
    A line in `list_points` sits right below its predecessor, which has no body of its own:
    the last point of an enumeration followed by prose ("1. Anvendere … 2. Der skal …
    3. Der skal indhentes …"), not a section 3."""
    out: list[_Heading] = []
    for _, head, _ in cands:
        if head.kind == "agenda_item":
            out.append(head)
    smalls = [(i, h, b) for i, h, b in cands if h.kind == "numbered"]
    if not smalls:
        return out
    with_body = sum(1 for _, _, b in smalls if b)
    if with_body * 2 < len(smalls):
        return out  # mostly bare items: an enumerated list, not sections
    out.extend(h for i, h, b in smalls if b and i not in list_points)
    return out


def _inline_headings(text: str, lines: list[_Line]) -> list[_Heading]:
    """Numbered headings inside long transcript paragraphs, accepted only as a 1,2,3 sequence."""
    found: list[_Heading] = []
    for line in lines:
        if len(line.text) < 400:
            continue
        for m in _INLINE_NUMBERED_RE.finditer(line.text):
            start = line.start + m.start(1)
            title = m.group(2).strip()
            after = line.text[m.end(2) : m.end(2) + 1]
            if len(title) < 4 or (re.search(r" \d{1,2}$", title) and after == "."):
                continue  # "1. Foo 2. Bar": a run-in enumeration, not a heading
            found.append(_Heading(start, line.start + m.end(2), "numbered", 12, title, m.group(1)))
    # also numbered headings that open a line but were too long to be a line heading
    for line in lines:
        if len(line.text) < 400:
            continue
        m = _INLINE_NUMBERED_RE.match(line.text)
        if m and not any(h.start == line.start for h in found):
            found.append(
                _Heading(
                    line.start,
                    line.start + m.end(2),
                    "numbered",
                    12,
                    m.group(2).strip(),
                    m.group(1),
                )
            )
    found.sort(key=lambda h: h.start)
    # keep the longest strictly increasing 1..n run
    accepted: list[_Heading] = []
    expected = 1
    for head in found:
        if head.number and int(head.number) == expected:
            accepted.append(head)
            expected += 1
    return accepted if len(accepted) >= 2 else []


def build_sections(text: str, blocks: list[Block] | None = None) -> list[Section]:
    """Return the section tree as a flat list (parents before children, document order).

    With `blocks` from a format that states its headings (HTML, Markdown, DOCX) the tree
    follows those headings and their levels; otherwise headings are found in the lines.
    """
    if blocks is not None:
        return _tree(_stated_and_numbered(text, blocks), text, by_level=True)
    lines = _lines(text)
    heads = _line_headings(lines)
    line_starts = {h.start for h in heads}
    heads.extend(h for h in _inline_headings(text, lines) if h.start not in line_starts)
    # a table-of-contents line names a heading; it is not one
    filled = [line for line in lines if line.text]
    toc = {filled[i].start for i in toc_lines([line.text for line in filled])}
    heads = [
        h for h in heads if line_kind(text[h.start : h.heading_end]) is None and h.start not in toc
    ]
    heads.sort(key=lambda h: h.start)
    return _tree(_one_item_form(_without_contents_entries(heads, text)), text, by_level=False)


def _without_contents_lines(text: str) -> str:
    """The text with a contents page's own lines left out: bare page numbers, dot leaders and
    the entries right above their leaders."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    kept = [
        line
        for k, line in enumerate(lines)
        if not (line.isdigit() or is_leader_line(line))
        and not (k + 1 < len(lines) and is_leader_line(lines[k + 1]))
    ]
    return "\n".join(kept)


# headings a contents page lists with their numbers: agenda items and numbered chapters
_CONTENTS_KINDS = ("agenda_item", "numbered")


def _numbered_titles_only(text: str) -> bool:
    """Lines that are all numbered titles ("5 Forebyggelse", "6 Økonomi"): the rest of a
    contents list, not a section's text."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    return all(
        (m := _SECTION_TITLE.match(line)) is not None and _is_heading_like(m.group(1))
        for line in lines
    )


_SECTION_TITLE = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\.?\s+(\S.*)$")


def _without_contents_entries(heads: list[_Heading], text: str) -> list[_Heading]:
    """A contents entry without a page number ("579. Ejendomshandel – Lukket punkt" closing
    the list, a closed item has no page), or with its page on a line of its own ("5. Risici" /
    "7"), reads as a heading: one with nothing under it, whose number and title a later
    heading repeats, is that entry, not the item or chapter."""
    later: set[tuple[str | None, str]] = set()
    kept: list[_Heading] = []
    for i in range(len(heads) - 1, -1, -1):
        head = heads[i]
        key = (head.number, head.title.casefold())
        under = text[head.heading_end : heads[i + 1].start] if i + 1 < len(heads) else "."
        under = _without_contents_lines(under).strip()
        # nothing, or one short line (a running header kept once: "Klima- og Miljøudvalget")
        empty = (
            not under
            or ("\n" not in under and len(under) <= 80 and under[-1] not in ".:")
            or _numbered_titles_only(under)
        )
        if head.kind in _CONTENTS_KINDS and key in later and empty:
            continue
        if head.kind in _CONTENTS_KINDS:
            later.add(key)
        kept.append(head)
    return kept[::-1]


def _one_item_form(heads: list[_Heading]) -> list[_Heading]:
    """Minutes write all their items one way. Where items are named ("Punkt 6: …", a portal
    row), a bare "2. Biblioteksstrategi … godkendes" is a point of an item's Indstilling, not an
    item of its own: it may still be a numbered section, never an agenda item."""
    if not any(h.named for h in heads):
        return heads
    for head in heads:
        if head.kind == "agenda_item" and not head.named:
            head.kind, head.rank = "numbered", 12
    return heads


def _sub_number(head: _Heading) -> str | None:
    """ "2.1.3" for a sub-numbered heading, else None."""
    if head.kind == "numbered" and head.number and "." in head.number:
        return head.number
    return None


def _holds(number: str | None, step: bool, sub: str) -> bool:
    """Whether a numbered section can hold sub-section `sub`: "2" holds "2.2" unless it is a
    procedure's step 2, numbered after "2.1" had already begun."""
    return number is not None and not step and sub.startswith(number + ".")


def _in_item(sections: list[Section], stack: list[tuple[int, int]]) -> bool:
    """The open sections are inside an agenda item."""
    return any(sections[i].kind == "agenda_item" for _, i in stack)


def _tree(heads: list[_Heading], text: str, by_level: bool) -> list[Section]:
    has_agenda = any(h.kind == "agenda_item" for h in heads)
    sections: list[Section] = []
    stack: list[tuple[int, int]] = []  # (rank, section index)
    begun: set[str] = set()  # numbers whose sub-sections have begun ("2" once "2.1" is seen)
    steps: set[int] = set()  # numbered sections that are steps of a procedure, not chapters
    for n, head in enumerate(heads):
        sub = _sub_number(head)
        if head.kind == "numbered" and head.number in begun:
            steps.add(len(sections))
        if sub:
            begun.update(sub.rsplit(".", k)[0] for k in range(1, sub.count(".") + 1))
        rank = head.rank
        if not by_level:
            if head.kind == "numbered" and stack and sections[stack[-1][1]].kind == "ad_pkt":
                rank = 13
            if head.kind == "heading" and stack and sections[stack[-1][1]].kind == "numbered":
                rank = 12  # an unnumbered heading after numbered sections closes them (sibling)
            if head.kind == "heading" and not has_agenda and not stack:
                rank = 9
            if head.kind == "standard" and _in_item(sections, stack):
                rank = 9  # an item's case heading is no sub-section of a free heading before it
        while stack and (
            stack[-1][0] >= rank
            or (
                sub is not None
                and sections[stack[-1][1]].kind == "numbered"
                and not _holds(sections[stack[-1][1]].number, stack[-1][1] in steps, sub)
            )
        ):
            stack.pop()
        parent = stack[-1][1] if stack else None
        end = len(text)
        # a table of contents heads its entries only: the items after it (a portal's "h2
        # Indholdsfortegnelse" over "h3 Punkt 1: …") are not its sub-sections
        contents = is_contents_heading(head.title)
        for later in heads[n + 1 :]:
            if contents:
                end = later.start
                break
            if (
                later.rank <= rank
                or (not by_level and later.kind == "agenda_item")
                or (
                    head.kind == "numbered"
                    and (later_sub := _sub_number(later)) is not None
                    and not _holds(head.number, len(sections) in steps, later_sub)
                )
            ):
                end = later.start
                break
        sections.append(
            Section(
                id=len(sections),
                parent=parent,
                level=len(stack) + 1,
                kind=head.kind,
                title=head.title,
                start=head.start,
                end=end,
                number=head.number,
                heading_end=head.heading_end,
            )
        )
        if not contents:
            stack.append((rank, len(sections) - 1))
    _fix_ends(sections, text)
    return sections


# Agenda items as municipalities number them: "568. Titel", "Punkt 11: Titel", "Pkt. 3 Titel",
# "Sag nr. 142 Titel", "§ 45 Titel",
# "AD 1: Titel" (Markdown minutes), "2.3 Titel", portal rows "12 | EMN-2023-0042 Titel".
_ITEM_FORMS = (
    re.compile(r"^(?:punkt|pkt\.?|sag(?:\s+nr\.?)?)\s*(\d{1,4})\s*[:.)–-]?\s+(\S.*)$", re.I),
    # "§ 45 Titel"; a law cited on its own line goes on in lower case ("§ 18 i serviceloven")
    re.compile(r"^§\s*(\d{1,4})\s*[:.)–-]?\s+([A-ZÆØÅ].*)$"),
    re.compile(r"^ad\s+(?:pkt\.?\s*|punkt\s*)?(\d{1,3})\s*[:.)–-]\s*(\S.*)$", re.I),
    re.compile(r"^(\d{1,4})\s*[|\t]\s*(?:[A-ZÆØÅ]{2,6}[-–]\d{2,4}[-–]\d+\s*[|\t]?\s*)?(\S.*)$"),
    re.compile(r"^(\d{1,4})\.\s+(\S.*)$"),
    re.compile(r"^(\d{1,2}(?:\.\d{1,2})+)\.?\s+(\S.*)$"),
)


# "3 | Behandlingstakst for haveaffald": a number and a title apart by a bar, as some minutes
# print their items (a table's row is tab-separated, a portal's carries a case number)
_BAR_ITEM = re.compile(r"^(\d{1,4})\s+\|\s+([A-ZÆØÅ].*)$")


def _named_item(line: str) -> re.Match[str] | None:
    """An item the line names as one ("Punkt 11: …", "Sag nr. 142 …", "§ 45 …", "3 | …"): the
    first two of `_ITEM_FORMS`, or `_BAR_ITEM`."""
    found = next((m for form in _ITEM_FORMS[:2] if (m := form.match(line))), None)
    return found or _BAR_ITEM.match(line)


# An agenda portal's item row: number, case number, title ("12 | EMN-2023-0042 Titel").
_PORTAL_ROW = re.compile(
    r"^(\d{1,4})\s*[|\t]\s*([A-ZÆØÅ]{2,6}[-–]\d{2,4}[-–]\d+)\s*[|\t]?\s*(\S.*[A-Za-zÆØÅæøå].*)$"
)
_MINUTES_WORDS = re.compile(
    r"\b(?:referat|dagsorden|mødereferat|beslutningsprotokol|møde\w*)\b", re.I
)


def numbered_item(title: str) -> tuple[str, str] | None:
    """(number, title) when a heading reads as a numbered agenda item."""
    for form in _ITEM_FORMS:
        if (m := form.match(title)) and re.search(r"[A-Za-zÆØÅæøå]{2}", m.group(2)):
            return m.group(1), _clean_title(m.group(2))
    return None


def _stated_and_numbered(text: str, blocks: list[Block]) -> list[_Heading]:
    """The format's headings, plus numbered headings written as paragraphs ("1. Videndeling"
    as a numbered Word paragraph followed by its text) and paragraphs that are only a case
    heading ("Beslutning"), found as in plain text."""
    heads = _block_headings(text, blocks)
    body_starts = {b.start for b in blocks if b.kind in ("prose", "list_item")}
    # when the format states the agenda items as headings, numbered lines in their text are
    # enumerations ("1. Godkendt", "2. Anbefales"), never further items
    kinds = (
        ("numbered", "ad_pkt")
        if any(h.kind == "agenda_item" for h in heads)
        else ("agenda_item", "numbered", "ad_pkt")
    )
    lines = _line_headings(_lines(text))
    found = [h for h in lines if h.start in body_starts and h.kind in kinds]
    # a paragraph that is only a case heading ("Beslutning" in a portal's styled <div>), in a
    # page that states none of its case headings as headings (its "Bilag" aside)
    whole = {b.start: b.end for b in blocks if b.kind == "prose"}
    stated_cases = any(
        head.kind == "standard" and not head.title.lower().startswith("bilag") for head in heads
    )
    cases = [
        h
        for h in lines
        if h.kind == "standard"
        and h.start in whole
        and not text[h.heading_end : whole[h.start]].strip(" :*")
        and not stated_cases
    ]
    found.extend(_sub_items(text, blocks, heads))
    merged = sorted(heads + found + cases, key=lambda h: h.start)
    for before, head in itertools.pairwise(merged):
        if any(head is case for case in cases):
            # a sibling of the case heading before it, else one level under its heading
            head.rank = before.rank if before.kind == "standard" else before.rank + 1
    return merged


_SUB_ITEM = re.compile(r"^(\d{1,2})\.(\d{1,2})\.?\s+(\S.*[A-Za-zÆØÅæøå].*)$")


def _sub_items(text: str, blocks: list[Block], heads: list[_Heading]) -> list[_Heading]:
    """Numbered list items under an agenda item heading ("2. Temaer" + "- 2.1 Status på ...")
    are its sub-items; each number once (minutes repeat the agenda before their notes)."""
    items = sorted((h for h in heads if h.kind == "agenda_item"), key=lambda h: h.start)
    if not items:
        return []
    out: list[_Heading] = []
    seen: set[str] = set()
    for block in blocks:
        if block.kind != "list_item":
            continue
        m = _SUB_ITEM.match(" ".join(text[block.start : block.end].split()))
        parent = next((h for h in reversed(items) if h.start < block.start), None)
        if not m or parent is None or parent.number != m.group(1):
            continue
        number = f"{m.group(1)}.{m.group(2)}"
        if number in seen or len(m.group(3)) > 150:
            continue
        seen.add(number)
        title = _clean_title(m.group(3))
        out.append(_Heading(block.start, block.end, "agenda_item", parent.rank + 1, title, number))
    return out


def _block_headings(text: str, blocks: list[Block]) -> list[_Heading]:
    """Headings stated by the format, with the meaning a reader gives them."""
    minutes = _MINUTES_WORDS.search(text[:600]) is not None
    lines = _lines(text)
    line_index = {line.start: i for i, line in enumerate(lines)}
    heads: list[_Heading] = []
    for block in blocks:
        if block.kind != "heading":
            continue
        title = _clean_title(text[block.start : block.end])
        level = max(block.level, 1)
        kind, number = "markdown", None
        if _STD_RE.match(title) or _DECISION_RE.match(title):
            kind = "standard"
        elif (item := numbered_item(title)) is not None:
            number, item_title = item
            i = line_index.get(block.start)
            if minutes or (i is not None and _item_header_follows(lines, i)):
                kind, title = "agenda_item", item_title
            else:
                kind = "numbered"
        heads.append(_Heading(block.start, block.end, kind, level, title, number))
    return heads


def _fix_ends(sections: list[Section], text: str) -> None:
    """A section ends where the next section of the same or a higher level begins."""
    for i, sec in enumerate(sections):
        end = len(text)
        for later in sections[i + 1 :]:
            if later.level <= sec.level:
                end = later.start
                break
        if sec.parent is not None:
            end = min(
                end, sections[sec.parent].end if sections[sec.parent].end > sec.start else end
            )
        while end > sec.start and text[end - 1].isspace():
            end -= 1
        sec.end = end


def section_path(sections: list[Section], index: int) -> list[str]:
    path: list[str] = []
    cur: int | None = index
    while cur is not None:
        path.append(sections[cur].title)
        cur = sections[cur].parent
    return list(reversed(path))


def agenda_item_at(sections: list[Section], offset: int) -> Section | None:
    """The innermost numbered agenda item holding `offset` ("47", or "2.3" inside "2")."""
    inside = [
        sec
        for sec in sections
        if sec.kind == "agenda_item" and sec.number and sec.start <= offset < sec.end
    ]
    return max(inside, key=lambda sec: sec.start) if inside else None


def within_item(number: str | None, asked: str) -> bool:
    """Agenda item `number` is item `asked` or one of its sub-items ("2.3" under "2")."""
    return number is not None and (number == asked or number.startswith(f"{asked}."))


def innermost_section(sections: list[Section], offset: int) -> int | None:
    """Index of the deepest section containing `offset`."""
    best: int | None = None
    for i, sec in enumerate(sections):
        if sec.start <= offset < max(sec.end, sec.start + 1):
            if best is None or sec.level >= sections[best].level:
                best = i
    return best
