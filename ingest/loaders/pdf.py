"""PDF loader: one text per physical page, so citations can name the page.

pypdf is pure Python and tolerant; we still treat every exception it raises as "this file is
broken" (one bad file must never stop a folder ingest), and a page that fails to extract becomes
an empty page instead of losing the rest of the document.
"""

from __future__ import annotations

import io
import logging
import re
from pathlib import Path

from pypdf import PageObject, PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError

from ingest.chunking import ABBREVIATIONS
from ingest.loaders.pdf_headings import (
    LineStyles,
    StyledLine,
    body_style,
    page_headings,
    set_headings_apart,
    shown_titles,
)
from ingest.models import TABLE_CELL_SEPARATOR, IngestError, LoadedFile

log = logging.getLogger(__name__)

# Titles that PDF producers write by default and that say nothing about the document.
_USELESS_TITLE = re.compile(
    r"^(untitled|unavngivet|uden titel|dokument\d*|document\d*|microsoft word\b.*|"
    r"powerpoint.*|slide \d+|titel|title|\W*)$",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_]{2,}")
_FILE_NAME = re.compile(r"\.(docx?|pdf|xlsx?|pptx?|rtf|odt|txt|html?)$", re.IGNORECASE)


def meaningful_title(raw: object) -> str | None:
    """Return the metadata title if it looks like a real title, else None."""
    if not isinstance(raw, str):
        return None
    title = " ".join(raw.replace("\x00", "").split())
    if len(title) < 3 or not re.search(r"[A-Za-zÆØÅæøå]", title):
        return None
    if _USELESS_TITLE.match(title) or _FILE_NAME.search(title):
        return None
    return title


def _open(data: bytes) -> PdfReader:
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
    except Exception as exc:  # pypdf raises many exception types on broken files
        raise IngestError(f"corrupt PDF: {_short(exc)}", f"beskadiget PDF: {_short(exc)}") from exc
    if reader.is_encrypted:
        try:
            opened = reader.decrypt("")
        except (DependencyError, FileNotDecryptedError, NotImplementedError) as exc:
            raise IngestError("encrypted PDF", "krypteret PDF (kræver adgangskode)") from exc
        except Exception as exc:
            raise IngestError("encrypted PDF", "krypteret PDF (kræver adgangskode)") from exc
        if not opened:
            raise IngestError("encrypted PDF", "krypteret PDF (kræver adgangskode)")
    return reader


def _short(exc: Exception) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:120]


def _page_texts(reader: PdfReader) -> tuple[list[str], list[str]]:
    """The pages' texts, and the first page's largest lines (`shown_titles`)."""
    try:
        pages = reader.pages
        count = len(pages)
    except Exception as exc:
        raise IngestError(f"corrupt PDF: {_short(exc)}", f"beskadiget PDF: {_short(exc)}") from exc
    texts: list[str] = []
    styles: list[list[StyledLine]] = []
    for index in range(count):
        visitor = LineStyles()
        try:
            text = pages[index].extract_text(visitor_text=visitor) or ""
        except Exception as exc:  # one broken page must not lose the others
            log.warning("page %d could not be extracted: %s", index + 1, _short(exc))
            text = ""
        styles.append(visitor.finish())
        texts.append(_with_table_cells(text, pages[index]))
    body = body_style([line for page in styles for line in page])
    heads = page_headings(styles, body)
    shown = shown_titles(styles[0], body, texts[0]) if styles else []
    apart = [set_headings_apart(text, page) for text, page in zip(texts, heads, strict=True)]
    return apart, shown


