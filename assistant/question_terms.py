"""The question's words as the answerer weighs them: stems, compound parts, synonyms and
corpus relatives per surface word (`WordGroup`), their IDF over the corpus's chunks and how
specific each is (`TermStats`), and how much of a question a text covers (`coverage`).

Kept apart from the answerer because retrieval's final reorder and the facts answers weigh
questions the same way.
"""

from __future__ import annotations

import math
import re
import threading
from dataclasses import dataclass, replace

from assistant.analysis import DanishAnalyzer
from assistant.commonness import general_idf
from assistant.intent import CUE_WORDS
from assistant.synonyms import synonym_stems
from stores.registry import Registry

WORD = re.compile(r"\w+(?:[-./'’]\w+)*")

# English question words -> Danish stems the documents use (the only translation we do: the
# corpus is Danish, and dense retrieval already carries the English question to the chunk).
_ENGLISH_HINTS = {
    "allocated": "afsat",
    "allocation": "afsat",
    "budget": "budget",
    "cost": "koste",
    "costs": "koste",
    "committee": "udvalg",
    "council": "byråd",
    "decided": "besluttede",
    "decision": "beslutning",
    "approve": "godkend",
    "approved": "godkendt",
    "carried": "gennemført",
    "completed": "gennemført",
    "finished": "færdig",
    "rebuilding": "ombygning",
    "reorganisation": "organisationsændring",
    "reorganization": "organisationsændring",
    "employees": "medarbejdere",
    "experienced": "erfarne",
    "project": "projekt",
    "recommendation": "indstilling",
    "action": "handleplan",
    "plans": "planer",
    "education": "uddannelse",
    "law": "lovgivning",
    "counsellors": "vejledere",
    "wrote": "notat",
    "memo": "notat",
    "case": "sag",
    "number": "nummer",
    "date": "dato",
    "dated": "dato",
    "month": "måned",
    "year": "år",
    "status": "status",
    "report": "status",
    "note": "efterretning",
    "social": "social",
    "expected": "forventes",
    "total": "samlede",
    "competence": "kompetence",
    "development": "udvikling",
    "job": "job",
    "centre": "center",
    "centres": "centre",
    # the words of meetings, money and plans an English question about Danish minutes uses
    "municipality": "kommune",
    "municipalities": "kommuner",
    "pay": "betaler",
    "pays": "betaler",
    "paid": "betalt",
    "price": "pris",
    "prices": "priser",
    "fee": "takst",
    "fees": "takster",
    "grant": "tilskud",
    "subsidy": "tilskud",
    "application": "ansøgning",
    "apply": "søge",
    "preliminary": "forundersøgelse",
    "coastal": "kyst",
    "meeting": "møde",
    "minutes": "referat",
    "steering": "styregruppe",
    "group": "gruppe",
    "members": "medlemmer",
    "member": "medlem",
    "chair": "formand",
    "chairman": "formand",
    "apologies": "afbud",
    "absent": "fraværende",
    "deadline": "frist",
    "next": "næste",
    "steps": "skridt",
    "delayed": "forsinket",
    "delay": "forsinkelse",
    "reason": "årsag",
    "responsible": "ansvarlig",
    "school": "skole",
    "children": "børn",
    "elderly": "ældre",
    "road": "vej",
    "roads": "veje",
    "speed": "hastighed",
    "traffic": "trafik",
    "safety": "sikkerhed",
    "climate": "klima",
    "savings": "besparelser",
    "expenses": "udgifter",
    "spending": "forbrug",
    "overspending": "merforbrug",
    "construction": "anlæg",
    "renovation": "renovering",
    "agenda": "dagsorden",
    "item": "punkt",
}

# "Hvem var ikke til stede?" asks who was absent: minutes write "Fraværende:" or "Afbud:"
# (or "Hvem manglede ved mødet?")
_ABSENT = re.compile(
    r"\bikke\s+(?:var\s+|er\s+|været\s+)?til\s+stede\b|\bhvem\s+manglede\b", re.IGNORECASE
)
# "om året", "pr. år": what documents call "årlig" ("Den årlige kontraktsum udgør …"); not
# "årets" (this year's)
_PER_YEAR = re.compile(r"\b(?:om|pr\.?|per)\s+år(?:et)?\b", re.IGNORECASE)
# "Hvad løber X op i?", "Hvad ender/lander X på?", "Hvad endte udvalget med …?": the verb says
# "amounts to" or "came to", nothing of the subject ("lander" is no "landevej"); so does
# "regnede … med" (expected, or counted in: "Hvor stort et merforbrug regnede udvalget med?")
_COMES_TO = re.compile(
    r"\b(?:løber|løb|lander|landede|ender|endte|regner|regnede|regnet|regne)\b"
    r"(?=(?:\s+\S+){0,6}?\s+(?:op|på|med)\b)"
    # "Hvornår løber høringen?": the verb says "runs", a period is asked
    r"|(?<=hvornår )løb(?:er)?\b",
    re.IGNORECASE,
)


