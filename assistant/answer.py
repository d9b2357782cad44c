"""The assistant: a question (and the conversation so far) in, a verified `Answer` out.

    question ─► condense (history) ─► intent ─► retrieve ─► answer ─► verify ─► Answer
                                                    │          │
                                            facts tables    LLM (optional; checked, and
                                            (budgets, ...)   replaced by the extractive
                                                             answer when it fails)

Without an LLM (the default) the answer is extractive: facts rows for budgets, follow-ups and
decisions, selected sentences for everything else, each with a numbered citation whose quote is
exactly the registry text at its offsets. With an LLM configured, the model writes the answer
from the same numbered passages and the verifier decides whether it may be shown.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import time
from collections.abc import Generator, Iterator
from dataclasses import dataclass, replace
from typing import Any

from assistant.announced import AnnouncedMeetings, unrecorded_notice
from assistant.answer_gate import AnswerGate
from assistant.citations import (
    CitationSet,
    DocumentCache,
    DocView,
    display_text,
    document_label,
    renumber,
)
from assistant.conversation import condense
from assistant.extractive.answerer import ExtractiveAnswerer
from assistant.extractive.model import Candidate, ListCandidate, Selection, wording
from assistant.extractive.places import amount_years
from assistant.extractive.scoring import names_someone
from assistant.extractive.shapes import (
    APPLIED_FOR,
    GRANTED,
    LIST_ITEM_START,
    cited_item_heading,
    column_names_row,
    dates_in,
    has_count,
    is_label,
    states_time,
)
from assistant.facts_answers import FRAMES as FACTS_FRAMES
from assistant.facts_answers import (
    NO_DECISION_YET,
    FactsAnswerer,
    amount_sequel,
    once_each,
    sentence_date_matches,
)
from assistant.initials import spell_out_initials
from assistant.intent import (
    Intent,
    asked_rate,
    asks_breakdown,
    asks_total,
    both_things,
    classify,
    parse_as_of,
    respectively,
    split_question,
)
from assistant.llm_step import LlmOutcome
from assistant.question_terms import TermStats
from assistant.retriever import HybridRetriever
from assistant.stages import names_other_stage, names_sibling
from assistant.types import Answer, Citation, SearchFilters, SearchHit
from assistant.verify import verify
from assistant.winner import asks_firm, asks_winner, names_firm, names_winner
from ingest.dates import find_dates
from ingest.money import find_amounts
from plan_assistant.settings import Settings
from stores.bundle import Stores

log = logging.getLogger(__name__)
ABSTAIN_DA = "Det kan jeg ikke finde i dokumenterne."
ABSTAIN_EN = "(I cannot find this in the documents.)"
RETRIEVE_K = 10
MAX_LISTED_COSTS = 8  # a longer list is a table of its own, not one answer's lines


@dataclass
class Draft:
    """An answer before verification: text with markers and the citations they use."""

    text: str
    cset: CitationSet
    intent: str
    table: list[dict[str, Any]] | None = None
    abstained: bool = False
    notice: str | None = None
    frames: tuple[str, ...] = ()
    facts_texts: tuple[str, ...] = ()


# Of the best sentence's score and context coverage, for a decision of the asked date.
DATED_DECISION_SHARE = 0.8
# The "which documents" frame of a per-document question; what remains is the topic.
_PER_DOC_FRAME = re.compile(
    r"\bhvilke\s+(?:dokumenter|sager|referater|notater|bilag)\s+(?:nævner|omtaler|handler\s+om|"
    r"indeholder|beskriver)\b|\bi\s+hver\s+af\s+(?:dem|dokumenterne|sagerne)\b|"
    r"\bbåde\b.+?\bog\b.+?\b(?:nævner|omtaler)\b|\bwhich\s+documents\s+mention\b|"
    r"\bin\s+each\s+of\s+them\b",
    re.IGNORECASE,
)


def _in_row(view: DocView | None, offset: int) -> bool:
    return view is not None and view.table_row(offset) is not None


def _same_row(view: DocView | None, a: int, b: int) -> bool:
    """Two offsets in one table row: its cells are shown as a row ("a – b"), not a sentence."""
    row = view.table_row(a) if view is not None else None
    return row is not None and row.start <= b < row.end


def _join_parts(texts: list[str]) -> str:
    """The answers to the parts of a question, without the paragraphs a later part repeats:
    the parts share one citation set, so a paragraph citing only passages already shown says
    nothing new."""
    shown: set[str] = set()
    out: list[str] = []
    for text in texts:
        for paragraph in text.split("\n\n"):
            cited = set(re.findall(r"\[(\d+)\]", paragraph))
            if paragraph in out or (cited and cited <= shown and out):
                continue
            out.append(paragraph)
            shown |= cited
    return once_each(out)


_HEADING_NUMBER = re.compile(r"[#\s]*\d{1,2}(?:\.\d{1,2})*[.)]?\s+")


def _unnumbered(text: str, start: int, end: int) -> tuple[int, int]:
    """A heading's span without its leading number ("4.1 Dashboard" -> "Dashboard"): a loader
    may have written the number from the document's list numbering, which the source file does
    not hold, so the cited words are the heading's own."""
    m = _HEADING_NUMBER.match(text, start, end)
    return (m.end(), end) if m and m.end() < end else (start, end)


def _within(doc_id: str, span: tuple[int, int], rendered: set[tuple[str, int, int]]) -> bool:
    """A rendered sentence lies inside the span (the heading was already shown as text)."""
    return any(d == doc_id and span[0] <= s and e <= span[1] for d, s, e in rendered)


_WHICH = re.compile(r"^\W*(?:hvilke[nt]?|which)\b", re.IGNORECASE)
_LABEL = re.compile(r"\*\*(.+?)\*\*")


def _topic_of(first_part: str, first: Draft) -> str:
    """What a later question part is about: the first part, and when that asked "Hvilken X
    …?", the name its answer gave X (the heading label it showed: "**Teknisk
    Komponent-forvalter**"), which "…, og hvad koster rollen?" refers to."""
    if first.abstained or not _WHICH.match(first_part):
        return first_part
    return " ".join([first_part, *_LABEL.findall(first.text)])


