"""A later value in place of an earlier one (assistant/extractive/latest.py)."""

import datetime as dt

from assistant.extractive.latest import changed_values, stated_values
from tests.conftest import assistant_over


def test_a_month_moved_to_another_month_is_a_change_of_that_month() -> None:
    """ "planlagt til april 2030" is a value as "1. april 2030" is; a month is not its first
    day ("januar 2030" moved says nothing of "1. januar 2030")."""
    ref = dt.date(2030, 2, 12)
    changes = changed_values("Sandfodringen flyttes fra april 2030 til september 2030.", ref)
    assert changes == [((2030, 4), (2030, 9))]
    assert stated_values("Sandfodringen var planlagt til april 2030.", ref) == {(2030, 4)}
    assert (2030, 1) not in stated_values("Hun tiltræder 1. januar 2030.", ref)


def test_a_value_then_a_change_verb_with_til_is_a_change_of_that_value() -> None:
    """ "… foreslået til 1. januar 2028; efter høringen er datoen ændret til 1. august 2028":
    a revision that names the old value before its verb, without "fra … til"."""
    merger = (
        "I høringsudkastet var sammenlægningen foreslået til 1. januar 2028; efter høringen "
        "er datoen ændret til 1. august 2028."
    )
    assert changed_values(merger, None) == [(dt.date(2028, 1, 1), dt.date(2028, 8, 1))]
    estimate = "Overslaget var 18,5 mio. kr., men er efter projekteringen hævet til 21,0 mio. kr."
    assert changed_values(estimate, None) == [(18_500_000, 21_000_000)]
    # a verb with "til" that names a purpose changes nothing
    assert changed_values("Beløbet på 2 mio. kr. ændres til at dække driften.", None) == []


CAPACITY_PLAN_MD = """# Kapacitetsplan for dagtilbud 2026-2030

## 3.3 Lyngmose

Lyngmose-distriktet har et overskud på 42 pladser i 2030. I høringsudkastet var
sammenlægningen foreslået til 1. januar 2028; efter høringen er datoen ændret til
den 1. august 2028, så sammenlægningen følger overgangen til et nyt børnehaveår.
"""

REFERAT_MD = """# Børne- og Skoleudvalget – referat 3. februar 2026

## 418. Høring om kapacitetsplan for dagtilbud

Lyngmose Børnehave og Lyngmose Vuggestue sammenlægges til ét integreret dagtilbud
fra 1. januar 2028.
"""


def test_a_date_the_later_plan_changed_is_shown_with_the_change(tmp_path_factory) -> None:
    """The minutes' "fra 1. januar 2028" comes with the (undated) plan's "… ændret til 1.
    august 2028"."""
    unseen = assistant_over(
        tmp_path_factory.mktemp("merger-date"),
        {"bsu_referat_2026-02-03.md": REFERAT_MD, "kapacitetsplan_dagtilbud.md": CAPACITY_PLAN_MD},
    )
    answer = unseen.ask("Hvornår bliver børnehaven og vuggestuen i Lyngmose slået sammen?")
    assert "1. august" in answer.text, answer.text


STEERING_GROUP_MD = """# Styregruppen for Kystsamarbejdet – referat 12. februar 2030

## 3.2 Tidsplan for fase 1

Sandfodringen ved Rørvig Strand var planlagt til april 2030.
Miljøstyrelsen har i sin udtalelse peget på, at arbejdet ikke bør udføres i fuglenes yngleperiode.

## 3.3 Beslutning

Sandfodringen flyttes fra april 2030 til september 2030.
"""


def test_a_month_the_same_paper_moves_later_is_shown_with_the_plan(tmp_path_factory) -> None:
    """ "Hvornår … efter den seneste plan?": the planned month comes with the later line
    that moves it."""
    unseen = assistant_over(
        tmp_path_factory.mktemp("moved-month"), {"styregruppe_2030-02-12.md": STEERING_GROUP_MD}
    )
    answer = unseen.ask(
        "Hvornår skal sandfodringen ved Rørvig Strand udføres efter den seneste plan?"
    )
    assert "september 2030" in answer.text, answer.text


WINTER_SERVICE_MD = """# Teknik- og Miljøudvalget – referat 14. juni 2030

## 5. Budgetopfølgning – vintertjeneste

Ved budgetopfølgningen pr. 30. april 2030 blev merforbruget på vintertjenesten skønnet til
mellem 1,1 og 1,6 mio. kr. Efter opgørelsen af saltforbruget den 20. maj 2030 er skønnet
præciseret til 1,4 mio. kr.

Udvalget orienteres igen i september 2030.
"""


