"""Document-level metadata from the cleaned text: title, type, date, committee, case numbers.

Heuristics for Danish municipal documents; every rule looks at wording that recurs across
municipalities (document-type words, "Sagsnr.", "...udvalget"), never at a particular corpus.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from ingest.clean import one_line
from ingest.dates import parse_document_date
from ingest.models import Block, DocumentMeta, Section

HEAD_CHARS = 1500  # where titles, dates and case numbers of the document itself stand

_TYPE_RULES: list[tuple[str, re.Pattern[str]]] = [
    (
        "beslutning",
        re.compile(r"^\s*\[(?:[A-Z]{2,4})\]|^\s*beslutning(?:slog|er)?\b", re.I),
    ),
    # a "beslutningsprotokol" is a meeting's minutes of its decisions
    (
        "referat",
        re.compile(r"\b(?:referat|beslutningsreferat|mødereferat|beslutningsprotokol)\b", re.I),
    ),
    ("dagsorden", re.compile(r"\bdagsorden\b", re.I)),
    ("kommissorium", re.compile(r"\bkommissori(?:um|et)\b", re.I)),
    ("bilag", re.compile(r"^\s*bilag\b", re.I | re.M)),
    ("handleplan", re.compile(r"\bhandl(?:e|ings)plan", re.I)),
    ("status", re.compile(r"\bstatus(?:notat|rapport)?\b", re.I)),
    ("notat", re.compile(r"\b(?:notat|notatet|sagsnotat)\b", re.I)),
    ("rapport", re.compile(r"\b\w*rapport(?:en)?\b", re.I)),
    (
        "brev",
        re.compile(r"\b(?:høringssvar|brev)\b|^(?:from|fra|til|to|emne|subject)\s*:", re.I | re.M),
    ),
]
# A body that owns a document: a committee, council, board or named group.
_BODY_RE = re.compile(
    # a first word is a name's part ("Klima, ", "Social-, "), never a verb ("Forelægges …")
    r"\b((?:[A-ZÆØÅ][\wæøå]*(?:-,?|,) (?:og )?)?(?:[A-ZÆØÅ][\wæøå]*-? og )?[A-ZÆØÅ][\wæøå]*"
    r"(?:udvalg(?:et)?|råd(?:et)?|kommunalbestyrelse(?:n)?|borgerrepræsentation(?:en)?"
    r"|direktion(?:en)?|bestyrelse(?:n)?|gruppe(?:n)?))s?(?![\wæøå])"  # "Skoleudvalgets møde"
)
# "Til Børne- og Skoleudvalget", "Cc: …": a letter's addressee, not the body that wrote it
_ADDRESSEE = re.compile(r"\s*(?:til|att\.?|attention|cc|modtager)\b", re.I)
_NOT_BODIES = {"Rådet", "Udvalget", "Gruppen", "Bestyrelsen", "Direktionen", "Arbejdsgruppe"}
_BODY_LABEL = re.compile(
    r"^(?:beslutningstagere|beslutningstager|udvalg|mødeforum|forum|organ|afsender|fra)\s*:\s*(.+)$",
    re.I,
)
_CASE_RE = re.compile(
    r"\b(Sagsnr|Sags nr|Dok\.?\s?nr|Dokumentnr|J\.?\s?nr|Journalnr)\.?\s*:?\s*"
    r"([A-Z0-9][\w./-]*\d)",
    re.I,
)
_CLOSED_RE = re.compile(
    r"^\s*lukket(?: punkt| sag)?\s*$"  # "Lukket" on a line of its own
    r"|^.*\b(?:sagsnr|sags nr|dok\.?\s?nr|j\.?\s?nr)\b.*\slukket\s*$",  # end of the case line
    re.IGNORECASE | re.MULTILINE,
)
_GENERIC_TITLE = re.compile(
    r"^(?:bilag\s*\d*|notat|referat|dagsorden|dagsorden og referat|referat og dagsorden"
    r"|kommissorium|transkript|side \d+|indhold|indholdsfortegnelse)\s*:?$",
    re.I,
)
_DATE_LABEL = re.compile(
    r"^(?:dato|mødedato|møde|tid|tidspunkt|date|udgivet|opdateret|version)\b[^:\n]{0,20}:?\s*",
    re.I,
)
_TITLE_LABEL = re.compile(
    r"^(?:rapport\s*titel|titel|title|emne|subject|vedr\.?|vedrørende)\s*(?::\s*|\s)(.+)$", re.I
)
# An e-mail subject's reply and forward marks ("SV: SV: VS: Udbygning af …"): no part of its title
_REPLY_PREFIX = re.compile(r"^\s*(?:(?:sv|re|vs|fw|fwd|aw|wg)\s*:\s*)+", re.I)
_NOT_TITLE = re.compile(
    r"^(?:doc(?:ument)? id\b.*|version\b.*|side \d+.*|page \d+.*|\d+\s*(?:/|af)\s*\d+|"
    r"from:.*|fra:.*|to:.*|til:.*|sendt:.*|sent:.*|cc:.*|dato\b.*|date\b.*|"
    # a letterhead: the municipality alone, or first in a running header's breadcrumb
    r"\S+ (?:kommune|region)(?:\s*[·|•/–].*)?|region \S+)$",
    re.I,
)
HEADER_LINES = 12


def extract_metadata(
    text: str,
    sections: list[Section],
    source: str,
    title_hint: str | None = None,
    blocks: list[Block] | None = None,
    stated: dict[str, str] | None = None,
    shown_titles: Sequence[str] = (),
) -> DocumentMeta:
    """`stated` holds what the file itself declares (front matter): it wins over guesses.
    `shown_titles` are the lines a PDF sets large on its first page, largest first."""
    stated = stated or {}
    head = text[:HEAD_CHARS]
    header = header_lines(text, blocks)
    structured = any(s.kind == "markdown" for s in sections) or (
        blocks is not None and any(b.kind == "heading" and b.level for b in blocks)
    )
    levels = {b.start: b.level for b in blocks or [] if b.kind == "heading"}
    wide_header = header_lines(text, blocks, n=40)
    title = _title(
        sections,
        source,
        title_hint,
        structured,
        header,
        stated.get("title"),
        levels,
        wide_header,
        _shown_title(shown_titles),
    )
    date = parse_document_date(f"Dato: {stated['date']}") if "date" in stated else None
    date = date or _document_date(header, title, wide_header)
    date_iso, date_text = (date.date.isoformat(), date.text) if date else (None, None)
    doc_type = _doc_type(title, head, sections)
    committee = _body(title, header, sections)
    return DocumentMeta(
        title=_meeting_title(title, doc_type, committee, date_text, header),
        doc_type=doc_type,
        date=date_iso,
        date_text=date_text,
        committee=committee,
        case_numbers=_case_numbers(head),
        closed=bool(_CLOSED_RE.search(head)),
    )


_MEETING_WORD = re.compile(r"^(referat|dagsorden|beslutningsprotokol)\b\s*[:–-]?\s*", re.I)
# "Børne- og Ungeudvalget – Referat": the kind of paper after the body
_MEETING_WORD_LAST = re.compile(r"\s*[:–-]\s*(referat|dagsorden|beslutningsprotokol)\s*$", re.I)


def _meeting_title(
    title: str, doc_type: str, body: str | None, date_text: str | None, header: list[str]
) -> str:
    """Minutes or an agenda whose own heading names only the body ("By- og Kulturudvalget"),
    only the kind of paper ("Beslutningsprotokol"), or the two ("Referat: Økonomiudvalget")
    are titled as a person files them: "Referat – By- og Kulturudvalget – 13. maj 2024";
    twenty meetings of one committee would otherwise share one title. So are those whose
    header sets the kind of paper on a line of its own below a case system's export line."""
    if doc_type not in ("referat", "dagsorden") or not body or not date_text:
        return title
    word = _MEETING_WORD.match(title) or _MEETING_WORD_LAST.search(title)
    named = (title[word.end() :] if word.start() == 0 else title[: word.start()]) if word else title
    kind_line = next(
        (m for line in header[:HEADER_KIND_LINES] if (m := _MEETING_WORD.fullmatch(line))), None
    )
    if named.strip(" :.") and named.casefold().strip(" :.") != body.casefold():
        if kind_line is None or word is not None:
            return title
        word = kind_line
    kind = word.group(1).capitalize() if word else doc_type.capitalize()
    return f"{kind} – {body} – {date_text}"


