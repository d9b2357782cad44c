"""Numbered stages named by a question and by a sentence."""

from assistant.stages import names_other_stage


def test_a_stage_is_named_by_its_noun_and_number() -> None:
    question = "Hvad koster etape 3 af cykelstien?"
    assert names_other_stage(question, "Etape 2 af cykelstien koster 8,6 mio. kr.")
    assert not names_other_stage(question, "Etape 2 og etape 3 koster i alt 15 mio. kr.")
    assert not names_other_stage(question, "Cykelstien koster 15 mio. kr.")  # no stage named
    assert names_other_stage("Hvad indeholder fase 2?", "I fasen 1 udvikles en prototype.")
    assert not names_other_stage("Hvad kan version 1.0?", "Version 1.0 beregner tab.")
