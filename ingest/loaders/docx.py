"""DOCX loader: paragraphs and tables in document order, one paragraph per line block.

Headings come from Word's heading styles (with their level), numbered and bulleted paragraphs
are list items, and tables are rows of TAB-separated cells, so amounts in budget tables stay
next to their labels.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.oxml.table import CT_Row
from docx.table import Table
from docx.text.paragraph import Paragraph

from ingest.blocks import render_blocks
from ingest.loaders.fields import field_blocks, field_label
from ingest.loaders.pdf import meaningful_title
from ingest.models import TABLE_CELL_SEPARATOR, IngestError, LoadedFile, RawBlock

_HEADING_STYLES = ("heading", "overskrift", "title", "titel")
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# A cover page's title lines: large type (body text is 10-12 pt) and short.
COVER_TITLE_POINTS = 14.0
COVER_LINE_CHARS = 120
MAX_COVER_BLOCKS = 3  # a letterhead or two before the title


def _roman(number: int) -> str:
    numerals = (
        (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
        (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
    )  # fmt: skip
    out = ""
    for value, numeral in numerals:
        while number >= value:
            out, number = out + numeral, number - value
    return out


def _letters(number: int) -> str:
    return chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)


_FORMATS = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "lowerLetter": _letters,
    "upperLetter": lambda n: _letters(n).upper(),
    "lowerRoman": _roman,
    "upperRoman": lambda n: _roman(n).upper(),
}


class _Numbering:
    """Rebuilds Word's automatic list numbers ("1.", "a)") that paragraph.text leaves out.

    Numbered headings ("1. Personlig og faglig opkvalificering") are how the structure step
    finds initiatives, so the numbers must be in the text.
    """

    def __init__(self, document: DocxDocument) -> None:
        self.abstract_of: dict[str, str] = {}
        self.levels: dict[tuple[str, int], tuple[int, str, str]] = {}
        self.start_override: dict[tuple[str, int], int] = {}
        self.counters: dict[str, list[int]] = {}
        try:
            root = document.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            return
        for abstract in root.iter(f"{_W}abstractNum"):
            abstract_id = abstract.get(f"{_W}abstractNumId")
            for level in abstract.iter(f"{_W}lvl"):
                ilvl = int(level.get(f"{_W}ilvl", "0"))
                start = _val(level.find(f"{_W}start"), "1")
                fmt = _val(level.find(f"{_W}numFmt"), "decimal")
                text = _val(level.find(f"{_W}lvlText"), "")
                self.levels[(abstract_id, ilvl)] = (int(start or 1), fmt, text)
        for num in root.iter(f"{_W}num"):
            num_id = num.get(f"{_W}numId")
            self.abstract_of[num_id] = _val(num.find(f"{_W}abstractNumId"), "")
            for override in num.iter(f"{_W}lvlOverride"):
                start = override.find(f"{_W}startOverride")
                if start is not None:
                    ilvl = int(override.get(f"{_W}ilvl", "0"))
                    self.start_override[(num_id, ilvl)] = int(_val(start, "1"))

    def label(self, paragraph: Paragraph) -> str | None:
        num_id, ilvl = _num_properties(paragraph)
        if num_id is None or num_id == "0" or num_id not in self.abstract_of:
            return None
        abstract_id = self.abstract_of[num_id]
        if (abstract_id, ilvl) not in self.levels:
            return None
        counts = self.counters.setdefault(num_id, [0] * 10)
        ilvl = min(ilvl, 9)
        counts[ilvl] += 1
        for deeper in range(ilvl + 1, 10):
            counts[deeper] = 0
        _, fmt, text = self.levels[(abstract_id, ilvl)]
        if fmt == "bullet":
            return "-"
        if fmt == "none":
            return None

        def number(level: int) -> str:
            start, level_fmt, _ = self.levels.get((abstract_id, level), (1, "decimal", ""))
            start = self.start_override.get((num_id, level), start)
            value = start + max(counts[level], 1) - 1
            return _FORMATS.get(level_fmt, str)(value)

        label = text or f"%{ilvl + 1}."
        for level in range(9, -1, -1):
            label = label.replace(f"%{level + 1}", number(level))
        return label.strip() or None


def _val(element: object, default: str) -> str:
    if element is None:
        return default
    return element.get(f"{_W}val", default)  # type: ignore[attr-defined]


def _num_properties(paragraph: Paragraph) -> tuple[str | None, int]:
    """numId and level from the paragraph, else from its style chain."""
    candidates = [paragraph._p.pPr]
    try:
        style = paragraph.style
        while style is not None:
            candidates.append(style.element.pPr)
            style = style.base_style
    except (KeyError, ValueError, AttributeError):
        pass
    num_id: str | None = None
    ilvl: int | None = None
    for ppr in candidates:
        if ppr is None:
            continue
        num_pr = ppr.find(f"{_W}numPr")
        if num_pr is None:
            continue
        if num_id is None:
            num_id = _val(num_pr.find(f"{_W}numId"), "") or None
        if ilvl is None and num_pr.find(f"{_W}ilvl") is not None:
            ilvl = int(_val(num_pr.find(f"{_W}ilvl"), "0"))
        if num_id is not None and ilvl is not None:
            break
    return num_id, ilvl or 0


def _style_name(paragraph: Paragraph) -> str:
    try:
        return (paragraph.style.name or "").lower() if paragraph.style is not None else ""
    except (KeyError, ValueError, AttributeError):
        return ""


def _paragraph_text(paragraph: Paragraph) -> str:
    # Soft line breaks inside a paragraph stay line breaks.
    return "\n".join(line.strip() for line in paragraph.text.splitlines() if line.strip())


_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _names_only(tr: CT_Row) -> bool:
    """A row of words and years: no figure a data row would hold."""
    text = " ".join(tc.xpath("string(.)") for tc in tr.tc_lst)
    return not _DIGIT.search(_YEAR.sub("", text))


def _header_band(table: Table) -> int:
    """How many top rows name the columns together with the row below them.

    A budget annex often heads its figures in two rows: "Projekt | Anlægsudgift fordelt på år
    (t.kr.) | I alt" over "2026 | 2027 | 2028", the outer cells merged down. Read as rows, the
    upper one is a row of its own that answers nothing and hides which row names the columns.
    The band is the top rows whose merged cells continue into the row below, all of words and
    years."""
    trs = table._tbl.tr_lst
    band = 0
    while (
        band + 1 < len(trs)
        and any(tc.vMerge == "continue" for tc in trs[band + 1].tc_lst)
        and _names_only(trs[band])
        and _names_only(trs[band + 1])
    ):
        band += 1
    return band


def _group_labels(table: Table, band: int) -> list[str]:
    """The texts of the band's cells that span several columns ("Anlægsudgift fordelt på år
    (t.kr.)"): written above the table, since no one column is named by them."""
    labels = []
    for tr in table._tbl.tr_lst[:band]:
        for tc in tr.tc_lst:
            text = " ".join(tc.xpath("string(.)").split())
            if tc.grid_span > 1 and tc.vMerge is None and text:
                labels.append(text)
    return labels


