"""A saved e-mail thread's quoted replies read as their text (`ingest.reply_quotes`)."""

from pathlib import Path

from ingest.clean import clean
from ingest.loaders import load_file
from ingest.reply_quotes import strip_reply_markers

THREAD = (
    "Fra: Rikke Dalsgaard\nEmne: SV: SV: Udbygning af Bredstrup Børnehus\n\nHej Kasper\n\n"
    "Ekstraarbejdet udføres til en fast pris på 161.500 kr. ekskl. moms.\n\n"
    "> Fra: Kasper Lind\n> Emne: SV: Udbygning af Bredstrup Børnehus\n>\n"
    "> Vi kan komme ned på 168.900 kr.\n> ekskl. moms for ekstraarbejdet.\n"
    ">> Ved nedtagningen af taget har vi konstateret råd i 11 af spærene. Spærene kan ikke\n"
    ">> genbruges og skal udskiftes.\n"
)


def test_the_markers_go_and_an_empty_quoted_line_or_a_new_level_breaks_the_paragraph() -> None:
    text, quoted = strip_reply_markers(THREAD)
    assert quoted and ">" not in text
    assert "Emne: SV: Udbygning af Bredstrup Børnehus\n\nVi kan komme ned på 168.900 kr." in text
    assert "ekskl. moms for ekstraarbejdet.\n\nVed nedtagningen" in text
    assert "Spærene kan ikke\ngenbruges og skal udskiftes." in text


def test_a_few_lines_opening_with_a_sign_are_no_reply() -> None:
    text = "Budgettet:\n> 5 mio. kr. i 2026\n> 6 mio. kr. i 2027\n"
    assert strip_reply_markers(text) == (text, False)
    mail = "Fra: Lars Mørch\nEmne: Budget\n\nBudgettet:\n> 5 mio. kr. i 2026\n"
    assert strip_reply_markers(mail) == (mail, False)


def test_an_e_mail_answering_one_quoted_sentence_at_a_time_loses_its_markers() -> None:
    """A reply that quotes single sentences to answer each: two marked lines are a reply
    in an e-mail when they open with words."""
    mail = (
        "Fra: Jesper Vind\nSendt: 10. maj 2027 08:51\nEmne: SV: Arbejdsgruppe\n\n"
        "> Jesper overtager ansvaret for borgermødet i Hølleby.\n\nDet er helt fint med mig.\n\n"
        "> Borgermødet holdes som planlagt den 7. september.\n\nDet kan ikke lade sig gøre.\n"
    )
    text, quoted = strip_reply_markers(mail)
    assert quoted and ">" not in text
    assert "\nJesper overtager ansvaret for borgermødet i Hølleby.\n" in text


def test_a_thread_cleans_to_sentences_across_quoted_lines_quoted_line_by_line(
    tmp_path: Path,
) -> None:
    """The cleaned text has no markers; each line start is a seam, so a citation across
    two quoted lines is quoted to the file line by line, each piece verbatim in the file."""
    path = tmp_path / "mail.txt"
    path.write_text(THREAD, encoding="utf-8")
    cleaned = clean(load_file(path))
    start = cleaned.text.index("Spærene kan ikke")
    end = cleaned.text.index("udskiftes.") + len("udskiftes.")
    assert cleaned.text[start:end] == "Spærene kan ikke\ngenbruges og skal udskiftes."
    cut = [s for s in cleaned.seams if start < s < end]
    assert cut == [cleaned.text.index("genbruges")]
    pieces = [cleaned.text[a:b].strip() for a, b in zip([start, *cut], [*cut, end], strict=True)]
    assert all(piece in THREAD for piece in pieces), pieces