def _add_item(lines: list[str], piece: str, continues: bool, separator: str = " ") -> None:
    """A list item as a bullet line; a label's value (or a row's next cell, after " – ")
    joins its label's line."""
    if continues and lines and lines[-1].startswith("- "):
        lines[-1] += f"{separator}{piece}"
    else:
        lines.append(f"- {piece}")


# "50 kr. i kompensation pr. flygtning": a unit named a few words after the amount
_PER_UNIT_AFTER = re.compile(r"\s+(?:[a-zæøå]+\s+){0,2}(?:pr\.?|per)\s+[a-zæøå]{3,}", re.I)


# "Hvad er Stenhøj Kommunes andel af kystsikringen?": a share is a figure (an amount or a
# percentage), never a table's column names that say "andel"
_ASKS_A_SHARE = re.compile(r"^\s*hvad\s+(?:er|var|bliver|blev)\b.*\bandel\b", re.IGNORECASE)


def _part_intent(part: str, whole: Intent) -> Intent:
    """A part of a question read on its own, in the language of the whole; money named
    anywhere in the whole ("Hvor meget jord …, og hvad er det gjort op til i kroner?") makes
    every "hvor meget" of it ask an amount."""
    intent = classify(part)
    intent.english = whole.english
    intent.asks_quantity &= whole.asks_quantity
    return intent


def _of_another_period(intent: Intent, cited: list[Citation]) -> bool:
    """A near miss: the question asks a value of a month or a quarter ("i januar 2025", "i 2.
    kvartal 2026") and the cited passages state one for another month or quarter only ("I
    januar 2026 var ledigheden 6,1 pct.")."""
    asked = [d for d in intent.dates if d.precision in ("month", "quarter")]
    if not asked or intent.kind == "decision" or intent.asks_when:
        return False
    kinds = {d.precision for d in asked}
    said = [d for c in cited for d in dates_in(c.quote) if d.precision in kinds]
    return bool(said) and not any(
        d.date <= a.end_date and a.date <= d.end_date for d in said for a in asked
    )


def _selected_texts(selection: Selection) -> list[str]:
    """What a selection would show: its sentences, or a chosen list's intro and items."""
    texts = [c.text for c in selection.sentences]
    if selection.listing is not None:
        intro = selection.listing.intro
        texts += [c.text for c in ([intro] if intro else []) + selection.listing.items]
    return texts


def _no_news(cset: CitationSet, mark: int) -> bool:
    """The citations added since `mark` are none, or only labels whose content an earlier
    part showed ("Imod stemte:" over the parties the vote's first part listed)."""
    return all(c.quote.rstrip().endswith(":") for c in cset.citations[mark:])


# a yes/no question: "Fik …?", "Blev … godkendt?", "Har … fået …?"
_ASKS_WHETHER = re.compile(r"\s*(?:fik|får|blev|bliver|er|var|har|havde|kan|skal|vil)\b", re.I)


def _required_shape(question: str, intent: Intent) -> str | None:
    """What a sentence must state to answer the question (see `ExtractiveAnswerer.select`)."""
    require = {"budget": "amount", "decision": "decision"}.get(intent.kind)
    if intent.kind == "budget" and not intent.asks_amount:
        return None  # about money, not asking for a figure
    if require == "amount" and intent.asks_share:
        return "share"  # "Hvor meget fylder …?": a percentage answers too
    if require == "amount" and intent.asks_quantity:
        return "quantity"  # "Hvor meget skal der lægges til for bølger?": 25 cm
    if intent.kind == "lookup" and _ASKS_A_SHARE.search(question):
        return "share"
    return require


