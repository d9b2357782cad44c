"""Follow-up questions made standalone by the heuristic (no LLM)."""

from __future__ import annotations

from assistant.conversation import condense, condense_heuristic, stands_alone


def turns(*pairs: tuple[str, str]) -> list[dict[str, str]]:
    out = []
    for question, answer in pairs:
        out += [{"role": "user", "content": question}, {"role": "assistant", "content": answer}]
    return out


BUDGET = turns(
    ("Hvor meget blev der afsat til videndeling?", "Til videndeling er der afsat 600.000 kr. [1].")
)


def test_new_topic_in_the_same_frame() -> None:
    assert (
        condense_heuristic("Og hvad med LEAN-projektet?", BUDGET)
        == "Hvor meget blev der afsat til LEAN-projektet?"
    )
    assert (
        condense_heuristic("Hvad med personlig og faglig opkvalificering?", BUDGET)
        == "Hvor meget blev der afsat til personlig og faglig opkvalificering?"
    )
    assert (
        condense_heuristic("What about the evaluation?", BUDGET)
        == "Hvor meget blev der afsat til the evaluation?"
    )


def test_preposition_of_the_new_topic_replaces_the_old_one() -> None:
    assert (
        condense_heuristic("Og til evalueringen?", BUDGET)
        == "Hvor meget blev der afsat til evalueringen?"
    )


def test_a_qualifier_keeps_the_topic() -> None:
    assert condense_heuristic("Og i 2007?", BUDGET) == (
        "Hvor meget blev der afsat til videndeling i 2007?"
    )


def test_pronoun_gets_the_previous_topic() -> None:
    history = turns(("Hvad skal der ske med handleplanen efter APV'en?", "Den skal godkendes [1]."))
    assert (
        condense_heuristic("Hvornår skal den være godkendt?", history)
        == "Hvornår skal handleplanen efter APV'en være godkendt?"
    )


def test_standalone_question_is_left_alone() -> None:
    question = "Hvornår blev APV gennemført i Afdeling for Børn og Familie?"
    assert condense_heuristic(question, BUDGET) == question
    assert condense(question, []) == question


def test_llm_failure_falls_back_to_the_heuristic() -> None:
    class Broken:
        def chat(self, messages):  # noqa: ANN001, ANN201
            raise ConnectionError("model down")

    assert condense("Og hvad med LEAN-projektet?", BUDGET, llm=Broken()) == (
        "Hvor meget blev der afsat til LEAN-projektet?"
    )


def test_llm_rewrite_is_used_when_available() -> None:
    class Rewriter:
        def chat(self, messages):  # noqa: ANN001, ANN201
            assert "LEAN-projektet" in messages[-1]["content"]
            assert "videndeling" in messages[-1]["content"]
            return "Hvor meget blev der afsat til LEAN-projektet?\n"

    assert condense("Og hvad med LEAN-projektet?", BUDGET, llm=Rewriter()) == (
        "Hvor meget blev der afsat til LEAN-projektet?"
    )


def test_a_full_question_after_another_topic_is_asked_as_it_is() -> None:
    """The widget case: a standalone list question after a budget answer is not narrowed."""
    assert (
        condense_heuristic("Hvilke opfølgninger mangler stadig?", BUDGET)
        == "Hvilke opfølgninger mangler stadig?"
    )
    question = "Hvad besluttede byrådet om budgettet for 2027?"
    assert condense_heuristic(question, BUDGET) == question


def test_elliptical_follow_ups_get_the_previous_question() -> None:
    assert condense_heuristic("og i 2027?", BUDGET) == (
        "Hvor meget blev der afsat til videndeling i 2027?"
    )
    assert condense_heuristic("Hvem betaler?", BUDGET) == "Hvem betaler (videndeling)?"
    anden = condense_heuristic("hvad med den anden?", BUDGET)
    assert anden != "hvad med den anden?" and "afsat" in anden


def test_a_chain_of_follow_ups_keeps_the_first_questions_topic() -> None:
    """ "Og hvem betaler?" after "Hvornår skal den være færdig?" (itself about the library's
    renovation) is about the renovation: the previous question is read standalone first."""
    history = [
        {"role": "user", "content": "Hvad koster renoveringen af Odense Hovedbibliotek?"},
        {"role": "assistant", "content": "18,4 mio. kr. [1]"},
        {"role": "user", "content": "Hvornår skal den være færdig?"},
        {"role": "assistant", "content": "I 2025. [1]"},
    ]
    condensed = condense_heuristic("Og hvem betaler?", history)
    assert "renoveringen af Odense Hovedbibliotek" in condensed, condensed


def test_a_later_part_stands_alone_unless_it_leans_on_the_first() -> None:
    """The parts of a two-part question: one that names its own subject can be searched on
    its own; one that points back ("det", "de") or says almost nothing cannot."""
    first = "Hvilken af de målte adresser ved Giber Ringvej havde det højeste støjniveau"
    assert not stands_alone("hvor højt var det?", first)
    assert not stands_alone("hvad har de kostet?", "Hvor mange støjvolde blev der lavet")
    assert stands_alone("Hvad koster et open source-hackaton?", "Hvad koster et snakkathon?")
    assert stands_alone(
        "hvilke projekter er ramt af fejlen i havvandskortene?",
        "Hvor høj er stormflodsoversvømmelsen ved en 100-årshændelse i år 2100 i Svendborg",
    )
