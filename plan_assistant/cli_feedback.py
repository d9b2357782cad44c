"""`plan-assistant feedback`: what staff said about answers (thumbs and comments)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from plan_assistant.settings import get_settings

console = Console()


def _short(text: str | None, chars: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= chars else text[: chars - 1] + "…"


def feedback(
    rating: Annotated[
        str | None, typer.Option(help="Only 'up' or only 'down'.", case_sensitive=False)
    ] = None,
    limit: Annotated[int, typer.Option(min=1, help="Newest N entries.")] = 50,
    data_dir: Annotated[
        Path | None,
        typer.Option("--data-dir", help="Data folder (default: from settings)."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON lines instead of a table.")] = False,
) -> None:
    """List feedback on answers, newest first, with the question and the answer."""
    from stores import conversations
    from stores.registry import open_registry

    if rating is not None and rating.lower() not in ("up", "down"):
        raise typer.BadParameter("rating must be 'up' or 'down'", param_hint="--rating")
    settings = get_settings()
    conn = open_registry(data_dir or settings.data_dir)
    try:
        conversations.create_schema(conn)
        rows = conversations.list_feedback(
            conn, rating=rating.lower() if rating else None, limit=limit
        )
    finally:
        conn.close()
    if as_json:
        for row in rows:
            typer.echo(json.dumps(row, ensure_ascii=False))
        return
    up = sum(1 for r in rows if r["rating"] == "up")
    table = Table(title=f"Feedback: {len(rows)} ({up} op, {len(rows) - up} ned)")
    for col in ("tid", "", "spørgsmål", "svar", "kommentar"):
        table.add_column(col, overflow="fold")
    for r in rows:
        mark = "[green]+[/]" if r["rating"] == "up" else "[red]−[/]"
        table.add_row(
            r["updated_at"],
            mark,
            _short(r["question"], 60),
            _short(r["answer"], 80),
            _short(r["comment"], 80),
        )
    console.print(table)


def register(app: typer.Typer) -> None:
    """Mounted by plan_assistant.cli as the top-level `feedback` command."""
    app.command("feedback")(feedback)
