"""Clean raw page texts into one document text with page spans.

Line breaks are kept (the structure step reads headings as lines); everything else that PDF
extraction and document-hosting sites add is removed: ligatures, odd spaces, soft hyphens, words
split at line ends, running headers and footers, bare page numbers, hosting-site boilerplate and
"related documents" lists. Web transcripts of PDFs carry their page numbers inside the text; we
turn those into page boundaries so a citation names the right page.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from dataclasses import replace

from ingest.blocks import assemble_blocks
from ingest.models import TABLE_CELL_SEPARATOR, CleanText, LoadedFile, PageSpan, RawBlock
from ingest.reply_quotes import line_starts, strip_reply_markers
from ingest.text_tables import read_text_tables

PAGE_SEPARATOR = "\n\n"

# --- characters -------------------------------------------------------------------------------

_LIGATURES = str.maketrans(
    {
        "\ufb00": "ff",
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\ufb03": "ffi",
        "\ufb04": "ffl",
        "\ufb05": "st",
        "\ufb06": "st",
        "\u2011": "-",  # non-breaking hyphen
        "\u2028": "\n",
        "\u2029": "\n",
        "\f": "\n",
        "\v": "\n",
    }
)
_ODD_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_SOFT_HYPHEN_BREAK = re.compile(r"\u00ad[ \t]*\n[ \t]*")
_SPACES = re.compile(r" {2,}")
_MANY_NEWLINES = re.compile(r"\n{3,}")


def normalize_characters(text: str, min_cells: int = 3) -> str:
    """NFC, ligatures, odd spaces, soft hyphens; collapse spaces and strip every line."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _SOFT_HYPHEN_BREAK.sub("", text)  # "an\u00ad\nlæg" was one word
    text = text.translate(_LIGATURES)
    text = _INVISIBLE.sub("", text)
    text = _CONTROL.sub("", text)
    text = unicodedata.normalize("NFC", text)
    text = _ODD_SPACES.sub(" ", text)
    text = _SPACES.sub(" ", text)
    lines = [line.strip() for line in text.split("\n")]
    pairs = _two_column_runs(lines) if min_cells > 2 else set()
    return "\n".join(_cells(line, 2 if i in pairs else min_cells) for i, line in enumerate(lines))


# a figure with its unit, as a table's cell holds it ("1,6", "650.000 kr.", "40 %")
_FIGURE_CELL = re.compile(r"[-+−]?\d[\d.,:]*\s*(?:%|(?:(?:mio|mia)\.\s*)?kr\.?)?")
MIN_PAIR_ROWS = 3  # lines of a two-column table: its column names and two rows


def _two_column_runs(lines: list[str]) -> set[int]:
    """Runs of three or more lines of two TAB-separated cells, two or more of them ending in
    a figure: a two-column table the loader found ("Post" | "Mio. kr." over "Regnvandsbassin"
    | "1,6"). Two words a line sets apart come alone, not as such a run."""
    kept: set[int] = set()
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and _pair(lines[j]) is not None:
            j += 1
        figures = sum(bool(_FIGURE_CELL.fullmatch(_pair(lines[k])[1])) for k in range(i, j))
        if j - i >= MIN_PAIR_ROWS and figures >= 2:
            kept.update(range(i, j))
        i = max(j, i + 1)
    return kept


def _pair(line: str) -> tuple[str, str] | None:
    """The two cells of a line of exactly two non-empty TAB-separated cells, else None."""
    cells = [" ".join(cell.split()) for cell in line.split(TABLE_CELL_SEPARATOR)]
    return (cells[0], cells[1]) if len(cells) == 2 and all(cells) else None


def _cells(line: str, min_cells: int = 3) -> str:
    """A line of `min_cells` or more TAB-separated cells is a table row (a PDF row the loader
    found, a padded table of a text file): one TAB between its cells. Otherwise a TAB is a
    space. A PDF's two "cells" are too often a line's words set apart to count as a row."""
    if TABLE_CELL_SEPARATOR not in line:
        return line
    cells = [" ".join(cell.split()) for cell in line.split(TABLE_CELL_SEPARATOR)]
    cells = [cell for cell in cells if cell]
    if len(cells) < min_cells:
        return " ".join(cells)
    return TABLE_CELL_SEPARATOR.join(cells)


