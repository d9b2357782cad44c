"""Initials spelled out: minutes name people by their initials ("JB er ansvarlig for projektets
økonomi"), and a new employee asking "hvem" cannot tell who JB is. The same document usually
says it once — a participants row or line holding both the initials and the name
("Silkeborg Kommune, EJD | Projektleder, Jesper Buchhardt | JB"). A "hvem" answer that names
someone by initials gets that line, cited; initials the document never spells out, or spells
out as two different people, are left as they are.
"""

from __future__ import annotations

import re

from assistant.citations import CitationSet, DocView
from assistant.extractive.model import wording
from ingest.models import TABLE_CELL_SEPARATOR

INITIALS = re.compile(r"(?<![\w-])[A-ZÆØÅ]{2,3}(?![\w-])")
_NAME = re.compile(r"(?<![\w-])[A-ZÆØÅ][a-zæøåéü]+(?:[ -][A-ZÆØÅ][a-zæøåéü]+){1,3}(?![\w-])")
_MARKERS = re.compile(r"\[\d+\]")
_LINE_KINDS = ("table_row", "list_item", "prose")
_MAX_LINE = 200  # a participants line, not a paragraph that happens to hold a name
_MAX_SPELLED = 3


def _initials_of(name: str) -> set[str]:
    """ "Jakob Hovgaard Kaiser" -> {"JHK", "JK"}: every word, or first and last."""
    letters = [w[0] for w in re.split(r"[ -]", name)]
    return {"".join(letters), letters[0] + letters[-1]}


def _spelled_out(view: DocView, initials: str) -> tuple[int, int] | None:
    """The span naming whoever `initials` stands for: the first short line of the document
    that holds the initials as a word beside a name with those initials (a table row: from
    its first cell to the name's cell). None when the document names no one, or two people."""
    word = re.compile(rf"(?<![\w-]){initials}(?![\w-])")
    names: set[str] = set()
    first: tuple[int, int] | None = None
    for block in view.record.blocks:
        text = view.text[block.start : block.end]
        if block.kind not in _LINE_KINDS or len(text) > _MAX_LINE or not word.search(text):
            continue
        for m in _NAME.finditer(text):
            if initials not in _initials_of(m.group(0)):
                continue
            names.add(m.group(0))
            if first is None:
                end = text.find(TABLE_CELL_SEPARATOR, m.end())
                first = (block.start, block.start + (end if end >= 0 else len(text)))
    return first if len(names) == 1 else None


def spell_out_initials(text: str, cset: CitationSet) -> str:
    """`text` with a cited line for each person it names by initials only."""
    lines = []
    plain = _MARKERS.sub(" ", text)
    for initials in list(dict.fromkeys(INITIALS.findall(plain)))[:_MAX_SPELLED]:
        docs = [c.doc_id for c in cset.citations if re.search(rf"\b{initials}\b", c.quote)]
        for doc_id in dict.fromkeys(docs):
            view = cset.docs.get(doc_id)
            span = _spelled_out(view, initials) if view is not None else None
            if span is None:
                continue
            cells = view.text[span[0] : span[1]].split(TABLE_CELL_SEPARATOR)
            shown = ", ".join(wording(c) for c in cells if c.strip())
            if all(name in plain for name in _NAME.findall(shown)):
                break  # the answer already says who it is
            lines.append(f"{initials}: {shown} [{cset.add(doc_id, *span)}]")
            break
    return "\n\n".join([text, *lines]) if lines else text
