"""The sentence scorer's features on small documents written for the test."""

from __future__ import annotations

from pathlib import Path

from assistant.intent import classify
from tests.conftest import assistant_over

TWO_COUNTS_TXT = """Status på virksomhedspartnerskaber

Pr. 1. februar 2025 var der indgået 11 partnerskabsaftaler med virksomheder.

Rekrutteringen af virksomhedskonsulenter tog længere tid end forventet.

Pr. 30. april 2025 var der indgået 23 partnerskabsaftaler med virksomheder.
"""


def test_a_sentence_dated_in_the_asked_month_scores_above_one_of_another_month(
    tmp_path: Path,
) -> None:
    """ "Hvor mange … var der indgået i foråret 2025?" is no when-question, yet the period it
    names says which of two counts in the same words answers: April's, not February's
    (probe 87's spring count; blind probe 99's "i starten af september 2025")."""
    status = assistant_over(tmp_path, {"status.txt": TWO_COUNTS_TXT})
    question = "Hvor mange partnerskabsaftaler var der indgået i foråret 2025?"
    intent = classify(question)
    answerer = status.extractive
    hits = status.retriever.search(question, k=10)
    cands = [c for c in answerer.candidates(hits) if "partnerskabsaftaler" in c.text]
    answerer.scorer.score(cands, answerer.stats.refresh().groups(question), intent)
    by_month = {("april" if "april" in c.text else "februar"): c.score for c in cands}
    assert by_month["april"] > by_month["februar"], by_month
