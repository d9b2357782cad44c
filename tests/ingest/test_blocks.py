"""Block kinds on small documents written in the forms municipalities publish."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.chunking import chunk_document
from ingest.document import parse_loaded
from ingest.loaders import load_file
from ingest.models import ANSWERABLE_KINDS, DocumentRecord


def _parse(path: Path) -> DocumentRecord:
    record, _ = parse_loaded(load_file(path), path, "doc")
    return record


def _kinds(record: DocumentRecord) -> list[tuple[str, str]]:
    return [(b.kind, record.text[b.start : b.end]) for b in record.blocks]


def _items(record: DocumentRecord) -> list:
    return [b for b in record.blocks if b.kind == "list_item"]


def _chunk_texts(path: Path) -> list[str]:
    record, cleaned = parse_loaded(load_file(path), path, "doc")
    chunks = chunk_document("doc", "hash", cleaned, record.sections, record.meta, record.blocks)
    return [c.text for c in chunks]


PORTAL_PAGE = """<!DOCTYPE html><html lang="da"><head><title>Dagsorden - Byrådet</title></head>
<body>
<div class="cookie-banner">Vi bruger cookies for at forbedre din oplevelse. Accepter alle</div>
<header><a href="/">Forside</a></header>
<nav><ul><li><a href="/">Tilbage til forsiden</a></li>
<li><a href="/moeder">Møder</a></li></ul></nav>
<main>
<h1>Dagsorden – Teknik- og Miljøudvalget – 3. maj 2024</h1>
<p><a href="/">Tilbage til forsiden</a></p>
<div class="punkt">12 | EMN-2024-0042 Godkendelse af trafikplan for Hundige</div>
<h3>Indstilling</h3>
<p>Forvaltningen indstiller, at trafikplanen godkendes, og at der afsættes 2,5 mio. kr. til
etablering af cykelstier.</p>
<h3>Bilag</h3>
<p>Bilag 1: Trafikplan 2024.pdf Bilag 2: Kort over Hundige.pdf Bilag 3: Høringssvar.pdf</p>
<div class="punkt">13 | EMN-2024-0057 Orientering om vejstøj</div>
<h3>Beslutning</h3>
<p>Orienteringen blev taget til efterretning.</p>
<p>Der opstod en fejl ved indlæsning af bilag. Prøv igen senere.</p>
</main>
<footer>Greve Kommune · Rådhusholmen 10 · Tlf. 43 97 97 97</footer>
</body></html>
"""


def test_portal_page_keeps_items_and_drops_navigation_and_attachments(tmp_path: Path) -> None:
    path = tmp_path / "dagsorden.html"
    path.write_text(PORTAL_PAGE, encoding="utf-8")
    record = _parse(path)
    kinds = _kinds(record)
    assert ("boilerplate", "Tilbage til forsiden") in kinds
    assert (
        "attachments",
        "Bilag 1: Trafikplan 2024.pdf Bilag 2: Kort over Hundige.pdf Bilag 3: Høringssvar.pdf",
    ) in kinds
    assert ("boilerplate", "Der opstod en fejl ved indlæsning af bilag. Prøv igen senere.") in kinds
    assert "cookies" not in record.text and "Rådhusholmen" not in record.text
    items = [(s.number, s.title) for s in record.sections if s.kind == "agenda_item"]
    assert items == [
        ("12", "Godkendelse af trafikplan for Hundige"),
        ("13", "Orientering om vejstøj"),
    ]
    assert record.meta.title == "Dagsorden – Teknik- og Miljøudvalget – 3. maj 2024"
    assert record.meta.committee == "Teknik- og Miljøudvalget"
    assert record.meta.date == "2024-05-03"
    assert record.meta.doc_type == "referat"  # it carries a Beslutning
    chunks = _chunk_texts(path)
    assert not any("Bilag 1" in c or "Tilbage til" in c or "opstod en fejl" in c for c in chunks)
    assert any("2,5 mio. kr." in c for c in chunks)


MARKDOWN_MINUTES = """---
title: "Styregruppemøde"
date: "2026-03-05"
---

# Referat: Styregruppen for Fælles Affald 5. marts 2026

**Status**: Godkendt  \n**Tid**: 05.03.2026 kl. 10-12

## Dagsorden

1. Godkendelse af dagsorden
2. Budget 2027

## 2.1 Budget 2027

