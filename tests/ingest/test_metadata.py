from __future__ import annotations

from pathlib import Path

import pytest

from ingest.clean import clean
from ingest.document import parse_loaded
from ingest.loaders import load_file
from ingest.metadata import extract_metadata
from ingest.structure import build_sections

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def _meta(name: str):
    return _meta_of(CORPUS / name)


def _meta_of(path: Path):
    loaded = load_file(path)
    text = clean(loaded).text
    return extract_metadata(text, build_sections(text), path.name, loaded.title_hint)


@pytest.mark.parametrize(
    ("name", "doc_type", "date", "committee"),
    [
        (
            "bufu_2021-06-07_568_task_force_status.txt",
            "referat",
            "2021-06-07",
            "Børne- og Ungeudvalget",
        ),
        # the committee is only mentioned in its body text, never in its header: no owner
        ("kommissorium_socialcentre_jobcentre_2005.txt", "kommissorium", "2005-08-01", None),
        # "kompetencepuljen fra 2006" names the pool's year, not the annex's date: none stated
        ("bilag2_kompetencepulje_2006_sof.txt", "bilag", None, None),
        ("silkeborg_notat_2013_kompetenceudvikling_jobcenter.txt", "notat", "2013-04-28", None),
        ("norddjurs_status_handleplan_arbejdsmarked_2015.txt", "status", None, None),
    ],
)
def test_type_date_committee(name, doc_type, date, committee):
    meta = _meta(name)
    assert meta.doc_type == doc_type
    assert meta.date == date
    assert meta.committee == committee


def test_minutes_title_case_numbers_and_open_item():
    meta = _meta("bufu_2021-06-07_568_task_force_status.txt")
    assert meta.title == "568. Status på Task Force-projektet i Afdeling for Børn og Familie (O)"
    assert meta.case_numbers == ["Sagsnr.: 330-2020-156136", "Dok.nr.: 330-2021-186755"]
    assert meta.closed is False


def test_closed_item_detected():
    text = "123. Køb af ejendom\n\nSagsnr.: 01.02-2024-1        Lukket\n\nSagens indhold\n\nTekst."
    meta = extract_metadata(text, build_sections(text), "x.txt")
    assert meta.closed is True


def test_bilag_title_keeps_its_label():
    meta = _meta("bilag2_kompetencepulje_2006_sof.txt")
    assert meta.title.startswith("Bilag 2: Beskrivelse af projekterne i kompetencepuljen")


def test_transcript_title_skips_hosting_boilerplate():
    meta = _meta("norddjurs_status_handleplan_arbejdsmarked_2015.txt")
    assert meta.title == "Status for implementering af handleplanen på arbejdsmarkedsområdet"


def test_an_event_date_in_running_text_is_not_the_document_date():
    # the status note mentions "besluttede på mødet den 18. november 2014" in its first
    # paragraph; it was written a year later and states no date of its own
    meta = _meta("norddjurs_status_handleplan_arbejdsmarked_2015.txt")
    assert meta.date is None


PORTAL_MINUTES = """<!DOCTYPE html><html lang="da"><head><meta charset="utf-8">
<title>Referat - By- og Kulturudvalget - 13-05-2024 - Odense Kommune</title></head><body>
<nav><a href="/">Forside</a> <a href="/dagsordener">Dagsordener og referater</a></nav>
<main><h1>By- og Kulturudvalget</h1><p>Mødedato: 13. maj 2024, kl. 15:00</p>
<h2>Referat</h2>
<h3>Punkt 1: Godkendelse af dagsorden</h3><h4>Beslutning</h4><p>Godkendt.</p>
<h3>Punkt 2: Kulturpris 2024</h3><h4>Resumé</h4>
<p>Udvalget skal udpege modtageren af kulturprisen 2024. Prisen er på 50.000 kr.</p>
<h4>Beslutning</h4><p>Udvalget tildelte kulturprisen til foreningen Musik i Parken.</p>
</main><footer><a href="/">Tilbage til forsiden</a></footer></body></html>"""


