"""What every step of the extractive answerer reads."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.citations import DocumentCache
from assistant.extractive.model import ExtractiveConfig
from assistant.extractive.places import DocumentPlaces
from assistant.question_terms import TermStats


@dataclass(eq=False)
class Step:
    """The documents, the corpus's term statistics, the tuned config and where each sentence
    sits: shared by the scorer, the later-value finder, the list finder and the companions."""

    docs: DocumentCache
    stats: TermStats
    config: ExtractiveConfig
    places: DocumentPlaces
