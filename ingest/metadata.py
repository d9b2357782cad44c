"""Document-level metadata from the cleaned text: title, type, date, committee, case numbers.

Heuristics for Danish municipal documents; every rule looks at wording that recurs across
municipalities (document-type words, "Sagsnr.", "...udvalget"), never at a particular corpus.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from ingest.dates import parse_document_date
from ingest.models import DocumentMeta, Section

HEAD_CHARS = 1500  # where titles, dates and case numbers of the document itself stand

_TYPE_RULES: list[tuple[str, re.Pattern[str]]] = [
    ("beslutningsprotokol", re.compile(r"\bbeslutningsprotokol", re.I)),
    ("referat", re.compile(r"\b(?:referat|beslutningsreferat)\b", re.I)),
    ("dagsorden", re.compile(r"\bdagsorden\b", re.I)),
    ("kommissorium", re.compile(r"\bkommissori(?:um|et)\b", re.I)),
    ("bilag", re.compile(r"^\s*bilag\b", re.I | re.M)),
    ("handleplan", re.compile(r"\bhandl(?:e|ings)plan", re.I)),
    ("status", re.compile(r"\bstatus\b", re.I)),
    ("notat", re.compile(r"\b(?:notat|notatet|sagsnotat)\b", re.I)),
]

_COMMITTEE_RE = re.compile(
    r"\b((?:[A-ZÆØÅ][\wæøå]*-? og )?[A-ZÆØÅ][\wæøå]*(?:udvalg(?:et)?|råd(?:et)?"
    r"|kommunalbestyrelse(?:n)?|borgerrepræsentation(?:en)?|direktion(?:en)?))\b"
)
_NOT_COMMITTEES = {"Byrådet", "Rådet", "Udvalget", "Direktionen", "Kommunalbestyrelsen"}
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
_YEAR_RE = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
_GENERIC_TITLE = re.compile(
    r"^(?:bilag\s*\d*|notat|referat|dagsorden|kommissorium|transkript|side \d+)\s*:?$", re.I
)


def extract_metadata(
    text: str, sections: list[Section], source: str, title_hint: str | None = None
) -> DocumentMeta:
    head = text[:HEAD_CHARS]
    title = _title(text, sections, source, title_hint)
    date = _header_date(text)
    date_iso, date_text = (date.date.isoformat(), date.text) if date else _year_only(text)
    return DocumentMeta(
        title=title,
        doc_type=_doc_type(title, head, sections),
        date=date_iso,
        date_text=date_text,
        committee=_committee(text, sections),
        case_numbers=_case_numbers(head),
        closed=bool(_CLOSED_RE.search(head)),
    )


def _first_lines(text: str, n: int = 8) -> list[str]:
    return [ln.strip() for ln in text.split("\n") if ln.strip()][:n]


def _title(text: str, sections: list[Section], source: str, hint: str | None) -> str:
    agenda = [s for s in sections if s.kind == "agenda_item"]
    if len(agenda) == 1:  # one case from the minutes: the case is the document
        return f"{agenda[0].number}. {agenda[0].title}"
    markdown = [s for s in sections if s.kind == "markdown"]
    if markdown and markdown[0].start < 400:
        return markdown[0].title
    lines = _first_lines(text)
    prefix = ""
    for line in lines:
        clean = re.sub(r"[*#_`]+", "", line).strip()
        date = parse_document_date(clean)
        if date and len(clean) - len(date.text) < 25:
            continue  # "August 2005", "Møde i udvalget d. 7. juni 2021"
        if _GENERIC_TITLE.match(clean):
            prefix = clean.rstrip(":").strip().capitalize() if not prefix else prefix
            continue
        title = clean if len(clean) <= 160 else clean[:157].rsplit(" ", 1)[0] + " …"
        return f"{prefix}: {title}" if prefix else title
    if hint and hint.strip():
        return hint.strip()
    return Path(source).stem.replace("_", " ")


def _doc_type(title: str, head: str, sections: list[Section]) -> str:
    kinds = {s.kind for s in sections}
    titles = " ".join(s.title.lower() for s in sections)
    if "agenda_item" in kinds or re.search(r"\bbeslutning i\b", titles):
        if re.search(r"\bbeslutning", titles):
            for name, rule in _TYPE_RULES[:3]:
                if rule.search(title):
                    return name
            return "referat"
        return "dagsorden"
    for where in (title, head[:400]):
        # the type word that comes first names the document ("Status for ... handleplanen")
        found = [(m.start(), name) for name, rule in _TYPE_RULES if (m := rule.search(where))]
        if found:
            return min(found)[1]
    return "other"


def _committee(text: str, sections: list[Section]) -> str | None:
    for sec in sections:  # "Beslutning i Børne- og Ungeudvalget den ..." names the decider
        if sec.title.lower().startswith("beslutning"):
            m = _COMMITTEE_RE.search(sec.title)
            if m:
                return m.group(1)
    counts = Counter(
        m.group(1) for m in _COMMITTEE_RE.finditer(text) if m.group(1) not in _NOT_COMMITTEES
    )
    if not counts:
        return None
    name, n = counts.most_common(1)[0]
    return name if n >= 1 else None


def _case_numbers(head: str) -> list[str]:
    out: list[str] = []
    for m in _CASE_RE.finditer(head):
        label = re.sub(r"\s+", "", m.group(1)).rstrip(".")
        value = f"{label}.: {m.group(2)}" if not label.endswith(".") else m.group(2)
        if value not in out:
            out.append(value)
    return out


def _header_lines(text: str) -> list[str]:
    """The document's own header: its first lines, as long as they are short. Long lines are
    running text, where a date is an event ("besluttede på mødet den 18. november 2014")."""
    return _first_lines(text, 8)


def _header_date(text: str):
    for line in _header_lines(text):
        found = parse_document_date(line)
        if found is None:
            continue
        if len(line) <= 120 or found.start <= 3:
            return found
    return None


def _year_only(text: str) -> tuple[str | None, str | None]:
    for line in _header_lines(text):
        if len(line) <= 120 and (m := _YEAR_RE.search(line)):
            return f"{m.group(1)}-01-01", m.group(1)
    return None, None
