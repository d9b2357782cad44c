"""A question about what happened at a meeting that the documents only announce."""

from __future__ import annotations

import pytest

from tests.conftest import assistant_over

MARCH = (
    "# Referat – Børne- og Ungeudvalget – 12. marts 2025\n\n"
    "## 6. Budgetopfølgning pr. 28. februar 2025\n\n"
    "Der forventes et merforbrug på eksterne specialtilbud.\n\n"
    "### Beslutning\n\nTaget til efterretning. Udvalget anmoder forvaltningen om at "
    "fremlægge en handleplan for specialområdet på mødet den 14. maj 2025.\n"
)
MAY = (
    "# Referat – Børne- og Ungeudvalget – 14. maj 2025\n\n"
    "## 3. Handleplan for specialområdet\n\n"
    "Handleplanen indeholder tre indsatser: tidlig opsporing, flere pladser i egne tilbud og "
    "et fælles visitationsudvalg.\n\n### Beslutning\n\nGodkendt.\n"
)
QUESTION = (
    "Hvad indeholdt handleplanen for specialområdet, som udvalget behandlede den 14. maj 2025?"
)


@pytest.fixture(scope="module")
def announced_only(tmp_path_factory: pytest.TempPathFactory):
    return assistant_over(tmp_path_factory.mktemp("announced"), {"buu_2025-03-12.md": MARCH})


def test_a_meeting_only_announced_is_no_answer_and_the_notice_says_why(announced_only) -> None:
    answer = announced_only.ask(QUESTION)
    assert answer.abstained, answer.text
    assert answer.notice and "14. maj 2025" in answer.notice and "planlagt" in answer.notice


def test_a_day_asked_without_its_year_is_the_announced_one(announced_only) -> None:
    """ "den 14. maj" is the day in the year the minutes announce it for."""
    answer = announced_only.ask(QUESTION.replace("14. maj 2025", "14. maj"))
    assert answer.abstained, answer.text
    assert answer.notice and "14. maj" in answer.notice and "planlagt" in answer.notice


def test_when_the_announced_meeting_is_to_be_held_is_still_answered(announced_only) -> None:
    answer = announced_only.ask("Hvornår skal handleplanen for specialområdet fremlægges?")
    assert not answer.abstained and "14. maj 2025" in answer.text, answer.text


def test_the_meetings_own_minutes_answer(tmp_path_factory: pytest.TempPathFactory) -> None:
    unseen = assistant_over(
        tmp_path_factory.mktemp("held"), {"buu_2025-03-12.md": MARCH, "buu_2025-05-14.md": MAY}
    )
    for question in (QUESTION, QUESTION.replace("14. maj 2025", "14. maj")):
        answer = unseen.ask(question)
        assert not answer.abstained and "tidlig opsporing" in answer.text, answer.text


def test_a_month_that_dates_the_matter_names_no_meeting(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """ "Fik vinterbaderne tilskud til deres festival i januar 2026?" dates the festival, not
    a meeting: the June minutes that refused the grant answer it (probe 94); a month of a
    question naming a meeting is still the meeting's."""
    june = (
        "# Referat – Erhvervs- og Turismeudvalget – 2. juni 2025\n\n"
        "## 36. Ansøgning om tilskud til Ravnsholt Vinterbadefestival\n\n"
        "Foreningen Ravnsholt Vinterbadere søger om 45.000 kr. til Ravnsholt "
        "Vinterbadefestival den 31. januar 2026.\n\n"
        "### Beslutning i Erhvervs- og Turismeudvalget den 2. juni 2025\n\n"
        "Afslået. Udvalget opfordrer foreningen til at søge igen til 2027.\n\n"
        "## 37. Vestkyst Gastro Week 2025\n\nForeningen Smag Vestkysten søger om 120.000 kr. "
        "til madfestivalen i oktober.\n\n"
        "### Beslutning i Erhvervs- og Turismeudvalget den 2. juni 2025\n\n"
        "Godkendt med den ændring, at tilskuddet udgør 100.000 kr.\n\n"
        "## 38. Autocamperpladser på Vestkajen\n\nForvaltningen foreslår en takst på 175 kr.\n\n"
        "### Beslutning i Erhvervs- og Turismeudvalget den 2. juni 2025\n\nGodkendt.\n"
    )
    unseen = assistant_over(tmp_path_factory.mktemp("festival"), {"referat.md": june})
    answer = unseen.ask("Fik vinterbaderne tilskud til deres festival i januar 2026?")
    assert not answer.abstained and "Afslået" in answer.text, answer.text
    answer = unseen.ask("Hvad besluttede udvalget om vinterbadefestivalen på mødet i januar 2026?")
    assert answer.abstained and answer.notice and "planlagt" in answer.notice, answer.text