def test_the_next_sentence_giving_the_value_anew_is_shown_with_it(tmp_path_factory) -> None:
    """ "… skønnet til mellem 1,1 og 1,6 mio. kr. Efter … er skønnet præciseret til 1,4 mio.
    kr.": a revision without "fra … til" still replaces the value the best sentence states."""
    unseen = assistant_over(
        tmp_path_factory.mktemp("refined-estimate"), {"tmu_2030-06-14.md": WINTER_SERVICE_MD}
    )
    answer = unseen.ask("Hvad er det seneste skøn for merforbruget på vintertjenesten?")
    assert "1,4 mio. kr." in answer.text, answer.text
    assert "1,1 og 1,6 mio. kr." in answer.text, answer.text


OPERATING_BUDGET_MD = """# Budgetoverslag – drift af Medborgerhuset Skovly

Tabel 1. Driftsbudget (1.000 kr., 2026-priser)

| Post | 2027 | 2028 | 2029 |
|---|---|---|---|
| Energi (el, varme, vand) | 90 | 640 | 655 |
| Rengøring | 120 | 480 | 490 |

## Note om energi

Efter en ny beregning af solceller og varmepumpe nedjusteres energiudgiften fra 640.000 kr.
til 560.000 kr. i 2028.
"""


def test_a_table_cell_in_thousands_is_shown_with_the_note_that_changes_it(
    tmp_path_factory,
) -> None:
    """The cell "640" of a table in "1.000 kr." is 640.000 kr.: the note below that lowers
    "640.000 kr." to "560.000 kr." changes it, and is shown with the row."""
    unseen = assistant_over(
        tmp_path_factory.mktemp("table-unit"), {"budgetoverslag_skovly.md": OPERATING_BUDGET_MD}
    )
    answer = unseen.ask("Hvad regner man nu med, at el, varme og vand koster i 2028?")
    assert "560.000 kr." in answer.text, answer.text


def test_a_count_changed_from_one_number_to_another_is_a_change() -> None:
    """Deadlines in working days, heights, percentages and targets change as amounts do:
    "nedsættes fra 15 til 10 hverdage", "fra 10,0 m til 8,5 m"; a count is its own kind, so
    "15 hverdage" is never 15 kroner."""
    from assistant.extractive.latest import Count

    days = changed_values("Svarfristen nedsættes fra 15 til 10 hverdage.", None)
    assert days == [(15.0, 10.0)] and all(isinstance(v, Count) for v in days[0])
    assert changed_values("Bygningshøjden nedsættes fra 10,0 m til 8,5 m.", None) == [(10.0, 8.5)]
    assert changed_values("Antallet af pladser øges fra 1.100 til 1.200.", None) == [
        (1100.0, 1200.0)
    ]
    assert 15.0 in stated_values("Borgeren får svar inden for 15 hverdage.", None)
    # a period is no change, and a year is no count
    assert changed_values("Der er åbent fra 9 til 15 på hverdage.", None) == []
    assert not any(isinstance(v, Count) for v in stated_values("Planen gælder 2026.", None))


BOSTOETTE_MD = """# Referat – Social- og Sundhedsudvalget – 19. maj 2026

## 4. Kvalitetsstandard for socialpædagogisk bostøtte

### Sagsfremstilling

I udkastet til den nye standard er det fastsat, at en borger som udgangspunkt får svar på en
ansøgning om bostøtte inden for 15 hverdage. Omfanget af bostøtte fastsættes efter en
individuel vurdering.

### Indstilling

Forvaltningen indstiller, at kvalitetsstandarden sendes videre til Byrådet.

## 5. Kørsel til dagtilbud

Kommunen bevilger kørsel, hvis afstanden er mere end 6 km. Der kan også bevilges kørsel, hvis
vejen er trafikfarlig.

## 6. Busplan 2026

Den nye busplan gælder fra august. Antallet af ruter til kørsel af børn bliver reduceret fra 6
til 5, og køreplanen bliver tilpasset skolernes ringetider.
"""


PROTOKOL_MD = """# Beslutningsprotokol – Byrådet – 16. juni 2026

## 210. Kvalitetsstandard for socialpædagogisk bostøtte

Godkendt med den ændring, at svarfristen på en ansøgning om bostøtte nedsættes fra 15 til 10
hverdage.

## 211. Salg af grund på Møllevej

Godkendt.
"""


def test_a_decision_that_changes_a_count_is_shown_with_it(tmp_path_factory) -> None:
    """ "Hvor længe må en borger vente på svar …?": the draft's 15 working days comes with the
    decision that cut them to 10 (blind probe 70); a change of another count ("ruter … fra 6
    til 5") is not shown with "mere end 6 km" (blind probe 72)."""
    assistant = assistant_over(
        tmp_path_factory.mktemp("count-change"),
        {"ssu_referat_2026-05-19.md": BOSTOETTE_MD, "byraad_protokol_2026-06-16.md": PROTOKOL_MD},
    )
    answer = assistant.ask("Hvor længe må en borger vente på svar på en ansøgning om bostøtte?")
    assert "fra 15 til 10" in answer.text, answer.text
    distance = assistant.ask("Hvor langt skal man bo fra dagtilbuddet for at få kørsel?")
    assert "6 km" in distance.text and "ruter" not in distance.text, distance.text