> Styregruppen **godkendte** at afsætte *1,2 mio. kr.* til [pilotprojektet](https://example.org/pilot).

| Aktivitet | Beløb |
|---|---|
| Pilotprojekt | 1,2 mio. kr. |
| Evaluering | 300.000 kr. |

- [x] Referat sendt
- Næste møde: se https://example.org/kalender
"""


def test_markdown_is_indexed_as_rendered_text(tmp_path: Path) -> None:
    path = tmp_path / "referat.md"
    path.write_text(MARKDOWN_MINUTES, encoding="utf-8")
    record = _parse(path)
    for markup in ("**", "> ", "|", "](", "https://example.org/pilot", "[x]", "# "):
        assert markup not in record.text
    kinds = _kinds(record)
    assert ("heading", "Referat: Styregruppen for Fælles Affald 5. marts 2026") in kinds
    assert (
        "prose",
        "Styregruppen godkendte at afsætte 1,2 mio. kr. til pilotprojektet.",
    ) in kinds
    assert ("table_row", "Pilotprojekt\t1,2 mio. kr.") in kinds
    assert ("list_item", "Referat sendt") in kinds
    assert ("list_item", "1. Godkendelse af dagsorden") in kinds
    # the document's own level-1 heading wins over the front matter's navigation title
    assert record.meta.title == "Referat: Styregruppen for Fælles Affald 5. marts 2026"
    assert record.meta.date == "2026-03-05"
    assert record.meta.committee == "Styregruppen"
    items = [(s.number, s.title) for s in record.sections if s.kind == "agenda_item"]
    assert items == [("2.1", "Budget 2027")]
    for block in record.blocks:  # offsets hold on the rendered text
        assert record.text[block.start : block.end].strip() == record.text[block.start : block.end]


@pytest.mark.parametrize(
    ("paragraph", "kind"),
    [
        (
            "*Relaterede dokumenter:* [Referat ÆSU 09.06.2026](https://example.org/aesu) · "
            "[Demensstrategi 2026-2030](https://example.org/demens)",
            "boilerplate",
        ),
        ("[Forside](/) | [Møder](/moeder) | [Kontakt](/kontakt)", "boilerplate"),
        # one link, or links inside a statement: the statement is content
        ("Læs mere: [Demensstrategi 2026-2030](https://example.org/demens)", "prose"),
        ("Se [bilag 1](a.pdf) og [bilag 2](b.pdf) for detaljer om tidsplanen.", "prose"),
    ],
)
def test_a_markdown_row_of_links_is_navigation(tmp_path: Path, paragraph: str, kind: str) -> None:
    """A paragraph of links and separators after at most a label points to other pages and
    states nothing: it is never an answer ("Where will the meeting be held?" was answered
    with a decision log's "Relaterede dokumenter: …")."""
    path = tmp_path / "log.md"
    path.write_text(f"# Beslutningslog\n\nMødet holdes i kantinen.\n\n{paragraph}\n", "utf-8")
    kinds = _kinds(_parse(path))
    assert kinds[-1][0] == kind, kinds
    assert ("prose", "Mødet holdes i kantinen.") in kinds


def test_front_matter_title_when_no_top_heading(tmp_path: Path) -> None:
    path = tmp_path / "side.md"
    path.write_text(
        '---\ntitle: "Afprøvning af løsningen"\ndate: 19-09-2025\n---\n\n'
        "## Process\n\nLøsningen afprøves i laboratoriet.\n",
        encoding="utf-8",
    )
    record = _parse(path)
    assert record.meta.title == "Afprøvning af løsningen"
    assert record.meta.date == "2025-09-19"


PLAIN_MINUTES = """Referat
Økonomiudvalget
Mødedato: 14. marts 2024

Indholdsfortegnelse
Punkt 10: Godkendelse af dagsorden .................... 2
Punkt 11: Anlægsbevilling til Rådhuspladsen ............ 3

Punkt 10: Godkendelse af dagsorden

Beslutning i Økonomiudvalget den 14. marts 2024
Godkendt.

Punkt 11: Anlægsbevilling til Rådhuspladsen

Sagsfremstilling
Der søges om en anlægsbevilling på 4,8 mio. kr. til renovering af Rådhuspladsen.
Byrådet orienteres om projektet i juni.

Beslutning i Økonomiudvalget den 14. marts 2024
Anbefales.

Bilag
Bilag 1: Projektbeskrivelse
Bilag 2: Tidsplan
"""


def test_plain_text_minutes_items_toc_and_attachments(tmp_path: Path) -> None:
    path = tmp_path / "referat.txt"
    path.write_text(PLAIN_MINUTES, encoding="utf-8")
    record = _parse(path)
    items = [(s.number, s.title) for s in record.sections if s.kind == "agenda_item"]
    assert items == [
        ("10", "Godkendelse af dagsorden"),
        ("11", "Anlægsbevilling til Rådhuspladsen"),
    ]
    kinds = _kinds(record)
    toc = [text for kind, text in kinds if kind == "toc"]
    assert any("....." in t for t in toc) and any("Indholdsfortegnelse" in t for t in toc)
    assert ("attachments", "Bilag 1: Projektbeskrivelse\nBilag 2: Tidsplan") in kinds
    meta = record.meta
    assert (meta.doc_type, meta.date, meta.committee) == (
        "referat",
        "2024-03-14",
        "Økonomiudvalget",
    )
    chunks = _chunk_texts(path)
    assert not any("....." in c or "Bilag 2: Tidsplan" in c for c in chunks)


# A PDF's table of contents whose dot leaders and page numbers pypdf extracts as lines of
# their own, and agenda items whose heading carries only the case number.
LEADER_LINES_MINUTES = """Referat
Byrådet
Mødedato: 25. september 2025

Indholdsfortegnelse
404. Anlægsbevilling – renovering af Nordby Svømmehal
 .  .  .  .  .  .  .  .  .  .  .  .  . 5
405. Anlægsbevilling – udvidelse af Østerled Skole, tilbygning med fire nye klasselokaler og
naturfagslokale
 6
406. Valg af nyt medlem til Folkeoplysningsudvalget
 .  .  .  .  .  .  .  .  .  .  . 7

404. Anlægsbevilling – renovering af Nordby Svømmehal
Sagsnr.: 24/15502   Åbent punkt
Resumé
Der søges om anlægsbevilling på 16,3 mio. kr. til renovering af svømmehallen.
Beslutning i Byrådet den 25-09-2025
Godkendt.

405. Anlægsbevilling – udvidelse af Østerled Skole, tilbygning med fire nye klasselokaler og
naturfagslokale
Sagsnr.: 25/02231   Åbent punkt
Resumé
Der søges om anlægsbevilling på i alt 28,4 mio. kr. til en tilbygning.
Beslutning i Byrådet den 25-09-2025
Godkendt.

406. Valg af nyt medlem til Folkeoplysningsudvalget
Sagsnr. 25/07702
Beslutning i Byrådet den 25-09-2025
Karen Holm blev valgt.
"""


def test_toc_entries_above_their_own_leader_lines_are_no_items(tmp_path: Path) -> None:
    path = tmp_path / "referat.txt"
    path.write_text(LEADER_LINES_MINUTES, encoding="utf-8")
    record = _parse(path)
    items = [(s.number, s.start) for s in record.sections if s.kind == "agenda_item"]
    body = record.text.index("404. Anlægsbevilling – renovering af Nordby Svømmehal\nSagsnr")
    assert [n for n, _ in items] == ["404", "405", "406"]
    assert items[0][1] == body
    toc = " ".join(text for kind, text in _kinds(record) if kind == "toc")
    assert "406. Valg af nyt medlem til Folkeoplysningsudvalget" in toc
    # a title wrapped over two lines, then its page number alone, between two entries
    assert "naturfagslokale\n 6" in toc or "naturfagslokale\n6" in toc


def test_an_item_heading_with_only_its_case_number_opens_its_first_passage(
    tmp_path: Path,
) -> None:
    """No passage is only "405. … / Sagsnr.: …": such a label would take a top rank from the
    item's text for every question about the item."""
    path = tmp_path / "referat.txt"
    path.write_text(LEADER_LINES_MINUTES, encoding="utf-8")
    chunks = _chunk_texts(path)
    item = [c for c in chunks if c.startswith("405. Anlægsbevilling")]
    assert len(item) == 1
    assert "Sagsnr.: 25/02231" in item[0] and "28,4 mio. kr." in item[0]
    # a portal's "Sagsnr. 25/07702" without a colon is a case field too
    election = [c for c in chunks if c.startswith("406. Valg")]
    assert len(election) == 1 and "Karen Holm blev valgt." in election[0]


def test_a_body_mentioned_in_passing_is_not_the_owner(tmp_path: Path) -> None:
    path = tmp_path / "notat.txt"
    path.write_text(
        "Notat om skolestruktur\n3. februar 2025\n\n"
        "Forvaltningen har udarbejdet et forslag. Forslaget forelægges Byrådet og "
        "Børne- og Ungeudvalget i marts, og Børne- og Ungeudvalget skal høres igen i maj.\n",
        encoding="utf-8",
    )
    meta = _parse(path).meta
    assert meta.committee is None
    assert (meta.title, meta.doc_type, meta.date) == (
        "Notat om skolestruktur",
        "notat",
        "2025-02-03",
    )


def test_numbered_line_wrapped_from_the_line_before_is_not_an_item(tmp_path: Path) -> None:
    path = tmp_path / "notat.txt"
    path.write_text(
        "Vejstøj langs ringvejen\n\n"
        "Drøftelsen blev behandlet på mødet i Teknisk Udvalg d. 1. marts\n"
        "2023. Her blev det besluttet, at forvaltningen skulle vende retur.\n",
        encoding="utf-8",
    )
    record = _parse(path)
    assert [s for s in record.sections if s.kind == "agenda_item"] == []
    assert record.meta.title == "Vejstøj langs ringvejen"


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("2. Introduktion ............................................ 4", "toc"),
        ("Bilag 3 - Høringssvar fra Danmarks Naturfredningsforening.pdf", "attachments"),
        ("Bilag: 1. Kommissorium (DOCX)", "attachments"),  # the format in capitals
        ("2. Tidsplan for renovering (PDF)", "attachments"),
        ("Notat om sammenlægning af aktivitetscentre (PDF, 356 KB)", "attachments"),  # a portal's
        ("Rammer pr. udvalg 2027-2030 (XLSX, 4,1 MB)", "attachments"),  # type and size
        ("1. Budgetopfølgning, specifikation (PDF, 14 sider)", "attachments"),
        ("2. Oversigt over specialskoleplaceringer (lukket bilag)", "attachments"),
        ("Side 3 af 21", "boilerplate"),
        ("📆 sidst opdateret: {{ site.time | date: '%B %d, %Y' }}", "boilerplate"),
        ("Spring til hovedindhold", "boilerplate"),
        ("Der afsættes 600.000 kr. til videndeling.", None),
        ("Bilag 1 til sagen beskriver projektets økonomi i detaljer.", None),
    ],
)
def test_line_kinds(line: str, kind: str | None) -> None:
    from ingest.blocks import line_kind

    assert line_kind(line) == kind


