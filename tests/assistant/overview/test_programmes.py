"""Programmes: grouping from case numbers, title initiatives and shared names; pages."""

from __future__ import annotations

import pytest

from assistant.overview.programmes import list_programmes, programme_name, programme_page
from tests.assistant.overview.conftest import save

KOMMISSORIUM = "kommissorium_socialcentre_jobcentre_2005.txt"
BILAG = "bilag2_kompetencepulje_2006_sof.txt"


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("568. Status på Task Force-projektet i Afdeling for Børn og Familie (O)",
         "Task Force-projektet i Afdeling for Børn og Familie"),
        ("Status for implementering af handleplanen på arbejdsmarkedsområdet",
         "Handleplanen på arbejdsmarkedsområdet"),
        ("Bilag 2: Beskrivelse af projekterne i kompetencepuljen fra 2006 (SUD 125/2006).",
         "Projekterne i kompetencepuljen fra 2006"),
        ("Kommissorium for styrkelsen af indsatsen på socialcentre og jobcentre",
         "Styrkelsen af indsatsen på socialcentre og jobcentre"),
        ("Orientering om ny affaldsplan", "Ny affaldsplan"),
    ],
)  # fmt: skip
def test_programme_name(title, name):
    assert programme_name(title) == name


def test_corpus_programmes(corpus_store):
    _, stores, _ = corpus_store
    programmes = list_programmes(stores.registry, {"public"})
    names = {p["name"]: [d["source"] for d in p["documents"]] for p in programmes}
    # The five documents come from four municipalities and share no case number, no title
    # initiative and no name they are all about: each is an initiative of its own, and
    # names that only recur in the bodies (SOF, Socialforvaltningen) do not merge them.
    assert names == {
        "Task Force-projektet i Afdeling for Børn og Familie": [
            "bufu_2021-06-07_568_task_force_status.txt"
        ],
        "Handleplanen på arbejdsmarkedsområdet": [
            "norddjurs_status_handleplan_arbejdsmarked_2015.txt"
        ],
        "Kompetenceudvikling i Jobcenter og Udførersektion": [
            "silkeborg_notat_2013_kompetenceudvikling_jobcenter.txt"
        ],
        "Projekterne i kompetencepuljen fra 2006": [BILAG],
        "Styrkelsen af indsatsen på socialcentre og jobcentre i den nye struktur": [KOMMISSORIUM],
    }


def test_programme_page_lists_budgets_and_open_followups(corpus_store):
    _, stores, _ = corpus_store
    registry = stores.registry
    programmes = list_programmes(registry, {"public"})
    pool = next(p for p in programmes if p["documents"][0]["source"] == BILAG)
    page = programme_page(registry, pool["id"], {"public"})
    assert [d["source"] for d in page["documents"]] == [BILAG]
    assert page["documents"][0]["summary"]
    amounts = [b["amount_text"] for b in page["budgets"]]
    assert amounts[:3] == ["10 mio. kr. årligt", "1,5 mio. kr.", "2,6 mio. kr."]
    assert "600.000 kr." in amounts
    mandate = next(p for p in programmes if p["documents"][0]["source"] == KOMMISSORIUM)
    page = programme_page(registry, mandate["id"], {"public"})
    assert page["open_followups"] and all(f["open"] for f in page["open_followups"])
    due = [f["due_date"] or "9999" for f in page["open_followups"]]
    assert due == sorted(due)
    texts = {d["id"]: registry.get_document(d["id"]).text for d in registry.list_documents()}
    for row in page["budgets"] + page["open_followups"]:
        c = row["citation"]
        assert texts[c["doc_id"]][c["start"] : c["end"]] == c["quote"]
    assert programme_page(registry, "p-000000000000", {"public"}) is None


PLAN = """Kommunalbestyrelsen
Referat af møde den 18. november 2014

112. Handleplan for arbejdsmarkedsområdet

Beslutningstema

Kommunalbestyrelsen skal vedtage en handleplan for arbejdsmarkedsområdet med fem \
indsatsområder.

Beslutning i Kommunalbestyrelsen den 18. november 2014

Godkendt.
"""

PLAN_STATUS = """Økonomiudvalget
Referat af møde den 10. november 2015

230. Status for implementering af handleplanen for arbejdsmarkedsområdet

Beslutningstema

Økonomiudvalget orienteres om status for handleplanen. Der er afsat 5,5 mio. kr.
"""

LIBRARY = """Kultur- og Fritidsudvalget
Referat af møde den 3. marts 2015

40. Handleplan for bibliotekerne

Beslutningstema

Udvalget skal godkende en handleplan for bibliotekerne.
"""