# --- tables whose cells a PDF gives one per line ----------------------------------------------

MAX_CELL_CHARS = 40  # a line this short may be one table cell
MAX_TABLE_COLUMNS = 8
_CELL_LINE = re.compile(rf"[^\t]{{1,{MAX_CELL_CHARS}}}")


def _is_cell(line: str) -> bool:
    """Short, and no sentence: a sentence ends in a full stop ("Godkendt."), a cell in a word,
    a figure or a unit ("kr.")."""
    return bool(_CELL_LINE.fullmatch(line)) and (
        not line.endswith(".") or line.lower().endswith("kr.")
    )


def _has_digit(line: str) -> bool:
    return any(ch.isdigit() for ch in line)


def join_cell_columns(text: str) -> str:
    """A table that pypdf reads one cell per line ("År" / "Anlægsudgift" / "Rådighedsbeløb" /
    "2026" / "kr. 9.800.000" / "kr. 9.800.000" / …) as rows of cells: its column names are
    the run's first lines without figures, and every following group of as many lines with
    figures in the same cells is a row. Fewer than three columns or two rows is no table."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and _is_cell(lines[j]):
            j += 1
        run = lines[i:j]
        width = next((k for k, line in enumerate(run) if _has_digit(line)), 0)
        rows = 0
        if 3 <= width <= MAX_TABLE_COLUMNS:
            shape = None  # which of a row's cells hold figures: the same in every row
            while (rows + 2) * width <= len(run):
                group = run[(rows + 1) * width : (rows + 2) * width]
                mask = [_has_digit(cell) for cell in group[1:]]
                if not any(mask) or (shape is not None and mask != shape):
                    break
                shape, rows = mask, rows + 1
        if rows >= 2:
            end = i + (rows + 1) * width
            out.extend(
                TABLE_CELL_SEPARATOR.join(lines[k : k + width]) for k in range(i, end, width)
            )
            i = end
        else:
            out.append(lines[i])
            i += 1
    return "\n".join(out)


# --- words hyphenated at line ends ------------------------------------------------------------

# "Børne- og Ungeudvalget": a hyphen before a conjunction is a real (suspended) hyphen.
_CONJUNCTIONS = frozenset({"og", "eller", "samt", "til", "el", "resp", "henholdsvis", "and", "or"})
_LINE_END_HYPHEN = re.compile(r"([^\W_]+)-\n([^\W_]+)")


def _join_hyphenated(match: re.Match[str]) -> str:
    before, after = match.group(1), match.group(2)
    if after.lower() in _CONJUNCTIONS:
        return f"{before}- {after}"
    if before[-1].isalpha() and after[0].islower() and not (len(before) >= 2 and before.isupper()):
        return f"{before}{after}"  # "an-\nlæg" -> "anlæg"
    # A real hyphen ("2021-\n2023", "LEAN-\nmanagement", "Nord-\nDanmark") stays where the
    # source put it, line break and all, so a quote across it is the source's own text;
    # `one_line` shows it whole.
    return match.group(0)


def join_hyphenated(text: str) -> str:
    """Join words split over a line break, keeping real hyphens."""
    return _LINE_END_HYPHEN.sub(_join_hyphenated, text)


_WRAPPED_HYPHEN = re.compile(r"(?<=[^\W_])-\n(?=[^\W_])")


def ends_in_wrapped_hyphen(line: str) -> bool:
    """The line ends inside a word wrapped at a real hyphen: the next line goes on with it."""
    return len(line) >= 2 and line[-1] == "-" and (line[-2].isalnum())


def one_line(text: str) -> str:
    """A text as a reader reads it on one line: each whitespace run one space, and a word
    wrapped at a real hyphen ("projektperioden 2025-\n28") whole again ("2025-28")."""
    return " ".join(_WRAPPED_HYPHEN.sub("-", text).split())


_PAGE_END_HYPHEN = re.compile(r"([^\W\d_]{2,})-$")
_PAGE_START_WORD = re.compile(r"^([a-zæøåäöüé]+)([^\n]*)")


def join_across_pages(pages: list[str]) -> list[str]:
    """Move the rest of a word split over a page break ("an-" | "læg ...") onto the first page."""
    pages = list(pages)
    for index in range(len(pages) - 1):
        end = _PAGE_END_HYPHEN.search(pages[index])
        start = _PAGE_START_WORD.match(pages[index + 1])
        if not end or not start or start.group(1) in _CONJUNCTIONS:
            continue
        pages[index] = pages[index][: end.end() - 1] + start.group(1)
        pages[index + 1] = pages[index + 1][start.end(1) :].lstrip(" ")
        if pages[index + 1].startswith("\n"):
            pages[index + 1] = pages[index + 1][1:]
    return pages


# A PDF's list bullet extracted on a line of its own ("–" then the point's text below it)
_LONE_BULLET = re.compile(
    r"^[ \t]*([-•·–▪►■◦‣●○□✓⁃➢\uf0b7\uf0a7])[ \t]*\n(?=[ \t]*[A-Za-zÆØÅæøå])", re.M
)


def join_lone_bullets(text: str) -> str:
    """Put a bullet extracted alone on its line in front of its point ("– Ny tidsplan …"),
    so the point reads as a list item; a lone dash before a figure (a table's empty cell)
    stays."""
    return _LONE_BULLET.sub(r"\1 ", text)


def tidy(text: str) -> str:
    return _MANY_NEWLINES.sub("\n\n", text).strip()


# --- PDF running headers, footers and page numbers --------------------------------------------

_PAGE_NUMBER_LINE = re.compile(
    r"^(?:(?:side|page|s\.)\s*)?\d{1,4}(?:\s*(?:af|of|/|\|)\s*\d{1,4})?$|^[-–—]\s*\d{1,4}\s*[-–—]$",
    re.IGNORECASE,
)
_LETTER_SPACED = re.compile(r"\b(\w) (?=\w\b)")  # "S i d e 1 | 11" as some PDFs print it
_EDGE_ZONE = 3  # lines at the top and bottom of a page where headers and footers live
_NUMBER_ZONE = 2


def _line_key(line: str) -> str:
    return " ".join(re.sub(r"\d+", "#", line.lower()).split())


def is_page_number_line(line: str) -> bool:
    return bool(_PAGE_NUMBER_LINE.match(_LETTER_SPACED.sub(r"\1", line.strip())))


def remove_running_lines(pages: list[str]) -> list[str]:
    """Drop lines repeated at the top or bottom of at least half the pages, and page numbers.

    A line that also stands in the middle of a page is text, not a running line: a heading
    such as "Beslutning" that happens to close a few pages.
    A running header is kept once, on the first page where it appears: it often carries the
    committee and meeting date that the metadata step looks for. Footers go everywhere.
    """
    page_lines = [page.split("\n") for page in pages]
    edges: list[tuple[list[int], list[int]]] = []
    numbers: list[list[int]] = []
    top_counts: Counter[str] = Counter()
    bottom_counts: Counter[str] = Counter()
    inside: set[str] = set()
    for lines in page_lines:
        filled = [i for i, line in enumerate(lines) if line.strip()]
        zone = min(_EDGE_ZONE, len(filled) // 2)  # short pages: top and bottom must not overlap
        top, bottom = filled[:zone], filled[len(filled) - zone :]
        edges.append((top, bottom))
        inside.update(_line_key(lines[i]) for i in filled[zone : len(filled) - zone])
        numbers.append(filled[:_NUMBER_ZONE] + filled[-_NUMBER_ZONE:])
        top_counts.update({_line_key(lines[i]) for i in top if len(lines[i]) <= 200})
        bottom_counts.update({_line_key(lines[i]) for i in bottom if len(lines[i]) <= 200})
    threshold = max(2, math.ceil(len(pages) / 2))
    running_top = {key for key, n in top_counts.items() if n >= threshold and key not in inside}
    running_bottom = {
        key for key, n in bottom_counts.items() if n >= threshold and key not in inside
    }
    if len(pages) < 2:
        running_top, running_bottom = set(), set()

    seen_headers: set[str] = set()
    drops: list[set[int]] = []
    for lines, (top, bottom), number_zone in zip(page_lines, edges, numbers, strict=True):
        drop: set[int] = set()
        running: set[int] = set()  # running lines, dropped or (a header, once) kept
        for i in number_zone:
            if is_page_number_line(lines[i]):
                drop.add(i)
        for i in top:
            key = _line_key(lines[i])
            if key in running_top and i not in drop:
                running.add(i)
                if key in seen_headers:
                    drop.add(i)
                seen_headers.add(key)
        for i in bottom:
            if _line_key(lines[i]) in running_bottom:
                running.add(i)
                drop.add(i)
        # the page number right below a running header ("Side 5" under the letterhead)
        rest = [
            i
            for i, line in enumerate(lines)
            if line.strip() and i not in drop and (i not in running or is_page_number_line(line))
        ]
        for i in rest[:_NUMBER_ZONE] + rest[-_NUMBER_ZONE:]:
            if is_page_number_line(lines[i]):
                drop.add(i)
        drops.append(drop)
    _peel_running_neighbours(page_lines, drops, threshold)
    return [
        "\n".join(line for i, line in enumerate(lines) if i not in drop)
        for lines, drop in zip(page_lines, drops, strict=True)
    ]


def _edge_neighbour(lines: list[str], drop: set[int], bottom: bool) -> int | None:
    """The first kept line inside a page's dropped edge lines (None when nothing was dropped
    at that edge)."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    order = list(reversed(filled)) if bottom else filled
    if not order or order[0] not in drop:
        return None
    return next((i for i in order if i not in drop), None)