def test_answerable_kinds_are_the_documented_ones() -> None:
    assert {"prose", "list_item", "table_row"} == ANSWERABLE_KINDS


def test_facts_never_come_from_attachment_lists_or_contents(tmp_path: Path) -> None:
    from ingest.facts import extract_facts

    path = tmp_path / "referat.txt"
    path.write_text(
        PLAIN_MINUTES.replace(
            "Bilag 2: Tidsplan", "Bilag 2: Tidsplan, frist 1. juni 2024, budget 9,9 mio. kr."
        ),
        encoding="utf-8",
    )
    facts = extract_facts(_parse(path))
    assert [b.amount_dkk for b in facts.budgets] == [4_800_000]
    assert facts.budgets[0].initiative and "Rådhuspladsen" in facts.budgets[0].initiative
    assert not any("Tidsplan" in f.quote for f in facts.followups)


def test_quotes_stop_where_markup_was_left_out(tmp_path: Path) -> None:
    """A quote is verbatim in the rendered text and, cut at label and cell seams, in the
    Markdown file too; emphasis inside a running sentence keeps the sentence whole."""
    from ingest.facts.sentences import DocIndex

    source = (
        "# Beslutning\n\n- **Dato**: 2025-02-02\n- **Status**: Accepteret\n\n"
        "Styregruppen **godkendte** at afsætte 1,2 mio. kr. til projektet.\n\n"
        "**Udsat**, idet Byrådet ønsker sagen behandlet i maj.\n\n"
        "**Årsag** Projektet er forsinket.\n\n"
        "| Aktivitet | Beløb |\n|---|---|\n| Pilot | 1,2 mio. kr. |\n"
    )
    path = tmp_path / "beslutning.md"
    path.write_text(source, encoding="utf-8")
    record = _parse(path)
    index = DocIndex(record.text, record.pages, record.sections, record.seams)
    sentences = [s.text for s in index.sentences]
    assert "Dato" in sentences and "2025-02-02" in sentences and "Accepteret" in sentences
    assert "Pilot" in sentences and "1,2 mio. kr." in sentences
    assert "Styregruppen godkendte at afsætte 1,2 mio. kr. til projektet." in sentences
    # a bold word opening a sentence that goes on ("**Udsat**, idet …") is no label
    assert "Udsat, idet Byrådet ønsker sagen behandlet i maj." in sentences
    assert "Årsag" in sentences and "Projektet er forsinket." in sentences
    for sentence in ("Dato", "2025-02-02", "Accepteret", "Pilot", "1,2 mio. kr."):
        assert sentence in source


