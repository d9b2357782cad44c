"""Second-stage ranking of the fused candidates by a fitted linear model.

Fusion decides which passages are candidates; within the right document it often puts a
neighbour of the evidence first (the case description before the decision, a paragraph that
shares the item's title words). The reranker scores each of the top candidates from features:
the first stage's own scores and ranks, where the question's terms are (IDF-weighted share in
the body, the section titles, the best window of a few sentences, the passage before it, with
IDF among the candidates), length, and whether the passage holds the kind of thing the
question asks for (an amount for "hvad koster", a date for "hvornår", a decision for
"besluttede"), also told by the passage's own section ("Økonomiske konsekvenser", "Tidsplan",
"Beslutning": `section_match`, which the retriever's final reorder uses).

The weights are a logistic regression fitted by `eval/fit_reranker.py` (scikit-learn at fit
time only) and stored in `assistant/data/reranker.json`; applying them is plain numpy. The
packaged model uses the fusion score and the three answer-type features: on the development
set plus eval/questions.jsonl, the richer feature sets gained in-sample but lost when each
document's questions were held out (leave-one-document-out), so they are computed for the fit
script to try, not used.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from assistant.analysis import DanishAnalyzer
from assistant.linear_model import LinearModel

WEIGHTS_FILE = Path(__file__).parent / "data" / "reranker.json"

FEATURES = (
    # first stage
    "fused",  # the fusion score (convex BM25 + dense + unit)
    "lexical",  # BM25 / best BM25
    "dense",  # cosine, min-max scaled over the candidates
    "unit",  # the agenda item's BM25 / best item's
    "lexical_rr",  # 1 / BM25 rank (0 when BM25 did not retrieve it)
    "dense_rr",  # 1 / dense rank
    "doc_share",  # share of the candidates' fused score held by this passage's document
    # where the question's terms are (IDF-weighted share of the question's terms)
    "cover_body",
    "cover_title",
    "cover_all",
    "cover_window",  # best window of WINDOW consecutive sentences/lines
    "cover_prev",  # the passage before it in the same section
    "local_body",  # as cover_body with IDF among the candidates
    "log_chars",
    # what the question asks for, present in the passage
    "amount_match",  # asks an amount, passage has one
    "amount_window",  # asks an amount: best window coverage among windows with an amount
    "date_match",
    "decision_match",
    "number_match",  # share of the question's numbers found in the passage
    # the passage's own section is where such an answer is written: an amount question and
    # "Økonomiske konsekvenser", a date question and "Tidsplan", a decision and "Beslutning"
    "section_match",
)

_AMOUNT = re.compile(
    r"\d[\d.,]*\s*(?:kr\b|kr\.|kroner|mio|mia|mill|t\.kr|tkr|%|pct|procent)", re.IGNORECASE
)
_DATE = re.compile(
    r"\b\d{1,2}[./-]\s?\d{1,2}[./-]\s?\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|"
    r"\b\d{1,2}\.\s*(?:jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)[a-z]*\b",
    re.IGNORECASE,
)
_DECISION = re.compile(
    r"\b(?:beslut\w*|godkend\w*|vedtag\w*|anbefal\w*|tiltræd\w*|bevilg\w*|afvis\w*|"
    r"taget til efterretning)",
    re.IGNORECASE,
)
_ASKS_AMOUNT = re.compile(
    r"\b(?:hvor (?:meget|mange penge|stor\w* (?:beløb|bevilling|udgift|besparelse))|"
    r"hvad kost\w*|kost\w*|pris\w*|beløb\w*|budget\w*|udgift\w*|bevilling\w*|"
    r"penge|kr\b|kroner|mio)",
    re.IGNORECASE,
)
_ASKS_DATE = re.compile(r"\b(?:hvornår|dato\w*|hvilken dag|tidsplan\w*|frist\w*|senest)", re.I)
_ASKS_DECISION = re.compile(
    r"\b(?:beslut\w*|godkend\w*|vedt\w*|anbefal\w*|udfald\w*|resultat\w*|endte|"
    r"sagde \w+ (?:ja|nej)|bevilge\w*|afvist\w*)",
    re.IGNORECASE,
)
_AMOUNT_SECTION = re.compile(r"økonomi|budget|bevilling|finansiering", re.IGNORECASE)
_DATE_SECTION = re.compile(r"tidsplan|frist|proces", re.IGNORECASE)
_DECISION_SECTION = re.compile(r"\s*beslutning(?:er)?\b", re.IGNORECASE)
_NUMBER = re.compile(r"\d[\d.,]*\d|\d")
_SEGMENT = re.compile(r"(?<=[.!?;:])\s+|\n+")

WINDOW = 3  # consecutive sentences/lines in the best window
# Features read from the passage's analysed terms; the rest are first-stage scores or
# regular-expression matches (`FeatureExtractor._shallow_matrix`).
_TERM_FEATURES = frozenset(FEATURES) - {
    "fused",
    "lexical",
    "dense",
    "unit",
    "amount_match",
    "date_match",
    "decision_match",
    "section_match",
}


@dataclass
class Candidate:
    """One first-stage candidate with the scores fusion gave it."""

    chunk_id: str
    doc_id: str
    text: str
    titles: list[str]
    fused: float
    lexical: float = 0.0  # BM25 score divided by the best one
    dense: float = 0.0  # cosine similarity min-max scaled over the candidates
    unit: float = 0.0  # the unit's BM25 score divided by the best unit's
    lexical_rank: int | None = None
    dense_rank: int | None = None
    previous: str = ""  # the passage before it in the same section, if any
    previous_id: str = ""


@dataclass
class _Analysed:
    """A passage's terms, per sentence/line and in all, and what kinds of answer it holds."""

    segments: list[frozenset[str]]
    amounts: list[bool]  # per segment: holds an amount
    body: frozenset[str]
    titles: frozenset[str]
    has_amount: bool
    has_date: bool
    has_decision: bool
    numbers: frozenset[str]


