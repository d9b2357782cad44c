"""List answers on real documents of the development set (../shared/devset): a card grid of
roles, an agenda item's sub-items, and a sentence that names what "Hvilke X" asks for.
Skipped with a reason when the development set is absent (its files are never copied into
the repository)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

DEVSET = Path(__file__).resolve().parents[3].parent / "shared" / "devset" / "corpus"
DOCS = (
    "os2_bilag_kodeplatform_bestyrelse.html",
    "os2-referat-koordinationsgruppe-2026-06-01.md",
    "greve_beskaeftigelse-erhverv_2025-01-06.html",
)
pytestmark = pytest.mark.skipif(
    not all((DEVSET / name).exists() for name in DOCS),
    reason="development set not present at ../shared/devset",
)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory):
    from assistant.answer import Assistant
    from ingest.pipeline import Ingestor
    from tests.conftest import make_settings

    folder = tmp_path_factory.mktemp("lists-real")
    for name in DOCS:
        shutil.copy(DEVSET / name, folder / name)
    settings = make_settings(tmp_path_factory.mktemp("lists-real-data"))
    assert not Ingestor(settings).ingest_paths([folder]).failed
    return Assistant.from_settings(settings)


def test_a_card_grid_of_roles_answers_which_capabilities_and_who(assistant) -> None:
    answer = assistant.ask(
        "Hvilke kapabiliteter skal dækkes for at drive en samarbejdsplatform, og hvem skal "
        "dække dem?"
    )
    for row in ("Platform drift – Driftsansvarlige", "Identitetsstyring – IAM-konsulenter",
                "Dokumentation – Tekniske redaktører"):  # fmt: skip
        assert row in answer.text, answer.text
    # every card starts with its label: the first card is a row like the others, not the
    # grid's column names
    assert "- Kapabilitet – Platform drift – Driftsansvarlige [" in answer.text, answer.text


def test_the_themes_of_a_meeting_are_its_agenda_items_sub_items(assistant) -> None:
    answer = assistant.ask(
        "Hvilke temaer stod på dagsordenen til koordinationsgruppens møde den 1. juni 2026?"
    )
    assert answer.text.startswith("2. Temaer for dagens møde ["), answer.text
    assert "- 2.4 Status på prototypeudvikling og testserver i Sønderborg" in answer.text
    assert "3.1" not in answer.text, answer.text  # the next agenda item is no theme


def test_a_list_not_naming_the_asked_subjects_weighs_less_when_the_best_sentence_does(
    assistant,
) -> None:
    """ "Hvilke fag …?": the lettered list "Ved afslutningen efter 9. klassetrin skal
    eleven:" names no "fag" in its intro; beside a best sentence that does ("… undervisning
    i andre fag") it scores LISTED_NOUN_BONUS less than beside one that does not, which on
    the development set lets the sentences answer."""
    from assistant.extractive.lists import LISTED_NOUN_BONUS
    from assistant.extractive.model import Candidate

    question = "Hvilke fag skal elever i juniormesterlære undervises i?"
    (doc,) = [d for d in assistant.docs.registry.list_documents() if "beskaeftigelse" in str(d)]
    view = assistant.docs.get(doc["id"])
    extractive = assistant.extractive
    groups = extractive.stats.refresh().groups(question)
    hits = assistant.retriever.search(question)

    def listing_beside(opening: str):
        index, s = next((i, s) for i, s in enumerate(view.sentences) if s.text.startswith(opening))
        best = Candidate(view.id, s.start, s.end, s.text, index)
        return extractive.lists.best_list(question, groups, hits, best)

    naming = listing_beside("Skolens leder kan beslutte")  # "… undervisning i andre fag."
    plain = listing_beside("Eleven træffer sammen med forældrene")
    assert (
        naming.intro.text == plain.intro.text == "Ved afslutningen efter 9. klassetrin skal eleven:"
    )
    assert naming.score == pytest.approx(plain.score - LISTED_NOUN_BONUS)
