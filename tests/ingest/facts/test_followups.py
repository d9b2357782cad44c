"""Follow-up rows: deadlines resolved against the document date, status, action, offsets."""

import datetime as dt
from pathlib import Path

import pytest

from ingest.facts import record_for_path, record_from_text
from ingest.facts.followups import extract_followups, followup_status
from ingest.facts.models import is_outstanding, is_overdue

CORPUS = Path(__file__).resolve().parents[3] / "corpus"


def rows(text: str, source: str = "notat.txt"):
    doc = record_from_text(text, source)
    out = extract_followups(doc)
    for r in out:
        assert doc.text[r.start : r.end] == r.quote
        if r.deadline_start is not None:
            assert doc.text[r.deadline_start : r.deadline_end] == r.deadline_text
    return out


def test_committee_case_followups():
    doc = record_for_path(CORPUS / "bufu_2021-06-07_568_task_force_status.txt")
    got = extract_followups(doc)
    for r in got:
        assert doc.text[r.start : r.end] == r.quote
    table = {(r.deadline_text, r.due_date, r.status) for r in got}
    assert table == {
        ("2021-2023", "2023-12-31", "planned"),
        ("til september og november", "2021-11-30", "planned"),
        ("I efteråret 2021", "2021-11-30", "planned"),
        ("september 2022", "2022-09-30", "planned"),
        ("i løbet af juni 2021", "2021-06-30", "planned"),
        ("senest september 2021", "2021-09-30", "planned"),
        ("fra den 1. juni 2021", "2021-06-01", "planned"),
        ("fra den 1. september 2021", "2021-09-01", "planned"),
        ("til juli og august 2021", "2021-08-31", "awaiting"),
        ("inden årets udgang", "2021-12-31", "planned"),
        ("i september 2021", "2021-09-30", "planned"),
    }
    by_deadline = {r.deadline_text: r for r in got}
    approve = by_deadline["senest september 2021"]
    assert approve.quote == "Handleplanen skal være godkendt senest september 2021."
    assert approve.action == "Handleplanen skal være godkendt"
    assert approve.section.endswith("Ad pkt. 3")
    assert by_deadline["inden årets udgang"].action == "Ombygningen er gennemført"
    assert (
        by_deadline["i september 2021"].action
        == "Til næste opfølgning fremlægges den forventede tidsplan"
    )


def test_terms_of_reference_followups_and_anaphoric_step():
    doc = record_for_path(CORPUS / "kommissorium_socialcentre_jobcentre_2005.txt")
    got = extract_followups(doc)
    assert [(r.deadline_text, r.due_date) for r in got] == [
        ("om kort tid", None),
        ("den 17. august", "2005-08-17"),
        ("i løbet af oktober måned 2005", "2005-10-31"),
        ("i foråret 2006", "2006-05-31"),
        ("17. august 2005", "2005-08-17"),
        ("i 2007", "2007-12-31"),
        ("pr 1. januar 2006", "2006-01-01"),
        ("i løbet af oktober måned 2005", "2005-10-31"),
    ]
    # "forelægges ... i foråret 2006 eller når de nye forvaltninger fysisk er på plads" is planned
    assert {r.status for r in got} == {"planned"}
    last = got[-1]  # "Dette skal ske i løbet af oktober måned 2005." quotes the step before it
    assert last.quote.endswith("Dette skal ske i løbet af oktober måned 2005.")
    assert last.quote.startswith("På den baggrund vil det være hensigtsmæssigt")
    assert last.action.startswith("De langsigtede handleplaner for såvel SOF og BIF")


def test_status_note_reference_date_is_raised_past_reported_events():
    doc = record_for_path(CORPUS / "norddjurs_status_handleplan_arbejdsmarked_2015.txt")
    got = extract_followups(doc)
    statuses = {(r.deadline_text, r.status) for r in got}
    assert ("i september 2015", "done") in statuses  # "Lokalerokaden er afsluttet i september"
    assert ("pr. 1. november 2015", "planned") in statuses
    assert ("snarest muligt", "planned") in statuses
    assert ("i løbet af efteråret 2015 og foråret 2016", "planned") in statuses
    texts = " ".join(r.quote for r in got)
    assert "blev besat" not in texts  # past narrative is not a follow-up
    assert "blev afholdt" not in texts
    analyse = next(r for r in got if r.due_date == "2016-05-31")
    assert analyse.responsible == "Forvaltningen"


@pytest.mark.parametrize(
    ("text", "deadline", "due", "status"),
    [
        (
            "Møde 1. marts 2024\n\nRapporten skal foreligge senest uge 23.",
            "senest uge 23",
            "2024-06-09",
            "planned",
        ),
        (
            "Notat 1. marts 2024\n\nProjektet afventer svar fra ministeriet, som ventes i 2. "
            "kvartal 2024.",
            "i 2. kvartal 2024",
            "2024-06-30",
            "awaiting",
        ),
        (
            "Notat 1. marts 2024\n\nOmbygningen forventes afsluttet primo 2025.",
            "primo 2025",
            "2025-01-31",
            "planned",
        ),
        (
            "Notat 1. marts 2024\n\nArbejdet er i gang og forventes færdigt inden sommerferien "
            "i juni.",
            "i juni",
            "2024-06-30",
            "in_progress",
        ),
        (
            "Notat 1. oktober 2024\n\nEvalueringen er gennemført i september 2024.",
            "i september 2024",
            "2024-09-30",
            "done",
        ),
    ],
)
def test_written_followups(text, deadline, due, status):
    (r,) = rows(text)
    assert (r.deadline_text, r.due_date, r.status) == (deadline, due, status)