def test_quotes_stop_where_a_page_starts() -> None:
    """The running footer removed at a page break stands between the two halves of a
    sentence in the source file: the sentence is cut there, so each quote is verbatim."""
    from ingest.facts.sentences import DocIndex
    from ingest.models import PageSpan

    first = "Der blev holdt en fælles seance for at opnå større fælles forståelse\n\n"
    second = "af arbejdet i Jobcentret. Dialogen fortsætter."
    text = first + second
    pages = [PageSpan(1, 0, len(first)), PageSpan(2, len(first), len(text))]
    sentences = [s.text for s in DocIndex(text, pages, []).sentences]
    assert sentences == [
        "Der blev holdt en fælles seance for at opnå større fælles forståelse",
        "af arbejdet i Jobcentret.",
        "Dialogen fortsætter.",
    ]


NESTED_MD = """# Forårsrelease 2026

## Release kandidater

1. **[#246](https://example.org/246): DAWA lukker ned**

   * Estimat: 41 timer til leverandøren.

2. **[#248](https://example.org/248): Den moderniserede Datafordeler**

   * Estimat på 72 timer er godkendt.
     - Leveres i juni.

Afsluttende bemærkning.
"""


NESTED_HTML = (
    "<html><body><main><h1>Forårsrelease 2026</h1><p>Oplæg til koordinationsgruppen om "
    "de opgaver, der kan komme med i forårets release.</p><ol>"
    "<li><b>#246: DAWA lukker ned</b><ul><li>Estimat: 41 timer.</li></ul></li>"
    "<li><p>#248: Den moderniserede Datafordeler</p><ul><li>Estimat på 72 timer."
    "<ul><li>Leveres i juni.</li></ul></li></ul></li></ol>"
    "<p>Afsluttende bemærkning om releasens tidsplan og test.</p></main></body></html>"
)


@pytest.mark.parametrize(
    ("name", "source", "expected"),
    [
        (
            "release.md",
            NESTED_MD,
            [
                ("1. #246: DAWA lukker ned", 1),
                ("Estimat: 41 timer til leverandøren.", 2),
                ("2. #248: Den moderniserede Datafordeler", 1),
                ("Estimat på 72 timer er godkendt.", 2),
                ("Leveres i juni.", 3),
            ],
        ),
        (
            "release.html",
            NESTED_HTML,
            [
                ("#246: DAWA lukker ned", 1),
                ("Estimat: 41 timer.", 2),
                ("#248: Den moderniserede Datafordeler", 1),
                ("Estimat på 72 timer.", 2),
                ("Leveres i juni.", 3),
            ],
        ),
    ],
)
def test_list_items_carry_their_nesting_depth(
    tmp_path: Path, name: str, source: str, expected: list[tuple[str, int]]
) -> None:
    """A nested item's depth is kept (Markdown and HTML), so the answer can read it under its
    parent item; other blocks but headings have level 0."""
    path = tmp_path / name
    path.write_text(source, encoding="utf-8")
    record = _parse(path)
    assert [(record.text[b.start : b.end], b.level) for b in _items(record)] == expected
    assert all(b.level == 0 for b in record.blocks if b.kind not in ("list_item", "heading"))