def table_blocks(table: Table) -> list[RawBlock]:
    """A table's blocks: a line for the labels of a merged header's upper rows, then its rows
    from the row that names the columns."""
    band = _header_band(table)
    labels = _group_labels(table, band)
    rows = table_rows(table)
    blocks = [RawBlock("prose", " – ".join(labels))] if labels else []
    return blocks + [RawBlock("table_row", row) for row in rows[band:]]


def table_rows(table: Table) -> list[str]:
    """A table as rows of TAB-separated cells; merged cells are written once."""
    rows: list[str] = []
    for row in table.rows:
        cells: list[str] = []
        seen: set[int] = set()
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            text = " ".join(cell.text.split())
            nested = [line for inner in cell.tables for line in table_rows(inner)]
            if nested:
                text = " ".join([text, *nested]).strip()
            if text:
                cells.append(text)
        if cells:
            rows.append(TABLE_CELL_SEPARATOR.join(cells))
    return rows


def _body_elements(body: object) -> list:  # type: ignore[type-arg]
    """Body children in order, looking inside content controls (w:sdt) for their paragraphs."""
    elements = []
    for child in body.iterchildren():  # type: ignore[attr-defined]
        if child.tag == f"{_W}sdt":
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                elements.extend(_body_elements(content))
        else:
            elements.append(child)
    return elements


def _heading_level(paragraph: Paragraph) -> int:
    """1-6 for Word's heading styles ("Heading 2", "Overskrift 2", "Title"), else 0."""
    style = _style_name(paragraph)
    if not style.startswith(_HEADING_STYLES):
        return 0
    digits = re.search(r"\d", style)
    return min(int(digits.group()), 6) if digits else 1


