"""Numbered stages named by a question and by a sentence."""

from assistant.stages import names_other_stage


def test_a_stage_is_named_by_its_noun_and_number() -> None:
    question = "Hvad koster etape 3 af cykelstien?"
    assert names_other_stage(question, "Etape 2 af cykelstien koster 8,6 mio. kr.")
    assert not names_other_stage(question, "Etape 2 og etape 3 koster i alt 15 mio. kr.")
    assert not names_other_stage(question, "Cykelstien koster 15 mio. kr.")  # no stage named
    assert names_other_stage("Hvad indeholder fase 2?", "I fasen 1 udvikles en prototype.")
    assert not names_other_stage("Hvad kan version 1.0?", "Version 1.0 beregner tab.")


def test_a_numbered_zone_is_a_near_miss_too() -> None:
    """ "Hvad betaler en ejendom i zone 2?" is not answered by zone 1's contribution."""
    question = "Hvor meget skal en ejendom i zone 2 betale om året?"
    assert names_other_stage(question, "En ejendom i zone 1 vil betale ca. 2.200 kr. om året.")
    assert not names_other_stage(question, "I zone 2 betaler en ejendom 1.100 kr. om året.")


def test_a_stage_named_by_its_ordinal_is_the_same_stage() -> None:
    """ "Hvad er prisen på anden etape af diget?" is not answered by the row of "dige, etape
    1", and "2. etape" is "etape 2"."""
    question = "Hvad er prisen på anden etape af diget?"
    assert names_other_stage(question, "Kystsikring Strandby Nord – dige, etape 1 – 24.500")
    assert not names_other_stage(question, "Diget, etape 2, anslås til 18 mio. kr.")
    assert not names_other_stage("Hvad koster 2. etape?", "Etape 2 koster 8,6 mio. kr.")
    assert names_other_stage("Hvad koster første fase?", "Fase 2 koster 3 mio. kr.")


def test_a_coded_part_is_named_by_its_prefix_and_number() -> None:
    """ "T5" and "T1" are two measures of one plan, "BU-07" and "BU-02" two initiatives."""
    question = "Hvor meget skal forsyningen betale af skybrudsledningen på Kirkebakken (T5)?"
    assert names_other_stage(question, "For T1 vil forsyningens andel stige til 18,7 mio. kr.")
    assert not names_other_stage(question, "T5 Skybrudsledning Kirkebakken koster 31 mio. kr.")
    assert names_other_stage("Hvad koster BU-07?", "Initiativ BU-02 koster 1,1 mio. kr.")
    assert not names_other_stage("Hvad er målet for CO2?", "CO2-udledningen skal falde 70 %.")
    assert not names_other_stage("Hvad koster T2?", "Det koster 3,5 mio. kr. i 2026.")


def test_a_sibling_of_the_asked_part_is_a_near_miss() -> None:
    """ "Egelund afdeling" is a sibling of "Vestermølle afdeling", "Område Syd" of "Område
    Nord", "Bakkeskov Musikforening" of "Bakkeskov Kunstforening"; a text naming the asked
    one, or no sibling, is no near miss."""
    from assistant.stages import names_sibling

    question = "Hvad koster ombygningen af Vestermølle afdeling ved samdriften?"
    said = "Udgiften til ombygning af faglokaler på Egelund afdeling er skønnet til 4,5 mio. kr."
    assert names_sibling(question, said)
    assert not names_sibling(question, said + " Vestermølle afdeling ombygges for 2 mio. kr.")
    assert not names_sibling(question, "Ombygningen er skønnet til 4,5 mio. kr.")
    assert names_sibling("Hvem fik kørslen i Område Nord?", "Område Syd gik til Busselskabet.")
    assert names_sibling(
        "Hvor stor en underskudsgaranti fik Bakkeskov Kunstforening?",
        "Bakkeskov Musikforening gives en underskudsgaranti på 120.000 kr.",
    )
    # a text under a title naming the asked part is about it ("… til Havnbjerg Skole")
    letter = "Høringssvar fra skolebestyrelsen ved Skovlund Skole"
    asked = "Hvor mange elever berøres af forslaget om at flytte udskolingen fra Skovlund Skole?"
    moved = "Forslaget vil betyde, at 118 elever skal transporteres til Havnbjerg Skole."
    assert names_sibling(asked, moved) and not names_sibling(asked, moved, letter)
    # a verb before a name is no kind of it: "stemte Jonas Kragh" for "Hvordan stemte …?"
    assert not names_sibling(
        "Hvordan stemte Klima- og Miljøudvalget om gebyret?",
        "For indstillingen stemte Jonas Kragh (A) og Birgitte Lund (V).",
    )
    # a capitalised word opening a sentence is no name: "Der iværksættes …"
    assert not names_sibling(
        "Hvor mange LEAN-projekter iværksættes der?", "Der iværksættes 12 projekter."
    )


def test_a_compound_with_a_capital_first_part_is_no_name() -> None:
    """ "Blev Flextur-taksterne hævet …?" names no part "Flextur-taksterne" of a kind "hævet",
    so the recommendation's "… for Flextur hæves …" is no sibling of it (probe 96)."""
    from assistant.stages import names_sibling

    question = "Blev Flextur-taksterne hævet, som forvaltningen foreslog?"
    said = (
        "Godkendt med den ændring, at minimumstaksten fastsættes til 33 kr. Direktøren "
        "indstiller, at minimumstaksten for Flextur hæves fra 30 kr. til 35 kr."
    )
    assert not names_sibling(question, said)
    assert names_sibling(
        "Hvad koster Vestermølle afdeling?", "Prisen for Egelund afdeling er 4 mio."
    )
