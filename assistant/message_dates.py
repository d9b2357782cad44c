"""When each message of a saved e-mail thread was written.

A thread saved as one document ("Fra: … / Sendt: 26. juni 2026 09:03 / … > Fra: … / > Sendt:
24. juni 2026 …") holds messages of several days; its document date is the newest one's. A
sentence of a quoted, older message states what was true on its own day: "hvad koster det
nu?" is answered by the newest message that says it, not by the reply it quotes.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right

from ingest.dates import find_dates

# a message header's date line, a "Fra:" line at most `_HEADER_LINES` lines above it
_SENT = re.compile(r"^[ \t>]*(?:Sendt|Dato|Date|Sent)[ \t]*:[ \t]*(\S.*)$", re.IGNORECASE | re.M)
_FROM = re.compile(r"^[ \t>]*(?:Fra|From)[ \t]*:", re.IGNORECASE | re.M)
_HEADER_LINES = 4


def message_dates(text: str) -> list[tuple[int, dt.date]]:
    """(offset, date) of every message header of a thread, in text order; empty when the
    text holds fewer than two (a single letter, or minutes with one "Dato:" field)."""
    found: list[tuple[int, dt.date]] = []
    for m in _SENT.finditer(text):
        if not _FROM.search(_lines_above(text, m.start(), _HEADER_LINES)):
            continue
        dates = find_dates(m.group(1))
        if dates and dates[0].explicit_year:
            found.append((m.start(), dates[0].date))
    return found if len(found) >= 2 else []


def _lines_above(text: str, offset: int, count: int) -> str:
    start = offset
    for _ in range(count):
        start = text.rfind("\n", 0, max(start - 1, 0))
        if start < 0:
            return text[:offset]
    return text[start + 1 : offset]


def written_on(headers: list[tuple[int, dt.date]], offset: int) -> dt.date | None:
    """The date of the message that `offset` stands in (None before the first header)."""
    i = bisect_right([start for start, _ in headers], offset)
    return headers[i - 1][1] if i else None
