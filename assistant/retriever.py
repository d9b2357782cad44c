"""Hybrid retrieval: Danish BM25 + dense vectors, fused by a convex mix of normalised scores,
then a fitted second stage (assistant/rerank.py) that reorders the top candidates, and touching
hits of one section joined into one passage.

Filters (access, type, committee, dates, source) are applied inside both searches, before
ranking: the BM25 side gets a boolean mask, the dense side a Chroma `where` clause. Nothing is
filtered afterwards, so a hidden document can neither appear nor take a top-k slot.
"""

from __future__ import annotations

import dataclasses
import logging
import re
import threading
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from llama_index.core.retrievers import BaseRetriever
from llama_index.core.schema import NodeWithScore, QueryBundle, TextNode

from assistant.citations import DocumentCache
from assistant.conversation import stands_alone
from assistant.extractive.answerer import ExtractiveAnswerer
from assistant.extractive.model import Candidate as SentenceCandidate
from assistant.extractive.shapes import is_decision_heading
from assistant.intent import Intent, asked_item_number, classify, split_question
from assistant.lexical import LexicalIndex
from assistant.question_terms import TermStats, WordGroup, in_document_words
from assistant.rerank import FEATURES, Candidate, FeatureExtractor, RerankModel, section_match
from assistant.types import SearchFilters, SearchHit
from ingest.structure import agenda_item_at, within_item
from plan_assistant.settings import Settings
from stores.bundle import Stores

log = logging.getLogger("plan_assistant.retriever")
DECISION_PLACE = 5  # a decision question's item decision is placed second unless in the top 5


