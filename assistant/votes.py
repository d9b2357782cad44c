"""How a vote went, as minutes record it.

"Hvordan faldt afstemningen?" is answered by the lines that record the vote ("For stemte: A,
F, Ø (12).", "Imod stemte: V, C, O (9).") or by its count ("Med stemmerne 19 for og 2 imod
…"), not by the sentence that only dates the meeting; and one side's line alone says half of
how the vote went.
"""

from __future__ import annotations

import re
from typing import Protocol, TypeVar

# The lines a vote is recorded in: "For stemte: A, F, Ø (12).", "Imod stemte: V, C, O (9).",
# "For indstillingen stemte Jonas Kragh (A), …", "Undlod at stemme: Ingen."
_VOTE_LINE = re.compile(
    r"\W*(?:(?:for|imod)\s+(?:(?:indstillingen|forslaget|sagen)\s+)?stemte"
    r"|stemte\s+(?:for|imod)|undlod\s+at\s+stemme)\b",
    re.I,
)
# A vote's count: "19 for og 2 imod", "4 stemmer for og 2 imod", "enstemmigt"
_VOTE_COUNT = re.compile(
    r"\b\d+\s+(?:stemmer\s+)?for\b.{0,60}?\b\d+\s+(?:stemmer\s+)?imod\b|\benstemmig\w*",
    re.I | re.S,
)


class _Sentence(Protocol):
    doc_id: str
    index: int  # sentence index in its document
    text: str


S = TypeVar("S", bound=_Sentence)


def records_vote(text: str) -> bool:
    """The sentence records how a vote went: a vote line or the count of each side."""
    return bool(_VOTE_LINE.match(text) or _VOTE_COUNT.search(text))


def rest_of_vote(chosen: list[S], candidates: list[S]) -> list[S]:
    """The other lines of the votes the chosen sentences are lines of, from `candidates`:
    the vote lines right before and after each, not chosen already."""
    at = {(c.doc_id, c.index): c for c in candidates}
    have = {(c.doc_id, c.index) for c in chosen}
    out: list[S] = []
    for c in chosen:
        if not _VOTE_LINE.match(c.text):
            continue
        for step in (-1, 1):
            i = c.index + step
            while (line := at.get((c.doc_id, i))) is not None and _VOTE_LINE.match(line.text):
                if (c.doc_id, i) not in have:
                    have.add((c.doc_id, i))
                    out.append(line)
                i += step
    return out