HEADER_KIND_LINES = 6  # "REFERAT" or "BESLUTNINGSPROTOKOL" alone among the first lines


def _strip_markup(line: str) -> str:
    return re.sub(r"[*#_`]+", "", line).strip()


def header_lines(text: str, blocks: list[Block] | None = None, n: int = HEADER_LINES) -> list[str]:
    """The document's first lines as a reader sees them: junk blocks left out, and a line
    wrapped by the PDF ("Referat – Kultur- og Fritidsudvalget – 8." + "februar 2023") joined."""
    junk = [(b.start, b.end) for b in blocks or [] if not b.answerable and b.kind != "heading"]
    out: list[str] = []
    pos = 0
    for raw in text.split("\n"):
        start, pos = pos, pos + len(raw) + 1
        line = _strip_markup(raw)
        if not line or any(s <= start < e for s, e in junk):
            continue
        if out and (_continues(out[-1], line) or _value_of(out[-1], line)):
            out[-1] = f"{out[-1]} {line}"
            continue
        out.append(line)
        if len(out) >= n:
            break
    return out


_BARE_LABEL = re.compile(r"^[^\W\d][\w .-]{1,30}:$")  # "Dato:" over "20. maj 2026"


def _value_of(previous: str, line: str) -> bool:
    """A letterhead laid out in two columns reads each label on a line of its own and its
    value on the next ("Sagsbehandler:" + "Trine Kjeldsen"): the two are one field."""
    return bool(_BARE_LABEL.match(previous)) and not _BARE_LABEL.match(line)


