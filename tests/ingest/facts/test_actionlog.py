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


def test_a_tracking_table_names_its_steps_in_its_first_other_column(tmp_path):
    """A status note's table of initiatives ("Initiativ | Budget | Ansvarlig | Frist |
    Status") tracks steps as an action log does: each row is a follow-up named by its
    initiative, its deadline from "Frist", its status from "Status"."""
    path = tmp_path / "status_handleplan.md"
    path.write_text(
        "# Status på handleplan for digitalisering\n\n## Status på initiativerne\n\n"
        "| Initiativ | Budget | Ansvarlig | Frist | Status |\n|---|---|---|---|---|\n"
        "| 1. Digital post | 1,2 mio. kr. | Borgerservice | 1. marts 2025 | I gang |\n"
        "| 2. Fakturaflow | 0,8 mio. kr. | Økonomi | 31. december 2024 | Afsluttet |\n"
        "| 3. Ny hjemmeside | 2,5 mio. kr. | Kommunikation | 1. juni 2025 | Forsinket |\n",
        encoding="utf-8",
    )
    got = extract_facts(record_for_path(path)).followups
    assert [(r.action, r.responsible, r.due_date, r.status) for r in got] == [
        ("1. Digital post", "Borgerservice", "2025-03-01", "in_progress"),
        ("2. Fakturaflow", "Økonomi", "2024-12-31", "done"),
        ("3. Ny hjemmeside", "Kommunikation", "2025-06-01", "planned"),
    ]


def test_a_table_with_one_role_column_is_no_action_log(tmp_path):
    """A meeting plan ("Dato | Sted | Emne") has a date column and nothing else an action
    log has: its rows are no follow-ups of their own."""
    path = tmp_path / "moedeplan.md"
    path.write_text(
        "# Mødeplan 2025\n\n| Dato | Sted | Emne |\n|---|---|---|\n"
        "| 1. marts 2025 | Rådhuset | Budget |\n| 1. juni 2025 | Vejle | Strategi |\n",
        encoding="utf-8",
    )
    got = extract_facts(record_for_path(path)).followups
    assert all(r.action not in ("Rådhuset", "Vejle") for r in got), got
