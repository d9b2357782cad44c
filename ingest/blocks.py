"""Blocks of the cleaned text, each with a kind.

Every character of a document's cleaned text belongs to at most one block: a heading, prose, a
list item, a table row, a table of contents, an attachment list, or navigation/boilerplate.
Only prose, list items and table rows are indexed, quoted as answers or read for facts.

Formats that state their structure (HTML, Markdown, DOCX) hand us their blocks; PDFs and plain
text are split into lines and paragraphs here. For both, the same content tests then find what
is not prose whatever the format: dot leaders and page-number columns (a table of contents),
runs of "Bilag N: ... .pdf" lines (an attachment list), and page furniture such as "Tilbage til
forsiden", cookie notices, template placeholders or "Side 3 af 21".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from ingest.models import (
    BULLET_MARK,
    SEAM,
    TABLE_CELL_SEPARATOR,
    Block,
    CleanText,
    PageSpan,
    RawBlock,
    Section,
)

# --- content tests that hold in every format ------------------------------------------------

_DOT_LEADER = re.compile(r"(?:\.\s?){4,}\s*\d{1,4}\s*$|…{2,}\s*\d{1,4}\s*$|(?:\.\s?){6,}$")
_TRAILING_PAGE = re.compile(r"^\S.{2,120}?\s\d{1,3}\s*$")
# a table of contents whose dot leaders and page number a PDF extracts as a line of their own,
# below the entry's title ("405. Anlægsbevilling – …" / ". . . . . . 5")
_LEADER_ONLY = re.compile(r"^\s*(?:(?:\.\s?){3,}|…+)\s*\d{1,4}\s*$")
_TOC_HEADING = re.compile(
    r"^(?:\d+\.?\s*)?(?:indholdsfortegnelse|indhold|table of contents|contents)\s*:?$", re.I
)


def is_contents_heading(title: str) -> bool:
    """ "Indholdsfortegnelse", "Indhold", "Contents": the heading of a table of contents."""
    return _TOC_HEADING.match(title.strip()) is not None


_ATTACHMENT_LINE = re.compile(
    r"^(?:bilag|vedhæftet|vedhæftning|appendiks)\s*(?:nr\.?\s*)?[\dA-Z]{0,3}\s*[:.)–-]?\s*\S.*$",
    re.I,
)
_FILE_SUFFIX = re.compile(
    r"\.(?:pdf|docx?|xlsx?|pptx?|odt|msg)\b\s*(?:\(\s*\d+[.,]?\d*\s*[kKmM][bB]\s*\))?\s*$"
    r"|\((?i:pdf|docx?|xlsx?)\)\s*$|\s(?:PDF|DOCX?|XLSX?)\s*$"
    # a portal's type and size after the title: "Notat om sammenlægning (PDF, 356 KB)",
    # "(PDF, 14 sider)"; an annex kept from the public: "(lukket bilag)"
    r"|\((?i:pdf|docx?|xlsx?|pptx?)\s*,\s*[^()]{1,30}\)\s*$|\((?i:lukket|fortroligt?)\s+bilag\)\s*$"
)
# one attachment named after its label, as a letter ends: "Bilag: Kloakplan for Fyrvej 17
# (udsnit)", "Bilag 2: Kort"; a sentence about an annex ends in a period. (A section "Bilag"
# listing "Bilag 1 - …" line by line is the item's list of annexes, which a question about
# them reads.)
_ATTACHMENT_LABEL = re.compile(
    r"^(?:bilag|vedhæftet|vedhæftning|appendiks)\s*(?:nr\.?\s*)?"
    r"(?:\d{1,2}(?:\.\d{1,2})?[a-h]?|[a-h])?\s*:\s*\S.*[^.\s]$",  # not "Bilag til: …"
    re.I,
)
_ATTACHMENTS_INLINE = re.compile(r"\bbilag\s*\d+\s*[:.)–-]", re.I)
_ATTACHMENT_HEADING = re.compile(
    r"^(?:bilag|bilagsliste|bilagsoversigt|vedhæftede filer)\s*:?$", re.I
)
_BOILERPLATE = re.compile(
    r"^(?:tilbage(?: til (?:forsiden|oversigten|toppen|dagsordenen|mødet))?|til toppen"
    r"|gå til (?:indhold|hovedindhold|forsiden)"
    r"|spring (?:til|over) (?:hoved)?(?:indhold|navigation)\w*"
    r"|log (?:ind|ud)|udskriv(?: siden)?|del(?: på| siden)?(?: facebook| linkedin| twitter)?"
    r"|menu|søg|forside|hjem|luk|accepter(?: alle)?(?: cookies)?|afvis(?: alle)?"
    r"|næste side|forrige side|print|download(?: pdf)?|hent som pdf"
    r"|side\s*\d{1,4}\s*(?:af|of|/|\|)\s*\d{1,4})\s*\.?$",
    re.I,
)
_BOILERPLATE_ANYWHERE = re.compile(
    r"\{\{.*?\}\}|\{%.*?%\}"  # template placeholders nobody filled in
    r"|\b(?:vi|siden|hjemmesiden) bruger cookies\b|\bcookie(?:s|politik|indstillinger)\b"
    r"|\baktiver(?:e)? javascript\b|\bder opstod en (?:uventet )?fejl\b"
    r"|\bsiden (?:kunne ikke findes|findes ikke)\b|\bpage not found\b|\bside ikke fundet\b",
    re.I,
)
_URL_ONLY = re.compile(r"^(?:[\w .:-]{0,40}:\s*)?<?https?://\S+>?$")


def _navigation_bar(line: str) -> bool:
    """Links set in a row ("« Tilbage til forsiden | Udskriv | Hent som PDF"): each a
    navigation phrase."""
    parts = [p.strip(" «»<>") for p in re.split(r"[|·•]", line)]
    return len(parts) >= 2 and all(_BOILERPLATE.match(p) for p in parts if p)


def ends_in_page_number(line: str) -> bool:
    """ "3.1 Leverancemodel 3": a line of a table of contents (a title, then its page)."""
    return _TRAILING_PAGE.match(line) is not None


def is_leader_line(line: str) -> bool:
    """ ". . . . . 5": only the dot leaders and page number of the table-of-contents entry
    above it."""
    return _LEADER_ONLY.match(line) is not None


def line_kind(line: str) -> str | None:
    """The junk kind of one line by its content alone, or None when it may be content."""
    if _DOT_LEADER.search(line):
        return "toc"
    if _BOILERPLATE.match(line) or _URL_ONLY.match(line) or _navigation_bar(line):
        return "boilerplate"
    if len(line) < 400 and _BOILERPLATE_ANYWHERE.search(line):
        return "boilerplate"
    if (
        len(_ATTACHMENTS_INLINE.findall(line)) >= 2
        and len(_FILE_SUFFIX.findall(line)) + len(re.findall(r"\bPDF\b", line)) >= 2
    ):
        return "attachments"  # "Bilag 1: Plan.pdf Bilag 2: Budget.pdf" flattened into one line
    if len(line) <= 250 and _FILE_SUFFIX.search(line):
        return "attachments"
    if len(line) <= 200 and _ATTACHMENT_LABEL.match(line):
        return "attachments"
    return None


def _is_attachment_title(line: str) -> bool:
    return len(line) <= 200 and bool(_ATTACHMENT_LINE.match(line))


def _mark_runs(lines: list[str], kinds: list[str | None]) -> None:
    """Lines that only make sense as a run: "Bilag 1: ...", "Bilag 2: ..." and page columns.

    Two or more attachment titles in a row are an attachment list; three or more lines in a row
    ending in a page number after a numbered or short title are a table of contents.
    """
    n = len(lines)
    leaders_first = False
    for k in range(n):
        if not is_leader_line(lines[k]):
            continue
        if not any(is_leader_line(lines[j]) for j in range(max(0, k - MAX_WRAPPED_LINES), k)):
            # a run's first leaders right under "Indholdsfortegnelse": the extraction put each
            # entry's leaders and page number before its title, so the last title follows
            leaders_first = k > 0 and is_contents_heading(lines[k - 1])
            if leaders_first and kinds[k - 1] is None:
                kinds[k - 1] = "toc"  # the contents heading, as the entry above would be
        # the entry whose leaders were extracted as their own line (leaders first: the title
        # after them, and the line before them, the end of a title wrapped over two lines)
        for entry in (k - 1, k + 1) if leaders_first else (k - 1,):
            if 0 <= entry < n and kinds[entry] is None and len(lines[entry]) <= 130:
                kinds[entry] = "toc"
    i = 0
    while i < n:
        j = i
        while j < n and kinds[j] is None and _is_attachment_title(lines[j]):
            j += 1
        if j - i >= 2:
            for k in range(i, j):
                kinds[k] = "attachments"
        i = max(j, i + 1)
    i = 0
    while i < n:
        j = i
        while (
            j < n
            and kinds[j] in (None, "toc")
            and (kinds[j] == "toc" or ends_in_page_number(lines[j]))
            and len(lines[j]) <= 130
            and lines[j].count(TABLE_CELL_SEPARATOR) < 2  # a row of figures is a table's
        ):
            j += 1
        if j - i >= 3 and _page_numbers_rise(lines[i:j]):
            for k in range(i, j):
                kinds[k] = "toc"
        i = max(j, i + 1)
    _mark_wrapped_entries(lines, kinds)


MAX_WRAPPED_LINES = 3


def _mark_wrapped_entries(lines: list[str], kinds: list[str | None]) -> None:
    """A title wrapped over a line or two between two entries of a table of contents
    ("411. Lokalplan … endelig" / "vedtagelse" / "8") is an entry too."""
    i = 1
    while i < len(lines):
        if kinds[i] is not None or kinds[i - 1] != "toc":
            i += 1
            continue
        j = i
        while j < len(lines) and kinds[j] is None and j - i < MAX_WRAPPED_LINES:
            if len(lines[j]) > 130:
                break
            j += 1
        if j < len(lines) and kinds[j] == "toc":
            for k in range(i, j):
                kinds[k] = "toc"
        i = j + 1


def toc_lines(lines: list[str]) -> set[int]:
    """Indices of the (non-empty, stripped) lines that belong to a table of contents."""
    kinds = [line_kind(line) for line in lines]
    _mark_runs(lines, kinds)
    return {i for i, kind in enumerate(kinds) if kind == "toc"}


def _page_numbers_rise(lines: list[str]) -> bool:
    numbers = []
    for line in lines:
        m = re.search(r"(\d{1,4})\s*$", line)
        if m:
            numbers.append(int(m.group(1)))
    return (
        len(numbers) >= 3
        and numbers[0] >= 1  # no page 0
        and all(b >= a for a, b in zip(numbers, numbers[1:], strict=False))
    )


# --- structured formats -----------------------------------------------------------------------

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")


def _normalize(text: str) -> str:
    text = unicodedata.normalize("NFC", text.replace("\u00ad", ""))
    lines = (_SPACES.sub(" ", line).strip() for line in text.replace("\r", "\n").split("\n"))
    return "\n".join(line for line in lines if line.replace(SEAM, "").strip())


def _block_text(raw: RawBlock) -> str:
    if raw.kind == "table_row":
        cells = (_normalize(c).replace("\n", " ") for c in raw.text.split(TABLE_CELL_SEPARATOR))
        return TABLE_CELL_SEPARATOR.join(c for c in cells if c)
    if raw.kind == "heading":
        return " ".join(_normalize(raw.text).split())
    return _normalize(raw.text)


def _separator(previous: str, kind: str) -> str:
    return "\n" if kind == previous and kind in ("list_item", "table_row") else "\n\n"


def render_blocks(raw_blocks: list[RawBlock]) -> str:
    """The blocks as one text, laid out as `assemble_blocks` lays them out."""
    out: list[str] = []
    previous = ""
    for raw in raw_blocks:
        if out:
            out.append(_separator(previous, raw.kind))
        out.append(raw.text.replace(SEAM, ""))
        previous = raw.kind
    return "".join(out)


def _without_seams(text: str) -> tuple[str, list[int]]:
    """The text without its seam marks, and where they stood (inner positions only)."""
    out: list[str] = []
    seams: list[int] = []
    length = 0
    for piece in text.split(SEAM):
        if out:
            seams.append(length)
        out.append(piece)
        length += len(piece)
    joined = "".join(out)
    return joined, [p for p in seams if p < len(joined)]


def assemble_blocks(raw_blocks: list[RawBlock]) -> CleanText:
    """One text from the blocks of a structured format, with each block's offsets.

    Consecutive list items and table rows sit on adjacent lines; other blocks are separated by
    a blank line, so the text reads as the rendered document does.
    """
    parts: list[str] = []
    blocks: list[Block] = []
    position = 0
    previous = ""
    seams: list[int] = []
    for raw in raw_blocks:
        text, inner = _without_seams(_block_text(raw))
        if not text.strip():
            continue
        if parts:
            separator = _separator(previous, raw.kind)
            parts.append(separator)
            position += len(separator)
        blocks.append(Block(position, position + len(text), raw.kind, raw.level))
        seams.extend(position + p for p in inner)
        if raw.kind == "table_row":  # "a | b" in the file, "a<TAB>b" here
            seams.extend(position + m.start() for m in re.finditer(TABLE_CELL_SEPARATOR, text))
        parts.append(text)
        position += len(text)
        previous = raw.kind
    text = "".join(parts)
    blocks = classify_junk(text, blocks)
    return CleanText(
        text=text,
        pages=[PageSpan(1, 0, len(text))],
        blocks=blocks,
        structured=True,
        seams=sorted(set(seams)),
    )


def classify_junk(text: str, blocks: list[Block]) -> list[Block]:
    """Re-kind the blocks that are tables of contents, attachment lists or boilerplate."""
    lines = [text[b.start : b.end] for b in blocks]
    kinds: list[str | None] = [
        None if b.kind == "heading" else line_kind(" ".join(lines[i].split()))
        for i, b in enumerate(blocks)
    ]
    # headings are no junk, but "Indholdsfortegnelse" tells how its entries were extracted
    candidates = [
        i for i, b in enumerate(blocks) if b.kind != "heading" or is_contents_heading(lines[i])
    ]
    sub_lines = [" ".join(lines[i].split()) for i in candidates]
    sub_kinds = [kinds[i] for i in candidates]
    _mark_runs(sub_lines, sub_kinds)
    for i, kind in zip(candidates, sub_kinds, strict=True):
        kinds[i] = kind
    _mark_under_headings(text, blocks, kinds)
    _mark_heading_echoes(blocks, lines, kinds)
    _mark_addresses(text, blocks, lines, kinds)
    return [
        Block(b.start, b.end, kinds[i] or b.kind, b.level) if kinds[i] else b
        for i, b in enumerate(blocks)
    ]


_POSTCODE_LINE = re.compile(r"(?:DK-)?\d{4}\s+[A-ZÆØÅ][\w.-]*(?:\s+[A-ZÆØÅ]?[\w.-]+){0,2}")
MAX_ADDRESS_LINES = 3  # lines above the postcode: name, "Att.: …", street


def _mark_addresses(
    text: str, blocks: list[Block], lines: list[str], kinds: list[str | None]
) -> None:
    """A postal address ("Vejle Roklub" / "Att.: Bestyrelsen" / "Strandvejen 12" /
    "7100 Vejle"): a letter's sender or recipient block, no answer to anything. The lines
    above its postcode line in the same paragraph go with it, up to a field ("Dato: …")."""
    for i, line in enumerate(lines):
        if kinds[i] is not None or blocks[i].kind == "heading":
            continue
        if not _POSTCODE_LINE.fullmatch(" ".join(line.split())):
            continue
        kinds[i] = "boilerplate"
        j = i - 1
        while j >= 0 and i - j <= MAX_ADDRESS_LINES:
            above = " ".join(lines[j].split())
            same_paragraph = "\n\n" not in text[blocks[j].end : blocks[j + 1].start]
            field = ":" in above and not above.lower().startswith("att")
            if not same_paragraph or kinds[j] is not None or blocks[j].kind == "heading":
                break
            if field or len(above) > 60:
                break
            kinds[j] = "boilerplate"
            j -= 1


MIN_ECHOES = 3  # lines in a row that repeat later headings before they are contents


def _mark_heading_echoes(blocks: list[Block], lines: list[str], kinds: list[str | None]) -> None:
    """A run of lines that each repeat a heading further on ("34. Medfinansiering af …",
    "35. Tillægsbevilling …" over the items themselves) is the page's contents, whatever its
    heading: a portal lists a meeting's items as links above them, with no page numbers."""
    later: set[str] = set()
    echoes = [False] * len(blocks)
    for i in range(len(blocks) - 1, -1, -1):
        line = " ".join(lines[i].split()).casefold()
        if blocks[i].kind == "heading":
            later.add(line)
        elif kinds[i] is None and line in later:
            echoes[i] = True
    i = 0
    while i < len(blocks):
        j = i
        while j < len(blocks) and echoes[j]:
            j += 1
        if j - i >= MIN_ECHOES:
            for k in range(i, j):
                kinds[k] = "toc"
        i = max(j, i + 1)


