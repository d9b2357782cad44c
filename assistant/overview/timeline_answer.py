"""Answer "Hvad er der sket med Task Force-projektet?" from the timeline, latest status first.

`answer_what_happened(question, stores, access)` returns an extractive Answer listing what
happened (meetings, decisions, completions), newest first, then the deadlines that were set;
every line quotes its source. None when the question is not of that kind or nothing matches,
so the caller falls back to normal retrieval. A date is written only when the cited passage
states it, so every number in the answer is in a citation.
"""

from __future__ import annotations

import re
from typing import Any

from assistant.overview.timeline import what_happened
from assistant.types import Answer, Citation
from ingest.dates import MONTHS

_PATTERNS = [
    r"hvad\s+(?:er\s+der\s+sket|skete\s+der|sker\s+der|er\s+status)\s+(?:med|i|på|for)\s+(?P<t>.+?)",
    r"hvordan\s+(?:går\s+det|gik\s+det|står\s+det\s+til)\s+(?:med|i)\s+(?P<t>.+?)",
    r"(?:seneste\s+)?status\s+(?:på|for)\s+(?P<t>.+?)",
    r"what\s+(?:happened|has\s+happened|is\s+the\s+status)\s+(?:to|with|of|on)\s+(?P<t>.+?)",
]
_COMPILED = [re.compile(rf"^\s*{p}\s*[?.!]*\s*$", re.IGNORECASE) for p in _PATTERNS]
_MONTHS = list(MONTHS)  # januar ... december, in order


def topic_of(question: str) -> str | None:
    """The subject of a "what happened to X" question, or None."""
    for regex in _COMPILED:
        m = regex.match(question.strip())
        if m:
            topic = m.group("t").strip(" \"'»«“”")
            return topic or None
    return None


def _date_in_quote(iso: str, quote: str) -> str | None:
    y, mth, d = iso.split("-")
    for text in (f"{int(d)}. {_MONTHS[int(mth) - 1]} {y}", f"{_MONTHS[int(mth) - 1]} {y}"):
        if text.lower() in quote.lower():
            return text
    return None


def _line(e: dict[str, Any], n: int) -> str:
    quote = re.sub(r"\s+", " ", e["citation"]["quote"]).strip()
    when = _date_in_quote(e["date"], quote)
    if when is None and e.get("date_text") and e["date_text"].lower() in quote.lower():
        when = e["date_text"]
    if e["kind"] in ("meeting", "document"):
        # The citation is the document's date line; say what the document is, without the
        # title's numbers (agenda numbers are not in the cited date).
        what = e["label"].split(":", 1)[0]
        return f"- {when + ' · ' if when else ''}{what} [{n}]"
    head = f"{when} · {e['kind_label']}" if when else e["kind_label"]
    if len(quote) <= 220:
        return f"- {head}: »{quote}« [{n}]"
    return f"- {head}: »{quote[:217].rsplit(' ', 1)[0]}« … [{n}]"


def answer_what_happened(
    question: str, stores: Any, access: set[str] | None, limit: int = 6
) -> Answer | None:
    """Events about the question's subject, latest first, each cited; or None."""
    topic = topic_of(question)
    if not topic:
        return None
    registry = getattr(stores, "registry", stores)
    events = what_happened(registry, access, topic, limit=limit)
    if not events:
        return None
    citations: list[Citation] = []
    happened, deadlines = [], []
    for e in events:
        c = e["citation"]
        citations.append(Citation.from_source(len(citations) + 1, c))
        (deadlines if e["kind"] == "deadline" else happened).append(_line(e, len(citations)))
    parts = [f"Det seneste om **{topic}**, nyeste først:"]
    parts += happened
    if deadlines:
        parts += ["", "Frister, der er sat:"] + deadlines
    return Answer(text="\n".join(parts), citations=citations, intent="timeline", mode="extractive")