@pytest.mark.parametrize(
    "text",
    [
        "Notat 1. marts 2024\n\nKommunalbestyrelsen godkendte den 18. november 2023 planen.",
        "Notat 1. marts 2024\n\nStillingerne blev besat pr. 1. februar 2024.",
        "Notat 1. marts 2024\n\nDer afsættes 2 mio. kr. i 2025 til projektet.",
        "Notat 1. marts 2024\n\nNedenfor beskrives projekterne for 2024.",
        "Notat 1. marts 2024\n\nProjektet skal styrke samarbejdet.",
        # advice, standing practice, past narrative and the meeting's own decision
        "Notat 1. marts 2024\n\nMan bør derfor hurtigst muligt sikre sig et overblik.",
        "Notat 1. marts 2024\n\nOS2 anvender typisk MPL 2.0 som licens.",
        "Notat 1. marts 2024\n\nByrådet bad allerede i 2022 administrationen om at fremlægge "
        "et katalog med besparelsesforslag i 2024.",
        "Notat 1. marts 2024\n\n1) at udvalget beslutter, hvem der deltager den 15. juni 2024",
        "Notat 1. marts 2024\n\nAt der meddeles tillægsbevilling i 2024 til følgende",
        "Notat 1. marts 2024\n\nBesluttet på styregruppemødet 4.6.2024",
        "Notat 1. marts 2024\n\nMålsætning 3: Ved tandproblemer faciliteres behandling inden "
        "for tre dage",
        "Notat 1. marts 2024\n\nSundheds- og Omsorgsudvalget skal beslutte, hvem der deltager i "
        "Valdemarsdag den 15. juni 2024.",
        "Notat 1. marts 2024\n\nPlejecentrene fejrer hvert år Valdemarsdag den 15. juni.",
        "Notat 1. marts 2024\n\nOS2 leverer platformen til kildekodeforvaltning.",
        # a permit condition citing an earlier decision, wrapped before its year by the PDF
        "Notat 1. marts 2024\n\nAt der suppleres med støjdæmpning ved Kolt inden for en ramme "
        "på ca. 20 mio. kr., jf. Byrådsbeslutningen den 14. september\n2016.",
        # the paper's own fields: when it was updated, whose meeting it is written for
        "Notat 1. marts 2024\n\nSenest opdateret: 12. maj 2024",
        "Notat 1. marts 2024\n\nTil: Social- og Sundhedsudvalget, mødet den 22. april 2024",
    ],
)
def test_not_followups(text):
    assert rows(text) == []


def test_undated_and_relative_deadlines():
    got = rows(
        "Notat 1. marts 2024\n\nKlagen behandles inden for 14 dage efter modtagelsen. "
        "De to stillinger genopslås snarest muligt."
    )
    assert [(r.deadline_text, r.due_date) for r in got] == [
        ("inden for 14 dage efter modtagelsen", None),
        ("snarest muligt", None),
    ]
    assert got[1].action == "De to stillinger genopslås"


def test_named_responsible_in_the_next_sentence_and_ages_are_not_deadlines():
    got = rows(
        "Notat 1. marts 2024\n\nIndsatsen skal styrke samarbejdet med ledige over 50 år. "
        "Vej og Park udarbejder en opfølgning, som forelægges udvalget senest 26. september "
        "2024. Ansvarlig: Tove Christensen."
    )
    assert [(r.deadline_text, r.due_date, r.responsible) for r in got] == [
        ("senest 26. september 2024", "2024-09-26", "Tove Christensen")
    ]


def test_status_words():
    assert followup_status("Projektet afventer kontraktindgåelse", True) == "awaiting"
    assert followup_status("Arbejdet er i gang", True) == "in_progress"
    assert followup_status("Lokalerokaden er afsluttet i september", False) == "done"
    assert followup_status("Planen skal godkendes", True) == "planned"


def test_outstanding_and_overdue():
    as_of = dt.date(2021, 10, 1)
    assert is_outstanding("planned", as_of, doc_date="2021-06-07")
    assert is_overdue("planned", "2021-09-30", as_of)
    assert not is_overdue("planned", "2021-12-31", as_of)
    assert not is_outstanding("done", as_of, doc_date="2021-06-07")
    assert not is_outstanding(
        "planned", as_of, doc_date="2021-06-07", later_status="done", later_doc_date="2021-09-15"
    )
    # a later report written after as_of does not count yet
    assert is_outstanding(
        "planned", as_of, doc_date="2021-06-07", later_status="done", later_doc_date="2021-11-01"
    )
    assert not is_outstanding("planned", dt.date(2021, 1, 1), doc_date="2021-06-07")


