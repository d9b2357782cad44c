"""A later paper's value in place of an earlier one: questions asking the latest date or
amount ("hvad koster det nu?") must not be answered from a superseded paper."""

from __future__ import annotations

import datetime as dt
import itertools
import re

from assistant.extractive.model import Candidate
from assistant.extractive.shapes import dates_in, row_amounts
from assistant.extractive.step import Step
from assistant.intent import Intent
from ingest.dates import DateMention, find_dates
from ingest.money import MoneyMention, find_amounts


def _asked_values(text: str, intent: Intent) -> set[object]:
    """The dates a when-question asks for, or the amounts (in kroner) an amount question
    asks for, that the text states."""
    if intent.asks_when:
        return {d.date for d in dates_in(text)}
    if intent.asks_amount:
        return {m.amount_dkk for m in find_amounts(text)}
    return set()


# "flyttes fra 1. oktober 2026 til 1. marts 2027", "stiger fra 18,4 mio. kr. til 19,75 mio. kr."
_FROM_BEFORE = re.compile(r"\bfra\s+(?:\w+dag\s+)?(?:den\s+)?$", re.IGNORECASE)
_TO_BETWEEN = re.compile(r"^\s*til\s+(?:\w+dag\s+)?(?:den\s+)?$", re.IGNORECASE)
_BY_BEFORE = re.compile(r"\bmed\s+$", re.IGNORECASE)
# a change downwards: "reduceres med 150.000 kr. til 450.000 kr." was 600.000 kr.
_DOWN_VERB = re.compile(
    r"\b(?:reducere\w*|nedsætte\w*|nedsat|nedjustere\w*|falde\w*|faldt|sænke\w*|"
    r"beskære\w*|beskåret|skære\w*)",
    re.IGNORECASE,
)
# a change, not a period ("åbent fra 1. maj til 30. september")
_CHANGE_VERB = re.compile(
    r"\b(?:flytte\w*|ændre\w*|udsk\w*|rykke\w*|stige\w*|steg|reducere\w*|hæve\w*|"
    r"øge\w*|forhøje\w*|nedsætte\w*|nedsat|nedjustere\w*|opjustere\w*|justere\w*|"
    r"falde\w*|faldt|forlænge\w*|fremrykke\w*|sænke\w*|beskære\w*|beskåret|skære\w*|"
    r"præcisere\w*|revidere\w*|korrigere\w*|opdatere\w*)",
    re.IGNORECASE,
)


# a value the text itself calls the earlier one: "før bestyrelsens ændring", "oprindeligt"
_EARLIER_VALUE = re.compile(
    r"\bfør\s+(?:\w+\s+){0,2}(?:ændring\w*|justering\w*|revision\w*|reduktion\w*|"
    r"licitation\w*|besparelse\w*)|\boprindelig(?:t|e)?\b",
    re.IGNORECASE,
)


# "efter at bestyrelsen har ændret budgettet", "efter ændringen": the value after a change
_AFTER_CHANGE = re.compile(
    r"\befter\s+(?:at\s+)?(?:\w+\s+){0,4}?(?:ændre\w*|ændring\w*|juster\w*|revider\w*|"
    r"reducere\w*|nedsat|nedsætte\w*|hæve\w*|hævet|forhøje\w*|licitation\w*)",
    re.IGNORECASE,
)


# a sentence that states the value after a change answers, scoring this share of the one
# that calls its value the earlier one (the later-paper rivals need 0.8: nothing marks the
# best as superseded there)
EARLIER_RIVAL_RATIO = 0.6


def asks_after_change(question: str) -> bool:
    """The question asks for a value as it stands after a change it names."""
    return _AFTER_CHANGE.search(question) is not None


def marks_earlier(text: str) -> bool:
    """The text calls its one value the one before a change ("før bestyrelsens ændring");
    "2,6 mio. kr. mod oprindeligt 2,2 mio. kr." states the value after it too."""
    return _EARLIER_VALUE.search(text) is not None and len(find_amounts(text)) <= 1


# a day, or a month ("planlagt til april 2030" … "flyttes fra april 2030 til september 2030");
# a year or a season is too vague to be the value that changed
_VALUE_PRECISIONS = ("day", "month")


class Count(float):
    """A plain number that can change as a date or an amount can ("15 hverdage", "10,0 m",
    "40 borgere", "bebyggelsesprocent 40"): its own type, so that no count is read as an
    amount or a date."""


# a number that is no year or part of a longer one ("15", "8,5", "1.100"; not "2026")
_NUMBER = re.compile(r"(?<![\w.,/-])\d{1,3}(?:(?:\.\d{3})+|,\d+)?(?![\w/-]|[.,]\d)")
# "fra 10,0 m til 8,5 m": a unit word between the old count and "til"
_UNIT_TO = re.compile(r"^\s*[^\W\d_]{1,12}\.?\s+til\s+$")


