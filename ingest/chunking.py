"""Section-aware chunks that hold one thought each, with exact offsets.

A chunk never crosses a section boundary (so never two agenda items or two numbered
initiatives) nor a page boundary (so its page number is exact). Inside a section, paragraphs
are packed up to `target` characters; a paragraph longer than `hard_max` (web transcripts
have whole pages as one line) is split at sentence ends.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.blocks import answerable_spans
from ingest.models import (
    BULLET_MARK,
    CASE_NUMBER_LABEL,
    TABLE_CELL_SEPARATOR,
    Block,
    Chunk,
    CleanText,
    DocumentMeta,
    Section,
)
from ingest.structure import section_path

_PARA_BREAK = re.compile(r"\n\s*\n")
_LIST_MARK = re.compile(rf"\s*(?:\d{{1,2}}[.)]|[a-zæøå][.)]|{BULLET_MARK})\s")
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-ZÆØÅ\"“«(])")
# Words Danish writes with a period that ends no sentence ("kr.", "bl.a."); the answer step
# reads a list's end by them too.
ABBREVIATIONS = {
    "kr",
    "ca",
    "nr",
    "pr",
    "jf",
    "bl.a",
    "mv",
    "mio",
    "mia",
    "mill",
    "pkt",
    "inkl",
    "ekskl",
    "kvt",  # "1. kvt." (kvartal)
    "stk",
    "evt",
    "f.eks",
    "dvs",
    "d",
    "st",
    "tlf",
    "hhv",
    "ift",
    "mht",
    "vedr",
    "iht",
    "o.l",
    "mfl",
}


def _is_sentence_end(text: str, dot: int) -> bool:
    """False for abbreviations ("kr.", "bl.a.") and ordinals/dates ("7. Juni")."""
    if text[dot] != ".":
        return True
    word_start = dot
    while word_start > 0 and not text[word_start - 1].isspace():
        word_start -= 1
    word = text[word_start:dot].lower().strip('("“')
    return not (word in ABBREVIATIONS or word.isdigit() or len(word) == 1)


@dataclass
class ChunkingConfig:
    target: int = 800
    hard_max: int = 1200
    min_chars: int = 250


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _own_spans(text: str, sections: list[Section]) -> list[tuple[int, int, int | None]]:
    """(start, end, section index) for text owned directly by each section (not its children)."""
    spans: list[tuple[int, int, int | None]] = []
    first = sections[0].start if sections else len(text)
    if first > 0:
        spans.append((0, first, None))
    for i, sec in enumerate(sections):
        children = [s for s in sections if s.parent == i]
        own_end = children[0].start if children else sec.end
        # text between the end of this section and the next section start (gaps) stays with it
        nxt = sections[i + 1].start if i + 1 < len(sections) else len(text)
        if not children and sec.end < nxt:
            own_end = nxt
        spans.append((sec.start, own_end, i))
    return spans


_FIELD_LINE = re.compile(
    r"^[^\W\d][\w .]{0,24}:\s*\S.{0,60}$"  # "Dato: 14-01-2026"
    rf"|^{CASE_NUMBER_LABEL}\.?\s+\S.{{0,60}}$",  # "Sagsnr. 25/03318"
    re.IGNORECASE,
)
MAX_FIELDS_CHARS = 120


def _only_fields(body: str) -> bool:
    """Nothing under a heading but short "label: value" lines ("Sagsnr.: 25/02231 Åbent
    punkt", "Dato: 14-01-2026"): no passage of its own, only a label of what follows."""
    body = body.strip()
    if len(body) > MAX_FIELDS_CHARS:
        return False
    return all(_FIELD_LINE.match(line.strip()) for line in body.splitlines() if line.strip())


def _merge_heading_only(
    text: str, spans: list[tuple[int, int, int | None]], sections: list[Section]
) -> list[tuple[int, int, int | None]]:
    """A heading with no body of its own is glued to the span that follows it; one with only
    its case fields ("Sagsnr.: …") to its first sub-section, so that no passage is a label."""
    out: list[tuple[int, int, int | None]] = []
    carry: tuple[int, int, int | None, bool] | None = None  # start, end, section, bare
    for start, end, idx in spans:
        s, e = _strip_span(text, start, end)
        if s == e:
            continue
        if carry is not None:
            c_start, c_end, c_idx, bare = carry
            carry = None
            if bare or (idx is not None and sections[idx].parent == c_idx):
                s = c_start
            else:
                out.append((c_start, c_end, c_idx))
        heading_end = sections[idx].heading_end if idx is not None else None
        if heading_end is not None:
            bare = _strip_span(text, heading_end, e)[0] >= e
            if bare or _only_fields(text[heading_end:e]):
                carry = (s, e, idx, bare)  # nothing but the heading line (and its case number)
                continue
        out.append((s, e, idx))
    if carry is not None:
        c_start, c_end, c_idx, bare = carry
        if not bare:
            out.append((c_start, c_end, c_idx))  # the last item's label stays in its item
        elif out:
            last = out[-1]
            out[-1] = (last[0], _strip_span(text, last[0], len(text))[1], last[2])
        else:
            out.append((c_start, _strip_span(text, c_start, len(text))[1], None))
    return out


def _pieces(text: str, start: int, end: int, cfg: ChunkingConfig) -> list[tuple[int, int]]:
    """Paragraphs of [start, end), long ones cut at sentence ends."""
    out: list[tuple[int, int]] = []
    pos = start
    for m in _PARA_BREAK.finditer(text, start, end):
        out.extend(_sentences_if_long(text, pos, m.start(), cfg))
        pos = m.end()
    out.extend(_sentences_if_long(text, pos, end, cfg))
    return [(s, e) for s, e in (_strip_span(text, a, b) for a, b in out) if e > s]


_NEWLINE = re.compile(r"\n")


def _line_before(text: str, newline: int) -> str:
    """The line that ends at `newline`."""
    return text[text.rfind("\n", 0, newline) + 1 : newline]


def _in_table_row(text: str, pos: int) -> bool:
    """`pos` falls inside a line of TAB-separated cells, not at its start."""
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    return pos > line_start and TABLE_CELL_SEPARATOR in line


def _sentences_if_long(
    text: str, start: int, end: int, cfg: ChunkingConfig
) -> list[tuple[int, int]]:
    if end - start <= cfg.hard_max:
        return [(start, end)]
    # a table's rows are cut between, never inside ("… tildeles Brdr. | Skovlund A/S …")
    sentence_ends = {
        m.end()
        for m in _SENTENCE_END.finditer(text, start, end)
        if _is_sentence_end(text, m.start()) and not _in_table_row(text, m.end())
    }
    row_ends = {
        m.end()
        for m in _NEWLINE.finditer(text, start, end)
        if TABLE_CELL_SEPARATOR in _line_before(text, m.start())
    }
    cuts = sorted((sentence_ends | row_ends) - {end})
    pieces: list[tuple[int, int]] = []
    pos = start
    for cut in cuts:
        pieces.append((pos, cut))
        pos = cut
    pieces.append((pos, end))
    # pack sentences up to the target size
    packed: list[tuple[int, int]] = []
    cur_s, cur_e = pieces[0]
    for s, e in pieces[1:]:
        if e - cur_s > cfg.target and cur_e > cur_s:
            packed.append((cur_s, cur_e))
            cur_s = s
        cur_e = e
    packed.append((cur_s, cur_e))
    # a single sentence still over the hard limit is cut at a space
    final: list[tuple[int, int]] = []
    for s, e in packed:
        while e - s > cfg.hard_max * 2:
            cut = text.rfind(" ", s, s + cfg.hard_max)
            cut = cut if cut > s else s + cfg.hard_max
            final.append((s, cut))
            s = cut
        final.append((s, e))
    return final


def _pack(text: str, pieces: list[tuple[int, int]], cfg: ChunkingConfig) -> list[tuple[int, int]]:
    """Greedy packing up to `target`; a piece shorter than `min_chars` (a heading, a title
    line) always joins its neighbour, and a short tail joins the chunk before it. A paragraph
    that runs on into the next ("... afsættes tre puljer målrettet" + the list of them) opens
    the next chunk instead of ending this one, so the two are read together."""
    packed: list[tuple[int, int]] = []
    cur_s, cur_e = pieces[0]
    last_s, before_last = cur_s, cur_s  # the chunk's last piece starts, the one before ends
    for s, e in pieces[1:]:
        if e - cur_s > cfg.target and cur_e - cur_s >= cfg.min_chars:
            if _runs_on(text[last_s:cur_e]) and before_last - cur_s >= cfg.min_chars:
                packed.append((cur_s, before_last))
                cur_s = last_s
            else:
                packed.append((cur_s, cur_e))
                cur_s = s
        last_s, before_last = s, cur_e
        cur_e = e
    packed.append((cur_s, cur_e))
    if len(packed) > 1:
        (ps, _), (ls, le) = packed[-2], packed[-1]
        if le - ls < cfg.min_chars and le - ps <= cfg.hard_max:
            packed[-2:] = [(ps, le)]
    return packed


def _runs_on(paragraph: str) -> bool:
    """The paragraph's last sentence goes on in the next one: it ends in a colon or in a
    lower-case word without a full stop, as a list's lead-in does (a title line ends in a
    name, a number or a full stop)."""
    tail = paragraph.rstrip()
    if _LIST_MARK.match(paragraph):
        return False  # a list's item, not its lead-in
    return len(tail.split()) >= 4 and (tail.endswith(":") or tail[-1:].islower())


def _split_at_pages(clean: CleanText, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    for page in clean.pages:
        s, e = max(start, page.start), min(end, page.end)
        if e > s:
            out.append((s, e))
    return out or [(start, end)]


def chunk_document(
    doc_id: str,
    content_hash: str,
    clean: CleanText,
    sections: list[Section],
    meta: DocumentMeta,
    blocks: list[Block] | None = None,
    cfg: ChunkingConfig | None = None,
) -> list[Chunk]:
    """Chunks of the answerable text: tables of contents, attachment lists and page furniture
    (see `ingest.blocks`) are never indexed, so they never compete for the top ranks."""
    cfg = cfg or ChunkingConfig()
    text = clean.text
    chunks: list[Chunk] = []
    for span_start, span_end, idx in _merge_heading_only(
        text, _own_spans(text, sections), sections
    ):
        path = section_path(sections, idx) if idx is not None else []
        for page_start, page_end in _split_at_pages(clean, span_start, span_end):
            for part_start, part_end in answerable_spans(blocks or [], page_start, page_end):
                pieces = _pieces(text, part_start, part_end, cfg)
                if not pieces:
                    continue
                for s, e in _pack(text, pieces, cfg):
                    chunks.append(
                        Chunk(
                            id=f"{doc_id}:{content_hash[:10]}:{len(chunks):04d}",
                            doc_id=doc_id,
                            index=len(chunks),
                            text=text[s:e],
                            start=s,
                            end=e,
                            page=clean.page_at(s),
                            section_path=path,
                            context=_context(meta, path),
                        )
                    )
    return chunks


def _context(meta: DocumentMeta, path: list[str]) -> str:
    parts = [meta.title]
    if meta.date_text:
        parts.append(meta.date_text)
    if meta.committee:
        parts.append(meta.committee)
    head = " · ".join(p for p in parts if p)
    trail = " > ".join(p for p in path if p and p != meta.title)
    return f"{head}\n{trail}" if trail else head
