"""Two-part questions on a real document of the development set (../shared/devset): a later
part is keyed by its own words. Skipped with a reason when the development set is absent (its
files are never copied into the repository)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

DEVSET = Path(__file__).resolve().parents[2].parent / "shared" / "devset" / "corpus"
DOC = "greve_social-handicap_2024-02-05.pdf"
pytestmark = pytest.mark.skipif(
    not (DEVSET / DOC).exists(), reason="development set not present at ../shared/devset"
)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory):
    from assistant.answer import Assistant
    from ingest.pipeline import Ingestor
    from tests.conftest import make_settings

    folder = tmp_path_factory.mktemp("parts-real")
    shutil.copy(DEVSET / DOC, folder / DOC)
    settings = make_settings(tmp_path_factory.mktemp("parts-real-data"))
    assert not Ingestor(settings).ingest_paths([folder]).failed
    return Assistant.from_settings(settings)


def test_a_later_part_is_keyed_by_its_own_words(assistant) -> None:
    """ "…, og hvad er prisen pr. plads?": the price per place, in the item's section "Udgift i
    Dahliahuset". The first part's rarest word ("multihandicappede", said only in the
    section on the target group) is the later part's context, not a word its answer's section
    must repeat (it had abstained since the PDF's section headings are read)."""
    answer = assistant.ask(
        "Hvad forventes et botilbud for unge multihandicappede i Dahliahuset at koste i drift, "
        "og hvad er prisen pr. plads?"
    )
    assert not answer.abstained, answer.text
    assert "2,5 mio. kr. årligt pr. plads" in answer.text, answer.text
