"""Lists that answer "hvilke …?" (assistant/extractive/lists.py), on documents written for
the tests."""

from tests.conftest import assistant_over

PROJECT_GROUP_MD = """# Projektgruppe for ny svømmehal i Tarmby – referat af møde 3. marts 2031

**Sted:** Tarmby Kulturhus
**Referent:** Lene Holm

## 2.1 Godkendelse af referat fra møde nr. 1

Referatet blev godkendt uden bemærkninger.

## 2.2 Økonomi

Den samlede anlægsramme er 62,5 mio. kr. Rådgiveren gennemgik fordelingen af rammen.

## 2.3 Tidsplan

Byggestart er planlagt til september 2031, og svømmehallen forventes taget i brug i 2033.

## 2.4 Risici

1. **Stigende stålpriser** – kan give et dyrere tilbud end budgetteret. *Sandsynlighed: høj.*
2. **Grundvand** – prøveboringerne viste højt grundvand; ekstra pumper koster 0,6 mio. kr.
   *Sandsynlighed: middel.*
3. **Fondsansøgning** – der er endnu ikke givet tilsagn fra fonden.
4. **Naboklager** over støj i byggeperioden.

## 2.5 Næste møde

Næste møde holdes den 7. april 2031.
"""


def test_a_sections_list_answers_what_its_heading_names_not_the_meetings_items(
    tmp_path_factory,
) -> None:
    """ "Hvilke risici …?" and a section "2.4 Risici" whose body is a numbered list of items
    of two sentences each: its items answer, not the meeting's items (one of them titled
    "Risici")."""
    unseen = assistant_over(
        tmp_path_factory.mktemp("risks"), {"projektgruppe_2031-03-03.md": PROJECT_GROUP_MD}
    )
    answer = unseen.ask("hvilke risici er nævnt i referatet?")
    assert "Stigende stålpriser" in answer.text, answer.text
    assert "Naboklager" in answer.text, answer.text
    assert "Godkendelse af referat" not in answer.text, answer.text


def test_the_meetings_items_still_answer_what_was_on_the_agenda(tmp_path_factory) -> None:
    """ "Hvilke punkter var på dagsordenen …?" is answered by the meeting's items."""
    unseen = assistant_over(
        tmp_path_factory.mktemp("agenda-items"), {"projektgruppe_2031-03-03.md": PROJECT_GROUP_MD}
    )
    answer = unseen.ask(
        "Hvilke punkter var på dagsordenen på projektgruppens møde den 3. marts 2031?"
    )
    assert "Godkendelse af referat" in answer.text and "Næste møde" in answer.text, answer.text