def test_minutes_headed_by_the_body_alone_are_titled_with_type_and_date(tmp_path: Path):
    path = tmp_path / "by_kultur_2024-05-13.html"
    path.write_text(PORTAL_MINUTES, encoding="utf-8")
    meta = _meta_of(path)
    assert (meta.doc_type, meta.committee, meta.date) == (
        "referat",
        "By- og Kulturudvalget",
        "2024-05-13",
    )
    assert meta.title == "Referat – By- og Kulturudvalget – 13. maj 2024"


def test_a_letterhead_running_header_is_not_the_title(make_pdf):
    pages = [
        [
            "Referat",
            "Økonomiudvalget",
            "Mødedato: 10. marts 2025, kl. 16.00",
            "45. Godkendelse af dagsorden",
            "Beslutning i Økonomiudvalget den 10. marts 2025",
            "Godkendt.",
        ],
        ["46. Eventuelt", "Beslutning i Økonomiudvalget den 10. marts 2025", "Intet."],
    ]
    path = make_pdf("oeu.pdf", pages, header="Silkeborg Kommune · Økonomiudvalget", footer=True)
    meta = _meta_of(path)
    assert meta.title == "Referat – Økonomiudvalget – 10. marts 2025"
    assert (meta.doc_type, meta.committee, meta.date) == (
        "referat",
        "Økonomiudvalget",
        "2025-03-10",
    )


def test_a_beslutningsprotokol_is_minutes_with_its_items_and_decisions(tmp_path: Path):
    """A Word "Beslutningsprotokol" behind a letterhead, its committee as the subtitle and its
    items as "Punkt N: …" headings: minutes, titled with body and date, each decision filed
    under its own item."""
    import docx

    from ingest.document import parse_loaded
    from ingest.facts.decisions import extract_decisions

    document = docx.Document()
    document.add_paragraph("Kolding Kommune")
    document.add_paragraph("Beslutningsprotokol", style="Title")
    document.add_paragraph("Børne- og Uddannelsesudvalget", style="Subtitle")
    document.add_paragraph("Mødedato: 12. september 2023, kl. 15.30")
    for number, title, decision in (
        (1, "Godkendelse af dagsorden", "Dagsordenen blev godkendt."),
        (2, "Ny skolestruktur i Kolding Øst", "Udvalget godkendte, at forslaget sendes i høring."),
        (3, "Orientering om trivselsmåling", "Orienteringen blev taget til efterretning."),
    ):
        document.add_heading(f"Punkt {number}: {title}", level=1)
        document.add_heading("Beslutning", level=2)
        document.add_paragraph(decision)
    path = tmp_path / "bu_2023-09-12.docx"
    document.save(str(path))
    record, _ = parse_loaded(load_file(path), path, "doc")
    assert record.meta.doc_type == "referat"
    assert record.meta.title == (
        "Beslutningsprotokol – Børne- og Uddannelsesudvalget – 12. september 2023"
    )
    items = [(s.number, s.title) for s in record.sections if s.kind == "agenda_item"]
    assert items == [
        ("1", "Godkendelse af dagsorden"),
        ("2", "Ny skolestruktur i Kolding Øst"),
        ("3", "Orientering om trivselsmåling"),
    ]
    decided = [(d.item_number, d.outcome) for d in extract_decisions(record)]
    assert decided == [("1", "godkendt"), ("2", "godkendt"), ("3", "taget til efterretning")]