@dataclass
class WordGroup:
    """One surface word of the question: its stems, its compound parts and its weight."""

    word: str
    main: tuple[str, ...]
    parts: tuple[str, ...]
    weight: float
    relatives: tuple[str, ...] = ()  # corpus terms sharing a long prefix ("arbejdsmarked...")


# "Hvilke opgaver er endnu ikke sat i gang?": a status column's "Ikke påbegyndt" (its rows
# saying "I gang" are the opposite)
_NOT_STARTED = re.compile(
    r"\bikke\s+(?:er\s+|blevet\s+|været\s+)?(?:sat|gået|kommet)\s+i\s+gang\b"
    r"|\bikke\s+(?:er\s+|blevet\s+)?(?:startet|begyndt|igangsat)\b",
    re.IGNORECASE,
)


def in_document_words(question: str) -> str:
    """The question with idioms put in the words documents use: "hvem manglede" is a minutes'
    "Fraværende", "om året" a budget's "årligt", "ikke sat i gang" a status's "Ikke
    påbegyndt"."""
    question = _NOT_STARTED.sub("ikke påbegyndt", _ABSENT.sub("fraværende", question))
    return _PER_YEAR.sub("årligt", question)


_TERMS_KEPT = 100_000  # texts whose terms `TermStats.terms` keeps