def _font_points(paragraph: Paragraph) -> float:
    """The largest font size the paragraph is written in: its runs', else its style's."""
    sizes = [run.font.size.pt for run in paragraph.runs if run.font.size is not None]
    if not sizes:
        try:
            style = paragraph.style
            while style is not None and not sizes:
                if style.font is not None and style.font.size is not None:
                    sizes.append(style.font.size.pt)
                style = style.base_style
        except (KeyError, ValueError, AttributeError):
            pass
    return max(sizes, default=0.0)


def _cover_title(blocks: list[RawBlock], paragraph: Paragraph, text: str) -> bool:
    """A cover page's second title line joins the first: a "Subtitle" paragraph right after
    the "Title" ("OS2compliance" + "Løsningsbeskrivelse"), or a run of large-type lines before
    any other text ("OS2faktor Login" in 24 pt + "Exit Strategi" in 16 pt)."""
    style = _style_name(paragraph)
    if len(text) > COVER_LINE_CHARS or "\n" in text:
        return False
    if style.startswith(("subtitle", "undertitel")):  # after a letterhead line or two, too
        if blocks and blocks[-1].kind == "heading" and len(blocks) <= MAX_COVER_BLOCKS:
            blocks[-1] = RawBlock("heading", f"{blocks[-1].text} – {text}", blocks[-1].level)
            return True
        return False
    if _font_points(paragraph) < COVER_TITLE_POINTS or _heading_level(paragraph):
        return False
    if not blocks:
        blocks.append(RawBlock("heading", text, 1))
        return True
    if len(blocks) == 1 and blocks[0].kind == "heading" and blocks[0].level == 1:
        blocks[0] = RawBlock("heading", f"{blocks[0].text} – {text}", 1)
        return True
    return False


def _run_in_field(paragraph: Paragraph) -> tuple[str, str] | None:
    """(field, body) of a paragraph that opens with a bold case field label ("**Beslutning:**
    Godkendt. For stemte: …"; see `ingest.loaders.fields`)."""
    runs = [run for run in paragraph.runs if run.text.strip()]
    if len(runs) < 2 or not runs[0].bold:
        return None
    bold = ""
    for run in runs:
        if not run.bold:
            break
        bold += run.text
    label = bold.strip()
    name = field_label(label)
    if name is None:
        return None
    text = _paragraph_text(paragraph)
    body = text[text.find(label) + len(label) :].strip() if label in text else ""
    return (name, body) if body else None


def _blocks(document: DocxDocument) -> tuple[list[RawBlock], str | None]:
    blocks: list[RawBlock] = []
    first_heading: str | None = None
    numbering = _Numbering(document)
    item_level = 1  # the level of the last styled heading
    for child in _body_elements(document.element.body):
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = Paragraph(child, document)
            text = _paragraph_text(paragraph)
            if not text:
                continue
            label = numbering.label(paragraph)
            level = _heading_level(paragraph)
            if label and not (level and label == "-"):
                text = f"{label} {text}"
            if (
                not label
                and len(blocks) <= MAX_COVER_BLOCKS
                and _cover_title(blocks, paragraph, text)
            ):
                first_heading = next(b.text for b in blocks if b.kind == "heading")
                continue
            field = None if (level or label) else _run_in_field(paragraph)
            if level:
                text = " ".join(text.split())
                first_heading = first_heading or text
                blocks.append(RawBlock("heading", text, level))
                item_level = level
            elif field is not None:
                blocks.extend(field_blocks(*field, item_level))
            elif label == "-" or (label and len(text) < 300):
                blocks.append(RawBlock("list_item", text))
            else:
                blocks.append(RawBlock("prose", text))
        elif tag == "tbl":
            blocks.extend(table_blocks(Table(child, document)))
    return blocks, first_heading


def load_docx(path: Path) -> LoadedFile:
    """Read a Word document into one page of text."""
    try:
        document = docx.Document(str(path))
        blocks, first_heading = _blocks(document)
        core_title = meaningful_title(document.core_properties.title)
    except FileNotFoundError:
        raise
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise IngestError(f"corrupt DOCX: {exc}", "beskadiget Word-dokument") from exc
    except Exception as exc:  # python-docx/lxml raise varied errors on broken archives
        raise IngestError(f"corrupt DOCX: {exc}", "beskadiget Word-dokument") from exc
    text = render_blocks(blocks)
    if not text.strip():
        raise IngestError("no text in document", "dokumentet indeholder ingen tekst")
    return LoadedFile(
        path=str(path),
        kind="docx",
        pages=[text],
        title_hint=core_title or first_heading,
        blocks=blocks,
    )
