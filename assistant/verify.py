"""Verification of every answer, extractive or generated, before it leaves the assistant.

Checks, in order:

1. every citation is verbatim: `quote == registry_text[start:end]` (a failure is a bug and
   raises in the extractive path; an LLM cannot produce citations, so there it never happens);
2. every `[n]` marker refers to a citation that exists;
3. every sentence carries a marker (framing lines - table headers, a line ending with ":" and
   without numbers, phrases the caller declares as frames - are exempt);
4. every number, amount and date of a sentence occurs in a quote it cites (or in a facts row
   given as data): amounts compare by value ("1,5 mio. kr." = "1.500.000 kr."), dates by
   period (a date is supported by an equally or more precise date inside it), any other number
   as the same number token.

`repair()` drops the sentences that fail 2-4; the caller falls back to the extractive answer
when nothing cited is left.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from assistant.citations import DocumentCache, display_text, renumber
from assistant.types import Answer, Citation
from ingest.clean import one_line
from ingest.dates import find_dates
from ingest.facts.sentences import split_sentences
from ingest.money import find_amounts

MARKER = re.compile(r"\[(\d+(?:\s*[,;]\s*\d+)*)\]")
_MARKER_GROUP = re.compile(r"(?:\s*\[\d+(?:\s*[,;]\s*\d+)*\])+")
_NUMBER = re.compile(r"(?<![\w])\d+(?:[.,:]\d+)*")
_LIST_NUMBER = re.compile(r"^\s*(?:[-*•>]\s+)?(?:\d{1,2}[.)])\s+")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}")
_WHOLE_LINE = re.compile(r"^\s*(?:\||[-*•]\s|\d{1,2}[.)]\s)")


@dataclass
class Unit:
    """One checkable piece of the answer: a sentence or a list/table line."""

    text: str
    line: int
    markers: list[int]
    inherited: bool = False  # the marker follows a later sentence of the same passage


@dataclass
class Verification:
    ok: bool
    problems: list[str] = field(default_factory=list)
    bad_units: list[Unit] = field(default_factory=list)
    citations_verbatim: bool = True


def markers_in(text: str) -> list[int]:
    out: list[int] = []
    for m in MARKER.finditer(text):
        for part in re.split(r"[,;]", m.group(1)):
            n = int(part.strip())
            if n not in out:
                out.append(n)
    return out


def strip_markers(text: str) -> str:
    return MARKER.sub("", text)


def split_units(text: str) -> list[Unit]:
    """Sentences and lines of an answer, each with the citation markers it carries.

    A marker belongs to the sentence it closes; table rows and list items are units of their
    own. Text after the last marker of a line that is not a whole sentence (a stray ".") is
    ignored.
    """
    units: list[Unit] = []
    for line_no, line in enumerate(text.splitlines()):
        if not line.strip():
            continue
        if line.lstrip().startswith("|"):
            units.append(Unit(line.strip(), line_no, markers_in(line)))
            continue
        pos = 0
        pieces: list[tuple[str, list[int]]] = []
        for m in _MARKER_GROUP.finditer(line):
            pieces.append((line[pos : m.start()], markers_in(m.group())))
            pos = m.end()
        pieces.append((line[pos:], []))
        for body, marks in pieces:
            body = body.strip()
            body = re.sub(r"^[.,;:)\]»”\"]+\s*", "", body)
            if not re.search(r"\w", body):
                continue
            sentences = [s.text for s in split_sentences(body)] or [body]
            for i, sentence in enumerate(sentences):
                last = i == len(sentences) - 1
                units.append(Unit(sentence, line_no, marks, inherited=not last and bool(marks)))
    return units


def _is_frame(unit: Unit, frames: Iterable[str]) -> bool:
    text = strip_markers(unit.text).strip()
    plain = text.strip("*_ #>")
    if not plain:
        return True
    if _TABLE_RULE.match(text) or (text.startswith("|") and not re.search(r"\d", text)):
        return True
    if plain.endswith(":") and not re.search(r"\d", plain):
        return True
    return any(plain == f.strip() or plain.startswith(f.strip()) for f in frames if f.strip())


def unsupported_numbers(text: str, supports: Sequence[str]) -> list[str]:
    """Numbers, amounts and dates of `text` that no support text contains."""
    body = _LIST_NUMBER.sub("", strip_markers(text))
    support = "\n".join(supports)
    support_amounts = {round(m.amount_dkk, 2) for m in find_amounts(support)}
    support_amounts |= {round(m.high, 2) for m in find_amounts(support) if m.high is not None}
    support_dates = find_dates(support)
    support_tokens = set(_NUMBER.findall(support))
    missing: list[str] = []
    taken: list[tuple[int, int]] = []
    for m in find_amounts(body):
        taken.append((m.start, m.end))
        values = {round(m.amount_dkk, 2)} | ({round(m.high, 2)} if m.high is not None else set())
        # "1.000 kr." shown from a table's column names, where it is the unit, not an amount
        if not values <= support_amounts and m.text not in support:
            missing.append(m.text)
    for d in find_dates(body):
        if any(a < d.end and d.start < b for a, b in taken):
            continue
        taken.append((d.start, d.end))
        covered = any(s.date >= d.date and s.end_date <= d.end_date for s in support_dates)
        if not covered:
            missing.append(d.text)
    for m in _NUMBER.finditer(body):
        if any(a <= m.start() < b for a, b in taken):
            continue  # part of an amount or date, checked by value above
        if m.group() not in support_tokens:
            missing.append(m.group())
    return missing


def _contains(quote: str, sentence: str) -> bool:
    """The sentence occurs verbatim in the quote (whitespace-insensitive, framing removed),
    also as an answer shows a table row: its cells apart by " – "."""
    t = one_line(strip_markers(sentence)).strip(" >*_")
    return bool(t) and (t in one_line(quote) or t in display_text(quote))


def check_citations(citations: Sequence[Citation], docs: DocumentCache) -> list[str]:
    """Problems with the citations themselves (empty list when all are verbatim)."""
    problems = []
    for c in citations:
        view = docs.get(c.doc_id)
        if view is None:
            problems.append(f"[{c.n}] peger på et ukendt dokument")
        elif not c.quote or view.text[c.start : c.end] != c.quote:
            problems.append(f"[{c.n}] er ikke et ordret uddrag")
    return problems


def verify(
    answer: Answer,
    docs: DocumentCache,
    facts_texts: Sequence[str] = (),
    frames: Iterable[str] = (),
) -> Verification:
    """Check an answer; `facts_texts` are row texts given to the answerer as data."""
    problems = check_citations(answer.citations, docs)
    verbatim = not problems
    by_n = {c.n: c for c in answer.citations}
    frames = list(frames)
    bad: list[Unit] = []
    if answer.abstained:
        units = [u for u in split_units(answer.text) if u.markers]
    else:
        units = split_units(answer.text)
    for unit in units:
        unknown = [n for n in unit.markers if n not in by_n]
        if unknown:
            problems.append(f"ukendt kildehenvisning {unknown} i: {unit.text[:60]}")
            bad.append(unit)
            continue
        if not unit.markers:
            if _is_frame(unit, frames):
                continue
            problems.append(f"sætning uden kilde: {unit.text[:60]}")
            bad.append(unit)
            continue
        if unit.inherited and not any(_contains(by_n[n].quote, unit.text) for n in unit.markers):
            # several sentences before one marker are fine only when copied from its quote
            problems.append(f"sætning uden kilde: {unit.text[:60]}")
            bad.append(unit)
            continue
        quotes = [by_n[n].quote for n in unit.markers] + list(facts_texts)
        missing = unsupported_numbers(unit.text, quotes)
        if missing:
            problems.append(f"tal uden kilde {missing} i: {unit.text[:60]}")
            bad.append(unit)
    if answer.abstained:
        # an abstention may carry no numbers of its own (the question's are not evidence)
        leftover = unsupported_numbers(
            "\n".join(u.text for u in split_units(answer.text) if not u.markers), []
        )
        if leftover:
            problems.append(f"tal i afvisningen: {leftover}")
    return Verification(not problems, problems, bad, verbatim)


def repair(answer: Answer, verification: Verification) -> Answer | None:
    """Drop the failing sentences; None when nothing cited is left (caller falls back)."""
    if not verification.citations_verbatim:
        return None
    bad_texts = {(u.line, u.text) for u in verification.bad_units}
    bad_lines = {u.line for u in verification.bad_units}
    units_by_line: dict[int, list[Unit]] = {}
    for unit in split_units(answer.text):
        units_by_line.setdefault(unit.line, []).append(unit)
    kept_lines: list[str] = []
    for line_no, line in enumerate(answer.text.splitlines()):
        if line_no not in bad_lines:
            kept_lines.append(line)
            continue
        if _WHOLE_LINE.match(line):
            continue  # a list item or table row stands or falls as a whole
        parts = []
        for unit in units_by_line.get(line_no, []):
            if (unit.line, unit.text) in bad_texts:
                continue
            marks = "" if unit.inherited else "".join(f" [{n}]" for n in unit.markers)
            parts.append(unit.text.strip() + marks)
        if parts and markers_in(" ".join(parts)):
            kept_lines.append(" ".join(parts))
    text = "\n".join(line for line in kept_lines).strip()
    text = re.sub(r"\n{3,}", "\n\n", text)
    if not markers_in(text):
        return None
    new_text, citations = renumber(text, answer.citations)
    repaired = Answer(**{**answer.__dict__})
    repaired.text = new_text
    repaired.citations = citations
    return repaired