# Table rows of numbers: pypdf's plain text runs a row's cells together ("Damgårdstoften 65
# 53,0 36:24 371"); its layout mode keeps the columns apart. A line of the page's layout text
# with three or more cells (runs of 3+ spaces between them), two or more of them numbers after
# the first, is a table row: the same line of the plain text gets TABs between its cells.
_NUMERIC_ROW = re.compile(r"\d[\d.,:]*\s+[-+−]?\d[\d.,:]*\s+[-+−]?\d")
# a figure, with its percent sign or its unit ("1.450.000 kr.", "3,5 mio. kr.")
_NUMBER_CELL = re.compile(
    r"[-+−]?\d[\d.,:]*(?:\s*[-–/]\s*\d[\d.,:]*)?"  # a range or a split: "9,8-11,4", "12 / 32"
    r"\s*(?:%|(?:(?:mio|mia|t)\.\s*)?kr\.?)?"
)


_UNIT_OR_YEAR = re.compile(r"\((?:1\.000|mio\.|mia\.|t\.)?\s*kr\.?\)|\b(?:19|20)\d\d\b", re.I)


def _names_columns(cells: list[str]) -> bool:
    """Column names: no row label with a number (a unit, "(1.000 kr.)", or a year aside), no
    cell that is one."""
    label = _UNIT_OR_YEAR.sub("", cells[0])
    return not any(ch.isdigit() for ch in label) and not any(
        _NUMBER_CELL.fullmatch(c) for c in cells
    )


def _justified_prose(cells: list[str]) -> bool:
    """A justified paragraph's line: its layout text spreads every word apart ("på    3,5
    mio.    kr.    i    2025    til    projektering"), so each "cell" is one word and the
    words outnumber the numbers; a table row's cells after its label are mostly figures."""
    words = [
        c for c in cells if " " not in c and not _NUMBER_CELL.fullmatch(c) and c not in _NIL_CELLS
    ]
    return len(words) > len(cells) / 2


# a dash in a column of figures is an empty cell ("Ladeinfrastruktur  5,8  -  -  -  5,8"), no
# word of a justified line
_NIL_CELLS = frozenset("-–—")


_Cell = tuple[int, int, str]  # start and end column in the layout line, and its text
MAX_HEADER_LINES = 3  # "Korrigeret" / "budget 2023": a header cell wrapped over lines
# plain-text lines one table row may take (a line per cell, wrapped cells: eight column
# names over three lines)
MAX_ROW_LINES = 24


_CELL = re.compile(r"\S+(?: {1,2}\S+)*")  # cells are apart by runs of three or more spaces


def _cells(line: str) -> list[_Cell]:
    """The layout line's cells with their columns."""
    return [(m.start(), m.end(), " ".join(m.group(0).split())) for m in _CELL.finditer(line)]


# layout mode may set two column names flush ("Korrigeret budgetForventet regnskab"): a
# lower-case letter straight before an upper-case one is where the second name starts
_GLUED = re.compile(r"(?<=[a-zæøå])(?=[A-ZÆØÅ][a-zæøå])")


def _unglued(line: list[_Cell]) -> list[_Cell]:
    """The line's cells with flush column names apart, each at its own column."""
    out: list[_Cell] = []
    for a, _end, text in line:
        cuts = [0, *(m.start() for m in _GLUED.finditer(text)), len(text)]
        out += [(a + i, a + j, text[i:j].strip()) for i, j in zip(cuts, cuts[1:], strict=False)]
    return out


def _header_above(lines: list[list[_Cell]], row: list[_Cell]) -> list[str] | None:
    """The column names above a table's first row, their cells wrapped over up to three
    layout lines ("Korrigeret" over "budget 2023"): each piece joins the column whose row
    cell is nearest; None unless every column gets a name and none is a number. Names set
    flush against each other are tried apart when they do not fit together."""
    header = _names_above(lines, row)
    if header is None and any(_GLUED.search(t) for line in lines for _, _, t in line):
        header = _names_above([_unglued(line) for line in lines], row)
    return header


def _ends_clause(text: str) -> bool:
    """A cell that ends as prose does ("," ";" or a full stop), not as an abbreviation of a
    column name ("Nr.", "Beløb i kr.")."""
    if text.endswith((",", ";")):
        return True
    words = text.split()
    return text.endswith(".") and words[-1].rstrip(".").lower() not in ABBREVIATIONS