@pytest.mark.parametrize(
    ("type_word", "doc_type"),
    [("STATUSNOTAT", "status"), ("KOMMISSORIUM", "kommissorium"), ("SAMARBEJDSAFTALE", "aftale")],
)
def test_a_type_word_above_numbered_chapters_is_the_type(tmp_path: Path, type_word, doc_type):
    """ "STATUSNOTAT" on the first line of a Word note whose chapters are numbered headings
    ("1. Sammenfatning", "2. Status på initiativerne"): a status note with chapters, not an
    agenda with items."""
    import docx

    from ingest.document import parse_loaded

    document = docx.Document()
    document.add_paragraph(type_word)
    document.add_heading("Handleplan for nedbringelse af elevfravær 2026-2028", level=1)
    document.add_paragraph("Til: Børne- og Skoleudvalget (mødet den 3. november 2026)")
    for number, title in ((1, "Sammenfatning"), (2, "Status på initiativerne"), (3, "Økonomi")):
        document.add_heading(f"{number}. {title}", level=2)
        document.add_paragraph("Handleplanen indeholder otte initiativer, og tre er afsluttet.")
    path = tmp_path / "statusnotat.docx"
    document.save(str(path))
    record, _ = parse_loaded(load_file(path), path, "doc")
    assert record.meta.doc_type == doc_type
    assert not [s for s in record.sections if s.kind == "agenda_item"]


PORTAL_WITH_SIDEBAR = """<!DOCTYPE html><html lang="da"><head><meta charset="utf-8">
<title>Byrådet - Referat - 26.10.2023</title></head><body>
<div class="sidebar"><h3>Møder</h3><ul><li><a href="/m/1">Byrådet 28.09.2023</a></li>
<li><a href="/m/3">Byrådet 23.11.2023</a></li></ul></div>
<div id="main"><table><tr><td>Udvalg:</td><td>Byrådet</td></tr>
<tr><td>Mødedato:</td><td>26. oktober 2023 kl. 16:00</td></tr></table>
<h1>Referat</h1>
<h2>568. Anlægsbevilling til ny idrætshal i Vestbyen</h2><h3>Sagsfremstilling</h3>
<p>Den samlede anlægsudgift er 42,5 mio. kr., fordelt med 12,0 mio. kr. i 2024 og 30,5 mio.
kr. i 2025.</p><h3>Beslutning i Byrådet den 26. oktober 2023</h3><p>Godkendt.</p>
</div></body></html>"""


def test_a_portal_sidebar_is_no_title_and_a_case_heading_neither(tmp_path: Path):
    """The sidebar's "Møder" and its links to other meetings are furniture, and a case
    heading ("Sagsfremstilling") names no document: the minutes are titled by their paper,
    body and date."""
    from ingest.document import parse_loaded

    path = tmp_path / "byraad_2023-10-26.html"
    path.write_text(PORTAL_WITH_SIDEBAR, encoding="utf-8")
    record, _ = parse_loaded(load_file(path), path, "doc")
    assert "23.11.2023" not in record.text and "Møder" not in record.text
    assert record.meta.title == "Referat – Byrådet – 26. oktober 2023"
    assert [(s.number, s.title) for s in record.sections if s.kind == "agenda_item"] == [
        ("568", "Anlægsbevilling til ny idrætshal i Vestbyen")
    ]


def test_a_title_styled_letterhead_is_not_the_title(tmp_path: Path):
    """Word minutes whose Title style holds the municipality ("Herning Kommune") are titled
    by what they are, the body and the date."""
    import docx

    document = docx.Document()
    document.add_paragraph("Herning Kommune", style="Title")
    document.add_paragraph("Beslutningsprotokol")
    document.add_paragraph("Byrådet")
    document.add_paragraph("Mødedato: 7. juni 2021, kl. 17:00")
    document.add_heading("568. Anlægsbevilling til cykelstier 2021-2022", level=1)
    document.add_heading("Beslutning i Byrådet den 7. juni 2021", level=2)
    document.add_paragraph("Godkendt.")
    path = tmp_path / "byraad_2021-06-07.docx"
    document.save(str(path))
    loaded = load_file(path)
    cleaned = clean(loaded)
    sections = build_sections(cleaned.text, cleaned.blocks)
    meta = extract_metadata(cleaned.text, sections, path.name, loaded.title_hint, cleaned.blocks)
    assert meta.title == "Beslutningsprotokol – Byrådet – 7. juni 2021"
    assert (meta.doc_type, meta.committee) == ("referat", "Byrådet")


