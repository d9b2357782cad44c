"""`plan-assistant eval`: retrieval and answer quality on any corpus and questions file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

console = Console()


def _fmt(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.3f}"
    return "–" if value is None else str(value)


def eval_command(
    corpus: Annotated[
        Path, typer.Option(help="Folder of documents to ingest and ask about.")
    ] = Path("corpus"),
    questions: Annotated[Path, typer.Option(help="Questions JSONL (see eval/README.md).")] = Path(
        "eval/questions.jsonl"
    ),
    data_dir: Annotated[
        Path | None, typer.Option("--data-dir", help="Store for this run (default data/eval).")
    ] = None,
    records: Annotated[Path | None, typer.Option(help="Write one JSON line per question.")] = None,
    json_out: Annotated[Path | None, typer.Option("--json", help="Write the summary JSON.")] = None,
    facts_gold: Annotated[
        Path | None,
        typer.Option(help="Gold facts rows (default eval/facts_gold.jsonl, CORPUS's files)."),
    ] = None,
    structure_gold: Annotated[
        Path | None,
        typer.Option(help="Gold document structure (default eval/structure_gold.jsonl)."),
    ] = None,
    glossary_gold: Annotated[Path | None, typer.Option(help="Gold glossary entries.")] = None,
    no_answers: Annotated[bool, typer.Option(help="Measure retrieval only.")] = False,
    llm: Annotated[
        str | None,
        typer.Option(
            "--llm",
            help="OpenAI-compatible base URL of a model to answer with (default: "
            "PLAN_ASSISTANT_LLM_BASE_URL; without either the answers are extractive).",
        ),
    ] = None,
    llm_model: Annotated[str | None, typer.Option(help="Model name at --llm.")] = None,
    limit: Annotated[int | None, typer.Option(help="Only the first N questions.")] = None,
    ids: Annotated[
        str | None, typer.Option(help="Only these question ids, comma-separated.")
    ] = None,
    questions_out: Annotated[
        Path | None,
        typer.Option(help="Write the questions run (the --ids/--limit subset) for the scorer."),
    ] = None,
) -> None:
    """Ingest CORPUS into its own store, run every question, print and write the metrics."""
    from eval.harness import (
        facts_scores,
        glossary_scores,
        load_questions,
        run_eval,
        structure_scores,
    )
    from plan_assistant.cli import load_settings

    settings = load_settings(data_dir or Path("data") / "eval" / corpus.resolve().name)
    if not settings.embed_cache_dir:
        settings = settings.model_copy(update={"embed_cache_dir": Path("data")})
    if llm:
        settings = settings.model_copy(update={"llm_base_url": llm})
    if llm_model:
        settings = settings.model_copy(update={"llm_model": llm_model})
    wanted = [i.strip() for i in ids.split(",") if i.strip()] if ids else None
    run = run_eval(settings, corpus, questions, answers=not no_answers, ids=wanted, limit=limit)
    summary = run.summary
    default_gold = corpus.resolve() == Path("corpus").resolve()
    facts_gold = facts_gold or Path("eval/facts_gold.jsonl")
    structure_gold = structure_gold or Path("eval/structure_gold.jsonl")
    glossary_gold = glossary_gold or (Path("eval/glossary_gold.jsonl") if default_gold else None)
    if facts_gold.exists():
        summary["facts"] = facts_scores(corpus, facts_gold)
    if structure_gold.exists() and (found := structure_scores(settings, corpus, structure_gold)):
        summary["structure"] = found
    if glossary_gold and glossary_gold.exists():
        summary["glossary"] = glossary_scores(settings, glossary_gold)

    table = Table(title=f"{summary.get('questions')} questions · {corpus}")
    table.add_column("metric")
    table.add_column("value", justify="right")
    for section in (
        "retrieval",
        "answers",
        "latency_ms",
        "llm",
        "structure",
        "facts",
        "glossary",
    ):
        values = summary.get(section)
        if not isinstance(values, dict):
            continue
        for key, value in values.items():
            if isinstance(value, dict):
                for sub, v in value.items():
                    table.add_row(f"{section}.{key}.{sub}", _fmt(v))
            else:
                table.add_row(f"{section}.{key}", _fmt(value))
    console.print(table)
    if questions_out:
        questions_out.parent.mkdir(parents=True, exist_ok=True)
        by_id = {str(q["id"]): q for q in load_questions(questions)}
        with questions_out.open("w", encoding="utf-8") as fh:
            for rec in run.records:
                fh.write(json.dumps(by_id[str(rec["id"])], ensure_ascii=False) + "\n")
    if records:
        records.parent.mkdir(parents=True, exist_ok=True)
        with records.open("w", encoding="utf-8") as fh:
            for rec in run.records:
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    if json_out:
        json_out.parent.mkdir(parents=True, exist_ok=True)
        json_out.write_text(json.dumps(summary, ensure_ascii=False, indent=2), encoding="utf-8")


def register(app: typer.Typer) -> None:
    app.command("eval")(eval_command)