def _column_of(row: list[_Cell], centres: list[float], a: int, b: int) -> int:
    """The row's column a name piece from column `a` to `b` heads: the one it starts with
    (a long text cell set left, "Bemærkning" over "Kræver erhvervelse af …"), or ends with
    (a figure set right), else the nearest by centre."""
    for edge, k in ((a, 0), (b, 1)):
        near = min(range(len(row)), key=lambda n: abs(row[n][k] - edge))
        if abs(row[near][k] - edge) <= ALIGN_SLACK:
            return near
    return min(range(len(row)), key=lambda n: abs(centres[n] - (a + b) / 2))


def _names_above(lines: list[list[_Cell]], row: list[_Cell]) -> list[str] | None:
    if not lines or len(lines) > MAX_HEADER_LINES:
        return None
    if len(lines) == 1 and len(lines[0]) == len(row):
        # one line with a name for each column: they are the columns in order, however
        # each is aligned (names left, figures right)
        header = [text for _, _, text in lines[0]]
        prose = any(len(t) > 40 or _ends_clause(t) for t in header)
        return None if prose or not _names_columns(header) else header
    centres = [(a + b) / 2 for a, b, _ in row]
    names: list[list[str]] = [[] for _ in row]
    for n, line in enumerate(lines):
        for a, b, text in line:
            # a name wrapped after its comma ("Årlig driftsudgift," / "netto (mio. kr.)")
            wraps = n + 1 < len(lines) and text.endswith(",")
            if len(text) > 40 or (_ends_clause(text) and not wraps):
                return None  # prose above the table
            column = _column_of(row, centres, a, b)
            if a <= row[0][1] and column != 0 and a < row[1][0] - 1:
                column = 0  # a row label column starts at the margin
            names[column].append(text)
    header = [" ".join(parts) for parts in names]
    return header if all(header) and _names_columns(header) else None


def _table_rows(layout: str) -> dict[str, str]:
    """Rows of a page's layout text: the line's words -> the line with TABs between cells.
    The lines right above a table's first row are its header when they name every column and
    hold no numbers ("Område | Budget (mio. kr.) | Forventet (mio. kr.) | Afvigelse"); a name
    wrapped over two lines is one cell."""
    rows: dict[str, str] = {}
    above: list[list[_Cell]] = []  # the non-row lines since the last blank run before a row
    in_table = False
    last: list[_Cell] = []  # the last row's cells, its label growing by its wrapped lines
    for line in layout.splitlines():
        if not line.strip():
            if not in_table and above and above[-1]:
                above.append([])  # a blank line closes the run above
            last = []  # a label wraps onto the line right under its row, never past a gap
            continue
        found = _cells(line)
        cells = [text for _, _, text in found]
        numbers = sum(bool(_NUMBER_CELL.fullmatch(c)) for c in cells[1:])
        row = len(cells) >= 3 and numbers >= 2 and not _justified_prose(cells)
        if in_table and not row and _wraps_label(found, last):
            # "Leverandør," + "implementering" + "(Nordsag)": the label cell wrapped under
            # its row's first line; the plain text has the whole label before the figures
            rows.pop(" ".join(t for _, _, t in last), None)
            a, b, label = last[0]
            last = [(a, max(b, found[0][1]), f"{label} {found[0][2]}"), *last[1:]]
            cells = [t for _, _, t in last]
            rows[" ".join(cells)] = TABLE_CELL_SEPARATOR.join(cells)
            continue
        if row:
            last = found
            rows[" ".join(cells)] = TABLE_CELL_SEPARATOR.join(cells)
            if not in_table:
                run = above[: len(above) - 1] if above and not above[-1] else above
                start = max((i + 1 for i, cs in enumerate(run) if not cs), default=0)
                names = run[start:]
                # the most lines right above the row that name its columns: a caption
                # ("Tabel 2. Udvalgte nøgletal") or a footnote's number above them is no part
                header = next(
                    (
                        found_names
                        for k in range(min(len(names), MAX_HEADER_LINES), 0, -1)
                        if (found_names := _header_above(names[-k:], found)) is not None
                    ),
                    None,
                )
                if header is not None:
                    rows[" ".join(header)] = TABLE_CELL_SEPARATOR.join(header)
            above = []
        else:
            above = (above + [found])[-(MAX_HEADER_LINES + 2) :]
        in_table = row
    return rows