def _pdf_metadata(path: Path):
    """The metadata of a PDF the test wrote, read as the ingest reads it."""
    loaded = load_file(path)
    text = clean(loaded).text
    return extract_metadata(text, build_sections(text), path.name, loaded.title_hint)


def test_a_letter_is_titled_by_its_subject_line(make_pdf):
    """A letter names neither itself nor a title: its subject stands right before "Kære …",
    after the letterhead, the address and the fields."""
    lines = [
        "Tønder Kommune",
        "Kultur, Fritid og Turisme",
        "Højer Rideklub",
        "Møllestien 8",
        "6280 Højer",
        "Dato: 18. november 2024",
        "Sagsnr.: 24/18233",
        "Sagsbehandler: Mette Rasmussen",
        "Tilsagn om tilskud fra Landdistriktspuljen til renovering af",
        "rideklubbens klubhus",
        "Kære Susanne Petersen",
        "Vi kan hermed meddele, at Højer Rideklub får tilsagn om et tilskud på 85.000 kr.",
        "Med venlig hilsen",
        "Mette Rasmussen",
    ]
    meta = _pdf_metadata(make_pdf("brev.pdf", [lines]))
    assert meta.title == (
        "Tilsagn om tilskud fra Landdistriktspuljen til renovering af rideklubbens klubhus"
    )
    assert (meta.doc_type, meta.date) == ("brev", "2024-11-18")


def test_a_letter_without_salutation_is_titled_by_the_line_after_its_fields(make_pdf):
    """A fund's grant letter opens with its letterhead in capitals, the address and the fields
    ("Sagsbehandler: …", "E-mail: …") and goes straight to its subject: no "Kære …". The
    caseworker field makes it a letter and the line after the fields its title."""
    lines = [
        "FONDEN FOR ROBUSTE LOKALSAMFUND",
        "Fonden for Robuste Lokalsamfund · Vestergade 18 · 8000 Aarhus C",
        "Nordby Kommune",
        "Torvet 1",
        "7390 Nordby",
        "Dato: 12. september 2025",
        "J.nr.: FRL-2025-0318",
        "Sagsbehandler: Camilla Fjord Rasmussen",
        "E-mail: cfr@robustelokalsamfund.dk",
        "Tilsagn om tilskud til projektet »Regnvandsbassin og skybrudssikring i",
        "Engparken«",
        "Fondens bestyrelse har på sit møde den 4. september 2025 behandlet ansøgningen. Vi har "
        "hermed fornøjelsen at meddele, at fonden giver tilsagn om et tilskud på 1.150.000 kr.",
    ]
    meta = _pdf_metadata(make_pdf("tilsagn.pdf", [lines]))
    assert meta.title == (
        "Tilsagn om tilskud til projektet »Regnvandsbassin og skybrudssikring i Engparken«"
    )
    assert (meta.doc_type, meta.date) == ("brev", "2025-09-12")


def test_a_label_over_its_value_is_one_field(make_pdf):
    """A memo's letterhead in two columns reads "Dato:" on one line and "20. maj 2026" on the
    next: one field, so the memo is dated by it (not by the meeting it is sent to), and the
    caseworker's name is no title."""
    lines = [
        "Statusnotat - handleplan for rekruttering",
        "Til:",
        "Ældre- og Sundhedsudvalget (mødet 2. juni 2026)",
        "Fra:",
        "Sundhed og Ældre, Stab",
        "Dato:",
        "20. maj 2026",
        "Sagsbehandler:",
        "Trine Kjeldsen, udviklingskonsulent",
        "Statusnotat - Handleplan for rekruttering og fastholdelse på ældreområdet",
        "1. Baggrund",
        "Udvalget godkendte den 10. juni 2025 handleplanen, som har ni initiativer og en samlet "
        "økonomi på 4,8 mio. kr. over tre år.",
    ]
    meta = _pdf_metadata(make_pdf("statusnotat.pdf", [lines]))
    assert meta.title == "Statusnotat - Handleplan for rekruttering og fastholdelse på ældreområdet"
    assert (meta.doc_type, meta.date) == ("status", "2026-05-20")