_NUMBERED_ENTRY = re.compile(r"\d{1,3}\.\s+\S")  # "2. Handleplan for børn og unges trivsel"


def _mark_under_headings(text: str, blocks: list[Block], kinds: list[str | None]) -> None:
    """The heading "Indholdsfortegnelse" and the short lines or table rows under it are a table
    of contents; short file-like titles under "Bilag" are an attachment list."""
    i = 0
    while i < len(blocks):
        block = blocks[i]
        title = text[block.start : block.end].strip()
        toc = _TOC_HEADING.match(title) is not None
        # "Bilag" as a heading, or as a portal's label line above the files
        attachments = block.kind in ("heading", "prose") and bool(_ATTACHMENT_HEADING.match(title))
        if not (toc or attachments):
            i += 1
            continue
        j = i + 1
        run: list[int] = []
        while j < len(blocks) and blocks[j].kind != "heading":
            line = " ".join(text[blocks[j].start : blocks[j].end].split())
            if toc and (
                kinds[j] == "toc"
                or (ends_in_page_number(line) and len(line) < 130)
                # a web page's contents: the items' numbered titles, linked, no page numbers
                or (
                    blocks[j].kind in ("table_row", "list_item")
                    and _NUMBERED_ENTRY.match(line) is not None
                    and len(line) < 130
                )
                # a contents table: "Sag nr. | Titel | J.nr.", "3 | Ny affaldsordning | 07.18…"
                or (blocks[j].kind == "table_row" and len(line) < 160)
            ):
                run.append(j)
            elif attachments and (
                kinds[j] == "attachments"
                or _is_attachment_title(line)
                or (len(line) < 160 and blocks[j].kind == "list_item")
            ):
                run.append(j)
            else:
                break
            j += 1
        if toc and run:
            kinds[i] = "toc"
            for k in run:
                kinds[k] = "toc"
        elif attachments and run:
            for k in run:
                kinds[k] = "attachments"
            if block.kind == "prose":
                kinds[i] = "attachments"  # the label goes with its list
        i = j if run else i + 1