def _wraps_label(line: list[_Cell], row: list[_Cell]) -> bool:
    """A line of one short cell standing in the label column of the row above, clear of its
    figures: the label's next line."""
    if len(line) != 1 or len(row) < 2:
        return False
    a, b, text = line[0]
    return (
        abs(a - row[0][0]) <= ALIGN_SLACK
        and b < row[1][0]
        and len(text) <= MAX_NAME_CHARS
        and not _NUMBER_CELL.fullmatch(text)
    )


_LETTER = re.compile(r"[A-Za-zÆØÅæøå]")
ALIGN_SLACK = 2  # columns a left-aligned cell may stand off its column name's start
MAX_NAME_CHARS = 40  # a column name is short: a longer cell is prose


def _aligned_rows(layout: str) -> list[dict[str, str]]:
    """Text tables in a page's layout text, each as its rows (words -> cells): a line of
    three or more short column names ("Nr. | Initiativ | Ansvarlig | Frist | Status"), or two
    over a column of figures ("Post | Mio. kr."), then two or more lines whose cells each
    start where a column name starts (or end where it ends). A line holding only later
    columns continues the row above (a cell wrapped onto a second line, "(facade, vinduer og
    ventilation)")."""
    tables: list[dict[str, str]] = []
    lines = layout.splitlines()
    i = 0
    while i < len(lines):
        names = _cells(lines[i])
        spans = [(a, b) for a, b, _ in names]
        if len(names) < 2 or any(
            len(t) > MAX_NAME_CHARS or t.endswith((",", ";")) or not _LETTER.search(t)
            for _, _, t in names
        ):  # column names are short words ("1. | Generelt | 2" is a line of contents)
            i += 1
            continue
        body: list[list[str]] = []
        j = end = i + 1
        while j < len(lines):
            if not lines[j].strip():
                j += 1  # rows drawn apart
                continue
            columns = _columns(_cells(lines[j]), spans)
            short = columns is not None and sum(map(bool, columns)) < 3 and not _total(columns)
            if columns is None or (columns[0] and short):
                break  # prose again, or a line that is no row of this table
            if columns[0]:
                body.append(columns)
            elif body:  # a wrapped cell: its words join the row above, column by column
                body[-1] = [
                    " ".join(filter(None, pair)) for pair in zip(body[-1], columns, strict=True)
                ]
            else:
                break
            j = end = j + 1
        # two columns only when the second holds figures ("Post" | "Mio. kr."): a pair of
        # words side by side is no table
        figures = len(names) >= 3 or all(_NUMBER_CELL.fullmatch(row[1]) for row in body)
        if len(body) >= 2 and figures:
            table = {}
            for row in [[t for _, _, t in names], *body]:
                cells = [c for c in row if c]
                table[" ".join(cells)] = TABLE_CELL_SEPARATOR.join(cells)
            tables.append(table)
            i = end
        else:
            i += 1
    return tables