_OPEN_ENDING = re.compile(
    r"\b(?:til|og|af|for|i|med|om|på|ved|samt|eller|fra|the|of|and)$|[-–,]$", re.I
)


def _continues(previous: str, line: str) -> bool:
    """A short line broken mid-phrase: the next starts in lower case, a date was cut
    ("8." + "februar 2023"), or the line ends in a word no title ends with ("Data til")."""
    cut_date = re.search(r"\b\d{1,2}\.$", previous) is not None
    if len(previous) > 120 or (previous.endswith((".", ":", "!", "?")) and not cut_date):
        return False
    first = line[0]
    return (
        (first.islower() and not _DATE_LABEL.match(line))
        or (cut_date and first.isalpha())
        or (_OPEN_ENDING.search(previous) is not None and len(line) < 80)
    )


def _title(
    sections: list[Section],
    source: str,
    hint: str | None,
    structured: bool,
    header: list[str],
    stated: str | None,
    levels: dict[int, int],
    wide_header: list[str] = (),
    shown: str | None = None,
) -> str:
    """The document's own title: its top heading, or what its first lines say it is.

    A title stated in front matter is often a short navigation label, so the document's own
    level-1 heading goes first when it has one."""
    agenda = [s for s in sections if s.kind == "agenda_item"]
    if len(agenda) == 1 and sections[0] is agenda[0] and agenda[0].start < 300:  # one case
        return f"{agenda[0].number}. {agenda[0].title}"
    headings = [
        s
        for s in sections
        if s.start < 1500
        and s.kind == "markdown"  # a case heading ("Sagsfremstilling") names no document
        and structured
        and not _GENERIC_TITLE.match(s.title)
        and not _NOT_TITLE.match(s.title)  # a Title-styled letterhead: "Herning Kommune"
        and not s.title[:1].isdigit()  # "# **" renders an empty title
    ]
    level = {s.start: levels.get(s.start, s.level) for s in headings}
    if stated and not any(level[s.start] == 1 for s in headings[:3]):
        return _shorten(stated)
    if headings:
        top = min(level[s.start] for s in headings[:3])
        return _shorten(next(s for s in headings[:3] if level[s.start] == top).title)
    if (
        structured
        and hint
        and hint.strip()
        and not hint.strip()[0].isdigit()
        and not _NOT_TITLE.match(hint.strip())
        # "Kommissorium": the first lines say of what ("Referat" is titled by body and date)
        and not (_GENERIC_TITLE.match(hint.strip()) and not _MEETING_WORD.match(hint.strip()))
    ):
        return _shorten(hint)
    for line in header:
        if m := _TITLE_LABEL.match(line):
            return _shorten(_REPLY_PREFIX.sub("", m.group(1)).strip())
    if shown:  # a PDF's largest line that reads as a title; a labelled title goes first
        return _shorten(shown)
    if subject := letter_subject(wide_header):
        return _shorten(subject)
    prefix = ""
    for line in header:
        date = parse_document_date(line)
        if date and len(line) - len(date.text) < 25:
            continue  # "August 2005", "Møde i udvalget d. 7. juni 2021"
        if _NOT_TITLE.match(line) or not re.search(r"[A-Za-zÆØÅæøå]{3}", line):
            continue
        if _GENERIC_TITLE.match(line):
            prefix = line.rstrip(":").strip().capitalize() if not prefix else prefix
            continue
        title = _shorten(line)
        return f"{prefix}: {title}" if prefix else title
    if hint and hint.strip():
        return hint.strip()
    return Path(source).stem.replace("_", " ")


