"""Loaders on generated files: good inputs keep text and pages, bad inputs fail with a reason."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.shared import Pt

from ingest.loaders import SUPPORTED_EXTENSIONS, load_file
from ingest.models import IngestError

# --- bad input ---------------------------------------------------------------------------------


def _reason(path: Path) -> str:
    with pytest.raises(IngestError) as caught:
        load_file(path)
    assert caught.value.reason_da  # staff always get a Danish text
    return caught.value.reason


def test_zero_byte_file_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "tom.pdf"
    path.write_bytes(b"")
    assert _reason(path) == "empty file"


def test_whitespace_only_text_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_text(" \n\n\t \n", encoding="utf-8")
    assert _reason(path) == "empty file"


def test_unknown_extension(tmp_path: Path) -> None:
    path = tmp_path / "data.xyz"
    path.write_text("Dette er ikke et understøttet format.", encoding="utf-8")
    assert _reason(path) == "unsupported file type '.xyz'"


def test_old_word_format_is_unsupported(tmp_path: Path) -> None:
    path = tmp_path / "referat.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64)
    assert _reason(path) == "unsupported file type '.doc'"


def test_corrupt_pdf(corrupt_pdf: Path) -> None:
    assert _reason(corrupt_pdf).startswith("corrupt PDF: ")


def test_truncated_pdf_is_corrupt(truncated_pdf: Path) -> None:
    assert _reason(truncated_pdf).startswith("corrupt PDF: ")


def test_pdf_with_only_page_numbers_has_no_text_layer(make_pdf) -> None:  # type: ignore[no-untyped-def]
    assert _reason(make_pdf("stempel.pdf", [["1"], ["2"]])) == "no text layer; OCR is not supported"


def test_pdf_extension_without_pdf_content(tmp_path: Path) -> None:
    path = tmp_path / "falsk.pdf"
    path.write_text("Bare tekst, ingen PDF.", encoding="utf-8")
    assert _reason(path) == "corrupt PDF: no PDF header"


def test_encrypted_pdf(encrypted_pdf: Path) -> None:
    assert _reason(encrypted_pdf) == "encrypted PDF"


def test_pdf_with_empty_user_password_opens(owner_only_encrypted_pdf: Path) -> None:
    loaded = load_file(owner_only_encrypted_pdf)
    assert "Der afsættes 600.000 kr." in loaded.pages[0]


def test_scanned_pdf_without_text_layer(scanned_pdf: Path) -> None:
    assert _reason(scanned_pdf) == "no text layer; OCR is not supported"


def test_file_deleted_before_load(tmp_path: Path) -> None:
    path = tmp_path / "forsvundet.txt"
    path.write_text("Kort notat.", encoding="utf-8")
    path.unlink()
    assert _reason(path) == "file disappeared during ingest"


def test_binary_garbage_in_text_file(tmp_path: Path) -> None:
    path = tmp_path / "affald.txt"
    path.write_bytes(bytes(range(256)) * 8)
    assert _reason(path).startswith("invalid text encoding")


def test_corrupt_docx(tmp_path: Path) -> None:
    path = tmp_path / "beskadiget.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip archive")
    assert _reason(path).startswith("corrupt DOCX")


# --- text encodings ----------------------------------------------------------------------------

DANISH = "Børne- og Ungeudvalget godkendte økonomien på mødet.\nDer afsættes 600.000 kr. til år 2."


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16"])
def test_danish_text_in_common_encodings(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / f"notat-{encoding}.txt"
    path.write_bytes(DANISH.encode(encoding))
    loaded = load_file(path)
    assert loaded.kind == "text"
    assert loaded.pages == [DANISH]


def test_short_cp1252_text_keeps_danish_letters(tmp_path: Path) -> None:
    # Short legacy text is where charset detection guesses cp850/cp1250 and breaks æøå.
    path = tmp_path / "kort.txt"
    path.write_bytes("Sø, å og æble – Økonomi".encode("cp1252"))
    assert load_file(path).pages == ["Sø, å og æble – Økonomi"]


# --- formats -----------------------------------------------------------------------------------


def test_supported_extensions() -> None:
    assert SUPPORTED_EXTENSIONS == {".pdf", ".docx", ".html", ".htm", ".md", ".markdown", ".txt"}


def test_pdf_pages_in_order(danish_pdf: Path, danish_pages: list[list[str]]) -> None:
    loaded = load_file(danish_pdf)
    assert loaded.kind == "pdf"
    assert len(loaded.pages) == 3
    for page_text, lines in zip(loaded.pages, danish_pages, strict=True):
        for line in lines:
            assert line in page_text
    assert "Side 2 af 3" in loaded.pages[1]
    assert loaded.title_hint == "Referat af Børne- og Ungeudvalgets møde"


def test_pdf_is_sniffed_by_content(danish_pdf: Path, tmp_path: Path) -> None:
    misnamed = tmp_path / "referat.txt"
    misnamed.write_bytes(danish_pdf.read_bytes())
    assert load_file(misnamed).kind == "pdf"


def test_pdf_default_titles_are_ignored(make_pdf) -> None:  # type: ignore[no-untyped-def]
    path = make_pdf("x.pdf", [["Et notat om budget."]], title="Microsoft Word - notat.docx")
    assert load_file(path).title_hint is None


def test_docx_heading_paragraph_and_table(docx_file: Path) -> None:
    loaded = load_file(docx_file)
    assert loaded.kind == "docx"
    assert loaded.title_hint == "Status på handleplanen"
    assert loaded.pages == [
        "Status på handleplanen\n\n"
        "Børne- og Ungeudvalget orienteres om fremdriften.\n\n"
        "Økonomi\n\n"
        "Indsats\tBeløb\n"
        "Videndeling\t600.000 kr.\n"
        "Evaluering\t1,5 mio. kr.\n\n"
        "Handleplanen skal være godkendt senest september 2021."
    ]


def test_docx_cover_page_title_and_subtitle_are_one_title(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("OS2compliance", style="Title")
    document.add_paragraph("Løsningsbeskrivelse", style="Subtitle")
    document.add_heading("Indledning", level=1)
    document.add_paragraph("Dette dokument beskriver version 1.0.")
    path = tmp_path / "loesning.docx"
    document.save(str(path))
    loaded = load_file(path)
    assert loaded.title_hint == "OS2compliance – Løsningsbeskrivelse"
    assert [(b.kind, b.text) for b in loaded.blocks[:2]] == [
        ("heading", "OS2compliance – Løsningsbeskrivelse"),
        ("heading", "Indledning"),
    ]


def test_docx_bold_run_in_case_fields_are_headings(tmp_path: Path) -> None:
    """Word minutes that write an item's fields as bold run-in labels ("**Beslutning:**
    Godkendt. …") get them as headings one level below the item's; a bold label that is no
    case field ("Sagsnr.:", "Mødedato:") stays in its paragraph."""
    document = docx.Document()
    document.add_heading("Referat – Byrådet", level=1)
    header = document.add_paragraph()
    header.add_run("Mødedato: ").bold = True
    header.add_run("24. september 2025")
    document.add_heading("Punkt 4 – Budget 2026-2029, 2. behandling", level=2)
    case = document.add_paragraph()
    case.add_run("Sagsnr.: ").bold = True
    case.add_run("25/03002")
    decision = document.add_paragraph()
    decision.add_run("Beslutning:").bold = True
    decision.add_run(" Vedtaget. For stemte: A, V, C, F (20).")
    path = tmp_path / "byraad.docx"
    document.save(str(path))
    loaded = load_file(path)
    assert [(b.kind, b.text, b.level) for b in loaded.blocks] == [
        ("heading", "Referat – Byrådet", 1),
        ("prose", "Mødedato: 24. september 2025", 0),
        ("heading", "Punkt 4 – Budget 2026-2029, 2. behandling", 2),
        ("prose", "Sagsnr.: 25/03002", 0),
        ("heading", "Beslutning", 3),
        ("prose", "Vedtaget. For stemte: A, V, C, F (20).", 0),
    ]


def test_docx_cover_lines_in_large_type_are_the_title(tmp_path: Path) -> None:
    document = docx.Document()
    for text, points in (("OS2faktor Login", 24), ("Exit Strategi", 16)):
        document.add_paragraph().add_run(text).font.size = Pt(points)
    document.add_paragraph("Version: 1.1.0")
    document.add_heading("Formål", level=1)
    document.add_paragraph("Dette dokument beskriver aktiviteterne ved en exit.")
    # body text in large type later on is not part of the title
    document.add_paragraph().add_run("Vigtigt").font.size = Pt(18)
    path = tmp_path / "exit.docx"
    document.save(str(path))
    loaded = load_file(path)
    assert loaded.title_hint == "OS2faktor Login – Exit Strategi"
    assert [b.kind for b in loaded.blocks] == ["heading", "prose", "heading", "prose", "prose"]


def test_docx_automatic_numbering_is_written(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Personlig og faglig opkvalificering", style="List Number")
    document.add_paragraph("Et fælles introduktionsforløb", style="List Bullet")
    document.add_paragraph("Effektive arbejdsgange", style="List Number")
    path = tmp_path / "bilag.docx"
    document.save(str(path))
    # numbered and bulleted paragraphs are list items, on adjacent lines
    assert load_file(path).pages == [
        "1. Personlig og faglig opkvalificering\n"
        "- Et fælles introduktionsforløb\n"
        "2. Effektive arbejdsgange"
    ]


def _saved_with_rows(document, rows, texts: list[list[str]], tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    """The Word document saved as bilag.docx, with `texts` written into the table `rows`."""
    for row, cells in zip(rows, texts, strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    path = tmp_path / "bilag.docx"
    document.save(str(path))
    return path


def test_docx_header_merged_over_two_rows_names_the_columns_once(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=4, cols=4)
    top, names = table.rows[0].cells, table.rows[1].cells
    top[0].text, top[1].text, top[3].text = "Projekt", "Udgift fordelt på år (t.kr.)", "I alt"
    top[0].merge(names[0])  # merged down
    top[3].merge(names[3])
    top[1].merge(top[2])  # merged across the years
    names[1].text, names[2].text = "2026", "2027"
    body = [
        ["Lyngholm Skole", "3.100", "1.800", "4.900"],
        ["Havbakkeskolen", "6.800", "–", "6.800"],
    ]
    path = _saved_with_rows(document, table.rows[2:], body, tmp_path)
    # the label over the years stands above the table; one row names the columns, so no
    # row of names is taken for data and the rows below read under their column names
    assert load_file(path).pages == [
        "Udgift fordelt på år (t.kr.)\n\n"
        "Projekt\t2026\t2027\tI alt\n"
        "Lyngholm Skole\t3.100\t1.800\t4.900\n"
        "Havbakkeskolen\t6.800\t–\t6.800"
    ]


def test_docx_table_of_figures_under_one_row_of_names_is_read_as_it_stands(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    rows = [["Projekt", "2026"], ["Lyngholm Skole", "3.100"]]
    path = _saved_with_rows(document, table.rows, rows, tmp_path)
    assert load_file(path).pages == ["Projekt\t2026\nLyngholm Skole\t3.100"]


def test_html_strips_navigation_keeps_headings_and_table(agenda_html: Path) -> None:
    loaded = load_file(agenda_html)
    assert loaded.kind == "html"
    assert loaded.title_hint == "568. Status på Task Force-projektet"
    assert loaded.pages == [
        "568. Status på Task Force-projektet\n\n"
        "Beslutningstema\n\n"
        "Børne- og Ungeudvalget orienteres om fremdrift og status.\n"
        "Sagen er åben.\n\n"
        "Økonomiske konsekvenser\n\n"
        "År\tBeløb\n"
        "2021\t1,5 mio. kr.\n"
        "2022\t600.000 kr.\n\n"
        "Bilag\n\n"
        "Bilag 1: Statusrapport\n"
        "Bilag 2: Udviklingsplan"
    ]


def test_html_main_wins_over_site_header_h1(tmp_path: Path) -> None:
    body = "Udvalget godkendte indstillingen om en ny skolestruktur i hele kommunen. " * 4
    path = tmp_path / "punkt.html"
    path.write_text(
        "<html><head><title>Aarhus Kommune</title></head><body>"
        "<div class='top'><h1>Aarhus Kommune</h1><p>Kontakt og åbningstider</p></div>"
        f"<main><h2>12. Ny skolestruktur</h2><p>{body}</p></main>"
        "<div class='bund'>Rådhuspladsen 2</div></body></html>",
        encoding="utf-8",
    )
    loaded = load_file(path)
    assert loaded.pages == [f"12. Ny skolestruktur\n\n{body.strip()}"]
    assert loaded.title_hint == "12. Ny skolestruktur"


def test_html_card_grid_reads_as_table_rows(tmp_path: Path) -> None:
    # Cards of the same shape (a label, a title, a body) are a table laid out as boxes; a
    # grid of cards that hold prose stays prose.
    cards = "".join(
        f"<div class='card'><div class='label'>Kapabilitet</div><div>{title}</div>"
        f"<div class='body'>{body}</div></div>"
        for title, body in (("Platform drift", "Driftsansvarlige"), ("Support", "IT-konsulenter"))
    )
    prose = "".join(
        f"<div class='card'><h3>{t}</h3><p>Teksten om {t} er her.</p></div>" for t in ("A", "B")
    )
    path = tmp_path / "bilag.html"
    path.write_text(
        f"<html><body><h1>Roller</h1><div class='grid'>{cards}</div>"
        f"<div class='grid'>{prose}</div></body></html>",
        encoding="utf-8",
    )
    loaded = load_file(path)
    assert loaded.pages == [
        "Roller\n\n"
        "Kapabilitet\tPlatform drift\tDriftsansvarlige\n"
        "Kapabilitet\tSupport\tIT-konsulenter\n\n"
        "A\n\nTeksten om A er her.\n\nB\n\nTeksten om B er her."
    ]
    assert [b.kind for b in loaded.blocks][:3] == ["heading", "table_row", "table_row"]


def test_html_folded_agenda_items_keep_their_titles_and_bodies(tmp_path: Path) -> None:
    """A portal that folds each agenda item behind a toggle button, its body saved `hidden`:
    the button's text is the item's title (a heading above the item's field headings) and the
    folded body is content; a plain button and a hidden banner are still dropped."""
    rows = "".join(
        f"<article><button type='button' aria-expanded='false' aria-controls='p{n}'>"
        f"<span>{n}</span> | <span>EMN-2025-0{n}12</span> <span>{title}</span>"
        f"<span aria-hidden='true'>&#9662;</span></button>"
        f"<div id='p{n}' hidden><h4>Resumé</h4><p>{body}</p><h4>Beslutning</h4>"
        f"<p>Godkendt.</p></div></article>"
        for n, title, body in (
            (1, "Fordeling af inklusionspuljen", "Puljen på 1,6 mio. kr. fordeles efter elevtal."),
            (2, "Sygefravær i dagtilbud", "Sygefraværet var 7,9 pct. i 2024."),
        )
    )
    path = tmp_path / "bu.html"
    path.write_text(
        "<html><body><main><h1>Børne- og Ungeudvalget</h1>"
        "<p>Dagsorden med beslutninger</p>"
        f"<div hidden>Din browser er forældet</div><button>Fold alle ud</button>{rows}"
        "</main></body></html>",
        encoding="utf-8",
    )
    loaded = load_file(path)
    assert loaded.pages[0].split("\n\n") == [
        "Børne- og Ungeudvalget",
        "Dagsorden med beslutninger",
        "1 | EMN-2025-0112 Fordeling af inklusionspuljen",
        "Resumé",
        "Puljen på 1,6 mio. kr. fordeles efter elevtal.",
        "Beslutning",
        "Godkendt.",
        "2 | EMN-2025-0212 Sygefravær i dagtilbud",
        "Resumé",
        "Sygefraværet var 7,9 pct. i 2024.",
        "Beslutning",
        "Godkendt.",
    ]
    headings = [(b.text, b.level) for b in loaded.blocks if b.kind == "heading"]
    assert headings[1:3] == [("1 | EMN-2025-0112 Fordeling af inklusionspuljen", 3), ("Resumé", 4)]


def test_html_details_agenda_items_are_headed_by_their_summary(tmp_path: Path) -> None:
    """A portal that folds each agenda item in <details>, its title in <summary>: the summary
    is the item's heading, one level above its field headings, so the item is a section."""
    items = "".join(
        f"<details class='agenda-item'><summary><span>Punkt {n}:</span> {title}</summary>"
        f"<div>Sagsnr.: 25/0{n}417</div><div><h4>Resumé</h4><p>{body}</p></div>"
        f"<div><h4>Beslutning</h4><p>Godkendt.</p></div></details>"
        for n, title, body in (
            (2, "Licitationsresultat - cykelsti", "Laveste bud er 6.985.000 kr."),
            (3, "40 km/t-zoner i boligområder", "Forslaget sendes i høring."),
        )
    )
    path = tmp_path / "tmu.html"
    path.write_text(
        f"<html><body><main><h1>Teknik- og Miljøudvalget</h1>{items}</main></body></html>",
        encoding="utf-8",
    )
    loaded = load_file(path)
    headings = [(b.text, b.level) for b in loaded.blocks if b.kind == "heading"]
    assert headings == [
        ("Teknik- og Miljøudvalget", 1),
        ("Punkt 2: Licitationsresultat - cykelsti", 3),
        ("Resumé", 4),
        ("Beslutning", 4),
        ("Punkt 3: 40 km/t-zoner i boligområder", 3),
        ("Resumé", 4),
        ("Beslutning", 4),
    ]


def test_html_field_table_reads_as_headings_and_paragraphs(tmp_path: Path) -> None:
    """A portal that lays out an item's fields as a table (a <th> label, a <td> of paragraphs)
    reads as a page with the same fields as headings: each label a heading one level below the
    item's, its paragraphs prose; a short value beside its label stays a row, and a table of
    data stays a table."""
    fields = (
        "<table><tr><th scope='row'>Sagsfremstilling</th><td><p>Udvalget kan indføre gratis "
        "parkering.</p><p>Mindreindtægten er ca. 420.000 kr.</p></td></tr>"
        "<tr><th scope='row'>Sagsnr.</th><td>25/01240</td></tr>"
        "<tr><th scope='row'>Beslutning i Teknik- og Miljøudvalget den 12-06-2025</th>"
        "<td><p>Anbefales ikke.</p></td></tr></table>"
    )
    data = (
        "<table><tr><th>År</th><th>Beløb</th></tr>"
        "<tr><td>2026</td><td>4,2 mio. kr.</td></tr></table>"
    )
    path = tmp_path / "tmu.html"
    path.write_text(
        "<html><body><main><h1>Teknik- og Miljøudvalget</h1>"
        f"<article><h2>Pkt. 113 Gratis parkering i december</h2>{fields}</article>"
        f"<h2>Økonomi</h2>{data}</main></body></html>",
        encoding="utf-8",
    )
    loaded = load_file(path)
    assert loaded.pages[0].split("\n\n") == [
        "Teknik- og Miljøudvalget",
        "Pkt. 113 Gratis parkering i december",
        "Sagsfremstilling",
        "Udvalget kan indføre gratis parkering.",
        "Mindreindtægten er ca. 420.000 kr.",
        "Sagsnr.\t25/01240",
        "Beslutning i Teknik- og Miljøudvalget den 12-06-2025",
        "Anbefales ikke.",
        "Økonomi",
        "År\tBeløb\n2026\t4,2 mio. kr.",
    ]
    headings = [(b.text, b.level) for b in loaded.blocks if b.kind == "heading"]
    assert headings[1:3] == [("Pkt. 113 Gratis parkering i december", 2), ("Sagsfremstilling", 3)]


def test_html_back_to_top_link_is_furniture(tmp_path: Path) -> None:
    path = tmp_path / "punkt.html"
    path.write_text(
        "<html><body><main><h1>Referat</h1><article><h2>Pkt. 1 Godkendelse af dagsorden</h2>"
        "<p>Godkendt.</p><a class='til-top' href='#top'>Til toppen</a>"
        "<p><a href='#punkt-2'>Punkt 2</a> behandles næste gang.</p></article>"
        "</main></body></html>",
        encoding="utf-8",
    )
    text = load_file(path).pages[0]
    assert "Til toppen" not in text and "Punkt 2 behandles næste gang." in text


@pytest.mark.parametrize(
    ("name", "markup"),
    [
        (
            "referat.md",
            "# Referat\n\n## 2. Budget 2026\n\n**Resumé:** Forslaget blev behandlet.\n\n"
            "**Beslutning**: Vedtaget.\n\n**Sagsnr.:** 25/1\n",
        ),
        (
            "referat.html",
            "<html><body><h1>Referat</h1><h2>2. Budget 2026</h2><p><strong>Resumé:</strong> "
            "Forslaget blev behandlet.</p><p><b>Beslutning</b>: Vedtaget.</p>"
            "<p><b>Sagsnr.:</b> 25/1</p></body></html>",
        ),
    ],
)
def test_marked_up_run_in_case_fields_are_headings(tmp_path: Path, name: str, markup: str) -> None:
    """ "**Beslutning:** Vedtaget." in Markdown or <b>Beslutning</b>: in HTML is the item's
    decision field: a heading one level below the item's over its text; "Sagsnr.:" is no
    case field and stays a line."""
    path = tmp_path / name
    path.write_text(markup, encoding="utf-8")
    loaded = load_file(path)
    assert [(b.kind, b.level) for b in loaded.blocks[2:6]] == [
        ("heading", 3),
        ("prose", 0),
        ("heading", 3),
        ("prose", 0),
    ]
    assert loaded.pages[0].split("\n\n")[2:] == [
        "Resumé",
        "Forslaget blev behandlet.",
        "Beslutning",
        "Vedtaget.",
        "Sagsnr.: 25/1",
    ]


def test_html_without_h1_uses_title(tmp_path: Path) -> None:
    path = tmp_path / "side.htm"
    path.write_text(
        "<html><head><title>Referat 7. juni 2021</title></head>"
        "<body><p>Udvalget godkendte indstillingen.</p></body></html>",
        encoding="utf-8",
    )
    loaded = load_file(path)
    assert loaded.title_hint == "Referat 7. juni 2021"
    assert loaded.pages == ["Udvalget godkendte indstillingen."]


def test_html_saved_as_txt_is_sniffed(tmp_path: Path) -> None:
    path = tmp_path / "side.txt"
    path.write_text("<!doctype html><html><body><h1>Notat</h1></body></html>", encoding="utf-8")
    assert load_file(path).kind == "html"


def test_markdown_title_hint(tmp_path: Path) -> None:
    path = tmp_path / "kommissorium.md"
    path.write_text("August 2005\n\n## **Kommissorium for styrkelsen**\n\nTekst.", encoding="utf-8")
    loaded = load_file(path)
    assert loaded.kind == "markdown"
    assert loaded.title_hint == "Kommissorium for styrkelsen"


def test_a_markdown_paragraph_opening_with_a_bold_line_is_headed_by_it(tmp_path: Path) -> None:
    """Markdown minutes write an item's title as a bold line right over its text (no blank
    line, so one paragraph): the line heads the text, one level under the "#" heading above;
    a bold label with its value on the line ("**Ansvarlig:** …") stays a field."""
    path = tmp_path / "log.md"
    path.write_text(
        "# Beslutningslog\n\n### Møde 12. marts 2026\n\n"
        "**4. Udfasning af ESDH-system**\n"
        "Udfasningen udskydes til 2. kvartal 2027.\n"
        "**Ansvarlig:** IT-arkitekt Thomas Nyborg.\n",
        encoding="utf-8",
    )
    blocks = [(b.kind, b.text.replace("\u2063", ""), b.level) for b in load_file(path).blocks]
    assert blocks[2:] == [
        ("heading", "4. Udfasning af ESDH-system", 4),
        (
            "prose",
            "Udfasningen udskydes til 2. kvartal 2027.\nAnsvarlig: IT-arkitekt Thomas Nyborg.",
            0,
        ),
    ]


def test_corpus_seeds_load_verbatim(corpus_dir: Path) -> None:
    files = sorted(corpus_dir.glob("*.txt"))
    assert len(files) == 5
    for path in files:
        loaded = load_file(path)
        assert loaded.kind == "text"
        assert loaded.pages == [path.read_text(encoding="utf-8")]


def test_a_pdf_table_of_numbers_keeps_its_cells_apart(tmp_path: Path) -> None:
    """pypdf's plain text runs a row's cells together; the loader separates them with TABs
    (read from pypdf's layout mode), so the row is a table row whose cells can be told apart.
    Prose with numbers in it is left as written."""
    from fpdf import FPDF

    from ingest.document import parse_loaded

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.set_xy(10, 20)
    pdf.multi_cell(0, 6, "Der er målt på 3 adresser i 2023 med 2 målere og 1 bil.")
    rows = [
        ("Måleadresse", "LAeq", "Lden"),
        ("Mustrupvej 55", "49,5", "53,5"),
        ("Damgårdstoften 65", "53,0", "57,4"),
    ]
    for i, row in enumerate(rows):
        for j, cell in enumerate(row):
            pdf.set_xy(10 + 60 * j, 40 + 8 * i)
            pdf.cell(50, 6, cell)
    path = tmp_path / "maaling.pdf"
    pdf.output(str(path))

    loaded = load_file(path)
    lines = loaded.pages[0].split("\n")
    assert "Mustrupvej 55\t49,5\t53,5" in lines
    assert "Damgårdstoften 65\t53,0\t57,4" in lines
    assert "Måleadresse\tLAeq\tLden" in lines  # the header right above: the column names
    assert "Der er målt på 3 adresser i 2023 med 2 målere og 1 bil." in lines
    record, _ = parse_loaded(loaded, path, "x")
    row = record.text.index("Damgårdstoften 65")
    assert any(b.kind == "table_row" and b.start == row for b in record.blocks)


def test_a_pdf_table_of_amounts_with_units_keeps_its_cells_apart(tmp_path: Path) -> None:
    """A grant letter's table by year: each figure carries its unit ("1.450.000 kr."), and
    the row is still a row of cells, its column names above it."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    rows = [
        ("År", "Ansøgt beløb", "Bevilget tilskud"),
        ("2024", "780.000 kr.", "620.000 kr."),
        ("2025", "1.760.000 kr.", "1.450.000 kr."),
        ("I alt", "2.540.000 kr.", "2.070.000 kr."),
    ]
    for i, row in enumerate(rows):
        for j, cell in enumerate(row):
            pdf.set_xy(20 + 60 * j, 40 + 6 * i)
            pdf.cell(50, 6, cell, align="L" if j == 0 else "R")
    path = tmp_path / "tilsagn.pdf"
    pdf.output(str(path))

    lines = load_file(path).pages[0].split("\n")
    assert "År\tAnsøgt beløb\tBevilget tilskud" in lines
    assert "2025\t1.760.000 kr.\t1.450.000 kr." in lines
    assert "I alt\t2.540.000 kr.\t2.070.000 kr." in lines


def test_a_justified_pdf_paragraph_is_prose_not_a_table_row(tmp_path: Path) -> None:
    """Justified text spreads a line's words apart; pypdf's layout mode then shows wide gaps
    between every word. Such a line with a few numbers in it ("på 3,5 mio. kr. i 2025") is
    prose: no TABs between its words, and its block is no table row."""
    from fpdf import FPDF

    from ingest.document import parse_loaded

    lines = [
        "Udvalget anbefaler over for Byrådet, at der gives en anlægsbevilling",
        "på 3,5 mio. kr. i 2025 til projektering, finansieret af rådighedsbeløbet til",
        "dagtilbudskapacitet i 2026 og 2027.",
    ]
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for i, line in enumerate(lines):  # each word placed where justification puts it
        words = line.split()
        spread = i < len(lines) - 1  # a paragraph's last line is not spread
        widths = [pdf.get_string_width(w) for w in words]
        gap = (170 - sum(widths)) / (len(words) - 1) if spread else pdf.get_string_width(" ")
        x = 20.0
        for word, width in zip(words, widths, strict=True):
            pdf.text(x, 30 + 6 * i, word)
            x += width + gap
    path = tmp_path / "referat.pdf"
    pdf.output(str(path))

    loaded = load_file(path)
    assert "\t" not in loaded.pages[0]
    record, _ = parse_loaded(loaded, path, "x")
    assert "3,5 mio. kr." in " ".join(record.text.split())
    assert not any(b.kind == "table_row" for b in record.blocks)


def test_a_pdf_table_of_words_is_read_as_rows(tmp_path: Path) -> None:
    """A status table of words and dates (owner, deadline, status), drawn cell by cell with
    a name wrapped onto a second line: each row is one line of TAB-separated cells (the
    wrapped words in their cell), not a line per cell; the prose after it stays prose."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    x = (10, 25, 95, 135, 165)
    rows = (
        (("Nr.",), ("Initiativ",), ("Ansvarlig",), ("Frist",), ("Status",)),
        (
            ("1",),
            ("Energirenovering af Rådhuset", "(facade og vinduer)"),
            ("Ejendomme",),
            ("31.12.2024",),
            ("Gennemført",),
        ),
        (
            ("2",),
            ("Regnvandsbassin ved Vestby Å",),
            ("Natur og Miljø",),
            ("31.03.2025",),
            ("Forsinket",),
        ),
        (("3",), ("Grøn indkøbspolitik",), ("Indkøb",), ("31.12.2025",), ("Ikke påbegyndt",)),
    )
    y = 30
    for row in rows:
        for col, lines in enumerate(row):
            for k, line in enumerate(lines):
                pdf.set_xy(x[col], y + 5 * k)
                pdf.cell(30, 5, line)
        y += 5 * max(len(lines) for lines in row) + 3
    pdf.set_xy(10, y + 5)
    pdf.multi_cell(0, 5, "Status pr. 1. februar 2025: et initiativ er forsinket.")
    path = tmp_path / "status.pdf"
    pdf.output(str(path))
    lines = load_file(path).pages[0].split("\n")
    assert lines[:4] == [
        "Nr.\tInitiativ\tAnsvarlig\tFrist\tStatus",
        "1\tEnergirenovering af Rådhuset (facade og vinduer)\tEjendomme\t31.12.2024\tGennemført",
        "2\tRegnvandsbassin ved Vestby Å\tNatur og Miljø\t31.03.2025\tForsinket",
        "3\tGrøn indkøbspolitik\tIndkøb\t31.12.2025\tIkke påbegyndt",
    ]
    assert "Status pr. 1. februar 2025: et initiativ er forsinket." in lines


def test_a_pdf_tables_header_wrapped_over_lines_is_one_row(tmp_path: Path) -> None:
    """Narrow PDF columns wrap their names ("Korrigeret" over "budget 2023", the one-line
    names centred between them): the header is one row of four cells, not six lines of
    loose words that an answer would quote instead of the row asked for."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    pdf.set_xy(10, 20)
    pdf.multi_cell(0, 5, "Forventet regnskab fordelt på områder fremgår af tabellen nedenfor.")
    x = (10, 80, 115, 150)
    # drawn cell by cell, as a table is: a wrapped name's two lines one after the other
    names = (
        ["Område (1.000 kr.)"],
        ["Korrigeret", "budget 2023"],
        ["Forventet", "regnskab 2023"],
        ["Afvigelse"],
    )
    for col, lines in enumerate(names):
        for k, line in enumerate(lines):
            pdf.set_xy(x[col], 45 if len(lines) == 1 else 40 + 10 * k)
            pdf.cell(30, 5, line)
    for i, row in enumerate(
        (("Svømmehaller", "8.720", "9.105", "385"), ("Biblioteker", "24.310", "24.105", "-205"))
    ):
        for col, cell in enumerate(row):
            pdf.set_xy(x[col], 62 + 8 * i)
            pdf.cell(30, 5, cell)
    path = tmp_path / "budgetopfoelgning.pdf"
    pdf.output(str(path))
    text = load_file(path).pages[0]
    assert (
        "Område (1.000 kr.)\tKorrigeret budget 2023\tForventet regnskab 2023\tAfvigelse\n" in text
    )
    assert "Svømmehaller\t8.720\t9.105\t385" in text


def _pdf_table_lines(
    path: Path,
    caption: str,
    rows: list[tuple[str, ...]],
    columns: list[int],
    top: float,
    names: tuple[tuple[float, float, str], ...] = (),
) -> list[str]:
    """The loaded lines of a one-page PDF: a caption, column names placed by hand, then rows
    whose label is left-aligned and whose figures are right-aligned under `columns`."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    pdf.set_xy(10, 20)
    pdf.cell(0, 5, caption)
    for x, y, name in names:
        pdf.set_xy(x, y)
        pdf.cell(40, 6, name)
    for i, row in enumerate(rows):
        for j, (x, cell) in enumerate(zip(columns, row, strict=True)):
            pdf.set_xy(x, top + 7 * i)
            pdf.cell(25, 5, cell, align="L" if j == 0 else "R")
    pdf.output(str(path))
    return load_file(path).pages[0].split("\n")


def test_pdf_column_names_set_flush_are_the_tables_first_row(tmp_path: Path) -> None:
    """Layout mode may join two column names set flush ("Korrigeret budgetForventet
    regnskab") while the plain text puts each on its own line; under a caption line, the
    names are still read apart, in order, as the table's first row. The figures are
    right-aligned, so "Forventet regnskab" stands nearer the first column's figures than the
    second's: one name per column is taken in order, not by nearness."""
    from fpdf import FPDF

    measure = FPDF()
    measure.set_font("Helvetica", size=10)
    flush = measure.get_string_width("Korrigeret budget")
    # names a little apart in height, as vertically centred wrapped cells are
    names = (
        (10, 32, "Område"),
        (70, 32, "Korrigeret budget"),
        (70 + flush, 35, "Forventet regnskab"),
        (150, 32.5, "Afvigelse"),
    )
    rows = [
        ("Vej og Park, drift", "48.600", "49.750", "1.150"),
        ("I alt", "89.100", "91.700", "2.600"),
    ]
    caption = "Forventet regnskab 2026 for udvalgets områder (1.000 kr.):"
    lines = _pdf_table_lines(
        tmp_path / "opfoelgning.pdf", caption, rows, [10, 78, 119, 145], 44, names
    )
    assert "Område\tKorrigeret budget\tForventet regnskab\tAfvigelse" in lines
    assert "I alt\t89.100\t91.700\t2.600" in lines
    assert caption in lines


def test_a_pdf_tables_caption_right_above_its_column_names_is_not_one(tmp_path: Path) -> None:
    """ "Tabel 2. Udvalgte nøgletal …" stands on the line right above the column names, with
    no blank line between: the names are still the table's first row, the caption apart."""
    rows = [
        ("Nøgletal", "April 2025", "April 2026", "Mål 2027"),
        ("Ubesatte stillinger (antal)", "31", "19", "10"),
        ("Sygefravær (pct.)", "8,9", "7,6", "6,5"),
    ]
    caption = "Tabel 2. Udvalgte nøgletal for ældreområdet"
    lines = _pdf_table_lines(tmp_path / "statusnotat.pdf", caption, rows, [10, 90, 120, 150], 25)
    assert "Nøgletal\tApril 2025\tApril 2026\tMål 2027" in lines
    assert caption in lines


def test_a_pdf_table_of_ranges_under_wrapped_column_names_keeps_its_rows(tmp_path: Path) -> None:
    """A memo's comparison of models: estimates given as ranges ("3,5-4,2") and splits
    ("12 / 32") are the row's figures, and a column name wrapped after its comma ("Årlig
    driftsudgift," over "netto (mio. kr.)"), under a caption and a footnote's number, is one
    name of the table's first row."""
    names = (
        (10, 32, "Model"),
        (60, 32, "Anlægsudgift"),
        (60, 36, "(mio. kr.)"),
        (100, 32, "Årlig driftsudgift,"),
        (100, 36, "netto (mio. kr.)"),
        (145, 32, "Nye pladser"),
    )
    rows = [
        ("A. Pavillon", "3,5-4,2", "0,9-1,0", "0 / 40"),
        ("B. Tilbygning", "9,8-11,4", "1,3", "12 / 32"),
        ("C. Nyt børnehus", "28-32", "3,6-3,9", "36 / 66"),
    ]
    lines = _pdf_table_lines(
        tmp_path / "notat.pdf",
        "Tabel 1. Sammenligning af de tre modeller",
        rows,
        [10, 60, 100, 145],
        46,
        ((10, 26, "4"), *names),
    )
    header = "Model\tAnlægsudgift (mio. kr.)\tÅrlig driftsudgift, netto (mio. kr.)\tNye pladser"
    assert header in lines
    assert "B. Tilbygning\t9,8-11,4\t1,3\t12 / 32" in lines
    assert "C. Nyt børnehus\t28-32\t3,6-3,9\t36 / 66" in lines


def test_a_pdf_tables_names_head_a_long_last_column_and_an_abbreviated_first(
    tmp_path: Path,
) -> None:
    """A note's table of measures: "Nr." is a column name, not the end of a sentence above
    the table, and "Bemærkning" heads the long remarks set left under it, though its centre
    is nearer the figures' column; "Anlægsoverslag" over "(mio. kr.)" is one name."""
    from fpdf import FPDF

    pdf = FPDF(orientation="L")
    pdf.add_page()
    pdf.set_font("Helvetica", size=9)
    pdf.set_xy(10, 20)
    pdf.cell(0, 5, "Tabel 1. Tiltag og anlægsoverslag")
    columns = (10, 22, 70, 110, 140)
    names = (("Nr.",), ("Tiltag",), ("Anlægsoverslag", "(mio. kr.)"), ("Drift",), ("Bemærkning",))
    for x, lines in zip(columns, names, strict=True):
        for k, line in enumerate(lines):
            pdf.set_xy(x, 32 + 4 * k)
            pdf.cell(30, 4, line)
    rows = (
        ("1", "Forsinkelsesbassin", "14,2", "85.000", "Kræver erhvervelse af ca. 1,2 ha jord"),
        ("2", "Skybrudsvej", "9,8", "40.000", "Vejprofil ændres til V-profil"),
    )
    for i, row in enumerate(rows):
        for x, cell in zip(columns, row, strict=True):
            pdf.set_xy(x, 46 + 8 * i)
            pdf.cell(30, 4, cell)
    path = tmp_path / "notat.pdf"
    pdf.output(str(path))
    lines = load_file(path).pages[0].split("\n")
    assert "Nr.\tTiltag\tAnlægsoverslag (mio. kr.)\tDrift\tBemærkning" in lines, lines
    assert "1\tForsinkelsesbassin\t14,2\t85.000\tKræver erhvervelse af ca. 1,2 ha jord" in lines


def test_a_portal_field_tables_label_cells_are_kept_whatever_their_class(tmp_path: Path) -> None:
    """A label cell marked "felt-navn" (Danish: field name) is no navigation ("nav"): the
    item's Sagsfremstilling, Indstilling and Beslutning stay headings over their text."""
    path = tmp_path / "referat.html"
    path.write_text(
        "<html><body><nav class='hovednav'><a href='/'>Forside</a></nav>"
        "<div class='punkt'><h2>Punkt 7 - Fælles akutpladser</h2><table class='felter'>"
        "<tr><td class='felt-navn'>Indstilling</td><td><p>Direktøren indstiller, at aftalen "
        "godkendes.</p></td></tr><tr><td class='felt-navn'>Beslutning</td><td><p>Anbefales "
        "godkendt.</p></td></tr></table></div></body></html>",
        encoding="utf-8",
    )
    loaded = load_file(path)
    headings = [b.text for b in loaded.blocks if b.kind == "heading"]
    assert headings == ["Punkt 7 - Fælles akutpladser", "Indstilling", "Beslutning"]
    assert "Forside" not in loaded.pages[0]


def test_a_pdf_tables_right_aligned_figures_stand_under_their_column_name(tmp_path: Path) -> None:
    """pypdf's plain text gives this table one cell per line, and no row holds two figures:
    its rows are read from the layout text, where text cells start under their column names
    and the figures end where "Beløb (kr.)" ends. The total row has an empty middle cell."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    pdf.set_xy(10, 20)
    pdf.cell(0, 5, "Administrationen foreslår puljen fordelt på fire skoler som nedenfor.")
    amount_end = 170
    rows = [
        ("Skole", "Projekt", "Beløb (kr.)"),
        ("Vestrup Skole", "Multibane og belysning", "640.000"),
        ("Hesselby Skole", "Udeklasseværelse ved naturfagslokaler", "385.000"),
        ("Kildebjerg Skole", "Ny belægning, bænke og beplantning", "455.000"),
        ("I alt", "", "1.480.000"),
    ]
    for i, (school, project, amount) in enumerate(rows):
        y = 32 + 7 * i
        pdf.set_xy(10, y)
        pdf.cell(40, 5, school)
        pdf.set_xy(60, y)
        pdf.cell(80, 5, project)
        width = pdf.get_string_width(amount)
        pdf.set_xy(amount_end - width, y)
        pdf.cell(width, 5, amount)
    path = tmp_path / "skolegaarde.pdf"
    pdf.output(str(path))
    lines = load_file(path).pages[0].split("\n")
    assert "Skole\tProjekt\tBeløb (kr.)" in lines
    assert "Hesselby Skole\tUdeklasseværelse ved naturfagslokaler\t385.000" in lines
    assert "I alt\t1.480.000" in lines  # the total row is one line too


def test_html_layout_tables_are_read_as_the_sections_they_lay_out(tmp_path: Path) -> None:
    """An old portal lays the whole page out in tables: a number cell beside the item's
    title table, each case section a table of a title cell over a cell of paragraphs. It
    reads as the item's heading, the sections' headings and their paragraphs; a table of
    data whose cells wrap their text in <p> (a Word export) stays rows."""

    def section(title: str, body: str) -> str:
        return (
            f"<table class='afsnit'><tr><td class='afsnithead'>{title}</td></tr>"
            f"<tr><td>{body}</td></tr></table>"
        )

    case = (
        "<p>Byrådet vedtog den 24. februar 2026 at sende forslaget i høring. Høringsperioden "
        "løb fra den 2. marts til den 27. april 2026, og der blev afholdt borgermøde på "
        "Remisen den 12. marts 2026.</p><p>Der er modtaget 23 høringssvar, heraf 9 fra naboer "
        "på Strandvænget og et fælles svar fra Grundejerforeningen Nordstrand.</p>"
        "<ul><li>Antallet af offentlige parkeringspladser øges fra 60 til 85.</li></ul>"
    )
    data = (
        "<table><tr><td><p>Periode</p></td><td><p>Aktivitet</p></td></tr>"
        "<tr><td><p>Januar-marts 2024</p></td><td><p>Tilbudsindhentning</p></td></tr></table>"
    )
    path = tmp_path / "tmu.html"
    path.write_text(
        "<html><body><table><tr><td><h1>Teknik- og Miljøudvalget</h1>"
        "<table class='punkter'><tr><td class='pktnr'>71.</td><td class='pkt'>"
        "<table class='pkthead'><tr><td><b>Lokalplan 2026-07 for Havnebadet</b></td>"
        "<td>Sagsnr. 26/01124</td></tr></table>"
        + section("Sagsfremstilling", case)
        + section("Indstilling", "<p>Teknik og Miljø indstiller, at planen vedtages.</p>")
        + data
        + "</td></tr></table></td></tr></table></body></html>",
        encoding="utf-8",
    )
    blocks = [(b.kind, b.text) for b in load_file(path).blocks]
    assert blocks[:5] == [
        ("heading", "Teknik- og Miljøudvalget"),
        ("heading", "71. Lokalplan 2026-07 for Havnebadet"),
        ("table_row", "Sagsnr. 26/01124"),
        ("heading", "Sagsfremstilling"),
        (
            "prose",
            "Byrådet vedtog den 24. februar 2026 at sende forslaget i høring. "
            "Høringsperioden løb fra den 2. marts til den 27. april 2026, og der blev afholdt "
            "borgermøde på Remisen den 12. marts 2026.",
        ),
    ]
    assert ("heading", "Indstilling") in blocks
    assert ("list_item", "Antallet af offentlige parkeringspladser øges fra 60 til 85.") in blocks
    assert blocks[-2:] == [
        ("table_row", "Periode\tAktivitet"),
        ("table_row", "Januar-marts 2024\tTilbudsindhentning"),
    ]


def test_an_old_portals_row_per_item_heads_each_item_by_its_title_cell(tmp_path: Path) -> None:
    """An old portal lays each agenda item out as one table row: a number cell, a plain title
    cell and a cell of the item's paragraphs. The title cell, with its number, is the item's
    heading; the paragraphs stay prose under it."""
    path = tmp_path / "oekonomiudvalget.html"
    path.write_text(
        "<html><body><h1>Økonomiudvalget</h1><table class='punkt'>"
        "<tr><td class='nr'>1.</td><td class='titel'>Godkendelse af dagsorden</td>"
        "<td class='tekst'><p><b>Beslutning</b></p><p>Godkendt.</p></td></tr>"
        "<tr><td class='nr'>2.</td><td class='titel'>Tillægsbevilling til nyt ESDH-system</td>"
        "<td class='tekst'><p><b>Sagsfremstilling</b></p><p>Kommunens andel af "
        "implementeringsudgiften er 42 %, svarende til 1.344.000 kr.</p>"
        "<p><b>Beslutning</b></p><p>Anbefales.</p></td></tr></table></body></html>",
        encoding="utf-8",
    )
    blocks = [(b.kind, b.text) for b in load_file(path).blocks]
    headings = [text for kind, text in blocks if kind == "heading"]
    assert "1. Godkendelse af dagsorden" in headings
    assert "2. Tillægsbevilling til nyt ESDH-system" in headings
    assert (
        "prose",
        "Kommunens andel af implementeringsudgiften er 42 %, svarende til 1.344.000 kr.",
    ) in blocks


def test_a_pdf_tables_wrapped_row_labels_and_tall_header_stay_rows(tmp_path: Path) -> None:
    """A budget follow-up's table: column names wrapped over three lines, row labels wrapped
    under their row's figures ("Leverandør," / "implementering"). Each row is one line of
    cells with its whole label, and the names are one header row."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=9)
    pdf.set_xy(10, 20)
    pdf.cell(0, 5, "Tabel 1 viser budget og forbrug pr. kvartal.")
    x = (10, 55, 80, 105, 130)
    names = (["Budgetpost"], ["Budget", "2026"], ["Forbrug", "1. kvt."], ["Forbrug", "2. kvt."])
    names += (["Forbrug i", "alt pr.", "30.09"],)
    for col, lines in enumerate(names):
        for k, line in enumerate(lines):
            pdf.set_xy(x[col], 35 + 4 * k)
            pdf.cell(22, 4, line)
    rows = (
        (["Leverandør,", "implementering"], "2.150.000", "0", "645.000", "645.000"),
        (["Intern projektledelse"], "420.000", "85.000", "110.000", "195.000"),
        (["Datamigrering", "(ekstern konsulent)"], "300.000", "0", "95.000", "95.000"),
    )
    y = 52
    for label, *figures in rows:
        for k, line in enumerate(label):
            pdf.set_xy(x[0], y + 4 * k)
            pdf.cell(40, 4, line)
        for col, figure in enumerate(figures, 1):
            pdf.set_xy(x[col], y)
            pdf.cell(22, 4, figure)
        y += 4 * len(label) + 2
    path = tmp_path / "budgetopfoelgning.pdf"
    pdf.output(str(path))
    lines = load_file(path).pages[0].split("\n")
    assert "Budgetpost\tBudget 2026\tForbrug 1. kvt.\tForbrug 2. kvt.\tForbrug i alt pr. 30.09" in (
        lines
    )
    assert "Leverandør, implementering\t2.150.000\t0\t645.000\t645.000" in lines
    assert "Intern projektledelse\t420.000\t85.000\t110.000\t195.000" in lines
    assert "Datamigrering (ekstern konsulent)\t300.000\t0\t95.000\t95.000" in lines


def test_a_pdf_table_of_two_columns_a_label_and_a_figure_is_read_as_rows(tmp_path: Path) -> None:
    """ "Post | Mio. kr." over a column of figures: two columns are a table when the second
    holds figures, and its rows stay rows in the indexed text; two words a line sets apart
    ("Mødedato:   10.03.2026") stay text."""
    from fpdf import FPDF

    from ingest.document import parse_loaded

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    pdf.set_xy(10, 20)
    pdf.cell(0, 5, "Anlægsoverslaget for byggemodningen er:")
    rows = (("Post", "Mio. kr."), ("Jord-, kloak- og vejarbejder", "9,9"))
    rows += (("Regnvandsbassin", "1,6"), ("I alt", "11,5"))
    for i, (label, figure) in enumerate(rows):
        pdf.set_xy(12, 32 + 8 * i)
        pdf.cell(100, 5, label)
        pdf.set_xy(120, 32 + 8 * i)
        pdf.cell(30, 5, figure)
    pdf.set_xy(10, 70)
    pdf.multi_cell(0, 5, "Udgiften fordeles med 11,2 mio. kr. i 2026 og 0,3 mio. kr. i 2027.")
    path = tmp_path / "referat.pdf"
    pdf.output(str(path))
    loaded = load_file(path)
    record, _ = parse_loaded(loaded, path, "x")
    lines = record.text.split("\n")
    assert "Post\tMio. kr." in lines
    assert "Jord-, kloak- og vejarbejder\t9,9" in lines
    assert "I alt\t11,5" in lines
    row = record.text.index("Regnvandsbassin")
    assert any(b.kind == "table_row" and b.start == row for b in record.blocks)
    assert "Udgiften fordeles med 11,2 mio. kr. i 2026 og 0,3 mio. kr. i 2027." in lines


def test_a_row_whose_layout_glued_two_cells_keeps_the_plain_texts_cells() -> None:
    """The layout text glued "… Plantage" to the next cell ("PlantageHolmegaard MTB") where
    the plain text has a line per cell: the row is still one row, cells from the plain text,
    and the table is not dropped for one row it could not find."""
    from ingest.loaders.pdf import _replace_rows

    text = "Projekt\nAnsøger\nTilsagn\nMountainbikespor i Plantagen\nHolmegaard MTB\n120.000 kr."
    rows = {
        "Projekt Ansøger Tilsagn": "Projekt\tAnsøger\tTilsagn",
        "Mountainbikespor i PlantagenHolmegaard MTB 120.000 kr.": (
            "Mountainbikespor i PlantagenHolmegaard MTB\t120.000 kr."
        ),
    }
    out, found = _replace_rows(text, rows)
    assert out.split("\n") == [
        "Projekt\tAnsøger\tTilsagn",
        "Mountainbikespor i Plantagen\tHolmegaard MTB\t120.000 kr.",
    ]
    assert found == set(rows)


def test_a_row_whose_empty_cells_are_dashes_is_a_table_row() -> None:
    """A year table's row with a dash in each year it has no figure ("Ladeinfrastruktur 5,8
    - - - - 5,8") is a row like its neighbours, not a justified line of words: its figures
    stay apart and under their years (blind probe 100)."""
    from ingest.loaders.pdf import _table_rows

    layout = "\n".join(
        [
            "  Projekt                             2026    2027    2028    2029    2030    I alt",
            "  Sorteringsanlæg Vestmarken           3,5    14,0    28,5    16,0       -     62,0",
            "  Ladeinfrastruktur, depot Hjortlund   5,8       -       -       -       -      5,8",
        ]
    )
    rows = _table_rows(layout)
    assert rows["Ladeinfrastruktur, depot Hjortlund 5,8 - - - - 5,8"] == (
        "Ladeinfrastruktur, depot Hjortlund\t5,8\t-\t-\t-\t-\t5,8"
    )
