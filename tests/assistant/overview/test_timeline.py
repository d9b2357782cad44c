"""Timeline: dated meetings, decisions, deadlines and completions with verbatim citations."""

from __future__ import annotations

import datetime as dt
import re

from assistant.overview.programmes import list_programmes
from assistant.overview.timeline import timeline, what_happened
from assistant.overview.timeline_answer import answer_what_happened, topic_of
from tests.assistant.overview.conftest import save

TASK_FORCE = "bufu_2021-06-07_568_task_force_status.txt"
NORDDJURS = "norddjurs_status_handleplan_arbejdsmarked_2015.txt"


def _find(events, **match):  # type: ignore[no-untyped-def]
    return [e for e in events if all(e.get(k) == v for k, v in match.items())]


def test_corpus_timeline(corpus_store):
    _, stores, _ = corpus_store
    registry = stores.registry
    events = timeline(registry, {"public"}, today=dt.date(2026, 1, 1))
    dates = [e["date"] for e in events]
    assert dates == sorted(dates)
    [meeting] = _find(events, kind="meeting", source=TASK_FORCE)
    assert meeting["date"] == "2021-06-07"
    assert meeting["citation"]["quote"] == "7. juni 2021"
    decision = _find(events, kind="decision", source=NORDDJURS, date="2014-11-18")
    assert decision[0]["citation"]["quote"] == (
        "Kommunalbestyrelsen besluttede på mødet den 18. november 2014 en handleplan for "
        "arbejdsmarkedsområdet."
    )
    [approval] = [e for e in _find(events, kind="deadline", date="2021-09-30")
                  if "godkendt" in e["citation"]["quote"]]  # fmt: skip
    assert approval["citation"]["quote"] == "Handleplanen skal være godkendt senest september 2021."
    assert approval["status"] == "overdue"
    done = _find(events, kind="completion", source=NORDDJURS, date="2015-09-18")
    assert done[0]["citation"]["quote"].startswith(
        "Den 18. september 2015 blev afholdt en fællesdag"
    )
    texts = {d["id"]: registry.get_document(d["id"]).text for d in registry.list_documents()}
    for e in events:
        c = e["citation"]
        assert texts[c["doc_id"]][c["start"] : c["end"]] == c["quote"]


def test_filters(corpus_store):
    _, stores, _ = corpus_store
    registry = stores.registry
    committee = timeline(registry, {"public"}, committee="børne- og ungeudvalget")
    assert committee and {e["source"] for e in committee} == {TASK_FORCE}
    task_force = next(
        p for p in list_programmes(registry, {"public"}) if p["name"].startswith("Task Force")
    )
    in_programme = timeline(registry, {"public"}, programme=task_force["id"])
    assert in_programme and {e["source"] for e in in_programme} == {TASK_FORCE}
    assert all(task_force["id"] in [p["id"] for p in e["programmes"]] for e in in_programme)
    decisions = timeline(registry, {"public"}, kinds={"decision"})
    assert decisions and {e["kind"] for e in decisions} == {"decision"}
    assert timeline(registry, {"hr"}) == []


def test_what_happened_latest_first(corpus_store):
    _, stores, _ = corpus_store
    events = what_happened(
        stores.registry, {"public"}, "Hvad er der sket med Task Force-projektet?"
    )
    assert events[0]["date"] == "2021-06-07"
    happened = [e for e in events if e["kind"] != "deadline"]
    assert [e["date"] for e in happened] == sorted((e["date"] for e in happened), reverse=True)
    assert {e["source"] for e in events} == {TASK_FORCE}


MINUTES = """Kultur- og Fritidsudvalget
Referat af møde den 12. maj 2023

22. Ny bibliotekslov og lokale konsekvenser

Beslutningstema

Udvalget orienteres om den nye bibliotekslov.

Sagens indhold

Byrådet vedtog den 3. april 2023 en ny strategi for bibliotekerne. Den nye selvbetjening blev \
etableret den 1. marts 2023. Forvaltningen skal udarbejde en handleplan senest 1. oktober 2023.
"""


def test_events_from_written_minutes(registry):
    save(registry, MINUTES, "kfu_22.txt")
    events = timeline(registry, {"public"}, today=dt.date(2023, 6, 1))
    got = [(e["date"], e["kind"]) for e in events]
    assert got == [
        ("2023-03-01", "completion"),
        ("2023-04-03", "decision"),
        ("2023-05-12", "meeting"),
        ("2023-10-01", "deadline"),
    ]
    deadline = events[-1]
    assert deadline["status"] == "open"
    assert deadline["citation"]["quote"] == (
        "Forvaltningen skal udarbejde en handleplan senest 1. oktober 2023."
    )
    later = timeline(registry, {"public"}, today=dt.date(2024, 1, 1))
    assert later[-1]["status"] == "overdue"


def test_answer_what_happened(corpus_store):
    _, stores, _ = corpus_store
    assert topic_of("Hvordan går det med handleplanen?") == "handleplanen"
    assert topic_of("Hvor meget blev afsat til videndeling?") is None
    answer = answer_what_happened("Hvad er der sket med Task Force-projektet?", stores, {"public"})
    lines = answer.text.split("\n")
    assert lines[0] == "Det seneste om **Task Force-projektet**, nyeste først:"
    assert lines[1] == "- 7. juni 2021 · Møde i Børne- og Ungeudvalget [1]"
    assert answer.intent == "timeline" and len(answer.citations) == 6
    texts = {}
    for c in answer.citations:
        text = texts.setdefault(c.doc_id, stores.registry.get_document(c.doc_id).text)
        assert text[c.start : c.end] == c.quote
    # Every number in the answer is in a cited quote.
    quoted = " ".join(c.quote for c in answer.citations)
    numbers = set(re.findall(r"\d+", re.sub(r"\[\d+\]", "", answer.text)))
    assert numbers <= set(re.findall(r"\d+", quoted))
    assert answer_what_happened("Hvad er der sket med ingenting?", stores, {"public"}) is None
    assert (
        answer_what_happened("Hvad er der sket med Task Force-projektet?", stores, {"hr"}) is None
    )


def test_a_deadline_reads_as_a_sentence_when_its_action_is_too_short():
    from assistant.overview.timeline import _followup_label

    quote = "Sundheds- og Omsorgsudvalget skal beslutte, hvem der deltager, senest 15. juni 2024."
    assert _followup_label({"action": "Sundheds- og Omsorgsudvalget", "quote": quote}) == quote
    row = {"action": "| Indflytning i midlertidige bygninger ved Klub Godset |", "quote": "x"}
    assert _followup_label(row) == "Indflytning i midlertidige bygninger ved Klub Godset"


def test_a_decision_names_the_item_it_decided(registry):
    text = """Økonomiudvalget
Referat af møde den 4. april 2022

3. Renovering af Hundige Bibliotek

Sagsnr.: 82.02.00-2022-11

Indstilling

Administrationen indstiller, at renoveringen godkendes.

Beslutning i Økonomiudvalget den 4. april 2022

Godkendt.
"""
    save(registry, text, "oeu_2022-04-04.txt")
    labels = [e["label"] for e in timeline(registry, {"public"}, kinds={"decision"})]
    assert any("Renovering af Hundige Bibliotek" in x and "odkendt" in x for x in labels), labels