def _shown_title(shown: Sequence[str]) -> str | None:
    """The largest line of a PDF's first page that reads as a title: not its letterhead
    ("SØBJERG KOMMUNE", "Tangbjerg Kommune"), a type word ("NOTAT", "Referat", also over a
    body's name on the next line), a body's name alone ("Byrådet") or a numbered section
    ("1. Baggrund"): minutes are titled from their header ("Referat – <body> – <date>").
    Letterheads are set in capitals, so a line in capitals is no title either."""
    for lines in shown:
        title = one_line(lines)
        words = _WORD_RE.findall(title)
        if (
            len(words) < 2
            or title.isupper()
            or title[:1].isdigit()
            or _NOT_TITLE.match(title)
            or _GENERIC_TITLE.match(title)
            or _GENERIC_TITLE.match(lines.split("\n", 1)[0].strip())  # "Referat" over a body
        ):
            continue
        return title
    return None


_WORD_RE = re.compile(r"[^\W\d_]{2,}")
_SALUTATION = re.compile(r"^(?:kære|hej|dear)\s+\S", re.I)
_FIELD = re.compile(r"^[\w .]{2,30}:\s")  # "Sagsnr.: 24/18233", "Att.: Formand …"


# "Sagsbehandler: …": the field a public authority's letter names its caseworker in
_CASEWORKER = re.compile(r"^sagsbehandler\s*:", re.I)
_LETTER_FIELD = re.compile(r"^[\w .-]{2,30}:\s")  # "Direkte tlf.: …", "E-mail: …"
MAX_LETTERHEAD_LINE = 100  # a longer line is the body: fields below it are not a letter's


def letter_subject(header: list[str]) -> str | None:
    """A letter's subject: the line (wrapped lines joined) right before its salutation ("Kære
    Susanne Petersen"), after the letterhead, the address and the fields ("Sagsnr.: …"); in a
    letter without a salutation, the line right after the fields around "Sagsbehandler: …"."""
    for i, line in enumerate(header[1:], start=1):
        if not _SALUTATION.match(line):
            continue
        return _subject_line(header[i - 1])
    j = _after_caseworker_fields(header)
    if j is None or j >= len(header):
        return None
    subject = header[j]
    if subject.count("»") > subject.count("«") and j + 1 < len(header):
        subject = f"{subject} {header[j + 1]}"  # a quoted name wrapped onto the next line
    return _subject_line(subject)


