"""Initials spelled out from the document's own participants line, or not at all."""

from __future__ import annotations

import pytest

from assistant.initials import _initials_of
from tests.conftest import assistant_over

MINUTES = """# Referat: projektgruppemøde om varmestyring

## Deltagere

| Kommune | Navn | Initialer |
|---|---|---|
| Silkeborg Kommune | Projektleder, Jesper Buchhardt | JB |
| Aarhus Kommune | Jakob Hovgaard Kaiser | JK |
| Kolding Kommune | Jonas Kragh | JK2 |

## Økonomi

JB er ansvarlig for projektets økonomi og rapporterer kvartalsvis til styregruppen.

## Indkøb

MT undersøger markedet for sensorer og vender tilbage på næste møde.
"""

AMBIGUOUS = """# Referat: koordinationsgruppen

## Deltagere

- Kommune A, Anne Hansen, AH
- Kommune B, Anders Holm, AH

## Kommunikation

AH står for nyhedsbrevet til alle medlemskommuner fremover.
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("initials")
    return assistant_over(root, {"referat.md": MINUTES, "koordination.md": AMBIGUOUS})


def test_initials_are_read_from_every_word_or_first_and_last() -> None:
    assert _initials_of("Jakob Hovgaard Kaiser") == {"JHK", "JK"}
    assert _initials_of("Jesper Buchhardt") == {"JB"}


def test_a_who_answer_names_the_person_behind_the_initials(assistant) -> None:
    answer = assistant.ask("Hvem er ansvarlig for økonomien i projektet om varmestyring?")
    assert "JB er ansvarlig for projektets økonomi" in answer.text
    assert "JB: Silkeborg Kommune, Projektleder, Jesper Buchhardt [" in answer.text
    cited = [c.quote for c in answer.citations]
    assert "Silkeborg Kommune\tProjektleder, Jesper Buchhardt" in cited


def test_initials_nobody_or_two_people_could_be_are_left_alone(assistant) -> None:
    unknown = assistant.ask("Hvem undersøger markedet for sensorer?")
    assert "MT undersøger markedet" in unknown.text
    assert "MT:" not in unknown.text
    ambiguous = assistant.ask("Hvem står for nyhedsbrevet til medlemskommunerne?")
    assert "AH står for nyhedsbrevet" in ambiguous.text
    assert "AH:" not in ambiguous.text


def test_only_who_questions_get_the_name(assistant) -> None:
    answer = assistant.ask("Hvor ofte rapporteres der om projektets økonomi?")
    assert "JB er ansvarlig" in answer.text
    assert "JB:" not in answer.text
