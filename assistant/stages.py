"""Numbered stages of a project, for near misses.

"Hvor stort et tilskud har Vejdirektoratet givet til etape 3?" is not answered by the grant
for "etape 2": the sentence names the asked stage, with another number only.
"""

from __future__ import annotations

import re

# A numbered stage, version or zone of a project: "etape 2", "fase 3", "version 1",
# "delområde II", "zone 2" (of a contribution scheme)
_STAGE = re.compile(
    r"\b(etape|fase|version|delområde|runde|zone)(?:n|en|t|et)?\s+(\d+(?:\.\d+)?|[IVX]+)(?![\w.])",
    re.I,
)


def names_other_stage(question: str, sentence: str) -> bool:
    """The sentence names the question's stage with another number only ("tilskud til etape
    2" for "… givet til etape 3?"): a near miss, not an answer."""
    said = _stages(sentence)
    return any(
        noun in said and not said[noun] & numbers for noun, numbers in _stages(question).items()
    )


# The same stage named by its ordinal first: "anden etape", "2. etape", "første fase"
_ORDINALS = {
    "første": "1",
    "anden": "2",
    "andet": "2",
    "tredje": "3",
    "fjerde": "4",
    "femte": "5",
    "sjette": "6",
}
_ORDINAL_STAGE = re.compile(
    rf"\b({'|'.join(_ORDINALS)}|\d{{1,2}}\.)\s+(etape|fase|runde|version|zone)(?:n|en|t|et)?\b",
    re.I,
)


def _stages(text: str) -> dict[str, set[str]]:
    """The stages a text names, by noun: {"etape": {"2", "3"}}."""
    out: dict[str, set[str]] = {}
    for m in _STAGE.finditer(text):
        out.setdefault(m.group(1).lower(), set()).add(m.group(2).upper())
    for m in _ORDINAL_STAGE.finditer(text):
        ordinal = m.group(1).lower()
        number = _ORDINALS.get(ordinal, ordinal.rstrip("."))
        out.setdefault(m.group(2).lower(), set()).add(number)
    return out


def names_asked_stage(question: str, text: str) -> bool:
    """The text names a stage the question asks about, with its number ("etape 2")."""
    said = _stages(text)
    return any(said.get(noun, set()) & numbers for noun, numbers in _stages(question).items())
