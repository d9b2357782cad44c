"""`plan-assistant card | glossary | timeline | programmes`: the Overblik views in a terminal.

Run by an administrator, so every document is visible (no access filter), like `docs`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

console = Console()
err_console = Console(stderr=True)

DataDir = Annotated[
    Path | None,
    typer.Option("--data-dir", help="Data folder (default: $PLAN_ASSISTANT_DATA_DIR or ./data)."),
]
AsJson = Annotated[bool, typer.Option("--json", help="Print JSON.")]


def _registry(data_dir: Path | None):  # type: ignore[no-untyped-def]
    from plan_assistant.cli import load_settings
    from stores.registry import Registry

    return Registry.open(load_settings(data_dir).data_dir)


def _print_json(data: Any) -> None:
    console.print_json(json.dumps(data, ensure_ascii=False, default=str))


def card(
    source: Annotated[str, typer.Argument(help="File name, path or document id.")],
    data_dir: DataDir = None,
    as_json: AsJson = False,
) -> None:
    """A document's card: metadata, sections, cited summary, budgets, follow-ups, decisions."""
    from assistant.overview.cards import document_card, resolve_document

    registry = _registry(data_dir)
    doc_id = resolve_document(registry, source, None)
    result = document_card(registry, doc_id, None) if doc_id else None
    if result is None:
        err_console.print(f"no document matches {source!r}")
        raise typer.Exit(code=1)
    if as_json:
        _print_json(result)
        return
    console.rule(f"[bold]{result['title']}")
    facts = [
        ("Type", result["doc_type_label"]),
        ("Dato", result["date_text"] or ""),
        ("Udvalg", result["committee"] or ""),
        ("Sag", ", ".join(result["case_numbers"])),
        ("Status", result["status_label"]),
        ("Fil", result["source"]),
    ]
    for label, value in facts:
        if value:
            console.print(f"[bold]{label}:[/bold] {value}", markup=True, highlight=False)
    console.print("\n[bold]Resumé[/bold]")
    for s in result["summary"]:
        c = s["citation"]
        console.print(f"  {s['text']} [dim][s. {c['page']}, {c['start']}-{c['end']}][/dim]")
    console.print("\n[bold]Afsnit[/bold]")
    for s in result["sections"]:
        console.print("  " * s["level"] + s["title"], markup=False)
    for kind, label, field in (
        ("budgets", "Budgetter", "amount_text"),
        ("followups", "Opfølgninger", "action"),
        ("decisions", "Beslutninger", "outcome"),
    ):
        rows = result[kind]
        if not rows:
            continue
        console.print(f"\n[bold]{label}[/bold]")
        for r in rows:
            extra = r.get("initiative") or r.get("deadline_text") or r.get("item_title") or ""
            state = "" if kind != "followups" else (" (åben)" if r["open"] else " (lukket)")
            console.print(f"  • {r.get(field) or ''} {extra}{state}", markup=False)


def glossary(
    data_dir: DataDir = None,
    as_json: AsJson = False,
) -> None:
    """Abbreviations and terms defined in the documents, and those used but never defined."""
    from assistant.overview.glossary_index import build_glossary

    result = build_glossary(_registry(data_dir), None)
    if as_json:
        _print_json(result)
        return
    table = Table(title=f"{len(result['entries'])} forkortelser og begreber")
    for col in ("term", "betydning", "kilde"):
        table.add_column(col)
    for e in result["entries"]:
        for exp in e["expansions"]:
            src = exp["sources"][0]
            table.add_row(e["term"], exp["expansion"], f"{src['source']} s. {src['page']}")
    console.print(table)
    undefined = Table(title="Brugt, men ikke defineret")
    for col in ("forkortelse", "antal", "dokumenter"):
        undefined.add_column(col)
    for u in result["undefined"]:
        undefined.add_row(
            u["term"], str(u["count"]), ", ".join(d["source"] for d in u["documents"])
        )
    console.print(undefined)


def timeline(
    committee: Annotated[str | None, typer.Option(help="Only this committee.")] = None,
    programme: Annotated[str | None, typer.Option(help="Only this programme id.")] = None,
    topic: Annotated[str | None, typer.Option(help="Only events about these words.")] = None,
    data_dir: DataDir = None,
    as_json: AsJson = False,
) -> None:
    """Dated events across the documents: meetings, decisions, deadlines, completions."""
    from assistant.overview.timeline import timeline as build

    events = build(_registry(data_dir), None, committee=committee, programme=programme,
                   topic=topic)  # fmt: skip
    if as_json:
        _print_json(events)
        return
    table = Table(title=f"{len(events)} hændelser")
    for col in ("dato", "type", "hændelse", "kilde"):
        table.add_column(col)
    for e in events:
        status = {"overdue": " (overskredet)", "open": " (åben)"}.get(e.get("status") or "", "")
        table.add_row(
            e["date"],
            e["kind_label"] + status,
            e["label"][:110],
            f"{e['source']} s. {e['citation']['page']}",
        )
    console.print(table)


def programmes(
    data_dir: DataDir = None,
    as_json: AsJson = False,
) -> None:
    """Programmes and initiatives: documents that belong together, in time order."""
    from assistant.overview.programmes import list_programmes

    items = list_programmes(_registry(data_dir), None)
    if as_json:
        _print_json(items)
        return
    for p in items:
        console.rule(f"[bold]{p['name']}[/bold] [dim]{p['id']}[/dim]")
        if p["reasons"]:
            console.print("Samlet fordi: " + "; ".join(p["reasons"]), markup=False)
        for d in p["documents"]:
            when = d["date_text"] or d["date"] or ""
            console.print(f"  {when:>18}  {d['doc_type_label']:<14} {d['title']}", markup=False)


def register(app: typer.Typer) -> None:
    """Add the overview commands to the main CLI (called by plan_assistant.cli)."""
    app.command("card")(card)
    app.command("glossary")(glossary)
    app.command("timeline")(timeline)
    app.command("programmes")(programmes)
