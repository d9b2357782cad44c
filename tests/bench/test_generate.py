"""The synthetic generator writes documents the real pipeline parses, with the amounts and
deadlines it wrote findable by the facts extractor (so scale benchmarks do real work)."""

from __future__ import annotations

import calendar
import datetime as dt
import re

import pytest

from bench.generate import MONTHS, generate, make_document, write_pdf
from ingest.facts import extract_facts, record_for_path

ALLOCATION = re.compile(r"Der afsættes (.+?) til ")
DEADLINE = re.compile(
    r"forelægges [^.]+? (senest \d{1,2}\. [a-zæøå]+ \d{4}|senest [a-zæøå]+ \d{4})\."
)
YEAR_SUFFIX = re.compile(r" i \d{4}$")


def _allocated_amounts(text: str) -> list[str]:
    """ "2,3 mio. kr. i 2007 og 3,2 mio. kr. i 2008" -> ["2,3 mio. kr.", "3,2 mio. kr."]."""
    out = []
    for m in ALLOCATION.finditer(text):
        out += [YEAR_SUFFIX.sub("", part) for part in m.group(1).split(" og ")]
    return out


def _due(deadline: str) -> str:
    """ISO last day of "senest 11. december 2024" / "senest november 2009"."""
    parts = deadline.split()[1:]
    year = int(parts[-1])
    month = MONTHS.index(parts[-2]) + 1
    day = int(parts[0].rstrip(".")) if len(parts) == 3 else calendar.monthrange(year, month)[1]
    return dt.date(year, month, day).isoformat()


def test_deterministic_by_seed_and_index():
    assert make_document(7, 3) == make_document(7, 3)
    assert make_document(7, 3).text != make_document(7, 4).text
    assert make_document(7, 3).text != make_document(8, 3).text


def test_corpus_has_all_formats_and_kinds(tmp_path):
    paths = generate(tmp_path, 40, seed=7)
    assert len(paths) == 40 and all(p.exists() for p in paths)
    assert {p.suffix for p in paths} == {".txt", ".md", ".pdf"}
    assert {p.name.split("_")[0] for p in paths} == {"referat", "statusnotat", "kommissorium"}
    assert all(p.read_bytes().startswith(b"%PDF") for p in paths if p.suffix == ".pdf")


def _first(fmt: str, kind: str, seed: int = 7):
    return next(
        d
        for i in range(200)
        if (d := make_document(seed, i)).fmt == fmt and d.name.startswith(kind)
    )


@pytest.mark.parametrize(
    ("fmt", "kind"), [("txt", "referat"), ("md", "statusnotat"), ("pdf", "referat")]
)
def test_facts_extractor_finds_generated_amounts_and_deadlines(tmp_path, fmt, kind):
    doc = _first(fmt, kind)
    path = tmp_path / doc.name
    if fmt == "pdf":
        write_pdf(doc, path)
    else:
        path.write_text(doc.text, encoding="utf-8")
    record = record_for_path(path)
    facts = extract_facts(record)

    amounts = _allocated_amounts(doc.text)
    assert amounts, "every generated document allocates money"
    found_amounts = {b.amount_text for b in facts.budgets}
    assert set(amounts) <= found_amounts

    # Compared as due dates: in PDFs a deadline may wrap ("11. december\n2024").
    deadlines = {_due(d) for d in DEADLINE.findall(doc.text)}
    assert deadlines, "the generator writes dated follow-ups"
    assert deadlines <= {f.due_date for f in facts.followups}
    if kind == "referat":  # every agenda item ends in "Beslutning i <udvalg> den <dato>"
        assert len(facts.decisions) == doc.text.count("\nBeslutning i ")
