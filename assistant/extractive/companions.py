"""What is shown beside the best sentence: its lead-in, the decision of its item, a dated
line, a table's rows. Kept apart from selection: these rules only add, never choose."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from assistant.citations import DocView
from assistant.extractive.model import Candidate, add_sentence
from assistant.extractive.places import TABLE_CAPTION_REACH
from assistant.extractive.scoring import SentenceScorer
from assistant.extractive.shapes import (
    APPLIED_FOR,
    DECISION_WORDS,
    LIST_ITEM_START,
    WORDS,
    column_names_row,
    dates_in,
    has_number,
    is_decision_heading,
    is_label,
    only_link,
)
from assistant.extractive.step import Step
from assistant.question_terms import WordGroup, match_group
from ingest.facts.sentences import Sentence
from ingest.models import Block
from ingest.money import find_amounts
from ingest.structure import agenda_item_at

# a recommendation or proposal: "Direktøren indstiller, at …", "Bestyrelsen foreslår, at …"
_RECOMMENDS = re.compile(
    r"\b(?:indstiller|indstilles|foreslår|foreslås|anbefaler)\b,?\s+(?:det\s+)?at\b", re.I
)
# a decision that changes what it decides on: "Godkendt, dog således at …", "med den ændring"
_MODIFIES = re.compile(
    r"\b(?:dog|med\s+(?:den\s+|følgende\s+)?(?:bemærkning|ændring|tilføjelse)\w*|ændre\w*|"
    r"i\s+stedet|bortset\s+fra|undtagen)\b",
    re.IGNORECASE,
)

LEAD_IN_REACH = 10  # sentences before a table row that may say what the row shows

ROW_KEY_CHARS = 3  # a table row's leading cell this short is its number or key ("10", "PM2")
LIST_ITEM_CHARS = 300  # a list item this short is shown on from a chosen sentence in it

# "Tabel 2 viser de anlægsprojekter …", "jf. tabel 3": a table named by its number
_TABLE_REF = re.compile(r"\btabel\s+(\d{1,2})\b", re.IGNORECASE)


def _named_table(view: DocView, sentence: str) -> Block | None:
    """The column names row of the table a sentence names by number ("Tabel 2 viser …"),
    found by its caption line ("Tabel 2. Anlægsprogram 2026-2029") elsewhere in the
    document, or None."""
    m = _TABLE_REF.search(sentence)
    if m is None:
        return None
    caption = re.compile(rf"^\s*tabel\s+{m.group(1)}\b(?!\s+(?:viser|fremgår))", re.I | re.M)
    for found in caption.finditer(view.text):
        row = next(
            (
                b
                for b in view.record.blocks
                if b.kind == "table_row"
                and found.end() <= b.start <= found.end() + TABLE_CAPTION_REACH
            ),
            None,
        )
        header = column_names_row(view, row.start) if row is not None else None
        if header is not None and header.start == row.start:
            return header
    return None


def _untaken(
    view: DocView, sentences: list[Sentence], taken: set[tuple[str, int]], rank: int
) -> list[Candidate]:
    """The sentences not yet `taken` (which they join) as candidates at `rank`."""
    out: list[Candidate] = []
    for s in sentences:
        index = view.sentence_index(s.start)
        if index is None or (view.id, index) in taken:
            continue
        taken.add((view.id, index))
        out.append(Candidate(view.id, s.start, s.end, s.text, index, rank))
    return out


def _says_alone(cell: str) -> bool:
    """A table cell written as a whole sentence ("Det blev besluttet at anvende ...") answers
    without the rest of its row."""
    return len(WORDS.findall(cell)) >= 8 and cell.rstrip().endswith((".", "!", "?"))


@dataclass(eq=False)
class Companions(Step):
    """Adds what the best sentence needs beside it to be understood."""

    scorer: SentenceScorer

    def strong_companions(self, best: Candidate, ranked: list[Candidate]) -> list[Candidate]:
        """The best sentence and the next ones that score near it and add a question word it
        lacks (or stand right beside it); another document's sentence must score nearer.
        Then the decision of the best sentence's agenda item, when it answers too."""
        cfg = self.config
        chosen = [best]
        covered = best.matched | best.identity_matched  # where it stands says the meeting
        for c in ranked[1:]:
            if len(chosen) >= cfg.max_sentences:
                break
            if c.score < cfg.follow_ratio * best.score:
                break
            if c.doc_id != best.doc_id and c.score < cfg.other_doc_ratio * best.score:
                continue
            new = c.matched - covered
            near = c.doc_id == best.doc_id and abs(c.index - best.index) <= 3
            if not new and not near:
                continue
            if not new and best.matched - c.matched and self.places.other_row(best, c):
                continue  # the next row lacks the key the best row has ("2024" | …)
            chosen.append(c)
            covered |= c.matched
        decision = self._item_decision(best, ranked)
        if decision is not None and decision not in chosen and len(chosen) < cfg.max_sentences:
            chosen.append(decision)
        return chosen

    def lead_in(
        self, row: Candidate, readable: list[Candidate], groups: list[WordGroup]
    ) -> Candidate | None:
        """The sentence before a table row, in its agenda item, that says the question's words
        the row, its column names and its headings do not: "Budgetopfølgningen viser et
        forventet merforbrug …" says what the row's "Afvigelse | 2.600" is. A sentence that
        opens a list (":") would list the whole table instead."""
        view = self.docs.get(row.doc_id)
        sections = view.sections_at(row.start) if view is not None else []
        if view is None or not sections:
            return None
        shown = self.scorer.span_terms(view, (row.start, row.end)) | self.stats.terms(
            self.scorer.context_text(view, row.start)
        )
        header = column_names_row(view, row.start)
        if header is not None:
            shown = shown | self.scorer.span_terms(view, (header.start, header.end))
        topical = [g for g in groups if not self.stats.is_cue(g.main[0]) and not g.word.isdigit()]
        unsaid = [g for g in topical if match_group(g, shown) < 1.0]
        said = [g for g in topical if match_group(g, shown) == 1.0]
        item = sections[0]  # "Resumé" may say what "Sagsfremstilling" shows
        top: tuple[float, float] = (0.0, 0.0)  # (weight of the unsaid words it says, score)
        lead = None
        for c in readable:
            if (
                c.doc_id != row.doc_id
                or not item.start <= c.start < row.start
                or row.index - c.index > LEAD_IN_REACH
                or self.places.in_table(c)
                or view.in_heading(c.start, c.end)
                or c.text.rstrip().endswith(":")
            ):
                continue
            terms = self.stats.terms(c.text)
            says = sum(g.weight for g in unsaid if match_group(g, terms) == 1.0)
            # of the row's subject too: "Budgetopfølgningen viser et forventet merforbrug"
            about = any(match_group(g, terms) == 1.0 for g in said)
            if says > 0 and about and (says, c.score) > top:
                top, lead = (says, c.score), c
        return lead

    def unretrieved_decision(self, best: Candidate, cands: list[Candidate]) -> list[Candidate]:
        """The sentences of the decision of `best`'s agenda item that no retrieved passage
        held, when `best` is the item's case text: a decision that changes the proposal
        ("Godkendt med den ændring, at …") must be able to stand beside it."""
        view = self.docs.get(best.doc_id)
        if view is None or self.places.in_decision_section(best):
            return []
        item = agenda_item_at(view.record.sections, best.start)
        if item is None:
            return []
        have = {(c.doc_id, c.index) for c in cands}
        found: dict[tuple[str, int], Candidate] = {}
        for section in view.record.sections:
            if not (item.start <= section.start < item.end) or not is_decision_heading(
                section.title.lower()
            ):
                continue
            body = section.heading_end if section.heading_end is not None else section.start
            for sentence in view.sentences_between(max(body, section.start), section.end):
                index = view.sentence_index(sentence.start)
                if index is not None and (view.id, index) not in have:
                    add_sentence(found, view, sentence, best.rank + 1, 0.0)
        return list(found.values())

    def _item_decision(self, best: Candidate, ranked: list[Candidate]) -> Candidate | None:
        """The best-scoring sentence of the decision of `best`'s agenda item, when `best` is
        the item's case text: the decision may change what the case proposes ("Godkendt, dog
        således at 1,2 mio. kr. går til tre …"), so it is shown beside the proposal."""
        if self.places.in_decision_section(best):
            return None
        item = self.places.item_number(best)
        if item is None:
            return None
        # the sentences under the item's own "Beslutning", best-scoring first
        decision = [
            c
            for c in ranked[1:]
            if c.doc_id == best.doc_id
            and self.places.in_decision_section(c)
            and self.places.item_number(c) == item
        ]
        first = None
        if APPLIED_FOR.search(best.text) and find_amounts(best.text):
            # an amount applied for: the decision states what was granted ("Udvalget
            # bevilgede 1.000.000 kr. til Kærby Hallen")
            first = [c for c in decision if find_amounts(c.text)]
        if not first and _RECOMMENDS.search(best.text):
            # "… indstiller, at tilskudsprocenten fastsættes til 61 pct.": what was proposed;
            # the decision says what became of it, however short ("Godkendt.")
            first = [c for c in decision if DECISION_WORDS.search(c.text)]
        if first:
            return min(first, key=lambda c: c.index)
        floor = self.config.decision_ratio * best.score
        return next(
            (
                c
                for c in decision
                if c.score >= floor
                and DECISION_WORDS.search(c.text)  # not the section's "Afbud: …"
                and c.matched  # about what is asked
                # it changes or qualifies the case: not a bare "Taget til efterretning."
                and (_MODIFIES.search(c.text) or has_number(c.text))
            ),
            None,
        )

    def dated_follower(self, best: Candidate, chosen: list[Candidate]) -> Candidate | None:
        """For "hvornår": the first of the next three sentences in the same paragraph that
        states a date ("... analysere disse områder" is followed by "i løbet af efteråret")."""
        view = self.docs.get(best.doc_id)
        if view is None:
            return None
        for i in range(best.index + 1, min(best.index + 4, len(view.sentences))):
            s = view.sentences[i]
            if "\n\n" in view.text[view.sentences[i - 1].end : s.start]:
                return None
            if any(c.doc_id == best.doc_id and c.index == i for c in chosen):
                continue
            if dates_in(s.text) and not view.in_heading(s.start, s.end):
                return Candidate(view.id, s.start, s.end, s.text, i, best.rank)
        return None

    def dated_line(
        self, best: Candidate, ranked: list[Candidate], chosen: list[Candidate]
    ) -> Candidate | None:
        """For "hvornår" when no chosen sentence has a date: the best-scored line of the same
        document that states one, if it scores at least `dated_line_ratio` of the best (a
        decision record's "Dato: 2026-05-07" or "Besluttet på styregruppemødet 4.6.2026")."""
        floor = self.config.dated_line_ratio * best.score
        for c in ranked:
            if c.score < floor:
                return None
            if c.doc_id == best.doc_id and all(c is not x for x in chosen) and dates_in(c.text):
                return c
        return None

    def context_after(self, best: Candidate, chosen: list[Candidate]) -> list[Candidate]:
        """The sentences after the best one in its section, until the answer holds
        `min_answer_chars`: one sentence rarely carries all of an answer (the amount and what
        it covers, the date and who acts), and what follows it in its section usually does."""
        view = self.docs.get(best.doc_id)
        size = sum(len(c.text) for c in chosen)
        if view is None or best.text.rstrip().endswith(":"):
            return []
        section = view.sections_at(best.start)
        parent = view.parent_item(best.start)  # a nested item's context ends with its parent's
        taken = {(c.doc_id, c.index) for c in chosen}
        out: list[Candidate] = []
        i = best.index + 1
        row = view.table_row(best.start)
        row_end = row.end if row is not None else len(view.text)
        while size < self.config.min_answer_chars and i < len(view.sentences):
            s = view.sentences[i]
            if view.in_heading(s.start, s.end) or view.sections_at(s.start) != section:
                break
            if s.start >= row_end:
                break  # a table cell's context is its row
            if parent is not None and view.parent_item(s.start) != parent:
                break
            if len(WORDS.findall(s.text)) < 4 or only_link(s.text):
                break  # a label, heading-like line ("Afbud: ...", "Sagsprocedure") or link
            if (view.id, i) not in taken:
                out.append(Candidate(view.id, s.start, s.end, s.text, i, best.rank))
                size += len(s.text)
            i += 1
        return out

    def whole_rows(self, chosen: list[Candidate]) -> list[Candidate]:
        """`chosen` with each table cell replaced by its whole row under the table's column
        names: a row is read whole ("Indhente tilbud på hosting" | "Peter Møller" | "15. april
        2024": the task, its owner and its deadline), though each cell is quoted on its own to
        stay verbatim in the source. The row's number or key cell ("10", "PM2") is left out."""
        taken: set[tuple[str, int]] = set()
        out: list[Candidate] = []
        for c in chosen:
            view = self.docs.get(c.doc_id)
            row = view.table_row(c.start) if view is not None else None
            if view is None or row is None or _says_alone(c.text):
                if (c.doc_id, c.index) not in taken:
                    taken.add((c.doc_id, c.index))
                    out.append(c)
                continue
            cells = view.sentences_between(row.start, row.end)
            keys = 0
            while len(cells) > keys + 1 and len(cells[keys].text) <= ROW_KEY_CHARS:
                keys += 1
            cells = cells[keys:]
            header = column_names_row(view, c.start)
            if header is not None and header.start != row.start:
                names = view.sentences_between(header.start, header.end)  # column names
                if len(cells) == 1 and keys == 0 and len(names) > 1:
                    # a row read as one sentence (a PDF's table, no cell cut for a quote)
                    # is headed by its whole first row, however that splits into sentences
                    first = names[0]
                    whole = header.start, header.end, view.text[header.start : header.end]
                    names = [replace(first, start=whole[0], end=whole[1], text=whole[2])]
                if len(names) == len(cells) + keys:
                    cells = names[keys:] + cells
                elif keys and len(names) == len(cells):
                    cells = names + cells  # the key column's name is no word ("#", "Nr")
            out += _untaken(view, cells, taken, c.rank)
        return out

    def whole_items(self, chosen: list[Candidate]) -> list[Candidate]:
        """`chosen` with the rest of each short list item after a chosen sentence in it: a
        bullet's task comes with what follows it ("Informere kunderne om den nye tidsplan.
        Ansvarlig: Camilla Friis. Deadline: 6. maj 2026." is the task, its owner and its
        deadline). What comes before the chosen sentence stays out: it led nowhere new."""
        out = list(chosen)
        taken = {(c.doc_id, c.index) for c in chosen}
        for c in chosen:
            view = self.docs.get(c.doc_id)
            block = view.block_at(c.start) if view is not None else None
            if view is None or block is None or block.kind != "list_item":
                continue
            if block.end - block.start > LIST_ITEM_CHARS:
                continue
            out += _untaken(view, view.sentences_between(c.end, block.end), taken, c.rank)
        return out

    def with_labels(self, chosen: list[Candidate]) -> list[Candidate]:
        """A value shown with the label it was cut from ("Status" before "Accepteret")."""
        out: list[Candidate] = []
        for c in chosen:
            view = self.docs.get(c.doc_id)
            if view is not None and c.index > 0:
                s = view.sentences[c.index - 1]
                taken = any(x.doc_id == c.doc_id and x.index == c.index - 1 for x in out)
                if not taken and is_label(view.text, s.start, s.end):
                    # the value's heading and scores: the two are shown as one line
                    out.append(replace(c, start=s.start, end=s.end, text=s.text, index=c.index - 1))
            out.append(c)
        return out

    def table_after(self, best: Candidate) -> list[Candidate]:
        """The rows of the short table right after the best sentence, when the table opens
        with its column names: "Fordelingen på år fremgår af tabellen." points to the figures
        below it, and the column names alone ("Beløb i kr. | 2025 | 2026") say nothing. Each
        row is read whole under the column names (`whole_rows`)."""
        view = self.docs.get(best.doc_id)
        if view is None or best.index + 1 >= len(view.sentences) or view.table_row(best.start):
            return []
        nxt = view.sentences[best.index + 1]
        header = column_names_row(view, nxt.start)
        most = self.config.max_table_rows
        if header is None or header.start != nxt.start:
            # "Tabel 2 viser …" names its table, which may stand after a footnote or a page
            header = _named_table(view, best.text)
            if header is None:
                return []
            most = self.config.max_list_items
        blocks = view.record.blocks
        first = blocks.index(header)
        rows: list[Block] = []
        for block in blocks[first + 1 :]:
            if block.kind != "table_row":
                break
            rows.append(block)
        if not rows or len(rows) > most:
            return []
        out = []
        for row in rows:
            cell = view.sentences_between(row.start, row.end)[:1]
            index = view.sentence_index(cell[0].start) if cell else None
            if index is not None:
                out.append(
                    Candidate(view.id, cell[0].start, cell[0].end, cell[0].text, index, best.rank)
                )
        return out

    def follower(self, best: Candidate, chosen: list[Candidate]) -> Candidate | None:
        """The sentence right after the best one, when it continues it: same paragraph, not a
        heading, and either short or sharing a question word ("Finansieres af ...")."""
        view = self.docs.get(best.doc_id)
        if view is None or best.index + 1 >= len(view.sentences):
            return None
        if any(c.doc_id == best.doc_id and c.index == best.index + 1 for c in chosen):
            return None
        nxt = view.sentences[best.index + 1]
        gap = view.text[best.end : nxt.start]
        if "\n\n" in gap or view.in_heading(nxt.start, nxt.end) or best.text.endswith(":"):
            return None
        if len(nxt.text) > 160 or LIST_ITEM_START.match(nxt.text):
            return None
        if re.fullmatch(r"#?[\w.-]*\d[\w.-]*:", nxt.text.strip()):
            return None  # a record's id ("B-04:") opens the next record; it continues nothing
        if len(WORDS.findall(nxt.text)) < 2 and not has_number(nxt.text):
            return None  # a lone word on its line ("Antal") heads a table; it continues nothing
        row = view.table_row(best.start)
        if row is not None and nxt.start >= row.end:
            return None  # the next row's first cell ("18") does not continue this row
        header = column_names_row(view, nxt.start)
        if row is None and header is not None and header.start == nxt.start:
            return None  # a table's column names alone continue nothing (`table_after`)
        follower = Candidate(view.id, nxt.start, nxt.end, nxt.text, best.index + 1, best.rank)
        return None if self.places.unquotable(follower) else follower
