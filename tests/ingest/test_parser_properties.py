"""Property tests (hypothesis) for the ingest parsers that read arbitrary text.

For any string: no exception, and every mention points at exactly the text it claims
(`text[start:end] == mention.text`), in order. Round trips where they exist: an amount
written the Danish way and parsed again is the same amount; an ISO date (or a Danish day
date) stays the same date. The facts extractors (budgets, deadlines/follow-ups, decisions)
run over whole generated documents.
"""

from __future__ import annotations

import datetime as dt
import math

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from ingest.dates import find_dates, parse_document_date
from ingest.facts import extract_facts, record_from_text
from ingest.money import find_amounts, parse_number
from ingest.structure import build_sections, innermost_section, section_path
from tests.text_strategies import any_text, danish_like

FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
MONTHS = [
    "januar", "februar", "marts", "april", "maj", "juni",
    "juli", "august", "september", "oktober", "november", "december",
]  # fmt: skip


def danish_number(value: int, sep: str = ".") -> str:
    """1500000 -> '1.500.000' (or '1 500 000' with sep=' ')."""
    return f"{value:,}".replace(",", sep)


# ------------------------------------------------------------------------------- money


@FAST
@given(any_text)
def test_find_amounts_never_fails_and_points_at_its_text(text: str):
    found = find_amounts(text)
    last = -1
    for m in found:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        assert m.start >= last
        last = m.start
        assert math.isfinite(m.amount_dkk) and m.amount_dkk >= 0
        if m.low is not None and m.high is not None:
            assert m.low <= m.high


@FAST
@given(any_text)
def test_parse_number_never_fails(text: str):
    value = parse_number(text)
    assert value is None or isinstance(value, float)


@FAST
@given(st.integers(min_value=0, max_value=999_999_999_999))
def test_integer_amounts_round_trip(value: int):
    forms = [danish_number(value), danish_number(value, " "), str(value)]
    if 1900 <= value <= 2099:
        forms.pop()  # a bare year-like "2025 kr." is by design not read as money
    for written in forms:
        assert parse_number(written) == value
        found = find_amounts(f"Der afsættes {written} kr. til projektet.")
        assert [m.amount_dkk for m in found] == [value], written


@FAST
@given(st.integers(min_value=0, max_value=999_999), st.integers(min_value=0, max_value=99))
@example(4, 69)  # 4 + 69/100 is not the float nearest 4.69: found in CI
def test_amounts_with_oere_round_trip(kroner: int, oere: int):
    written = f"{danish_number(kroner)},{oere:02d}"
    value = (kroner * 100 + oere) / 100  # the amount as the nearest float, as a parser reads it
    assert parse_number(written) == pytest.approx(value, abs=1e-9)
    found = [m.amount_dkk for m in find_amounts(f"Prisen er {written} kr.")]
    assert found == [pytest.approx(value, abs=1e-9)]


@FAST
@given(st.integers(min_value=1, max_value=999), st.integers(min_value=0, max_value=9))
def test_scaled_amounts_round_trip(whole: int, tenth: int):
    number = f"{whole},{tenth}" if tenth else str(whole)
    value = whole + tenth / 10
    for scale, factor in (("mio. kr.", 1e6), ("mia. kr.", 1e9), ("t.kr.", 1e3)):
        found = find_amounts(f"Rammen er på {number} {scale} i alt.")
        assert len(found) == 1, (number, scale, found)
        assert math.isclose(found[0].amount_dkk, value * factor), (number, scale)


# ------------------------------------------------------------------------------- dates


@FAST
@given(any_text, st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2060, 12, 31)))
def test_find_dates_never_fails_and_points_at_its_text(text: str, ref: dt.date):
    for found in (find_dates(text), find_dates(text, ref)):
        for m in found:
            assert 0 <= m.start < m.end <= len(text)
            assert text[m.start : m.end] == m.text
            assert m.date <= m.end_date
    parse_document_date(text)


@FAST
@given(st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_iso_and_danish_dates_round_trip(day: dt.date):
    for written in (day.isoformat(), f"{day.day}. {MONTHS[day.month - 1]} {day.year}"):
        found = find_dates(f"Mødet blev holdt {written} på rådhuset.")
        assert [(m.text, m.date, m.end_date) for m in found] == [(written, day, day)]


# --------------------------------------------------------------------- agenda-item headings


@FAST
@given(any_text)
def test_build_sections_never_fails_and_nests_within_the_text(text: str):
    sections = build_sections(text)
    for i, s in enumerate(sections):
        assert 0 <= s.start <= s.end <= len(text)
        if s.parent is not None:
            assert s.parent < i
            parent = sections[s.parent]
            assert parent.start <= s.start and s.end <= parent.end
        section_path(sections, i)
    for offset in (0, len(text) // 2, len(text)):
        innermost_section(sections, offset)


@FAST
@given(
    st.integers(min_value=1, max_value=999),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyzæøå ", min_size=3, max_size=40).map(str.strip),
)
def test_agenda_item_headings_are_found_with_number_and_title(number: int, words: str):
    title = ("Status på " + words).strip()
    text = (
        f"{number}. {title}\n\nSagsnr.: 27.00.00-2021-5\n\nSagens indhold\n\n"
        "Udvalget drøfter sagen og afsætter midler til indsatsen.\n"
    )
    heads = [s for s in build_sections(text) if s.number == str(number)]
    assert heads, build_sections(text)
    assert " ".join(heads[0].title.split()) == " ".join(title.split())
    assert heads[0].start == 0


# ---------------------------------------------------- budgets, deadlines, decisions at once


@SLOW
@given(danish_like)
def test_facts_extraction_never_fails_on_a_generated_document(text: str):
    doc = record_from_text(text)
    facts = extract_facts(doc)
    for row in [*facts.budgets, *facts.followups, *facts.decisions]:
        assert 0 <= row.start <= row.end <= len(text)
