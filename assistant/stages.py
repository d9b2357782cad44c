"""Numbered stages and named parts of a project, for near misses.

"Hvor stort et tilskud har Vejdirektoratet givet til etape 3?" is not answered by the grant
for "etape 2": the sentence names the asked stage, with another number only. "Hvad koster
ombygningen af Vestermølle afdeling?" is not answered by "ombygning … på Egelund afdeling":
the sentence names a sibling of the asked part, and not the asked one.
"""

from __future__ import annotations

import re
from functools import cache

import Stemmer

from assistant.analysis import STOPWORDS_FILE, read_word_list

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


# A project's coded part: "tiltag T5", "BU-07", "R-4" (a capital prefix and its number); the
# prefix is the noun, so "T1" and "T5" are two parts of one kind
_CODE = re.compile(r"(?<![\w-])([A-ZÆØÅ]{1,3})-?(\d{1,3})(?!\w|[.,]\d)")


def _stages(text: str) -> dict[str, set[str]]:
    """The stages a text names, by noun: {"etape": {"2", "3"}, "T": {"5"}}."""
    out: dict[str, set[str]] = {}
    for m in _CODE.finditer(text):
        out.setdefault(m.group(1), set()).add(str(int(m.group(2))))
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


_WORD = re.compile(r"[^\W\d_][\w-]*")
_SENTENCE_START = re.compile(r"(?:^|[.?!:]\s*|\n\s*)$")


@cache
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("danish")


@cache
def _stopwords() -> frozenset[str]:
    return frozenset(read_word_list(STOPWORDS_FILE))


def _is_name(word: str) -> bool:
    """ "Egelund", "Nørre-Vedby"; not "Flextur-taksterne", a compound whose head is a noun."""
    return (
        len(word) >= 3
        and word[0].isupper()
        and not word.isupper()
        and re.search(r"-[a-zæøå]", word) is None
    )


def _named_parts(text: str) -> dict[tuple[str, str], set[str]]:
    """The names a text gives parts of a kind, by the word beside them: "Egelund afdeling"
    -> {("after", "afdeling"): {"egelund"}}, "Område Nord" -> {("before", "områd"): {"nord"}}
    (a kind before a name is capitalised with it: a lower-case word there is mostly a verb).
    A capitalised word opening a sentence is no name ("Hvad …", "Kerneproduktet er …")."""
    words = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]
    stem, stop = _stemmer().stemWord, _stopwords()
    out: dict[tuple[str, str], set[str]] = {}
    for i, (word, start, _end) in enumerate(words):
        if not _is_name(word) or _SENTENCE_START.search(text[:start]):
            continue
        name = stem(word.lower())
        for side, j in (("after", i + 1), ("before", i - 1)):
            if not 0 <= j < len(words):
                continue
            other = words[j][0].lower()
            first, second = sorted((i, j))
            gap = text[words[first][2] : words[second][1]]
            if other in stop or len(other) < 3 or not gap.isspace():
                continue  # "af Vestermølle", "Vestermølle, og": no kind named beside it
            if side == "before" and not words[j][0][:1].isupper():
                continue  # "stemte Jonas Kragh": a verb before a name is no kind of it
            out.setdefault((side, stem(other)), set()).add(name)
    return out


def names_sibling(question: str, text: str, context: str = "") -> bool:
    """The text names another part of the kind the question names ("Egelund afdeling" for
    "… Vestermølle afdeling?", "Område Syd" for "Område Nord") and never the asked one, nor
    does its `context` (its titles and headings: a letter headed "… ved Skovlund Skole" is
    about that school when it says "til Havnbjerg Skole")."""
    said = _named_parts(text)
    around = _named_parts(context)
    low = text.lower()
    for key, names in _named_parts(question).items():
        others = said.get(key, set()) - names
        if not others or names & around.get(key, set()):
            continue
        if not any(name[: max(4, len(name) - 1)] in low for name in names):
            return True
    return False