def _peel_running_neighbours(
    page_lines: list[list[str]], drops: list[set[int]], threshold: int
) -> None:
    """A header that a PDF draws last is read after the footer ("Lyngmose Kommune" above
    "Side 3 af 9" on every page): the line right inside the dropped running lines, the same on
    at least half the pages, runs too, although the text also uses it elsewhere."""
    if len(page_lines) < 2:
        return
    for bottom in (True, False):
        for _ in range(_EDGE_ZONE):
            at = [
                _edge_neighbour(lines, drop, bottom)
                for lines, drop in zip(page_lines, drops, strict=True)
            ]
            keys = Counter(
                _line_key(lines[i])
                for lines, i in zip(page_lines, at, strict=True)
                if i is not None
            )
            running = {k for k, n in keys.items() if n >= threshold and k}
            if not running:
                break
            for lines, drop, i in zip(page_lines, drops, at, strict=True):
                if i is not None and _line_key(lines[i]) in running:
                    drop.add(i)


# --- document-hosting boilerplate -------------------------------------------------------------

_BOILERPLATE_LINE = re.compile(
    r"^(?:størrelse:\s*(?:\d+\s*)?px|starte visningen fra side:?\s*\d*|"
    r"download\s*[\"“”„«].*|download(?: pdf)?|rapport[eé]r (?:dette )?dokument|"
    r"indlejr(?: dokument)?|del dokument)$",
    re.IGNORECASE,
)
_TRANSCRIPT_MARKER = re.compile(r"^(?:transkript|transcript|transkription)\s*:?$", re.IGNORECASE)
_RELATED_MARKER = re.compile(
    r"^(?:relaterede|lignende|andre|related|similar)\s+(?:dokumenter|documents)\s*:?$",
    re.IGNORECASE,
)
_LONG_PARAGRAPH = 300  # a "related documents" list holds titles, never paragraphs this long


