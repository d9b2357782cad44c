"""Headings a PDF shows by its type, set apart so the structure step can see them.

pypdf's plain text has no blank lines and no styles: a heading ran into the paragraph above it
("… bor i plejebolig.\\nKonsekvenser i overslagsårene\\nDa forskellen …") and read as one more
sentence of it, so answers quoted bare headings and sections swallowed their neighbours. A
reader sees such a line as a heading because it is set larger than the body text, or in bold
where the body is not. While the page's text is extracted, `LineStyles` collects each line's
dominant font; `set_headings_apart` then puts blank lines around the heading lines — the form
the structure step reads as a heading in every format ("blank line, short line, blank line,
paragraph").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

LARGER_BY = 0.9  # points above the body size that make a line a heading by size alone
HEADING_SHARE = 0.8  # share of a line's characters that must be in the heading's style
MAX_HEADING_CHARS = 150  # a longer line is emphasised prose, not a heading
MAX_SHOWN_TITLES = 6  # the largest runs of the first page offered as its title
MAX_HEADING_LINES = 3  # a wrapped item title takes up to three lines; more is a bold paragraph
_BOLD = re.compile(r"bold|black|heavy|semibold|demi|,b\b", re.IGNORECASE)
_ENDS_PROSE = re.compile(r"[.,;:]\s*$")
_LETTER = re.compile(r"[^\W\d_]")
_SECTION_NUMBER = re.compile(r"\d{1,2}(?:\.\d{1,2})*\.?[^\W\d_]")  # a key: no spaces


@dataclass(frozen=True)
class StyledLine:
    """A line of extracted text with the size and weight most of its characters have."""

    text: str
    size: float
    bold: bool


def _key(text: str) -> str:
    return "".join(text.split())


class LineStyles:
    """pypdf `visitor_text` callback that records the dominant font of every text line."""

    def __init__(self) -> None:
        self.lines: list[StyledLine] = []
        self._runs: list[tuple[str, float, bool]] = []

    def __call__(
        self, text: str, cm: Sequence[float], tm: Sequence[float], font: object, size: float
    ) -> None:
        scale = (tm[0] ** 2 + tm[1] ** 2) ** 0.5 * (cm[0] ** 2 + cm[1] ** 2) ** 0.5
        name = str(font.get("/BaseFont", "")) if isinstance(font, dict) else ""
        pieces = text.split("\n")
        for index, piece in enumerate(pieces):
            if piece.strip():
                self._runs.append((piece, round(float(size) * scale, 1), bool(_BOLD.search(name))))
            if index < len(pieces) - 1:
                self._end_line()

    def finish(self) -> list[StyledLine]:
        self._end_line()
        return self.lines

    def _end_line(self) -> None:
        if not self._runs:
            return
        weight: Counter[tuple[float, bool]] = Counter()
        for piece, size, bold in self._runs:
            weight[(size, bold)] += len(piece.strip())
        (size, bold), chars = weight.most_common(1)[0]
        text = "".join(piece for piece, _, _ in self._runs)
        if chars >= HEADING_SHARE * sum(weight.values()):
            self.lines.append(StyledLine(text, size, bold))
        else:  # mixed styles (a bold lead-in word): body text
            self.lines.append(StyledLine(text, 0.0, False))
        self._runs = []


def body_style(lines: Sequence[StyledLine]) -> tuple[float, bool]:
    """The size and weight most characters of the document are set in."""
    weight: Counter[tuple[float, bool]] = Counter()
    for line in lines:
        if line.size:
            weight[(line.size, line.bold)] += len(line.text.strip())
    return weight.most_common(1)[0][0] if weight else (0.0, False)


def _is_heading(line: StyledLine, body: tuple[float, bool]) -> bool:
    size, bold = body
    if not line.size or not size or len(line.text.strip()) > MAX_HEADING_CHARS:
        return False
    if "\t" in line.text or not _LETTER.search(line.text):
        return False
    larger = line.size >= size + LARGER_BY
    bolder = line.bold and not bold and line.size >= size - 0.25
    return larger or bolder


Style = tuple[float, bool]


@dataclass(frozen=True)
class PageHeadings:
    """Which lines of one page's text are headings, and in which style."""

    # the style of each occurrence of a line text on the page, in page order (None: body text)
    occurrences: dict[str, list[Style | None]]
    # the document's heading texts, for a line the page's styles do not show on its own
    elsewhere: dict[str, Style]

    def styles(self, lines: list[str]) -> list[Style | None]:
        """The heading style of each of the page's text lines, or None."""
        seen: Counter[str] = Counter()
        out: list[Style | None] = []
        for line in lines:
            key = _key(line)
            found = self.occurrences.get(key, [])
            if not line.strip():
                out.append(None)
            elif seen[key] < len(found):
                out.append(found[seen[key]])
            else:
                out.append(None if found else self.elsewhere.get(key))
            seen[key] += 1
        return out


