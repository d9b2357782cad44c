"""`plan-assistant` command line: ingest, docs, search, remove, plus feature sub-commands."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from plan_assistant.settings import Settings, get_settings

app = typer.Typer(
    help="Plan-assistant: Danish municipal plan documents, answered with citations.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
console = Console()
err_console = Console(stderr=True)

DataDir = Annotated[
    Path | None,
    typer.Option("--data-dir", help="Data folder (default: $PLAN_ASSISTANT_DATA_DIR or ./data)."),
]


def load_settings(data_dir: Path | None = None) -> Settings:
    settings = get_settings()
    if data_dir is not None:
        settings = settings.model_copy(update={"data_dir": data_dir})
    return settings


@app.callback()
def _main(verbose: Annotated[bool, typer.Option("--verbose", "-v")] = False) -> None:
    logging.basicConfig(level=logging.INFO if verbose else logging.ERROR, format="%(message)s")


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (recursive).")],
    data_dir: DataDir = None,
    access: Annotated[
        str | None, typer.Option(help="Access group for this batch (default: public).")
    ] = None,
    force: Annotated[bool, typer.Option(help="Re-ingest unchanged files too.")] = False,
) -> None:
    """Ingest documents; bad files are reported by name and the rest continue."""
    from ingest.pipeline import Ingestor, expand_paths

    settings = load_settings(data_dir)
    ingestor = Ingestor(settings)
    files = expand_paths(paths)
    with Progress(
        TextColumn("[bold]Indlæser"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as progress:
        task = progress.add_task("", total=len(files))
        report = ingestor.ingest_paths(
            files,
            access=access,
            force=force,
            on_file=lambda r: progress.update(task, advance=1, description=r.source),
        )
    table = Table(title="Ingest")
    for col in ("file", "status", "pages", "chunks", "seconds"):
        table.add_column(col, justify="right" if col in ("pages", "chunks", "seconds") else "left")
    for r in report.files:
        style = {"failed": "red", "unchanged": "dim", "duplicate": "yellow"}.get(r.status, "")
        table.add_row(
            r.source, r.status, str(r.pages), str(r.chunks), f"{r.seconds:.2f}", style=style
        )
    console.print(table)
    ok = [r for r in report.files if r.status not in ("failed", "duplicate")]
    console.print(
        f"{len(ok)} documents ({report.count('added')} added, {report.count('updated')} updated,"
        f" {report.count('unchanged')} unchanged, {report.count('duplicate')} duplicates),"
        f" {sum(r.pages for r in ok)} pages,"
        f" {sum(r.chunks for r in ok)} chunks, {report.embedded} embedded,"
        f" {report.seconds:.1f} s"
    )
    for r in report.files:
        if r.status == "duplicate":
            console.print(f"[yellow]skipped[/yellow] {r.path}: {r.reason}")
    for r in report.failed:
        err_console.print(f"[red]error[/red] {r.path}: {r.reason}")
    if report.failed:
        raise typer.Exit(code=1)


@app.command()
def docs(
    data_dir: DataDir = None, as_json: Annotated[bool, typer.Option("--json")] = False
) -> None:
    """List ingested documents."""
    from stores.registry import Registry

    rows = Registry.open(load_settings(data_dir).data_dir).list_documents()
    if as_json:
        console.print_json(json.dumps(rows, ensure_ascii=False))
        return
    table = Table(title=f"{len(rows)} documents")
    for col in ("source", "type", "date", "committee", "pages", "chunks", "access"):
        table.add_column(col)
    for r in rows:
        table.add_row(
            r["source"],
            r["doc_type"],
            r["date_text"] or "",
            r["committee"] or "",
            str(r["n_pages"]),
            str(r["n_chunks"]),
            r["access"],
        )
    console.print(table)


@app.command()
def remove(
    ref: Annotated[str, typer.Argument(help="File name, path or document id.")],
    data_dir: DataDir = None,
) -> None:
    """Remove a document, its vectors and facts."""
    from ingest.pipeline import Ingestor

    removed = Ingestor(load_settings(data_dir)).remove(ref)
    if not removed:
        err_console.print(f"no document matches {ref!r}")
        raise typer.Exit(code=1)
    console.print(f"removed {len(removed)} document(s): {', '.join(removed)}")


@app.command()
def search(
    query: Annotated[str, typer.Argument()],
    k: Annotated[int, typer.Option("-k", help="Number of passages.")] = 5,
    data_dir: DataDir = None,
    explain: Annotated[bool, typer.Option(help="Show lexical and dense ranks.")] = False,
    doc_type: Annotated[str | None, typer.Option("--type")] = None,
    committee: Annotated[str | None, typer.Option()] = None,
    date_from: Annotated[str | None, typer.Option("--from")] = None,
    date_to: Annotated[str | None, typer.Option("--to")] = None,
    source: Annotated[str | None, typer.Option()] = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Ranked passages for a query, with source, page, section and score."""
    from assistant.retriever import HybridRetriever
    from assistant.types import SearchFilters

    retriever = HybridRetriever.from_settings(load_settings(data_dir))
    filters = SearchFilters(
        doc_types=[doc_type] if doc_type else None,
        committee=committee,
        date_from=date_from,
        date_to=date_to,
        sources=[source] if source else None,
    )
    hits = retriever.search(query, k=k, filters=filters)
    if as_json:
        console.print_json(json.dumps([h.to_dict() for h in hits], ensure_ascii=False))
        return
    for rank, hit in enumerate(hits, 1):
        why = ""
        if explain:
            why = (
                f"  [dim]lexical #{hit.lexical_rank or '-'} · dense #{hit.dense_rank or '-'}[/dim]"
            )
        console.rule(f"[bold]{rank}. {hit.source}[/bold] s. {hit.page} · {hit.section}")
        console.print(f"score {hit.score:.4f}{why}")
        console.print(hit.text[:700] + (" …" if len(hit.text) > 700 else ""), markup=False)


def _mount_features() -> None:
    """Feature CLIs live in their own modules (one concern each). A module with `register(app)`
    adds single commands; one with a Typer `app` becomes a command group."""
    from plan_assistant import (
        cli_access,
        cli_ask,
        cli_doctor,
        cli_eval,
        cli_facts,
        cli_feedback,
        cli_keys,
        cli_overview,
        cli_serve,
    )

    for module in (cli_serve, cli_ask, cli_eval, cli_feedback, cli_doctor, cli_overview):
        module.register(app)
    app.add_typer(cli_facts.app, name="facts", help="Budgets, follow-ups and decisions.")
    app.add_typer(cli_keys.app, name="keys", help="API keys: create, list, revoke.")
    app.add_typer(cli_access.app, name="access", help="Who may read a document.")


_mount_features()


if __name__ == "__main__":  # pragma: no cover
    app()
