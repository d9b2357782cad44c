"""Glossary precision and recall against hand-made gold (`eval/glossary_gold.jsonl`).

Two lists are scored, and their sum:

- definitions: a predicted (term, document, expansion) is right when the gold has the same term
  in the same document with that expansion (or one of its accepted variants);
- used-but-undefined abbreviations: a predicted term is right when the gold marks it
  "undefined". Terms the gold marks "not_abbreviation" (words set in capitals) count as wrong.

Usage: `python -m eval.glossary_eval [--corpus corpus] [--data-dir DIR] [--json]`. Without a
data dir the corpus is cleaned and structured into a temporary registry (no embedding needed).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "eval" / "glossary_gold.jsonl"
CORPUS = ROOT / "corpus"


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip(" .,;").lower()


@dataclass
class Score:
    tp: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 1.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "predicted": self.predicted,
            "gold": self.gold,
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
        }


def load_gold(path: Path = GOLD) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def build_registry(corpus: Path, data_dir: Path):  # type: ignore[no-untyped-def]
    """A registry of the corpus's cleaned, structured documents (no chunks, no vectors)."""
    import hashlib

    from ingest.document import parse_loaded
    from ingest.loaders import load_file
    from ingest.pipeline import document_id, expand_paths
    from stores.registry import Registry

    registry = Registry.open(data_dir)
    for path in expand_paths([corpus]):
        record, _ = parse_loaded(
            load_file(path),
            path,
            document_id(path.resolve()),
            hashlib.sha256(path.read_bytes()).hexdigest(),
        )
        record.path = str(path.resolve())
        registry.save_document(record, [], "none")
    return registry


def predictions(registry) -> tuple[list[tuple[str, str, str]], list[str]]:  # type: ignore[no-untyped-def]
    """(term, source, expansion) definitions and undefined terms over all documents."""
    from assistant.overview.glossary_index import build_glossary

    glossary = build_glossary(registry.conn, None)
    defs = [
        (entry["term"], src["source"], exp["expansion"])
        for entry in glossary["entries"]
        for exp in entry["expansions"]
        for src in exp["sources"]
    ]
    return defs, [u["term"] for u in glossary["undefined"]]


def score(gold: list[dict[str, Any]], defs: list[tuple[str, str, str]], undefined: list[str]):
    """Scores and the mistakes, for the report."""
    gold_defs = [g for g in gold if g["status"] == "defined"]
    matched: set[int] = set()
    wrong_defs = []
    for term, source, expansion in defs:
        hit = None
        for i, g in enumerate(gold_defs):
            variants = {_norm(g["expansion"]), *(_norm(a) for a in g.get("accept", []))}
            if (
                i not in matched
                and _norm(g["term"]) == _norm(term)
                and g["source"] == source
                and _norm(expansion) in variants
            ):
                hit = i
                break
        if hit is None:
            wrong_defs.append({"term": term, "source": source, "expansion": expansion})
        else:
            matched.add(hit)
    missed_defs = [g for i, g in enumerate(gold_defs) if i not in matched]

    gold_undef = {_norm(g["term"]) for g in gold if g["status"] == "undefined"}
    pred_undef = {_norm(t) for t in undefined}
    d = Score(len(matched), len(defs), len(gold_defs))
    u = Score(len(pred_undef & gold_undef), len(pred_undef), len(gold_undef))
    total = Score(d.tp + u.tp, d.predicted + u.predicted, d.gold + u.gold)
    errors = {
        "wrong_definitions": wrong_defs,
        "missed_definitions": [{"term": g["term"], "source": g["source"]} for g in missed_defs],
        "wrong_undefined": sorted(pred_undef - gold_undef),
        "missed_undefined": sorted(gold_undef - pred_undef),
    }
    return {"definitions": d, "undefined": u, "total": total}, errors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--data-dir", type=Path, help="An ingested data dir (else temporary).")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    from stores.registry import Registry

    with tempfile.TemporaryDirectory() as tmp:
        if args.data_dir:
            registry = Registry.open(args.data_dir)
        else:
            registry = build_registry(args.corpus, Path(tmp))
        defs, undefined = predictions(registry)
        registry.conn.close()
    scores, errors = score(load_gold(args.gold), defs, undefined)
    result = {k: v.to_dict() for k, v in scores.items()} | {"errors": errors}
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        for name, s in scores.items():
            print(
                f"{name:12s} P={s.precision:.3f} R={s.recall:.3f}"
                f"  (tp {s.tp}, predicted {s.predicted}, gold {s.gold})"
            )
        for kind, items in errors.items():
            if items:
                print(f"{kind}: {json.dumps(items, ensure_ascii=False)}")
    total = scores["total"]
    return 0 if total.precision >= 0.9 and total.recall >= 0.8 else 1


if __name__ == "__main__":
    sys.exit(main())