# --- line-based text (PDF, plain text) --------------------------------------------------------

_BULLET = re.compile(rf"^(?:{BULLET_MARK}|\d{{1,2}}\)|[a-z]\))\s+")


def line_blocks(text: str, sections: list[Section]) -> list[Block]:
    """Blocks of a text without stated structure: section heading lines are headings, bullet
    lines are list items, other lines join into paragraphs of prose; then junk is re-kinded.

    Junk is decided line by line (a table of contents is a run of lines) before lines join
    into paragraphs, so one prose line after a table of contents is not swallowed by it.
    """
    heading_spans = {
        (s.start, s.heading_end if s.heading_end is not None else s.start) for s in sections
    }
    heading_starts = {start: end for start, end in heading_spans}
    lines: list[Block] = []
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            start = pos + len(raw) - len(raw.lstrip())
            end = start + len(stripped)
            if start in heading_starts and heading_starts[start] >= end - 1:
                kind = "heading"
            elif _BULLET.match(stripped):
                kind = "list_item"
            elif TABLE_CELL_SEPARATOR in stripped:
                kind = "table_row"
            else:
                kind = "prose"
            lines.append(Block(start, end, kind))
        else:
            lines.append(Block(pos, pos, "blank"))
        pos += len(raw) + 1
    content = [b for b in lines if b.kind != "blank"]
    kinds = classify_junk(text, content)
    by_start = {b.start: b for b in kinds}
    out: list[Block] = []
    blank_before = False
    for block in lines:
        if block.kind == "blank":
            if out and out[-1].kind == "prose":
                out.append(Block(block.start, block.start, "break"))
            blank_before = True
            continue
        block = by_start[block.start]
        last = out[-1] if out else None
        if (
            last is not None
            and last.kind == block.kind
            and block.kind in ("prose", "toc", "attachments", "boilerplate")
        ) or (last is not None and not blank_before and _continues_item(text, last, block)):
            out[-1] = Block(last.start, block.end, last.kind, last.level)
        else:
            out.append(block)
        blank_before = False
    return [b for b in out if b.kind != "break"]


