"""Cleaning: characters, hyphenation, PDF headers/footers, hosting boilerplate, transcript pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PageObject

from ingest.clean import clean, join_hyphenated, join_lone_bullets, one_line, remove_running_lines
from ingest.loaders import load_file
from ingest.models import CleanText, LoadedFile

SILKEBORG = "silkeborg_notat_2013_kompetenceudvikling_jobcenter.txt"
NORDDJURS = "norddjurs_status_handleplan_arbejdsmarked_2015.txt"
PLAIN_SEEDS = (
    "bilag2_kompetencepulje_2006_sof.txt",
    "kommissorium_socialcentre_jobcentre_2005.txt",
    "bufu_2021-06-07_568_task_force_status.txt",
)


def _text(raw: str, kind: str = "text") -> str:
    return clean(LoadedFile(path="x", kind=kind, pages=[raw])).text


def _assert_spans_cover(cleaned: CleanText) -> None:
    assert cleaned.pages[0].start == 0
    assert cleaned.pages[-1].end == len(cleaned.text)
    for previous, current in zip(cleaned.pages, cleaned.pages[1:], strict=False):
        assert previous.end == current.start
        assert previous.number < current.number


def _page_of(cleaned: CleanText, sentence: str) -> int:
    offset = cleaned.text.index(sentence)
    return cleaned.page_at(offset)


def _page_text(cleaned: CleanText, number: int) -> str:
    span = next(span for span in cleaned.pages if span.number == number)
    return cleaned.text[span.start : span.end].strip()


# --- characters and whitespace -----------------------------------------------------------------


def test_ligatures_become_letters() -> None:
    raw = "\ufb01nansiering, \ufb02ytning, e\ufb00ekt, e\ufb03cient, ba\ufb04e"
    assert _text(raw) == "finansiering, flytning, effekt, efficient, baffle"


def test_spaces_soft_hyphens_and_nfc() -> None:
    raw = (
        "Der\u00a0afsættes\t\t1,5\u202fmio. kr.   til   kommu\u00adnen.  \n"
        "Ba\u030arn og a\u030ar\u200b."
    )
    assert _text(raw) == "Der afsættes 1,5 mio. kr. til kommunen.\nBårn og år."


def test_soft_hyphen_at_line_end_joins_word() -> None:
    assert _text("et nyt an\u00ad\nlæg i byen") == "et nyt anlæg i byen"


def test_line_breaks_kept_and_blank_runs_limited() -> None:
    raw = (
        "Beslutningstema\nUdvalget orienteres.\n\n\n\n\n"
        "Indstilling\r\nAt sagen tages til efterretning."
    )
    assert _text(raw) == (
        "Beslutningstema\nUdvalget orienteres.\n\nIndstilling\nAt sagen tages til efterretning."
    )


# --- hyphenation -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("et nyt an-\nlæg", "et nyt anlæg"),
        ("kompetence-\nudvikling af medarbejdere", "kompetenceudvikling af medarbejdere"),
        ("Børne-\nog Ungeudvalget", "Børne- og Ungeudvalget"),
        ("Familie-\nog Arbejdsmarkedsforvaltningen", "Familie- og Arbejdsmarkedsforvaltningen"),
        ("Social-\neller Sundhedsudvalget", "Social- eller Sundhedsudvalget"),
        ("Social- og\nSundhedsudvalget", "Social- og\nSundhedsudvalget"),
        ("Børne- og Ungeudvalget", "Børne- og Ungeudvalget"),
        ("Punkter:\n- et punkt\n- to punkter", "Punkter:\n- et punkt\n- to punkter"),
    ],
)
def test_join_hyphenated(raw: str, expected: str) -> None:
    assert join_hyphenated(raw) == expected


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("LEAN-\nmanagement", "LEAN-management"),
        ("EU-\nborgere", "EU-borgere"),
        ("Nord-\nDanmark", "Nord-Danmark"),
        ("projektperioden 2025-\n28.", "projektperioden 2025-28."),
    ],
)
def test_real_hyphen_keeps_its_line_break_and_reads_whole(raw: str, shown: str) -> None:
    """A quote across a real hyphen at a line end is the source's own text (a reader's search
    and the source's extracted text both have the break there); shown, the word is whole."""
    assert join_hyphenated(raw) == raw
    assert one_line(raw) == shown
    assert one_line("Der er  modtaget\nen bevilling") == "Der er modtaget en bevilling"


# --- PDFs --------------------------------------------------------------------------------------


