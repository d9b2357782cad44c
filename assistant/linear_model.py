"""A fitted linear model stored as a small JSON file: score = ((x - mean) / scale) . coef + b.

Both fitted parts of the assistant use it: the passage reranker (assistant/rerank.py) and the
answer gate (assistant/answer_gate.py). scikit-learn fits them (eval/fit_*.py); applying one is
plain numpy, so the runtime needs no scikit-learn.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

Model = TypeVar("Model", bound="LinearModel")


@dataclass
class LinearModel:
    """Weights over named, standardised features."""

    features: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float = 0.0
    meta: dict = field(default_factory=dict)

    @classmethod
    def read(cls: type[Model], path: Path, known: Collection[str]) -> Model:
        """Load weights; features the code does not compute are an error, not a silent 0."""
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        names = tuple(data["features"])
        unknown = set(names) - set(known)
        if unknown:
            raise ValueError(f"{Path(path).name} names unknown features: {sorted(unknown)}")
        return cls(
            features=names,
            mean=np.array(data["mean"], dtype=float),
            scale=np.array(data["scale"], dtype=float),
            coef=np.array(data["coef"], dtype=float),
            intercept=float(data.get("intercept", 0.0)),
            meta=data.get("meta", {}),
        )

    @classmethod
    def fit(
        cls: type[Model],
        x: np.ndarray,
        y: np.ndarray,
        features: Sequence[str],
        c: float = 1.0,
        **options: Any,
    ) -> Model:
        """Logistic regression on standardised columns of `x` (scikit-learn, fit time only)."""
        from sklearn.linear_model import LogisticRegression

        mean = x.mean(axis=0)
        scale = x.std(axis=0)
        scale[scale == 0] = 1.0
        clf = LogisticRegression(C=c, max_iter=5000, **options).fit((x - mean) / scale, y)
        return cls(tuple(features), mean, scale, clf.coef_[0], float(clf.intercept_[0]))

    def to_json(self) -> dict:
        return {
            "features": list(self.features),
            "mean": [round(float(v), 6) for v in self.mean],
            "scale": [round(float(v), 6) for v in self.scale],
            "coef": [round(float(v), 6) for v in self.coef],
            "intercept": round(self.intercept, 6),
            "meta": self.meta,
        }

    def score_columns(self, matrix: np.ndarray, columns: Sequence[str]) -> np.ndarray:
        """Scores for rows of `matrix`, whose columns are named by `columns`."""
        if matrix.size == 0:
            return np.zeros(0)
        picked = [list(columns).index(name) for name in self.features]
        x = (matrix[:, picked] - self.mean) / self.scale
        return x @ self.coef + self.intercept