def _continues_item(text: str, item: Block, line: Block) -> bool:
    """A prose line right under a list item that did not end its sentence ("... parker 58" /
    "dB."), or that starts in lower case, is the item wrapped onto the next line of a PDF."""
    if item.kind != "list_item" or line.kind != "prose":
        return False
    unfinished = not text[item.start : item.end].rstrip().endswith((".", "!", "?", ":"))
    return unfinished or text[line.start : line.start + 1].islower()


def blocks_for(clean: CleanText, sections: list[Section]) -> list[Block]:
    """The document's blocks: stated by the format, or found in its lines."""
    if clean.structured:
        return clean.blocks
    return line_blocks(clean.text, sections)


def answerable_spans(blocks: list[Block], start: int, end: int) -> list[tuple[int, int]]:
    """The parts of [start, end) not covered by a junk block (headings count as content here:
    a heading stays with the paragraph it introduces)."""
    spans: list[tuple[int, int]] = []
    pos = start
    for block in blocks:
        if block.end <= start or block.start >= end:
            continue
        if block.kind in ("toc", "attachments", "boilerplate"):
            if block.start > pos:
                spans.append((pos, block.start))
            pos = max(pos, block.end)
    if pos < end:
        spans.append((pos, end))
    return spans


def table_header(blocks: Sequence[Block], index: int) -> int | None:
    """The index of the first row of the table whose row is `blocks[index]` (its column
    names), when that is another row; None outside a table or on its first row."""
    if blocks[index].kind != "table_row":
        return None
    first = index
    while first > 0 and blocks[first - 1].kind == "table_row":
        first -= 1
    return first if first < index else None