class Assistant:
    """Facade used by the CLI, the HTTP API and the eval harness."""

    def __init__(
        self,
        stores: Stores,
        retriever: HybridRetriever | None = None,
        llm: Any | None = None,
        gate: AnswerGate | None = None,
    ) -> None:
        self.stores = stores
        self.gate = gate or AnswerGate.load()
        self.retriever = retriever or HybridRetriever(stores)
        self.docs = DocumentCache(stores.registry)
        self.stats = TermStats(stores.registry)
        self.extractive = ExtractiveAnswerer(self.docs, self.stats)
        self.retriever.sentence_scorer = self.extractive
        self.facts = FactsAnswerer(stores.registry, self.docs, self.extractive)
        self.announced = AnnouncedMeetings(stores.registry)
        self.llm = llm

    @classmethod
    def from_settings(cls, settings: Settings) -> Assistant:
        stores = Stores.open(settings)
        llm = None
        if settings.llm_base_url or getattr(settings, "llm_model_path", None):
            from assistant.llm import make_llm

            llm = make_llm(settings)
        return cls(stores, llm=llm)

    # --- public API -------------------------------------------------------------------
    def ask(
        self,
        question: str,
        history: list[dict[str, str]] | None = None,
        as_of: str | dt.date | None = None,
        filters: SearchFilters | None = None,
    ) -> Answer:
        events = list(self.stream(question, history, as_of, filters, stream_tokens=False))
        done = events[-1]
        return done["answer_obj"]

    def stream(
        self,
        question: str,
        history: list[dict[str, str]] | None = None,
        as_of: str | dt.date | None = None,
        filters: SearchFilters | None = None,
        stream_tokens: bool = True,
    ) -> Iterator[dict[str, Any]]:
        """Events: {"type": "delta", "text"}..., {"type": "citations", "citations"},
        {"type": "table", "rows"} (list answers), {"type": "done", "answer": dict}."""
        t0 = time.perf_counter()
        timings: dict[str, float] = {}
        standalone = condense(question, history or [], llm=self.llm)
        intent = classify(standalone)
        day = parse_as_of(as_of)
        t1 = time.perf_counter()
        hits = self.retriever.search(standalone, k=RETRIEVE_K, filters=filters)
        timings["retrieval"] = (time.perf_counter() - t1) * 1000

        t2 = time.perf_counter()
        draft = self._extractive(standalone, intent, hits, day, filters)
        if intent.asks_who and not draft.abstained:
            draft.text = spell_out_initials(draft.text, draft.cset)
        t_verify = time.perf_counter()
        extractive = self._verified(self._finish(draft, intent, hits), draft)
        verify_ms = (time.perf_counter() - t_verify) * 1000
        answer, outcome = extractive, None
        if self.llm is not None:  # asked after an abstention too; the verifier decides
            answer, outcome = yield from self._generate(
                standalone, intent, hits, extractive, stream_tokens
            )
            verify_ms += outcome.verify_ms
        else:
            yield {"type": "delta", "text": answer.text}
        timings["answer"] = (time.perf_counter() - t2) * 1000 - verify_ms
        timings["verify"] = verify_ms
        timings["total"] = (time.perf_counter() - t0) * 1000
        answer.timings_ms = {k: round(v, 2) for k, v in timings.items()}
        yield {"type": "citations", "citations": [c.__dict__ for c in answer.citations]}
        if answer.table:
            yield {"type": "table", "rows": answer.table}
        llm_turn = outcome.to_dict() if outcome else None
        yield {"type": "done", "answer": answer.to_dict(), "answer_obj": answer, "llm": llm_turn}

    def _generate(
        self,
        question: str,
        intent: Intent,
        hits: list[SearchHit],
        extractive: Answer,
        stream_tokens: bool,
    ) -> Generator[dict[str, Any], None, tuple[Answer, LlmOutcome]]:
        """The model's verified answer, else the extractive one (see `assistant.llm_step`)."""
        from assistant.llm_step import generate_verified

        return (
            yield from generate_verified(
                self.llm, self.docs, question, intent, hits, extractive, stream_tokens
            )
        )

    # --- answering --------------------------------------------------------------------
    def _extractive(
        self,
        question: str,
        intent: Intent,
        hits: list[SearchHit],
        day: dt.date,
        filters: SearchFilters | None,
    ) -> Draft:
        """The no-LLM answer; a two-part question ("..., og hvornår ...?") is answered part by
        part, the later parts read with the topic of the first."""
        cset = CitationSet(self.docs)
        unrecorded = self.announced.only_announced(
            question, intent, filters.access if filters else None
        )
        if unrecorded is not None:
            # what happened at a meeting held after every document that announces it
            return self._abstain(intent, cset, unrecorded_notice(unrecorded))
        parts = split_question(question)
        drafts: list[Draft] = []
        divided = False  # a later part's "hvordan er pengene fordelt?" answered by the first
        for i, part in enumerate(parts):
            if i and divided and asks_breakdown(part):
                continue
            topic = _topic_of(parts[0], drafts[0]) if i else None
            if i == 0:
                part_intent, part_hits = intent, hits
            else:
                part_intent = _part_intent(part, intent)
                part_hits = self.retriever.search(f"{part} {topic}", k=RETRIEVE_K, filters=filters)
            if len(parts) > 1 and i == 0:
                part_intent = _part_intent(part, intent)
            mark = len(cset.citations)
            draft = self._answer_part(part, part_intent, part_hits, day, filters, cset, topic)
            draft = self._with_breakdown(draft, part, part_intent, part_hits, filters, mark)
            if i == 0 and any(asks_breakdown(p) for p in parts[1:]):
                # "Hvad koster X i alt, og hvordan er pengene fordelt på årene?": the parts
                # that add up to the total the first part cited answer the second
                whole = self._with_breakdown(draft, question, intent, part_hits, filters, mark)
                divided, draft = whole is not draft, whole
            draft = self._with_amount_parts(draft, part_intent, mark)
            if i and not draft.abstained and _no_news(cset, mark):
                continue  # the first part showed it all ("Imod stemte:" over its parties)
            drafts.append(self._with_listed_costs(draft, part_intent, mark))
        answered = [d for d in drafts if not d.abstained]
        each = respectively(question) if len(parts) == 1 and intent.is_budget else None
        if each is not None and not (answered and self._names_both(question, answered)):
            # "Hvor meget er afsat til klimatilpasning og grøn transport?": no one passage
            # covered both; each is asked on its own ("til henholdsvis A og B")
            draft = self._extractive(each, intent, hits, day, filters)
            if not answered or not draft.abstained:
                return draft
        if not answered:
            return drafts[0]
        if len(answered) == 1:
            return answered[0]
        text = _join_parts([d.text for d in answered])
        table = next((d.table for d in answered if d.table), None)
        return Draft(text, cset, intent.kind, table=table)

    def _names_both(self, question: str, drafts: list[Draft]) -> bool:
        """The answer's quotes name both things of "… til A og B?": one passage covered both."""
        things = both_things(question) or ()
        quoted = self.extractive.stats.terms(
            " ".join(c.quote for d in drafts for c in d.cset.citations)
        )
        return all(self.extractive.stats.terms(thing) & quoted for thing in things)

    def _with_breakdown(
        self,
        draft: Draft,
        question: str,
        intent: Intent,
        hits: list[SearchHit],
        filters: SearchFilters | None,
        mark: int,
    ) -> Draft:
        """A question how an amount is divided also gets the parts that add up to the total
        its answer cited (the citations from `mark` on)."""
        if draft.abstained or intent.kind != "budget" or not asks_breakdown(question):
            return draft
        access = filters.access if filters else None
        cited = draft.cset.citations[mark:]
        parts = self.facts.breakdown(cited, access, filters, hits, draft.cset, intent.english)
        return replace(draft, text=f"{draft.text}\n\n{parts}") if parts else draft

    def _with_amount_parts(self, draft: Draft, intent: Intent, mark: int) -> Draft:
        """An amount the answer cited (the citations from `mark` on) is followed by the
        sentence that divides it or says what follows from it ("Heraf udgør boligdelen …",
        "Herefter resterer …"), cited right after it."""
        if draft.abstained or not intent.asks_amount:
            return draft
        text = draft.text
        for cited in list(draft.cset.citations[mark:]):
            view = self.docs.get(cited.doc_id)
            index = view.sentence_index(cited.end - 1) if view is not None else None
            sequel = amount_sequel(view, index) if view is not None and index is not None else None
            if sequel is None or any(
                c.doc_id == cited.doc_id and c.start < sequel.end and sequel.start < c.end
                for c in draft.cset.citations
            ):
                continue
            marker = f"[{draft.cset.add(cited.doc_id, cited.start, cited.end)}]"
            if text.count(marker) != 1:
                continue
            n = draft.cset.add(cited.doc_id, sequel.start, sequel.end)
            text = text.replace(marker, f"{marker} {display_text(sequel.text)} [{n}]")
        return replace(draft, text=text) if text != draft.text else draft

    def _with_listed_costs(self, draft: Draft, intent: Intent, mark: int) -> Draft:
        """An amount cited from a short list of costs ("1. 15.000 - 25.000 til etablering",
        "2. 5.000 - 10.000 pr. måneds drift", ...) is one line of the answer: the list's
        other items follow it, each cited (the citations from `mark` on)."""
        if draft.abstained or intent.kind != "budget" or not intent.asks_amount:
            return draft
        lines: list[str] = []
        shown = draft.cset.citations  # grows as items are cited: each item once
        for cited in shown[mark:]:
            view = self.docs.get(cited.doc_id)
            items = view.sibling_items(cited.start) if view is not None else []
            if not 2 <= len(items) <= MAX_LISTED_COSTS:
                continue
            for start, end in items:
                if any(c.doc_id == cited.doc_id and c.start < end and start < c.end for c in shown):
                    continue
                n = draft.cset.add(cited.doc_id, start, end)
                item = view.text[start:end].strip()
                lines.append(f"{item} [{n}]" if LIST_ITEM_START.match(item) else f"- {item} [{n}]")
        return replace(draft, text=f"{draft.text}\n" + "\n".join(lines)) if lines else draft

    def _with_announced_list(self, text: str, cset: CitationSet, mark: int) -> str:
        """A fact whose quote announces a list ("Egenfinansieringen på 800.000 kr.
        sammensættes således:") is answered with the list's items, each cited."""
        lines: list[str] = []
        for cited in list(cset.citations[mark:]):
            view = self.docs.get(cited.doc_id)
            if view is None or not cited.quote.rstrip().endswith(":"):
                continue
            index = view.sentence_index(cited.start)
            if index is None:
                continue
            s = view.sentences[index]
            intro = Candidate(view.id, s.start, s.end, s.text, index)
            items = self.extractive.lists.list_items(intro)
            shown = [
                item
                for item in items
                if any(
                    c.doc_id == item.doc_id and c.start < item.end and item.start < c.end
                    for c in cset.citations
                )
            ]
            if any(_in_row(view, item.start) for item in shown):
                continue  # the answer quotes the row asked for; the rest of its table is noise
            for item in items:
                if item in shown:
                    continue  # the fact's answer shows it already
                n = cset.add(item.doc_id, item.start, item.end)
                separator = " – " if _in_row(view, item.start) else " "
                _add_item(lines, f"{display_text(item.text)} [{n}]", item.continues, separator)
        return "\n".join([text, *lines]) if lines else text

    def _answer_part(
        self,
        question: str,
        intent: Intent,
        hits: list[SearchHit],
        day: dt.date,
        filters: SearchFilters | None,
        cset: CitationSet,
        topic: str | None = None,
    ) -> Draft:
        """One question (part); `topic` is the first part when this is a later one."""
        shown = [(c.doc_id, c.start, c.end) for c in cset.citations]
        question_part, question = question, f"{question} {topic}" if topic else question
        if intent.kind == "definition":
            draft = self._definition(question, filters, cset)
            if draft is not None:
                return draft
        document = self.facts.document_answer(question, intent, hits, cset)
        if document is not None:
            return Draft(document.text, cset, intent.kind)
        if intent.per_document:
            draft = self._per_document(question, intent, hits, cset, filters)
            if draft is not None:
                return draft
        mark = len(cset.citations)
        result = self.facts.answer(question, intent, hits, day, filters, cset)
        if result is not None and topic and not result.abstain and len(cset.citations) == mark:
            result = None  # a later part answered with what an earlier part cited: no news
        undecided = result is not None and result.text.startswith(NO_DECISION_YET)
        if result is not None and not result.abstain and (intent.kind == "budget" or undecided):
            # a budget row answers only when it matches the question as well as a sentence;
            # "no decision yet" only when no stated decision matches better (a later meeting
            # records what a proposal's own record still calls undecided)
            selection, _ = self._select_sentences(
                question_part, intent, hits, filters, topic, shown
            )
            rival = cset.citations[mark:]
            if (
                self._sentences_beat(selection, rival, undecided)
                or self._written_after(selection, rival)
                or self._updates(selection, rival)
            ) and (
                not undecided
                or (selection.confident and self._decided_elsewhere(selection, cset, mark))
            ):
                del cset.citations[mark:]
                return self._unless_near_miss(
                    self._sentence_answer(selection, intent, cset), question_part, intent, mark
                )
        if result is not None and result.abstain and not (result.notice or result.text):
            # the amount rows' nearest match is of another year, but a sentence on the topic
            # may name the asked year ("… 2,3 mio. kr. i 2025, 7,9 mio. kr. i 2026"): then the
            # sentences answer, under their own checks
            selection, _ = self._select_sentences(
                question_part, intent, hits, filters, topic, shown
            )
            if self._names_asked_year(selection, intent):
                del cset.citations[mark:]
                result = None
        if result is not None:
            if result.abstain:
                del cset.citations[mark:]
                return self._abstain(intent, cset, result.notice, result.text or None)
            cited = cset.citations[mark:]
            if self._misses_asked(question_part, intent, cited) or names_other_stage(
                question, " ".join(c.quote for c in cited)
            ):
                del cset.citations[mark:]
                return self._abstain(intent, cset)
            return Draft(
                self._with_announced_list(result.text, cset, mark),
                cset,
                intent.kind,
                table=result.table,
                notice=result.notice,
                facts_texts=tuple(result.facts_texts),
                frames=FACTS_FRAMES,
            )
        selection, require = self._select_sentences(
            question_part, intent, hits, filters, topic, shown
        )
        strict = intent.kind in ("budget", "decision")
        if not self._names_the_winner(question_part, selection) and not self.gate.answers(
            selection, strict, required=require is not None
        ):
            return self._abstain(intent, cset)
        said = _selected_texts(selection)
        if intent.asks_when and not any(states_time(t) for t in said):
            # "Hvornår skal Byrådet igen tage stilling til …?" over "Byrådet skal tage stilling
            # til …": the best sentence that states a date answers, under the same gate
            timed, _ = self._select_sentences(
                question_part, intent, hits, filters, topic, shown, require="date"
            )
            if not (timed.best and self.gate.answers(timed, strict, required=True)):
                # "Hvornår er der rejsegilde?" over sentences that say nothing of when
                return self._abstain(intent, cset)
            selection = timed
        if intent.asks_size and not any(has_count(t) for t in said):
            # "Hvor stort forventes efterslæbet at være i 2028?" over sentences with no figure
            return self._abstain(intent, cset)
        return self._unless_near_miss(
            self._sentence_answer(selection, intent, cset), question_part, intent, mark
        )

    def _names_asked_year(self, selection: Selection, intent: Intent) -> bool:
        """The confident best sentence names one of the asked years."""
        best = selection.best
        if best is None:
            return False
        own = amount_years(best.text) if intent.asks_amount else set()
        years = own or self.extractive.places.years_of(best)
        return selection.confident and bool(years & set(intent.years))

    @staticmethod
    def _names_the_winner(question_part: str, selection: Selection) -> bool:
        """ "Hvem vandt udbuddet?" and a sentence of its subject that states the award and
        names the firm ("… indgået kontrakt med Havblik Systems A/S"): the answer, however
        few of the question's words it repeats."""
        best = selection.best
        return (
            best is not None
            and selection.key_found
            and asks_winner(question_part)
            and names_winner(question_part, [best.text])
        )

    def _unless_near_miss(
        self, draft: Draft, question_part: str, intent: Intent, mark: int
    ) -> Draft:
        """`draft`, or an abstention when its citations (from `mark`) miss what was asked."""
        cset = draft.cset
        if not self._misses_asked(question_part, intent, cset.citations[mark:]):
            return draft
        del cset.citations[mark:]
        return self._abstain(intent, cset)

    def _misses_asked(self, question_part: str, intent: Intent, cited: list[Citation]) -> bool:
        """A near miss: no named choice where the winner of a tender was asked, no firm named
        where a firm was asked (`winner`), figures of other years, a sibling of the asked part
        ("Egelund afdeling" for "Vestermølle afdeling", `stages`), the first of a ranking where
        the second was asked ("det næstlaveste bud"), only the deputy where the chair was
        asked, only what was applied for where what was given was asked, a total where a price
        per unit was asked ("pr. meter"), or only prices per unit where a total was asked."""
        if asks_winner(question_part):
            return not names_winner(question_part, [c.quote for c in cited])
        if asks_firm(question_part):
            return not names_firm(
                question_part, [c.quote for c in cited], [self._in_prose(c) for c in cited]
            )
        if _of_another_period(intent, cited) or self._of_other_years(intent, cited, question_part):
            return True
        said = [c.quote for c in cited]
        context = " ".join(f"{c.title}. {c.section}." for c in cited)
        if names_sibling(question_part, " ".join(said), context):
            return True  # "Vestermølle afdeling" asked, "Egelund afdeling" cited
        if _ranks_below(question_part, said):
            return True  # "det næstlaveste bud" asked, "det laveste bud" cited
        if _deputy_only(question_part, said):
            return True  # "Hvem er formand?" asked, "Poul Erik Sand (næstformand)" cited
        if _no_holder_named(question_part, said):
            return True  # "Hvem er formand for …?" asked, "Formanden orienterede om …" cited
        if not intent.asks_amount:
            return False
        if intent.asks_granted and _applied_only(said):
            return True  # "Hvor meget har fonden givet?" of "Der er søgt 6 mio. kr. hos fonden"
        rate = asked_rate(question_part)
        if rate is not None:
            return not self._states_rate(rate, cited)
        return asks_total(question_part) and self._only_rates(cited)

    def _of_other_years(self, intent: Intent, cited: list[Citation], question: str = "") -> bool:
        """A near miss: a figure asked for some years ("i vinteren 2026-2027", "i 2022") and
        every cited figure is for other years, as its own words, the sentence before ("I
        vintersæsonen 2024-2025 … Det samlede forbrug udgjorde 9,4 mio. kr.") or its table's
        column names ("Takst 2025", "2023 | 2024") say. Other figures than amounts are judged
        only when table rows state them all ("Hvor mange klager … i 2022?")."""
        asked = set(intent.years)
        if not asked or intent.amounts or not cited:
            return False  # "Kommissoriet nævner 2,75 mill. kr. i 2006 - hvordan …?" asks no year
        places = self.extractive.places
        figures = [c for c in cited if has_count(c.quote)]  # a row's label states none
        rows = [c for c in figures if _in_row(self.docs.get(c.doc_id), c.start)]
        if intent.asks_amount:
            # a decision asked yes or no is judged by its figures only: "Afslået. … søge igen
            # til 2027" answers "Fik vinterbaderne tilskud til festivalen i januar 2026?"
            whether = intent.kind == "decision" and _ASKS_WHETHER.match(question) is not None
            judged = [
                c
                for c in cited
                if c in figures or (not whether and not _in_row(self.docs.get(c.doc_id), c.start))
            ]
            if not judged:
                return False
        elif figures and len(rows) == len(figures):
            judged = rows
        else:
            return False
        for c in judged:
            view = self.docs.get(c.doc_id)
            index = view.sentence_index(c.start) if view is not None else None
            if view is None or index is None:
                return False
            cand = Candidate(view.id, c.start, c.end, c.quote, index)
            own = amount_years(c.quote) if intent.asks_amount else set()
            years = (
                own
                or places.years_of(cand)
                or places.table_years(cand)
                or places.heading_years(cand)
            )
            if not years or years & asked:
                return False
        return True

    def _decided_elsewhere(self, selection: Selection, cset: CitationSet, mark: int) -> bool:
        """A sentence answers for an undecided item only as a decision recorded elsewhere: in
        another document (a later meeting), or under a "Beslutning" heading. The item's own
        case text ("Byrådet vedtog planen i januar …") is background, not its decision."""
        best = selection.best
        if best is None:
            return False
        undecided_docs = {c.doc_id for c in cset.citations[mark:]}
        places = self.extractive.places
        return best.doc_id not in undecided_docs or places.under_decision_heading(best)

    def _in_prose(self, citation: Citation) -> bool:
        """The citation quotes running text or a list item, not a heading or a table row."""
        view = self.docs.get(citation.doc_id)
        block = view.block_at(citation.start) if view is not None else None
        return block is not None and block.kind in ("prose", "list_item")

    @staticmethod
    def _only_rates(cited: list[Citation]) -> bool:
        """The cited passages state amounts, and each is a price per unit ("500 kr. pr. døgn")."""
        amounts = [(c.quote, m) for c in cited for m in find_amounts(c.quote)]
        return bool(amounts) and all(
            m.per or _PER_UNIT_AFTER.match(quote, m.end) for quote, m in amounts
        )

    def _states_rate(self, rate: re.Pattern[str], cited: list[Citation]) -> bool:
        """Some cited passage states the asked rate, in its words or its table's caption."""
        places = self.extractive.places
        return any(places.states_rate(c.doc_id, c.start, c.quote, rate) for c in cited)

    def _select_sentences(
        self,
        question_part: str,
        intent: Intent,
        hits: list[SearchHit],
        filters: SearchFilters | None,
        topic: str | None,
        shown: list[tuple[str, int, int]],
        require: str | None = None,
    ) -> tuple[Selection, str | None]:
        """The best sentences for a question (part), and what they were required to state
        (`require` when given, else what the question's kind needs)."""
        access = filters.access if filters else None
        extra: list[tuple[str, int, int, float]] = []
        # follow-up sentences of the retrieved documents join the candidates (a chunk that
        # missed the top k can still hold the stated deadline; amounts gained nothing so)
        doc_ids = {h.doc_id for h in hits}
        if intent.asks_when or intent.kind == "followup":
            # a question about a coming deadline is answered by a stated next step
            boost = 0.15 if intent.kind == "followup" else 0.05
            extra += self.facts.followup_candidates(access, filters, boost, doc_ids)
        require = require or _required_shape(question_part, intent)
        selection = self.extractive.select(
            question_part,  # a later part by its own words, its topic passed beside it
            intent,
            hits,
            extra=extra,
            require=require,
            topic=topic,
            shown=shown,
        )
        return selection, require

    @staticmethod
    def _sentences_beat(
        selection: Selection, rival: list[Citation], unscored_lose: bool = False
    ) -> bool:
        """The best sentence scores above every sentence the rival (facts) answer cited. A
        rival none of whose sentences is among the scored ones (a row of a passage retrieval
        did not rank, matched by a word or two) loses to a confident selection, and with
        `unscored_lose` to any; a rival that cites nothing stays."""
        best = selection.best
        if best is None:
            return False
        theirs = [
            c.score
            for c in selection.scored
            if any(r.doc_id == c.doc_id and r.start <= c.start and c.end <= r.end for r in rival)
        ]
        if not theirs:
            return unscored_lose or (selection.confident and bool(rival))
        return best.score > max(theirs)

    @staticmethod
    def _updates(selection: Selection, rival: list[Citation]) -> bool:
        """The sentences show a later change of the very sentence the rival (facts) answer
        cites ("Der er afsat 450.000 kr. …" and "Rammen … er hævet fra 450.000 kr. til
        585.000 kr."): the facts answer would state the old value alone."""
        best = selection.best
        if selection.update is None or best is None:
            return False
        return any(r.doc_id == best.doc_id and r.start <= best.start < r.end for r in rival)

    def _written_after(self, selection: Selection, rival: list[Citation]) -> bool:
        """A question asking the latest value ("hvad betaler forsyningen nu?") is answered by
        the sentence written after every passage the rival (facts) answer cited."""
        if not selection.later or selection.best is None or not rival:
            return False
        best = selection.best
        view = self.docs.get(best.doc_id)
        mine = view.written_on(best.start) if view is not None else None
        theirs = [
            v.written_on(c.start) if (v := self.docs.get(c.doc_id)) is not None else None
            for c in rival
        ]
        return mine is not None and all(when is not None and when < mine for when in theirs)

    def _sentence_answer(self, selection: Selection, intent: Intent, cset: CitationSet) -> Draft:
        """The selected sentences rendered; a dated decision question checks the date."""
        best = selection.best
        assert best is not None
        prefix = ""
        if intent.kind == "decision" and intent.dates:
            ok, exact = sentence_date_matches(intent, self._dated_by(best))
            if not ok or self._written_before(best, intent):
                dated = self._dated_decision(selection, intent)
                if dated is None:
                    return self._abstain(intent, cset)
                selection = replace(selection, best=dated, sentences=[dated])
                best, exact = dated, True
            if not exact:
                prefix = "Bemærk: Datoen i spørgsmålet passer ikke; dokumenterne siger:\n\n"
        if intent.asks_item:
            prefix += self._item_named(best, cset)
        return Draft(prefix + self.render(selection, cset, intent), cset, intent.kind)

    def _dated_decision(self, selection: Selection, intent: Intent) -> Candidate | None:
        """The best-scored decision of the asked date when the best sentence is of another
        (a steering group's decision above the council's of 25 March): nearly as good a
        match, with its headings nearly as well covering the question, dated exactly as asked."""
        best = selection.best
        if best is None:
            return None
        for c in selection.scored:
            if c.score < DATED_DECISION_SHARE * best.score:
                break
            if c is best or c.context_coverage < DATED_DECISION_SHARE * best.context_coverage:
                continue
            if not sentence_date_matches(intent, self._dated_by(c))[1]:
                continue
            if not self._written_before(c, intent):
                return c
        return None

    def _item_named(self, best: Candidate, cset: CitationSet) -> str:
        """ "Hvilket punkt blev kun taget til orientering?": the agenda item the answer stands
        in, its heading cited, before the sentences that say why it is the one."""
        view = self.docs.get(best.doc_id)
        cited = cited_item_heading(view, best.start, cset) if view is not None else None
        return f"{cited[1]}\n\n" if cited else ""

    def _written_before(self, sentence: Candidate, intent: Intent) -> bool:
        """The sentence's document is dated before the period the question asks a decision
        of: what it says of that period ("Juni 2026: Byrådet træffer beslutning …" in an
        August 2025 memo) is a plan, not the decision. A log of several meetings is dated by
        the meeting heading the sentence stands under, not by its first meeting."""
        view = self.docs.get(sentence.doc_id)
        if view is None:
            return False
        headed = [
            d.date
            for title in view.section_path(sentence.start)
            for d in find_dates(title)
            if d.precision == "day"
        ]
        written = headed[-1] if headed else None
        if written is None and view.record.meta.date:
            written = dt.date.fromisoformat(view.record.meta.date)
        if written is None:
            return False
        return written < min(d.date for d in intent.dates)

    def _dated_by(self, sentence: Candidate) -> str:
        """What dates a sentence: its own dates, or when it names none, its headings and its
        document's date (minutes of 16 June state "Begge blev godkendt." without a date)."""
        view = self.docs.get(sentence.doc_id)
        if view is None or find_dates(sentence.text):
            return sentence.text
        return " ".join([*view.section_path(sentence.start), view.record.meta.date or ""])

    def _per_document(
        self,
        question: str,
        intent: Intent,
        hits: list[SearchHit],
        cset: CitationSet,
        filters: SearchFilters | None = None,
    ) -> Draft | None:
        """ "Hvilke dokumenter nævner LEAN?": the best passage of each document that does."""
        topic = _PER_DOC_FRAME.sub(" ", question).strip(" -?,.") or question
        single = Intent(**{**intent.__dict__, "kind": "lookup", "wants_list": False})
        hits = self.retriever.search(topic, k=20, filters=filters) + hits
        parts = []
        for doc_id in list(dict.fromkeys(h.doc_id for h in hits))[:5]:
            doc_hits = [h for h in hits if h.doc_id == doc_id]
            selection = self.extractive.select(topic, single, doc_hits)
            if not selection.key_found or selection.best is None:
                continue
            view = self.docs.get(doc_id)
            label = document_label(view.record.meta.title) if view else doc_id
            selection.sentences = selection.sentences[:3]
            parts.append(f"*{label}*:\n\n" + self.render(selection, cset, intent))
        if not parts:
            return None
        return Draft("\n\n".join(parts), cset, intent.kind)

    def _definition(
        self, question: str, filters: SearchFilters | None, cset: CitationSet
    ) -> Draft | None:
        """A glossary definition, when the overview package knows the term."""
        try:
            from assistant.overview.glossary_answer import answer_definition
        except ImportError:  # pragma: no cover - optional package
            return None
        try:
            found = answer_definition(question, self.stores, filters.access if filters else None)
        except Exception:  # noqa: BLE001 - a glossary failure must not stop the answer
            return None
        if found is None or found.abstained or not found.citations:
            return None
        mapping = {}
        for c in found.citations:
            mapping[c.n] = cset.add(c.doc_id, c.start, c.end)
        text = re.sub(
            r"\[(\d+)\]", lambda m: f"[{mapping.get(int(m.group(1)), m.group(1))}]", found.text
        )
        return Draft(text, cset, "definition")

    def _abstain(
        self,
        intent: Intent,
        cset: CitationSet,
        notice: str | None = None,
        text: str | None = None,
    ) -> Draft:
        text = text or ABSTAIN_DA + (f" {ABSTAIN_EN}" if intent.english else "")
        return Draft(text, cset, intent.kind, abstained=True, notice=notice)

    def render(self, selection: Selection, cset: CitationSet, intent: Intent) -> str:
        """Selected sentences as Markdown: paragraphs per document, list items as bullets."""
        if selection.listing is not None:
            return self.render_list(selection.listing, cset)
        lines: list[str] = []
        docs_used = list(dict.fromkeys(c.doc_id for c in selection.sentences))
        previous: tuple[str, int] | None = None
        previous_start = -1
        shown: set[tuple[int, int]] = set()
        listed: set[tuple[str, int]] = set()  # sentences already shown as a list item
        # spans shown as sentences: a heading (or a parent list item) among them is not
        # shown again as a label
        rendered = {(c.doc_id, c.start, c.end) for c in selection.sentences}
        for c in selection.sentences:
            if (c.doc_id, c.index) in listed:
                continue
            if len(docs_used) > 1 and (previous is None or previous[0] != c.doc_id):
                view = self.docs.get(c.doc_id)
                label = document_label(view.record.meta.title) if view else ""
                if label:
                    if lines:
                        lines.append("")
                    lines.append(f"*{label}*:")
            n = cset.add(c.doc_id, c.start, c.end)
            sentence = f"{display_text(c.text)} [{n}]"
            view = self.docs.get(c.doc_id)
            if view is not None and is_label(view.text, c.start, c.end) and c.text[-1:] != ":":
                sentence += ":"  # "Dato [4]: 2026-05-07 [5]", the colon the quote leaves out
            about_heading = (
                c.heading
                and (c.heading_coverage - c.coverage >= 0.15 or c.refers_to_heading)
                and not _in_row(view, c.start)  # a row is headed by its column names
            )
            # "Beslutning i ... den <dato>" says who decided and when: a decision question's
            # sentences, and an agenda item's decision shown beside its case text, carry it
            best = selection.best
            beside_case = best is not None and c is not best
            beside_case = beside_case and not self.extractive.places.in_decision_section(best)
            if c.heading and intent.kind == "decision" and c.heading not in shown:
                about_heading = self.extractive.places.in_decision_section(c)
            elif c.heading and beside_case and c.heading not in shown:
                about_heading = about_heading or self.extractive.places.in_decision_section(c)
            labelled = c.heading in shown or (
                c.heading is not None and _within(c.doc_id, c.heading, rendered)
            )
            if about_heading and not labelled:
                # The sentence is about its heading ("Der afsættes 600.000 kr. til dette."):
                # show and cite the heading with it.
                shown.add(c.heading)
                view = self.docs.get(c.doc_id)
                heading = view.text[c.heading[0] : c.heading[1]] if view else ""
                h = cset.add(c.doc_id, *_unnumbered(view.text, *c.heading) if view else c.heading)
                line = wording(heading)
                number = _HEADING_NUMBER.match(line)
                title = line[number.end() if number else 0 :].strip("* ").rstrip(":")
                sentence = f"**{title}** [{h}]: {sentence}"
            adjacent = previous is not None and previous == (c.doc_id, c.index - 1)
            same_row = adjacent and _same_row(view, c.start, previous_start)
            if adjacent and not same_row and _in_row(view, c.start):
                adjacent = False  # the next table row is a line of its own
            if lines and adjacent and lines[-1] and not lines[-1].startswith("- "):
                lines[-1] += (" – " if same_row else " ") + sentence
            else:
                if lines and lines[-1] and not lines[-1].endswith(":"):
                    lines.append("")
                lines.append(sentence)
            previous, previous_start = (c.doc_id, c.index), c.start
            for item in selection.list_items.get(id(c), []):
                m = cset.add(item.doc_id, item.start, item.end)
                separator = " – " if _in_row(self.docs.get(item.doc_id), item.start) else " "
                _add_item(lines, f"{display_text(item.text)} [{m}]", item.continues, separator)
                previous, previous_start = (item.doc_id, item.index), item.start
                listed.add((item.doc_id, item.index))
        return "\n".join(lines).strip()

    def render_list(self, listing: ListCandidate, cset: CitationSet) -> str:
        lines = []
        if listing.intro is not None:
            n = cset.add(listing.doc_id, listing.intro.start, listing.intro.end)
            intro = wording(listing.intro.text).strip("*# ")
            lines.append(f"{intro} [{n}]")
        for item in listing.items:
            m = cset.add(item.doc_id, item.start, item.end)
            text = re.sub(r"^\s*(?:#+\s*)?", "", display_text(item.text)).strip("* ")
            if self._is_column_names(item):
                lines.append(f"{text} [{m}]")  # the table's header row heads its rows
                continue
            _add_item(lines, f"{text} [{m}]", item.continues)
        return "\n".join(lines)

    def _is_column_names(self, item: Candidate) -> bool:
        """The item is its table's first row, and that row names the columns."""
        view = self.docs.get(item.doc_id)
        first = column_names_row(view, item.start) if view is not None else None
        return first is not None and first.start == item.start

    # --- verification -----------------------------------------------------------------
    def _finish(self, draft: Draft, intent: Intent, hits: list[SearchHit]) -> Answer:
        text, citations = draft.text, list(draft.cset.citations)
        if not draft.abstained:
            text, citations = renumber(text, citations)  # unused citations out, 1..n in order
        answer = Answer(
            text=text,
            citations=citations,
            table=draft.table,
            abstained=draft.abstained,
            mode="extractive",
            intent=intent.kind,
            notice=draft.notice,
            sources=hits[:3] if draft.abstained else [],
        )
        return answer

    def _verified(self, answer: Answer, draft: Draft) -> Answer:
        from assistant.verify import repair

        result = verify(answer, self.docs, draft.facts_texts, draft.frames)
        if result.ok:
            return answer
        if not result.citations_verbatim:
            # Never show a citation that does not match its source, whatever produced it.
            raise AssertionError("; ".join(result.problems))
        repaired = repair(answer, result)
        if repaired is not None and verify(repaired, self.docs, draft.facts_texts).ok:
            repaired.notice = (repaired.notice + " " if repaired.notice else "") + (
                "Dele af svaret kunne ikke underbygges af kilderne og er udeladt."
            )
            return repaired
        fallback = Answer(
            text=ABSTAIN_DA,
            abstained=True,
            mode=answer.mode,
            intent=answer.intent,
            notice="Svaret kunne ikke verificeres mod kilderne.",
            sources=answer.sources,
        )
        return fallback


