"""Follow-up questions made standalone (placeholder until the heuristic lands)."""

from __future__ import annotations

from typing import Any


def condense(question: str, history: list[dict[str, str]], llm: Any | None = None) -> str:
    return question
