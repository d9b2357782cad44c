"""`plan-assistant ask` and `plan-assistant chat`: questions answered with their sources.

`ask "SPØRGSMÅL"` prints the answer (Markdown, rich) and a numbered source list with file,
page, section and the verbatim quote; `--json` prints the `Answer` as JSON instead. `chat` keeps
the conversation so follow-ups ("Og hvad med LEAN-projektet?") work; `/ny` starts over.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markdown import Markdown
from rich.panel import Panel
from rich.table import Table

console = Console()

DataDirOpt = Annotated[
    Path | None,
    typer.Option("--data-dir", help="Data folder (default: $PLAN_ASSISTANT_DATA_DIR or ./data)."),
]
AsOfOpt = Annotated[
    str | None,
    typer.Option("--as-of", help="Date for 'outstanding' follow-ups (YYYY-MM-DD; default today)."),
]


def _assistant(data_dir: Path | None) -> Any:
    from assistant.answer import Assistant
    from plan_assistant.settings import get_settings

    settings = get_settings()
    if data_dir is not None:
        settings = settings.model_copy(update={"data_dir": data_dir})
    return Assistant.from_settings(settings)


def answer_json(answer: Any) -> str:
    data = answer.to_dict()
    return json.dumps(data, ensure_ascii=False, indent=2, default=str)


def print_answer(answer: Any, out: Console | None = None) -> None:
    """The answer as Markdown, then its sources with verbatim quotes."""
    out = out or console
    style = "yellow" if answer.abstained else "green"
    title = "Svar" + (" (sprogmodel)" if answer.mode == "llm" else "")
    out.print(Panel(Markdown(answer.text or ""), title=title, border_style=style))
    if answer.notice:
        out.print(f"[yellow]{answer.notice}[/yellow]")
    if answer.citations:
        table = Table(title="Kilder", show_lines=True, expand=True)
        table.add_column("#", justify="right", no_wrap=True)
        table.add_column("Kilde")
        table.add_column("Citat", ratio=3)
        for c in answer.citations:
            where = f"{c.source}\ns. {c.page}" + (f"\n{c.section}" if c.section else "")
            quote = c.quote if len(c.quote) <= 600 else c.quote[:600] + " …"
            table.add_row(str(c.n), where, quote)
        out.print(table)
    elif answer.abstained and answer.sources:
        out.print("[dim]Nærmeste kilder:[/dim]")
        for hit in answer.sources:
            out.print(f"[dim]- {hit.source}, s. {hit.page}: {hit.section}[/dim]", markup=True)
    if answer.timings_ms:
        total = answer.timings_ms.get("total")
        if total is not None:
            out.print(f"[dim]{total:.0f} ms[/dim]")


def ask(
    question: Annotated[str, typer.Argument(help="Spørgsmålet, fx 'Hvor meget blev afsat til …?'")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the Answer as JSON.")] = False,
    as_of: AsOfOpt = None,
    data_dir: DataDirOpt = None,
) -> None:
    """Answer a question from the ingested documents, with numbered, verbatim sources."""
    assistant = _assistant(data_dir)
    try:
        answer = assistant.ask(question, as_of=as_of)
    except ValueError as exc:  # e.g. an unreadable --as-of date
        console.print(f"[red]{exc}[/red]")
        raise typer.Exit(2) from exc
    if as_json:
        print(answer_json(answer))
        return
    print_answer(answer)


def chat(
    as_of: AsOfOpt = None,
    data_dir: DataDirOpt = None,
) -> None:
    """Interactive session; follow-up questions use the conversation so far."""
    assistant = _assistant(data_dir)
    history: list[dict[str, str]] = []
    console.print(
        "[bold]Plan-assistent[/bold] - skriv et spørgsmål. /ny starter forfra, /slut afslutter."
    )
    while True:
        try:
            question = console.input("[bold cyan]> [/bold cyan]").strip()
        except (EOFError, KeyboardInterrupt):
            console.print()
            break
        if not question:
            continue
        if question.lower() in ("/slut", "/exit", "/quit", "exit", "quit"):
            break
        if question.lower() in ("/ny", "/new"):
            history.clear()
            console.print("[dim]Ny samtale.[/dim]")
            continue
        answer = assistant.ask(question, history=history, as_of=as_of)
        print_answer(answer)
        history.append({"role": "user", "content": question})
        history.append({"role": "assistant", "content": answer.text})


def register(app: typer.Typer) -> None:
    """Add `ask` and `chat` to the main `plan-assistant` app."""
    app.command("ask")(ask)
    app.command("chat")(chat)
