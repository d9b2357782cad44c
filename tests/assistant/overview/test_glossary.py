"""Glossary: definitions and used-but-undefined abbreviations, on written Danish sentences and
on the ingested corpus; the stored tables follow document changes and access."""

from __future__ import annotations

import pytest

from assistant.overview.glossary import find_definitions, find_usages
from assistant.overview.glossary_answer import answer_definition, definition_term
from assistant.overview.glossary_index import build_glossary, lookup, sync, undefined_usage
from eval.glossary_eval import load_gold, score
from tests.assistant.overview.conftest import save


def defs(text: str) -> dict[str, str]:
    return {d.term: d.expansion for d in find_definitions(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("pr. 1. januar 2006 dannes en Socialforvaltning (SOF) og en Beskæftigelses- og "
         "Integrationsforvaltning (BIF).",
         {"SOF": "Socialforvaltning", "BIF": "Beskæftigelses- og Integrationsforvaltning"}),
        ("Psykisk Arbejdspladsvurdering (APV)\nDer er gennemført APV for alle.",
         {"APV": "Arbejdspladsvurdering"}),
        ("Alle medarbejdere gennemførte i 2012 en KRAP uddannelse (Kognitiv, Ressourcefokuseret og "
         "Anerkendende Pædagogik) og et mentorkursus.",
         {"KRAP": "Kognitiv, Ressourcefokuseret og Anerkendende Pædagogik"}),
        ("de mål, der udarbejdes i KIK (Silkeborg Kommunes kvalitetsmodel), de enkelte teams",
         {"KIK": "Silkeborg Kommunes kvalitetsmodel"}),
        ("Kommunernes Landsforening (KL) har udsendt en vejledning.",
         {"KL": "Kommunernes Landsforening"}),
        ("Sagen sendes til Pædagogisk Psykologisk Rådgivning (PPR) til udtalelse.",
         {"PPR": "Pædagogisk Psykologisk Rådgivning"}),
        ("Sagen behandles i Social- og Sundhedsudvalget (SSU) i maj.",
         {"SSU": "Social- og Sundhedsudvalget"}),
        ("Alle udvalg under Medindflydelse og medbestemmelse (MED) er orienteret.",
         {"MED": "Medindflydelse og medbestemmelse"}),
        ("Styrelsen for Arbejdsmarked og Rekruttering (STAR) har udgivet tal.",
         {"STAR": "Styrelsen for Arbejdsmarked og Rekruttering"}),
        ("Økonomiudvalget (ØU) godkendte budgettet.", {"ØU": "Økonomiudvalget"}),
        ("Familie- og Arbejdsmarkedsudvalget, forkortet FAU, besluttede det.",
         {"FAU": "Familie- og Arbejdsmarkedsudvalget"}),
        ("SOF står for Socialforvaltningen.", {"SOF": "Socialforvaltningen"}),
        ("MED: Medindflydelse og medbestemmelse\nAPV: Arbejdspladsvurdering\n",
         {"MED": "Medindflydelse og medbestemmelse", "APV": "Arbejdspladsvurdering"}),
        ("(SOF) Socialforvaltningen\n(BIF) Beskæftigelses- og Integrationsforvaltningen\n",
         {"SOF": "Socialforvaltningen", "BIF": "Beskæftigelses- og Integrationsforvaltningen"}),
        ("Efter Lov om social service (serviceloven) § 50 skal der laves en undersøgelse.",
         {"serviceloven": "Lov om social service"}),
        ("En ny model for borgerinddragelse (herefter »Borgermodellen«) indføres.",
         {"Borgermodellen": "En ny model for borgerinddragelse"}),
        ("På fællesdagen blev den første halvårlige måling af medarbejdernes opfattelse af "
         "fremdriften (Temperaturmålingen) gennemført.",
         {"Temperaturmålingen":
          "den første halvårlige måling af medarbejdernes opfattelse af fremdriften"}),
    ],
)  # fmt: skip
def test_definitions_found(text, expected):
    assert defs(text) == expected
    for d in find_definitions(text):
        assert d.term in text[d.start : d.end]
        assert text[d.term_start : d.term_end] == d.term


