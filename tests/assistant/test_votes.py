"""The lines and counts that record a vote."""

from assistant.extractive.model import Candidate
from assistant.votes import records_vote, rest_of_vote


def test_a_vote_is_recorded_by_its_lines_or_its_count() -> None:
    assert records_vote("For stemte: A, F, Ø (12).")
    assert records_vote("Imod stemte: V, C, O (9).")
    assert records_vote("Undlod at stemme: Ingen.")
    assert records_vote("For indstillingen stemte Jonas Kragh (A) og Birgitte Lund (V).")
    assert records_vote("Med stemmerne 19 for og 2 imod godkendte byrådet indstillingen.")
    assert records_vote("Indstillingen blev vedtaget enstemmigt.")
    assert not records_vote("Byrådet behandlede lokalplanen den 24. september 2025.")
    assert not records_vote("SF stemmer imod protokollen.")  # a party's remark, no count


def test_one_line_of_a_vote_brings_the_others_next_to_it() -> None:
    """ "For stemte: A, F, Ø (12)." alone says half of how the vote went: the vote's other
    lines beside it join the answer, and the sentences around the vote do not."""
    texts = [
        "Godkendt.",
        "For stemte: A, F, Ø (12).",
        "Imod stemte: V, C, O (9).",
        "Undlod at stemme: Ingen.",
        "Byggemodningen begynder i 2026.",
    ]
    cands = [Candidate("d", i * 100, i * 100 + len(t), t, i) for i, t in enumerate(texts)]
    added = rest_of_vote([cands[1]], cands)
    assert [c.text for c in added] == texts[2:4]
    assert rest_of_vote([cands[0]], cands) == []  # not a vote line


def test_an_amendments_vote_brings_what_was_voted_on_and_the_items_own_vote() -> None:
    """An item voted twice, on an amendment and then on the recommendation: the amendment's
    lines alone read as the item's vote the wrong way round. What was put to each vote, its
    outcome and the vote that follows join the answer; the protocol remark after does not."""
    texts = [
        "Indstillingen er vedlagt.",
        "Forslag fra Aisha Rahimi (Ø) om at fastholde serviceniveauet blev sat til afstemning.",
        "For stemte: Mette Skov Andersen (F) og Aisha Rahimi (Ø).",
        "Imod stemte: Lene Bach (A), Hanne Dal (A) og Jørgen Holst (V).",
        "Forslaget faldt.",
        "Herefter blev indstillingen sat til afstemning.",
        "For stemte: Lene Bach (A), Hanne Dal (A) og Jørgen Holst (V).",
        "Imod stemte: Mette Skov Andersen (F) og Aisha Rahimi (Ø).",
        "Indstillingen blev godkendt.",
        "F og Ø ønskede en bemærkning ført til protokols.",
    ]
    cands = [Candidate("d", i * 100, i * 100 + len(t), t, i) for i, t in enumerate(texts)]
    added = rest_of_vote([cands[2]], cands)
    assert sorted(c.index for c in added) == [1, 3, 4, 5, 6, 7, 8]


def test_an_outcome_said_before_its_vote_lines_joins_them() -> None:
    """ "Ændringsforslaget blev forkastet. For stemte: Ø (2). Imod stemte: A, V (5).": the
    amendment's outcome stands before its lines, the item's after its own ("Indstillingen er
    dermed godkendt."); without them the two votes read as one item's, the wrong way round."""
    texts = [
        "Enhedslisten (Ø) stillede ændringsforslag om at flytte 1,0 mio. kr. årligt.",
        "Ændringsforslaget blev forkastet.",
        "For stemte: Ø (2).",
        "Imod stemte: A, V (5).",
        "Indstillingen blev herefter sat til afstemning.",
        "For stemte: A, V (5).",
        "Imod stemte: Ø (2).",
        "Indstillingen er dermed godkendt.",
    ]
    cands = [Candidate("d", i * 100, i * 100 + len(t), t, i) for i, t in enumerate(texts)]
    added = rest_of_vote([cands[2]], cands)
    assert sorted(c.index for c in added) == [1, 3, 4, 5, 6, 7]
