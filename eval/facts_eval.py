"""Precision and recall of extracted facts against `eval/facts_gold.jsonl`.

Gold rows are hand-made from the five corpus documents and from eleven documents of the
development set (`../shared/devset/corpus`, rows with "set": "devset"), one JSON object per line
with "type" ("budget" | "followup" | "decision") and "source" (file name). A run scores only the
gold rows whose source is in the given corpus folder, and only the extracted rows of those
documents: every gold document is annotated completely for all three types, the other documents
of the folder not at all.

Matching (one-to-one, within the same source, greedy on the best word overlap):

- budget: amounts equal (within 0.5 %) and initiatives agree: the overlap coefficient of their
  stemmed content words, |A ∩ B| / min(|A|, |B|), is at least 0.5.
- followup: due dates equal (both ISO dates, or both none for undated deadlines such as
  "snarest muligt") and the actions agree by the same word overlap.
- decision: outcomes equal and the agenda item titles agree by the same word overlap.

What counts as a follow-up in the gold: a sentence that states a step together with a time
(a date, a period, or an undated deadline like "snarest muligt"), looking forward (planned, in
progress, awaiting) or reporting the step completed in the present perfect ("er afsluttet i
september 2015": done). Past narrative ("blev besat pr. 1. juni 2015") is history, and steps with
no time at all are not listed. Devset rows add two cases the corpus documents do not have: a
time given as a coming event ("på næste møde", "ifm. budgetopfølgning 3 2024", "forud for udbud")
is an undated deadline, and an action-log entry or step that names who does it ("JB udsender
mødeindkaldelse") is listed without a time, with "responsible" set and due_date null.

What counts as a budget row in the devset gold: every mention of an amount of money, one row per
mention (a table restating a figure, an operand in "19 timer × 1.200 kr" and amounts written
without "kr." where the context makes them money all count); a range gives amount_dkk = the low
end and "amount_high". Decisions: one row per recorded decision of an item (a second committee's
decision in "Sagens forløb" is its own row); consensus wording in project minutes ("Det blev
besluttet", "der var enighed om") is "godkendt", a postponement ("udskydes", "genoptages på
næste møde") "udsat". See eval/README.md.

Run: `python -m eval.facts_eval [--corpus corpus] [--gold eval/facts_gold.jsonl] [--json]`
(`--corpus ../shared/devset/corpus` scores the development set rows).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from ingest.facts.sentences import content_stems

ROOT = Path(__file__).resolve().parents[1]
GOLD = Path(__file__).with_name("facts_gold.jsonl")
CORPUS = ROOT / "corpus"
MIN_OVERLAP = 0.5
AMOUNT_TOLERANCE = 0.005
TYPES = {"budget": "budgets", "followup": "followups", "decision": "decisions"}


def load_gold(path: Path | str = GOLD) -> list[dict[str, Any]]:
    rows = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip():
            rows.append(json.loads(line))
    return rows


def overlap(a: str | None, b: str | None) -> float:
    """Overlap coefficient of the stemmed content words of two phrases (0 when one is empty)."""
    sa, sb = content_stems(a or ""), content_stems(b or "")
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / min(len(sa), len(sb))


def _budget_score(x: dict[str, Any], g: dict[str, Any]) -> float | None:
    amount = float(g["amount_dkk"])
    if abs(float(x["amount_dkk"]) - amount) > AMOUNT_TOLERANCE * max(amount, 1.0):
        return None
    score = overlap(x.get("initiative"), g.get("initiative"))
    return score if score >= MIN_OVERLAP else None


def _followup_score(x: dict[str, Any], g: dict[str, Any]) -> float | None:
    if (x.get("due_date") or None) != (g.get("due_date") or None):
        return None
    score = overlap(x.get("action"), g.get("action"))
    return score if score >= MIN_OVERLAP else None


def _decision_score(x: dict[str, Any], g: dict[str, Any]) -> float | None:
    if (x.get("outcome") or None) != (g.get("outcome") or None):
        return None
    score = overlap(x.get("item") or x.get("item_title"), g.get("item"))
    return score if score >= MIN_OVERLAP else None


_SCORERS: dict[str, Callable[[dict[str, Any], dict[str, Any]], float | None]] = {
    "budget": _budget_score,
    "followup": _followup_score,
    "decision": _decision_score,
}


def match(
    extracted: list[dict[str, Any]], gold: list[dict[str, Any]], kind: str
) -> list[tuple[int, int]]:
    """One-to-one pairs (extracted index, gold index), best overlap first."""
    score = _SCORERS[kind]
    candidates = []
    for i, x in enumerate(extracted):
        for j, g in enumerate(gold):
            if x.get("source") != g.get("source"):
                continue
            s = score(x, g)
            if s is not None:
                candidates.append((s, i, j))
    return greedy_pairs(candidates)


def greedy_pairs(candidates: list[tuple[float, int, int]]) -> list[tuple[int, int]]:
    """One-to-one (i, j) pairs from (score, i, j) candidates, best score first."""
    used_i: set[int] = set()
    used_j: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, i, j in sorted(candidates, key=lambda c: -c[0]):
        if i not in used_i and j not in used_j:
            used_i.add(i)
            used_j.add(j)
            pairs.append((i, j))
    return pairs


def evaluate_facts(
    extracted_rows: Iterable[dict[str, Any]], gold_rows: Iterable[dict[str, Any]]
) -> dict[str, dict[str, Any]]:
    """{"budgets": {"precision", "recall", "tp", "extracted", "gold"}, "followups": ...,
    "decisions": ...}; precision/recall are 1.0 when there is nothing to get wrong."""
    extracted_rows, gold_rows = list(extracted_rows), list(gold_rows)
    out: dict[str, dict[str, Any]] = {}
    for kind, name in TYPES.items():
        xs = [r for r in extracted_rows if r.get("type") == kind]
        gs = [r for r in gold_rows if r.get("type") == kind]
        tp = len(match(xs, gs, kind))
        out[name] = {
            "precision": round(tp / len(xs), 4) if xs else 1.0,
            "recall": round(tp / len(gs), 4) if gs else 1.0,
            "tp": tp,
            "extracted": len(xs),
            "gold": len(gs),
        }
    return out


def facts_to_rows(source: str, facts: Any) -> list[dict[str, Any]]:
    """Flatten a `Facts` object into typed rows comparable with the gold file."""
    rows: list[dict[str, Any]] = []
    for b in facts.budgets:
        rows.append({"type": "budget", "source": source, **b.to_dict()})
    for f in facts.followups:
        rows.append({"type": "followup", "source": source, **f.to_dict()})
    for d in facts.decisions:
        item = " ".join(x for x in (d.item_number, d.item_title) if x)
        rows.append({"type": "decision", "source": source, "item": item, **d.to_dict()})
    return rows


def extract_corpus(
    corpus: Path | str = CORPUS, sources: set[str] | None = None
) -> list[dict[str, Any]]:
    """Run the extractor on every file of `corpus` (or only those named in `sources`)."""
    from ingest.facts import extract_facts, record_for_path
    from ingest.loaders import SUPPORTED_EXTENSIONS

    rows: list[dict[str, Any]] = []
    for path in sorted(Path(corpus).iterdir()):
        if sources is not None and path.name not in sources:
            continue
        if path.is_file() and path.suffix.lower() in SUPPORTED_EXTENSIONS:
            rows.extend(facts_to_rows(path.name, extract_facts(record_for_path(path))))
    return rows


def gold_for_corpus(gold: list[dict[str, Any]], corpus: Path | str) -> list[dict[str, Any]]:
    """The gold rows whose source is a file of `corpus`."""
    names = {p.name for p in Path(corpus).iterdir() if p.is_file()}
    return [g for g in gold if g["source"] in names]


def score_corpus(
    corpus: Path | str = CORPUS, gold_path: Path | str = GOLD
) -> tuple[dict[str, dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    """(scores, extracted rows, gold rows) for the gold documents of `corpus`."""
    gold = gold_for_corpus(load_gold(gold_path), corpus)
    extracted = extract_corpus(corpus, {g["source"] for g in gold}) if gold else []
    return evaluate_facts(extracted, gold), extracted, gold


def misses(
    extracted: list[dict[str, Any]], gold: list[dict[str, Any]]
) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """False positives and false negatives per type, for reading what went wrong."""
    out = {}
    for kind, name in TYPES.items():
        xs = [r for r in extracted if r.get("type") == kind]
        gs = [r for r in gold if r.get("type") == kind]
        pairs = match(xs, gs, kind)
        mx, mg = {i for i, _ in pairs}, {j for _, j in pairs}
        out[name] = {
            "false_positives": [x for i, x in enumerate(xs) if i not in mx],
            "false_negatives": [g for j, g in enumerate(gs) if j not in mg],
        }
    return out


def _brief(row: dict[str, Any]) -> str:
    keys = ("source", "amount_dkk", "initiative", "due_date", "action", "outcome", "item")
    return json.dumps({k: row[k] for k in keys if k in row}, ensure_ascii=False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args(argv)
    result, extracted, gold = score_corpus(args.corpus, args.gold)
    if not gold:
        parser.error(f"no gold rows for the files of {args.corpus}")
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return 0
    print(f"{len({g['source'] for g in gold})} documents with gold rows in {args.corpus}")
    for name, r in result.items():
        print(
            f"{name:10s} P={r['precision']:.3f} R={r['recall']:.3f} "
            f"(tp {r['tp']}, extracted {r['extracted']}, gold {r['gold']})"
        )
    for name, m in misses(extracted, gold).items():
        for row in m["false_positives"]:
            print(f"  {name} FP {_brief(row)}")
        for row in m["false_negatives"]:
            print(f"  {name} FN {_brief(row)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