def test_word_list_symbols_in_a_pdf_text_layer_are_list_items() -> None:
    """Word's list symbols reach a PDF's text layer as "o" or "⁃": those lines are list items
    like "•" and "-" lines; a line that merely starts with the letter o is prose."""
    from ingest.blocks import line_blocks

    text = (
        "og derfor blev målingerne gentaget i april. Der måles på følgende adresser:\n"
        "o Mustrupvej 55, målt 20/3 - 2023\n"
        "o Damgårdstoften 65, målt 20/3 - 2023\n"
        "⁃ om boligen har adgang til en stilleside\n"
        "• Middelværdien er 0,56 meter."
    )
    kinds = [(b.kind, text[b.start : b.end][:10]) for b in line_blocks(text, [])]
    assert kinds == [
        ("prose", "og derfor "),
        ("list_item", "o Mustrupv"),
        ("list_item", "o Damgårds"),
        ("list_item", "⁃ om bolig"),
        ("list_item", "• Middelvæ"),
    ]


def test_a_list_item_wrapped_onto_the_next_pdf_line_stays_one_item() -> None:
    """A bullet whose sentence runs onto the next line ("... parker 58" / "dB.") is one item;
    a finished item followed by a capitalised line ends there."""
    from ingest.blocks import line_blocks

    text = (
        "De vejledende grænseværdier er:\n"
        "• For boligområder og parker 58\n"
        "dB.\n"
        "• For hoteller, kontorer mv. er grænseværdien 63 dB.\n"
        "Aarhus Kommunes kommuneplan indeholder bestemmelser om støj."
    )
    blocks = [(b.kind, text[b.start : b.end]) for b in line_blocks(text, [])]
    assert blocks == [
        ("prose", "De vejledende grænseværdier er:"),
        ("list_item", "• For boligområder og parker 58\ndB."),
        ("list_item", "• For hoteller, kontorer mv. er grænseværdien 63 dB."),
        ("prose", "Aarhus Kommunes kommuneplan indeholder bestemmelser om støj."),
    ]


def test_markdown_field_lines_without_markup_stay_lines(tmp_path: Path) -> None:
    """A record's plain fields ("Dato: 3. april 2025" / "Status: Besluttet" / "Besluttet af:
    Styregruppen") on consecutive lines are one Markdown paragraph, but a reader reads three
    lines: each stays on its own, so "Dato:" opens a line (the document's date) and each field
    quotes alone. A line after a field is no wrapped text of it either."""
    path = tmp_path / "log.md"
    path.write_text(
        "# Beslutningslog\n\nSolvang Kommune, Teknik og Miljø\nSenest opdateret: 12. maj 2025\n"
        "\n## B-01 Valg af fagsystem\n\nDato: 9. januar 2025\nStatus: Besluttet\n"
        "Besluttet af: Styregruppen\n\nStyregruppen valgte fagsystemet efter udbud med\n"
        "tre tilbudsgivere.\n",
        encoding="utf-8",
    )
    text = _parse(path).text
    assert "Dato: 9. januar 2025\nStatus: Besluttet\nBesluttet af: Styregruppen\n" in text
    assert "Solvang Kommune, Teknik og Miljø\nSenest opdateret: 12. maj 2025" in text
    assert "Styregruppen valgte fagsystemet efter udbud med tre tilbudsgivere." in text


def test_markdown_lines_that_open_with_a_bold_label_stay_lines(tmp_path: Path) -> None:
    """ "**Deltagere:** …" and "**Afbud:** …" on consecutive lines are one Markdown paragraph,
    but two fields: the second stays on a line of its own, so each reads and quotes alone.
    A wrapped line of running text still joins its paragraph."""
    path = tmp_path / "referat.md"
    path.write_text(
        "# Referat af styregruppemøde 5. marts 2024\n\n"
        "**Deltagere:** Anne Hansen (Kolding), Peter Møller (Vejle)\n"
        "**Afbud:** Morten Kjær (Billund)\n\n"
        "Sekretariatet fremlagde forslag til budget 2025 på i alt\n"
        "2,4 mio. kr. til fællesskabets drift.\n",
        encoding="utf-8",
    )
    record = _parse(path)
    assert ("prose", "Deltagere: Anne Hansen (Kolding), Peter Møller (Vejle)\nAfbud: Morten Kjær "
            "(Billund)") in _kinds(record)  # fmt: skip
    assert (
        "prose",
        "Sekretariatet fremlagde forslag til budget 2025 på i alt 2,4 mio. kr. til fællesskabets "
        "drift.",
    ) in _kinds(record)


def test_a_letters_postal_addresses_are_boilerplate() -> None:
    """The sender's and the recipient's address blocks ("Vejle Roklub" / "Att.: Bestyrelsen"
    / "Strandvejen 12" / "7100 Vejle") answer nothing; the fields under the sender ("Dato:",
    "Kontaktperson: …") and the letter's text stay answerable."""
    from ingest.blocks import line_blocks

    letter = (
        "Kultur og Fritid\nRådhustorvet 1\n7100 Vejle\nDato: 6. oktober 2025\n"
        "Kontaktperson: Louise Kragh\n\n"
        "Vejle Roklub\nAtt.: Bestyrelsen\nStrandvejen 12\n7100 Vejle\n\n"
        "Tilsagn om tilskud til nyt bådhus\n\n"
        "Udvalget har bevilget et anlægstilskud på 450.000 kr. til Vejle Roklub.\n"
    )
    kinds = {letter[b.start : b.end]: b.kind for b in line_blocks(letter, [])}
    assert kinds["Kultur og Fritid\nRådhustorvet 1\n7100 Vejle"] == "boilerplate"
    assert kinds["Vejle Roklub\nAtt.: Bestyrelsen\nStrandvejen 12\n7100 Vejle"] == "boilerplate"
    assert kinds["Dato: 6. oktober 2025\nKontaktperson: Louise Kragh"] == "prose"
    assert (
        kinds["Udvalget har bevilget et anlægstilskud på 450.000 kr. til Vejle Roklub."] == "prose"
    )