def test_a_memos_caseworker_field_below_its_text_makes_no_letter() -> None:
    """A memo whose side column ("Sagsbehandler: …") lands below its first paragraph keeps its
    own title and type."""
    text = (
        "29. juni 2023\n\nVejstøj langs Giber Ringvej\n\n"
        "Drøftelsen af vejstøj blev behandlet på mødet i Teknisk Udvalg den 1. marts 2023, og "
        "forvaltningen skulle vende tilbage med konkrete støjmålinger for strækningen.\n\n"
        "Sagsbehandler: Rasmus Nielsen\nTelefon: 8940 0000\n"
        "Der er herudover flere krav til, hvordan jord håndteres ved nye støjvolde.\n"
    )
    meta = extract_metadata(text, build_sections(text), "notat.txt", None)
    assert meta.title == "Vejstøj langs Giber Ringvej"
    assert meta.doc_type != "brev"


def test_a_decision_log_is_a_decision_record_not_a_status() -> None:
    """ "Beslutningslog – …" names its type, though its records' "Status:" fields come first
    in its text."""
    text = (
        "Beslutningslog – Styregruppen for digital byggesagsbehandling\n\n"
        "Senest opdateret: 12. maj 2025\n\nB-01 Valg af fagsystem\n\nDato: 9. januar 2025\n"
        "Status: Besluttet\nBesluttet af: Styregruppen\n\nStyregruppen valgte fagsystemet.\n"
    )
    meta = extract_metadata(text, build_sections(text), "log.md", None)
    assert meta.doc_type == "beslutning"


def test_an_annex_with_numbered_chapters_is_an_annex_of_its_committee() -> None:
    """ "Bilag 2 til Børne- og Skoleudvalgets møde …" with chapters "1. Anlægsudgifter",
    "2. Driftsudgifter": an annex (its chapters are no agenda items), owned by the committee
    named in the genitive."""
    text = (
        "Bilag 2 til Børne- og Skoleudvalgets møde den 3. juni 2025, punkt 12\n\n"
        "Økonomioversigt – Ny daginstitution i Nørreby\n\n"
        "Dette bilag viser anlægsudgifter og driftsudgifter for den nye daginstitution.\n\n"
        "1. Anlægsudgifter\n\nSagsnr.: 24/8812\n\nDen samlede anlægsudgift er 38,5 mio. kr.\n\n"
        "2. Driftsudgifter\n\nSagsnr.: 24/8812\n\nDriftsudgiften er 7,4 mio. kr. om året.\n"
    )
    meta = extract_metadata(text, build_sections(text), "bilag2.txt", None)
    assert meta.doc_type == "bilag"
    assert meta.committee == "Børne- og Skoleudvalget"


def test_a_letters_addressee_is_not_its_body() -> None:
    """ "Til Børne- og Skoleudvalget" opens a consultation response written by a school board:
    the committee receives it, so it names no owner (an unknown body beats a wrong one)."""
    text = (
        "Høringssvar fra skolebestyrelsen ved Skovlund Skole\n\n"
        "Til Børne- og Skoleudvalget\n\n"
        "Hermed fremsendes skolebestyrelsens høringssvar vedrørende forslaget om at flytte "
        "udskolingen.\n"
    )
    meta = extract_metadata(text, build_sections(text), "hoeringssvar.txt", None)
    assert meta.committee is None


def test_a_companys_board_minutes_belong_to_its_board() -> None:
    """ "Referat af bestyrelsesmøde nr. 2/2026" under a company's name: the board owns the
    minutes, so "Hvad sagde selskabets bestyrelse til lånet?" finds its decision and not a
    council committee's decision on the same loan (a blind probe)."""
    text = (
        "# Vandselskabet Østkyst A/S\n\n## Referat af bestyrelsesmøde nr. 3/2026\n\n"
        "Mødedato: Torsdag den 7. maj 2026\n\n### Ad 1. Godkendelse af dagsorden\n\n"
        "**Beslutning**\n\nGodkendt.\n"
    )
    meta = extract_metadata(text, build_sections(text), "bestyrelse.md", None)
    assert meta.committee == "Bestyrelsen"
    assert meta.doc_type == "referat"


