"""A two-part question on real documents of the development set (../shared/devset): the
passage that answers the later part gets a place in the top 5. Skipped with a reason when the
development set is absent (its files are never copied into the repository)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant.retriever import FusionConfig, HybridRetriever

DEVSET = Path(__file__).resolve().parents[2].parent / "shared" / "devset" / "corpus"
PROPOSAL = "os2_forslag_governance_faelleskomponenter.md"
ANNEX = "os2_bilag_b_komponentforvalter.md"
pytestmark = pytest.mark.skipif(
    not (DEVSET / PROPOSAL).exists() or not (DEVSET / ANNEX).exists(),
    reason="development set not present at ../shared/devset",
)


@pytest.fixture(scope="module")
def governance_stores(tmp_path_factory: pytest.TempPathFactory):
    from ingest.pipeline import Ingestor
    from tests.conftest import make_settings

    folder = tmp_path_factory.mktemp("governance")
    for name in (PROPOSAL, ANNEX):
        shutil.copy(DEVSET / name, folder / name)
    ingestor = Ingestor(make_settings(tmp_path_factory.mktemp("governance-data")))
    assert not ingestor.ingest_paths([folder]).failed
    return ingestor.stores


def test_the_later_part_s_passage_gets_a_place_in_the_top_5(governance_stores) -> None:
    """The role's passages fill the top 5; the monthly cost ("2.6 Økonomisk ramme", which
    covers the second part and little of the first) would come sixth."""
    question = (
        "Hvilken rolle skal ifølge governance-forslaget sikre leverandørneutrale "
        "fælleskomponenter, og hvad er den månedlige omkostning til rollen?"
    )
    cost = "Baseret på timepris for en staff softwarekonsulent der kender kodebasen"
    role = "Komponent-forvalteren må ikke repræsentere en specifik leverandørs interesser."
    without = HybridRetriever(governance_stores, FusionConfig(part_place=0)).search(question)
    hits = HybridRetriever(governance_stores).search(question)
    assert not any(cost in h.text for h in without[:5])
    assert any(cost in h.text for h in hits[:5])
    assert any(role in h.text for h in hits[:5])  # the first part keeps its passage
    assert hits[:4] == without[:4]  # only the fifth place changes
    assert sorted(h.chunk_id for h in hits) == sorted(h.chunk_id for h in without)


def test_a_one_part_question_is_not_reordered_by_parts(governance_stores) -> None:
    question = "Hvad er den månedlige omkostning til komponent-forvalteren?"
    without = HybridRetriever(governance_stores, FusionConfig(part_place=0)).search(question)
    assert HybridRetriever(governance_stores).search(question) == without
