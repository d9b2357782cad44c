"""Fixtures that generate real input files: PDFs (fpdf2), DOCX (python-docx), HTML pages.

fpdf2's core fonts are latin-1, which covers æ, ø and å; ligature characters are not in
latin-1, so ligatures are tested on cleaning directly.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from fpdf import FPDF
from PIL import Image
from pypdf import PdfReader, PdfWriter

CORPUS = Path(__file__).resolve().parents[2] / "corpus"

HEADER = "Børne- og Ungeudvalget - Referat 7. juni 2021"

# One list of body lines per page; line breaks are kept as written.
DANISH_PAGES: list[list[str]] = [
    [
        "568. Status på Task Force-projektet",
        "Der afsættes 600.000 kr. til et nyt an-",
        "læg ved rådhuset i Grenaa.",
        "Familie-",
        "og Arbejdsmarkedsforvaltningen har ansvaret for opgaven.",
    ],
    [
        "Økonomi",
        "Udvalget godkendte en ramme på 1,5 mio. kr. til LEAN-",
        "management i 2021 og 2022.",
        "Sagsbehandlingen skal være færdig senest september 2021.",
    ],
    [
        "Beslutning i Børne- og Ungeudvalget den 7. juni 2021",
        "Børne- og Ungeudvalget tog orienteringen til efterretning.",
        "Handleplanen skal være godkendt inden årets udgang.",
    ],
]


def write_pdf(
    path: Path,
    pages: list[list[str]],
    header: str | None = None,
    footer: bool = False,
    title: str | None = None,
) -> Path:
    """Write a text PDF with one page per entry; optional running header and "Side N af M"."""
    pdf = FPDF()
    pdf.set_auto_page_break(False)
    if title:
        pdf.set_title(title)
    for number, lines in enumerate(pages, start=1):
        pdf.add_page()
        pdf.set_font("Helvetica", size=11)
        if header:
            pdf.set_xy(10, 8)
            pdf.cell(0, 6, header)
        pdf.set_xy(10, 30)
        pdf.multi_cell(0, 6, "\n".join(lines))
        if footer:
            pdf.set_xy(10, 280)
            pdf.cell(0, 6, f"Side {number} af {len(pages)}", align="C")
    pdf.output(str(path))
    return path


@pytest.fixture
def make_pdf(tmp_path: Path) -> Callable[..., Path]:
    def factory(name: str, pages: list[list[str]], **options: object) -> Path:
        return write_pdf(tmp_path / name, pages, **options)  # type: ignore[arg-type]

    return factory


@pytest.fixture
def danish_pdf(tmp_path: Path) -> Path:
    """Three pages with a running header, page footers and known sentences per page."""
    return write_pdf(
        tmp_path / "referat.pdf",
        DANISH_PAGES,
        header=HEADER,
        footer=True,
        title="Referat af Børne- og Ungeudvalgets møde",
    )


@pytest.fixture
def encrypted_pdf(tmp_path: Path) -> Path:
    plain = write_pdf(tmp_path / "plain.pdf", DANISH_PAGES[:1])
    writer = PdfWriter(clone_from=PdfReader(plain))
    writer.encrypt(user_password="hemmelig", owner_password="ejer", algorithm="AES-128")
    path = tmp_path / "krypteret.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    return path


@pytest.fixture
def owner_only_encrypted_pdf(tmp_path: Path) -> Path:
    """Encrypted with an empty user password: readers open it without asking, so must we."""
    plain = write_pdf(tmp_path / "plain.pdf", DANISH_PAGES[:1])
    writer = PdfWriter(clone_from=PdfReader(plain))
    writer.encrypt(user_password="", owner_password="ejer", algorithm="AES-128")
    path = tmp_path / "kun-ejer.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    return path


@pytest.fixture
def scanned_pdf(tmp_path: Path) -> Path:
    """Two pages holding only an image, like a scan without OCR."""
    image = Image.new("RGB", (200, 100), (240, 240, 240))
    for x in range(20, 180):
        image.putpixel((x, 50), (0, 0, 0))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    pdf = FPDF()
    for _ in range(2):
        pdf.add_page()
        buffer.seek(0)
        pdf.image(buffer, x=10, y=10, w=150)
    path = tmp_path / "scannet.pdf"
    pdf.output(str(path))
    return path


@pytest.fixture
def corrupt_pdf(tmp_path: Path) -> Path:
    path = tmp_path / "beskadiget.pdf"
    path.write_bytes(
        b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n\x00\xff garbage"
    )
    return path


@pytest.fixture
def truncated_pdf(tmp_path: Path) -> Path:
    full = write_pdf(tmp_path / "full.pdf", DANISH_PAGES).read_bytes()
    path = tmp_path / "afkortet.pdf"
    path.write_bytes(full[: len(full) // 3])
    return path


@pytest.fixture
def docx_file(tmp_path: Path) -> Path:
    document = docx.Document()
    document.core_properties.title = "Status på handleplanen"
    document.add_heading("Status på handleplanen", level=1)
    document.add_paragraph("Børne- og Ungeudvalget orienteres om fremdriften.")
    document.add_heading("Økonomi", level=2)
    table = document.add_table(rows=3, cols=2)
    for row, (label, amount) in zip(
        table.rows,
        [("Indsats", "Beløb"), ("Videndeling", "600.000 kr."), ("Evaluering", "1,5 mio. kr.")],
        strict=True,
    ):
        row.cells[0].text = label
        row.cells[1].text = amount
    document.add_paragraph("Handleplanen skal være godkendt senest september 2021.")
    path = tmp_path / "status.docx"
    document.save(str(path))
    return path


AGENDA_HTML = """<!DOCTYPE html>
<html lang="da">
<head>
  <meta charset="utf-8">
  <title>Dagsorden - Børne- og Ungeudvalget - Aarhus Kommune</title>
  <style>body { font-family: sans-serif; }</style>
  <script>window.dataLayer = [{"side": "dagsorden"}];</script>
