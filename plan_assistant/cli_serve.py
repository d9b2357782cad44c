"""`plan-assistant serve`: the HTTP API and chat widget under uvicorn.

On first start with an empty store the corpus folder is ingested before the server
listens, so `make run` on a fresh checkout ends in a working chat.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from plan_assistant.settings import Settings, get_settings

console = Console(stderr=True)


def _settings(data_dir: Path | None) -> Settings:
    settings = get_settings()
    if data_dir is not None:
        settings = settings.model_copy(update={"data_dir": data_dir})
    return settings


def ingest_if_empty(settings: Settings) -> int:
    """Ingest `settings.corpus_dir` when the registry holds no document; returns files added."""
    from stores.registry import Registry

    registry = Registry.open(settings.data_dir)
    try:
        if registry.counts()["documents"] > 0:
            return 0
    finally:
        registry.conn.close()
    corpus = Path(settings.corpus_dir)
    if not corpus.is_dir():
        console.print(f"[yellow]Tomt lager, og mappen {corpus} findes ikke: intet indlæst.[/]")
        return 0
    from ingest.pipeline import Ingestor

    console.print(f"Tomt lager: indlæser {corpus} …")
    report = Ingestor(settings).ingest_paths([corpus])
    for f in report.files:
        style = "red" if f.status == "failed" else "green"
        reason = f" ({f.reason})" if f.reason else ""
        console.print(f"  [{style}]{f.status}[/] {f.source}: {f.chunks} afsnit{reason}")
    return report.count("added")


def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8000,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes.")] = 1,
    data_dir: Annotated[
        Path | None,
        typer.Option("--data-dir", help="Data folder (default: from settings)."),
    ] = None,
    ingest: Annotated[
        bool, typer.Option(help="Ingest the corpus folder first when the store is empty.")
    ] = True,
    log_level: Annotated[str, typer.Option(help="uvicorn log level.")] = "info",
) -> None:
    """Run the API and the chat widget (http://HOST:PORT/)."""
    import uvicorn

    settings = _settings(data_dir)
    if ingest:
        ingest_if_empty(settings)
    console.print(f"Planassistenten kører på http://{host}:{port}/ (API-dokumentation: /docs)")
    if workers == 1:
        from api.app import create_app

        uvicorn.run(create_app(settings), host=host, port=port, log_level=log_level)
        return
    # Worker processes build their own app from the environment.
    os.environ["PLAN_ASSISTANT_DATA_DIR"] = str(settings.data_dir)
    uvicorn.run(
        "api.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level=log_level,
    )


def register(app: typer.Typer) -> None:
    """Mounted by plan_assistant.cli as the top-level `serve` command."""
    app.command("serve")(serve)
