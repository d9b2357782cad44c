"""Starter questions: only clean candidates, each kept only when the real assistant answers it
with a citation to where it came from, cached per corpus version."""

from __future__ import annotations

import pytest

from assistant.overview.suggestions import (
    Candidate,
    SuggestionCache,
    answers_with_citation,
    candidate_pools,
    checked_questions,
    clean_phrase,
    corpus_version,
)
from assistant.types import Answer, Citation, SearchFilters
from tests.assistant.overview.conftest import save


@pytest.mark.parametrize(
    "junk",
    [
        "tilbage til forsiden",
        "Tilbage til oversigten",
        "Indholdsfortegnelse",
        "Bilagsliste",
        "Bilag 1: Budgetoversigt.pdf",
        "From:Rasmus Hansen rh@example.dk",
        "| 10 | PM2 |",
        "Indledning ........ 3",
        "initiativer i ældreudspillet bl",  # "bl.a." cut at the full stop
        "Ny model til fordeling blandt skolerne af budgetter til",  # cut at a line break
        "S i d e 1 | 11",
        "https://example.dk/side",
    ],
)
def test_furniture_and_fragments_are_not_phrases(junk):
    assert clean_phrase(junk) is None


@pytest.mark.parametrize(
    "good",
    [
        "Videreførelse af motorikprojektet KaMiBe",
        "Strandparken I/S budget 2026",
        "Skoleudvikling 2025/2026",
        "bygningsoptimering og kapacitetsbehov på dagtilbud",
    ],
)
def test_names_are_phrases(good):
    assert clean_phrase(good) == good


MINUTES = """Økonomiudvalget
Referat af møde den 4. april 2022

Tilbage til forsiden

1. Godkendelse af dagsorden

Beslutning i Økonomiudvalget den 4. april 2022

Godkendt.

2. Renovering af Hundige Bibliotek

Sagsnr.: 82.02.00-2022-11

Sagens indhold

Der er i budgettet afsat 3,4 mio. kr. til renovering af Hundige Bibliotek. Arbejdet skal \
være færdigt senest 1. december 2022.

Beslutning i Økonomiudvalget den 4. april 2022

Godkendt.

Bilag

Bilag 1: Tegninger.pdf
"""


def test_candidates_come_from_items_and_budgets_never_from_navigation(registry):
    save(registry, MINUTES, "oeu_2022-04-04_referat.txt")
    questions = [c.question for pool in candidate_pools(registry, {"public"}) for c in pool]
    assert "Hvad blev der besluttet om Renovering af Hundige Bibliotek?" in questions
    joined = " ".join(questions).lower()
    for junk in ("forsiden", "dagsorden", "tegninger", "bilag"):
        assert junk not in joined, questions


def _answer(doc_id: str, abstained: bool = False, text: str = "Svar [1]") -> Answer:
    cites = (
        []
        if abstained
        else [
            Citation(
                n=1,
                doc_id=doc_id,
                source="x",
                title="x",
                page=1,
                section="",
                quote="q",
                start=0,
                end=1,
            )
        ]
    )
    return Answer(text=text, citations=cites, abstained=abstained)


def test_check_needs_a_citation_to_the_origin_and_an_amount_for_money():
    item = Candidate("Hvad blev der besluttet om X?", "item", frozenset({"a"}))
    assert answers_with_citation(item, lambda q: _answer("a"))
    assert not answers_with_citation(item, lambda q: _answer("b"))  # cites another document
    assert not answers_with_citation(item, lambda q: _answer("a", abstained=True))
    money = Candidate("Hvor meget blev afsat til X?", "budget", frozenset({"a"}))
    assert not answers_with_citation(money, lambda q: _answer("a", text="Om X [1]."))
    assert answers_with_citation(
        money, lambda q: _answer("a", text="Der er afsat 3,4 mio. kr. [1].")
    )


def test_every_kept_question_is_answered_with_a_citation_on_the_corpus(corpus_store):
    """The real assistant on corpus/: every suggestion answers, cited, without abstaining."""
    from assistant.answer import Assistant

    _, stores, _ = corpus_store
    assistant = Assistant(stores)
    filters = SearchFilters(access={"public"})
    questions = checked_questions(
        stores.registry, {"public"}, lambda q: assistant.ask(q, filters=filters)
    )
    assert len(questions) == 6
    kinds = {q.split()[1] for q in questions}  # "meget", "blev", "betyder", ...
    assert len(kinds) >= 3, questions
    for q in questions:
        answer = assistant.ask(q, filters=filters)
        assert not answer.abstained and answer.citations, q


def test_cache_builds_once_per_corpus_version(registry):
    save(registry, MINUTES, "oeu_2022-04-04_referat.txt")
    asked: list[str] = []

    def ask(question: str) -> Answer:
        asked.append(question)
        return _answer("oeu_2022-04-04_referat")

    cache = SuggestionCache()
    first = cache.get(registry, {"public"}, ask)
    n = len(asked)
    assert first and n
    assert cache.get(registry, {"public"}, ask) == first
    assert len(asked) == n  # served from the cache
    version = corpus_version(registry, {"public"})
    save(registry, MINUTES.replace("3,4 mio. kr.", "3,9 mio. kr."), "oeu_2022-04-04_referat.txt")
    assert corpus_version(registry, {"public"}) != version
    cache.get(registry, {"public"}, ask)
    assert len(asked) > n  # a changed document means a new check


def test_closed_documents_give_no_candidates_to_the_public(registry):
    save(registry, MINUTES, "oeu_2022-04-04_referat.txt", access="lukket")
    assert not any(candidate_pools(registry, {"public"}))
    assert corpus_version(registry, {"public"}) != corpus_version(registry, {"public", "lukket"})


def test_two_suggestions_about_the_same_thing_are_one_too_many():
    from assistant.overview.suggestions import _repeats

    kept = ["Hvad er der sket med Lunas Ark?"]
    assert _repeats("Hvor meget blev afsat til opførelse af en ny Lunas Ark?", kept)
    assert not _repeats("Hvor meget blev afsat til genhusning af Klub Godset?", kept)
