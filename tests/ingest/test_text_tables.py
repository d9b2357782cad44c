"""Plain-text tables drawn with spaces and rule lines, read as rows of cells."""

from __future__ import annotations

from pathlib import Path

from ingest.document import parse_loaded
from ingest.loaders import load_file
from ingest.text_tables import is_rule_line, read_text_tables

_KOMMISSORIUM = (
    "Sagsnr.:        26/02210\n"
    "Projektleder:   Sara Munk\n"
    "\n"
    "---------------------------------------------------------------\n"
    "5. BUDGET\n"
    "---------------------------------------------------------------\n"
    "  Budgetpost                                     Beløb (kr.)\n"
    "  ---------------------------------------------  -----------\n"
    "  Ekstern rådgiver (analyse og scenarier)            650.000\n"
    "  Bygningsanalyse, supplerende tilstandsvurdering    180.000\n"
    "  Uforudsete udgifter                                 60.000\n"
    "  ---------------------------------------------  -----------\n"
    "  I alt                                              890.000\n"
    "\n"
    "Budgettet finansieres af puljen til analyser.\n"
)


def test_rule_lines() -> None:
    assert is_rule_line("-----------") and is_rule_line("  -------  -----  ")
    assert is_rule_line("=====") and not is_rule_line("- punkt") and not is_rule_line("--")


def test_a_padded_table_becomes_rows_of_cells_and_its_rules_go() -> None:
    """Right-aligned amounts share their cells' ends; the rule lines inside the table go so
    the column names stay on the row above the first one; the rules around the heading become
    blank lines; padded "Label:   value" fields are no table."""
    lines = read_text_tables(_KOMMISSORIUM).split("\n")
    assert lines[:2] == ["Sagsnr.:        26/02210", "Projektleder:   Sara Munk"]
    assert lines[3:6] == ["", "5. BUDGET", ""]
    assert lines[6:11] == [
        "Budgetpost\tBeløb (kr.)",
        "Ekstern rådgiver (analyse og scenarier)\t650.000",
        "Bygningsanalyse, supplerende tilstandsvurdering\t180.000",
        "Uforudsete udgifter\t60.000",
        "I alt\t890.000",
    ]


def test_prose_with_double_spaces_is_no_table() -> None:
    text = "Mødet blev holdt.  Alle var til stede.\nDer var to punkter.  Begge blev godkendt.\n"
    assert read_text_tables(text) == text


def test_a_text_files_table_rows_are_table_rows_with_their_header(tmp_path: Path) -> None:
    path = tmp_path / "kommissorium.txt"
    path.write_text(_KOMMISSORIUM, encoding="utf-8")
    record, _ = parse_loaded(load_file(path), path, "doc")
    kinds = {record.text[b.start : b.end]: b.kind for b in record.blocks}
    assert kinds["Budgetpost\tBeløb (kr.)"] == "table_row"
    assert kinds["Ekstern rådgiver (analyse og scenarier)\t650.000"] == "table_row"
    assert kinds["5. BUDGET"] == "heading"


def test_a_tab_used_as_spacing_is_a_space_and_a_tab_separated_row_stays() -> None:
    text = "Der afsættes\t\t1,5 mio. kr. til kommunen.\nÅr\tBudget\tForbrug\n2026\t1.500\t1.200\n"
    assert read_text_tables(text).split("\n")[:3] == [
        "Der afsættes  1,5 mio. kr. til kommunen.",
        "År\tBudget\tForbrug",
        "2026\t1.500\t1.200",
    ]


def test_a_justified_paragraph_with_double_spaces_is_no_table() -> None:
    """Every line of a justified paragraph ends in the same column, and old texts put two
    spaces after a full stop: that is prose, not a right-aligned column."""
    text = (
        "Udvalget drøftede sagen.  Der var enighed om at gå videre med forslaget\n"
        "om en ny skolestruktur.  Forvaltningen udarbejder et oplæg til næste\n"
        "møde i udvalget.  Oplægget skal indeholde tre scenarier og økonomien\n"
    )
    assert read_text_tables(text) == text