def _columns(found: list[_Cell], spans: list[tuple[int, int]]) -> list[str] | None:
    """The line's cells placed under the column names they start at, or end at (figures set
    right, "640.000" under "Beløb (kr.)"); None when a cell stands under no column name."""
    row = [""] * len(spans)
    for a, b, text in found:
        k = min(range(len(spans)), key=lambda n: abs(spans[n][0] - a))
        if abs(spans[k][0] - a) > ALIGN_SLACK:
            k = min(range(len(spans)), key=lambda n: abs(spans[n][1] - b))
            if abs(spans[k][1] - b) > ALIGN_SLACK:
                return None
        if row[k]:
            return None
        row[k] = text
    return row


def _total(columns: list[str]) -> bool:
    """A label and figures only, some cells empty: a total row ("I alt" | "" | "2.000.000")."""
    return any(_NUMBER_CELL.fullmatch(c) for c in columns[1:] if c)


def _with_table_cells(text: str, page: PageObject) -> str:
    """The page's text with its table rows' cells TAB-separated (unchanged if the layout
    extraction fails or finds none)."""
    try:
        layout = page.extract_text(extraction_mode="layout") or ""
    except Exception:  # layout mode is a refinement; the plain text stands on its own
        return text
    numeric = _table_rows(layout)
    tables = _aligned_rows(layout)
    rows = numeric | {key: row for table in tables for key, row in table.items()}
    if not rows:
        return text
    out, found = _replace_rows(text, rows)
    # a text table whose rows the plain text does not hold one after another (cells
    # interleaved, blank lines inside a row) stays as the plain text has it: a header made a
    # row above loose lines would read as a table without rows
    partial = [table for table in tables if not found.issuperset(table)]
    if partial:
        keep = numeric | {
            key: row for table in tables if table not in partial for key, row in table.items()
        }
        out, _ = _replace_rows(text, keep)
    return out


def _replace_rows(text: str, rows: dict[str, str]) -> tuple[str, set[str]]:
    """`text` with each run of lines whose words are a row's replaced by that row; and the
    rows found."""
    lines = text.split("\n")
    out: list[str] = []
    found: set[str] = set()
    # the layout text may glue two cells ("… PlantageHolmegaard MTB") where the plain text
    # has a line per cell: the row is still found, its cells are the plain text's lines
    glued = {"".join(key.split()): key for key in rows}
    i = 0
    while i < len(lines):
        # a row is one line or several (a line per cell, a wrapped header): the longest run
        for k in range(min(MAX_ROW_LINES, len(lines) - i), 0, -1):
            if k > 1 and not all(line.strip() for line in lines[i : i + k]):
                continue  # a blank line is no part of a row
            key = " ".join(" ".join(lines[i : i + k]).split())
            near = glued.get("".join(key.split())) if k > 1 and key not in rows else None
            if key in rows or near is not None:
                row = rows[key] if key in rows else rows[near]
                if near is not None and row.count(TABLE_CELL_SEPARATOR) + 1 < k:
                    row = TABLE_CELL_SEPARATOR.join(line.strip() for line in lines[i : i + k])
                out.append(row)
                found.add(key if key in rows else near)
                i += k
                break
        else:
            out.append(lines[i])
            i += 1
    return "\n".join(out), found


def _title(reader: PdfReader) -> str | None:
    try:
        metadata = reader.metadata
        return meaningful_title(metadata.get("/Title")) if metadata else None
    except Exception:
        return None


def load_pdf(path: Path) -> LoadedFile:
    """Read a PDF page by page; raise `IngestError` for corrupt, encrypted or image-only files."""
    data = path.read_bytes()
    reader = _open(data)
    pages, shown = _page_texts(reader)
    if not pages:
        raise IngestError("corrupt PDF: no pages", "beskadiget PDF: ingen sider")
    # A scan often carries a stamped page number or a few stray glyphs: no words means no text.
    if not any(_WORD.search(page) for page in pages):
        raise IngestError(
            "no text layer; OCR is not supported",
            "PDF'en har intet tekstlag (scannet billede); OCR understøttes ikke",
        )
    return LoadedFile(
        path=str(path), kind="pdf", pages=pages, title_hint=_title(reader), shown_titles=shown
    )
