"""BM25 over chunk texts with Danish analysis (bm25s for the index, `DanishAnalyzer` for terms).

bm25s's own tokenizer is English (regex split, English stopwords): on Danish it misses
inflections, compounds and "600.000"-style amounts, so texts are tokenised here and handed to
bm25s as token lists.

Scores are summed per query term (`BM25.get_scores_from_ids` for one term at a time) rather than
through `BM25.retrieve`, so each term can carry a weight: words the user typed count fully,
derived terms (compound parts, number groups, canonical values) count `derived_weight`. The
same per-term scores give `explain()`. The `allowed` mask goes in as bm25s's `weight_mask`
(scores multiplied by 0/1) and the ranking only considers allowed documents with a positive
score, so a masked document can neither appear nor take a place in the top k.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from pathlib import Path

import bm25s
import numpy as np

from assistant.analysis import ANALYZER_VERSION, DanishAnalyzer
from assistant.synonyms import synonym_stems

META_FILE = "lexical_meta.json"


# A synonym's weight beside a typed term's 1.0: over the development set, corpus/ and four
# blind probes, 0.6 kept every retrieval figure at or above its value without synonyms
# (devset MRR 0.822 -> 0.823, probe 42 hit@5 0.952 -> 0.976); 1.0 lost a devset hit@5 and
# corpus/ MRR.
SYNONYM_WEIGHT = 0.6


class LexicalIndex:
    """An immutable BM25 index over (id, text) pairs; rebuild it when the corpus changes."""

    def __init__(
        self,
        ids: list[str],
        analyzer: DanishAnalyzer,
        bm25: bm25s.BM25 | None,
        derived_weight: float = 0.5,
    ) -> None:
        if len(set(ids)) != len(ids):
            raise ValueError("LexicalIndex ids must be unique")
        self._ids = list(ids)
        self._position = {doc_id: i for i, doc_id in enumerate(self._ids)}
        self.analyzer = analyzer
        self._bm25 = bm25
        self.derived_weight = derived_weight
        self._df: dict[str, int] = {}

    # construction ---------------------------------------------------------------------------

    @classmethod
    def build(
        cls,
        ids: list[str],
        texts: list[str],
        analyzer: DanishAnalyzer | None = None,
        *,
        k1: float = 1.2,
        b: float = 0.75,
        derived_weight: float = 0.5,
    ) -> LexicalIndex:
        """Fit the analyzer's compound vocabulary on `texts`, tokenise them and index with bm25s.

        k1=1.2 (Lucene's default) rather than bm25s's 1.5: chunks are short passages where a
        term's repetition says less than its presence.
        """
        if len(ids) != len(texts):
            raise ValueError("ids and texts must have the same length")
        analyzer = analyzer or DanishAnalyzer()
        analyzer.fit_vocabulary(texts)
        corpus_tokens = [analyzer.analyze(text) for text in texts]
        bm25 = None
        if any(corpus_tokens):
            bm25 = bm25s.BM25(k1=k1, b=b, method="lucene")
            bm25.index(corpus_tokens, show_progress=False)
        return cls(ids, analyzer, bm25, derived_weight)

    # properties -----------------------------------------------------------------------------

    @property
    def ids(self) -> list[str]:
        return list(self._ids)

    def __len__(self) -> int:
        return len(self._ids)

    # querying ------------------------------------------------------------------------------

    def query_terms(self, query: str) -> dict[str, float]:
        """Query terms with their weights (a term typed and derived counts as typed)."""
        weights: dict[str, float] = {}
        for token in self.analyzer.tokens(query):
            weight = self.derived_weight if token.derived else 1.0
            weights[token.term] = max(weights.get(token.term, 0.0), weight)
        typed = [term for term, weight in weights.items() if weight == 1.0]
        for term in typed:
            # "dyrere" finds "merudgift", "vedlagt" finds "Bilag", a little less than typed
            for synonym in synonym_stems(term, self.analyzer):
                weights.setdefault(synonym, SYNONYM_WEIGHT)
        return weights

    def _term_scores(
        self, query: str, mask: np.ndarray | None
    ) -> tuple[list[tuple[str, float]], list[np.ndarray]]:
        """(term, weight) pairs found in the vocabulary and their per-document BM25 scores."""
        if self._bm25 is None:
            return [], []
        terms, columns = [], []
        for term, weight in self.query_terms(query).items():
            term_id = self._bm25.vocab_dict.get(term)
            if term_id is None or term == "":
                continue
            terms.append((term, weight))
            columns.append(self._bm25.get_scores_from_ids([term_id], weight_mask=mask))
        return terms, columns

    def term_idf(self, query: str) -> dict[str, float]:
        """Each indexed query term's BM25 IDF times its typed/derived weight.

        Document frequencies come from the index itself (passages where the term scores) and
        are cached per term.
        """
        if self._bm25 is None:
            return {}
        n = len(self._ids)
        out: dict[str, float] = {}
        for term, weight in self.query_terms(query).items():
            df = self._df.get(term)
            if df is None:
                term_id = self._bm25.vocab_dict.get(term)
                if term_id is None or term == "":
                    continue
                df = int(np.count_nonzero(self._bm25.get_scores_from_ids([term_id])))
                self._df[term] = df
            if df:
                out[term] = weight * math.log(1 + (n - df + 0.5) / (df + 0.5))
        return out

    def _mask(self, allowed: Sequence[bool] | np.ndarray | None) -> np.ndarray | None:
        if allowed is None:
            return None
        mask = np.asarray(allowed, dtype=bool)
        if mask.shape != (len(self._ids),):
            raise ValueError(f"allowed mask has shape {mask.shape}, expected ({len(self._ids)},)")
        return mask

    def scores(self, query: str, allowed: Sequence[bool] | np.ndarray | None = None) -> np.ndarray:
        """Weighted BM25 score of every document (0 for masked ones), aligned with `ids`."""
        mask = self._mask(allowed)
        total = np.zeros(len(self._ids), dtype=np.float64)
        weight_mask = None if mask is None else mask.astype(np.float32)
        terms, columns = self._term_scores(query, weight_mask)
        for (_, weight), column in zip(terms, columns, strict=True):
            total += weight * column
        if mask is not None:
            total[~mask] = 0.0
        return total

    def search(
        self, query: str, k: int, allowed: Sequence[bool] | np.ndarray | None = None
    ) -> list[tuple[str, float]]:
        """Top-k (id, score), best first, positive scores only, among allowed documents.

        Ties are broken by index order so results are deterministic.
        """
        if k <= 0 or not self._ids:
            return []
        mask = self._mask(allowed)
        total = self.scores(query, mask)
        eligible = total > 0 if mask is None else (total > 0) & mask
        candidates = np.flatnonzero(eligible)
        if candidates.size == 0:
            return []
        if candidates.size > k:
            top = np.argpartition(-total[candidates], k - 1)[:k]
            threshold = total[candidates[top]].min()
            candidates = candidates[total[candidates] >= threshold]  # keep ties at the cut
        order = np.lexsort((candidates, -total[candidates]))[:k]
        return [(self._ids[i], float(total[i])) for i in candidates[order]]

    def explain(self, query: str, doc_id: str) -> dict:
        """Why `doc_id` scored as it did: matched terms, weights and contributions."""
        position = self._position.get(doc_id)
        if position is None:
            raise KeyError(doc_id)
        terms, columns = self._term_scores(query, None)
        matched, total = [], 0.0
        for (term, weight), column in zip(terms, columns, strict=True):
            bm25 = float(column[position])
            if bm25 > 0:
                contribution = weight * bm25
                total += contribution
                matched.append(
                    {"term": term, "weight": weight, "bm25": bm25, "contribution": contribution}
                )
        matched.sort(key=lambda m: (-m["contribution"], m["term"]))
        found = {m["term"] for m in matched}
        return {
            "id": doc_id,
            "score": total,
            "query_terms": self.query_terms(query),
            "matched": matched,
            "unmatched": [t for t in self.query_terms(query) if t not in found],
        }

    # persistence ---------------------------------------------------------------------------

    def save(self, directory: str | Path) -> None:
        """Write the bm25s index plus ids and the learned vocabulary to `directory`."""
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        if self._bm25 is not None:
            self._bm25.save(str(directory), show_progress=False)
        meta = {
            "analyzer_version": ANALYZER_VERSION,
            "ids": self._ids,
            "derived_weight": self.derived_weight,
            "vocabulary": sorted(self.analyzer.vocabulary),
            "empty": self._bm25 is None,
        }
        (directory / META_FILE).write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")

    @classmethod
    def load(cls, directory: str | Path, analyzer: DanishAnalyzer | None = None) -> LexicalIndex:
        """Read an index written by `save`; refuses one written by another analyzer version."""
        directory = Path(directory)
        meta = json.loads((directory / META_FILE).read_text(encoding="utf-8"))
        if meta.get("analyzer_version") != ANALYZER_VERSION:
            raise ValueError("lexical index was built by another analyzer version; rebuild it")
        analyzer = analyzer or DanishAnalyzer()
        analyzer.set_vocabulary(meta["vocabulary"])
        bm25 = None if meta["empty"] else bm25s.BM25.load(str(directory), show_progress=False)
        return cls(meta["ids"], analyzer, bm25, meta["derived_weight"])