@dataclass
class FusionConfig:
    """How lexical and dense results are combined.

    Tuned on eval/questions.jsonl (122 answerable questions; see README "Retrieval"):
    convex 0.6/0.4 gave evidence_hit@5 0.967 and MRR 0.864, against 0.752/0.604 for RRF,
    which flattens a strong BM25 winner (a rare Danish term matched twice) into the pack.
    On the development set of real documents (163 answerable questions), indexing every
    section title with a chunk (the agenda item's title included) took evidence_hit@5 from
    0.785 to 0.828 and MRR from 0.621 to 0.648; scoring units (an item as a whole, depth 3)
    at weight 0.3 on top: 0.847 / 0.659 (corpus/: 0.959 / 0.899). 0.5/0.5 or 0.7/0.3 fusion
    and 100 candidates were worse or equal. A hit shorter than 800 characters that takes in the
    next passage of its section (up to 1 200 together): devset MRR 0.655 -> 0.677, hit@1
    0.491 -> 0.515 at 3 000 chars in the top 5; corpus/ MRR 0.898 -> 0.912 at 3 586 chars.
    Then (devset figures from score.py): joining touching hits of one section, or of sibling
    sections under one heading ("4.1"/"4.2", "Resume"/"Sagsbeskrivelse"), up to 1 700 chars
    among the top 10, with short hits expanding at 500 (up to 900) instead of 800 (1 200):
    hit@1 0.515 -> 0.613, hit@5 0.853 -> 0.896, MRR 0.676 -> 0.750 at 3 988 chars. The fitted
    reranker over the top 30 (assistant/rerank.py) on top: hit@1 0.632, hit@10 0.920 -> 0.945,
    MRR 0.763 at 3 981 chars. corpus/: hit@5 0.959 -> 0.975, MRR 0.912 -> 0.942 at 4 877
    chars (3 586 before).
    """

    method: str = "convex"  # "convex" | "rrf"
    rrf_k: int = 60
    lexical_weight: float = 0.6
    dense_weight: float = 0.4
    path_depth: int = 8  # how many trailing section titles BM25 indexes with each chunk
    candidates: int = 50  # taken from each side before fusion
    # Units: an agenda item (or top section) as a whole. In long minutes twenty items share one
    # shape; the item whose whole text matches the question lends its chunks `unit_weight`.
    unit_weight: float = 0.3
    unit_depth: int = 3  # a unit is a chunk's document plus its first `unit_depth` titles
    unit_candidates: int = 3  # chunks of the best units join the candidates
    # "Hvad blev besluttet under punkt 47?": the named agenda item's chunks get this much more
    # than any fused score (at most 1 + unit_weight), so they come first.
    named_item_bonus: float = 1.5
    # A hit shorter than `expand_short` takes in the next passage of its section (or a sibling
    # section), up to `expand_max` characters together.
    expand_short: int = 500
    expand_max: int = 900
    # The fitted second stage (assistant/rerank.py) reorders this many fused candidates.
    rerank_depth: int = 30
    # A hit absorbs a lower-ranked hit that touches it in the same or a sibling section (up to
    # this many characters together); a hit already inside a higher one is dropped.
    # 1700 before the sentence reorder, which favours longer passages; 1650 until an item's
    # heading and case number opened its first passage (chunks grew: devset top-5 3 909 ->
    # 4 014 chars at 1650, 3 893 at 1550 with the same hits and answers)
    merge_max: int = 1550
    merge_window: int = 10  # only among this many top hits
    # The final top k are reordered by score + `sentence_weight` x how much of the question
    # the passage's best sentence covers, with its headings and neighbours (the answerer's
    # context coverage): a passage that holds an answer-shaped sentence beats one that only
    # shares the item's title words. Devset hit@1 0.638 -> 0.663, hit@5 0.896 -> 0.902, MRR
    # 0.766 -> 0.795 (with merge_max 1 650: 3 994 chars in the top 5); corpus/ MRR 0.942 ->
    # 0.953. Weights 0.4-0.8 gave the same within 0.005.
    sentence_weight: float = 0.6
    # ... plus `section_weight` when the passage's own section is where the asked kind of
    # answer is written ("Økonomiske konsekvenser" for an amount, "Tidsplan" for a date,
    # "Beslutning" for a decision; `assistant.rerank.section_match`): within one agenda item
    # the headings and title words are shared, the section's kind is not. Devset hit@1 0.663
    # -> 0.693, MRR 0.795 -> 0.805, hit@5 0.902 -> 0.896 (one two-part question lost, won
    # back by `part_place`); corpus/ hit@1 0.901 -> 0.909, MRR 0.953 -> 0.958. 0.1-0.3 gave
    # MRR 0.800-0.805; fitted pairwise with the coverage, leave-one-document-out: 0.19.
    section_weight: float = 0.2
    # A two- or three-part question ("..., og hvad koster den?"): each part is also searched
    # on its own, and a part's best passage that the top `part_place` lacks takes that place.
    # The whole question's words favour its longer part; the other part's passage, often in
    # another document, fell below the top 5. Replaced stop 37's rule (a later part's best
    # passage among the top 10 by sentence coverage): devset hit@5 0.939 -> 0.945 (it keeps
    # that rule's two and adds a flood height asked beside the projects an error hit), no
    # answer lost on the devset, corpus/ or probes 54-61; place 4 moved two evidences of
    # other questions down, place 3 five. A later part that leans on the first ("hvor højt var
    # det?", `conversation.stands_alone`) is not searched alone. 0 turns it off.
    part_place: int = 5
    # A passage cut inside a numbered list (two numbered lines in a row, and the next chunk
    # of its section opens with the next number) takes in that chunk, up to this many
    # characters: "Hvilke tiltag skal til …?" is answered by all four steps, not the first two.
    # Stop 53: devset evidence_hit@5 0.945 -> 0.951 (dev-b-044), MRR 0.822 -> 0.825, chars in
    # the top 5 3 875 -> 3 895; no answer judged differently on any set. Sibling sections
    # ("4. Udfasning …", "5. …" of a decision log) are not a list's rest: joining them cost
    # probe 55 one evidence. 0 turns it off.
    list_rest_max: int = 1800


# Up to this many chunks, dense search is exact over their vectors read from Chroma (~150 MB
# at 384 dimensions); above it, Chroma's approximate index answers.
EXACT_DENSE_MAX = 100_000


@dataclass
class _ChunkTable:
    """Chunk rows as parallel arrays, so filters become vectorised masks."""

    ids: list[str]
    rows: list[dict[str, Any]]
    access: np.ndarray
    doc_type: np.ndarray
    committee: np.ndarray
    date: np.ndarray
    source: np.ndarray
    position: dict[str, int]
    unit_of: list[str] = field(default_factory=list)  # unit id per chunk
    unit_chunks: dict[str, list[int]] = field(default_factory=dict)
    doc_chunks: dict[str, list[int]] = field(default_factory=dict)  # positions per document
    item_number: list[str | None] = field(default_factory=list)  # agenda item per chunk
    vectors: np.ndarray | None = None  # unit vectors per chunk, for exact dense search


def _next_chunk_id(chunk_id: str) -> str:
    """Chunk ids end in their 4-digit position in the document."""
    head, _, index = chunk_id.rpartition(":")
    return f"{head}:{int(index) + 1:04d}" if index.isdigit() else ""


_LIST_NUMBER = re.compile(r"(?m)^\s*(\d{1,2})\.\s+\S")


def _inside(a: SearchHit, b: SearchHit) -> bool:
    """Passage `a` lies within passage `b`."""
    return a.doc_id == b.doc_id and b.start <= a.start and a.end <= b.end