def _drop_related_list(lines: list[str], transcript_at: int | None) -> list[str]:
    start = next((i for i, line in enumerate(lines) if _RELATED_MARKER.match(line)), None)
    if start is None:
        return lines
    if transcript_at is not None and transcript_at > start:
        return lines[:start] + lines[transcript_at:]
    end = start + 1
    while end < len(lines) and len(lines[end]) < _LONG_PARAGRAPH:
        end += 1
    return lines[:start] + lines[end:]


def strip_hosting_boilerplate(text: str) -> tuple[str, str | None]:
    """Remove hosting-site furniture; return (text before transcript, transcript or None)."""
    lines = text.split("\n")
    transcript_at = next(
        (i for i, line in enumerate(lines) if _TRANSCRIPT_MARKER.match(line)), None
    )
    lines = _drop_related_list(lines, transcript_at)
    head: list[str] = []
    body: list[str] | None = None
    for line in lines:
        if _TRANSCRIPT_MARKER.match(line) and body is None:
            body = []
            continue
        if _BOILERPLATE_LINE.match(line):
            continue
        (head if body is None else body).append(line)
    return tidy("\n".join(head)), (tidy("\n".join(body)) if body is not None else None)


# --- page numbers inside web transcripts ------------------------------------------------------

# "3 af arbejdet ..." starts page 3; "2. Udvikling ..." is a numbered heading, never a page.
_LEADING_NUMBER = re.compile(r"^(\d{1,3})(?![\d.,:)/-])\s+(?=\S)")
_TRAILING_NUMBER = re.compile(r"(?:^|\s)(?:side\s+)?(\d{1,3})(?:\s+af\s+\d{1,3})?$", re.IGNORECASE)
# "... jf. bilag 3" ends with a number that is a reference, not a page.
_REFERENCE_BEFORE = re.compile(
    r"(?:bilag|punkt|pkt\.|nr\.|kapitel|afsnit|§|stk\.|figur|tabel)\s+\d{1,3}$", re.IGNORECASE
)
_MIN_PAGE_PARAGRAPH = 20


