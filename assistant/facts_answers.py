"""Answers from the facts tables (placeholder until stores/facts.py lands)."""

from __future__ import annotations

from typing import Any


class FactsAnswerer:
    def __init__(self, registry: Any, docs: Any, extractive: Any) -> None:
        self.registry = registry

    def answer(self, *args: Any) -> None:
        return None
