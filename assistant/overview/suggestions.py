"""Starter questions that the assistant has been seen to answer, with a citation.

A new employee's first impression of the assistant is the questions it suggests, so each one
must be sensible and answerable. Candidates come only from clean pieces of the readable
documents: agenda item titles, budget initiatives, defined abbreviations, programme names
(clean document titles) and the open follow-ups. Phrases that are page furniture (navigation,
tables of contents, attachment lists, table cells, file names) or fragments cut at a line break
are never used. Every candidate is then put to the real assistant, with the caller's access,
and kept only when the answer does not abstain and cites a document the candidate came from.

Checking costs one answer per candidate, so the result is cached per corpus version: the
readable documents' ids and content hashes, and the caller's access set.
"""

from __future__ import annotations

import hashlib
import logging
import re
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from assistant.overview.facts_source import facts_by_document, is_open
from assistant.overview.glossary_index import build_glossary
from assistant.overview.programmes import list_programmes
from assistant.types import Answer
from stores.registry import Registry

log = logging.getLogger(__name__)

# Bumped when candidate generation or the check changes, so an old cache is not reused.
CHECK_VERSION = "2"
MAX_CHECKS = 40  # answers computed per build at most (each ~0.1-0.3 s on two cores)

Ask = Callable[[str], Answer]


@dataclass(frozen=True)
class Candidate:
    question: str
    kind: str  # "budget" | "item" | "abbreviation" | "programme" | "followups"
    origin: frozenset[str]  # ids of the documents an answer must cite to count


# ------------------------------------------------------------------ what a clean phrase is

# Navigation and page furniture of web pages and PDFs, in Danish and English.
_FURNITURE = re.compile(
    r"\b(?:tilbage til|til toppen|forsiden|gå til|spring over|log ind|log ud|udskriv|menu|"
    r"cookie\w*|javascript|læs mere|klik her|hent som|download|side \d+ af|indholdsfortegnelse|"
    r"bilagsliste|vedhæftet|underskriftsark|from|subject|doc id)\b",
    re.IGNORECASE,
)
_FILE_OR_URL = re.compile(r"\.(?:pdf|docx?|xlsx?|html?|md|txt)\b|https?://|www\.|@", re.I)
_MARKUP = re.compile(r"[|\[\]{}<>#*_=~`\\]|(?<!\w)/|/(?!\w)|\.{3,}|…")
# Words a phrase cannot start or end with when it is whole (it was cut at a line break).
_FUNCTION_WORDS = {
    "af", "at", "bl", "ca", "da", "de", "den", "der", "dermed", "dette", "det", "efter", "en",
    "et", "fire", "for", "fra", "fx", "hvor", "i", "jf", "med", "mv", "og", "om", "op", "over",
    "pr", "på", "samt", "som", "således", "til", "to", "tre", "under", "ved", "eller", "men",
    "alt", "samlet", "herunder", "blandt", "mellem", "hvis", "når", "årligt", "årlig",
}  # fmt: skip
# Routine agenda items every meeting has; asking about them teaches a newcomer nothing.
_ROUTINE_ITEM = re.compile(
    r"^(?:godkendelse af (?:dagsorden|referat)|dagsorden|referat|eventuelt|meddelelser|"
    r"orientering(?:er)? fra|huskeliste|mødekalender|mødeplan|underskrift|lukket\b|fortroligt)"
    r"|mødekalender|mødeplan",
    re.IGNORECASE,
)
_LEADING_NUMBER = re.compile(
    r"^(?:(?:punkt|pkt\.?|sag|beslutning|ad)\s+)?\d+[a-z]?\s*[.):]\s*", re.IGNORECASE
)
_PARENTHESIS = re.compile(r"\s*\([^()]*\)")
# A programme named after a document rather than an initiative ("Referat – Udvalget").
_DOCUMENT_NAME = re.compile(
    r"^(?:referat|dagsorden|bilag|notat|beslutning|mødereferat|protokol)\b", re.IGNORECASE
)
_AMOUNT = re.compile(r"\d[\d.,]*\s*(?:mio\.?|mia\.?|millioner|milliarder|t\.)?\s*kr", re.I)
_TAG = re.compile(r"^\s*\[[A-ZÆØÅ]{2,5}\]\s*")  # "[ODR] ..." decision-record prefixes