def test_table_rows_ending_in_zero_are_no_table_of_contents(tmp_path: Path) -> None:
    """Rows of a budget table whose last year is 0 ("Cykelsti\t2.500\t0\t0\t0") end in a
    number as contents lines end in a page, but a row of figures is a table's, and no page
    is 0; a real contents run is still found."""
    text = (
        "Budgetaftale 2026\n\n"
        "Indhold\n1. Indledning 3\n2. Økonomi 5\n3. Anlæg 8\n\n"
        "Tabel 2. Anlægsprogram 2026-2029\n\n"
        "1.000 kr.\t2026\t2027\t2028\n"
        "Ny svømmehal\t12.000\t58.000\t0\n"
        "Cykelsti langs Strandvejen\t2.500\t0\t0\n"
        "Trafiksikkerhedspulje\t3.000\t3.000\t0\n"
        "I alt\t17.500\t61.000\t0\n"
    )
    path = tmp_path / "budgetaftale.txt"
    path.write_text(text, encoding="utf-8")
    kinds = _kinds(_parse(path))
    assert [t for k, t in kinds if k == "toc"] == [
        "Indhold\n1. Indledning 3\n2. Økonomi 5\n3. Anlæg 8"
    ]
    rows = [t for k, t in kinds if k == "table_row"]
    assert "Cykelsti langs Strandvejen\t2.500\t0\t0" in rows


def test_the_last_items_case_number_stays_in_its_own_item(tmp_path: Path) -> None:
    """An item with only its heading and case number at the end of the minutes is a passage
    of its own: glued to the item before, a passage would span two agenda items."""
    path = tmp_path / "referat.txt"
    path.write_text(
        "Referat\nByrådet\nMødedato: 25. september 2025\n\n"
        "410. Salg af erhvervsgrunde i Nordby Erhvervspark Nord\nSagsnr.: 25/06611\n"
        "Resumé\nByrådet godkendte salget af tre erhvervsgrunde for i alt 3,4 mio. kr.\n\n"
        "411. Eventuelt\nSagsnr.: 25/00099\n",
        encoding="utf-8",
    )
    chunks = _chunk_texts(path)
    assert not any("3,4 mio. kr." in c and "411. Eventuelt" in c for c in chunks), chunks
    assert any(c.startswith("411. Eventuelt") for c in chunks), chunks


def test_a_block_quote_has_a_seam_at_each_source_line(tmp_path: Path) -> None:
    """A decision written as a block quote over several lines ("> Bestyrelsen godkendte …
    på" / "> 58,0 mio. kr. …"): a quote across the line break would cross the next line's
    "> " in the file, so the rendered text has a seam there and each piece is verbatim."""
    source = (
        "# Referat\n\n"
        "> **Beslutning:** Bestyrelsen godkendte projektet og en låneramme på\n"
        "> 58,0 mio. kr. Direktøren blev bemyndiget til at søge garanti.\n"
    )
    path = tmp_path / "bestyrelse.md"
    path.write_text(source, encoding="utf-8")
    record = _parse(path)
    start = record.text.index("Bestyrelsen godkendte")
    end = record.text.index("garanti.") + len("garanti.")
    cuts = [s for s in record.seams if start < s < end]
    assert cuts, record.seams
    pieces = [record.text[a:b].strip() for a, b in zip([start, *cuts], [*cuts, end], strict=True)]
    assert all(piece in source for piece in pieces if piece), pieces


def test_a_letters_closing_attachment_line_is_no_prose(tmp_path: Path) -> None:
    """A letter ends with the one annex it sends ("Bilag: Kloakplan …"): an attachment title,
    never an answer sentence; a sentence about an annex, or the line naming what the document
    is an annex to, stays prose."""
    path = tmp_path / "paabud.txt"
    path.write_text(
        "Påbud om separering på Fyrvej 17\n\n"
        "Kloakmesteren skal sende en færdigmelding senest 4 uger efter, at arbejdet er afsluttet."
        " Bilag 1 viser ledningernes placering.\n\n"
        "Med venlig hilsen\nLine Munk\n\n"
        "Bilag: Kloakplan for Fyrvej 17 (udsnit) og vejledning om separering på egen grund\n\n"
        "Bilag til: Påbud om separering på Fyrvej 17\n",
        encoding="utf-8",
    )
    kinds = _kinds(_parse(path))
    annex = [kind for kind, text in kinds if text.startswith("Bilag: Kloakplan")]
    assert annex == ["attachments"]
    assert any(kind == "prose" and "Bilag 1 viser" in text for kind, text in kinds)
    # what the document is an annex to is no attachment of it
    assert [kind for kind, text in kinds if text.startswith("Bilag til:")] == ["prose"]


