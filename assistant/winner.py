"""Questions about which supplier won or was chosen, or which firm does a job: the answer must
name one.

"Hvilken entreprenør har vundet udbuddet?" is answered only by a passage that states a choice
("vundet", "valgt", "kontrakt med", "tildelt") and names someone ("Vang & Søn A/S", "KMD").
Before a tender is decided the documents say what will be tendered ("Udbud i
totalentreprise", "Kontrakt med totalentreprenør" in a timetable) or that a pilot starts; such
a passage is the near miss, not the answer. Three blind probes (54, 55 and 59) each asked such
a question of documents that had not chosen yet; no question in the development set,
`corpus/` or the probes asks it of documents that had.

The same holds without a choice: "Hvilken leverandør skal levere armaturerne?" or "Hvilket
rekrutteringsbureau bruger kommunen?" is answered by a passage that names a firm (a company
form or an acronym, or a capitalised name in running text), not by "i samarbejde med et
rekrutteringsbureau". Probes 68, 71, 73 and 76 asked such questions of documents that named
none (stop 64: the first two now abstain; 73's cites the utility's "… A/S", 76's is a second
part answered as an amount).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# the firms a question can ask for by their role ("Hvilken entreprenør …", "Hvilket
# rekrutteringsbureau …"); "hvilke" asks for several, which a list answers
_FIRM = (
    r"(?:\w*leverandør|\w*entreprenør|\w*firma|virksomhed|\w*rådgiver|tilbudsgiver|operatør|"
    r"vognmand|\w*bureau)"
)
_FIRM_ASKED = re.compile(rf"\bhvilke[nt]\s+(?:\w+\s+){{0,2}}?{_FIRM}(?:en|et)?\b", re.IGNORECASE)
_WINNER = re.compile(
    rf"\bhvilke[nt]?\s+(?:\w+\s+){{0,2}}?{_FIRM}\w*\b"
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
# an acronym that is a name: not part of a compound ("DGNB-certificering", "EU/EØS-lande")
_NAME_ACRONYM = re.compile(r"(?<![-/])\b[A-ZÆØÅ]{2,}\b(?![-/])")
_INNER_CAPITAL = re.compile(r"(?<=[\w,]\s)[A-ZÆØÅ][a-zæøå]+")


def asks_winner(question: str) -> bool:
    """The question asks which supplier, contractor or adviser won or was chosen."""
    return bool(_WINNER.search(question))


def asks_firm(question: str) -> bool:
    """The question asks which one firm does or did something ("Hvilken entreprenør udfører
    separatkloakeringen?"), whether or not a choice is named."""
    return bool(_FIRM_ASKED.search(question))


def names_firm(question: str, quotes: Iterable[str], prose: Iterable[bool]) -> bool:
    """Some quote names a firm the question does not: a company form, an acronym, or - in
    running text (`prose`), not in a heading or a table row, where the names of people,
    places and the municipality stand too - a capitalised word inside the sentence."""
    asked = {w.lower() for w in re.findall(r"\w+", question)}
    for quote, in_prose in zip(quotes, prose, strict=True):
        if _COMPANY.search(quote):
            return True
        names = _NAME_ACRONYM.findall(quote) + (_INNER_CAPITAL.findall(quote) if in_prose else [])
        if any(name.lower() not in asked for name in names):
            return True
    return False


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
