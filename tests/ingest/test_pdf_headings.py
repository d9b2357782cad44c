"""Headings a PDF shows only by its type (bold or larger) are set apart by the loader."""

from __future__ import annotations

from pathlib import Path

from ingest.document import parse_loaded
from ingest.loaders import load_file


def _notat(path: Path) -> Path:
    """A memo whose headings have no blank line around them in pypdf's text: one larger
    title, bold section headings right after a paragraph's last line, a line with a bold
    lead-in word, and a bold paragraph of four lines."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 15)
    pdf.multi_cell(0, 8, "Notat om demografiregulering", new_x="LMARGIN", new_y="NEXT")
    body = (
        "Enhedspriserne er uændrede i forhold til den vedtagne budgetmodel. Enhedsprisen for "
        "de ældste er høj, fordi en stor del af borgerne i denne gruppe bor i plejebolig."
    )
    for heading, text in (
        ("Baggrund", body),
        (
            "Konsekvenser i overslagsårene",
            "Da forskellen vokser, stiger korrektionen til 4,16 mio. kr. i 2029.",
        ),
    ):
        pdf.set_font("Helvetica", "B", 11)
        pdf.multi_cell(0, 6, heading, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "", 11)
        pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "B", 11)
    pdf.write(6, "Bemærk: ")
    pdf.set_font("Helvetica", "", 11)
    pdf.write(6, "tallene er i 2026-priser og omfatter hjemmepleje og plejeboliger.\n")
    pdf.set_font("Helvetica", "B", 11)
    pdf.multi_cell(0, 6, "Fremhævet afsnit\n" * 4, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


def test_a_bold_line_between_paragraphs_is_a_heading_not_a_sentence(tmp_path: Path) -> None:
    path = _notat(tmp_path / "notat.pdf")
    loaded = load_file(path)
    page = loaded.pages[0]
    assert "plejebolig.\n\nKonsekvenser i overslagsårene\n\nDa forskellen" in page
    assert "Notat om demografiregulering\n\nBaggrund\n\n" in page  # two headings, two styles

    record, _ = parse_loaded(loaded, path, "x")
    titles = [s.title for s in record.sections]
    assert "Konsekvenser i overslagsårene" in titles
    heading = record.text.index("Konsekvenser i overslagsårene")
    prose = [b for b in record.blocks if b.kind == "prose" and b.start <= heading < b.end]
    assert not prose, "the heading must not be read as part of the paragraph above it"


def test_a_bold_lead_in_word_or_a_bold_paragraph_is_no_heading(tmp_path: Path) -> None:
    page = load_file(_notat(tmp_path / "notat.pdf")).pages[0]
    assert "plejeboliger.\nFremhævet afsnit\nFremhævet afsnit" in page  # no blank line put in
    assert "\n\nBemærk:" not in page


def test_a_heading_named_in_a_contents_list_is_still_a_heading(tmp_path: Path) -> None:
    """A contents list names every chapter in body type, on the chapter's own page or another:
    the chapter line set larger is still a heading, the contents line stays a list line."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", "", 11)
    pdf.multi_cell(0, 6, "Indhold", new_x="LMARGIN", new_y="NEXT")
    for chapter in ("1 Indledning", "1.1 Formål", "2 Budget"):
        pdf.multi_cell(0, 6, chapter, new_x="LMARGIN", new_y="NEXT")
    for heading, text in (
        ("1 Indledning", None),
        ("1.1 Formål", "Planen beskriver de risici, der findes i kommunen, og beredskabet."),
        ("2 Budget", "Planen koster 2,8 mio. kr. om året og finansieres af beredskabet."),
    ):
        pdf.set_font("Helvetica", "B", 13 if "." not in heading else 11.5)
        pdf.multi_cell(0, 7, heading, new_x="LMARGIN", new_y="NEXT")
        if text:
            pdf.set_font("Helvetica", "", 11)
            pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(tmp_path / "plan.pdf"))
    page = load_file(tmp_path / "plan.pdf").pages[0]
    assert "Indhold\n1 Indledning\n1.1 Formål\n2 Budget\n" in page  # the list as it stands
    assert "\n\n1 Indledning\n\n1.1 Formål\n\nPlanen beskriver" in page
    assert "beredskabet.\n\n2 Budget\n\nPlanen koster" in page
