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


# "Forslag fra … om at fastholde serviceniveauet blev sat til afstemning."
_PUT_TO_VOTE = re.compile(r"\b(?:sat|sættes|satte)\s+til\s+afstemning\b", re.I)
# "Forslaget faldt.", "Indstillingen blev godkendt.", "Ændringsforslaget blev forkastet.",
# "Indstillingen er dermed godkendt."
_VOTE_OUTCOME = re.compile(
    r"\W*(?:\w*forslaget|indstillingen|sagen)\s+(?:(?:blev|er)\s+)?(?:dermed\s+|herefter\s+)?"
    r"(?:faldt|bortfaldt|forkastet|godkendt|vedtaget|anbefalet|tiltrådt)\b",
    re.I,
)
MAX_VOTE_LINES = 8  # lines after a vote line that may still belong to the item's votes


class _Sentence(Protocol):
    doc_id: str
    index: int  # sentence index in its document
    text: str


S = TypeVar("S", bound=_Sentence)


def records_vote(text: str) -> bool:
    """The sentence records how a vote went: a vote line or the count of each side."""
    return bool(_VOTE_LINE.match(text) or _VOTE_COUNT.search(text))


def rest_of_vote(chosen: list[S], candidates: list[S]) -> list[S]:
    """The other lines of the votes the chosen sentences are lines of, from `candidates`: the
    vote lines right before and after each, the line saying what was put to the vote ("Forslag
    fra Aisha Rahimi (Ø) om … blev sat til afstemning.") and what came of it ("Forslaget
    faldt.", before or after the lines), and a further vote of the same item that follows
    ("Herefter blev indstillingen sat til afstemning." and its lines): an amendment's vote
    alone reads as the item's."""
    at = {(c.doc_id, c.index): c for c in candidates}
    have = {(c.doc_id, c.index) for c in chosen}
    out: list[S] = []

    def take(doc_id: str, i: int) -> None:
        if (doc_id, i) not in have:
            have.add((doc_id, i))
            out.append(at[(doc_id, i)])

    for c in chosen:
        if not _VOTE_LINE.match(c.text):
            continue
        i = c.index - 1
        while (line := at.get((c.doc_id, i))) is not None and _VOTE_LINE.match(line.text):
            take(c.doc_id, i)
            i -= 1
        if line is not None and (_PUT_TO_VOTE.search(line.text) or _VOTE_OUTCOME.match(line.text)):
            take(c.doc_id, i)  # what was voted on, or its outcome said first
        i = c.index + 1
        for _ in range(MAX_VOTE_LINES):
            line = at.get((c.doc_id, i))
            if line is None or not (
                _VOTE_LINE.match(line.text)
                or _VOTE_OUTCOME.match(line.text)
                or _PUT_TO_VOTE.search(line.text)
            ):
                break
            take(c.doc_id, i)
            i += 1
    return out