class TermStats:
    """Analyzer fitted on the corpus and term document frequencies over chunks.

    Rebuilt when the registry's revision changes; a few milliseconds per hundred chunks.
    """

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self._lock = threading.Lock()
        self._revision = -1
        self.analyzer = DanishAnalyzer(particle_verbs=True, general_words=True)
        self.df: dict[str, int] = {}
        self.n = 0
        self._cue_terms: frozenset[str] = frozenset()
        self._relatives: dict[str, tuple[str, ...]] = {}
        self._terms: dict[str, frozenset[str]] = {}  # `terms` by text, for this analyzer

    def refresh(self) -> TermStats:
        revision = self.registry.revision()
        with self._lock:
            if revision != self._revision:
                texts = [r["text"] for r in self.registry.all_chunks()]
                analyzer = DanishAnalyzer(particle_verbs=True, general_words=True)
                analyzer.fit_vocabulary(texts)
                df: dict[str, int] = {}
                for text in texts:
                    for term in set(analyzer.analyze(text)):
                        df[term] = df.get(term, 0) + 1
                self.analyzer, self.df, self.n = analyzer, df, len(texts)
                self._terms = {}
                self._relatives = {}
                self._cue_terms = frozenset(t for w in CUE_WORDS for t in analyzer.analyze(w))
                self._revision = revision
        return self

    def idf(self, term: str) -> float:
        n = max(self.n, 1)
        df = min(self.df.get(term, 0), n)
        return math.log(1.0 + (n - df + 0.5) / (df + 0.5))

    def specificity(self, group: WordGroup) -> float:
        """How well the word names a subject: its weight in the corpus, but no more than its
        IDF in general Danish ("står", "fast" are rare in a few documents, not in the
        language). A simple word no document has names nothing to look for: a paraphrase
        ("punge ud"); a name ("Herredsvej") keeps its weight, its absence is a near miss."""
        if not group.parts and not group.word[:1].isupper() and not self.seen(group):
            return 0.0
        specificity = min(group.weight, general_idf(group.word))
        if group.parts and not any(self.df.get(t, 0) for t in (*group.main, *group.relatives)):
            # a compound no document has whole ("konsulenthjælp") is a paraphrase of its head,
            # looked up as written ("driftspenge": "penge", not its stem "peng")
            head = group.parts[-1]
            at = group.word.lower().rfind(head)
            written = group.word[at:].lower() if at > 0 else head
            specificity = min(specificity, general_idf(head), general_idf(written))
        return specificity

    def is_cue(self, term: str) -> bool:
        return term in self._cue_terms

    def seen(self, group: WordGroup) -> bool:
        """Some form of the word occurs in the corpus."""
        return any(self.df.get(t, 0) > 0 for t in (*group.main, *group.parts, *group.relatives))

    def terms(self, text: str) -> frozenset[str]:
        """The text's index terms. Kept by text: an answer analyses the same sentences,
        headings and section texts of its passages again and again, and so do the next
        questions on the same documents (analysis was a fifth of an answer's time)."""
        found = self._terms.get(text)
        if found is None:
            if len(self._terms) >= _TERMS_KEPT:  # bounded memory; a new batch refills it
                self._terms = {}
            found = self._terms[text] = frozenset(self.analyzer.analyze(text))
        return found

    def groups(self, question: str, english: bool = False) -> list[WordGroup]:
        """The question's words as weighted groups (stopwords dropped, cue words light)."""
        question = _COMES_TO.sub(" ", in_document_words(question))
        words = [m.group() for m in WORD.finditer(question)]
        if english:
            # English words cannot match Danish text; their Danish counterparts can.
            words = [_ENGLISH_HINTS.get(w.lower(), w) for w in words]
        again = any(w.lower() == "igen" for w in words)
        groups: list[WordGroup] = []
        origin: list[int] = []  # the word each group came from
        seen: set[str] = set()
        for position, word in enumerate(words):
            spans: list[tuple[list[str], list[str]]] = []
            for token in self.analyzer.tokens(word):
                if not token.derived:
                    spans.append(([token.term], []))
                elif spans:
                    spans[-1][1].append(token.term)
            # "jobmatch-løsning" is two words: each piece is weighed by its own commonness
            pieces = word.split("-") if len(spans) > 1 else []
            for i, (main, parts) in enumerate(spans):
                surface = pieces[i] if len(pieces) == len(spans) else word
                if main[0] in seen:
                    continue
                seen.add(main[0])
                alternatives = self.near_terms(main[0]) if not parts else []
                weight = self._weight(main, parts)
                if alternatives:
                    weight = min(self.idf(t) for t in alternatives)
                    weight *= 0.3 if self.is_cue(main[0]) else 1.0
                if not alternatives and not parts and all(self.df.get(t, 0) == 0 for t in main):
                    # An unseen simple word: a typo, an inflection the stemmer misses or an
                    # English word; it still counts, but does not decide alone.
                    weight *= 0.3 if english else 0.6
                synonyms = list(synonym_stems(main[0], self.analyzer))
                inflected = [
                    t
                    for t in (*syncope_forms(main[0]), *participle_forms(main[0]))
                    if self.df.get(t, 0) > 0
                ]
                if again and not parts:
                    inflected += self._again_forms(main[0], words[position + 1 : position + 2])
                groups.append(
                    WordGroup(
                        surface,
                        tuple(dict.fromkeys(main + alternatives + synonyms + inflected)),
                        tuple(parts),
                        weight,
                        self.relatives(main[0]),
                    )
                )
                origin.append(position)
        return _one_weight_per_name(groups, origin, words)

    def _again_forms(self, stem: str, following: list[str]) -> list[str]:
        """A verb with "igen" is the same verb with "gen-": "Hvornår åbner pladsen igen?" /
        "genåbning 1. februar 2027", "tages op igen" / "genoptages". The corpus's terms that
        start so, a few letters of derivation at most ("genåbn", "genåbning")."""
        particle = following[0].lower() if following else ""
        heads = [f"gen{stem}"]
        if particle in _PARTICLES:
            heads.append(f"gen{particle}{stem}")
        return [
            t
            for t in self.df
            if any(t.startswith(head) and len(t) <= len(head) + 4 for head in heads)
        ]

    def relatives(self, term: str) -> tuple[str, ...]:
        """Corpus terms that share a long prefix with `term` ("arbejdsmarked" and
        "arbejdsmarkedsområd"): compounds and derivations the stemmer keeps apart."""
        if len(term) < 4 or not term.isalpha():
            return ()
        cached = self._relatives.get(term)
        if cached is not None:
            return cached
        out = []
        for t in self.df:
            if t == term or not t.isalpha():
                continue
            if len(term) < 7:
                # short stems: only a few letters of derivation ("ændr" -> "ændring")
                if t.startswith(term) and len(t) <= len(term) + 4:
                    out.append(t)
                continue
            shorter = min(len(t), len(term))
            need = max(7, int(0.75 * shorter) + 1)
            if (
                shorter >= 7
                and t[:need] == term[:need]
                and (t.startswith(term) or term.startswith(t) or shorter >= 8)
            ):
                out.append(t)
        result = tuple(sorted(out)[:30])
        self._relatives[term] = result
        return result

    def near_terms(self, term: str) -> list[str]:
        """Corpus terms an unseen question term probably means: the words it abbreviates
        ("medarb." -> "medarbejd") or a one-letter typo ("atraktiv" -> "attraktiv")."""
        if self.df.get(term, 0) > 0 or len(term) < 4 or not term.isalpha():
            return []
        found = [
            t
            for t in self.df
            if (len(t) > len(term) and t.startswith(term))
            or (len(t) >= 4 and len(term) - len(t) <= 2 and term.startswith(t))
        ]
        if not found and len(term) >= 6:
            found = [t for t in self.df if abs(len(t) - len(term)) <= 1 and _one_edit(t, term)]
        return sorted(found)[:20]

    def _weight(self, main: list[str], parts: list[str]) -> float:
        idf = max(self.idf(t) for t in main)
        if all(self.df.get(t, 0) == 0 for t in main) and parts:
            # Unseen compound: worth what its best-known part is worth, plus a little.
            idf = min(self.idf("\x00unseen"), max(self.idf(p) for p in parts) + 0.5)
        return idf * (0.3 if self.is_cue(main[0]) else 1.0)