def _after_caseworker_fields(header: list[str]) -> int | None:
    """The index of the line after the letterhead's fields, when they name a caseworker
    above any line of body text."""
    for i, line in enumerate(header):
        if len(line) > MAX_LETTERHEAD_LINE:
            return None
        if _CASEWORKER.match(line):
            j = i + 1
            while j < len(header) and _LETTER_FIELD.match(header[j]):
                j += 1
            return j
    return None


def _subject_line(line: str) -> str | None:
    if _FIELD.match(line) or _NOT_TITLE.match(line) or len(line.split()) < 3:
        return None
    return line


def is_letter(head_lines: list[str]) -> bool:
    """A salutation ("Kære …") or a caseworker in the letterhead: a letter, whatever it calls
    itself."""
    if any(_SALUTATION.match(line) for line in head_lines):
        return True
    return _after_caseworker_fields(head_lines) is not None


def _shorten(title: str) -> str:
    title = one_line(title)
    return title if len(title) <= 160 else title[:157].rsplit(" ", 1)[0] + " …"


_ANNEX = re.compile(r"\s*bilag(?:\s+(?:\d+|[A-Z])\b)?\s*(?:til\b|:|–|-|\.)", re.IGNORECASE)


_AGREEMENT = re.compile(r"\s*\w*aftale\s*$", re.I)  # "Samarbejdsaftale", "DRIFTSAFTALE"
_TYPE_LINE_WORDS = 3  # "STATUSNOTAT", "Notat", "Kommissorium for arbejdsgruppen" is longer


# a title that opens with its type word and a colon or dash ("Statusnotat: Handleplan …")
_TYPE_OPENS_TITLE = re.compile(r"\s*(\w+)\s*[:–-]\s+\S")


def _stated_type(line: str) -> str | None:
    """A document's first line that is only its type word ("STATUSNOTAT", "KOMMISSORIUM",
    "Notat"): the type it states, unless it is a meeting's (minutes are told by their items)."""
    words = line.split()
    if not words or len(words) > _TYPE_LINE_WORDS or len(line) > 40:
        return None
    if _AGREEMENT.match(line):
        return "aftale"  # "SAMARBEJDSAFTALE": its "§ 1 Parter" clauses are no agenda items
    found = next((name for name, rule in _TYPE_RULES[1:] if rule.search(line)), None)
    return None if found in (None, "referat", "dagsorden", "brev") else found


def _doc_type(title: str, head: str, sections: list[Section]) -> str:
    """Decision records first ("[ODR] ..."), then minutes and agendas by their items, then the
    type word that comes first in the title or the head ("Status for ... handleplanen")."""
    if _TYPE_RULES[0][1].search(title):
        return "beslutning"
    first_line = head.lstrip().split("\n", 1)[0]
    if _ANNEX.match(title) or _ANNEX.match(first_line):
        return "bilag"  # "Bilag 2 til …udvalgets møde …": its numbered chapters are no items
    if stated := _stated_type(first_line):
        return stated  # "STATUSNOTAT" over the title: its numbered chapters are no items
    if (opens := _TYPE_OPENS_TITLE.match(title)) and (stated := _stated_type(opens.group(1))):
        return stated  # "Statusnotat: Handleplan for …": its numbered chapters are no items
    if any(s.kind == "agenda_item" for s in sections):
        titles = " ".join(s.title.lower() for s in sections)
        minutes = re.search(r"\bbeslutning|\breferat\b|\bmødereferat", titles)
        if minutes or re.search(r"\b(?:referat|beslutningsprotokol)", title, re.I):
            return "referat"
        return "dagsorden"
    for where in (title, head[:400]):
        found = [(m.start(), name) for name, rule in _TYPE_RULES if (m := rule.search(where))]
        if found:
            return min(found)[1]
    if is_letter(head.split("\n")):
        return "brev"  # "Kære …", "Sagsbehandler: …": a letter that never calls itself one
    return "other"