# "næstlaveste", "næststørste": the second of a ranking ("næste" is "next", no rank)
_SECOND_OF = re.compile(r"\bnæst(?!e\b)(\w+ste)\b", re.IGNORECASE)


def _ranks_below(question: str, said: list[str]) -> bool:
    """The question asks the second of a ranking ("det næstlaveste bud") and the cited text
    states the first ("det laveste bud") and no second: a near miss, not its answer."""
    m = _SECOND_OF.search(question)
    if m is None:
        return False
    text = " ".join(said)
    first = re.compile(rf"\b{re.escape(m.group(1))}\b", re.IGNORECASE)
    return bool(first.search(text)) and not _SECOND_OF.search(text)


# "Hvem er formand for Landdistriktsrådet?", "Hvad hedder direktøren for …?": a person asked
# by the post they hold (group 1; "formand" asks the chair, "næstformand" the deputy)
_HOLDER_ASKED = re.compile(
    r"\b(?:hvem\s+(?:er|var|bliver|blev)|hvad\s+hedder)\s+(?:den\s+nye\s+|\w+\s+)?"
    r"(\w*(?:formand|forperson|direktør|chef|leder|borgmester|koordinator|sekretær|"
    r"kontaktperson|referent))(?:en)?\b",
    re.I,
)