def _memo_pdf(path: Path) -> Path:
    """A memo as a municipality prints it: the letterhead in capitals and a contact line, the
    title in large type below them, then fields and body text in the body size."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.cell(0, 8, "TANGBJERG KOMMUNE", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 9)
    pdf.cell(
        0, 6, "Kultur og Fritid · Rådhustorvet 1 · 7499 Tangbjerg", new_x="LMARGIN", new_y="NEXT"
    )
    pdf.set_font("Helvetica", "B", 15)
    pdf.cell(0, 8, "NOTAT", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "B", 13)
    pdf.multi_cell(
        0,
        7,
        "Anlægsoverslag for ny kunstgræsbane\ni Tangbjerg Idrætspark",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.set_font("Helvetica", "", 10)
    for line in ("Dato: 12. februar 2026", "Til: Kultur- og Fritidsudvalget"):
        pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    pdf.multi_cell(
        0, 6, "Banen skal erstatte grusbanen ved hal 2. " * 6, new_x="LMARGIN", new_y="NEXT"
    )
    pdf.output(str(path))
    return path


def test_a_pdf_is_titled_by_the_line_it_sets_largest_below_its_letterhead(tmp_path: Path):
    """Not the letterhead in capitals, not its contact line, not the type word "NOTAT": the
    largest line that reads as a title, its wrapped lines joined."""
    from ingest.document import parse_loaded

    path = _memo_pdf(tmp_path / "notat.pdf")
    record, _ = parse_loaded(load_file(path), path, "x")
    assert record.meta.title == "Anlægsoverslag for ny kunstgræsbane i Tangbjerg Idrætspark"
    assert record.meta.date == "2026-02-12"


def test_a_verb_before_a_committee_is_not_part_of_its_name(tmp_path: Path):
    path = tmp_path / "kommissorium.txt"
    path.write_text(
        "Kommissorium for arbejdsgruppe om biblioteksstruktur\n"
        "Forelægges Kultur- og Fritidsudvalget\n\n"
        "Arbejdsgruppen skal komme med en anbefaling om fremtidens biblioteker.\n",
        encoding="utf-8",
    )
    meta = _meta_of(path)
    assert meta.committee == "Kultur- og Fritidsudvalget"


def test_an_e_mails_title_is_its_subject_without_reply_marks(tmp_path: Path):
    """ "SV: SV: VS:" say the mail was answered and forwarded; the subject is the title."""
    path = tmp_path / "mail.txt"
    path.write_text(
        "Fra: Rikke Dalsgaard <rida@kaersted.dk>\nSendt: 12. maj 2026 14:07\n"
        "Emne: SV: SV: VS: Udbygning af Bredstrup Børnehus\n\nHej Kasper\n\nTak for mødet.\n",
        encoding="utf-8",
    )
    meta = _meta_of(path)
    assert meta.title == "Udbygning af Bredstrup Børnehus"


def test_a_case_systems_protocol_export_is_titled_by_its_body_kind_and_meeting_date(
    tmp_path: Path,
):
    """A case system's export sets the municipality and the print date first, the body and
    the kind of paper in capitals, and the meeting's date after "MØDE:": the title is the
    paper's, the body is the one in capitals (not the meeting's weekday), and the date is
    the meeting's, not the print date."""
    path = tmp_path / "protokol.txt"
    path.write_text(
        "HVIDMOSE KOMMUNE                              Udskrevet 14.10.2026 09:12\n"
        "KommuneSag 4.2 - Eksport af beslutningsprotokol              Bruger: HBN\n"
        "==================================================================\n\n"
        "TEKNIK- OG MILJØUDVALGET\nBESLUTNINGSPROTOKOL\n\n"
        "MØDE:        Tirsdag 13.10.2026 kl. 16:00-18:45\n"
        "STED:        Byrådssalen, Hvidmose Rådhus\n"
        "FRAVÆRENDE:  Ingen\n\n"
        "Sag nr. 9 – GODKENDELSE AF DAGSORDEN\n\nBeslutning: Godkendt.\n",
        encoding="utf-8",
    )
    meta = _meta_of(path)
    assert (meta.committee, meta.date) == ("Teknik- og Miljøudvalget", "2026-10-13")
    assert meta.title == "Beslutningsprotokol – Teknik- og Miljøudvalget – 13.10.2026"


