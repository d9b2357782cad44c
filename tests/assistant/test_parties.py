"""Parties named by name or ballot letter, and the party questions they answer."""

from assistant.intent import classify
from assistant.parties import party_mentions
from tests.conftest import assistant_over


def test_parties_are_named_by_name_or_by_a_run_of_ballot_letters() -> None:
    assert party_mentions(
        "Aftalen er indgået mellem Socialdemokratiet, Venstre, Det Konservative Folkeparti, "
        "Dansk Folkeparti og SF."
    ) == {"A", "V", "C", "O", "F"}
    assert party_mentions("Radikale Venstre og Enhedslisten") == {"B", "Ø"}  # not Venstre
    assert party_mentions("For stemte V, A, C og O.") == {"V", "A", "C", "O"}
    assert party_mentions("siger borgmester Karen Vinther (A).") == {"A"}
    # a lone capital is an annex or a scenario, and "venstre" a side
    assert party_mentions("Bilag A og scenarie B viser den venstre vejbane.") == set()


def test_a_party_question_asks_for_parties_unless_it_asks_about_a_vote() -> None:
    assert classify("Hvilke partier står bag budgetaftalen for 2026-2029?").asks_party
    assert classify("Which parties are behind the budget agreement?").asks_party
    # the vote lines ("Imod stemte: (F) ...") are found by the question's own words
    assert not classify("Hvilke partier stemte imod forslaget?").asks_party
    assert not classify("Hvem står bag budgetaftalen?").asks_party


NEWS_PAGE = """<html><body><main>
<h1>Byrådet har vedtaget budget 2026</h1>
<p>Vesterby Byråd vedtog onsdag aften budgettet for 2026-2029 ved andenbehandlingen.</p>
<p>Budgetaftalen er indgået mellem Socialdemokratiet, Venstre, Det Konservative Folkeparti
og SF. Enhedslisten står uden for aftalen.</p>
<p>Jeg er glad for, at et meget bredt flertal står bag budgetaftalen, siger borgmester
Karen Holm (A).</p>
<p>Aftalen giver 9,0 mio. kr. om året til flere medarbejdere i hjemmeplejen.</p>
</main></body></html>"""


def test_which_parties_back_the_agreement_is_answered_by_the_sentence_naming_them(
    tmp_path_factory,
) -> None:
    """The sentence sharing the question's words ("et bredt flertal står bag budgetaftalen")
    names one party in passing; the one that answers names the parties of the agreement."""
    assistant = assistant_over(
        tmp_path_factory.mktemp("parties"), {"nyhed_budget-2026.html": NEWS_PAGE}
    )
    answer = assistant.ask("Hvilke partier står bag budgetaftalen?")
    assert not answer.abstained
    assert "mellem Socialdemokratiet, Venstre, Det Konservative Folkeparti" in answer.text, (
        answer.text
    )