def _counts(
    text: str, dates: list[DateMention], amounts: list[MoneyMention]
) -> list[tuple[int, int, Count]]:
    """(start, end, value) of the plain numbers of a text, outside its dates and amounts."""
    taken = [(d.start, d.end) for d in dates] + [(m.start, m.end) for m in amounts]
    return [
        (m.start(), m.end(), Count(m.group().replace(".", "").replace(",", ".")))
        for m in _NUMBER.finditer(text)
        if not any(a < m.end() and m.start() < b for a, b in taken)
    ]


def _date_value(mention: DateMention) -> object:
    """A day as its date, a month as (year, month): "januar 2030" is not "1. januar 2030"."""
    if mention.precision == "month":
        return (mention.date.year, mention.date.month)
    return mention.date


def changed_values(text: str, ref: dt.date | None) -> list[tuple[object, object]]:
    """(old, new) of each "fra X til Y" the text states, X and Y two dates or two amounts
    (a day as a `datetime.date`, a month as (year, month), an amount in kroner)."""
    out: list[tuple[object, object]] = []
    if not _CHANGE_VERB.search(text):
        return out
    dates = find_dates(text, ref=ref)
    for d in dates:
        # one mention for the whole "fra torsdag den 6. november til … den 27. november 2025"
        if d.end_date > d.date and " til " in d.text and _FROM_BEFORE.search(text[: d.start]):
            out.append((d.date, d.end_date))
    amounts = find_amounts(text)
    for m in amounts:
        # "hæves fra 3,4 til 3,9 mio. kr.": one mention, the unit written once
        if m.low is not None and m.high is not None and m.high != m.low and " til " in m.text:
            if _FROM_BEFORE.search(text[max(0, m.start - 25) : m.start]):
                out.append((m.low, m.high))
    pairs = [(a.start, a.end, _date_value(a)) for a in dates if a.precision in _VALUE_PRECISIONS]
    pairs += [(m.start, m.end, m.amount_dkk) for m in amounts]
    pairs += _counts(text, dates, amounts)
    pairs.sort()
    for (s1, e1, old), (s2, _, new) in itertools.pairwise(pairs):
        if type(old) is not type(new) or old == new:
            continue
        between = text[e1:s2]
        if not (_TO_BETWEEN.match(between) or (type(old) is Count and _UNIT_TO.match(between))):
            continue
        before = text[max(0, s1 - 25) : s1]
        if _FROM_BEFORE.search(before):
            out.append((old, new))
        elif isinstance(old, float) and _BY_BEFORE.search(before):
            # "reduceres med 150.000 kr. til 450.000 kr.": the old value was 600.000 kr.; the
            # nearest change verb before it says which way ("…, og rammen øges med …")
            verbs = list(_CHANGE_VERB.finditer(text, 0, s1))
            down = bool(verbs) and bool(_DOWN_VERB.match(verbs[-1].group()))
            out.append((new + old if down else new - old, new))
    for verb in _CHANGE_VERB.finditer(text):
        # "I høringsudkastet var sammenlægningen foreslået til 1. januar 2028; efter høringen
        # er datoen ændret til 1. august 2028": the value before the verb is the old one
        after = next((p for p in pairs if p[0] >= verb.end()), None)
        if after is None or not _TO_BETWEEN.match(text[verb.end() : after[0]]):
            continue
        new = after[2]
        before = [v for _, e, v in pairs if e <= verb.start() and type(v) is type(new)]
        if before and before[-1] != new:
            out.append((before[-1], new))
    return out


def stated_values(text: str, ref: dt.date | None) -> set[object]:
    """The dates (days), amounts and counts a text states."""
    dates, amounts = find_dates(text, ref=ref), find_amounts(text)
    values: set[object] = {_date_value(d) for d in dates if d.precision in _VALUE_PRECISIONS}
    values |= {m.amount_dkk for m in amounts}
    return values | {count for *_, count in _counts(text, dates, amounts)}