def _leading(paragraph: str) -> int | None:
    match = _LEADING_NUMBER.match(paragraph)
    if match and len(paragraph) >= _MIN_PAGE_PARAGRAPH:
        return int(match.group(1))
    return None


def _trailing(paragraph: str) -> int | None:
    match = _TRAILING_NUMBER.search(paragraph)
    if not match or len(paragraph) < _MIN_PAGE_PARAGRAPH or _REFERENCE_BEFORE.search(paragraph):
        return None
    return int(match.group(1))


def _in_sequence(candidates: list[int | None]) -> list[int | None]:
    """Keep the candidates that run 1, 2, 3 ... in order (one missing page tolerated)."""
    accepted: list[int | None] = [None] * len(candidates)
    expected: int | None = None
    for index, number in enumerate(candidates):
        if number is None:
            continue
        if (expected is None and number in (1, 2)) or (
            expected is not None and number in (expected, expected + 1)
        ):
            accepted[index] = number
            expected = number + 1
    return accepted


def _strip_leading(paragraph: str, number: int) -> str:
    match = _LEADING_NUMBER.match(paragraph)
    return paragraph[match.end() :] if match and int(match.group(1)) == number else paragraph


def _strip_trailing(paragraph: str, number: int) -> str:
    match = _TRAILING_NUMBER.search(paragraph)
    if match and int(match.group(1)) == number and not _REFERENCE_BEFORE.search(paragraph):
        return paragraph[: match.start()].rstrip()
    return paragraph