def test_coming_events_are_undated_deadlines_and_named_steps_are_followups():
    got = rows(
        "Referat 20. januar 2026\n\nDetaljer om indbetalingen afklares på næste møde. "
        "Etablering af en projektgruppe udskydes til næste møde. JB udsender mødeindkaldelse. "
        "Administrationen påbegynder implementeringen, så snart Byrådet har truffet beslutning. "
        "Det nye aftalegrundlag træder i kraft efter godkendelse i Byrådet."
    )
    assert [(r.action, r.deadline_text, r.due_date, r.responsible) for r in got] == [
        ("Detaljer om indbetalingen afklares", "på næste møde", None, None),
        ("Etablering af en projektgruppe udskydes", "til næste møde", None, None),
        ("JB udsender mødeindkaldelse", None, None, "JB"),
        (
            "Administrationen påbegynder implementeringen, Byrådet har truffet beslutning",
            "så snart",
            None,
            "Administrationen",
        ),
        ("Det nye aftalegrundlag træder i kraft i Byrådet", "efter godkendelse", None, None),
    ]


def test_two_days_joined_by_og_are_two_followups():
    got = rows(
        "Notat 15. januar 2024\n\nSagen skal til høring i Handicaprådet den 1. februar og i "
        "Seniorrådet den 2. februar."
    )
    assert [(r.due_date, r.deadline_text) for r in got] == [
        ("2024-02-02", "den 2. februar"),
        ("2024-02-01", "den 1. februar"),
    ]


def test_agenda_lines_are_no_followups(tmp_path):
    path = tmp_path / "referat_2026-04-21.md"
    path.write_text(
        "# Referat 21. april 2026\n\n## Dagsorden\n\n1. Formalia\n"
        "2. Eventuelt og kig til næste møde\n\n## Mødereferat\n\n"
        "1. Produktforvaltningen indhenter nyt tilbud fra leverandøren.\n",
        encoding="utf-8",
    )
    got = extract_followups(record_for_path(path))
    assert [(r.action, r.responsible, r.due_date) for r in got] == [
        (
            "1. Produktforvaltningen indhenter nyt tilbud fra leverandøren",
            "Produktforvaltningen",
            None,
        )
    ]


def test_a_date_in_a_table_cell_is_the_deadline_of_its_rows_step(tmp_path):
    """A timetable ("Januar 2025" | "Indflytning i …") states its steps in the other cells of
    each row: the row is the follow-up, not a bare date with no step; a labelled date of the
    document itself ("Referatdato: …") is none."""
    path = tmp_path / "referat_klima_2024-02-08.md"
    path.write_text(
        "# Referat 8. februar 2024\n\nReferatdato: 23. februar 2024\n\n## Tidsplan\n\n"
        "| Tidspunkt | Aktivitet |\n|---|---|\n"
        "| Januar 2025 | Indflytning i midlertidige bygninger |\n"
        "| Juni 2026 | Fraflytning fra midlertidige bygninger |\n",
        encoding="utf-8",
    )
    doc = record_for_path(path)
    got = extract_followups(doc)
    for r in got:
        assert doc.text[r.start : r.end] == r.quote
    assert [(r.action, r.due_date) for r in got] == [
        ("Indflytning i midlertidige bygninger", "2025-01-31"),
        ("Fraflytning fra midlertidige bygninger", "2026-06-30"),
    ]


def test_a_points_deadline_field_takes_its_step_and_owner_from_the_point():
    """ "– Ny tidsplan for … Ansvarlig: Mette Frandsen, Natur og Miljø. Frist: 15. maj 2025.":
    the deadline is a field of its point, whose first sentence is the step (not "Frist") and
    whose owner field names who, wrapped over two lines as PDFs wrap it."""
    text = (
        "Statusnotat: Handleplan for klima\n\nDato: 20.02.2025\n\n4. Udestående opfølgninger\n\n"
        "Følgende opfølgninger udestår pr. 20.02.2025:\n"
        "– Ny tidsplan og opdateret økonomi for regnvandsbassinet. Ansvarlig: Mette\n"
        "Frandsen, Natur og Miljø. Frist: 15. maj 2025.\n"
        "– Afklaring med netselskabet om solceller på Hedelund Skole. Ansvarlig: Jonas Ravn,\n"
        "Ejendomscenteret. Frist: 30. april 2025.\n"
    )
    doc = record_from_text(text, "statusnotat.txt")
    rows = [(r.action, r.responsible, r.due_date) for r in extract_followups(doc)]
    assert rows == [
        (
            "Ny tidsplan og opdateret økonomi for regnvandsbassinet",
            "Mette Frandsen, Natur og Miljø",
            "2025-05-15",
        ),
        (
            "Afklaring med netselskabet om solceller på Hedelund Skole",
            "Jonas Ravn, Ejendomscenteret",
            "2025-04-30",
        ),
    ]