class LatestValues(Step):
    """Finds the later paper's date or amount that replaces the best's."""

    def later_rival(self, best: Candidate, cands: list[Candidate]) -> Candidate | None:
        """A sentence written later than the best (a later-dated document, or a newer message
        of an e-mail thread) scoring nearly as well as it: "hvad er den nye dato?" is answered
        by the paper written after the plan it changes."""
        mine = self.places.doc_date(best)
        if mine is None:
            return None
        floor = self.config.later_ratio * best.score
        later = [(self.places.doc_date(c), c.score, c) for c in cands[1:] if c.score >= floor]
        later = [(when, score, c) for when, score, c in later if when is not None and when > mine]
        return max(later, key=lambda x: x[:2])[2] if later else None

    def instead_of_earlier(
        self, best: Candidate, cands: list[Candidate], intent: Intent
    ) -> Candidate | None:
        """When the best sentence calls its value the earlier one ("I budgetforslaget før
        bestyrelsens ændring var andelen 28.591.200 kr.", "oprindeligt"), the best-scoring
        sentence nearly as good that states another value of the asked kind and no such mark:
        a question about the value after the change is not answered by the value before it."""
        mine = _asked_values(best.text, intent)
        if len(mine) != 1 or not _EARLIER_VALUE.search(best.text):
            return None
        floor = EARLIER_RIVAL_RATIO * best.score
        rivals = [
            c
            for c in cands
            if c.score >= floor
            and not marks_earlier(c.text)
            and (theirs := _asked_values(c.text, intent))
            and not theirs & mine
        ]
        return max(rivals, key=lambda c: c.score) if rivals else None

    def later_in_paper(
        self, best: Candidate, cands: list[Candidate], intent: Intent
    ) -> Candidate | None:
        """A sentence further on in the best's own paper stating another value of the asked
        kind and scoring nearly as well ("… skulle efter planen have åbnet den 1. august 2028.
        … Ressourcecentret forventes herefter at åbne den 7. januar 2029.")."""
        mine = _asked_values(best.text, intent)
        if not mine:
            return None
        floor = self.config.later_ratio * best.score
        written = self.places.doc_date(best)
        rivals = [
            c
            for c in cands
            if c.doc_id == best.doc_id
            and c.index > best.index
            and c.score >= floor
            # an e-mail thread quotes older messages below newer ones
            and not (written and (self.places.doc_date(c) or written) < written)
        ]
        rivals = [
            c for c in rivals if (theirs := _asked_values(c.text, intent)) and not theirs & mine
        ]
        return max(rivals, key=lambda c: c.score) if rivals else None

    def superseding(self, best: Candidate, cands: list[Candidate]) -> Candidate | None:
        """The best-scoring candidate that changes a date or an amount the best sentence
        states ("Anlægsstart er flyttet fra 1. april 2026 til 4. maj 2026" of "… påbegyndt den
        1. april 2026"): the answer shows the value and what it became."""
        # the cheap test first: most candidates state no change at all
        # ... of the same subject: "Anlægsstart er udskudt fra den 1. september …" changes no
        # report deadline of 1 September
        floor = self.config.superseding_coverage * best.local_coverage
        changing = [
            c
            for c in cands
            if c.text != best.text and c.local_coverage >= floor and _CHANGE_VERB.search(c.text)
        ]
        if not changing:
            return self._decided_otherwise(best, cands, floor)
        # a table cell states its value with the rest of its row ("2" | "Skitseprojekt …" |
        # "1. september 2028")
        view = self.docs.get(best.doc_id)
        row = view.table_row(best.start) if view is not None else None
        said = view.text[row.start : row.end] if view is not None and row is not None else best.text
        stated = stated_values(said, self.places.doc_date(best))
        if view is not None and row is not None:
            # "Energi (el, varme, vand) – 90 – 640 – 655" under "(1.000 kr.)": 640.000 kr.
            stated |= row_amounts(view, best.start)
        for c in changing:
            changes = changed_values(c.text, self.places.doc_date(c))
            # a bare number is a weaker tie than a date or an amount: "Antallet af ruter
            # reduceres fra 6 til 5" changes no "mere end 6 km"; a change of a count is of the
            # best's subject only when it covers the question about as well
            close = c.local_coverage >= self.config.count_change_coverage * best.local_coverage
            if any(
                old in stated and new not in stated and (close or not isinstance(old, Count))
                for old, new in changes
            ):
                return c
        # "… skønnet til mellem 2,1 og 2,6 mio. kr. Efter visitationsmødet … er skønnet
        # præciseret til 2,4 mio. kr.": the next sentence gives the value anew, without "fra"
        following = next(
            (c for c in changing if c.doc_id == best.doc_id and c.index == best.index + 1), None
        )
        if following is not None:
            # the value of the best's main kind: its amount, else its date ("pr. 30. april"
            # only dates the amount)
            kinds = {_value_kind(v) for v in stated}
            kind = "amount" if "amount" in kinds else "date"
            new = stated_values(following.text, self.places.doc_date(following)) - stated
            if kind in kinds and any(_value_kind(v) == kind for v in new):
                return following
        return self._decided_otherwise(best, cands, floor)

    def _decided_otherwise(
        self, best: Candidate, cands: list[Candidate], floor: float
    ) -> Candidate | None:
        """The decision of the best sentence's own agenda item stating another date or amount
        of the same subject: "Sundhedschefen indstiller, at … indføres pr. 1. januar 2027" and,
        under "Beslutning", "Udvalget anbefaler, at … indføres pr. 1. august 2027"."""
        item = self.places.item_number(best)
        if item is None or self.places.under_decision_heading(best):
            return None
        stated = stated_values(best.text, self.places.doc_date(best))
        kinds = {_value_kind(v) for v in stated} - {"count"}
        if not kinds:
            return None
        for c in cands:
            if (
                c.doc_id != best.doc_id
                or c.local_coverage < floor
                or not self.places.under_decision_heading(c)
                or self.places.item_number(c) != item
            ):
                continue
            new = stated_values(c.text, self.places.doc_date(c)) - stated
            if any(_value_kind(v) in kinds for v in new):
                return c
        return None


def _value_kind(value: object) -> str:
    """An amount (a number of kroner), a count, or a date (a day, or a month as a tuple)."""
    if isinstance(value, Count):
        return "count"
    return "amount" if isinstance(value, int | float) else "date"