def page_headings(pages: Sequence[Sequence[StyledLine]], body: Style) -> list[PageHeadings]:
    """For each page, its heading lines. A line is read in the style the page sets it in,
    occurrence by occurrence: a contents list and the heading it names may share a page and a
    text. A text set in bold body type only is a heading nowhere when it stands as body text
    anywhere (a run of bold lines is emphasis), unless it opens with a section number ("1.1
    Formål", which a contents list repeats). `body`: the document's `body_style`."""
    heads: dict[str, Style] = {}
    plain: set[str] = set()
    for page in pages:
        for line in page:
            if _is_heading(line, body):
                heads.setdefault(_key(line.text), (line.size, line.bold))
            else:
                plain.add(_key(line.text))
    weak = {
        k
        for k, (size, _) in heads.items()
        if size < body[0] + LARGER_BY and k in plain and not _SECTION_NUMBER.match(k)
    }
    elsewhere = {k: style for k, style in heads.items() if k not in weak}
    out = []
    for page in pages:
        occurrences: dict[str, list[Style | None]] = {}
        for line in page:
            key = _key(line.text)
            heading = _is_heading(line, body) and key not in weak
            occurrences.setdefault(key, []).append((line.size, line.bold) if heading else None)
        out.append(PageHeadings(occurrences, elsewhere))
    return out


def set_headings_apart(text: str, heads: PageHeadings) -> str:
    """`text` with a blank line before and after each run of heading lines in one style (a
    title over the first section's heading is two headings; a wrapped title is one run, its
    first line may end in a comma). Runs longer than MAX_HEADING_LINES, or ending as a
    sentence or a label does, are bold text and stay as they are."""
    lines = text.split("\n")
    styles = heads.styles(lines)
    out: list[str] = []
    i = 0
    while i < len(lines):
        if styles[i] is None:
            out.append(lines[i])
            i += 1
            continue
        j = i
        while j < len(lines) and styles[j] == styles[i]:
            j += 1
        if j - i > MAX_HEADING_LINES or _ENDS_PROSE.search(lines[j - 1]):
            out.extend(lines[i:j])  # a bold paragraph, or a label ("Sagsnr.:") before its value
        else:
            if out and out[-1].strip():
                out.append("")
            out.extend(lines[i:j])
            if j < len(lines) and lines[j].strip():
                out.append("")
        i = j
    return "\n".join(out)


def shown_titles(
    first_page: Sequence[StyledLine], body: tuple[float, bool], page_text: str
) -> list[str]:
    """The first page's runs of lines set larger than the body text, largest first (page
    order among equals): where a reader looks for the document's title. A letterhead or a
    type word ("NOTAT") is among them; the metadata step picks (`ingest.metadata`). Each line
    is taken as the page's text has it: the text runs pypdf reports lack the spaces it puts
    between them ("Vejstøjgenerelt")."""
    as_extracted = {_key(line): line.strip() for line in page_text.split("\n")}
    runs: list[tuple[float, int, list[str]]] = []
    previous: float | None = None
    for line in first_page:
        text = as_extracted.get(_key(line.text), line.text.strip())
        if not text or not line.size or line.size < body[0] + LARGER_BY:
            previous = None
            continue
        if previous == line.size:
            runs[-1][2].append(text)
        else:
            runs.append((line.size, len(runs), [text]))
        previous = line.size
    runs.sort(key=lambda run: (-run[0], run[1]))
    return ["\n".join(lines) for _, _, lines in runs[:MAX_SHOWN_TITLES]]
