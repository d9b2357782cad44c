"""Property tests (hypothesis) for the question-side text code: the Danish analyzer (BM25
terms) and the question-intent classifier.

For any string: no exception and well-formed output. Round trips where they exist: one amount
written three Danish ways gives one canonical amount term, one date written the ISO way, the
Danish way and numerically gives one canonical date term, and an ISO `as_of` stays that date.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.analysis import DanishAnalyzer, normalize
from assistant.intent import classify, parse_as_of
from tests.text_strategies import any_text

FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
KINDS = {
    "lookup", "list", "budget", "budget_list", "decision", "definition", "followup",
    "followup_list",
}  # fmt: skip
MONTHS = [
    "januar", "februar", "marts", "april", "maj", "juni",
    "juli", "august", "september", "oktober", "november", "december",
]  # fmt: skip


@pytest.fixture(scope="module")
def analyzer() -> DanishAnalyzer:
    return DanishAnalyzer()


@FAST
@given(text=any_text)
def test_analyzer_never_fails_and_gives_terms(analyzer: DanishAnalyzer, text: str):
    terms = analyzer.analyze(text)
    assert all(isinstance(t, str) and t for t in terms)
    assert analyzer.analyze(text) == terms  # caches change nothing


@FAST
@given(text=any_text)
def test_normalize_is_idempotent(text: str):
    once = normalize(text)
    assert normalize(once) == once


@FAST
@given(kroner=st.integers(min_value=1_000, max_value=999_999_999))
def test_one_amount_written_three_ways_has_one_canonical_term(
    analyzer: DanishAnalyzer, kroner: int
):
    dotted = f"{kroner:,}".replace(",", ".")
    canonical = str(kroner)
    # Not "1.000,00 kr.": its term is "1000,00" (noted; the analyzer's terms are left as is).
    for written in (f"{dotted} kr.", f"{kroner} kr", f"{dotted} kroner"):
        assert canonical in analyzer.analyze(written), written
    if kroner % 100_000 == 0:
        millions = f"{kroner / 1_000_000:g}".replace(".", ",")
        assert canonical in analyzer.analyze(f"{millions} mio. kr.")


@FAST
@given(day=st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_one_date_written_three_ways_has_one_canonical_term(analyzer: DanishAnalyzer, day):
    iso = day.isoformat()
    danish = f"{day.day}. {MONTHS[day.month - 1]} {day.year}"
    for written in (iso, danish, day.strftime("%d.%m.%Y")):
        assert iso in analyzer.analyze(written), written


@FAST
@given(question=any_text)
def test_classify_never_fails(question: str):
    intent = classify(question)
    assert intent.kind in KINDS
    assert intent.years == sorted(set(intent.years))
    assert all(d.date <= d.end_date for d in intent.dates)
    if intent.kind == "definition":
        assert intent.definition_term


@FAST
@given(value=any_text)
def test_parse_as_of_returns_a_date_or_says_why(value: str):
    try:
        assert isinstance(parse_as_of(value), dt.date)
    except ValueError as e:
        assert "Ugyldig dato" in str(e)


@FAST
@given(day=st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))
def test_iso_as_of_round_trips(day: dt.date):
    assert parse_as_of(day.isoformat()) == day
    assert parse_as_of(f" {day.isoformat()}\n") == day