_VOWELS = frozenset("aeiouyæøå")
# the particles of Danish particle verbs a "gen-" verb takes in ("tage op" / "genoptage")
_PARTICLES = frozenset({"op", "ind", "ud", "frem", "over"})


def syncope_forms(stem: str) -> tuple[str, ...]:
    """Stems of the same word with or without the "e" Danish drops before a final n, l or r
    when an ending follows ("åben" / "åbne", "regel" / "regler", "sikker" / "sikre",
    "nummer" / "numre"): Snowball stems the two forms apart."""
    if len(stem) < 3 or not stem.isalpha():
        return ()
    out: list[str] = []
    if stem[-1] in "nlr" and stem[-2] not in _VOWELS:  # "åbn", "regl", "sikr", "numr"
        body = stem[:-1]
        out += [body + "e" + stem[-1], body + body[-1] + "e" + stem[-1]]
        if stem[-1] in "nr" and len(body) >= 3:
            out.append(body)  # Snowball took "-er"/"-en" off the full form: "sik", "num"
    elif stem[-1] not in _VOWELS:
        out += [stem + "r", stem + "n"]  # "sik" -> "sikr", "num" -> "numr"
    if len(stem) >= 4 and stem[-1] in "nlr" and stem[-2] == "e" and stem[-3] not in _VOWELS:
        body = stem[:-2]  # "åben" -> "åbn", "gammel" -> "gaml"
        out.append(body + stem[-1])
        if body[-1] == body[-2]:
            out.append(body[:-1] + stem[-1])
    return tuple(t for t in dict.fromkeys(out) if t != stem)


MIN_PARTICIPLE = 7  # "gennemført": shorter words ending in "t" are seldom a verb's participle


def participle_forms(stem: str) -> tuple[str, ...]:
    """The verb's stem of a past participle Snowball keeps whole: "gennemført" (is done) and
    "gennemføres" (will be done) are one verb, stemmed "gennemført" and "gennemfør"."""
    if len(stem) < MIN_PARTICIPLE or not stem.isalpha() or not stem.endswith(("rt", "lt", "nt")):
        return ()
    return (stem[:-1],)


def _one_weight_per_name(
    groups: list[WordGroup], origin: list[int], words: list[str]
) -> list[WordGroup]:
    """A name of several capitalised words ("OS2 AI Heat Control", "Giber Ringvej") is one
    thing the question names, not four: its words share the weight of its heaviest word, so a
    line that only repeats the project's name does not outweigh what is asked about it."""
    capital = [i > 0 and w[:1].isupper() for i, w in enumerate(words)]
    runs: list[list[int]] = []
    for i, cap in enumerate(capital):
        if cap and runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        elif cap:
            runs.append([i])
    out = list(groups)
    for run in runs:
        members = [k for k, o in enumerate(origin) if o in run]
        if len(run) < 2 or len(members) < 2:
            continue
        total = sum(groups[k].weight for k in members)
        top = max(groups[k].weight for k in members)
        for k in members:
            out[k] = replace(groups[k], weight=groups[k].weight * top / total)
    return out


def _one_edit(a: str, b: str) -> bool:
    """True when a and b differ by one insertion, deletion or substitution."""
    if a == b:
        return False
    if len(a) < len(b):
        a, b = b, a
    if len(a) - len(b) > 1:
        return False
    i = 0
    while i < len(b) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :]
    return a[i + 1 :] == b[i:]


def match_group(group: WordGroup, terms: set[str]) -> float:
    """1 for a stem match, a partial score for a word sharing a long prefix or for matching
    compound parts."""
    if any(t in terms for t in group.main):
        return 1.0
    if group.relatives and any(t in terms for t in group.relatives):
        return 0.6
    if group.parts:
        found = sum(1 for p in group.parts if p in terms)
        if found:
            return 0.6 * found / len(group.parts)
    return 0.0


def coverage(groups: list[WordGroup], terms: set[str]) -> tuple[float, set[int]]:
    total = sum(g.weight for g in groups)
    if total <= 0:
        return 0.0, set()
    got, matched = 0.0, set()
    for i, g in enumerate(groups):
        m = match_group(g, terms)
        if m > 0:
            got += g.weight * m
            if m >= 1.0:
                matched.add(i)
    return got / total, matched
