"""The verifier: verbatim citations, known markers, a citation per sentence, supported numbers."""

from __future__ import annotations

import pytest

from assistant.citations import CitationSet, DocumentCache
from assistant.types import Answer
from assistant.verify import repair, split_units, unsupported_numbers, verify

BILAG = "bilag2_kompetencepulje_2006_sof.txt"
VIDENDELING = "Der afsættes 600.000 kr. til dette."


def test_amounts_compare_by_value() -> None:
    assert unsupported_numbers("Der er afsat 1,5 mio. kr.", ["afsat 1.500.000 kr. til"]) == []
    assert unsupported_numbers("Der er afsat 2 mio. kr.", ["afsat 600.000 kr."]) == ["2 mio. kr."]


def test_dates_need_an_equally_precise_source() -> None:
    assert unsupported_numbers("senest september 2021", ["godkendt senest september 2021"]) == []
    assert unsupported_numbers("juni 2021", ["mødet den 7. juni 2021"]) == []
    assert unsupported_numbers("den 7. juni 2021", ["i juni 2021"]) == ["7. juni 2021"]


def test_plain_numbers_must_occur_as_numbers() -> None:
    assert unsupported_numbers("ca. 25 sager [1]", ["ca. 25 sager pr. rådgiver"]) == []
    assert unsupported_numbers("ca. 250 sager", ["ca. 25 sager"]) == ["250"]
    assert (
        unsupported_numbers("1. Hurtigere sagsbehandling [2]", ["Hurtigere sagsbehandling"]) == []
    )


def test_units_split_at_markers_and_lines() -> None:
    units = split_units("Første sætning [1]. Anden sætning [2]\n\n- punkt et [3]\n| a | b | [4] |")
    assert [(u.text, u.markers) for u in units] == [
        ("Første sætning", [1]),
        ("Anden sætning", [2]),
        ("punkt et", [3]),
        ("| a | b | [4] |", [4]),
    ]
    copied = split_units("Sætning et. Sætning to. [1]")
    assert [(u.text, u.markers, u.inherited) for u in copied] == [
        ("Sætning et.", [1], True),
        ("Sætning to.", [1], False),
    ]


@pytest.fixture(scope="module")
def docs(corpus_store) -> DocumentCache:
    _, stores, _ = corpus_store
    return DocumentCache(stores.registry)


@pytest.fixture(scope="module")
def bilag_id(corpus_store) -> str:
    _, stores, _ = corpus_store
    return stores.registry.resolve(BILAG)[0]["id"]


def cited(docs: DocumentCache, doc_id: str, quote: str) -> CitationSet:
    text = docs.get(doc_id).text
    start = text.index(quote)
    cset = CitationSet(docs)
    cset.add(doc_id, start, start + len(quote))
    return cset


def test_a_grounded_answer_passes(docs: DocumentCache, bilag_id: str) -> None:
    cset = cited(docs, bilag_id, VIDENDELING)
    answer = Answer(text="Til videndeling er der afsat 600.000 kr. [1].", citations=cset.citations)
    result = verify(answer, docs)
    assert result.ok, result.problems
    assert answer.citations[0].quote == VIDENDELING


def test_failures_are_found(docs: DocumentCache, bilag_id: str) -> None:
    cset = cited(docs, bilag_id, VIDENDELING)
    answer = Answer(
        text=(
            "Til videndeling er der afsat 600.000 kr. [1]. Det er 2 mio. kr. mindre end året før "
            "[1].\nProjektet er vigtigt.\nSe også [4]."
        ),
        citations=cset.citations,
    )
    result = verify(answer, docs)
    assert not result.ok
    kinds = sorted(p.split(" ")[0] for p in result.problems)
    assert kinds == ["sætning", "tal", "ukendt"]
    fixed = repair(answer, result)
    assert fixed is not None
    assert fixed.text == "Til videndeling er der afsat 600.000 kr. [1]"
    assert verify(fixed, docs).ok


def test_a_quote_that_is_not_verbatim_is_caught(docs: DocumentCache, bilag_id: str) -> None:
    cset = cited(docs, bilag_id, VIDENDELING)
    forged = cset.citations[0]
    forged.quote = "Der afsættes 6.000.000 kr. til dette."
    result = verify(Answer(text="Se kilden [1].", citations=[forged]), docs)
    assert not result.ok and not result.citations_verbatim
    assert repair(Answer(text="Se kilden [1].", citations=[forged]), result) is None


def test_citation_set_trims_reuses_and_refuses(docs: DocumentCache, bilag_id: str) -> None:
    text = docs.get(bilag_id).text
    start = text.index(VIDENDELING)
    cset = CitationSet(docs)
    n = cset.add(bilag_id, start - 1, start + len(VIDENDELING) + 1)  # whitespace around
    assert cset.citations[0].quote == VIDENDELING
    assert cset.add(bilag_id, start + 4, start + 10) == n  # inside an existing citation
    assert cset.citations[0].section == "BILAG 2 > Videndeling"
    with pytest.raises(ValueError):
        cset.add("no-such-document", 0, 10)
    with pytest.raises(ValueError):
        cset.add(bilag_id, start, start)


def test_a_tables_unit_cell_shown_from_its_quote_is_supported() -> None:
    """ "1.000 kr." heading a table's columns is its unit, which the amount reader does not
    count as an amount in the quote; shown as written, it is supported by that quote."""
    from assistant.verify import unsupported_numbers

    assert unsupported_numbers("1.000 kr. – 2026 – 2027 [1]", ["1.000 kr.\t2026\t2027"]) == []
    assert unsupported_numbers("2.000 kr. – 2026 [1]", ["1.000 kr.\t2026\t2027"]) == ["2.000 kr."]


def test_a_table_row_with_sentences_in_its_cells_is_supported_as_shown(tmp_path) -> None:
    """A hearing table's row shown as an answer's list item ("1 – Grundejerforeningen – Vejadgang
    … boligvej. Foreningen ønsker … – Nej [1]"): its sentences before the marker are copied
    from the quote with the cells apart by " – ", so they are supported. They were dropped as
    "sætning uden kilde", which left a list of column names alone."""
    from assistant.citations import display_text
    from tests.conftest import assistant_over

    row = (
        "1\tGrundejerforeningen Bøgelunden\tVejadgang via Bøgelunden giver 300 bilture i døgnet. "
        "Foreningen ønsker adgang fra Skovvænget.\tAdgang fra Bøgelunden fastholdes.\tNej"
    )
    text = (
        "Høringsnotat – lokalplan 231\n\nOversigt over høringssvar\n\n"
        f"Nr.\tAfsender\tResumé\tVurdering\tÆndring\n{row}\n"
    )
    assistant = assistant_over(tmp_path, {"hoeringsnotat.txt": text})
    doc_id = assistant.stores.registry.resolve("hoeringsnotat.txt")[0]["id"]
    cset = cited(assistant.docs, doc_id, row)
    answer = Answer(text=f"- {display_text(row)} [1]", citations=cset.citations)
    result = verify(answer, assistant.docs)
    assert result.ok, result.problems