def test_title_initiative_groups_plan_and_status(registry):
    save(registry, PLAN_STATUS, "oeu_230.txt")
    save(registry, PLAN, "kb_112.txt")
    save(registry, LIBRARY, "kfu_40.txt")
    programmes = list_programmes(registry, {"public"})
    grouped = [p for p in programmes if len(p["documents"]) == 2]
    assert len(grouped) == 1
    plan = grouped[0]
    assert [d["source"] for d in plan["documents"]] == ["kb_112.txt", "oeu_230.txt"]
    assert plan["name"] == "Handleplan for arbejdsmarkedsområdet"
    assert plan["reasons"][0].startswith("samme initiativ i titlen")
    assert ["kfu_40.txt"] in [[d["source"] for d in p["documents"]] for p in programmes]


STATUS_1 = """Socialudvalget
Referat af møde den 3. marts 2022

14. Status på Ungeindsatsen

Sagsnr.: 27.15.00-2021-88             Dok.nr.: 27.15.00-2022-501                 Åbent

Beslutningstema

Udvalget orienteres om fremdriften i indsatsen for unge uden uddannelse.

Sagens indhold

Der er afsat 1,2 mio. kr. til mentorforløb. Næste status forelægges senest 1. september 2022.
"""

STATUS_2 = """Socialudvalget
Referat af møde den 1. september 2022

31. Opfølgning på mentorordning for unge

Sagsnr.: 27.15.00-2021-88             Dok.nr.: 27.15.00-2022-977                 Åbent

Beslutningstema

Udvalget får anden status på mentorforløbene for unge uden uddannelse.

Sagens indhold

Mentorforløbene er gennemført for 40 unge.
"""

OTHER = """Teknik- og Miljøudvalget
Referat af møde den 3. marts 2022

15. Vejbelysning på Strandvejen

Sagsnr.: 05.01.00-2022-3             Dok.nr.: 05.01.00-2022-40                 Åbent

Beslutningstema

Udvalget skal godkende udskiftning af vejbelysningen.
"""


def test_case_number_groups_status_notes(registry):
    save(registry, STATUS_2, "su_31.txt")
    save(registry, STATUS_1, "su_14.txt")
    save(registry, OTHER, "tmu_15.txt")
    programmes = list_programmes(registry, {"public"})
    grouped = [p for p in programmes if len(p["documents"]) == 2]
    assert len(grouped) == 1
    p = grouped[0]
    assert [d["source"] for d in p["documents"]] == ["su_14.txt", "su_31.txt"]
    assert p["reasons"][0] == "fælles sagsnummer 27.15.00-2021-88"
    assert p["committees"] == ["Socialudvalget"]
    assert "tmu_15.txt" not in {d["source"] for q in programmes for d in q["documents"]}
    page = programme_page(registry, p["id"], {"public"})
    assert [b["amount_text"] for b in page["budgets"]] == ["1,2 mio. kr."]
    # The later note closed: a public caller sees the first note alone (an initiative of its
    # own), and nothing of the closed one.
    registry.set_access("su_31", "lukket")
    public = list_programmes(registry, {"public"})
    sources = [[d["source"] for d in q["documents"]] for q in public]
    assert ["su_14.txt"] in sources
    assert all("su_31.txt" not in s for s in sources)
    assert programme_page(registry, p["id"], {"public"}) is None
    assert list_programmes(registry, {"nobody"}) == []


def _minutes(committee: str, day: str, topic_line: str) -> str:
    return f"""Referat – {committee} – {day}

Beslutningstema

{topic_line} Sagen forelægges til orientering for udvalget.

Sagens indhold

Administrationen har gennemgået sagen og redegør for status.
"""


def test_a_programme_of_meetings_is_named_after_what_they_share(registry):
    """Minutes with no initiative in their titles that both discuss Lunas Ark are about Lunas
    Ark: the programme is named after it, not after the first meeting."""
    line = "Udvalget orienteres om genhusningen af daginstitutionen Lunas Ark i Hundige."
    save(registry, _minutes("Teknik- og Miljøudvalget", "8. februar 2024", line), "tmu.txt")
    save(registry, _minutes("Plan- og Tryghedsudvalget", "25. april 2023", line), "ptu.txt")
    other = "Udvalget orienteres om vintervedligeholdelse af Kirkevej i Tune."
    save(registry, _minutes("Økonomiudvalget", "4. april 2022", other), "oeu.txt")
    names = [p["name"] for p in list_programmes(registry, {"public"})]
    assert "Lunas Ark" in names, names


def test_shared_template_headings_do_not_make_a_programme(registry):
    template = """{title}

## Beskrivelse af Beslutningen

{body}

## Kontekst & Årsag

{why}
"""
    save(registry, template.format(
        title="Aflysning af brugerklubmøder",
        body="Brugerklubbens møder aflyses resten af året.",
        why="Der har været for få tilmeldte til møderne.",
    ), "odr1.md")  # fmt: skip
    save(registry, template.format(
        title="Etablering af en styregruppe",
        body="Der nedsættes en styregruppe for samarbejdet.",
        why="Samarbejdet er vokset og kræver en fast ledelse.",
    ), "odr2.md")  # fmt: skip
    assert not [p for p in list_programmes(registry, {"public"}) if len(p["documents"]) > 1]
