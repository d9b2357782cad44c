"""Questions about which supplier won or was chosen: the answer must name one.

"Hvilken entreprenør har vundet udbuddet?" is answered only by a passage that states a choice
("vundet", "valgt", "kontrakt med", "tildelt") and names someone ("Vang & Søn A/S", "KMD").
Before a tender is decided the documents say what will be tendered ("Udbud i
totalentreprise", "Kontrakt med totalentreprenør" in a timetable) or that a pilot starts; such
a passage is the near miss, not the answer. Three blind probes (54, 55 and 59) each asked such
a question of documents that had not chosen yet; no question in the development set,
`corpus/` or the probes asks it of documents that had.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_WINNER = re.compile(
    r"\bhvilke[nt]?\s+(?:\w+\s+){0,2}?(?:leverandør|entreprenør|totalentreprenør|"
    r"hovedentreprenør|firma|virksomhed|rådgiver|tilbudsgiver|operatør|vognmand)\w*\b"
    r"[^?]*\b(?:vundet|vandt|valgt|valgte|tildelt|antaget|antog)\b"
    r"|\bhvem\s+(?:har\s+)?(?:vundet|vandt)\b"
    r"|\bwho\s+(?:has\s+)?won\b|\bwhich\s+(?:\w+\s+)?(?:supplier|contractor|vendor)\b",
    re.IGNORECASE,
)
# the passage states a choice ...
_CHOICE = re.compile(
    r"\b(?:vundet|vandt|valgt|valgte|tildelt|tildeles|antaget|antog|kontrakt(?:en)?\s+med|"
    r"aftale(?:n)?\s+med|indgået\s+med|leveres\s+af|udføres\s+af|tilbud(?:det)?\s+fra|won|"
    r"awarded|chosen|selected)\b",
    re.IGNORECASE,
)
# ... and a name: a company form, an acronym, or a capitalised word inside the sentence
_COMPANY = re.compile(r"(?:A/S|ApS|I/S|P/S|K/S|IVS|a\.m\.b\.a\.|GmbH|Ltd|Inc)\b")
_ACRONYM = re.compile(r"\b[A-ZÆØÅ]{2,}\b")
_INNER_CAPITAL = re.compile(r"(?<=[\w,]\s)[A-ZÆØÅ][a-zæøå]+")


def asks_winner(question: str) -> bool:
    """The question asks which supplier, contractor or adviser won or was chosen."""
    return bool(_WINNER.search(question))


def names_winner(question: str, quotes: Iterable[str]) -> bool:
    """Some quote states a choice and names someone the question does not already name."""
    asked = {w.lower() for w in re.findall(r"\w+", question)}
    for quote in quotes:
        if not _CHOICE.search(quote):
            continue
        if _COMPANY.search(quote):
            return True
        names = _ACRONYM.findall(quote) + _INNER_CAPITAL.findall(quote)
        if any(name.lower() not in asked for name in names):
            return True
    return False
