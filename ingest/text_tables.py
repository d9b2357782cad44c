"""Tables a plain-text file lays out with spaces, and the rule lines around them.

A text export draws a table by padding its cells into columns ("Ekstern rådgiver    650.000")
and underlines headings and column names with rule lines ("-------  -----"). Collapsing the
spaces, as prose needs, would glue each row into one sentence whose figures lose their column
("Beløb (kr.)"), and a rule line would read as the first words of the line after it. So, before
spaces are collapsed: a run of lines that each hold a gap of two or more spaces, with the cells
after those gaps starting in the same columns, is a table whose gaps become cell separators
(its rule lines go, so the column names stay next to the rows); any other line of rule
characters only is an empty line.
"""

from __future__ import annotations

import re

from ingest.models import TABLE_CELL_SEPARATOR

_RULE_LINE = re.compile(r"[ \t]*(?:[-=_*~]{3,}[ \t]*)+")
_GAP = re.compile(r"(?<=\S) {2,}(?=\S)")
MIN_TABLE_LINES = 3  # rows (column names included) before a run of padded lines is a table


def is_rule_line(line: str) -> bool:
    """A line drawn with "-", "=", "_", "*" or "~" only (one or more runs of three or more)."""
    return bool(_RULE_LINE.fullmatch(line))


MAX_RIGHT_CELL = 25  # a cell set right is a figure or a short word, not a justified line's end


def _column_edges(line: str) -> set[tuple[str, int]]:
    """Where the cells after a gap start and where they end: a left-aligned column shares
    its starts, a right-aligned one (amounts) its ends. A long cell's end is no column: the
    lines of a justified paragraph all end in the same place."""
    edges: set[tuple[str, int]] = set()
    gaps = list(_GAP.finditer(line))
    for k, gap in enumerate(gaps):
        end = gaps[k + 1].start() if k + 1 < len(gaps) else len(line.rstrip())
        edges.add(("start", gap.end()))
        if end - gap.end() <= MAX_RIGHT_CELL:
            edges.add(("end", end))
    return edges


def _is_field(line: str) -> bool:
    """ "Sagsnr.:        26/02210": a label and its value, padded, not a table row."""
    return _GAP.split(line.strip(), maxsplit=1)[0].endswith(":")


def _is_row(line: str) -> bool:
    return bool(_GAP.search(line.strip())) and not _is_field(line)


def _is_table(rows: list[str]) -> bool:
    """Enough rows, and a column edge most of them share."""
    if len(rows) < MIN_TABLE_LINES:
        return False
    edges = [_column_edges(row) for row in rows]
    return any(sum(edge in e for e in edges) * 2 > len(rows) for edge in set.union(*edges))


def _table_lines(lines: list[str]) -> list[str]:
    """A run of rows and rule lines: a table's rows as cells, or the lines as they were."""
    rows = [line for line in lines if not is_rule_line(line)]
    if not _is_table(rows):
        return ["" if is_rule_line(line) else _spaced(line) for line in lines]
    first = next(k for k, line in enumerate(lines) if not is_rule_line(line))
    last = max(k for k, line in enumerate(lines) if not is_rule_line(line))
    # a rule line inside the table goes, so the column names stay next to their rows
    cells = [_GAP.sub(TABLE_CELL_SEPARATOR, row.strip()) for row in rows]
    return [""] * first + cells + [""] * (len(lines) - 1 - last)


def read_text_tables(text: str) -> str:
    """Padded tables as rows of TAB-separated cells; rule lines emptied. Other lines are kept
    as they are (their spaces are collapsed later, with everyone else's), but for a TAB used
    as spacing."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and (_is_row(lines[j]) or is_rule_line(lines[j])):
            j += 1
        if j > i:
            out.extend(_table_lines(lines[i:j]))
            i = j
        else:
            out.append(_spaced(lines[i]))
            i += 1
    return "\n".join(out)


def _spaced(line: str) -> str:
    """A line outside a padded table: a TAB in it is spacing ("afsættes\t\t1,5 mio. kr."),
    unless it separates three or more cells (a tab-separated row)."""
    if TABLE_CELL_SEPARATOR in line and sum(bool(c.strip()) for c in line.split("\t")) < 3:
        return line.replace(TABLE_CELL_SEPARATOR, " ")
    return line