def test_generated_pdf_pages_headers_and_hyphens(danish_pdf: Path, running_header: str) -> None:
    cleaned = clean(load_file(danish_pdf))
    _assert_spans_cover(cleaned)
    assert [span.number for span in cleaned.pages] == [1, 2, 3]
    assert _page_of(cleaned, "Der afsættes 600.000 kr. til et nyt anlæg ved rådhuset") == 1
    assert _page_of(cleaned, "Familie- og Arbejdsmarkedsforvaltningen har ansvaret") == 1
    assert _page_of(cleaned, "1,5 mio. kr. til LEAN-\nmanagement i 2021 og 2022.") == 2
    assert _page_of(cleaned, "Sagsbehandlingen skal være færdig senest september 2021.") == 2
    assert _page_of(cleaned, "Børne- og Ungeudvalget tog orienteringen til efterretning.") == 3
    # The running header is kept once (page 1); the "Side N af 3" footers are gone.
    assert cleaned.text.count(running_header) == 1
    assert cleaned.text.startswith(running_header + "\n568. Status på Task Force-projektet")
    assert not re.search(r"Side \d af 3", cleaned.text)
    assert _page_text(cleaned, 2).startswith("Økonomi\nUdvalget godkendte")
    assert _page_text(cleaned, 3).endswith("Handleplanen skal være godkendt inden årets udgang.")


def test_running_footer_with_changing_numbers_and_bare_page_numbers() -> None:
    pages = [
        "Aarhus Kommune\nIndledning\nSagen handler om skoler.\n- 1 -\nSagsnr. 2021-1 · side 1",
        "Aarhus Kommune\n2\nØkonomi\nDer afsættes 2 mio. kr.\nSagsnr. 2021-1 · side 2",
        "Aarhus Kommune\nSide 3\nBeslutning\nGodkendt.\nSagsnr. 2021-1 · side 3",
        "Aarhus Kommune\nBilag\nBilag 1: Plan\n4\nSagsnr. 2021-1 · side 4",
    ]
    cleaned = clean(LoadedFile(path="x.pdf", kind="pdf", pages=pages))
    _assert_spans_cover(cleaned)
    assert cleaned.text == (
        "Aarhus Kommune\nIndledning\nSagen handler om skoler.\n\n"
        "Økonomi\nDer afsættes 2 mio. kr.\n\n"
        "Beslutning\nGodkendt.\n\n"
        "Bilag\nBilag 1: Plan"
    )
    assert [span.number for span in cleaned.pages] == [1, 2, 3, 4]
    assert _page_of(cleaned, "Godkendt.") == 3


def test_page_number_below_a_running_header_is_dropped() -> None:
    """A letterhead of three lines on every page, then "Side N": the page number sits below
    the running lines, not among the page's first two."""
    header = "NORDBY KOMMUNE · Byrådet\nReferat fra mødet den 25. september 2025\nUnderskrifter"
    pages = [
        f"{header}\nSide {n}\n{body}"
        for n, body in enumerate(
            [
                "Resumé\nDer søges om 28,4 mio. kr.\nTilbygningen får fire lokaler.\nI 2027.",
                "Økonomi\nDriften udgør 650.000 kr.\nDen indarbejdes i budget 2027.\nSe tabellen.",
                "Beslutning\nGodkendt.\nFor stemte 21.\nImod stemte 4.",
            ],
            start=2,
        )
    ]
    cleaned = clean(LoadedFile(path="x.pdf", kind="pdf", pages=pages))
    assert "Side" not in cleaned.text
    assert cleaned.text.endswith("Beslutning\nGodkendt.\nFor stemte 21.\nImod stemte 4.")


def test_line_on_few_pages_is_not_a_header() -> None:
    pages = ["Indstilling\nTekst et.", "Økonomi\nTekst to.", "Beslutning\nTekst 3.", "Bilag\nFire."]
    cleaned = clean(LoadedFile(path="x.pdf", kind="pdf", pages=pages))
    assert cleaned.text == "\n\n".join(pages)


def test_word_split_over_page_break_is_joined_on_first_page() -> None:
    pages = [
        "Referat\nDer bygges et nyt an-\n3",
        "Referat\nlæg ved skolen.\nBørne-",
        "og Ungeudvalget.",
    ]
    cleaned = clean(LoadedFile(path="x.pdf", kind="pdf", pages=pages))
    assert (
        cleaned.text
        == "Referat\nDer bygges et nyt anlæg\n\nved skolen.\nBørne-\n\nog Ungeudvalget."
    )
    assert _page_of(cleaned, "anlæg") == 1


