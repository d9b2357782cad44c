"""Document cards on the ingested corpus and on written documents."""

from __future__ import annotations

from assistant.overview.cards import document_card, document_list, resolve_document, summarize
from ingest.facts import record_from_text
from tests.assistant.overview.conftest import save

TASK_FORCE = "bufu_2021-06-07_568_task_force_status.txt"
BILAG = "bilag2_kompetencepulje_2006_sof.txt"


def _card(stores, source: str, access=frozenset({"public"})):  # type: ignore[no-untyped-def]
    registry = stores.registry
    doc_id = resolve_document(registry, source, set(access))
    return document_card(registry, doc_id, set(access))


def _all_citations(card: dict) -> list[dict]:
    out = [s["citation"] for s in card["summary"]] + [s["citation"] for s in card["sections"]]
    for kind in ("budgets", "followups", "decisions"):
        out += [row["citation"] for row in card[kind]]
    return out


def test_minutes_card(corpus_store):
    _, stores, _ = corpus_store
    card = _card(stores, TASK_FORCE)
    assert card["doc_type"] == "referat" and card["doc_type_label"] == "Referat"
    assert card["date"] == "2021-06-07" and card["date_text"] == "7. juni 2021"
    assert card["committee"] == "Børne- og Ungeudvalget"
    assert any("330-2020-156136" in c for c in card["case_numbers"])
    assert card["status_label"] == "Åbent" and card["closed"] is False
    titles = [s["title"] for s in card["sections"]]
    assert "Beslutningstema" in titles and "Ad pkt. 4" in titles
    # The summary starts with the purpose ("Beslutningstema"), then the case body.
    assert card["summary"][0]["text"] == (
        "Børne- og Ungeudvalget orienteres om fremdrift og status for Task-Force projektet på "
        "børne- og familieområdet."
    )
    assert 2 <= len(card["summary"]) <= 3
    assert card["summary"][0]["citation"]["section"].endswith("Beslutningstema")
    outcomes = [d.get("outcome") for d in card["decisions"]]
    assert "taget til efterretning" in outcomes
    deadlines = {f["deadline_text"]: f for f in card["followups"]}
    assert deadlines["senest september 2021"]["due_date"] == "2021-09-30"
    assert card["counts"]["followups"] == len(card["followups"])


def test_annex_card_has_its_budgets(corpus_store):
    _, stores, _ = corpus_store
    card = _card(stores, BILAG)
    amounts = {b["amount_text"]: b for b in card["budgets"]}
    assert amounts["600.000 kr."]["initiative"] == "Videndeling"
    assert (
        amounts["1,5 mio. kr."]["citation"]["quote"] == "Der afsættes i alt 1,5 mio. kr. til dette."
    )
    assert card["summary"][0]["text"] == (
        "Beskrivelse af projekterne i kompetencepuljen fra 2006 (SUD 125/2006)."
    )


def test_every_card_citation_is_verbatim(corpus_store):
    _, stores, _ = corpus_store
    registry = stores.registry
    for doc in document_list(registry, {"public"}):
        card = document_card(registry, doc["id"], {"public"})
        text = registry.get_document(doc["id"]).text
        assert card["summary"], doc["source"]
        for c in _all_citations(card):
            assert text[c["start"] : c["end"]] == c["quote"], (doc["source"], c)
            assert c["doc_id"] == doc["id"]


def test_transcript_summary_skips_title_and_run_on_headings(corpus_store):
    _, stores, _ = corpus_store
    card = _card(stores, "norddjurs_status_handleplan_arbejdsmarked_2015.txt")
    assert card["summary"][0]["text"] == (
        "Kommunalbestyrelsen besluttede på mødet den 18. november 2014 en handleplan for "
        "arbejdsmarkedsområdet."
    )
    silkeborg = _card(stores, "silkeborg_notat_2013_kompetenceudvikling_jobcenter.txt")
    assert all(len(s["text"]) <= 300 for s in silkeborg["summary"])


def test_summary_prefers_resume_section():
    text = (
        "Teknik- og Miljøudvalget\n\n"
        "45. Ny affaldsplan 2025-2030\n\n"
        "Resumé\n\n"
        "Udvalget skal godkende forslag til ny affaldsplan for perioden 2025-2030. "
        "Planen skal sikre, at mere affald bliver genanvendt.\n\n"
        "Sagens indhold\n\n"
        "Den nuværende plan udløber ved årets udgang. Forvaltningen har udarbejdet et forslag i "
        "samarbejde med forsyningen.\n"
    )
    record = record_from_text(text, source="tmu_45.txt")
    summary = summarize(record)
    assert [s["text"] for s in summary] == [
        "Udvalget skal godkende forslag til ny affaldsplan for perioden 2025-2030.",
        "Planen skal sikre, at mere affald bliver genanvendt.",
        "Den nuværende plan udløber ved årets udgang.",
    ]
    for s in summary:
        c = s["citation"]
        assert text[c["start"] : c["end"]] == s["text"]


def test_closed_document_has_no_card_for_others(registry):
    doc = save(
        registry,
        "Økonomiudvalget\n\n12. Salg af grund\n\nBeslutningstema\n\nUdvalget skal tage stilling "
        "til salg af grunden på Havnevej 3 for 2 mio. kr.\n",
        "oeu_12.txt",
        access="lukket",
    )
    assert document_card(registry, doc.id, {"public"}) is None
    card = document_card(registry, doc.id, {"public", "lukket"})
    assert card["id"] == doc.id and card["access"] == "lukket"
    assert [b["amount_text"] for b in card["budgets"]] == ["2 mio. kr."]
    assert resolve_document(registry, "oeu_12.txt", {"public"}) is None