COMMISSION_MD = """# Kommissorium – Røgfri Strandby 2030

Godkendt 2. februar 2026.

## 6. Tidsplan

Arbejdsgruppens handleplan for Røgfri Strandby 2030 forelægges udvalget den 1. september 2026.
"""

HEALTH_MINUTES_MD = """# Referat – Sundheds- og Forebyggelsesudvalget – 9. juni 2026

## Punkt 3: Status på Røgfri Strandby 2030

### Beslutning

Udvalget besluttede, at handleplanen for Røgfri Strandby 2030 først forelægges udvalget på
mødet den 3. november 2026, så erfaringerne fra pilotforløbet kan indgå.
"""


def test_a_planned_time_is_answered_by_the_later_paper_that_moved_it(tmp_path_factory) -> None:
    """ "Hvornår kommer handleplanen på udvalgets dagsorden?" asks the time as planned now: the
    June minutes that moved it answer first, not the February commission."""
    unseen = assistant_over(
        tmp_path_factory.mktemp("planned"),
        {
            "kommissorium_2026-02-02.md": COMMISSION_MD,
            "sfu_referat_2026-06-09.md": HEALTH_MINUTES_MD,
        },
    )
    answer = unseen.ask("Hvornår forelægges handleplanen for Røgfri Strandby 2030 for udvalget?")
    assert answer.citations[0].quote.count("3. november 2026") == 1, answer.text


SMOKE_FREE_MINUTES_MD = """# Referat – Sundheds- og Forebyggelsesudvalget – 9. juni 2026

## Punkt 4: Røgfri arbejdstid i Strandby Kommune

### Sagsfremstilling

Kommissoriet lægger op til, at der indføres røgfri arbejdstid for alle kommunens
medarbejdere fra 1. januar 2027. Røgfri arbejdstid betyder, at medarbejderne ikke må ryge i
arbejdstiden.

### Beslutning

Udvalget anbefaler, at røgfri arbejdstid indføres pr. 1. august 2027 efter ønske fra HovedMED.

## Punkt 5: Sundhedsbussen

### Beslutning

Forsøget forlænges til 1. marts 2027.
"""


def test_the_items_decision_stating_another_date_is_shown_with_the_case(tmp_path_factory) -> None:
    """The case text's "fra 1. januar 2027" comes with its own item's decision, "pr. 1. august
    2027", which moved it without saying "fra … til"; another item's decision does not."""
    unseen = assistant_over(
        tmp_path_factory.mktemp("decided-otherwise"),
        {"sfu_referat_2026-06-09.md": SMOKE_FREE_MINUTES_MD},
    )
    answer = unseen.ask("Hvornår bliver der indført røgfri arbejdstid for kommunens ansatte?")
    assert "1. august 2027" in answer.text, answer.text
    assert "1. marts 2027" not in answer.text, answer.text


_OWNER_SHARE_MD = """# Referat - Beredskabsudvalget - 2. juni 2031

## Punkt 4: Beredskab Vestkyst - budget 2032 og ejerbidrag

### Sagsfremstilling

Bestyrelsen for Beredskab Vestkyst har godkendt budget 2032 med en reduktion af
ejerbidraget. Tarmby Kommunes andel af ejerbidraget er 55 % svarende til 26.290.000 kr. i 2032.
I budgetforslaget før bestyrelsens ændring var Tarmby Kommunes andel 26.730.000 kr.

## Punkt 5: Lokaler til fællesskabsklassen

Der afsættes nu 2,6 mio. kr. i anlæg i 2032 til lokalerne mod oprindeligt 2,2 mio. kr.
Merudgiften på 0,4 mio. kr. til lokalerne er ikke finansieret.
"""


def test_the_value_after_a_change_is_not_the_one_marked_as_before_it(tmp_path_factory) -> None:
    """ "…, efter at bestyrelsen har ændret budgettet?" is answered by the share as it now is,
    not by the sentence that calls itself the figure "før bestyrelsens ændring"."""
    from tests.conftest import assistant_over

    unseen = assistant_over(tmp_path_factory.mktemp("before"), {"referat.md": _OWNER_SHARE_MD})
    answer = unseen.ask(
        "Hvad skal Tarmby Kommune betale til Beredskab Vestkyst i 2032, efter at bestyrelsen "
        "har ændret budgettet?"
    )
    assert answer.text.startswith("Tarmby Kommunes andel af ejerbidraget er 55 %"), answer.text
    # a sentence stating the value now beside the original one is no earlier value
    rooms = unseen.ask("Hvad koster lokalerne til fællesskabsklassen nu?")
    assert rooms.text.startswith("Der afsættes nu 2,6 mio. kr."), rooms.text