def is_furniture(phrase: str) -> bool:
    """True for navigation, file names, table cells, markup or a table-of-contents line."""
    return bool(_FURNITURE.search(phrase) or _FILE_OR_URL.search(phrase) or _MARKUP.search(phrase))


def clean_phrase(text: str | None, max_words: int = 10, allow_digits: bool = True) -> str | None:
    """The phrase tidied, or None when it is not a whole, readable name of something."""
    if not text:
        return None
    phrase = _TAG.sub("", re.sub(r"\s+", " ", text)).strip(" .,:;–-")
    words = phrase.split()
    if not 1 <= len(words) <= max_words or len(phrase) > 110 or is_furniture(phrase):
        return None
    if not allow_digits and re.search(r"\d", phrase):
        return None
    letters = sum(c.isalpha() for c in phrase)
    if letters < 0.55 * len(phrase.replace(" ", "")):
        return None
    first, last = words[0].lower().strip("(),"), words[-1].lower().strip("(),")
    if first in _FUNCTION_WORDS or last in _FUNCTION_WORDS or len(last) < 2:
        return None
    if phrase.count("(") != phrase.count(")") or phrase.count('"') % 2:
        return None
    return phrase


def _initiative(text: str | None) -> str | None:
    """A budget initiative as the object of "afsat til …": 2-6 words, no digits or commas."""
    phrase = clean_phrase(text, max_words=6, allow_digits=False)
    if phrase is None or len(phrase.split()) < 2 or "," in phrase or ":" in phrase:
        return None
    # Keep proper nouns and abbreviations, lower-case an ordinary first word.
    first, _, rest = phrase.partition(" ")
    proper = first.isupper() or any(c.isupper() for c in first[1:]) or rest[:1].isupper()
    return f"{first if proper else first.lower()} {rest}".strip()


def _stands_alone(initiative: str, quote: str) -> bool:
    """The initiative is the whole object of "til …" in its quote, not a cut clause: it
    follows "til" and ends the clause (punctuation, a year, or the end of the quote)."""
    text = re.sub(r"\s+", " ", quote).lower()
    phrase = re.escape(re.sub(r"\s+", " ", initiative).lower())
    tail = r"(?:$|[.,;:)]|\s\(|\s(?:i|fra|over|for|frem til)\s\d)"
    return bool(re.search(rf"\btil {phrase}{tail}", text))


def _item_title(title: str | None) -> str | None:
    """An agenda item's title without its number, unless it is routine or cut off."""
    title = _PARENTHESIS.sub("", _LEADING_NUMBER.sub("", _TAG.sub("", title or "")))
    phrase = clean_phrase(title, max_words=10)
    if phrase is None or len(phrase.split()) < 2 or _ROUTINE_ITEM.search(phrase):
        return None
    return phrase


def _short_name(name: str, max_words: int = 6) -> str:
    """ "Task Force-projektet i Afdeling for Børn og Familie" -> "Task Force-projektet"."""
    words = name.split()
    if len(words) <= max_words:
        return name
    for i, w in enumerate(words[2:], 2):
        if w in ("i", "for", "på", "til", "af", "med"):
            return " ".join(words[:i])
    return " ".join(words[:max_words])


# ------------------------------------------------------------------ candidates