def _overlaps(a: SearchHit, b: SearchHit) -> bool:
    """The two passages share text of one document."""
    return a.doc_id == b.doc_id and a.start < b.end and b.start < a.end


def _joinable(a: list[str], b: list[str]) -> bool:
    """One section, or sibling sections under one parent heading: the numbered points
    "4.1", "4.2" of a minutes item, or "Resume" and "Sagsbeskrivelse" of one agenda item."""
    return a == b or (len(a) > 1 and len(a) == len(b) and a[:-1] == b[:-1])


def _decides(path: list[str], case: list[str]) -> bool:
    """`path` is a decision section ("Beslutning") of an item that `case` lies in: the
    decision heading's parents are the first headings of `case`."""
    for j, title in enumerate(path):
        if is_decision_heading(title):
            return j > 0 and case[:j] == path[:j] and case[j : j + 1] != path[j : j + 1]
    return False


def _section_label(path: list[str]) -> str:
    return " > ".join(path)


class HybridRetriever:
    def __init__(
        self,
        stores: Stores,
        fusion: FusionConfig | None = None,
        reranker: RerankModel | None | bool = True,
    ) -> None:
        """`reranker`: True loads the packaged weights, False/None ranks by fusion alone."""
        self.stores = stores
        self.fusion = fusion or FusionConfig()
        if reranker is True:
            reranker = RerankModel.load()
        self.reranker: RerankModel | None = reranker or None
        # Scores the sentences of the final hits; the Assistant hands in its own answerer so
        # both share one document cache.
        self.sentence_scorer: ExtractiveAnswerer | None = None
        self._features: FeatureExtractor | None = None
        self._lock = threading.Lock()
        self._revision = -1
        self._table: _ChunkTable | None = None
        self._lexical: LexicalIndex | None = None
        self._units: LexicalIndex | None = None

    @classmethod
    def from_settings(cls, settings: Settings) -> HybridRetriever:
        return cls(Stores.open(settings))

    # --- index state ------------------------------------------------------------------
    def _ensure_fresh(self) -> tuple[_ChunkTable, LexicalIndex]:
        revision = self.stores.registry.revision()
        with self._lock:
            if self._table is None or self._lexical is None or revision != self._revision:
                self._table, self._lexical = self._build()
                self._features = FeatureExtractor(self._lexical.analyzer)
                self._units = self._build_units(self._table) if self.fusion.unit_weight else None
                self._revision = revision
            return self._table, self._lexical

    def _build_units(self, table: _ChunkTable) -> LexicalIndex | None:
        """One BM25 document per unit: the unit's titles and all its chunk texts."""
        depth = self.fusion.unit_depth
        texts: dict[str, list[str]] = {}
        for i, row in enumerate(table.rows):
            path = row["section_path"][:depth]
            unit = f"{row['doc_id']}\x1f" + "\x1f".join(path)
            table.unit_of.append(unit)
            table.unit_chunks.setdefault(unit, []).append(i)
            texts.setdefault(unit, [" ".join(path)]).append(row["text"])
        if not texts:
            return None
        ids = list(texts)
        return LexicalIndex.build(ids, ["\n".join(texts[u]) for u in ids])

    def _build(self) -> tuple[_ChunkTable, LexicalIndex]:
        import json

        rows = [dict(r) for r in self.stores.registry.all_chunks()]
        for r in rows:
            r["section_path"] = json.loads(r["section_path"])
        ids = [r["id"] for r in rows]
        table = _ChunkTable(
            ids=ids,
            rows=rows,
            access=np.array([r["access"] for r in rows], dtype=object),
            doc_type=np.array([r["doc_type"] for r in rows], dtype=object),
            committee=np.array([(r["committee"] or "").lower() for r in rows], dtype=object),
            date=np.array([r["date"] or "" for r in rows], dtype=object),
            source=np.array([r["source"] for r in rows], dtype=object),
            position={cid: i for i, cid in enumerate(ids)},
        )
        for i, r in enumerate(rows):
            table.doc_chunks.setdefault(r["doc_id"], []).append(i)
        table.item_number = self._item_numbers(table)
        if 0 < len(ids) <= EXACT_DENSE_MAX:
            try:
                table.vectors = self.stores.vectors.vectors(ids)
            except Exception as exc:  # a Chroma server that is down: `_dense` falls back
                log.warning("stored vectors unavailable, approximate dense search: %s", exc)
        # BM25 sees the section path too: a heading names what its paragraphs are about.
        depth = self.fusion.path_depth
        texts = [
            f"{_section_label(r['section_path'][-depth:] if depth else [])}\n{r['text']}"
            for r in rows
        ]
        return table, LexicalIndex.build(ids, texts)

    def _item_numbers(self, table: _ChunkTable) -> list[str | None]:
        """The number of the agenda item each chunk stands in ("47", "2.3"), or None."""
        out: list[str | None] = [None] * len(table.rows)
        for doc_id, positions in table.doc_chunks.items():
            record = self.stores.registry.get_document(doc_id)
            if record is None:
                continue
            for i in positions:
                item = agenda_item_at(record.sections, table.rows[i]["start"])
                out[i] = item.number if item is not None else None
        return out

    # --- filters ----------------------------------------------------------------------
    @staticmethod
    def _mask(table: _ChunkTable, f: SearchFilters | None) -> np.ndarray | None:
        if f is None:
            return None
        mask = np.ones(len(table.ids), dtype=bool)
        if f.access is not None:
            mask &= np.isin(table.access, list(f.access))
        if f.doc_types:
            mask &= np.isin(table.doc_type, f.doc_types)
        if f.committee:
            needle = f.committee.lower()
            mask &= np.array([needle in c for c in table.committee], dtype=bool)
        if f.date_from:
            mask &= np.array([d != "" and d >= f.date_from for d in table.date], dtype=bool)
        if f.date_to:
            mask &= np.array([d != "" and d <= f.date_to for d in table.date], dtype=bool)
        if f.sources:
            mask &= np.isin(table.source, f.sources)
        return mask

    @staticmethod
    def _where(f: SearchFilters | None) -> dict[str, Any] | None:
        if f is None:
            return None
        conds: list[dict[str, Any]] = []
        if f.access is not None:
            conds.append({"access": {"$in": sorted(f.access) or ["\x00none"]}})
        if f.doc_types:
            conds.append({"doc_type": {"$in": list(f.doc_types)}})
        if f.sources:
            conds.append({"source": {"$in": list(f.sources)}})
        if f.date_from:
            conds.append({"date": {"$gte": int(f.date_from.replace("-", ""))}})
        if f.date_to:
            conds.append({"date": {"$lte": int(f.date_to.replace("-", ""))}})
        if not conds:
            return None
        return conds[0] if len(conds) == 1 else {"$and": conds}

    # --- search -----------------------------------------------------------------------
    def search(
        self, query: str, k: int = 10, filters: SearchFilters | None = None
    ) -> list[SearchHit]:
        hits = self._search(query, k, filters)
        if self.fusion.part_place and hits:
            hits = self._with_part_passages(query, hits, k, filters)
        return hits

    def _with_part_passages(
        self, query: str, hits: list[SearchHit], k: int, filters: SearchFilters | None
    ) -> list[SearchHit]:
        """Each part of a multi-part question searched on its own: its best passage takes
        the lowest of the top `part_place` places not held by another part's best passage."""
        parts = split_question(query)
        if len(parts) < 2:
            return hits
        place = self.fusion.part_place
        held: list[SearchHit] = []  # the parts' best passages, kept in the top places
        for part in parts:
            if part is not parts[0] and not stands_alone(part, parts[0]):
                continue  # "og hvor højt var det?" searched alone finds anything
            found = self._search(part, k, filters)
            if not found:
                continue
            shown = next((h for h in hits[:place] if _overlaps(h, found[0])), None)
            if shown is not None:
                held.append(shown)
                continue
            free = [i for i, h in enumerate(hits[:place]) if h not in held]
            if not free:
                continue
            # the passage it replaces comes right after the top places
            hits = [h for h in hits if not _overlaps(h, found[0])]
            slot = free[-1]
            hits.insert(place, hits[slot])
            hits[slot] = found[0]
            held.append(found[0])
        return hits[:k]

    def _search(self, query: str, k: int, filters: SearchFilters | None) -> list[SearchHit]:
        """The whole question's top k: fused, reranked, joined and reordered by sentences."""
        depth = self.fusion.rerank_depth if self.reranker is not None else 0
        n = max(k, depth, self.fusion.merge_window if self.fusion.merge_max else 0)
        hits, features = self.candidates(query, n, filters, features=bool(depth))
        if depth and hits:
            assert self.reranker is not None
            head, tail = hits[:depth], hits[depth:]
            scores = self.reranker.score(features[: len(head)])
            order = sorted(range(len(head)), key=lambda i: (-scores[i], i))
            head = [
                dataclasses.replace(head[i], score=float(1 / (1 + np.exp(-scores[i]))))
                for i in order
            ]
            hits = head + tail
        if self.fusion.merge_max:
            hits = self._merge_adjacent(hits, self._ensure_fresh()[0])
        if self.fusion.list_rest_max:
            hits = self._with_list_rest(hits, self._ensure_fresh()[0])
        intent = classify(query)
        if self.fusion.sentence_weight and hits:
            hits = self._by_best_sentence(query, intent, hits[:k])
        return self._named_item_first(query, self._place_decision(intent, hits[:k], k))

    def _with_list_rest(self, hits: list[SearchHit], table: _ChunkTable) -> list[SearchHit]:
        """A passage cut inside a numbered list ("1. …", "2. …" and the next passage opens
        "3. …") takes in the next passage of its section: the list is one answer."""
        cap = self.fusion.list_rest_max
        window = hits[: self.fusion.merge_window]
        texts = None
        grown: list[SearchHit] = []  # passages this step extended
        for i, h in enumerate(window):
            numbers = [int(m.group(1)) for m in _LIST_NUMBER.finditer(h.text)]
            # two numbered lines in a row: a list, not an agenda item's "6. Naturskov …"
            listed = len(numbers) >= 2 and numbers[-2] == numbers[-1] - 1
            nxt = self._chunk_after(h, table) if listed else None
            if nxt is None or not nxt["text"].lstrip().startswith(f"{numbers[-1] + 1}."):
                continue
            if texts is None:
                texts = self.stores.registry.document_texts({x.doc_id for x in window})
            text = texts.get(h.doc_id, "")
            if text and not text[h.end : nxt["start"]].strip() and nxt["end"] - h.start <= cap:
                window[i] = dataclasses.replace(h, text=text[h.start : nxt["end"]], end=nxt["end"])
                grown.append(window[i])
        # a passage the grown one now holds leaves the list
        out = [h for h in window if h in grown or not any(_inside(h, g) for g in grown)]
        return out + hits[self.fusion.merge_window :]

    def _chunk_after(self, h: SearchHit, table: _ChunkTable) -> dict[str, Any] | None:
        """The chunk of the same section that starts right after the passage, or None."""
        own = table.rows[table.position[h.chunk_id]]
        for i in table.doc_chunks.get(h.doc_id, []):
            row = table.rows[i]
            if row["start"] >= h.end:
                return row if row["section_path"] == own["section_path"] else None
        return None

    def _place_decision(self, intent: Intent, hits: list[SearchHit], k: int) -> list[SearchHit]:
        """A decision question whose best passage is an agenda item's case text gets that
        item's "Beslutning" second: the decision rarely shares the question's words ("Ikke
        godkendt. Udvalget er enig i behovet ..."), so it ranks below the case it decides."""
        if not hits or intent.kind != "decision":
            return hits
        table = self._ensure_fresh()[0]
        pos = table.position.get(hits[0].chunk_id)
        if pos is None:
            return hits
        path = table.rows[pos]["section_path"]
        rows = [table.rows[i] for i in table.doc_chunks.get(hits[0].doc_id, [])]
        decided = [row for row in rows if _decides(row["section_path"], path)]
        if not decided:
            return hits
        top = {h.chunk_id for h in hits[:DECISION_PLACE]}
        if any(row["id"] in top for row in decided):
            return hits
        row = decided[0]
        if any(h.doc_id == row["doc_id"] and h.start <= row["start"] < h.end for h in hits):
            return hits  # already inside a joined passage
        placed = self._hit(row, hits[0].score, None, None)
        return [hits[0], placed, *hits[1:]][:k]

    def _by_best_sentence(
        self, query: str, intent: Intent, hits: list[SearchHit]
    ) -> list[SearchHit]:
        """Reorder by score + sentence_weight x the best sentence's context coverage."""
        scorer = self.sentence_scorer
        if scorer is None:
            scorer = self.sentence_scorer = ExtractiveAnswerer(
                DocumentCache(self.stores.registry), TermStats(self.stores.registry)
            )
        groups = scorer.stats.refresh().groups(query, intent.english)
        cands = scorer.candidates(hits)
        if not cands or not groups:
            return hits
        best = self._best_coverage(scorer, cands, groups, intent, len(hits))
        weight = self.fusion.sentence_weight
        if self.fusion.section_weight:
            table = self._ensure_fresh()[0]
            for i, h in enumerate(hits):
                titles = table.rows[table.position[h.chunk_id]]["section_path"]
                best[i] += self.fusion.section_weight / weight * section_match(query, titles)
        order = sorted(range(len(hits)), key=lambda i: (-(hits[i].score + weight * best[i]), i))
        return [hits[i] for i in order]

    @staticmethod
    def _best_coverage(
        scorer: ExtractiveAnswerer,
        cands: list[SentenceCandidate],
        groups: list[WordGroup],
        intent: Intent,
        n: int,
    ) -> list[float]:
        """Per hit, the best context coverage among its sentences. A passage of headings alone
        (an agenda's "2. Temaer for dagens møde / 2.1 Orientering om …") states nothing and
        gets none, unless the question asks for a list (the agenda's items are its answer):
        devset MRR 0.825 -> 0.830, no other set's evidence rank lower."""
        scorer.scorer.score(cands, groups, intent)
        best = [0.0] * n
        has_body = [False] * n
        for c in cands:
            best[c.rank - 1] = max(best[c.rank - 1], c.context_coverage)
            if intent.wants_list or has_body[c.rank - 1]:
                continue
            view = scorer.docs.get(c.doc_id)
            if view is None or not view.in_heading(c.start, c.end):
                has_body[c.rank - 1] = True
        if intent.wants_list:
            return best
        return [b if body else 0.0 for b, body in zip(best, has_body, strict=True)]

    def _merge_adjacent(self, hits: list[SearchHit], table: _ChunkTable) -> list[SearchHit]:
        """Join hits whose spans touch (only whitespace between) in one section, or sibling
        sections, of one document: the better-ranked hit takes the other's text and the other
        leaves the list, so one answer is not spread over two ranks. Hits inside a better one
        are dropped."""
        cfg = self.fusion
        window = hits[: cfg.merge_window]
        docs = [h.doc_id for h in window]
        if len(set(docs)) == len(docs):
            return hits
        texts = self.stores.registry.document_texts(set(docs))
        out: list[SearchHit] = []
        for h in window:
            for i, kept in enumerate(out):
                if kept.doc_id != h.doc_id or not _joinable(
                    table.rows[table.position[kept.chunk_id]]["section_path"],
                    table.rows[table.position[h.chunk_id]]["section_path"],
                ):
                    continue
                if _inside(h, kept):
                    break  # already shown in full
                text = texts.get(h.doc_id, "")
                if not text:
                    continue  # no stored text to cut the joined span from
                start, end = min(kept.start, h.start), max(kept.end, h.end)
                first, second = (kept, h) if kept.start <= h.start else (h, kept)
                if text[first.end : second.start].strip() or end - start > cfg.merge_max:
                    continue
                # Named after the passage that earned the rank; the page is where it starts.
                out[i] = dataclasses.replace(
                    kept, page=first.page, text=text[start:end], start=start, end=end
                )
                break
            else:
                out.append(h)
        return out + hits[cfg.merge_window :]

    def candidates(
        self,
        query: str,
        n: int,
        filters: SearchFilters | None = None,
        features: bool = True,
    ) -> tuple[list[SearchHit], np.ndarray]:
        """The top `n` passages in fusion order (short ones expanded) and, when asked, their
        reranking features (rows in `assistant.rerank.FEATURES` order)."""
        empty = np.zeros((0, 0))
        query = query.strip()
        if not query:
            return [], empty
        table, lexical = self._ensure_fresh()
        if not table.ids:
            return [], empty
        mask = self._mask(table, filters)
        if mask is not None and not mask.any():
            return [], empty
        m = max(self.fusion.candidates, n)
        # BM25 matches words, so idioms are put in the documents' words ("hvem manglede" ->
        # "fraværende"); the dense model reads the question as asked
        lexical_hits = lexical.search(in_document_words(query), k=m, allowed=mask)
        dense_hits = self._dense(query, m, filters, table, mask)
        lex_rank = {cid: rank for rank, (cid, _) in enumerate(lexical_hits, 1)}
        dense_rank = {cid: rank for rank, (cid, _) in enumerate(dense_hits, 1)}
        scores = self._fuse(lexical_hits, dense_hits)
        units: dict[str, float] = {}
        if self._units is not None:
            units = self._add_unit_scores(scores, query, table, mask)
        self._add_named_item(scores, query, table, mask)
        ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)[:n]
        hits = [
            self._hit(
                table.rows[table.position[cid]], score, lex_rank.get(cid), dense_rank.get(cid)
            )
            for cid, score in ranked
        ]
        if self.fusion.expand_short:
            hits = self._expand(hits, table)
        if not features:
            return hits, empty
        lex_top = lexical_hits[0][1] if lexical_hits else 1.0
        lex_score = dict(lexical_hits)
        sims = [s for _, s in dense_hits]
        lo, span = (min(sims), (max(sims) - min(sims)) or 1.0) if sims else (0.0, 1.0)
        dense_score = dict(dense_hits)
        cands = [
            Candidate(
                chunk_id=h.chunk_id,
                doc_id=h.doc_id,
                text=h.text,
                titles=table.rows[table.position[h.chunk_id]]["section_path"],
                fused=h.score,
                lexical=lex_score.get(h.chunk_id, 0.0) / (lex_top or 1.0),
                dense=(dense_score[h.chunk_id] - lo) / span if h.chunk_id in dense_score else 0.0,
                unit=units.get(h.chunk_id, 0.0),
                lexical_rank=h.lexical_rank,
                dense_rank=h.dense_rank,
                **self._previous(h, table),
            )
            for h in hits
        ]
        assert self._features is not None
        wanted = self.reranker.features if self.reranker is not None else FEATURES
        return hits, self._features.matrix(query, cands, lexical.term_idf(query), wanted)

    @staticmethod
    def _previous(hit: SearchHit, table: _ChunkTable) -> dict[str, str]:
        """The passage before `hit` in its section: it often holds the sentence that names
        what the hit's numbers are about."""
        head, _, index = hit.chunk_id.rpartition(":")
        if not index.isdigit() or int(index) == 0:
            return {}
        pos = table.position.get(f"{head}:{int(index) - 1:04d}")
        if pos is None:
            return {}
        row, own = table.rows[pos], table.rows[table.position[hit.chunk_id]]
        if row["doc_id"] != own["doc_id"] or row["section_path"] != own["section_path"]:
            return {}
        return {"previous": row["text"], "previous_id": row["id"]}

    def _expand(self, hits: list[SearchHit], table: _ChunkTable) -> list[SearchHit]:
        cfg = self.fusion
        short = [h for h in hits if len(h.text) < cfg.expand_short]
        if not short:
            return hits
        texts = self.stores.registry.document_texts(h.doc_id for h in short)
        out = []
        for h in hits:
            row = table.rows[table.position[h.chunk_id]]
            nxt_pos = table.position.get(_next_chunk_id(h.chunk_id))
            if len(h.text) < cfg.expand_short and nxt_pos is not None:
                nxt = table.rows[nxt_pos]
                same = nxt["doc_id"] == row["doc_id"] and _joinable(
                    nxt["section_path"], row["section_path"]
                )
                text = texts.get(h.doc_id, "")
                gap = text[h.end : nxt["start"]]
                if same and not gap.strip() and nxt["end"] - h.start <= cfg.expand_max:
                    h = dataclasses.replace(h, text=text[h.start : nxt["end"]], end=nxt["end"])
            out.append(h)
        return out

    def _add_unit_scores(
        self, scores: dict[str, float], query: str, table: _ChunkTable, mask: np.ndarray | None
    ) -> dict[str, float]:
        """Each chunk gains its unit's normalised BM25 score; chunks of the best units that
        neither side retrieved join the candidates. Returns the unit score per candidate."""
        assert self._units is not None
        cfg = self.fusion
        unit_scores = self._units.scores(query)
        best = float(unit_scores.max()) if len(unit_scores) else 0.0
        if best <= 0:
            return {}
        by_unit = dict(zip(self._units.ids, unit_scores / best, strict=True))
        top_units = sorted(by_unit, key=by_unit.__getitem__, reverse=True)[: cfg.unit_candidates]
        for unit in top_units:
            for i in table.unit_chunks[unit]:
                if mask is None or mask[i]:
                    scores.setdefault(table.ids[i], 0.0)
        per_chunk = {cid: by_unit.get(table.unit_of[table.position[cid]], 0.0) for cid in scores}
        for cid, unit_score in per_chunk.items():
            scores[cid] += cfg.unit_weight * unit_score
        return per_chunk

    def _named_item_first(self, query: str, hits: list[SearchHit]) -> list[SearchHit]:
        """The named agenda item's passages ahead of the rest, in their order (the reranker
        and the sentence reorder know the item's words, not its number)."""
        asked = asked_item_number(query)
        if asked is None:
            return hits
        table = self._ensure_fresh()[0]

        def named(hit: SearchHit) -> bool:
            pos = table.position.get(hit.chunk_id)
            return pos is not None and within_item(table.item_number[pos], asked)

        return [h for h in hits if named(h)] + [h for h in hits if not named(h)]

    def _add_named_item(
        self, scores: dict[str, float], query: str, table: _ChunkTable, mask: np.ndarray | None
    ) -> None:
        """A question that names an agenda item by its number ("under punkt 47") is about
        that item (and its sub-items): its passages go first, whatever their words."""
        asked = asked_item_number(query)
        if asked is None:
            return
        for i, number in enumerate(table.item_number):
            if within_item(number, asked) and (mask is None or mask[i]):
                cid = table.ids[i]
                scores[cid] = scores.get(cid, 0.0) + self.fusion.named_item_bonus

    def _fuse(
        self, lexical_hits: list[tuple[str, float]], dense_hits: list[tuple[str, float]]
    ) -> dict[str, float]:
        """Combine both rankings. "rrf" uses ranks only; "convex" keeps how far a winner
        leads: BM25 scores are divided by the best one, cosine similarities are min-max
        scaled over the candidates, then mixed with `lexical_weight`."""
        cfg = self.fusion
        scores: dict[str, float] = {}
        if cfg.method == "rrf":
            for rank, (cid, _) in enumerate(lexical_hits, 1):
                scores[cid] = scores.get(cid, 0.0) + cfg.lexical_weight / (cfg.rrf_k + rank)
            for rank, (cid, _) in enumerate(dense_hits, 1):
                scores[cid] = scores.get(cid, 0.0) + cfg.dense_weight / (cfg.rrf_k + rank)
            return scores
        if lexical_hits:
            top = lexical_hits[0][1] or 1.0
            for cid, score in lexical_hits:
                scores[cid] = cfg.lexical_weight * score / top
        if dense_hits:
            sims = [s for _, s in dense_hits]
            lo, hi = min(sims), max(sims)
            span = (hi - lo) or 1.0
            for cid, sim in dense_hits:
                scores[cid] = scores.get(cid, 0.0) + cfg.dense_weight * (sim - lo) / span
        return scores

    def _dense(
        self,
        query: str,
        n: int,
        filters: SearchFilters | None,
        table: _ChunkTable,
        mask: np.ndarray | None,
    ) -> list[tuple[str, float]]:
        vector = self.stores.embedder.embed_query(query)
        if table.vectors is not None:
            return self._exact_dense(np.asarray(vector, dtype=np.float32), n, table, mask)
        try:
            hits = self.stores.vectors.query(vector, n, where=self._where(filters))
        except Exception as exc:  # a Chroma server that is down: answer from BM25 alone
            log.warning("dense search unavailable, lexical only: %s", exc)
            return []
        out = []
        for hit in hits:
            pos = table.position.get(hit.chunk_id)
            if pos is None:
                continue  # a vector without a registry row (crash leftovers): never shown
            if mask is not None and not mask[pos]:
                continue  # committee substring filter is not expressible in Chroma
            out.append((hit.chunk_id, hit.score))
        return out

    @staticmethod
    def _exact_dense(
        vector: np.ndarray, n: int, table: _ChunkTable, mask: np.ndarray | None
    ) -> list[tuple[str, float]]:
        """The `n` chunks nearest to `vector` by cosine, computed over every stored vector:
        Chroma's HNSW search gave a different candidate list in each process for the same
        query (and now and then missed the nearest chunk), and this index is small."""
        assert table.vectors is not None
        sims = table.vectors @ (vector / max(float(np.linalg.norm(vector)), 1e-12))
        if mask is not None:
            sims = np.where(mask, sims, -np.inf)
        order = np.lexsort((np.arange(len(sims)), -sims))[:n]  # ties: document order
        return [(table.ids[i], float(sims[i])) for i in order if np.isfinite(sims[i])]

    @staticmethod
    def _hit(row: dict[str, Any], score: float, lex: int | None, dense: int | None) -> SearchHit:
        return SearchHit(
            chunk_id=row["id"],
            doc_id=row["doc_id"],
            source=row["source"],
            title=row["title"],
            page=row["page"],
            section=_section_label(row["section_path"]),
            text=row["text"],
            start=row["start"],
            end=row["end"],
            score=score,
            lexical_rank=lex,
            dense_rank=dense,
            doc_type=row["doc_type"],
            date=row["date"],
            committee=row["committee"],
        )


class LlamaIndexHybridRetriever(BaseRetriever):
    """The hybrid retriever as a llama-index `BaseRetriever`, for query engines and agents."""

    def __init__(
        self, retriever: HybridRetriever, k: int = 5, filters: SearchFilters | None = None
    ) -> None:
        super().__init__()
        self._retriever = retriever
        self._k = k
        self._filters = filters

    def _retrieve(self, query_bundle: QueryBundle) -> list[NodeWithScore]:
        hits = self._retriever.search(query_bundle.query_str, self._k, self._filters)
        return [
            NodeWithScore(
                node=TextNode(
                    id_=h.chunk_id,
                    text=h.text,
                    start_char_idx=h.start,
                    end_char_idx=h.end,
                    metadata={
                        "source": h.source,
                        "page": h.page,
                        "section": h.section,
                        "doc_id": h.doc_id,
                        "title": h.title,
                    },
                ),
                score=h.score,
            )
            for h in hits
        ]
