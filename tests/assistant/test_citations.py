"""Citations: a quote is verbatim in the cleaned text, and its pieces are verbatim in the file.

The cleaned text of a Markdown or HTML document is what a person reads, without `**`, link
targets or inline tags; a quote across such markup is no longer a substring of the file. The
citation keeps one number and one quote, and carries the pieces a reader finds in the file.
"""

from __future__ import annotations

import re

import pytest

from tests.conftest import assistant_over, only_view

MARKDOWN = (
    "# Beslutning om OS2borgerPC\n\n"
    "Alle former for nyudvikling af **OS2borgerPC V2 core** indstilles med øjeblikkelig "
    "virkning, jf. [styregruppens beslutning](https://example.org/beslutning).\n\n"
    "| Post | Beløb |\n|---|---|\n| Drift af testmiljø | 240.000 kr. |\n"
)
HTML = (
    "<html><body><main><h1>Lokalplan for Lillevangsvej</h1>"
    "<p>Ny adgangsvej via <span class='SpellE'>Lillevangsvej</span>, så det nuværende "
    "<i>tre-benede</i> kryds ombygges til et fire-benet signalreguleret kryds.</p>"
    "<p>Taksten hæves fra 25,00 kr./m<sup>3</sup> til 29,81 kr./m<sup>3</sup> i 2024.</p>"
    "</main></body></html>"
)


def _in_file(source: str, quote: str) -> bool:
    """The quote inside the file's own text, whitespace-insensitively (as a reader's search)."""
    squash = lambda s: re.sub(r"\s+", " ", s).strip()  # noqa: E731
    return squash(quote) in squash(source)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("citations")
    return assistant_over(root, {"beslutning.md": MARKDOWN, "lokalplan.html": HTML})


@pytest.mark.parametrize(
    ("question", "source", "expected"),
    [
        ("Hvad blev indstillet for OS2borgerPC V2 core?", MARKDOWN, "OS2borgerPC V2 core"),
        ("Hvad koster drift af testmiljø?", MARKDOWN, "240.000 kr."),
        ("Hvordan ombygges krydset ved Lillevangsvej?", HTML, "fire-benet signalreguleret"),
    ],
)
def test_each_piece_of_a_quote_is_verbatim_in_the_file(
    assistant, question: str, source: str, expected: str
) -> None:
    answer = assistant.ask(question)
    assert not answer.abstained, answer.text
    cited = [c for c in answer.citations if expected in c.quote]
    assert cited, [c.quote for c in answer.citations]
    for citation in answer.citations:
        assert not any(mark in citation.quote for mark in ("**", "](", "<"))
        pieces = citation.file_quotes()
        bounds = [x for _, start, end in pieces for x in (start, end)]
        assert bounds == sorted(bounds)  # in reading order, not overlapping
        assert citation.start <= bounds[0] and bounds[-1] <= citation.end
        for quote, start, end in pieces:
            assert quote == citation.quote[start - citation.start : end - citation.start]
            assert _in_file(source, quote), quote


def test_a_quote_across_markup_is_cut_there_and_a_plain_one_is_not(assistant) -> None:
    answer = assistant.ask("Hvad blev indstillet for OS2borgerPC V2 core?")
    citation = next(c for c in answer.citations if "OS2borgerPC V2 core" in c.quote)
    assert not _in_file(MARKDOWN, citation.quote)  # the whole quote crosses `**`
    assert [q for q, _, _ in citation.file_quotes()][:3] == [
        "Alle former for nyudvikling af",
        "OS2borgerPC V2 core",
        "indstilles med øjeblikkelig virkning, jf.",
    ]
    plain = assistant.ask("Hvordan ombygges krydset ved Lillevangsvej?")
    for c in plain.citations:
        if _in_file(HTML, c.quote):
            assert c.file_quotes() == [(c.quote, c.start, c.end)]


