"""Lists and tables that answer a "hvilke …?" question: their intro, items and rows."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace

from assistant.citations import DocView
from assistant.extractive.model import Candidate, ListCandidate
from assistant.extractive.scoring import SentenceScorer
from assistant.extractive.shapes import (
    COUNT_VALUES,
    FIELD,
    LIST_ITEM_START,
    column_names_row,
    listed_noun,
    listed_word,
    satisfies,
)
from assistant.extractive.step import Step
from assistant.question_terms import WordGroup, coverage, match_group
from assistant.types import SearchHit
from ingest.chunking import ABBREVIATIONS
from ingest.facts.sentences import Sentence
from ingest.models import TABLE_CELL_SEPARATOR
from ingest.structure import is_standard_heading

# a sentence that announces the list after it ("… omfatter følgende:", "Nedenfor beskrives …")
_ANNOUNCES = re.compile(r"\b(?:nedenfor|følgende|herunder|beskrives)\b|:\s*$", re.IGNORECASE)

# conjunctions, prepositions and list words: a clause ending in one goes on after it
_OPEN_WORDS = frozenset(
    "at om af til for med i på og eller som der følgende herunder nemlig såsom blandt flg "
    "hvor hvis samt mellem fra ved efter under mod".split()
)


def _in_list_block(view: DocView, offset: int) -> bool:
    """The offset is in a list item block (a Markdown or DOCX list keeps no markers)."""
    block = view.block_at(offset)
    return block is not None and block.kind == "list_item"


def _leads_in(text: str) -> bool:
    """The sentence introduces what follows: a colon, or a clause left open in a word no
    sentence ends with ("..., skal denne sikre at", "... omfatter følgende")."""
    words = text.split()
    return text.rstrip().endswith(":") or (len(words) >= 4 and words[-1] in _OPEN_WORDS)


# a sentence's last word and its period, not an abbreviation's ("1,6 mio. kr.", "ca.")
_LAST_WORD = re.compile(r"(\w+)\.\s*$")


def _ends_sentence(text: str) -> bool:
    """The text ends with a period after a word, not an abbreviation's ("1,6 mio. kr.")."""
    m = _LAST_WORD.search(text)
    return m is not None and m.group(1).lower() not in ABBREVIATIONS


# "Hjemmeplejen Nord: forventet merforbrug …": an item that names what it is about first
_LABELLED = re.compile(r"[A-ZÆØÅ0-9][^:\n.]{1,60}:\s")


def _whole_line(text: str, s: Sentence) -> bool:
    """The sentence fills its own line(s) to the line's end: a PDF list item whose bullet was
    lost ("Energipulje til forsamlingshuse, anslået 500.000 kr. årligt.")."""
    return "\n" not in s.text and text[s.end : s.end + 2].lstrip(" ")[:1] in ("\n", "")


def _unmarked_shape(text: str, first: Sentence) -> str | None:
    """How a colon's list without markers shows where an item starts, from its first item:
    "label" (each item starts "Navn: …" and may run over several sentences), "line" (each
    item is one sentence on a line of its own), or None (an item without a period: the first
    line that ends a sentence closes the list)."""
    if _LABELLED.match(first.text):
        return "label"
    if _ends_sentence(first.text) and _whole_line(text, first):
        return "line"
    return None


MAX_POINT_SENTENCES = 8  # a numbered point's own sentences before the next point

MAX_TABLE_ROWS = 40  # a table this long answers a "hvilke" question by the rows it asks for
LISTED_NOUN_BONUS = 0.1  # a list whose intro names what "hvilke X" asks for
TYPED_ITEMS_BONUS = 0.1  # a list whose items are what "hvilke X" asks for ("dage": dates)
PICKED_ROWS_BONUS = 0.25  # a table whose rows a question word picks out by their status
_STATUS_COLUMN = re.compile(r"\s*status\b", re.IGNORECASE)  # "Status", "Status pr. 15.09.2026"
MAX_SECTION_ITEMS = 15  # a section's body of this many lines or list items at most is a list