def test_a_portal_cards_number_beside_its_title_numbers_the_item(tmp_path: Path) -> None:
    """Agenda cards print the item's number in its own element before the title
    ("<span>33.</span><h3>Bibliotek på hjul</h3>"): one numbered item, not a paragraph "33."
    left at the end of the item before it."""
    cards = "".join(
        f'<article class="agenda-card"><header><span class="no">{n}.</span><h3>{title}</h3>'
        f"</header><h4>Beslutning</h4><p>{decision}</p></article>"
        for n, title, decision in (
            (33, "Bibliotek på hjul – medfinansiering", "Godkendt, under forudsætning af tilsagn."),
            (
                34,
                "Sommeråbent i ungdomsklubberne",
                "Godkendt med den ændring, at Klub Lundå også holder åbent.",
            ),
        )
    )
    path = tmp_path / "buu.html"
    path.write_text(
        f"<html><body><main><h1>Referat – Børne- og Ungeudvalget</h1>{cards}</main></body></html>",
        encoding="utf-8",
    )
    record = _parse(path)
    items = [(s.number, s.title) for s in record.sections if s.kind == "agenda_item"]
    assert items == [
        ("33", "Bibliotek på hjul – medfinansiering"),
        ("34", "Sommeråbent i ungdomsklubberne"),
    ]
    assert not any(text.strip() in ("33.", "34.") for _, text in _kinds(record))


def test_a_portals_bilag_label_goes_with_its_files(tmp_path: Path) -> None:
    """A portal writes "Bilag" as a label (no heading) over the item's files with their type
    and size: label and files are an attachment list, never part of the decision above."""
    path = tmp_path / "referat.html"
    path.write_text(
        "<html><body><main><h1>Referat</h1><h2>Punkt 2 - Budgetopfølgning</h2>"
        "<h3>Beslutning</h3><p>Taget til efterretning.</p>"
        "<div class='bilag'><span class='lbl'>Bilag</span><ul>"
        "<li><a href='/b/1.pdf'>Budgetopfølgning SSO 1-2026</a> <span>(PDF, 884 KB)</span></li>"
        "</ul></div></main></body></html>",
        encoding="utf-8",
    )
    kinds = _kinds(_parse(path))
    assert ("prose", "Taget til efterretning.") in kinds
    assert ("attachments", "Bilag") in kinds
    assert ("attachments", "Budgetopfølgning SSO 1-2026 (PDF, 884 KB)") in kinds


OLD_PORTAL = (
    "<html><head><title>Søvang Kommune - Dagsorden og referat - Kulturudvalget 12-05-2026"
    "</title></head><body><table width='100%'>"
    "<tr><td colspan='2'><font size='4'>Søvang Kommune – Politiske dagsordener og referater"
    "</font></td></tr>"
    "<tr><td class='menu'><table><tr><td><a href='/'>Forside</a></td></tr>"
    "<tr><td><a href='/byraad'>Byrådet</a></td></tr></table></td><td><table>"
    "<tr><td colspan='2'><a href='/'>« Tilbage til forsiden</a> | <a href='#'>Udskriv</a>"
    "</td></tr>"
    "<tr><td colspan='2'><h2>Kulturudvalget – Referat</h2><table>"
    "<tr><td><b>Mødedato:</b></td><td>Tirsdag den 12. maj 2026</td></tr></table></td></tr>"
    "<tr><td colspan='2'><b>Indholdsfortegnelse</b><table>"
    "<tr><td><a href='#p1'>1. Godkendelse af dagsorden</a></td></tr>"
    "<tr><td><a href='#p2'>2. Tilskud til byfesten</a></td></tr></table></td></tr>"
    "<tr><td><b>1.</b></td><td><font size='3'><b>Godkendelse af dagsorden</b></font></td></tr>"
    "<tr><td></td><td><b>Beslutning</b><br>Dagsordenen blev godkendt.</td></tr>"
    "<tr><td><b>2.</b></td><td><font size='3'><b>Tilskud til byfesten</b></font></td></tr>"
    "<tr><td></td><td><i>Sagsfremstilling og indstilling</i><br>Byfestforeningen søger om "
    "45.000 kr. til byfesten i august. Forvaltningen indstiller, at der bevilges 30.000 kr. "
    "fra kulturpuljen, som i dag har 210.000 kr. tilbage til resten af året.</td></tr>"
    "<tr><td></td><td><b>Beslutning</b><br>Bevilget 30.000 kr. fra kulturpuljen.</td></tr>"
    "</table></td></tr></table></body></html>"
)


def test_an_old_portal_laid_out_in_table_rows_reads_as_its_items(tmp_path: Path) -> None:
    """An old portal writes each item as a row of a number cell and a bold title cell, and
    each case section as a cell opening with a bold or italic label on its own line: the
    items and their sections are read as headings, the page's own heading and date title it
    (not the site's banner), and the linked contents and navigation are no prose."""
    path = tmp_path / "kulturudvalget.html"
    path.write_text(OLD_PORTAL, encoding="utf-8")
    record = _parse(path)
    assert record.meta.title == "Referat – Kulturudvalget – 12. maj 2026"
    items = [(s.number, s.title) for s in record.sections if s.kind == "agenda_item"]
    assert items == [("1", "Godkendelse af dagsorden"), ("2", "Tilskud til byfesten")]
    kinds = _kinds(record)
    assert ("heading", "Beslutning") in kinds
    assert ("heading", "Sagsfremstilling og indstilling") in kinds
    assert ("prose", "Bevilget 30.000 kr. fra kulturpuljen.") in kinds
    assert ("toc", "2. Tilskud til byfesten") in kinds
    nav = next(kind for kind, text in kinds if "Tilbage til forsiden" in text)
    assert nav not in ("heading", "prose")
    decision = [s for s in record.sections if s.title == "Beslutning"][-1]
    said = record.text[decision.start : decision.end]
    assert said.endswith("Bevilget 30.000 kr. fra kulturpuljen.")