def test_page_that_fails_to_extract_is_skipped(
    danish_pdf: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = PageObject.extract_text

    def flaky(self: PageObject, *args: object, **kwargs: object) -> str:
        if self.page_number == 1:  # the second page, in plain and in layout mode
            raise ValueError("broken content stream")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(PageObject, "extract_text", flaky)
    loaded = load_file(danish_pdf)
    assert loaded.pages[1] == ""
    cleaned = clean(loaded)
    assert [span.number for span in cleaned.pages] == [1, 3]
    assert _page_of(cleaned, "tog orienteringen til efterretning.") == 3


# --- web transcripts of PDFs (real seeds) ------------------------------------------------------


def _clean_seed(corpus_dir: Path, name: str) -> CleanText:
    cleaned = clean(load_file(corpus_dir / name))
    _assert_spans_cover(cleaned)
    return cleaned


def test_silkeborg_transcript_pages_lead_with_numbers(corpus_dir: Path) -> None:
    cleaned = _clean_seed(corpus_dir, SILKEBORG)
    assert [span.number for span in cleaned.pages] == [1, 2, 3, 4, 5, 6]
    # Hosting-site boilerplate gone, the document's own title line kept.
    for boilerplate in ("Størrelse: px", "Starte visningen fra side", "Download", "Transkript"):
        assert boilerplate not in cleaned.text
    assert cleaned.text.startswith(
        "Kompetenceudvikling i Jobcenter og Udførersektion\n\n28. april 2013 Kompetenceudvikling"
    )
    assert _page_of(cleaned, "Sparringsteam: Afdelingen har etableret 4 sparringsteam") == 2
    assert _page_of(cleaned, "Udførersektionen Jobkompagniet") == 4
    assert _page_of(cleaned, "Jobkompagniet arbejder med kompetenceudvikling ad to spor") == 5
    page_three = _page_text(cleaned, 3)
    assert page_three.startswith("af arbejdet i hhv. Jobcentret og Udførersektionen.")
    assert page_three.endswith("nye tilbudstyper til ledige fleksjobgodkendte.")
    assert not re.search(r"Side \d", cleaned.text)


def test_norddjurs_transcript_pages_end_with_numbers(corpus_dir: Path) -> None:
    cleaned = _clean_seed(corpus_dir, NORDDJURS)
    assert [span.number for span in cleaned.pages] == [1, 2, 3, 4, 5, 6]
    # The ~120 unrelated "related documents" titles are gone; only the title line precedes
    # the transcript.
    assert "Relaterede dokumenter" not in cleaned.text
    assert "Transkript" not in cleaned.text
    title = "Status for implementering af handleplanen på arbejdsmarkedsområdet"
    assert cleaned.text.startswith(f"{title}\n\n{title} Kommunalbestyrelsen besluttede")
    assert _page_text(cleaned, 1).endswith("APV-vurderinger af alle arbejdspladser.")
    # "2. Udvikling ..." is a numbered heading that starts page 2, not a page number.
    assert _page_text(cleaned, 2).startswith("2. Udvikling af arbejdsmarkedsområdet")
    assert _page_text(cleaned, 2).endswith("Alle medarbejdere gennemgår dette forløb.")
    sentence = "Den samlede økonomi i organisationsændringen er opgjort til 5,5 mio. kr."
    assert _page_of(cleaned, sentence) == 5
    assert _page_of(cleaned, "3. Fastsættelse af målsætninger for den nye organisation") == 3
    assert _page_text(cleaned, 6) == (
        "En overordnet skitse for den videre implementering er vist i figuren nedenfor:"
    )


def test_plain_seeds_keep_every_line_and_have_one_page(corpus_dir: Path) -> None:
    for name in PLAIN_SEEDS:
        raw = (corpus_dir / name).read_text(encoding="utf-8")
        cleaned = _clean_seed(corpus_dir, name)
        assert [(s.number, s.start, s.end) for s in cleaned.pages] == [(1, 0, len(cleaned.text))]
        for line in raw.splitlines():
            # Only runs of layout spaces ("1.    Implementering") may change.
            line = " ".join(line.split())
            if line:
                assert line in cleaned.text, (name, line)
    bilag = _clean_seed(corpus_dir, PLAIN_SEEDS[0]).text
    assert "Der afsættes 600.000 kr. til dette." in bilag
    task_force = _clean_seed(corpus_dir, PLAIN_SEEDS[2]).text
    assert "Handleplanen skal være godkendt senest september 2021." in task_force


# --- generic transcript rules ------------------------------------------------------------------


def test_leading_page_numbers_without_marker_need_three_pages() -> None:
    three = (
        "1 Indledning til notatet om kompetenceudvikling.\n\n"
        "2 Økonomien er opgjort til 2 mio. kr. i alt for perioden.\n\n"
        "3 Udvalget tager orienteringen til efterretning. Side 3"
    )
    cleaned = clean(LoadedFile(path="x.txt", kind="text", pages=[three]))
    assert [span.number for span in cleaned.pages] == [1, 2, 3]
    assert cleaned.text == (
        "Indledning til notatet om kompetenceudvikling.\n\n"
        "Økonomien er opgjort til 2 mio. kr. i alt for perioden.\n\n"
        "Udvalget tager orienteringen til efterretning."
    )
    two = three.rsplit("\n\n", 1)[0]
    assert clean(LoadedFile(path="x.txt", kind="text", pages=[two])).text == two


def test_one_page_transcript_loses_its_page_number() -> None:
    raw = (
        "Notat om sygefravær\n\nStørrelse: px\nStarte visningen fra side:\n\n"
        'Download "Notat om sygefravær"\n\nTranskript\n\n'
        "1 Notat om sygefravær Sygefraværet faldt til 4,1 procent i 2014. Side 1"
    )
    cleaned = clean(LoadedFile(path="x.txt", kind="text", pages=[raw]))
    assert cleaned.text == (
        "Notat om sygefravær\n\nNotat om sygefravær Sygefraværet faldt til 4,1 procent i 2014."
    )
    assert [span.number for span in cleaned.pages] == [1]


def test_inner_paragraph_ending_in_page_number_is_kept() -> None:
    raw = (
        "Transkript:\n\n"
        "1 Indledning om sagens baggrund og forløb.\n\n"
        "2 Økonomi for hele perioden er beregnet.\n\nAntal nye stillinger i alt 2\n\n"
        "Resten af siden handler om tidsplanen. Side 2\n\n"
        "3 Beslutning og videre forløb i udvalget."
    )
    cleaned = clean(LoadedFile(path="x.txt", kind="text", pages=[raw]))
    assert _page_text(cleaned, 2) == (
        "Økonomi for hele perioden er beregnet.\n\nAntal nye stillinger i alt 2\n\n"
        "Resten af siden handler om tidsplanen."
    )


def test_numbered_headings_are_not_page_numbers() -> None:
    raw = (
        "1. Personlig og faglig opkvalificering\n\nDer afsættes 1,5 mio. kr. til dette.\n\n"
        "2. Effektive arbejdsgange\n\nDer afsættes 2,6 mio. kr. til dette.\n\n"
        "3. Videndeling\n\nDer afsættes 600.000 kr. til dette."
    )
    cleaned = clean(LoadedFile(path="x.txt", kind="text", pages=[raw]))
    assert cleaned.text == raw
    assert len(cleaned.pages) == 1


def test_related_list_without_transcript_marker_is_dropped() -> None:
    long_paragraph = "Udvalget drøftede handleplanen for området og økonomien. " * 8
    raw = (
        "Status på handleplanen\n\nRelaterede dokumenter\nReferat fra Økonomiudvalget\n\n"
        "Vejledning til ansøgning\n\nDirektionens strategiplan\n\n" + long_paragraph.strip()
    )
    cleaned = clean(LoadedFile(path="x.txt", kind="text", pages=[raw]))
    assert cleaned.text == "Status på handleplanen\n\n" + long_paragraph.strip()


def test_html_and_docx_clean_to_one_page(agenda_html: Path, docx_file: Path) -> None:
    for path in (agenda_html, docx_file):
        cleaned = clean(load_file(path))
        assert [(s.number, s.start, s.end) for s in cleaned.pages] == [(1, 0, len(cleaned.text))]
    html = clean(load_file(agenda_html)).text
    assert "568. Status på Task Force-projektet\n\nBeslutningstema" in html
    assert "2021\t1,5 mio. kr." in html


def test_a_heading_that_also_stands_mid_page_is_not_a_running_line() -> None:
    """ "Beslutning" closes two pages (a short decision before the footer) and stands in the
    middle of a third: it is the documents' own heading, not a running footer."""
    body = "Sagen handler om en ny sti.\nDen koster 2 mio. kr.\nDer er søgt tilskud.\n"
    pages = [
        f"Økonomiudvalget\n45. Dagsorden\n{body}Beslutning\nGodkendt.\nSide 1 af 3",
        f"Økonomiudvalget\n46. Cykelsti\n{body}Beslutning\nAnbefales.\nSide 2 af 3",
        f"Økonomiudvalget\n47. Skole\n{body}Beslutning\nGodkendt.\nBilag\nIngen.\nSe bilag.\n"
        "Side 3 af 3",
    ]
    cleaned = clean(LoadedFile(path="x.pdf", kind="pdf", pages=pages))
    assert cleaned.text.count("Beslutning") == 3
    assert cleaned.text.count("Økonomiudvalget") == 1  # the running header, kept once
    assert "Side " not in cleaned.text


def test_a_bullet_alone_on_its_line_joins_its_point() -> None:
    """pypdf puts a list's "–" on a line of its own: it goes in front of its point, so the
    point reads as a list item; a lone dash above a figure (an empty table cell) stays."""
    text = (
        "Følgende udestår:\n–\nNy tidsplan for bassinet.\n•\nAfklaring med netselskabet.\n–\n1.200"
    )
    assert join_lone_bullets(text) == (
        "Følgende udestår:\n– Ny tidsplan for bassinet.\n• Afklaring med netselskabet.\n–\n1.200"
    )


_CELLS_ONE_PER_LINE = [
    "Udgifterne og finansieringen fordeler sig således på årene:",
    "År",
    "Anlægsudgift",
    "Rådighedsbeløb",
    "Pulje til energirenovering",
    "2026",
    "kr. 9.800.000",
    "kr. 9.800.000",
    "kr. 0",
    "2027",
    "kr. 12.300.000",
    "kr. 10.700.000",
    "kr. 1.600.000",
    "I alt",
    "kr. 22.100.000",
    "kr. 20.500.000",
    "kr. 1.600.000",
    "Den samlede anlægsudgift finansieres af rådighedsbeløbet og af puljen.",
]


def test_a_table_read_one_cell_per_line_becomes_rows(make_pdf) -> None:
    """pypdf gives some tables one cell per line: the column names are the first lines
    without figures, and each following group of as many lines is a row; the sentence
    after the table stays prose."""
    from ingest.clean import join_cell_columns

    text = clean(load_file(make_pdf("oekonomi.pdf", [_CELLS_ONE_PER_LINE]))).text
    assert "År\tAnlægsudgift\tRådighedsbeløb\tPulje til energirenovering" in text
    assert "2027\tkr. 12.300.000\tkr. 10.700.000\tkr. 1.600.000" in text
    assert "I alt\tkr. 22.100.000\tkr. 20.500.000\tkr. 1.600.000\nDen samlede" in text
    # a heading and a short decision are no cells; nor is a list of two columns
    prose = "Beslutning\nGodkendt.\nFraværende\nJens Hansen\nLone Berg"
    assert join_cell_columns(prose) == prose
    two = "Navn\nRolle\nAnne Holm\nFormand 2026\nBo Ravn\nMedlem 2026"
    assert join_cell_columns(two) == two


def test_a_header_read_after_the_footer_is_a_running_line_too() -> None:
    """Some PDF writers draw the page header last, so pypdf reads it after the footer:
    "Vesterby Kommune" stands right above the footer on every page. It runs, although the
    text also names the municipality ("Vesterby Kommune stiller garanti") and the first page
    opens with it; a decision no longer ends in the letterhead."""
    footer = "Økonomiudvalget – Referat – 14. april 2026\nSide {n} af 4"
    bodies = [
        "Vesterby Kommune\nReferat\nØkonomiudvalget\nMødetidspunkt: 14. april 2026",
        "12. Lån til genbrugsplads\nVesterby Kommune stiller garanti for 46 pct. af lånet.",
        "Beslutning i Økonomiudvalget den 14. april 2026:\nAnbefales over for Byrådet.",
        "13. Meddelelser\nBorgmesteren orienterede om KKR-mødet.",
    ]
    pages = [f"{body}\nVesterby Kommune\n{footer.format(n=n)}" for n, body in enumerate(bodies, 1)]
    cleaned = remove_running_lines(pages)
    assert (
        cleaned[2]
        == "Beslutning i Økonomiudvalget den 14. april 2026:\nAnbefales over for Byrådet."
    )
    assert "Vesterby Kommune stiller garanti" in cleaned[1]
    assert cleaned[0].startswith("Vesterby Kommune\nReferat")
    assert all("Side" not in page for page in cleaned)