def test_a_page_titled_by_its_kind_alone_is_titled_with_what_it_is_of(tmp_path: Path):
    """A Word page saved as HTML has the title "Kommissorium": the line under it says of
    what, and a person files it as "Kommissorium: Arbejdsgruppe om …"."""
    path = tmp_path / "kommissorium.htm"
    path.write_text(
        "<html><head><title>Kommissorium</title></head><body>"
        "<p class=MsoNormal>HVIDMOSE KOMMUNE</p><p class=MsoTitle>Kommissorium</p>"
        "<p class=MsoSubtitle>Arbejdsgruppe om fremtidens klubtilbud for 10-17-årige</p>"
        "<h2>1. Baggrund</h2><p>Udvalget besluttede at nedsætte en arbejdsgruppe.</p>"
        "</body></html>",
        encoding="utf-8",
    )
    record, *_ = parse_loaded(load_file(path), path, "k")
    assert (
        record.meta.title == "Kommissorium: Arbejdsgruppe om fremtidens klubtilbud for 10-17-årige"
    )


def test_a_header_line_of_fields_dates_the_note_however_long(tmp_path: Path):
    """A status note's header sets its fields on one long line ("Status pr. 1. marts 2026 ·
    Sagsnr. … · Til Teknik- og Miljøudvalget 10. marts 2026"): a line of fields is no running
    text, so its first date is the note's, not a deadline in the table further down."""
    path = tmp_path / "statusnotat.txt"
    path.write_text(
        "Søvang Kommune · Natur og Miljø\n"
        "Statusnotat: Handleplan for biodiversitet 2024-2027\n"
        "Status pr. 1. marts 2026 · Sagsnr. 24/11873 · Udarbejdet af projektleder Maria "
        "Thorsen · Til Teknik- og Miljøudvalget 10. marts 2026\n\n"
        "1. Indledning\n\nByrådet vedtog handleplanen den 21. marts 2024.\n\n"
        "2. Status\n\nSkovrejsning\tForsinket\t30.06.2027\n",
        encoding="utf-8",
    )
    meta = _meta_of(path)
    assert meta.date == "2026-03-01"


def test_a_title_that_opens_with_its_kind_is_that_kind(tmp_path: Path):
    """ "Statusnotat: Handleplan for ældreområdet 2026" with numbered chapters in Word's
    heading styles is a status note, not an agenda (its chapters read like agenda items)."""
    import docx

    document = docx.Document()
    document.add_heading("Statusnotat: Handleplan for ældreområdet 2026", level=0)
    document.add_paragraph("Til: Social- og Sundhedsudvalget, mødet den 18. marts 2026")
    document.add_heading("Indledning", level=1)
    document.add_paragraph("Dette notat giver en status på handleplanens initiativer.")
    for title, text in (
        ("1. Akutteamet", "Byrådet godkendte udvidelsen af akutteamet den 26. november 2025."),
        ("2. Plejecenter Egebakken", "Ombygningen af fløj B er forsinket af et asbestfund."),
        ("3. Hjemmeplejen", "Redegørelsen blev forelagt udvalget den 21. januar 2026."),
    ):
        document.add_heading(title, level=1)
        document.add_paragraph(text)
    path = tmp_path / "statusnotat.docx"
    document.save(str(path))
    record, *_ = parse_loaded(load_file(path), path, "s")
    assert record.meta.doc_type == "status"