def split_transcript_pages(head: str, body: str, min_pages: int) -> list[tuple[int, str]] | None:
    """Split a transcript whose paragraphs start or end with page numbers into pages.

    Returns (page number, text) pairs, or None when no page sequence of `min_pages` is found.
    `head` (the text before the transcript, e.g. the title line) joins the first page.
    """
    paragraphs = [p for p in re.split(r"\n{2,}", body) if p.strip()]
    leading = _in_sequence([_leading(p) for p in paragraphs])
    trailing = _in_sequence([_trailing(p) for p in paragraphs])
    lead_count = sum(n is not None for n in leading)
    trail_count = sum(n is not None for n in trailing)
    use_leading = lead_count >= trail_count
    accepted = [n for n in (leading if use_leading else trailing) if n is not None]
    if len(accepted) < min_pages or (len(accepted) == 1 and accepted[0] != 1):
        return None

    pages: dict[int, list[str]] = {}
    if use_leading:
        current = 1
        for index, (paragraph, number) in enumerate(zip(paragraphs, leading, strict=True)):
            if number is not None:
                current = number
                paragraph = _strip_leading(paragraph, number)
            page_ends = index + 1 == len(paragraphs) or leading[index + 1] is not None
            if page_ends:
                # "... Side 2" at the end of page 2 is the same page number printed again.
                paragraph = _strip_trailing(paragraph, current)
            pages.setdefault(current, []).append(paragraph)
    else:
        buffer: list[str] = []
        last = 0
        for paragraph, number in zip(paragraphs, trailing, strict=True):
            if number is None:
                buffer.append(paragraph)
                continue
            buffer.append(_strip_trailing(paragraph, number))
            buffer[0] = _strip_leading(buffer[0], number)
            pages.setdefault(number, []).extend(buffer)
            buffer, last = [], number
        if buffer:
            pages.setdefault(last + 1, []).extend(buffer)

    result = [(number, tidy("\n\n".join(parts))) for number, parts in sorted(pages.items())]
    if head:
        first_number, first_text = result[0]
        result[0] = (first_number, tidy(f"{head}\n\n{first_text}"))
    return result


# --- assembly ---------------------------------------------------------------------------------


def assemble(pages: list[tuple[int, str]]) -> CleanText:
    """Join pages with a blank line; each span covers its page and the separator after it."""
    kept = [(number, text) for number, text in pages if text]
    if not kept:
        return CleanText(text="", pages=[PageSpan(number=1, start=0, end=0)])
    parts: list[str] = []
    spans: list[PageSpan] = []
    position = 0
    for index, (number, text) in enumerate(kept):
        piece = text + (PAGE_SEPARATOR if index < len(kept) - 1 else "")
        spans.append(PageSpan(number=number, start=position, end=position + len(piece)))
        parts.append(piece)
        position += len(piece)
    return CleanText(text="".join(parts), pages=spans)


def _normalized_block(block: RawBlock) -> RawBlock:
    cells = block.text.split(TABLE_CELL_SEPARATOR) if block.kind == "table_row" else [block.text]
    text = TABLE_CELL_SEPARATOR.join(normalize_characters(cell) for cell in cells)
    return RawBlock(block.kind, text, block.level)


def clean(loaded: LoadedFile) -> CleanText:
    """Clean a loaded file into text plus 1-based page spans covering the whole text."""
    if loaded.blocks is not None:
        return assemble_blocks([_normalized_block(b) for b in loaded.blocks])
    if loaded.kind == "text":
        unquoted = [strip_reply_markers(page) for page in loaded.pages]
        pages = [normalize_characters(read_text_tables(p), min_cells=2) for p, _ in unquoted]
        if any(quoted for _, quoted in unquoted):
            cleaned = _clean_pages(loaded.kind, pages)
            return replace(cleaned, seams=line_starts(cleaned.text))
    else:
        pages = [normalize_characters(page) for page in loaded.pages]
    return _clean_pages(loaded.kind, pages)


def _clean_pages(kind: str, pages: list[str]) -> CleanText:
    if kind == "pdf":
        pages = remove_running_lines(pages)
        cleaned = join_across_pages(
            [join_cell_columns(tidy(join_lone_bullets(join_hyphenated(page)))) for page in pages]
        )
        return assemble([(n, tidy(page)) for n, page in enumerate(cleaned, start=1)])

    text = tidy(join_hyphenated(PAGE_SEPARATOR.join(pages)))
    head, transcript = strip_hosting_boilerplate(text)
    if transcript is not None:
        split = split_transcript_pages(head, transcript, min_pages=1)
        if split:
            return assemble(split)
        return assemble([(1, tidy(f"{head}\n\n{transcript}"))])
    # No transcript marker: only a long, clean page sequence counts as page numbers.
    split = split_transcript_pages("", head, min_pages=3)
    if split:
        return assemble(split)
    return assemble([(1, head)])
