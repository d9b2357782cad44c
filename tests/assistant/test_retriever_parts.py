"""A two-part question on real documents of the development set (../shared/devset): each
part is searched on its own, and the passage that answers a part gets a place in the top 5.
Skipped with a reason when the development set is absent (its files are never copied into the
repository)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant.retriever import FusionConfig, HybridRetriever

DEVSET = Path(__file__).resolve().parents[2].parent / "shared" / "devset" / "corpus"
PROPOSAL = "os2_forslag_governance_faelleskomponenter.md"
ANNEX = "os2_bilag_b_komponentforvalter.md"
REPORT = "svendborg_dokumentationsrapport_dk2020.pdf"
ERROR_NOTE = "svendborg_notat_fejl_havvandsoversvoemmelseskort.pdf"
pytestmark = pytest.mark.skipif(
    not all((DEVSET / name).exists() for name in (PROPOSAL, ANNEX, REPORT, ERROR_NOTE)),
    reason="development set not present at ../shared/devset",
)


def _stores(tmp_path_factory: pytest.TempPathFactory, *names: str):
    from ingest.pipeline import Ingestor
    from tests.conftest import make_settings

    folder = tmp_path_factory.mktemp("docs")
    for name in names:
        shutil.copy(DEVSET / name, folder / name)
    ingestor = Ingestor(make_settings(tmp_path_factory.mktemp("data")))
    assert not ingestor.ingest_paths([folder]).failed
    return ingestor.stores


@pytest.fixture(scope="module")
def governance_stores(tmp_path_factory: pytest.TempPathFactory):
    return _stores(tmp_path_factory, PROPOSAL, ANNEX)


@pytest.fixture(scope="module")
def flood_stores(tmp_path_factory: pytest.TempPathFactory):
    return _stores(tmp_path_factory, REPORT, ERROR_NOTE)


def _without_and_with_parts(stores, question: str):
    """The question's top passages with the part searches off, and with them on."""
    without = HybridRetriever(stores, FusionConfig(part_place=0)).search(question)
    return without, HybridRetriever(stores).search(question)


def test_the_later_part_s_passage_gets_a_place_in_the_top_5(governance_stores) -> None:
    """The role's passages fill the top 5; the monthly cost ("2.6 Økonomisk ramme", which
    covers the second part and little of the first) would come sixth."""
    question = (
        "Hvilken rolle skal ifølge governance-forslaget sikre leverandørneutrale "
        "fælleskomponenter, og hvad er den månedlige omkostning til rollen?"
    )
    cost = "Baseret på timepris for en staff softwarekonsulent der kender kodebasen"
    role = "Komponent-forvalteren må ikke repræsentere en specifik leverandørs interesser."
    without, hits = _without_and_with_parts(governance_stores, question)
    assert not any(cost in h.text for h in without[:5])
    assert any(cost in h.text for h in hits[:5])
    assert any(role in h.text for h in hits[:5])  # the first part keeps its passage
    assert hits[:4] == without[:4]  # only the fifth place changes


def test_a_part_answered_in_another_document_gets_a_place_in_the_top_5(flood_stores) -> None:
    """The flood height is in the DK2020 report; the projects that the map error hit are in
    a note, whose passage the whole question, mostly about the flood, ranks seventh."""
    question = (
        "Hvor høj er stormflodsoversvømmelsen ved en 100-årshændelse i år 2100 i Svendborg, "
        "og hvilke projekter er ramt af fejlen i havvandskortene?"
    )
    projects = "beregninger i projekterne DK2020 og Fremtidens Havn"
    height = "vil resultere i en oversvømmelse på 2.4 meter"
    without, hits = _without_and_with_parts(flood_stores, question)
    assert not any(projects in " ".join(h.text.split()) for h in without[:5])
    assert any(projects in " ".join(h.text.split()) for h in hits[:5])
    assert any(height in " ".join(h.text.split()) for h in hits[:10])


def test_a_one_part_question_is_not_reordered_by_parts(governance_stores) -> None:
    question = "Hvad er den månedlige omkostning til komponent-forvalteren?"
    without = HybridRetriever(governance_stores, FusionConfig(part_place=0)).search(question)
    assert HybridRetriever(governance_stores).search(question) == without
