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