</head>
<body>
  <a class="skip-link" href="#indhold">Gå til indhold</a>
  <header class="site-header"><img src="logo.png" alt="Aarhus Kommune"> Selvbetjening</header>
  <nav aria-label="Hovedmenu"><ul><li>Forside</li><li>Politik og indflydelse</li></ul></nav>
  <div id="cookie-consent" class="cookie-banner">
    <p>Vi bruger cookies til statistik.</p><button>Accepter alle</button>
  </div>
  <ol class="breadcrumb"><li>Forside</li><li>Udvalg</li><li>Dagsorden</li></ol>
  <div class="mega-menu"><a href="/a">Borger</a> <a href="/b">Erhverv</a></div>
  <main id="indhold">
    <h1>568. Status på Task Force-projektet</h1>
    <h2>Beslutningstema</h2>
    <p>Børne- og Ungeudvalget orienteres om fremdrift og status.<br>Sagen er åben.</p>
    <h2>Økonomiske konsekvenser</h2>
    <table>
      <tr><th>År</th><th>Beløb</th></tr>
      <tr><td>2021</td><td>1,5 mio. kr.</td></tr>
      <tr><td>2022</td><td>600.000 kr.</td></tr>
    </table>
    <h3>Bilag</h3>
    <ul><li>Bilag 1: Statusrapport</li><li>Bilag 2: Udviklingsplan</li></ul>
  </main>
  <aside class="related">Se også: Andre nyheder</aside>
  <footer><p>Aarhus Kommune, Rådhuspladsen 2, 8000 Aarhus C</p></footer>
  <div role="contentinfo">Tilgængelighedserklæring</div>
</body>
</html>
"""


@pytest.fixture
def agenda_html(tmp_path: Path) -> Path:
    path = tmp_path / "dagsorden.html"
    path.write_text(AGENDA_HTML, encoding="utf-8")
    return path


@pytest.fixture
def danish_pages() -> list[list[str]]:
    """The body lines of `danish_pdf`, page by page (tests import nothing from conftest)."""
    return DANISH_PAGES


@pytest.fixture
def running_header() -> str:
    return HEADER


@pytest.fixture
def corpus_dir() -> Path:
    return CORPUS
