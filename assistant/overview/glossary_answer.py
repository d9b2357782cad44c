"""Answer "Hvad betyder BIF?" / "What does SOF stand for?" from the corpus glossary.

The answering step calls `answer_definition(question, stores, access)` before retrieval: a
definition question about a term some readable document defines gets a one-line answer that
cites the defining passage; anything else returns None and goes through normal retrieval.
Abbreviations that are used but never defined are not guessed: with `include_undefined=True`
the caller gets an abstention that says so and points to where the abbreviation is used.
"""

from __future__ import annotations

import re
from typing import Any

from assistant.overview.glossary import is_abbreviation
from assistant.overview.glossary_index import lookup, undefined_usage
from assistant.types import Answer, Citation

_Q = r"[\"'“”«»‘’]?"
_TERM = r"(?P<term>[^\s?!.,;:\"'“”«»‘’()]+(?:[ -][^\s?!.,;:\"'“”«»‘’()]+){0,3}?)"
_PATTERNS = [
    # Danish
    rf"hvad\s+(?:betyder|betegner|dækker)\s+(?:forkortelsen\s+|begrebet\s+|ordet\s+|udtrykket\s+)?"
    rf"{_Q}{_TERM}{_Q}(?:\s+over)?\s*\??$",
    rf"hvad\s+står\s+(?:forkortelsen\s+)?{_Q}{_TERM}{_Q}\s+for\s*\??$",
    rf"hvad\s+(?:er|menes\s+der\s+med|forstås\s+ved)\s+(?:forkortelsen\s+|begrebet\s+|en\s+|et\s+)?"
    rf"{_Q}{_TERM}{_Q}\s*\??$",
    rf"(?:forklar|definer|definér)\s+(?:forkortelsen\s+|begrebet\s+)?{_Q}{_TERM}{_Q}\s*[.?!]?$",
    rf"(?:hvad\s+er\s+)?betydningen\s+af\s+{_Q}{_TERM}{_Q}\s*\??$",
    rf"{_Q}{_TERM}{_Q}\s+(?:står\s+for|betyder)\s*\??$",
    # English
    rf"what\s+(?:does|do)\s+(?:the\s+abbreviation\s+)?{_Q}{_TERM}{_Q}\s+(?:stand\s+for|mean)\s*\??$",
    rf"what\s+is\s+(?:an?\s+|the\s+)?{_Q}{_TERM}{_Q}\s*\??$",
    rf"(?:meaning|definition)\s+of\s+{_Q}{_TERM}{_Q}\s*\??$",
]
_COMPILED = [re.compile(p, re.IGNORECASE) for p in _PATTERNS]
# "Hvad er X?" also asks for facts ("Hvad er budgettet?"); such questions get None because
# the glossary does not know the term, and go through retrieval as usual.


def definition_term(question: str) -> str | None:
    """The term a definition question asks about, or None when it is no such question."""
    q = re.sub(r"\s+", " ", question.strip())
    q = re.sub(r"^(?:og|men|så|ok|okay)\s+", "", q, flags=re.IGNORECASE)
    for regex in _COMPILED:
        m = regex.search(q)
        if m and m.start() <= 2:
            term = m.group("term").strip(" -")
            return term or None
    return None


def _answer_entry(entry: dict[str, Any]) -> Answer:
    citations: list[Citation] = []
    lines = []
    for exp in entry["expansions"]:
        src = exp["sources"][0]  # the oldest document that defines it this way
        citations.append(Citation.from_source(len(citations) + 1, src))
        lines.append((exp, len(citations)))
    term = entry["term"]
    if len(lines) == 1:
        exp, n = lines[0]
        text = f"**{term}** {_verb(exp['kind'])} »{exp['expansion']}« [{n}]."
    else:
        items = "\n".join(f"- {_verb(e['kind'])} »{e['expansion']}« [{n}]" for e, n in lines)
        text = f"**{term}** forklares forskelligt i dokumenterne:\n{items}"
    return Answer(text=text, citations=citations, intent="definition", mode="extractive")


def _verb(kind: str) -> str:
    return {
        "abbreviation": "står for",
        "explanation": "forklares som",
        "term": "er betegnelsen for",
    }.get(kind, "står for")


def _answer_undefined(found: dict[str, Any]) -> Answer:
    citations = []
    for doc in found["documents"][:3]:
        occ = doc["occurrences"][0]
        citations.append(Citation.from_source(len(citations) + 1, occ))
    refs = " ".join(f"[{c.n}]" for c in citations)
    text = (
        f"Forkortelsen **{found['term']}** bruges i dokumenterne {refs}, men den forklares "
        "ingen steder, så jeg gætter ikke på, hvad den står for."
    )
    return Answer(
        text=text, citations=citations, abstained=True, intent="definition", mode="extractive"
    )


def answer_definition(
    question: str,
    stores: Any,
    access: set[str] | None,
    include_undefined: bool = False,
) -> Answer | None:
    """A cited definition from the glossary, or None (not a definition question, or the term
    is not defined in a document the caller may read).

    `stores` is anything with a `.registry` (the `Stores` bundle) or a `Registry` itself.
    With `include_undefined=True`, an abbreviation that is used but never defined gives an
    abstaining Answer that cites where it is used instead of None.
    """
    term = definition_term(question)
    if not term:
        return None
    registry = getattr(stores, "registry", stores)
    candidates = [term]
    words = term.split()
    if len(words) > 1:  # "forkortelsen BIF i referatet" -> "BIF"
        candidates += [w for w in words if is_abbreviation(w)]
    if term.endswith("s") and is_abbreviation(term[:-1]):
        candidates.append(term[:-1])  # genitive "SOFs"
    for cand in candidates:
        entry = lookup(registry, access, cand)
        if entry is not None:
            return _answer_entry(entry)
    if include_undefined:
        for cand in candidates:
            if is_abbreviation(cand):
                found = undefined_usage(registry, access, cand)
                if found is not None:
                    return _answer_undefined(found)
    return None  # not in the glossary: "Hvad er budgettet?" is a question for retrieval