@pytest.mark.parametrize(
    "text",
    [
        "De lokale socialcentre (SOF) og jobcentre (BIF) skal styrkes.",  # labels, no long form
        "Status på Task Force-projektet i Afdeling for Børn og Familie (O)",
        "Beskrivelse af projekterne i kompetencepuljen fra 2006 (SUD 125/2006).",
        "Familie- og Arbejdsmarkedsforvaltningen (senere SOF og BIF) og Økonomiforvaltningen.",
        "- SOF: Børneteam, Voksenteam, Handicapcentre, Rådgivningscentre for stofafhængige\n"
        "- BIF: Jobcentre, evt. ydelsescenter\n",
        "Der er indgået aftale med KL (se bilag 3).",
        "Der gennemføres APV (hvert tredje år).",
        "Michael Anderson (15236) Sagsnr.: 13/25675",
    ],
)
def test_no_definition_where_none_is_given(text):
    assert find_definitions(text) == []


def test_usages_skip_words_set_in_capitals():
    text = (
        "BILAG 2\n\nHANDLINGSPLAN FOR SØNDERVANGSKOLEN\nNOTAT OM IT\nS A G S N O T A T 20. "
        "AUGUST 2013\nMålinger som APV, PPR mv. drøftes i LokalMED og i MED- og AMRstruktur."
    )
    usages = find_usages(text)
    assert set(usages) == {"APV", "PPR", "MED", "AMR"}
    assert usages["MED"].count == 2
    labels = "SAG: 12\nTIL: Udvalget\nMED-udvalget holder møde. ÅBENT punkt."
    assert list(find_usages(labels)) == ["MED"]
    assert [text[a:b] for a, b in usages["MED"].spans] == ["MED", "MED"]


def test_corpus_glossary_matches_gold(corpus_store):
    _, stores, _ = corpus_store
    glossary = build_glossary(stores.registry, {"public"})
    defined = {e["term"]: [x["expansion"] for x in e["expansions"]] for e in glossary["entries"]}
    assert defined == {
        "APV": ["Arbejdspladsvurdering"],
        "BIF": ["Beskæftigelses- og Integrationsforvaltning"],
        "KIK": ["Silkeborg Kommunes kvalitetsmodel"],
        "KRAP": ["Kognitiv, Ressourcefokuseret og Anerkendende Pædagogik"],
        "SOF": ["Socialforvaltning"],
        "Temperaturmålingen": [
            "den første halvårlige måling af medarbejdernes opfattelse af fremdriften i "
            "arbejdet med handleplanen"
        ],
    }
    assert [u["term"] for u in glossary["undefined"]] == [
        "ADHD", "AMR", "DUT", "FAU", "GD", "IT", "LBR", "LO", "MED", "MUS", "PPR", "SUD", "UU",
    ]  # fmt: skip
    sof = next(e for e in glossary["entries"] if e["term"] == "SOF")
    assert {u["source"] for u in sof["used_in"]} == {
        "kommissorium_socialcentre_jobcentre_2005.txt",
        "bilag2_kompetencepulje_2006_sof.txt",
    }
    defs_ = [
        (e["term"], s["source"], x["expansion"])
        for e in glossary["entries"]
        for x in e["expansions"]
        for s in x["sources"]
    ]
    scores, errors = score(load_gold(), defs_, [u["term"] for u in glossary["undefined"]])
    assert scores["total"].precision >= 0.9 and scores["total"].recall >= 0.8, errors


