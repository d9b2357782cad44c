"""Which supplier won or was chosen, or which firm does a job: only a passage naming one answers."""

from __future__ import annotations

import pytest

from assistant.winner import asks_firm, asks_winner, names_firm, names_winner
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


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("Hvilket rekrutteringsbureau bruger kommunen til at finde sygeplejersker?", True),
        ("Hvilken entreprenør udfører separatkloakeringen i Østervang?", True),
        ("Hvilken leverandør skal levere armaturerne til etape 2?", True),
        ("Hvilke firmaer bød på renoveringen?", False),
        ("Hvilken afdeling har ansvaret for puljen?", False),
    ],
)
def test_asks_firm(question: str, asks: bool) -> None:
    assert asks_firm(question) is asks


def test_a_firm_is_named_by_its_form_an_acronym_or_a_name_in_running_text() -> None:
    question = "Hvilken rådgiver skal udarbejde analysen af LED-belysningen?"
    assert names_firm(question, ["Analysen udarbejdes af Nordvang Rådgivende A/S."], [True])
    assert names_firm(question, ["Kommunen har indgået aftale med COWI om analysen."], [True])
    assert names_firm(question, ["Analysen udarbejdes af Rambøll."], [True])
    # an unnamed role, a compound's acronym, or names of people and places in a table row
    assert not names_firm(question, ["Analysen laves med en ekstern rådgiver."], [True])
    assert not names_firm(question, ["Krav om DGNB-certificering og LED-armaturer."], [True])
    assert not names_firm(question, ["Vej og Park, Thomas Bech"], [False])


STAFFING = (
    "# Notat – rekruttering af sygeplejersker, Strandby Kommune\n\n"
    "Kommunen rekrutterer sygeplejersker fra andre EU/EØS-lande i samarbejde med et "
    "rekrutteringsbureau. Sygeplejerskerne tilbydes danskundervisning i seks måneder før "
    "ansættelse.\n"
)


def test_a_firm_asked_of_a_note_that_names_none_is_no_answer(tmp_path_factory) -> None:
    unseen = assistant_over(tmp_path_factory.mktemp("firm"), {"notat.md": STAFFING})
    assert not unseen.ask("Hvordan rekrutterer kommunen sygeplejersker?").abstained
    answer = unseen.ask("Hvilket rekrutteringsbureau bruger kommunen til at finde sygeplejersker?")
    assert answer.abstained, answer.text


TENDER_MEMO_TXT = """Udbudsnotat: Fælles bookingsystem

1. Formål og baggrund

Bestyrelsen besluttede den 18. september 2031 at gennemføre et fælles udbud af et
bookingsystem. Udbuddet blev gennemført som et offentligt udbud med fire tilbudsgivere.

2. Resultat

Efter evalueringen blev kontrakten tildelt Havblik Systems A/S, som afgav det økonomisk mest
fordelagtige tilbud.

3. Kontaktperson

Fjordby Kommune, Indkøb og Udbud (Camilla Rytter)
"""


def test_who_won_is_answered_by_the_sentence_naming_the_chosen_firm(tmp_path_factory) -> None:
    """ "Hvem vandt udbuddet af bookingsystemet?": the sentence that states the award and
    names the firm answers, not the tender's contact line (which then failed the winner
    check and left the question unanswered)."""
    unseen = assistant_over(tmp_path_factory.mktemp("won"), {"udbudsnotat.txt": TENDER_MEMO_TXT})
    answer = unseen.ask("Hvem vandt udbuddet af bookingsystemet?")
    assert not answer.abstained and "Havblik Systems A/S" in answer.text, answer.text
