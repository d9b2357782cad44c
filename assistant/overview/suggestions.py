"""Starter questions generated from what the caller's documents contain.

A new employee does not know what to ask; the questions shown first should be ones the
corpus can answer. Each comes from a template filled with something found in the readable
documents: an initiative with an allocated amount, outstanding follow-ups, a programme, a
defined abbreviation, a committee's decisions. Nothing is written for a particular corpus.
"""

from __future__ import annotations

import re
from typing import Any

from assistant.overview.facts_source import facts_by_document, is_open
from assistant.overview.glossary_index import build_glossary
from assistant.overview.programmes import list_programmes
from stores.registry import Registry


def _short_name(name: str, max_words: int = 6) -> str:
    """ "Task Force-projektet i Afdeling for Børn og Familie" -> "Task Force-projektet"."""
    words = name.split()
    if len(words) <= max_words:
        return name
    for i, w in enumerate(words[2:], 2):
        if w in ("i", "for", "på", "til", "af", "med"):
            return " ".join(words[:i])
    return " ".join(words[:max_words])


def _initiative_phrase(text: str) -> str | None:
    text = re.sub(r"\s+", " ", text).strip(" .,:;")
    if not text or len(text.split()) > 5 or re.search(r"\d", text):
        return None
    # Keep proper nouns and abbreviations, lower-case an ordinary first word.
    first, _, rest = text.partition(" ")
    if not first.isupper() and not (rest and rest[:1].isupper()):
        first = first.lower()
    return f"{first} {rest}".strip()


def starter_questions(registry: Registry, access: set[str] | None, limit: int = 6) -> list[str]:
    """Up to `limit` questions in Danish that the readable documents can answer."""
    docs = registry.list_documents(access)
    if not docs:
        return []
    facts = facts_by_document(registry, docs, access)
    budgets = [b for f in facts.values() for b in f["budgets"]]
    followups = [x for f in facts.values() for x in f["followups"]]
    decisions = [x for f in facts.values() for x in f["decisions"]]

    budget_qs: list[str] = []
    allocations = sorted(
        (b for b in budgets if b.get("is_allocation") and b.get("initiative")),
        key=lambda b: -(b.get("amount_dkk") or 0),
    )
    for b in allocations:
        phrase = _initiative_phrase(b["initiative"])
        q = f"Hvor meget blev afsat til {phrase}?" if phrase else None
        if q and q not in budget_qs:
            budget_qs.append(q)

    programme_qs = [
        f"Hvad er der sket med {_short_name(p['name'])}?"
        for p in sorted(
            list_programmes(registry, access), key=lambda p: p["date_to"] or "", reverse=True
        )  # fmt: skip
    ]
    glossary: dict[str, Any] = build_glossary(registry, access)
    abbreviations = sorted(
        (e for e in glossary["entries"] if e["kind"] == "abbreviation"),
        key=lambda e: -sum(u["count"] for u in e["used_in"]),
    )
    glossary_qs = [f"Hvad betyder {e['term']}?" for e in abbreviations]
    committees = [d["committee"] for d in docs if d["committee"]]
    decided = {x.get("committee") or "" for x in decisions}
    committee_qs = [f"Hvad har {c} besluttet?" for c in dict.fromkeys(committees) if c in decided]
    general = []
    if any(is_open(f) for f in followups):
        general.append("Hvilke opfølgninger mangler?")
    if allocations:
        general.append("Hvilke projekter har fået penge, og hvor meget?")

    # Interleave so every kind of question is represented before any repeats.
    pools = [budget_qs[:2], general[:1], programme_qs[:2], glossary_qs[:2], committee_qs[:1],
             general[1:]]  # fmt: skip
    out: list[str] = []
    while len(out) < limit and any(pools):
        for pool in pools:
            if pool and len(out) < limit:
                q = pool.pop(0)
                if q not in out:
                    out.append(q)
    return out