MEETING_NOUNS = "dagsorden dagsordenen møde mødet referat referatet"
_AGENDA_WORD = re.compile(r"(?:dagsordens)?punkt\w*|sag(?:en|er|erne)?|emne\w*", re.IGNORECASE)
_NAMES_AGENDA = re.compile(r"\bdagsorden|\bagenda\b", re.IGNORECASE)
_WORD_NUMBERED = re.compile(r"\s*([^\W\d_]{3,})\s+\d{1,2}\s*[:.–-]\s+\S")
_AGENDA_HEADING = re.compile(r"(?:dagsorden(?:en)?|agenda)(?:\s+\S+){0,4}", re.IGNORECASE)
# "Hvilke punkter på (styregruppens) handlingsliste …": where the listed things are listed
_LISTED_FROM = re.compile(
    r"\b(?:hvilke[nt]?|which)\s+(?:\w+\s+)?(?:på|i|fra|under|on|in)\s+(?:\w+s\s+)?(\w+)", re.I
)


def _listed_from(question: str, groups: list[WordGroup]) -> WordGroup | None:
    """The word group of the list "Hvilke X på/i Y …?" asks X of (Y), or None."""
    m = _LISTED_FROM.search(question)
    if not m:
        return None
    word = m.group(1).lower()
    return next((g for g in groups if g.word.lower() == word), None)


# the kind of value the X of "Hvilke X …?" is: "Hvilke dage/datoer …?" asks for dates
_LISTED_TYPES = ((re.compile(r"dage|datoer|mødedatoer|tidspunkter", re.I), "date"),)


def _listed_type(question: str) -> str | None:
    word = listed_word(question)
    return next((t for rx, t in _LISTED_TYPES if word and rx.fullmatch(word)), None)


def _asked_count(question: str) -> int | None:
    """ "Hvilke seks projekter ...?" -> 6."""
    m = re.search(r"\b(?:hvilke|which|de|the|alle)\s+(\d{1,2}|[a-zæøå]+)\s+\w", question, re.I)
    if not m:
        return None
    word = m.group(1).lower()
    return int(word) if word.isdigit() else COUNT_VALUES.get(word)


