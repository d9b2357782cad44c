"""Scores sentences against a question's words: coverage of the sentence alone, with its
heading and with its context, plus bonuses for what the question asks for (a date, an
amount, a decision). The retriever's sentence reorder uses the same scores."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from typing import Any

from assistant.citations import DocView
from assistant.extractive.model import Candidate
from assistant.extractive.shapes import (
    FIELD,
    column_names_row,
    dates_in,
    has_count,
    has_measure,
    is_label,
)
from assistant.extractive.step import Step
from assistant.intent import Intent
from assistant.parties import party_mentions
from assistant.question_terms import WORD, WordGroup, coverage, match_group
from assistant.votes import records_vote
from ingest.dates import MONTHS
from ingest.facts.sentences import Sentence
from ingest.models import TABLE_CELL_SEPARATOR
from ingest.structure import DECIDING_BODY

# a sentence that opens with a definite noun ("Forslaget", "Projektet", "Planen")
_DEFINITE_START = re.compile(r"\s*([A-ZÆØÅ][a-zæøå]{3,}(?:et|en))\b")
# "Det skyldes især …", "Dette betyder …": a sentence about what the one before it said
_PRONOUN_START = re.compile(r"\s*(?:det|dette|denne|disse|heraf|hertil)\b", re.IGNORECASE)

NEAR_SENTENCES = 3  # sentences before one in its paragraph that may name its subject
HEAD_MIN_CHARS = 5  # a compound's head that names it ("platform" of "høringsplatform")
HEAD_REACH_CHARS = 4000  # how far back in its item the compound itself may stand

_POINTS_BACK = re.compile(r"\b(?:dette|disse|denne|heraf|herved|hertil)\b", re.IGNORECASE)

# A committee's name: "Børne- og Skoleudvalgets", "Kultur-, Idræts- og Fritidsudvalget"
COMMITTEE_NAME = re.compile(
    r"(?:[A-ZÆØÅ][\wæøå]*-,?\s+)*(?:[A-ZÆØÅ][\wæøå]*-\s+og\s+)?[A-ZÆØÅ][\wæøå]*udvalg\w*"
)


def asks_about_committee(groups: list[WordGroup]) -> bool:
    """The question names a committee ("udvalget", "Socialudvalget"): then a committee's
    name in a text says what it is about; otherwise it only says who ("Børne- og
    Skoleudvalgets budgetramme" is not about children)."""
    return any(
        "udvalg" in t and not t.startswith("udvalgt") for g in groups for t in (*g.main, *g.parts)
    )


def _names_body(word: str) -> bool:
    return re.search(DECIDING_BODY, word.lower()) is not None


def _field_subject(topical: list[WordGroup]) -> WordGroup | None:
    """The question's rarest word that does not say which meeting: not a number, a month,
    "møde" or a body's name ("Børne" and "Skoleudvalgets" of "Børne- og Skoleudvalgets"). It
    is what a field's label must say to answer the question ("Hvem var fraværende ved Børne- og
    Skoleudvalgets møde den 8. september 2026?" asks about "fraværende")."""

    def identifies(i: int) -> bool:
        word = topical[i].word
        next_word = topical[i + 1].word if i + 1 < len(topical) else ""
        return (
            any(ch.isdigit() for ch in word)
            or word.lower() in MONTHS
            or word.lower() in ("møde", "mødet", "mødets")  # "ved udvalgets møde den …"
            or _names_body(word)
            or (word[:1].isupper() and _names_body(next_word))
        )

    subjects = [g for i, g in enumerate(topical) if not identifies(i)] or topical
    return max(subjects, key=lambda g: g.weight) if subjects else None


def _within_asked(dates: list, asked: list) -> bool:
    """Some date lies in a period the question names (a day inside "juni 2025"); a question
    naming a single day asks which meeting, not when, so it adds nothing."""
    periods = [a for a in asked if a.end_date > a.date]
    return any(p.date <= d.date and d.end_date <= p.end_date for p in periods for d in dates)


# what `SentenceScorer.score` keeps per sentence for the same question words
_COVERAGE_FIELDS = (
    "coverage",
    "matched",
    "local_coverage",
    "heading_coverage",
    "context_coverage",
    "heading",
    "identity_matched",
)

# the wording of a cause: "skyldes", "fordi", "på grund af", "som følge af", "begrundet i"
_GIVES_REASON = re.compile(
    r"\b(?:skyldes|fordi|på\s+grund\s+af|som\s+følge\s+af|begrundet\s+i|årsage[nr]|"
    r"grunden\s+(?:til|er)|because|due\s+to)\b",
    re.IGNORECASE,
)
# The labels of a place: "Mødested", "Sted", "Lokale", "Adresse" (with a colon or not)
# two capitalised words in a row: a name ("Line Vestergaard", "Kildemose Forsyning A/S");
# Danish writes its nouns in lower case
_NAME = re.compile(
    r"\b([A-ZÆØÅ][a-zæøå]+(?:-[A-ZÆØÅ]?[a-zæøå]+)?)\s+(?:[A-ZÆØÅ]\.\s+)?([A-ZÆØÅ][a-zæøå]+)\b"
)


MAX_FIELD_LINE = 80  # characters of a field line ("Ansvarlig: Camilla Friis.")


def names_someone(text: str, asked: set[str]) -> bool:
    """The text names a person or body the question does not ("Hvem leder …?")."""
    return any({m.group(1).casefold(), m.group(2).casefold()} - asked for m in _NAME.finditer(text))


_PLACE_LABEL = re.compile(r"\W*(?:møde)?(?:sted|lokale|adresse|place|venue|location)\W*", re.I)


def _row_label(row: str, at: int) -> str | None:
    """The first cell of a two-cell row, for a sentence in its second: "Afbud | Rasmus
    Engholm (V)" is a field as "Afbud: Rasmus Engholm (V)" is. A few words, no figures."""
    cells = row.split(TABLE_CELL_SEPARATOR)
    if len(cells) != 2 or at <= len(cells[0]):
        return None
    label = cells[0].strip(" *:")
    if not label or len(label.split()) > 3 or any(ch.isdigit() for ch in label):
        return None
    return label


MEMO_KEYS = 4  # word lists whose sentence coverages are kept

# a candidate this close to the best score that names the question's key word answers in
# place of a best that does not (probe 58 +1; 0.05 cost the devset and corpus/ one each)
NEAR_TIE = 0.02


@dataclass(eq=False)
class SentenceScorer(Step):
    """Scores candidates; coverages are memoised for the last few word lists."""

    # the last MEMO_KEYS word lists, oldest first
    _memo: dict[tuple, dict] = field(default_factory=dict, init=False)

    def context_text(self, view: DocView, offset: int) -> str:
        meta = view.record.meta
        path = view.section_path(offset)
        return " ".join([*path, meta.title or "", view.subtitle, meta.committee or ""])

    def score(self, cands: list[Candidate], groups: list[WordGroup], intent: Intent) -> None:
        context_terms: dict[tuple[str, str], tuple[set[str], set[str], tuple[int, int] | None]]
        context_terms = {}
        # The coverages depend on the question's words and the sentence only: the retriever's
        # sentence reorder and the answer's selection score the same sentences for the same
        # question, so the coverages of the last few word lists are kept (a two-part question
        # is scored whole and per part by both).
        key = (self.docs.registry.revision(), *((g.main, g.parts, g.weight) for g in groups))
        memo = self._memo.pop(key, None)
        if memo is None:
            memo = {}
            while len(self._memo) >= MEMO_KEYS:
                del self._memo[next(iter(self._memo))]
        self._memo[key] = memo  # most recent last
        topical = [g for g in groups if not self.stats.is_cue(g.main[0])]
        rarest = _field_subject(topical)
        keep_committees = asks_about_committee(groups)
        identities: dict[str, set[str]] = {}
        asked_years: set[int] = set()
        if intent.asks_amount:
            asked_years = set(intent.years) - {int(a) for a in intent.amounts}
        weights = self.config.weights()
        asked = {g.word.casefold() for g in groups}
        for c in cands:
            known = memo.get((c.doc_id, c.index))
            if known is not None:
                for name, value in zip(_COVERAGE_FIELDS, known, strict=True):
                    setattr(c, name, value)
            else:
                if c.doc_id not in identities:
                    identities[c.doc_id] = self._identity_terms(
                        c.doc_id, intent, groups, keep_committees
                    )
                self._coverages(c, groups, context_terms, keep_committees, identities[c.doc_id])
                memo[(c.doc_id, c.index)] = tuple(getattr(c, name) for name in _COVERAGE_FIELDS)
            c.features = self._features(c, intent, asked_years, rarest, asked)
            c.score = sum(w * f for w, f in zip(weights, c.features, strict=True)) + c.boost

    def _features(
        self,
        c: Candidate,
        intent: Intent,
        asked_years: set[int],
        rarest: WordGroup | None,
        asked: set[str],
    ) -> tuple[float, ...]:
        """The candidate's scoring features, in the order of `SCORE_FEATURES`: how much of
        the question it covers (alone, with its section heading, with all its context), what
        the question asks for that it states, and its passage's retrieval rank."""
        # a when-question's dates, or the month or season any other question names ("Hvor
        # mange stod på venteliste i starten af september 2025?": a sentence dated inside it
        # answers before one of January's)
        periods = (
            intent.dates if intent.asks_when else [d for d in intent.dates if d.precision != "year"]
        )
        dates = dates_in(c.text) if intent.asks_when or periods else []
        return (
            c.coverage,
            c.local_coverage,
            c.context_coverage,
            float(intent.asks_count and has_count(c.text)),
            float(intent.asks_when and bool(dates)),  # "… senest 15. december 2024"
            float(bool(dates) and _within_asked(dates, periods)),
            float(
                intent.kind == "decision"
                and (self.places.in_decision_section(c) or self.places.after_decision_label(c))
            ),
            # "Mødested: Rådhuset" for "Hvor blev mødet holdt"
            float(
                intent.asks_where and bool(_PLACE_LABEL.fullmatch(self._field_label(c, True) or ""))
            ),
            float(intent.asks_party and len(party_mentions(c.text)) >= 2),
            # "i 2027": a cell under "2027", "… i 2027"
            float(bool(asked_years and asked_years & self.places.years_of(c))),
            float(intent.asks_vote and records_vote(c.text)),
            float(intent.asks_total and self.places.total_row(c)),
            # "Fraværende: Karsten Bech" for "Hvem var fraværende"
            float(rarest is not None and self._labelled_by(c, rarest)),
            float(intent.asks_why and bool(_GIVES_REASON.search(c.text))),
            float(intent.asks_who and self.names_someone_near(c, asked)),
            float(intent.asks_measure and has_measure(c.text)),
            1.0 / c.rank if c.rank < 50 else 0.0,
        )

    def _identity_terms(
        self, doc_id: str, intent: Intent, groups: list[WordGroup], body: bool
    ) -> set[str]:
        """The words that say which meeting every sentence of minutes belongs to, when the
        question names that meeting by its day (or "mødet i marts"): that date and the owning
        body's name.
        "Fraværende: Pia Søgaard (A)" answers "Hvem var fraværende ved Børne- og
        Skoleudvalgets møde den 8. september 2026?" by where it stands; a line that repeats
        the body and the date does not answer it by saying them. The body only when the
        question names a committee (`body`), as for a sentence's own words."""
        view = self.docs.get(doc_id)
        if view is None:
            return set()
        meta = view.record.meta
        said = [
            d.text
            for d in intent.dates
            if d.precision == "day"
            and meta.date is not None
            and d.date.isoformat() <= meta.date <= d.end_date.isoformat()
        ]
        if meta.date is not None:
            month = int(meta.date[5:7])
            said += [  # "på mødet i marts": the meeting of a month named without its year
                g.word
                for before, g in itertools.pairwise(groups)
                if before.word.lower().startswith("møde") and MONTHS.get(g.word.lower()) == month
            ]
        if said and body:
            said.append(meta.committee or "")
        return self.stats.terms(" ".join(said)) if said else set()

    def names_someone_near(self, c: Candidate, asked: set[str]) -> bool:
        """The sentence, or the field line right under it ("Ansvarlig: Camilla Friis."
        under an action), names someone the question does not, nor the document's title or
        first line ("Vordingborg Kommune · Center for Børn og Unge" is whose paper it is)."""
        view = self.docs.get(c.doc_id)
        if view is None:
            return names_someone(c.text, asked)
        own = view.cache.get("own_names")
        if own is None:  # the words of the document's title and first line, once per document
            first = view.text.split("\n", 1)[0]
            own = view.cache["own_names"] = {
                w.casefold() for w in WORD.findall(f"{view.record.meta.title} {first}")
            }
        asked = asked | own
        if names_someone(c.text, asked):
            return True
        if c.index + 1 >= len(view.sentences):
            return False
        after = view.sentences[c.index + 1]
        return (
            "\n\n" not in view.text[c.end : after.start]
            and len(after.text) <= MAX_FIELD_LINE
            and FIELD.match(after.text) is not None
            and names_someone(after.text, asked)
        )

    def _labelled_by(self, c: Candidate, rarest: WordGroup) -> bool:
        """The sentence is a field ("Fraværende: Karsten Bech (O)", "Kontaktperson: …")
        whose label says the question's rarest word (what it asks about, not the meeting's
        date or body that identify where: "Mødedato: …" does not answer "Hvem var fraværende
        på mødet den …?")."""
        label = self._field_label(c)
        return label is not None and match_group(rarest, self.stats.terms(label)) == 1.0

    def keyed_near_tie(
        self, best: Candidate, cands: list[Candidate], keys: list[WordGroup]
    ) -> Candidate | None:
        """The best-scoring candidate within `NEAR_TIE` of the best that names one of the
        question's key words where the best names none: "Hvornår holdes borgermødet …?" is
        answered where the meeting is named, not by the request it came from."""
        return next(
            (
                c
                for c in cands
                if c is not best
                and c.score >= best.score - NEAR_TIE
                and any(self.group_in_context(g, c) for g in keys)
            ),
            None,
        )

    def _field_label(self, c: Candidate, bare: bool = False) -> str | None:
        """The label of the field the sentence is the value of: before its colon
        ("Fraværende: Karsten Bech"), or on the line above ("**Afbud:**" + "Anders Lund, …");
        `bare`: also a short line above without a colon (a portal's "Mødested" term over
        its "Rådhuset, mødelokale 2"). None for other sentences."""
        m = FIELD.match(c.text)
        if m is not None:
            return m.group(1)
        view = self.docs.get(c.doc_id)
        if view is None:
            return None
        row = view.table_row(c.start)
        if row is not None and c.start > row.start:
            return _row_label(view.text[row.start : row.end], c.start - row.start)
        label = self._sentence_before(view, c)
        if label is None:
            return None
        if is_label(view.text, label.start, label.end):
            return label.text.strip("*: ")
        between = view.text[label.end : c.start]
        short = len(label.text.split()) <= 3 and not label.text.rstrip().endswith(".")
        if bare and short and "\n" in between and view.table_row(label.start) is None:
            return label.text.strip("*: ")
        return None

    def _coverages(
        self,
        c: Candidate,
        groups: list[WordGroup],
        context_terms: dict[tuple[str, str], tuple[set[str], set[str], tuple[int, int] | None]],
        keep_committees: bool = True,
        identity: frozenset[str] | set[str] = frozenset(),
    ) -> None:
        """The question's coverage by the sentence alone, with its heading, and in context.
        A committee's name counts as the sentence's own words only when `keep_committees`
        (`asks_about_committee`); the words naming the sentence's meeting (`identity`) count
        as its own."""
        view = self.docs.get(c.doc_id)
        assert view is not None
        row = view.table_row(c.start)
        # a table cell's sentence is its row: "2024" | "1,4 mio. kr." | "2,0 mio. kr."
        own = c.text if keep_committees else COMMITTEE_NAME.sub(" ", c.text)
        terms = self.span_terms(view, (row.start, row.end)) if row else self.stats.terms(own)
        label = None if row else self._label_before(view, c)
        if label is not None:  # "**Næste møde:**" + "16. juni 2027 …" are read as one line
            terms = terms | self.span_terms(view, label)
        c.coverage, c.matched = coverage(groups, terms | identity)
        if identity:
            plain_matched = coverage(groups, terms)[1]
            c.identity_matched = c.matched - plain_matched
            c.matched = plain_matched  # a question word it says itself
        sections = view.sections_at(c.start)
        path_key = (c.doc_id, " > ".join(s.title for s in sections))
        cached = context_terms.get(path_key)
        if cached is None:
            local: set[str] = set()
            heading = None
            if sections:
                heading = view.heading_of(sections[-1])
                local = self.stats.terms(view.text[heading[0] : heading[1]])
            cached = (local, self.stats.terms(self.context_text(view, c.start)), heading)
            context_terms[path_key] = cached
        local, ctx, c.heading = cached
        parent = view.parent_item(c.start)
        if parent is not None:  # a nested list item: its parent item heads it
            local = local | self.span_terms(view, parent)
            c.heading = parent
        header = view.table_header(c.start) if row is not None else None
        if header is not None:  # its column names ("År" | "Engangsudgift") head it
            local = local | self.span_terms(view, (header.start, header.end))
        window = self._window_terms(view, c, sections[-1] if sections else None)
        window = window | self._antecedent_terms(view, c, groups)
        c.heading_coverage, _ = coverage(groups, terms | local)
        # a sentence pointing back ("Det skyldes …") is read with the one it points to
        before = self._previous_sentence_terms(view, c, row is not None)
        c.local_coverage = c.heading_coverage
        if before:
            c.local_coverage, _ = coverage(groups, terms | local | before)
        c.context_coverage, _ = coverage(groups, terms | local | ctx | window)

    def says_near(self, pattern: re.Pattern[str], c: Candidate) -> bool:
        """The sentence, its table row and column names, the label on the line before it or
        its own heading matches `pattern`: where a document says which role a person has."""
        view = self.docs.get(c.doc_id)
        if view is None:
            return bool(pattern.search(c.text))
        path = view.section_path(c.start)
        texts = [c.text, path[-1] if path else ""]
        texts += [view.text[a:b] for a, b in self._beside(view, c)]
        return any(pattern.search(t) for t in texts)

    def _beside(self, view: DocView, c: Candidate) -> list[tuple[int, int]]:
        """What says a sentence's subject beside it: the label on the line before its value
        ("Timepris:" + "1.200-1.400 kr/time"), or, for a table cell, its whole row and the
        table's column names."""
        row = view.table_row(c.start)
        if row is None:
            label = self._label_before(view, c)
            return [label] if label is not None else []
        header = column_names_row(view, c.start)
        return [(row.start, row.end)] + ([(header.start, header.end)] if header else [])

    def span_terms(self, view: DocView, span: tuple[int, int]) -> set[str]:
        """The analysed terms of a span of a document, kept with the document."""
        key = ("span_terms", *span)
        cached = view.cache.get(key)
        if cached is None:
            cached = view.cache[key] = self.stats.terms(view.text[span[0] : span[1]])
        return cached

    @staticmethod
    def _sentence_before(view: DocView, c: Candidate) -> Sentence | None:
        """The sentence before the candidate in the same paragraph, or None."""
        if c.index == 0:
            return None
        before = view.sentences[c.index - 1]
        return None if "\n\n" in view.text[before.end : c.start] else before

    def _label_before(self, view: DocView, c: Candidate) -> tuple[int, int] | None:
        """The span of the label on the line before the sentence's value, or None."""
        before = self._sentence_before(view, c)
        if before is None or not is_label(view.text, before.start, before.end):
            return None
        return (before.start, before.end)

    def _previous_sentence_terms(self, view: DocView, c: Candidate, in_table: bool) -> set[str]:
        """A sentence opening with a pronoun ("Det skyldes især flere elever …") is about the
        sentence before it in its paragraph: that sentence's terms."""
        if in_table or not _PRONOUN_START.match(c.text):
            return set()
        before = self._sentence_before(view, c)
        return set() if before is None else self.span_terms(view, (before.start, before.end))

    def _antecedent_terms(self, view: DocView, c: Candidate, groups: list[WordGroup]) -> set[str]:
        """A sentence opening with a definite noun the question names ("Forslaget vil betyde,
        at 118 elever …" for "… berøres af forslaget om at flytte udskolingen …") is about
        what the document first said of it: that earlier sentence's terms."""
        m = _DEFINITE_START.match(c.text)
        if m is None or view.table_row(c.start) is not None:
            return set()
        if not any(match_group(g, self.stats.terms(m.group(1))) == 1.0 for g in groups):
            return set()
        key = ("antecedent", m.group(1).lower())  # per document: the noun's first sentence
        if key not in view.cache:
            noun = re.compile(rf"\b{m.group(1)}\b", re.IGNORECASE)
            first = next((i for i, s in enumerate(view.sentences) if noun.search(s.text)), None)
            view.cache[key] = first
        first = view.cache[key]
        if first is None or first >= c.index:
            return set()  # the sentence itself is the first to name it
        return self.span_terms(view, (view.sentences[first].start, view.sentences[first].end))

    def _window_terms(self, view: DocView, c: Candidate, section: Any) -> set[str]:
        """What the sentence is about beyond itself: its whole (short) section, or else the
        two sentences before it ("Det forventes, at ombygningen ..." is about Torvegade)."""
        if section is not None and section.end - section.start <= self.config.max_section_chars:
            return self.span_terms(view, (section.start, section.end))
        # no usable section (a long one, or a transcript without structure): the text before
        # the sentence in the same paragraph, up to a bound
        lo = max(0, c.start - self.config.window_chars)
        para = view.text.rfind("\n\n", lo, c.start)
        lo = para + 2 if para >= 0 else lo
        before = [s.text for s in view.sentences[max(0, c.index - 8) : c.index] if s.start >= lo]
        if not before and c.index > 0:
            before = [view.sentences[c.index - 1].text]
        return self.stats.terms(" ".join(before))

    def group_in_context(self, group: WordGroup, c: Candidate) -> bool:
        view = self.docs.get(c.doc_id)
        if view is None:
            return False
        terms = self.stats.terms(f"{c.text} {self.context_text(view, c.start)}")
        for span in self._beside(view, c):
            terms = terms | self.span_terms(view, span)
        if view.table_row(c.start) is not None:
            # and in the text its table stands in ("Tilbygningen opføres …" + the costs)
            sections = view.sections_at(c.start)
            terms = terms | self._window_terms(view, c, sections[-1] if sections else None)
        if _POINTS_BACK.search(c.text[:60]):
            # "En grov vurdering er, at dette har genereret ca. 100.000 m3 jord": what "dette"
            # is comes before it, in its (short) section or paragraph
            sections = view.sections_at(c.start)
            terms = terms | self._window_terms(view, c, sections[-1] if sections else None)
        return match_group(group, terms) >= 0.6 or self._named_by_head(group, c, view)

    def group_near(self, group: WordGroup, c: Candidate) -> bool:
        """The word is in the sentence's context or in the sentences just before it in its
        paragraph ("Der etableres en midlertidig pavillon … Pavillonen lejes for 95.000 kr.
        om måneden")."""
        view = self.docs.get(c.doc_id)
        if view is None:
            return False
        if self.group_in_context(group, c):
            return True
        before: list[str] = []
        for s in reversed(view.sentences[max(0, c.index - NEAR_SENTENCES) : c.index]):
            if "\n\n" in view.text[s.end : c.start]:
                break  # another paragraph
            before.append(s.text)
        return match_group(group, self.stats.terms(" ".join(before))) >= 0.6

    def _named_by_head(self, group: WordGroup, c: Candidate, view: DocView) -> bool:
        """ "Licensen til platformen udgør 185.000 kr." of "høringsplatform": the sentence
        names the asked compound by its head, and the compound itself stands before it in the
        same agenda item or top section ("… en høringsplatform, Vesterå Deltag, …")."""
        said = self.stats.terms(c.text)
        if not any(
            len(t) >= HEAD_MIN_CHARS and m != t and m.endswith(t) for t in said for m in group.main
        ):
            return False
        sections = view.sections_at(c.start)
        if not sections:
            return False
        start = max(sections[0].start, c.start - HEAD_REACH_CHARS)
        return match_group(group, self.span_terms(view, (start, c.start))) >= 0.6