def test_every_glossary_citation_is_verbatim(corpus_store):
    _, stores, _ = corpus_store
    registry = stores.registry
    glossary = build_glossary(registry, {"public"})
    texts = {d["id"]: registry.get_document(d["id"]).text for d in registry.list_documents()}
    cited = [s for e in glossary["entries"] for x in e["expansions"] for s in x["sources"]]
    cited += [o for u in glossary["undefined"] for d in u["documents"] for o in d["occurrences"]]
    assert cited
    for c in cited:
        assert texts[c["doc_id"]][c["start"] : c["end"]] == c["quote"]
    bif = lookup(registry, {"public"}, "bif")
    assert bif["expansions"][0]["sources"][0]["quote"] == (
        "Beskæftigelses- og Integrationsforvaltning (BIF)"
    )


def test_tables_follow_changes_and_access(registry):
    save(registry, "Sagen er drøftet i FAU og sendes videre til FAU.", "a.txt", doc_id="a")
    closed = save(
        registry,
        "Familie- og Arbejdsmarkedsudvalget (FAU) behandlede sagen.",
        "b.txt",
        access="lukket",
        doc_id="b",
    )
    public = build_glossary(registry, {"public"})
    assert public["entries"] == []
    assert [(u["term"], u["count"]) for u in public["undefined"]] == [("FAU", 2)]
    both = build_glossary(registry, {"public", "lukket"})
    assert [e["term"] for e in both["entries"]] == ["FAU"]
    assert both["undefined"] == []
    assert lookup(registry, {"public"}, "FAU") is None
    assert undefined_usage(registry, {"public"}, "FAU")["count"] == 2
    assert sync(registry) == 0  # nothing changed since the last read

    # A changed document is extracted again; a removed one disappears.
    save(registry, "Familie- og Arbejdsmarkedsudvalget, forkortet FAU, mødes.", "b.txt",
         access="lukket", doc_id="b")  # fmt: skip
    assert sync(registry) == 1
    entry = lookup(registry, None, "FAU")
    assert entry["expansions"][0]["sources"][0]["quote"] == (
        "Familie- og Arbejdsmarkedsudvalget, forkortet FAU"
    )
    registry.delete_document(closed.id)
    assert lookup(registry, None, "FAU") is None
    assert registry.conn.execute("SELECT COUNT(*) FROM glossary_definitions").fetchone()[0] == 0


@pytest.mark.parametrize(
    ("question", "term"),
    [
        ("Hvad betyder BIF?", "BIF"),
        ("hvad står SOF for", "SOF"),
        ("What does SOF stand for?", "SOF"),
        ("Hvad betyder forkortelsen APV?", "APV"),
        ("Hvad er KIK?", "KIK"),
        ("Hvad står »KRAP« for?", "KRAP"),
        ("Hvor meget blev afsat til videndeling?", None),
    ],
)
def test_definition_term(question, term):
    assert definition_term(question) == term


def test_answer_definition_cites_the_defining_passage(corpus_store):
    _, stores, _ = corpus_store
    answer = answer_definition("Hvad betyder BIF?", stores, {"public"})
    assert answer.text == "**BIF** står for »Beskæftigelses- og Integrationsforvaltning« [1]."
    assert answer.intent == "definition" and not answer.abstained
    [c] = answer.citations
    text = stores.registry.get_document(c.doc_id).text
    assert c.source == "kommissorium_socialcentre_jobcentre_2005.txt"
    assert text[c.start : c.end] == c.quote == "Beskæftigelses- og Integrationsforvaltning (BIF)"

    english = answer_definition("What does SOF stand for?", stores, {"public"})
    assert english.text == "**SOF** står for »Socialforvaltning« [1]."

    assert answer_definition("Hvad betyder FAU?", stores, {"public"}) is None
    assert answer_definition("Hvad er budgettet?", stores, {"public"}) is None
    assert answer_definition("Hvad betyder BIF?", stores, {"hr"}) is None
    undefined = answer_definition("Hvad betyder FAU?", stores, {"public"}, include_undefined=True)
    assert undefined.abstained
    assert "forklares ingen steder" in undefined.text
    assert [c.quote for c in undefined.citations] == ["FAU"]