@dataclass(eq=False)
class ListFinder(Step):
    """Finds the list or table that answers a list question, and a list's items."""

    scorer: SentenceScorer

    def best_list(
        self,
        question: str,
        groups: list[WordGroup],
        hits: list[SearchHit],
        best: Candidate,
        headed_by: WordGroup | None = None,
    ) -> ListCandidate | None:
        """The list (sentence list, numbered sections, short-line section) that answers a
        "hvilke ...?" question better than single sentences do, or None. `headed_by`: only a
        list under a heading that names that word ("Tidsplan" for "Hvad er tidsplanen?")."""
        wanted = _asked_count(question)
        typed = _listed_type(question)
        asked = listed_noun(question, groups)
        best_names_asked = match_group(asked, self.stats.terms(best.text)) if asked else 0.0
        word = listed_word(question)
        asks_items = bool(word and _AGENDA_WORD.fullmatch(word))
        source = _listed_from(question, groups)
        if source is not None and match_group(source, self.stats.terms(MEETING_NOUNS)):
            source = None  # "Hvilke punkter på dagsordenen …?": the agenda items
        doc_ids = list(dict.fromkeys(h.doc_id for h in hits[:6]))
        found: list[ListCandidate] = []
        for doc_id in doc_ids:
            found.extend(self.structured_lists(doc_id))
        for lc in found:
            # a decision record's "## Dagsorden" with its numbered items is the meeting's
            # agenda as the parsed "Punkt 2: …" items are
            lc.agenda = lc.agenda or self._under_agenda_heading(lc)
        if headed_by is not None:
            found = [lc for lc in found if self._headed_by(lc, headed_by)]
        if word and not asks_items and not _NAMES_AGENDA.search(question):
            # "Hvilke risici er nævnt i referatet?": the list under "4.5 Risici", never the
            # meeting's items, one of which is titled so (nor for "Hvilke dage …?")
            found = [lc for lc in found if not lc.agenda]
        # a section's list body answers only the question its heading names ("Hvilke risici …?"
        # and "4.5 Risici")
        found = [
            lc
            for lc in found
            if not lc.headed or (asked is not None and self._headed_by(lc, asked))
        ]
        if source is not None:
            # "Hvilke punkter på styregruppens handlingsliste …?": the points of the list under
            # that heading, when there is one, not the meeting's agenda items
            named = [
                lc for lc in found if self._headed_by(lc, source) and not self._headed_by_title(lc)
            ]
            if named:
                found, asks_items = named, False
        # a long table answers by the rows a question word picks out ("Hvilke initiativer er
        # forsinket?": the rows whose Status says so), never as a whole
        kept = []
        for lc in found:
            rows = self.rows_asked_for(lc.intro, lc.items, groups)
            lc.picked = self._picked_by_status(rows, len(lc.items), groups)
            if len(lc.items) > self.config.max_list_items:
                lc.items = rows
                if len(lc.items) > self.config.max_list_items + 1 and self._table_list(lc):
                    continue
            if not self._one_item_asked(lc, groups):
                kept.append(lc)
        found = kept
        if not found:
            return None
        for lc in found:
            text = " ".join([lc.intro.text if lc.intro else ""] + [i.text for i in lc.items])
            view = self.docs.get(lc.doc_id)
            offset = lc.intro.start if lc.intro else lc.items[0].start
            ctx = self.scorer.context_text(view, offset) if view else ""
            own, _ = coverage(groups, self.stats.terms(text))
            with_ctx, _ = coverage(groups, self.stats.terms(f"{text} {ctx}"))
            lc.score = 0.6 * own + 0.4 * with_ctx
            if lc.picked:
                # the rows a question word picks out are what "Hvilke … er forsinket?" asks
                # for; a summary sentence ("2 er forsinkede") covers the words but names none
                lc.score += PICKED_ROWS_BONUS
            if asked is not None:
                # "Hvilke temaer …?" and a list under "Temaer for dagens møde"; but when only
                # the best sentence names them ("… omfatte fagene dansk og matematik"), it
                # is the better answer
                named = match_group(asked, self.stats.terms(lc.intro.text)) if lc.intro else 0.0
                if lc.agenda and asks_items:
                    # "Hvilke punkter/sager …?": a meeting's items are what is asked for, and
                    # the meeting (its body, its date) is their document's, not their words
                    named = 1.0
                    lc.score = max(lc.score, with_ctx)
                lc.score += LISTED_NOUN_BONUS * (named if named else -best_names_asked)
            if typed is not None and self._items_of_type(lc, typed):
                lc.score += TYPED_ITEMS_BONUS  # "Hvilke dage …?" and a list of dates
            if wanted is not None:
                inline = lc.intro is not None and not lc.intro.text.rstrip().endswith(":")
                count = sum(not i.continues for i in lc.items) + (1 if inline else 0)
                lc.score += 0.25 if wanted == count else -0.05
        found.sort(key=lambda lc: -lc.score)
        top = found[0]
        spans = [x for x in [top.intro, *top.items] if x is not None]
        holds_best = any(
            x.doc_id == best.doc_id and x.start <= best.start < x.end + 1 for x in spans
        ) or any(x.doc_id == best.doc_id and best.start <= x.start < best.end for x in spans)
        rivals_best = not holds_best and not top.picked  # picked rows name what a sum counts
        if top.score < 0.5 or (rivals_best and top.score < 0.75 * best.context_coverage):
            return None
        return replace(top, items=self.rows_asked_for(top.intro, top.items, groups))

    @staticmethod
    def _items_of_type(lc: ListCandidate, typed: str) -> bool:
        """Nearly every item (not counting a continued line) states the asked kind of value."""
        items = [i for i in lc.items if not i.continues]
        return bool(items) and sum(satisfies(i.text, typed) for i in items) >= 0.8 * len(items)

    def _picked_by_status(self, rows: list[Candidate], whole: int, groups: list[WordGroup]) -> bool:
        """Some of a table's rows (of `whole` items) were picked out, each by what its Status
        cell says ("Forsinket", "Ikke påbegyndt"): what "Hvilke … er forsinket?" asks for."""
        view = self.docs.get(rows[0].doc_id) if rows and len(rows) < whole else None
        # the table's first row ("Status pr. 15.09.2026" names a column, figures and all)
        header = view.table_header(rows[-1].start) if view is not None else None
        if view is None or header is None:
            return False
        names = view.text[header.start : header.end].split(TABLE_CELL_SEPARATOR)
        column = next((i for i, name in enumerate(names) if _STATUS_COLUMN.match(name)), None)
        blocks = {b.start: b for r in rows if (b := view.table_row(r.start)) is not None}
        blocks.pop(header.start, None)
        if column is None or not blocks:
            return False
        for block in blocks.values():
            cells = view.text[block.start : block.end].split(TABLE_CELL_SEPARATOR)
            status = self.stats.terms(cells[column]) if column < len(cells) else set()
            if not any(match_group(g, status) >= 0.6 for g in groups):
                return False
        return True

    def data_rows(self, lc: ListCandidate) -> int | None:
        """How many table rows the list shows apart from the column names (None when its
        items are not all table rows)."""
        view = self.docs.get(lc.doc_id)
        if view is None or not lc.items:
            return None
        rows = [view.table_row(item.start) for item in lc.items]
        if any(row is None for row in rows):
            return None
        header = column_names_row(view, lc.items[0].start)
        starts = {row.start for row in rows if row is not None}
        return len(starts - {header.start}) if header is not None else len(starts)

    def _table_list(self, lc: ListCandidate) -> bool:
        """The list's items are a table's rows."""
        return all(self.places.in_table(item) for item in lc.items)

    def _one_item_asked(self, lc: ListCandidate, groups: list[WordGroup]) -> bool:
        """A list of section headings under their parent heading (no sentence announces
        them) in which a question word that neither that heading nor the ones above say
        picks out one item of three or more: the question is about that section ("Hvilke
        initiativer er forsinket?" and a report's chapters, one of them "4. Forsinkede
        initiativer"), not about the list of them."""
        view = self.docs.get(lc.doc_id)
        if view is None or len(lc.items) < 3 or lc.agenda:
            return False
        if lc.intro is not None and _ANNOUNCES.search(lc.intro.text):
            return False  # "… omkring fire hovedspor:" announces its items
        if not all(view.in_heading(item.start, item.end) for item in lc.items):
            return False
        said = self.stats.terms(self.scorer.context_text(view, lc.items[0].start))
        if lc.intro is not None:
            said |= self.stats.terms(lc.intro.text)
        unsaid = [g for g in groups if match_group(g, said) < 0.6]
        picked = [
            item
            for item in lc.items
            if any(match_group(g, self.stats.terms(item.text)) >= 0.6 for g in unsaid)
        ]
        return len(picked) == 1

    def _headed_by(self, lc: ListCandidate, group: WordGroup) -> bool:
        """The list stands under a heading that names `group` ("4. Handlingsliste")."""
        return (
            lc.intro is not None
            and lc.intro.index == -1  # a heading
            and match_group(group, self.stats.terms(lc.intro.text)) >= 0.6
        )

    def _headed_by_title(self, lc: ListCandidate) -> bool:
        """The list's heading is its document's first heading, the title: "Status på
        Klimahandleplan 2026-2030" names the source of every list in the paper, and the one
        under it is the memo's header fields (stop 53: probe 61's "Hvilke initiativer i
        klimahandleplanen er forsinket?" lists the two delayed rows; no other answer changed)."""
        view = self.docs.get(lc.doc_id)
        if view is None or lc.intro is None or view.first_heading is None:
            return False
        title = view.record.blocks[view.first_heading]
        return title.start <= lc.intro.start < title.end

    def structured_lists(self, doc_id: str) -> list[ListCandidate]:
        view = self.docs.get(doc_id)
        if view is None:
            return []
        out: list[ListCandidate] = []
        # sentences that open a list
        for i, sent in enumerate(view.sentences):
            if ":" not in sent.text:
                continue
            intro = Candidate(doc_id, sent.start, sent.end, sent.text, i)
            items = self.list_items(intro, inline=True)
            if len(items) >= 2 or (items and not sent.text.rstrip().endswith(":")):
                out.append(ListCandidate(doc_id, intro, items))
        # numbered sections or agenda items under one parent ("1. Personlig ...", "2.1 ...")
        children: dict[int | None, list] = {}
        starts: set[int] = set()
        items_first = sorted(view.record.sections, key=lambda sec: sec.kind != "agenda_item")
        for sec in items_first:
            if sec.kind in ("numbered", "agenda_item") and sec.start not in starts:
                starts.add(sec.start)  # an item read both ways is one item
                children.setdefault(sec.parent, []).append(sec)
        # headings numbered by a word of their own ("Indsatsområde 1: …", "Indsatsområde 2: …")
        # under one parent: the strategy's areas, as "1. …", "2. …" would be
        named: dict[tuple[int | None, str], list] = {}
        for sec in view.record.sections:
            m = _WORD_NUMBERED.match(sec.title)
            if m is not None and sec.start not in starts:
                named.setdefault((sec.parent, m.group(1).lower()), []).append(sec)
        for (_, word), secs in named.items():
            if len(secs) >= 2:
                out.append(self._word_numbered_list(view, word, secs))
        by_id = {sec.id: sec for sec in view.record.sections}
        for parent_id, secs in children.items():
            if len(secs) < 2:
                continue
            secs.sort(key=lambda sec: sec.start)
            items = self._heading_items(view, secs)
            intro = None
            parent = by_id.get(parent_id) if parent_id is not None else None
            lo = view.heading_of(parent)[1] if parent is not None else 0
            before = [  # a table of contents before the items is no intro to them
                x
                for x in view.sentences_between(lo, secs[0].start)
                if x.end <= secs[0].start and view.in_prose(x.start)
            ]
            agenda = all(sec.kind == "agenda_item" for sec in secs)
            if before:
                last = before[-1]
                idx = view.sentence_index(last.start)
                # a meeting's items follow its header ("Fraværende: …"), which no more
                # introduces them than a contents line does: only a sentence announcing them;
                # nor does a memo's header field ("Emne: …") introduce its chapters
                if not agenda and FIELD.match(last.text) is None:
                    intro = Candidate(doc_id, last.start, last.end, last.text, idx or 0)
                # the sentence that announces the list, if one of the earlier ones does
                for x in before:
                    if _ANNOUNCES.search(x.text):
                        idx = view.sentence_index(x.start)
                        intro = Candidate(doc_id, x.start, x.end, x.text, idx or 0)
            elif parent is not None:  # "2. Temaer for dagens møde" + "2.1 …", "2.2 …"
                a, b = view.heading_of(parent)
                intro = Candidate(doc_id, a, b, view.text[a:b], -1)
            out.append(ListCandidate(doc_id, intro, items, agenda=agenda))
        out.extend(self._table_lists(view))
        # a section whose body is a few short lines ("Bilag": one line per annex), or else
        # a list and nothing else ("4.5 Risici" over "1. Stigende materialepriser … kan give
        # et dyrere tilbud end budgetteret. Sandsynlighed: høj." and four more)
        parents = {x.parent for x in view.record.sections}
        for sec in view.record.sections:
            if sec.id in parents:
                continue
            h_start, h_end = view.heading_of(sec)
            intro = Candidate(doc_id, h_start, h_end, view.text[h_start:h_end], -1)
            lines = self._short_lines(view, h_end, sec.end)
            if lines:
                out.append(ListCandidate(doc_id, intro, lines))
            elif listed := self._list_body(view, h_end, sec.end):
                out.append(ListCandidate(doc_id, intro, listed, headed=True))
        return out

    @staticmethod
    def _short_lines(view: DocView, start: int, end: int) -> list[Candidate]:
        """The lines of a section body of 2 to 15 short lines, one sentence each, or []."""
        body = [
            x for x in view.sentences_between(start, end) if not view.in_heading(x.start, x.end)
        ]
        if not 2 <= len(body) <= MAX_SECTION_ITEMS or any(len(x.text) > 150 for x in body):
            return []
        lines = [x for x in body if re.search(r"[A-Za-zÆØÅæøå]{3}", x.text)]
        if any("\n" not in view.text[a.end : b.start] for a, b in itertools.pairwise(lines)):
            return []  # sentences of one paragraph, not a line each
        if len(lines) < 2:
            return []
        return [Candidate(view.id, x.start, x.end, x.text, -1) for x in lines]

    @staticmethod
    def _list_body(view: DocView, start: int, end: int) -> list[Candidate]:
        """The items of a section body that is a list and nothing else (2 to 15 list-item
        blocks, each an item however many sentences it has), or []."""
        blocks = [b for b in view.blocks_between(start, end) if view.text[b.start : b.end].strip()]
        if not 2 <= len(blocks) <= MAX_SECTION_ITEMS or any(b.kind != "list_item" for b in blocks):
            return []
        items = []
        for b in blocks:  # the item's sentences, without its bullet
            sentences = view.sentences_between(b.start, b.end)
            if not sentences:
                return []
            a, z = sentences[0].start, sentences[-1].end
            items.append(Candidate(view.id, a, z, view.text[a:z], -1))
        return items

    def opens_list(self, c: Candidate) -> bool:
        """The sentence introduces a list: `_leads_in`, or a paragraph left open without
        punctuation right before a list's items ("… tre formålsbestemte puljer målrettet" +
        the three pools as bullets)."""
        if _leads_in(c.text):
            return True
        view = self.docs.get(c.doc_id)
        if view is None or not c.text.rstrip()[-1:].isalpha():
            return False
        if not 0 <= c.index < len(view.sentences) - 1:
            return False  # a heading made intro (index -1) or the document's last sentence
        after = view.sentences[c.index + 1]
        return (
            after.start >= c.end
            and not _in_list_block(view, c.start)
            and not view.text[c.end : after.start].strip()
            and _in_list_block(view, after.start)
        )

    @staticmethod
    def _heading_items(view: DocView, secs: list) -> list[Candidate]:
        """The sections' headings as list items."""
        return [Candidate(view.id, a, b, view.text[a:b], -1) for a, b in map(view.heading_of, secs)]

    def _word_numbered_list(self, view: DocView, word: str, secs: list) -> ListCandidate:
        """Headings "Indsatsområde 1: …", "Indsatsområde 2: …" as one list, introduced by the
        heading right before them when it names them ("3. Indsatsområder")."""
        secs = sorted(secs, key=lambda sec: sec.start)
        before = [sec for sec in view.record.sections if sec.start < secs[0].start]
        intro = None
        if before:
            prev = max(before, key=lambda sec: sec.start)
            if word[:-1] in prev.title.lower():
                a, b = view.heading_of(prev)
                intro = Candidate(view.id, a, b, view.text[a:b], -1)
        return ListCandidate(view.id, intro, self._heading_items(view, secs))

    def _under_agenda_heading(self, lc: ListCandidate) -> bool:
        """The list's own section is headed "Dagsorden" (or "Agenda")."""
        view = self.docs.get(lc.doc_id)
        if view is None or not lc.items:
            return False
        path = view.section_path(lc.items[0].start)
        return bool(path) and _AGENDA_HEADING.fullmatch(path[-1].strip(" *#:")) is not None

    def satisfies_with_items(self, c: Candidate, require: str) -> bool:
        """The sentence states what `require` asks for, or it opens a list whose items do
        (the amounts of "… puljer målrettet" are in its bullets)."""
        if satisfies(c.text, require):
            return True
        if require not in ("amount", "share", "quantity"):
            return False
        if self.places.table_amount(c):
            return True
        if _leads_in(c.text) or not self.opens_list(c):
            return False
        return any(satisfies(item.text, require) for item in self.list_items(c))

    def _table_lists(self, view: DocView) -> list[ListCandidate]:
        """Short tables (2 to `max_list_items` rows in a run) as lists of their rows,
        introduced by the paragraph right before them in their section ("Estimerede
        kapabiliteter der skal dækkes …" + one row per role)."""
        out: list[ListCandidate] = []
        runs: list[list[int]] = []
        blocks = view.record.blocks
        for i, block in enumerate(blocks):
            if block.kind != "table_row":
                continue
            if (
                runs
                and runs[-1][-1] == i - 1
                and "\n\n" not in view.text[blocks[i - 1].end : block.start]
            ):
                runs[-1].append(i)
            else:
                runs.append([i])
        for rows in runs:
            if not 2 <= len(rows) <= MAX_TABLE_ROWS or rows[0] == 0:
                continue
            lead = blocks[rows[0] - 1]
            if lead.kind == "heading" and view.in_heading(lead.start, lead.end):
                # a table right under its heading ("Status på initiativerne"): the heading
                # names what the rows are
                intro = Candidate(
                    view.id, lead.start, lead.end, view.text[lead.start : lead.end], -1
                )
                out.append(ListCandidate(view.id, intro, self._row_items(view, rows)))
                continue
            if lead.kind != "prose" or view.section_path(lead.start) != view.section_path(
                blocks[rows[0]].start
            ):
                continue  # a table under other text introduces nothing
            start, end = lead.start, lead.end
            if end - start > 300:
                last = view.sentences_between(start, end)[-1:]
                start = last[0].start if last else start
            index = view.sentence_index(start)
            intro = Candidate(view.id, start, end, view.text[start:end], index or 0)
            out.append(ListCandidate(view.id, intro, self._row_items(view, rows)))
        return out

    @staticmethod
    def _row_items(view: DocView, rows: list[int]) -> list[Candidate]:
        """Table rows (block indexes) as list items, one whole row each."""
        blocks = view.record.blocks
        return [
            Candidate(
                view.id,
                blocks[i].start,
                blocks[i].end,
                view.text[blocks[i].start : blocks[i].end],
                -1,
            )
            for i in rows
        ]

    def list_items(self, intro: Candidate, inline: bool = False) -> list[Candidate]:
        """The items of a list that `intro` opens: following short sentences that start at a
        bullet, a list number or a new line, up to the first ordinary sentence. `inline`: an
        intro with ":" inside it ("Det drejer sig om: Den administrative ...") also opens one,
        and its items may follow on the same line (web transcripts)."""
        view = self.docs.get(intro.doc_id)
        if view is None:
            return []
        out: list[Candidate] = []
        text = view.text
        opens_list = intro.text.rstrip().endswith(":")
        # "..., skal denne sikre at" + bullets: a lead-in without a colon opens a list too
        lead_in = not opens_list and self.opens_list(intro)
        continued: set[int] = set()  # sentences taken as the rest of an item
        inline_list = inline and not opens_list and ":" in intro.text
        out_marked = False
        tight = False  # items so far were separated by single line breaks
        shape: str | None = None  # how a list without markers shows its items (_unmarked_shape)
        for i in range(intro.index + 1, len(view.sentences)):
            if i in continued:
                continue
            s = view.sentences[i]
            gap = text[view.sentences[i - 1].end : s.start]
            blank = "\n\n" in gap or "\n \n" in gap
            if len(out) >= 2 and tight and blank and self._next_point(view, i, out) != i:
                # a blank line after a tight list ends it ("...\n\nØnskede effekter"), unless
                # the numbering goes on after it (a page break inside "1. … 2. … | 3. …")
                break
            marked = bool(LIST_ITEM_START.match(s.text) or re.search(r"[-•·*–▪►■◦‣●○□✓]\s*$", gap))
            if out and out_marked and not marked:
                # numbered paragraphs: what follows "1. …" up to "2. …" is the rest of point 1
                ahead = self._next_point(view, i, out)
                if ahead is None:
                    break  # numbered or bulleted items end where the numbering stops
                continued.update(range(i, ahead))
                continue
            is_item = bool(
                LIST_ITEM_START.match(s.text)
                or re.search(r"[-•·*–▪►■◦‣●○□✓]\s*$", gap)
                or (opens_list and "\n" in gap and len(s.text) <= 250)
                or (inline_list and "\n" not in gap and len(s.text) <= 160)
                or (lead_in and _in_list_block(view, s.start))
            )
            if out and shape == "label" and not marked:
                if "\n" not in gap or not s.text[:1].isupper():
                    # "… (6,2 pct.). Handleplan godkendt …", "… 11,0 meter / (§ 6.4).": the
                    # item goes on
                    out.append(Candidate(view.id, s.start, s.end, s.text, i, continues=True))
                    continue
                is_item = is_item and bool(_LABELLED.match(s.text))
            elif out and shape == "line" and not marked:
                is_item = is_item and _whole_line(text, s)
            if not is_item or len(s.text) > 300 or is_standard_heading(s.text):
                break  # an ordinary sentence or the item's next case heading ends the list
            if view.in_heading(s.start, s.end):
                break  # a list never runs on into the next section
            if s.text.rstrip().endswith(":"):
                break  # the next list's intro, or a label ("Fraværende:"), not an item
            out_marked = marked if not out else out_marked
            if not out and opens_list and not marked and not _in_list_block(view, s.start):
                shape = _unmarked_shape(text, s)
            if len(out) == 1:
                tight = not blank
            out.append(Candidate(view.id, s.start, s.end, s.text, i))
            rest = self._rest_of_item(view, i)
            continued.update(c.index for c in rest)
            out += rest
            if sum(not c.continues for c in out) >= self.config.max_list_items:
                break
            if (
                opens_list
                and not marked
                and not blank
                and not _in_list_block(view, s.start)  # a format's own list item goes on
                and _ends_sentence(s.text)
                and shape is None
            ):
                # unmarked lines (a PDF whose bullets were lost: "400.000 kr. fra …" /
                # "250.000 kr. i form af egne medarbejdertimer."): the period closes the list,
                # and the lines after it are the text going on
                break
        if inline_list:
            return out
        return out if (opens_list or lead_in or len(out) >= 2) else []

    def _next_point(self, view: DocView, index: int, items: list[Candidate]) -> int | None:
        """The sentence, within a few after `index` and in the same section, that opens the
        point numbered one after the last of `items` ("3. …" after "2. …"); None when the
        list is not numbered or no such point follows."""
        last = next((c for c in reversed(items) if not c.continues), None)
        number = re.match(r"(\d{1,2})[.)]\s", last.text) if last is not None else None
        if number is None:
            return None
        point = re.compile(rf"{int(number.group(1)) + 1}[.)]\s")
        for j in range(index, min(index + MAX_POINT_SENTENCES, len(view.sentences))):
            s = view.sentences[j]
            if view.in_heading(s.start, s.end) or is_standard_heading(s.text):
                return None
            if point.match(s.text):
                return j
        return None

    def rows_asked_for(
        self, intro: Candidate | None, items: list[Candidate], groups: list[WordGroup]
    ) -> list[Candidate]:
        """A table's rows that a question word picks out: "Hvilke initiativer er
        forsinkede?" is answered by the rows whose Status says "Forsinket", not by the whole
        table. Only when the items are all table rows and the word is in some rows, not all;
        words the intro, the column names or the headings above say are about the table."""
        view = self.docs.get(items[0].doc_id) if items else None
        if view is None:
            return items
        said = self.stats.terms(self.scorer.context_text(view, items[0].start))
        if intro is not None:
            said |= self.stats.terms(intro.text)
        header = column_names_row(view, items[0].start)
        if header is not None:
            said |= self.scorer.span_terms(view, (header.start, header.end))
        groups = [g for g in groups if match_group(g, said) < 0.6]
        rows: dict[int, list[Candidate]] = {}
        for item in items:
            row = view.table_row(item.start)
            if row is None:
                return items
            rows.setdefault(row.start, []).append(item)
        if len(rows) < 2:
            return items
        keep = [header.start] if header is not None and header.start in rows else []
        spans = {start: (cells[0].start, cells[-1].end) for start, cells in rows.items()}
        picked = [
            start
            for start, span in spans.items()
            if start not in keep
            and any(match_group(g, self.scorer.span_terms(view, span)) >= 0.6 for g in groups)
        ]
        if not picked or len(picked) + len(keep) == len(rows):
            return items
        return [item for start in keep + picked for item in rows[start]]

    def _rest_of_item(self, view: DocView, index: int) -> list[Candidate]:
        """The sentences after `index` in the same list item or table row: a label's value
        ("Timepris" | "1.200-1.400 kr/time"), which a quote keeps apart from its label."""
        block = view.block_at(view.sentences[index].start)
        if block is None or block.kind not in ("list_item", "table_row"):
            return []
        out = []
        for j in range(index + 1, len(view.sentences)):
            s = view.sentences[j]
            if s.start >= block.end:
                break
            out.append(Candidate(view.id, s.start, s.end, s.text, j, continues=True))
        return out
