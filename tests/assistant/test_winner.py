"""Which supplier won or was chosen: only a passage naming a choice answers."""

from __future__ import annotations

import pytest

from assistant.winner import asks_winner, names_winner
from tests.conftest import assistant_over


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("Hvilken entreprenør har vundet udbuddet om grødeskæring?", True),
        ("Hvilken leverandør blev valgt til den nye forældre-app?", True),
        ("Hvem vandt udbuddet af skolebuskørslen?", True),
        ("Hvilke firmaer bød på renoveringen, og hvad bød de?", False),
        ("Hvem har ansvaret for forsøget, og hvornår er leverandøren fundet?", False),
    ],
)
def test_asks_winner(question: str, asks: bool) -> None:
    assert asks_winner(question) is asks


def test_a_named_choice_is_a_winner_and_a_timetable_line_is_not() -> None:
    question = "Hvilken totalentreprenør har vundet udbuddet af den nye daginstitution?"
    assert names_winner(question, ["Kontrakten er indgået med Vang & Søn A/S."])
    assert names_winner(question, ["Udvalget valgte tilbuddet fra Fjordbyg."])
    assert not names_winner(question, ["Udbud i totalentreprise", "Kontrakt med totalentreprenør"])
    assert not names_winner(
        question, ["Styregruppen besluttede at igangsætte en pilot i Mølleby og Stenå."]
    )


PLAN = (
    "# Kommissorium – ny daginstitution i Nørre Fjordby\n\n## Tidsplan\n\n"
    "| Milepæl | Tidspunkt |\n|---|---|\n| Udbud i totalentreprise | Uge 38, 2026 |\n"
    "| Kontrakt med totalentreprenør | Uge 48, 2026 |\n"
)
DECIDED = (
    "# Referat – Børne- og Skoleudvalget – 8. december 2026\n\n"
    "## 4. Ny daginstitution i Nørre Fjordby – resultat af udbud\n\n"
    "Udbuddet af den nye daginstitution i totalentreprise er afsluttet. Kontrakten er indgået "
    "med Fjordbyg ApS, der afgav det økonomisk mest fordelagtige tilbud.\n"
)
QUESTION = "Hvilken totalentreprenør har vundet udbuddet af den nye daginstitution?"


def test_a_tender_only_planned_names_no_winner(tmp_path_factory) -> None:
    unseen = assistant_over(tmp_path_factory.mktemp("planned"), {"kommissorium.md": PLAN})
    answer = unseen.ask(QUESTION)
    assert answer.abstained, answer.text


def test_the_minutes_that_name_the_contractor_answer(tmp_path_factory) -> None:
    unseen = assistant_over(
        tmp_path_factory.mktemp("decided"),
        {"kommissorium.md": PLAN, "bsu_referat_2026-12-08.md": DECIDED},
    )
    answer = unseen.ask(QUESTION)
    assert not answer.abstained and "Fjordbyg ApS" in answer.text, answer.text
