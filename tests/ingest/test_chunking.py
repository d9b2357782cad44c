"""Chunks of the ingested corpus: verbatim offsets, one section each, one thought each."""

from __future__ import annotations

import json
import statistics


def test_every_chunk_is_a_verbatim_slice(corpus_store):
    _, stores, _ = corpus_store
    texts = {}
    for row in stores.registry.all_chunks():
        doc_text = texts.setdefault(row["doc_id"], stores.registry.get_document(row["doc_id"]).text)
        assert doc_text[row["start"] : row["end"]] == row["text"]


def test_chunks_never_span_two_initiatives(corpus_store):
    _, stores, _ = corpus_store
    for row in stores.registry.all_chunks():
        doc = stores.registry.get_document(row["doc_id"])
        for sec in doc.sections:
            if sec.kind not in ("numbered", "agenda_item"):
                continue
            inside = sec.start <= row["start"] < sec.end
            assert not inside or row["end"] <= sec.end, (row["text"][:80], sec.title)


def test_videndeling_chunk_holds_heading_and_amount(corpus_store):
    _, stores, _ = corpus_store
    rows = [r for r in stores.registry.all_chunks() if r["text"].startswith("4. Videndeling")]
    assert len(rows) == 1
    assert rows[0]["text"].endswith("Der afsættes 600.000 kr. til dette.")
    assert json.loads(rows[0]["section_path"])[-1] == "Videndeling"


def test_chunk_sizes_hold_one_thought(corpus_store):
    _, stores, _ = corpus_store
    sizes = [len(r["text"]) for r in stores.registry.all_chunks()]
    assert max(sizes) <= 1200
    assert 300 <= statistics.mean(sizes) <= 900


def test_transcript_chunks_carry_their_page(corpus_store):
    _, stores, _ = corpus_store
    rows = [r for r in stores.registry.all_chunks() if "opgjort til 5,5 mio. kr." in r["text"]]
    assert len(rows) == 1 and rows[0]["page"] == 5


def test_a_lead_in_paragraph_opens_the_chunk_of_its_list():
    """ "Mht. punkt 4.c anbefaler udvalget, at der afsættes tre puljer målrettet" runs on into
    the list of the three pools: when the chunk is full, the lead-in starts the next chunk with
    its list instead of ending this one half a sentence short of the amounts."""
    from ingest.chunking import ChunkingConfig, _pack, _pieces

    filler = "Udvalget drøftede besparelserne på ældreområdet og i dagtilbuddene grundigt. " * 7
    text = (
        f"{filler}\n\n"
        "Mht. punkt 4.c anbefaler udvalget, at der afsættes tre formålsbestemte puljer "
        "målrettet\n\n"
        "- det specialiserede voksenområde (23,2 mio. kr.)\n"
        "- ældreområdet (5,0 mio. kr.) og verdenssituationen (0,5 mio. kr.), finansieret af "
        "et forventet mindreforbrug på et konkret udbud under Klima-, Teknik- og "
        "Miljøudvalget på 8,7 mio. kr.\n"
    )
    cfg = ChunkingConfig()
    chunks = [text[s:e] for s, e in _pack(text, _pieces(text, 0, len(text), cfg), cfg)]
    assert len(chunks) == 2
    assert chunks[0] == filler.strip()
    assert chunks[1].startswith("Mht. punkt 4.c") and "(0,5 mio. kr.)" in chunks[1]
    # a list's last item is no lead-in: "4. Bedre fysiske rammer for borgere" stays put
    items = f"{filler}\n\n4. Bedre fysiske rammer for borgere og medarbejdere\n\n{filler}"
    first = _pack(items, _pieces(items, 0, len(items), cfg), cfg)[0]
    assert items[first[0] : first[1]].endswith("borgere og medarbejdere")


def _markdown_chunks(tmp_path, markdown: str) -> list:
    from ingest.chunking import chunk_document
    from ingest.document import parse_loaded
    from ingest.loaders import load_file

    path = tmp_path / "referat.md"
    path.write_text(markdown, encoding="utf-8")
    record, cleaned = parse_loaded(load_file(path), path, "doc")
    return chunk_document("doc", "hash", cleaned, record.sections, record.meta, record.blocks)


# An agenda written as headings, one of them with only a link to its material under it: the
# link is junk (never indexed), so the heading has nothing of its own and is read with the
# items that follow, not left as a passage of one title line.
_AGENDA_WITH_LINK = """# Koordinationsgruppemøde 01.06.2026

## Mødefakta

**Mødenavn**: Koordinationsgruppemøde (afholdes 1. mandag i måneden)

**Sted**: Virtuel

## Dagsorden

#### 2. Temaer for dagens møde
- 2.1 Orientering om beslutning truffet på styregruppemødet den 7. maj 2026

   https://github.com/eksempel/produktforvaltning/blob/main/beslutninger/projektplan.md
- 2.2 Præsentation af oplæg om sikker selvbetjening fra årsmødet den 18. maj 2026
- 2.3 Status på selvevaluering af platformen
- 2.4 Status på prototypeudvikling og testserver i Sønderborg
"""


def test_a_heading_with_only_a_link_under_it_is_read_with_the_items_after_it(tmp_path):
    texts = [c.text for c in _markdown_chunks(tmp_path, _AGENDA_WITH_LINK)]
    [agenda] = [t for t in texts if "2. Temaer for dagens møde" in t]
    assert "2.1 Orientering" in agenda and "2.4 Status på prototypeudvikling" in agenda
    assert not any(t.strip().endswith("7. maj 2026") for t in texts)  # no title-only passage


def test_a_run_of_bare_headings_at_the_end_is_a_passage_under_the_first(tmp_path):
    """The agenda above ends the document: it is a passage of its own under "Dagsorden", not
    glued to the meeting facts before it."""
    chunks = _markdown_chunks(tmp_path, _AGENDA_WITH_LINK)
    [agenda] = [c for c in chunks if "2. Temaer for dagens møde" in c.text]
    assert agenda.text.startswith("Dagsorden")
    assert agenda.section_path[-1] == "Dagsorden"
    assert "Virtuel" not in agenda.text


def test_only_a_short_junk_line_stays_inside_a_passage():
    """Only a short junk line stays inside a passage: a list of attachments between two
    paragraphs parts them, so it is never shown as part of an answer's passage."""
    from ingest.chunking import ChunkingConfig, _answerable_runs
    from ingest.models import Block

    text = "Første afsnit om sagen.\n\nhttps://eksempel.dk/bilag\n\nAndet afsnit om sagen."
    link = text.index("https")
    blocks = [
        Block(0, link - 2, "prose"),
        Block(link, link + 25, "boilerplate"),
        Block(link + 27, len(text), "prose"),
    ]
    runs = _answerable_runs(text, blocks, 0, len(text), ChunkingConfig())
    assert len(runs) == 1 and len(runs[0]) == 2
    runs = _answerable_runs(text, blocks, 0, len(text), ChunkingConfig(max_junk_inside=10))
    assert len(runs) == 2
