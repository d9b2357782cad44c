"""Action logs: every row of a "Handling | Ansvarlig | Deadline" table is a follow-up."""

from ingest.facts import extract_facts, record_for_path
from ingest.facts.actionlog import status_of_cell


def test_action_log_rows_are_followups_with_responsible_and_deadline(tmp_path):
    path = tmp_path / "referat_2026-04-21.md"
    path.write_text(
        "# Referat 21. april 2026\n\n"
        "Fremadrettet flyttes handlingsloggen til GitHub.\n\n"
        "| Nr. | Kilde | Handling | Ansvarlig | Deadline | Status/kommentar |\n"
        "|---|---|---|---|---|---|\n"
        "| 6 | PM1 | Afklare fælles indkøb af sensorer | Deltagerkommuner | Afventer | Udkast |\n"
        "| 7 | PM1 | Udarbejde kommunikationsstrategi | OS2 / AB | Inden næste møde | |\n"
        "| 11 | PM2 | Undersøge samarbejde med BIPED | JK | I proces | Dialog i gang |\n"
        "| 12 | PM4 | Sende EAN-nummer | RP | 1. juni 2026 | |\n",
        encoding="utf-8",
    )
    doc = record_for_path(path)
    got = extract_facts(doc).followups
    for r in got:
        assert doc.text[r.start : r.end] == r.quote
    assert [(r.action, r.responsible, r.deadline_text, r.due_date, r.status) for r in got] == [
        ("Afklare fælles indkøb af sensorer", "Deltagerkommuner", "Afventer", None, "awaiting"),
        ("Udarbejde kommunikationsstrategi", "OS2 / AB", "Inden næste møde", None, "planned"),
        ("Undersøge samarbejde med BIPED", "JK", "I proces", None, "in_progress"),
        ("Sende EAN-nummer", "RP", "1. juni 2026", "2026-06-01", "planned"),
    ]


def test_status_words_of_a_cell():
    assert status_of_cell("Afventer") == "awaiting"
    assert status_of_cell("I det videre arbejde") == "in_progress"
    assert status_of_cell("Afsluttet") == "done"
    assert status_of_cell("Snarest") == "planned"
