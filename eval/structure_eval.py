"""Document structure against `eval/structure_gold.jsonl`: title, date, body, type, agenda items.

The gold is hand-made by reading each document (see eval/README.md); this module only compares.

- title: accepted when the normalised prediction (casefolded, dashes/punctuation removed,
  whitespace collapsed) equals the gold title or one of `title_accept`, or when the token F1 of
  their stemmed words (Danish Snowball, digits kept) is at least 0.8 and every number of that
  accepted title is in the prediction ("Referat – Kultur- og Fritidsudvalget – 8." is not the
  title of the meeting of 8 February 2023).
- date: equal to `date` or one of `date_accept`; with a null gold date only None (or an accepted
  date) is right.
- body: a normalised match with `body` or `body_accept`. Predicting None where the gold names a
  body is *unknown*; predicting a body that is not accepted (including any body where the gold
  is null and accepts none) is *wrong*.
- type: the predicted type, mapped by `TYPE_MAP`, is `type` or in `type_accept`.
- agenda items: one-to-one matching within a document; a pair needs equal numbers (trailing
  dots, spaces and leading zeros ignored) and titles with token F1 >= 0.5. Predicted items of
  documents whose gold lists none are false positives.

Run: `python -m eval.structure_eval --data-dir DIR [--set devset|corpus] [--json] [--verbose]`.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from eval.facts_eval import greedy_pairs

GOLD = Path(__file__).with_name("structure_gold.jsonl")
TITLE_F1 = 0.8
ITEM_F1 = 0.5

# Project type names that differ from the gold's vocabulary.
TYPE_MAP = {
    "beslutningsprotokol": "beslutning",
    "handlingsplan": "handleplan",
    "sagsnotat": "notat",
}

_DASHES = re.compile(r"[\u2010-\u2015\u2212-]")
_NON_WORD = re.compile(r"[^\w]+")
_TOKEN = re.compile(r"[^\W_]+")
_DIGITS = re.compile(r"^\d+$")
_STEMMER: Any = None


def load_gold(path: Path | str = GOLD) -> list[dict[str, Any]]:
    return [
        json.loads(line)
        for line in Path(path).read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


def normalise(text: str | None) -> str:
    """Casefolded, NFKC, dashes and punctuation as spaces, whitespace collapsed."""
    text = unicodedata.normalize("NFKC", text or "").casefold()
    text = _NON_WORD.sub(" ", _DASHES.sub(" ", text))
    return " ".join(text.replace("_", " ").split())


def tokens(text: str | None) -> list[str]:
    """Stemmed word tokens (Danish Snowball via PyStemmer); numbers kept as they are."""
    global _STEMMER
    if _STEMMER is None:
        import Stemmer

        _STEMMER = Stemmer.Stemmer("danish")
    words = _TOKEN.findall(normalise(text))
    return [w if _DIGITS.match(w) else _STEMMER.stemWord(w) for w in words]


def token_f1(a: str | None, b: str | None) -> float:
    """F1 of the two token multisets (0 when one is empty)."""
    ta, tb = Counter(tokens(a)), Counter(tokens(b))
    common = sum((ta & tb).values())
    if not common:
        return 0.0
    p, r = common / sum(ta.values()), common / sum(tb.values())
    return 2 * p * r / (p + r)


def title_ok(predicted: str | None, gold: dict[str, Any]) -> bool:
    if not predicted:
        return False
    pred_norm = normalise(predicted)
    pred_tokens = set(tokens(predicted))
    for accepted in [gold["title"], *gold.get("title_accept", [])]:
        if pred_norm == normalise(accepted):
            return True
        numbers = {t for t in tokens(accepted) if _DIGITS.match(t)}
        if token_f1(predicted, accepted) >= TITLE_F1 and numbers <= pred_tokens:
            return True
    return False


def date_ok(predicted: str | None, gold: dict[str, Any]) -> bool:
    accepted = {gold.get("date"), *gold.get("date_accept", [])}
    return (predicted or None) in accepted


def body_outcome(predicted: str | None, gold: dict[str, Any]) -> str:
    """ "correct", "unknown" (None where the gold names a body) or "wrong"."""
    accepted = {normalise(b) for b in [gold.get("body"), *gold.get("body_accept", [])] if b}
    if not predicted:
        return "unknown" if gold.get("body") else "correct"
    return "correct" if normalise(predicted) in accepted else "wrong"


def map_type(predicted: str | None) -> str | None:
    return TYPE_MAP.get(predicted, predicted) if predicted else None


def type_ok(predicted: str | None, gold: dict[str, Any]) -> bool:
    return map_type(predicted) in {gold["type"], *gold.get("type_accept", [])}


def normalise_number(number: str | None) -> str:
    parts = [p for p in re.split(r"[.\s]+", (number or "").strip()) if p]
    return ".".join(p.lstrip("0") or "0" for p in parts)


def match_items(
    predicted: list[dict[str, Any]], gold: list[dict[str, Any]]
) -> list[tuple[int, int]]:
    """One-to-one (predicted index, gold index) pairs, best title agreement first."""
    candidates = []
    for i, p in enumerate(predicted):
        for j, g in enumerate(gold):
            if normalise_number(p.get("number")) != normalise_number(g.get("number")):
                continue
            score = token_f1(p.get("title"), g.get("title"))
            if score >= ITEM_F1:
                candidates.append((score, i, j))
    return greedy_pairs(candidates)


def _ratio(num: int, den: int) -> float:
    return round(num / den, 4) if den else 1.0


def evaluate_structure(
    documents: Iterable[dict[str, Any]], gold: Iterable[dict[str, Any]]
) -> dict[str, Any]:
    """Score documents ({source, title, date, body, type, agenda_items}) against gold rows.

    Every gold row counts; a gold document with no prediction counts as a miss on every field
    (its body as unknown). Predictions without a gold row are ignored."""
    by_source = {d["source"]: d for d in documents}
    gold = list(gold)
    counts = Counter()
    item_tp = item_pred = item_gold = 0
    per_document = []
    for g in gold:
        doc = by_source.get(g["source"])
        missing = doc is None
        counts["missing"] += missing
        doc = doc or {"source": g["source"], "agenda_items": []}
        items = doc.get("agenda_items") or []
        pairs = match_items(items, g["agenda_items"])
        matched_p, matched_g = {i for i, _ in pairs}, {j for _, j in pairs}
        row = {
            "source": g["source"],
            "missing": missing,
            "title": doc.get("title"),
            "gold_title": g["title"],
            "title_ok": not missing and title_ok(doc.get("title"), g),
            "date": doc.get("date"),
            "gold_date": g.get("date"),
            "date_ok": not missing and date_ok(doc.get("date"), g),
            "body": doc.get("body"),
            "gold_body": g.get("body"),
            "body_outcome": "unknown" if missing else body_outcome(doc.get("body"), g),
            "type": doc.get("type"),
            "gold_type": g["type"],
            "type_ok": not missing and type_ok(doc.get("type"), g),
            "items_tp": len(pairs),
            "items_predicted": len(items),
            "items_gold": len(g["agenda_items"]),
            "items_unmatched": [items[i] for i in range(len(items)) if i not in matched_p],
            "items_missed": [
                g["agenda_items"][j] for j in range(len(g["agenda_items"])) if j not in matched_g
            ],
        }
        per_document.append(row)
        for key in ("title_ok", "date_ok", "type_ok"):
            counts[key] += row[key]
        counts["body_" + row["body_outcome"]] += 1
        item_tp += len(pairs)
        item_pred += len(items)
        item_gold += len(g["agenda_items"])
    n = len(gold)
    precision, recall = _ratio(item_tp, item_pred), _ratio(item_tp, item_gold)
    return {
        "documents": n,
        "missing": counts["missing"],
        "title": {"accuracy": _ratio(counts["title_ok"], n), "correct": counts["title_ok"]},
        "date": {"accuracy": _ratio(counts["date_ok"], n), "correct": counts["date_ok"]},
        "body": {
            "accuracy": _ratio(counts["body_correct"], n),
            "correct": counts["body_correct"],
            "unknown": counts["body_unknown"],
            "wrong": counts["body_wrong"],
        },
        "type": {"accuracy": _ratio(counts["type_ok"], n), "correct": counts["type_ok"]},
        "agenda_items": {
            "precision": precision,
            "recall": recall,
            "f1": round(2 * precision * recall / (precision + recall), 4)
            if precision + recall
            else 0.0,
            "tp": item_tp,
            "predicted": item_pred,
            "gold": item_gold,
        },
        "per_document": per_document,
    }


def documents_from_registry(data_dir: Path | str) -> list[dict[str, Any]]:
    """The project's view of every ingested document, in the shape `evaluate_structure` reads.

    The registry is opened read-only: scoring must never create or migrate a data dir."""
    import sqlite3

    from stores.registry import Registry

    db = Path(data_dir).resolve() / "registry.sqlite"
    conn = sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    registry = Registry(conn)
    out = []
    for row in registry.list_documents():
        record = registry.get_document(row["id"])
        sections = record.sections if record else []
        out.append(
            {
                "source": row["source"],
                "title": row["title"],
                "date": row["date"],
                "body": row["committee"],
                "type": row["doc_type"],
                "agenda_items": [
                    {"number": s.number, "title": s.title}
                    for s in sections
                    if s.kind == "agenda_item"
                ],
            }
        )
    return out


def _report(result: dict[str, Any], verbose: bool) -> str:
    lines = [
        f"documents {result['documents']} (missing from the data dir: {result['missing']})",
        f"title    {result['title']['accuracy']:.3f} ({result['title']['correct']})",
        f"date     {result['date']['accuracy']:.3f} ({result['date']['correct']})",
        f"body     {result['body']['accuracy']:.3f} ({result['body']['correct']} correct, "
        f"{result['body']['unknown']} unknown, {result['body']['wrong']} wrong)",
        f"type     {result['type']['accuracy']:.3f} ({result['type']['correct']})",
    ]
    items = result["agenda_items"]
    lines.append(
        f"agenda items P={items['precision']:.3f} R={items['recall']:.3f} F1={items['f1']:.3f} "
        f"(tp {items['tp']}, predicted {items['predicted']}, gold {items['gold']})"
    )
    lines.append("")
    for row in result["per_document"]:
        mark = "ok" if row["title_ok"] else "XX"
        lines.append(f"[{mark}] {row['source']}" + (" MISSING" if row["missing"] else ""))
        lines.append(f"     predicted: {row['title']!r}")
        lines.append(f"     gold:      {row['gold_title']!r}")
        if not row["date_ok"]:
            lines.append(f"     date {row['date']!r} != gold {row['gold_date']!r}")
        if row["body_outcome"] != "correct":
            lines.append(
                f"     body {row['body_outcome']}: {row['body']!r} (gold {row['gold_body']!r})"
            )
        if not row["type_ok"]:
            lines.append(f"     type {row['type']!r} (gold {row['gold_type']!r})")
        if row["items_tp"] != row["items_gold"] or row["items_tp"] != row["items_predicted"]:
            lines.append(
                f"     items tp {row['items_tp']}/{row['items_gold']} gold, "
                f"{row['items_predicted']} predicted"
            )
            if verbose:
                for item in row["items_missed"]:
                    lines.append(f"       missed     {item['number']!r} {item['title']!r}")
                for item in row["items_unmatched"]:
                    lines.append(f"       unmatched  {item['number']!r} {item['title']!r}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument(
        "--set",
        choices=("devset", "corpus"),
        default=None,
        help="gold set to score (default: every set with a document in the data dir)",
    )
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    parser.add_argument("--verbose", action="store_true", help="list unmatched agenda items")
    args = parser.parse_args(argv)
    if not (args.data_dir / "registry.sqlite").exists():
        parser.error(f"no registry.sqlite in {args.data_dir}")
    documents = documents_from_registry(args.data_dir)
    gold = load_gold(args.gold)
    if args.set is None:  # every set of which the data dir holds at least one document
        sources = {d["source"] for d in documents}
        sets = {g["set"] for g in gold if g["source"] in sources}
    else:
        sets = {args.set}
    result = evaluate_structure(documents, [g for g in gold if g["set"] in sets])
    if args.json:
        summary = {k: v for k, v in result.items() if k != "per_document" or args.verbose}
        print(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        print(_report(result, args.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