CONTENTS_TABLE_MINUTES = """# Referat – Teknik- og Miljøudvalget – 19. maj 2026

Indholdsfortegnelse

| Sag nr. | Titel | J.nr. |
|---|---|---|
| 1 | Godkendelse af dagsorden | 00.01.00-A00-2-26 |
| 2 | Ny affaldsordning i sommerhusområderne | 07.18.02-G01-4-26 |

## Sag nr. 1: Godkendelse af dagsorden

Dagsordenen blev godkendt.

## Sag nr. 2: Ny affaldsordning i sommerhusområderne

Ca. 3.400 sommerhuse skal overgå til den nye ordning med 4-kammerbeholdere.
"""


def test_a_contents_table_under_its_heading_is_a_table_of_contents(tmp_path: Path) -> None:
    """A table of the items' numbers, titles and case numbers under "Indholdsfortegnelse" is
    the minutes' contents, not rows to answer from ("3 – Ny affaldsordning – 07.18…" once
    answered "Hvor mange sommerhuse …?" with its item number)."""
    path = tmp_path / "referat.md"
    path.write_text(CONTENTS_TABLE_MINUTES, encoding="utf-8")
    kinds = _kinds(_parse(path))
    rows = [(kind, text) for kind, text in kinds if "07.18.02" in text or "J.nr." in text]
    assert rows and all(kind == "toc" for kind, _ in rows), rows
    assert ("prose", "Dagsordenen blev godkendt.") in kinds
    assert not any("07.18.02" in c for c in _chunk_texts(path))


PORTAL_ITEM_LINKS_HTML = """<html><body>
<h1>Referat – Erhvervsudvalget – 5. maj 2031</h1>
<p>Deltagere: Bente Krogh (V), formand</p>
<ul>
<li><a href="#p33">33. Godkendelse af dagsorden</a></li>
<li><a href="#p34">34. Medfinansiering af havnemarked 2031</a></li>
<li><a href="#p35">35. Forlængelse af aftale om turistinformation</a></li>
</ul>
<h2 id="p33">33. Godkendelse af dagsorden</h2>
<h3>Beslutning</h3>
<p>Dagsordenen blev godkendt.</p>
<h2 id="p34">34. Medfinansiering af havnemarked 2031</h2>
<h3>Beslutning</h3>
<p>Godkendt.</p>
<h2 id="p35">35. Forlængelse af aftale om turistinformation</h2>
<h3>Beslutning</h3>
<p>Udsat.</p>
</body></html>
"""


def test_links_that_repeat_the_items_headings_are_the_pages_contents(tmp_path: Path) -> None:
    """A portal lists a meeting's items as links above them, under no "Indhold" heading and
    without page numbers: lines that each repeat a later heading are contents, never an
    answer ("Blev aftalen forlænget?" was answered with the item titles)."""
    path = tmp_path / "referat.html"
    path.write_text(PORTAL_ITEM_LINKS_HTML, encoding="utf-8")
    kinds = _kinds(_parse(path))
    links = [(kind, text) for kind, text in kinds if text.startswith("35. Forlængelse")]
    assert [kind for kind, _ in links] == ["toc", "heading"], links
    assert ("prose", "Deltagere: Bente Krogh (V), formand") in kinds
    assert ("prose", "Udsat.") in kinds


LEADERS_FIRST_PLAN = """Bjerregaard Kommune
Forebyggelsesplan 2025-2028

Indholdsfortegnelse

. . . . . . . . . . . . . . . . . . . . . . . . . . . . . . 3
1. Forord
. . . . . . . . . . . . . . . . . . . . . . . . . 4
2. Rygestop
. . . . . . . . . . . . . . . . . . . . . . . . . . 5
2.1 Snusfri Ungdom
. . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . 6

Bilag

1. Forord

Med planen samler kommunen alle forebyggelsesindsatser i én plan.

2. Rygestop

Flere unge bruger nikotin i nye former.

2.1 Snusfri Ungdom

Indsatsen udvikler et stoptilbud til unge.
Budget
2025: 385.000 kr. · 2026: 415.000 kr.

Bilag

Bilag 1: Sundhedsprofil 2024
Bilag 2: Handleplan for Snusfri Ungdom
"""


def test_the_last_entry_of_contents_whose_leaders_come_first_is_no_heading(
    tmp_path: Path,
) -> None:
    """A PDF that draws each entry's leaders and page number before its title extracts them
    above it, so the last title ("Bilag") follows the last leader line; it is an entry, not
    a heading over the whole plan (probe 95)."""
    path = tmp_path / "plan.txt"
    path.write_text(LEADERS_FIRST_PLAN, encoding="utf-8")
    record = _parse(path)
    toc = " ".join(text for kind, text in _kinds(record) if kind == "toc")
    assert "2.1 Snusfri Ungdom" in toc and "Bilag" in toc
    budget = record.text.index("2025: 385.000 kr.")
    path_titles = [s.title for s in record.sections if s.start <= budget < s.end]
    assert "Bilag" not in path_titles, path_titles
    assert "Snusfri Ungdom" in " ".join(path_titles), path_titles
