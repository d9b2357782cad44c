"""Where and when a sentence is about (assistant/extractive/places.py)."""

from assistant.extractive.places import amount_years


def test_an_amounts_year_is_the_one_written_beside_it() -> None:
    """A budget period named elsewhere in the sentence ("for 2026-2029") is not the year of
    its amount ("4,5 mio. kr. i 2028"), written after it or just before it."""
    assert amount_years(
        "Merbehovet på 4,5 mio. kr. i 2028 indgår i budgetforhandlingerne for 2026-2029."
    ) == {2028}
    assert amount_years(
        "I kommunens budget 2025-2028 er der i overslagsåret 2026 afsat 27.950.000 kr."
    ) == {2026}
    assert amount_years("Der er afsat 1,2 mio. kr. i 2025 og 2,3 mio. kr. i 2026.") == {2025, 2026}
    assert amount_years("Der er 2,0 mio. kr. for 2026-2027 til drift.") == {2026, 2027}
    # an amount without its year beside it says nothing of the year
    assert amount_years("Der er afsat 1,2 mio. kr. til skolevejen, som anlægges i 2025.") == set()


def test_a_price_level_is_no_year_of_the_figure() -> None:
    """ "fastholdes på 2025-niveau, 610 kr." and "(2025-pl)" name the prices' level, not
    the year the figure is for: a decision on the 2026 rates is no near miss of "… for 2026?"
    (probe 97)."""
    from assistant.extractive.places import years_named

    assert years_named("Taksten fastholdes på 2025-niveau, 610 kr. pr. måned.") == set()
    assert years_named("Beløb i 1.000 kr. (2025-pl) for 2026") == {2026}