def test_a_pdf_quote_over_a_page_break_is_quoted_line_by_line(tmp_path) -> None:
    """A sentence that runs from one PDF page onto the next reads whole in the cleaned text,
    but the file's own text has the running header between its halves (and a bullet glyph the
    cleaned text leaves out would sit at a line's start): each line is a piece of its own, and
    each piece is in the text pypdf extracts from the file."""
    from pypdf import PdfReader

    from tests.conftest import assistant_for_docs
    from tests.ingest.conftest import write_pdf

    docs = tmp_path / "docs"
    docs.mkdir()
    filler = [f"Punkt {n} på dagsordenen blev behandlet uden bemærkninger." for n in range(1, 9)]
    pages = [
        [
            *filler,
            "Cykelstien langs Skovvejen anlægges i 2026. Erstatninger til lodsejere ved",
            "arealerhvervelse skønnes at udgøre mellem",
        ],
        ["0,6 og 0,9 mio. kr. og indgår i anlægsoverslaget.", *filler],
    ]
    path = write_pdf(docs / "referat.pdf", pages, header="Nordby Kommune · Byrådet · Referat")
    raw = "\n".join(page.extract_text() for page in PdfReader(path).pages)
    assistant = assistant_for_docs(tmp_path)
    view = only_view(assistant)
    start = view.text.index("Erstatninger til lodsejere")
    end = view.text.index("anlægsoverslaget.") + len("anlægsoverslaget.")
    quote = view.text[start:end]
    assert not _in_file(raw, quote)  # the header stands between its halves
    pieces = view.file_pieces(start, end)
    assert len(pieces) == 3
    for a, b in pieces:
        assert _in_file(raw, view.text[a:b]), view.text[a:b]


def test_a_word_list_items_number_is_not_quoted(tmp_path) -> None:
    """Word numbers a "List Number" paragraph itself: the reader sees "1. En kortlægning …",
    the file's text holds "En kortlægning …". The quote starts after the number, so it is
    verbatim in the file."""
    import docx

    from tests.conftest import assistant_for_docs

    document = docx.Document()
    document.add_heading("Kommissorium for arbejdsgruppen om borgerservice", 1)
    document.add_heading("Leverancer", 2)
    document.add_paragraph("Arbejdsgruppen skal levere følgende:")
    for item in (
        "En kortlægning af henvendelserne i borgerservice, som afleveres senest 15. maj 2026.",
        "En samlet rapport med anbefalinger, der afleveres senest 30. september 2026.",
    ):
        document.add_paragraph(item, style="List Number")
    (tmp_path / "docs").mkdir()
    document.save(tmp_path / "docs" / "kommissorium.docx")
    unseen = assistant_for_docs(tmp_path)
    (doc,) = unseen.stores.registry.list_documents()
    assert "1. En kortlægning af henvendelserne" in unseen.docs.get(doc["id"]).text
    answer = unseen.ask("Hvilke leverancer skal arbejdsgruppen om borgerservice levere?")
    file_text = "\n".join(
        p.text for p in docx.Document(tmp_path / "docs" / "kommissorium.docx").paragraphs
    )
    quotes = [c.quote for c in answer.citations]
    assert any(q.startswith("En kortlægning af henvendelserne") for q in quotes), answer.text
    assert all(q in file_text for q in quotes), quotes


def test_a_document_label_keeps_no_numbers_and_no_dangling_dash() -> None:
    """An answer names a source by its title without numbers (numbers come from quotes); a
    title whose date was numeric ("Referat – Byrådet – 30.09.2025") is not left ending in a
    dash (probe 96's "*Referat – Byrådet –*:")."""
    from assistant.citations import document_label

    assert (
        document_label("Referat – Byråd 2022-2025 – 1. oktober 2025") == "Referat – Byråd – oktober"
    )
    assert document_label("Referat – Byrådet – 30.09.2025") == "Referat – Byrådet"
    assert document_label("Notat – 12.3.2025 – Vejstøj") == "Notat – Vejstøj"
