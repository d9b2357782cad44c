"""Decision rows: recommendation and decision kept apart, outcomes, votes."""

from pathlib import Path

import pytest

from ingest.facts import record_for_path, record_from_text
from ingest.facts.decisions import decision_outcome, extract_decisions

CORPUS = Path(__file__).resolve().parents[3] / "corpus"


def test_committee_case_decision():
    doc = record_for_path(CORPUS / "bufu_2021-06-07_568_task_force_status.txt")
    (d,) = extract_decisions(doc)
    assert d.item_number == "568"
    assert d.item_title == "Status på Task Force-projektet i Afdeling for Børn og Familie (O)"
    assert d.outcome == "taget til efterretning"
    assert d.quote == "Taget til efterretning."
    assert doc.text[d.start : d.end] == d.quote
    assert d.decision_date == "2021-06-07"
    assert d.committee == "Børne- og Ungeudvalget"
    assert d.recommendation == doc.text[d.recommendation_start : d.recommendation_end]
    assert d.recommendation.startswith("Social- og Projektchefen indstiller,")
    assert d.recommendation.endswith("tager status på Task Force-projektet til orientering.")
    assert d.decision == doc.text[d.decision_start : d.decision_end]
    assert "Taget til efterretning." in d.decision
    assert "indstiller" not in d.decision
    assert d.decision.endswith(
        "Udvalget får tilsendt organisationsdiagram med angivelse af medarbejdere."
    )


@pytest.mark.parametrize(
    "name",
    [
        "bilag2_kompetencepulje_2006_sof.txt",
        "kommissorium_socialcentre_jobcentre_2005.txt",
        "norddjurs_status_handleplan_arbejdsmarked_2015.txt",
        "silkeborg_notat_2013_kompetenceudvikling_jobcenter.txt",
    ],
)
def test_documents_without_items_have_no_decisions(name):
    assert extract_decisions(record_for_path(CORPUS / name)) == []


AGENDA = """Økonomiudvalget - Referat 3. marts 2024

12. Ny skolestruktur

Sagens indhold

Forvaltningen har udarbejdet et forslag til ny skolestruktur, som har været i høring.

Indstilling

Forvaltningen indstiller, at forslaget godkendes.

Beslutning i Økonomiudvalget den 3. marts 2024:

Udsat.

13. Salg af Torvegade 22

Sagens indhold

Ejendommen har været udbudt til salg, og der er modtaget tre bud på ejendommen.

Indstilling

Forvaltningen indstiller, at ejendommen sælges til højestbydende.

Beslutning i Økonomiudvalget den 3. marts 2024:

Indstillingen blev godkendt. For stemte 5 (A, V). Imod stemte 2 (Ø).

14. Orientering om sygefravær

Sagens indhold

Sygefraværet er faldet i det seneste kvartal i hele forvaltningen og på skolerne.

Indstilling

Forvaltningen indstiller, at orienteringen tages til efterretning.
"""


def test_agenda_with_several_items_outcomes_votes_and_missing_decision():
    doc = record_from_text(AGENDA, "referat.txt")
    got = extract_decisions(doc)
    assert [(d.item_number, d.outcome) for d in got] == [
        ("12", "udsat"),
        ("13", "godkendt"),
        ("14", None),
    ]
    assert got[0].decision == "Udsat."
    assert got[1].votes == "For stemte 5 (A, V). Imod stemte 2 (Ø)."
    assert got[1].committee == "Økonomiudvalget"
    last = got[2]
    # the recommendation is kept, and never presented as the decision
    assert (
        last.recommendation == "Forvaltningen indstiller, at orienteringen tages til efterretning."
    )
    assert last.decision is None and last.decision_date is None
    assert last.quote == "14. Orientering om sygefravær"
    for d in got:
        assert doc.text[d.start : d.end] == d.quote


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("Taget til efterretning.", "taget til efterretning"),
        ("Udvalget tog orienteringen til efterretning.", "taget til efterretning"),
        ("Godkendt.", "godkendt"),
        ("Indstillingen blev ikke godkendt.", "afvist"),
        ("Sagen blev udsat til næste møde.", "udsat"),
        ("Sagen oversendes til Økonomiudvalget.", "oversendt"),
        ("Anbefales over for Byrådet.", "anbefalet"),
        ("Fraværende: Jens Hansen", None),
    ],
)
def test_decision_outcome(text, outcome):
    assert decision_outcome(text)[0] == outcome
