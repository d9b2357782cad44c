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


def test_a_long_table_is_cut_between_its_rows_never_inside_one():
    """A decision log's table runs past the chunk size with no blank line: it is cut where a
    row ends, never at a full stop inside a row ("… tildeles Brdr. Skovlund A/S …" stays one
    row, so its date, decision and owner are found together)."""
    from ingest.chunking import ChunkingConfig, _pack, _pieces

    rows = [
        f"{10 + i:02d}.02.2026\tB-{i:02d}: Tilbud nr. {i} er vurderet. Kontrakten tildeles "
        f"Brdr. Skovlund A/S med en tilbudssum på {i},87 mio. kr. ekskl. moms.\tKaren Lysholm"
        for i in range(1, 16)
    ]
    text = "Dato\tBeslutning\tAnsvarlig\n" + "\n".join(rows) + "\n"
    cfg = ChunkingConfig()
    chunks = [text[s:e] for s, e in _pack(text, _pieces(text, 0, len(text), cfg), cfg)]
    assert len(chunks) > 1
    lines = [line for chunk in chunks for line in chunk.split("\n")]
    assert lines == ["Dato\tBeslutning\tAnsvarlig", *rows]
