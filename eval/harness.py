"""The evaluation harness behind `plan-assistant eval`: ingest a corpus into its own store, run
every question through retrieval (and the assistant, when it is installed), write records and
a summary computed by `eval.metrics`.

The command is not tied to `corpus/`: any folder and any questions file of the same format
(see eval/README.md) can be measured.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eval.llm_summary import llm_record_fields, summarize_llm
from eval.metrics import summarize
from plan_assistant.settings import Settings

if TYPE_CHECKING:
    from stores.bundle import Stores

RETRIEVE_K = 10


@dataclass
class EvalRun:
    records: list[dict[str, Any]]
    summary: dict[str, Any]
    ingest_seconds: float


def load_questions(path: Path) -> list[dict[str, Any]]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{n}: not JSON: {exc}") from exc
    return rows


def _make_assistant(stores: Any, retriever: Any, settings: Settings) -> Any | None:
    """The assistant as the API builds it: with the configured model, if there is one."""
    try:
        from assistant.answer import Assistant
    except ImportError:
        return None
    llm = None
    if settings.llm_base_url:
        from assistant.llm import make_llm

        llm = make_llm(settings)
    return Assistant(stores, retriever=retriever, llm=llm)


def select_questions(
    questions: list[dict[str, Any]], ids: list[str] | None = None, limit: int | None = None
) -> list[dict[str, Any]]:
    """The subset to run: the given ids (in file order), then the first `limit`."""
    if ids:
        wanted = set(ids)
        unknown = wanted - {str(q["id"]) for q in questions}
        if unknown:
            raise ValueError(f"unknown question ids: {', '.join(sorted(unknown))}")
        questions = [q for q in questions if str(q["id"]) in wanted]
    return questions[:limit] if limit else questions


def add_set_argument(parser: argparse.ArgumentParser) -> None:
    """`--set CORPUS QUESTIONS DATA_DIR`, repeatable: the question sets a fit script reads."""
    parser.add_argument(
        "--set",
        nargs=3,
        action="append",
        required=True,
        metavar=("CORPUS", "QUESTIONS", "DATA_DIR"),
        help="a document folder, its questions file and a data dir to ingest it into",
    )


def set_name(questions_path: Path) -> str:
    """A question set's name for reports: its folder ("devset"), else its file stem."""
    return questions_path.parent.name or questions_path.stem


def ingest_corpus(settings: Settings, corpus: Path) -> tuple[Stores, Any]:
    """Ingest `corpus` into `settings.data_dir` (unchanged files are skipped); the stores and
    the ingest report. Any file that fails is an error here: its questions could not be
    answered."""
    from ingest.pipeline import Ingestor

    ingestor = Ingestor(settings)
    report = ingestor.ingest_paths([corpus])
    if report.failed:
        names = ", ".join(f"{f.source} ({f.reason})" for f in report.failed)
        raise RuntimeError(f"ingest failed for: {names}")
    return ingestor.stores, report


def run_eval(
    settings: Settings,
    corpus: Path,
    questions_path: Path,
    answers: bool = True,
    on_question: Callable[[dict[str, Any]], None] | None = None,
    ids: list[str] | None = None,
    limit: int | None = None,
) -> EvalRun:
    from assistant.retriever import HybridRetriever

    t0 = time.perf_counter()
    stores, report = ingest_corpus(settings, corpus)
    ingest_seconds = time.perf_counter() - t0
    retriever = HybridRetriever(stores)
    assistant = _make_assistant(stores, retriever, settings) if answers else None
    questions = select_questions(load_questions(questions_path), ids, limit)

    records = []
    for q in questions:
        t_search = time.perf_counter()
        hits = retriever.search(q["question"], k=RETRIEVE_K)
        search_ms = (time.perf_counter() - t_search) * 1000
        record: dict[str, Any] = {
            "id": q["id"],
            "question": q["question"],
            "retrieved": [
                {"source": h.source, "page": h.page, "text": h.text, "score": round(h.score, 6)}
                for h in hits
            ],
            "answer": "",
            "citations": [],
            "abstained": False,
            "latency_ms": round(search_ms, 2),
            "search_latency_ms": round(search_ms, 2),
        }
        if assistant is not None:
            t_ask = time.perf_counter()
            done = list(assistant.stream(q["question"], stream_tokens=False))[-1]
            answer = done["answer_obj"]
            record["latency_ms"] = round((time.perf_counter() - t_ask) * 1000, 2)
            record.update(llm_record_fields(done.get("llm")))
            record["notice"] = answer.notice
            record["answer"] = answer.text
            record["abstained"] = answer.abstained
            # A quote the file's markup splits is written as its pieces under one n, so each
            # record quote can be found in the file itself (the scorer's check).
            record["citations"] = [
                {"n": c.n, "source": c.source, "page": c.page, "quote": q, "start": a, "end": b}
                for c in answer.citations
                for q, a, b in c.file_quotes()
            ]
        records.append(record)
        if on_question:
            on_question(record)

    documents = {
        d["source"]: stores.registry.get_document(d["id"]).text
        for d in stores.registry.list_documents()
    }
    summary = summarize(records, questions=questions, documents=documents)
    if assistant is not None:
        summary["llm"] = summarize_llm(records, settings.llm_max_tokens)
        if settings.llm_base_url:
            summary["llm"]["model"] = {
                "base_url": settings.llm_base_url,
                "name": settings.llm_model,
            }
    summary["ingest"] = {
        "documents": len(report.files),
        "chunks": stores.registry.counts()["chunks"],
        "seconds": round(ingest_seconds, 2),
    }
    return EvalRun(records, summary, ingest_seconds)


def facts_scores(corpus: Path, gold_path: Path) -> dict[str, Any]:
    """Precision/recall of the facts extractor against hand-made gold rows (issue 4)."""
    from eval.facts_eval import score_corpus

    return score_corpus(corpus, gold_path)[0]


def structure_scores(settings: Settings, corpus: Path, gold_path: Path) -> dict[str, Any]:
    """Title, date, body, type and agenda items against hand-read gold (issue 12), for the
    gold rows of the files in `corpus`."""
    from eval.structure_eval import documents_from_registry, evaluate_structure, load_gold

    names = {p.name for p in corpus.rglob("*") if p.is_file()}
    gold = [row for row in load_gold(gold_path) if row["source"] in names]
    if not gold:
        return {}
    result = evaluate_structure(documents_from_registry(settings.data_dir), gold)
    return {k: v for k, v in result.items() if k not in ("documents", "per_document")}


def glossary_scores(settings: Settings, gold_path: Path) -> dict[str, Any]:
    """Precision/recall of the glossary against hand-made gold entries (issue 9)."""
    from eval.glossary_eval import load_gold, predictions, score
    from stores.registry import Registry

    defs, undefined = predictions(Registry.open(settings.data_dir))
    scores, _ = score(load_gold(gold_path), defs, undefined)
    return {name: s.to_dict() for name, s in scores.items()}