class RerankModel(LinearModel):
    """The reranker's weights over `FEATURES` columns."""

    @classmethod
    def load(cls, path: Path = WEIGHTS_FILE) -> RerankModel:
        return cls.read(path, FEATURES)

    def score(self, matrix: np.ndarray) -> np.ndarray:
        """Scores for rows of a full `FEATURES` matrix."""
        return self.score_columns(matrix, FEATURES)


class FeatureExtractor:
    """Computes the `FEATURES` matrix for a query's candidates.

    Analysed passages are cached by (chunk id, text length), so a passage is tokenised once
    per index revision, not once per query.
    """

    def __init__(self, analyzer: DanishAnalyzer, cache_limit: int = 50_000) -> None:
        self.analyzer = analyzer
        self._cache: dict[tuple[str, int], _Analysed] = {}
        self._cache_limit = cache_limit

    def _terms(self, text: str) -> frozenset[str]:
        return frozenset(self.analyzer.analyze(text))

    def _analyse(self, chunk_id: str, text: str, titles: Sequence[str] = ()) -> _Analysed:
        key = (chunk_id, len(text))
        found = self._cache.get(key)
        if found is None:
            if len(self._cache) > self._cache_limit:
                self._cache.clear()
            raw = [s for s in _SEGMENT.split(text) if s.strip()]
            segments = [self._terms(s) for s in raw]
            found = _Analysed(
                segments=segments,
                amounts=[bool(_AMOUNT.search(s)) for s in raw],
                body=frozenset().union(*segments) if segments else frozenset(),
                titles=self._terms(" ".join(titles)),
                has_amount=bool(_AMOUNT.search(text)),
                has_date=bool(_DATE.search(text)),
                has_decision=bool(_DECISION.search(text)),
                numbers=_numbers(text),
            )
            self._cache[key] = found
        return found

    def matrix(
        self,
        question: str,
        candidates: Sequence[Candidate],
        idf: Mapping[str, float],
        wanted: Collection[str] = FEATURES,
    ) -> np.ndarray:
        """One row per candidate, columns in `FEATURES` order.

        `idf` weighs each query term (already multiplied by its typed/derived weight); terms
        it does not list carry no weight. Only the `wanted` columns are computed (the others
        are 0): at search time the model's own few, so no passage is tokenised per query
        unless the model reads its terms.
        """
        if not candidates:
            return np.zeros((0, len(FEATURES)))
        if not set(wanted) & _TERM_FEATURES:
            return self._shallow_matrix(question, candidates, wanted)
        analysed = [self._analyse(c.chunk_id, c.text, c.titles) for c in candidates]
        # IDF among the candidates themselves: words every passage of the right document
        # shares (its topic) say little about which passage answers.
        n = len(candidates)
        local = {}
        for term, weight in idf.items():
            df = sum(1 for a in analysed if term in a.body or term in a.titles)
            local[term] = weight * math.log(1 + (n - df + 0.5) / (df + 0.5))
        cover = _coverage(idf)
        cover_local = _coverage(local)
        asks_amount = bool(_ASKS_AMOUNT.search(question))
        asks_date = bool(_ASKS_DATE.search(question))
        asks_decision = bool(_ASKS_DECISION.search(question))
        q_numbers = _numbers(question)
        by_doc: dict[str, float] = {}
        for c in candidates:
            by_doc[c.doc_id] = by_doc.get(c.doc_id, 0.0) + max(c.fused, 0.0)
        fused_total = sum(by_doc.values()) or 1.0

        rows = []
        for c, a in zip(candidates, analysed, strict=True):
            window = amount_window = 0.0
            segs = a.segments
            for start in range(max(1, len(segs) - WINDOW + 1)):
                covered = cover(frozenset().union(*segs[start : start + WINDOW]))
                window = max(window, covered)
                if any(a.amounts[start : start + WINDOW]):
                    amount_window = max(amount_window, covered)
            previous = self._analyse(c.previous_id, c.previous).body if c.previous else None
            row = {
                "fused": c.fused,
                "lexical": c.lexical,
                "dense": c.dense,
                "unit": c.unit,
                "lexical_rr": 1.0 / c.lexical_rank if c.lexical_rank else 0.0,
                "dense_rr": 1.0 / c.dense_rank if c.dense_rank else 0.0,
                "doc_share": by_doc[c.doc_id] / fused_total,
                "cover_body": cover(a.body),
                "cover_title": cover(a.titles),
                "cover_all": cover(a.body | a.titles),
                "cover_window": window,
                "cover_prev": cover(previous) if previous is not None else 0.0,
                "local_body": cover_local(a.body),
                "log_chars": math.log1p(len(c.text)),
                "amount_match": float(asks_amount and a.has_amount),
                "amount_window": amount_window if asks_amount else 0.0,
                "date_match": float(asks_date and a.has_date),
                "decision_match": float(asks_decision and a.has_decision),
                "number_match": len(q_numbers & a.numbers) / len(q_numbers) if q_numbers else 0.0,
                "section_match": section_match(question, c.titles),
            }
            rows.append([row[name] for name in FEATURES])
        return np.array(rows, dtype=float)

    @staticmethod
    def _shallow_matrix(
        question: str, candidates: Sequence[Candidate], wanted: Collection[str]
    ) -> np.ndarray:
        """The columns that need no terms of the passage: first-stage scores and the
        answer-type matches (regular expressions on the text)."""
        asks = {
            "amount_match": (_ASKS_AMOUNT, _AMOUNT),
            "date_match": (_ASKS_DATE, _DATE),
            "decision_match": (_ASKS_DECISION, _DECISION),
        }
        matrix = np.zeros((len(candidates), len(FEATURES)))
        for name in wanted:
            col = FEATURES.index(name)
            if name == "section_match":
                matrix[:, col] = [section_match(question, c.titles) for c in candidates]
            elif name in asks:
                asked, holds = asks[name]
                if asked.search(question):
                    matrix[:, col] = [float(bool(holds.search(c.text))) for c in candidates]
            else:
                matrix[:, col] = [getattr(c, name) for c in candidates]
        return matrix


def section_match(question: str, titles: Sequence[str]) -> float:
    """1 when the passage's innermost section is where the asked kind of answer is written."""
    if not titles:
        return 0.0
    last = titles[-1]
    if _ASKS_DECISION.search(question) and _DECISION_SECTION.match(last):
        return 1.0
    if _ASKS_AMOUNT.search(question) and _AMOUNT_SECTION.search(last):
        return 1.0
    if _ASKS_DATE.search(question) and _DATE_SECTION.search(last):
        return 1.0
    return 0.0


def _numbers(text: str) -> frozenset[str]:
    """Numbers as written without thousands dots: "600.000" and "600000" match."""
    return frozenset(n.replace(".", "").replace(",", ".") for n in _NUMBER.findall(text))


def _coverage(weights: Mapping[str, float]) -> Callable[[frozenset[str]], float]:
    """The share of the total weight whose terms a set holds."""
    total = sum(weights.values()) or 1.0
    return lambda terms: sum(w for t, w in weights.items() if t in terms) / total