def _agenda_items(registry: Registry, docs: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """(doc id, item title) of every agenda item section, newest document first."""
    out = []
    for doc in docs:
        record = registry.get_document(doc["id"])
        if record is None:
            continue
        # Where ingest marks blocks, a heading inside a table of contents, an attachment list
        # or page furniture is not an item of the meeting.
        furniture = [
            (b.start, b.end)
            for b in getattr(record, "blocks", None) or []
            if b.kind in ("toc", "attachments", "boilerplate")
        ]
        for section in record.sections:
            if section.kind != "agenda_item":
                continue
            if not any(a <= section.start < b for a, b in furniture):
                out.append((doc["id"], section.title))
    return out


def candidate_pools(registry: Registry, access: set[str] | None) -> list[list[Candidate]]:
    """Candidates by kind, best first within each kind (none is checked yet)."""
    docs = registry.list_documents(access)
    if not docs:
        return []
    facts = facts_by_document(registry, docs, access)

    items: dict[str, Candidate] = {}
    titles_seen: set[str] = set()
    decided = [(d["doc_id"], d.get("item_title")) for f in facts.values() for d in f["decisions"]]
    for doc_id, title in [*decided, *_agenda_items(registry, docs)]:
        phrase = _item_title(title)
        if phrase and phrase.lower() not in titles_seen:
            titles_seen.add(phrase.lower())
            q = f"Hvad blev der besluttet om {phrase}?"
            items[q] = Candidate(q, "item", frozenset({doc_id}))

    budgets: dict[str, Candidate] = {}
    allocations = sorted(
        (b for f in facts.values() for b in f["budgets"] if b.get("is_allocation")),
        key=lambda b: -(b.get("amount_dkk") or 0),
    )
    for b in allocations:
        phrase = _initiative(b.get("initiative"))
        if not phrase or phrase.lower() in titles_seen:  # an item title is asked about above
            continue
        if not _stands_alone(phrase, b.get("quote") or ""):
            continue
        q = f"Hvor meget blev afsat til {phrase}?"
        prev = budgets.get(q)
        origin = frozenset({b["doc_id"]}) | (prev.origin if prev else frozenset())
        budgets[q] = Candidate(q, "budget", origin)

    glossary: dict[str, Any] = build_glossary(registry, access)
    abbreviations = sorted(
        (e for e in glossary["entries"] if e["kind"] == "abbreviation"),
        key=lambda e: -sum(u["count"] for u in e["used_in"]),
    )
    terms = [
        Candidate(
            f"Hvad betyder {e['term']}?",
            "abbreviation",
            frozenset(s["doc_id"] for x in e["expansions"] for s in x["sources"]),
        )
        for e in abbreviations
        if clean_phrase(e["term"], max_words=2)
    ]

    programmes = []
    for p in sorted(list_programmes(registry, access), key=lambda p: p["date_to"] or "")[::-1]:
        name = clean_phrase(_short_name(p["name"]), max_words=6, allow_digits=False)
        if not name or len(name.split()) < 2 or _DOCUMENT_NAME.match(name):
            continue
        if name.lower() not in titles_seen:
            q = f"Hvad er der sket med {name}?"
            programmes.append(Candidate(q, "programme", frozenset(d["id"] for d in p["documents"])))

    open_docs = frozenset(
        x["doc_id"] for f in facts.values() for x in f["followups"] if is_open(x)
    )  # fmt: skip
    general = (
        [Candidate("Hvilke opfølgninger mangler?", "followups", open_docs)] if open_docs else []
    )
    return [
        _spread(list(budgets.values())),
        _spread(list(items.values())),
        terms,
        general,
        programmes,
    ]


def _spread(pool: list[Candidate]) -> list[Candidate]:
    """Each document's first candidate before any document's second (order kept otherwise)."""
    rank: dict[frozenset[str], int] = {}
    keyed = []
    for i, c in enumerate(pool):
        rank[c.origin] = rank.get(c.origin, -1) + 1
        keyed.append((rank[c.origin], i, c))
    return [c for _, _, c in sorted(keyed, key=lambda t: t[:2])]


def _interleaved(pools: list[list[Candidate]]) -> Iterable[Candidate]:
    """One of each kind in turn, so every kind is represented before any repeats."""
    pools = [list(p) for p in pools]
    while any(pools):
        for pool in pools:
            if pool:
                yield pool.pop(0)


# ------------------------------------------------------------------ the check


def answers_with_citation(candidate: Candidate, ask: Ask) -> bool:
    """The assistant answers without abstaining and cites a document the question came from."""
    try:
        answer = ask(candidate.question)
    except Exception:
        log.warning("checking starter question %r failed", candidate.question, exc_info=True)
        return False
    if answer.abstained or not answer.citations:
        return False
    if candidate.kind == "budget" and not _AMOUNT.search(answer.text):
        return False  # an answer about money that names no amount did not answer
    return any(c.doc_id in candidate.origin for c in answer.citations)


_TEMPLATE_WORDS = {
    "hvor", "meget", "blev", "afsat", "hvad", "besluttet", "betyder", "hvilke", "opfølgninger",
    "mangler", "sket", "med", "til", "der", "for", "den", "det", "som", "fra", "og", "af", "om",
    "på", "ny", "nye", "nyt", "en", "et", "de", "er", "ved", "under", "over",
}  # fmt: skip


def _topic_words(question: str) -> set[str]:
    return {w for w in re.findall(r"\w{3,}", question.lower()) if w not in _TEMPLATE_WORDS}


def _repeats(question: str, kept: list[str]) -> bool:
    """Two suggestions about the same thing ("Lunas Ark") teach less than two about two."""
    words = _topic_words(question)
    return any(len(words & _topic_words(q)) >= 2 for q in kept)


def checked_questions(
    registry: Registry, access: set[str] | None, ask: Ask, limit: int = 6
) -> list[str]:
    """Up to `limit` candidates, in interleaved order, that pass `answers_with_citation`."""
    kept: list[str] = []
    checks = 0
    for candidate in _interleaved(candidate_pools(registry, access)):
        if len(kept) >= limit or checks >= MAX_CHECKS:
            break
        if candidate.question in kept or _repeats(candidate.question, kept):
            continue
        checks += 1
        if answers_with_citation(candidate, ask):
            kept.append(candidate.question)
    return kept


def corpus_version(registry: Registry, access: set[str] | None) -> str:
    """A key that changes when any readable document is added, removed or changed."""
    rows = registry.conn.execute("SELECT id, content_hash, access FROM documents").fetchall()
    digest = hashlib.sha256(CHECK_VERSION.encode())
    for row in sorted(rows, key=lambda r: r["id"]):
        if access is None or row["access"] in access:
            digest.update(f"{row['id']}:{row['content_hash']}\n".encode())
    digest.update(("|".join(sorted(access)) if access is not None else "*").encode())
    return digest.hexdigest()


class SuggestionCache:
    """Checked starter questions per corpus version and access set, built once per process."""

    MAX_ENTRIES = 64  # corpus versions x access sets kept

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._building: dict[str, threading.Lock] = {}
        self._cache: dict[str, list[str]] = {}

    def get(
        self, registry: Registry, access: set[str] | None, ask: Ask, limit: int = 6
    ) -> list[str]:
        key = corpus_version(registry, access)
        with self._lock:
            if key in self._cache:
                return self._cache[key][:limit]
            build_lock = self._building.setdefault(key, threading.Lock())
        with build_lock:  # concurrent callers wait for one build
            with self._lock:
                questions = self._cache.get(key)
            if questions is None:
                questions = checked_questions(registry, access, ask, limit=max(limit, 6))
                with self._lock:
                    while len(self._cache) >= self.MAX_ENTRIES:  # old corpus versions go first
                        self._cache.pop(next(iter(self._cache)))
                    self._cache[key] = questions
                    self._building.pop(key, None)
        return questions[:limit]


CACHE = SuggestionCache()


def starter_questions(
    registry: Registry, access: set[str] | None, ask: Ask, limit: int = 6
) -> list[str]:
    """Up to `limit` questions in Danish that the assistant answers from the readable documents."""
    return CACHE.get(registry, access, ask, limit)