def _body(title: str, header: list[str], sections: list[Section]) -> str | None:
    """The body that owns the document, from its title and header only: a body merely
    mentioned in the text ("... sendes til Byrådet") is not the owner."""
    for line in [title, *header]:
        if m := _BODY_LABEL.match(line):
            if found := _BODY_RE.search(m.group(1)) or _meeting_of(m.group(1)):
                return found if isinstance(found, str) else found.group(1)
    heads = (line for line in header[:4] if len(line) <= 100 and not _ADDRESSEE.match(line))
    for line in [title, *heads]:
        for found in _BODY_RE.finditer(_name_cased(line)):
            if found.group(1) not in _NOT_BODIES:
                return found.group(1)
        if body := _meeting_of(line):
            return body
    for line in header:
        if (m := _MEETING_NAME.match(line)) and (name := _meeting_name(m.group(1))):
            return name
    deciders = {
        m.group(1)
        for s in sections
        if s.title.lower().startswith("beslutning") and (m := _BODY_RE.search(s.title))
    }
    if len(deciders) == 1:  # "Beslutning i Børne- og Ungeudvalget den ..." names the decider
        return deciders.pop()
    return None


def _name_cased(line: str) -> str:
    """A line set in capitals ("TEKNIK- OG MILJØUDVALGET") as a name is written ("Teknik- og
    Miljøudvalget"), so a body's name in a case system's header is read as one; other lines
    as they are."""
    if not line.isupper():
        return line
    return " ".join(w.lower() if w in ("OG", "AND") else w.capitalize() for w in line.split())


# "koordinationsgruppemøde", "styregruppemødet": the meeting of a named group; a company's or
# association's "bestyrelsesmøde" is its board's (the one board it has)
_MEETING_COMPOUND = re.compile(
    r"\b(\w{3,}(?:gruppe|udvalg|råd|bestyrelse|forum)|bestyrelse)s?mø(?:de|det|der)\b", re.I
)
_DEFINITE = {"gruppe": "n", "bestyrelse": "n", "udvalg": "et", "råd": "et", "forum": "et"}
_MEETING_NAME = re.compile(r"^(?:mødenavn|møde|mødeforum)\s*:\s*(.+)$", re.I)


def _meeting_of(line: str) -> str | None:
    if not (m := _MEETING_COMPOUND.search(line)):
        return None
    word = m.group(1)
    suffix = next(v for k, v in _DEFINITE.items() if word.lower().endswith(k))
    return word[0].upper() + word[1:].lower() + suffix


def _meeting_name(value: str) -> str | None:
    """ "Mødenavn: OS2 Ai Heat Control (afholdes ...)": the named meeting's group."""
    if body := _meeting_of(value):
        return body
    if parse_document_date(value) is not None:
        return None  # "Møde: Tirsdag 13.10.2026 kl. 16:00": when, not whose
    name = re.split(r"\s*[(–-]\s*|\s+(?:møde|projektmøde)\b", value, flags=re.I)[0].strip()
    return name if 3 <= len(name) <= 60 else None


def _case_numbers(head: str) -> list[str]:
    out: list[str] = []
    for m in _CASE_RE.finditer(head):
        label = re.sub(r"\s+", "", m.group(1)).rstrip(".")
        value = f"{label}.: {m.group(2)}" if not label.endswith(".") else m.group(2)
        if value not in out:
            out.append(value)
    return out


# "Status pr. 1. marts 2026 · Sagsnr. 24/11873 · Til Teknik- og Miljøudvalget …": a header
# line of fields, however long, is no running text
_FIELD_SEPARATOR = re.compile(r"\s[·|•]\s")


def _document_date(header: list[str], title: str, wide_header: list[str]):
    """A labelled date ("Dato: ...", "Tid: ...") first, then the first dated header line;
    long lines are running text, where a date is an event."""
    for line in wide_header:
        if _DATE_LABEL.match(line) and (found := parse_document_date(line)) is not None:
            return found
    for line in [*header, title]:
        found = parse_document_date(line)
        if found is None:
            continue
        if len(line) <= 120 or found.start <= 3 or len(_FIELD_SEPARATOR.findall(line)) >= 2:
            return found
    return None