def _deputy_only(question: str, said: list[str]) -> bool:
    """The question asks who chairs a body and the cited text names only its deputy
    ("Poul Erik Sand (næstformand)", "Formanden havde meldt afbud."): a near miss."""
    m = _HOLDER_ASKED.search(question)
    role = m.group(1).lower() if m is not None else ""
    if role not in ("formand", "forperson"):
        return False  # "næstformand" is the deputy asked for
    if not any(re.search(rf"\bnæst{role}", t, re.I) for t in said):
        return False
    chair = re.compile(rf"\b{role}\w*", re.I)
    # a person named beside the chair's title ("Formand: Kommunaldirektør Ulla Brix")
    return not any(names_someone(chair.sub(" ", t), set()) for t in said if chair.search(t))


def _no_holder_named(question: str, said: list[str]) -> bool:
    """The question asks who holds a post and no cited text names a person the question does
    not ("Formanden orienterede om møde i Landdistriktsrådet …", a table row "Direktør for
    Social og Handicap"): a near miss."""
    if _HOLDER_ASKED.search(question) is None:
        return False
    asked = {w.casefold() for w in re.findall(r"\w+", question)}
    return not any(names_someone(t, asked) for t in said)


def _applied_only(said: list[str]) -> bool:
    """A cited amount is what was applied for, and no cited sentence states a grant: the
    other amounts beside it ("egenfinansieringen på 0,3 mio. kr.") are no grant either."""
    with_amounts = [t for t in said if find_amounts(t)]
    return any(APPLIED_FOR.search(t) for t in with_amounts) and not any(
        GRANTED.search(t) for t in said
    )
