"""`plan-assistant facts ...`: budgets, follow-ups and decisions as tables or CSV.

Rich tables for the terminal; `--csv` writes CSV (semicolon-separated, decimal comma, UTF-8
with BOM) to stdout, which Danish Excel opens directly.
"""

from __future__ import annotations

import csv
import datetime as dt
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

app = typer.Typer(no_args_is_help=True, help="Budgets, follow-ups and decisions.")

STATUS_DA = {
    "planned": "planlagt",
    "in_progress": "i gang",
    "awaiting": "afventer",
    "done": "udført",
}
KIND_DA = {
    "allocation": "afsat",
    "grant": "bevilling",
    "extra_cost": "merudgift",
    "financing": "finansiering",
    "total": "ramme/total",
    "spent": "forbrugt",
    "hourly_rate": "timepris",
    "other": "andet",
}


@contextmanager
def _connection() -> Iterator[Any]:
    from plan_assistant.settings import get_settings
    from stores.registry import open_registry

    conn = open_registry(get_settings().data_dir)
    try:
        yield conn
    finally:
        conn.close()


def format_dkk(amount: float | None) -> str:
    """1500000 -> '1.500.000 kr.' (Danish thousands separator)."""
    if amount is None:
        return ""
    text = f"{amount:,.2f}".rstrip("0").rstrip(".")
    return text.replace(",", "X").replace(".", ",").replace("X", ".") + " kr."


def _number_da(value: float | None) -> str:
    if value is None:
        return ""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def _write_csv(columns: list[tuple[str, Callable[[dict[str, Any]], Any]]], rows) -> None:
    out = sys.stdout
    out.write("\ufeff")
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow([name for name, _ in columns])
    for row in rows:
        writer.writerow(["" if (v := get(row)) is None else v for _, get in columns])


def _table(title: str, columns: list[tuple[str, Callable[[dict[str, Any]], Any]]], rows) -> None:
    table = Table(title=title, show_lines=False, expand=True)
    for name, _ in columns:
        table.add_column(name, overflow="fold")
    for row in rows:
        table.add_row(*["" if (v := get(row)) is None else str(v) for _, get in columns])
    Console().print(table)


def _parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"ugyldig dato: {value} (brug ÅÅÅÅ-MM-DD)") from exc


@app.command()
def budgets(
    source: Annotated[str | None, typer.Option(help="Only this document (file name).")] = None,
    min_amount: Annotated[float | None, typer.Option(help="Only amounts >= N kr.")] = None,
    allocations: Annotated[
        bool, typer.Option("--allocations", help="Only allocations (no prices, rates).")
    ] = False,
    as_csv: Annotated[bool, typer.Option("--csv", help="CSV to stdout.")] = False,
) -> None:
    """Which initiative got which budget."""
    from stores.facts import query_budgets

    with _connection() as conn:
        rows = query_budgets(
            conn, source=source, min_amount=min_amount, allocations_only=allocations
        )
    if as_csv:
        _write_csv(
            [
                ("kilde", lambda r: r["source"]),
                ("side", lambda r: r["page"]),
                ("initiativ", lambda r: r["initiative"]),
                ("beløb_kr", lambda r: _number_da(r["amount_dkk"])),
                ("beløb_til_kr", lambda r: _number_da(r["amount_high"])),
                ("beløb_tekst", lambda r: r["amount_text"]),
                ("type", lambda r: KIND_DA.get(r["kind"], r["kind"])),
                ("bevilling", lambda r: "ja" if r["is_allocation"] else "nej"),
                ("periode", lambda r: r["period"]),
                ("år", lambda r: r["year"]),
                ("afsnit", lambda r: r["section"]),
                ("citat", lambda r: r["quote"]),
                ("start", lambda r: r["start"]),
                ("slut", lambda r: r["end"]),
            ],
            rows,
        )
        return
    _table(
        f"Budgetter ({len(rows)})",
        [
            ("Kilde", lambda r: f"{r['source']} s. {r['page']}"),
            ("Initiativ", lambda r: r["initiative"]),
            ("Beløb", lambda r: r["amount_text"]),
            ("DKK", lambda r: format_dkk(r["amount_dkk"])),
            ("Type", lambda r: KIND_DA.get(r["kind"], r["kind"])),
            ("Periode", lambda r: r["period"]),
        ],
        rows,
    )


@app.command()
def followups(
    outstanding: Annotated[
        bool, typer.Option("--outstanding", help="Only follow-ups not reported done.")
    ] = False,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Status as of this date (YYYY-MM-DD).")
    ] = None,
    as_csv: Annotated[bool, typer.Option("--csv", help="CSV to stdout.")] = False,
) -> None:
    """Next steps and deadlines, with status as of today or --as-of."""
    from stores.facts import query_followups

    day = _parse_date(as_of) or dt.date.today()
    with _connection() as conn:
        rows = query_followups(conn, outstanding=True if outstanding else None, as_of=day)

    def status(r: dict[str, Any]) -> str:
        text = STATUS_DA.get(r["status"], r["status"])
        if r.get("later_status"):
            text += f" → {STATUS_DA.get(r['later_status'], r['later_status'])}"
            text += f" ({r['later_source']})"
        if r.get("overdue"):
            text += " · overskredet"
        return text

    if as_csv:
        _write_csv(
            [
                ("kilde", lambda r: r["source"]),
                ("side", lambda r: r["page"]),
                ("handling", lambda r: r["action"]),
                ("frist_tekst", lambda r: r["deadline_text"]),
                ("frist", lambda r: r["due_date"]),
                ("ansvarlig", lambda r: r["responsible"]),
                ("status", status),
                ("udestående", lambda r: "ja" if r["outstanding"] else "nej"),
                ("citat", lambda r: r["quote"]),
                ("start", lambda r: r["start"]),
                ("slut", lambda r: r["end"]),
            ],
            rows,
        )
        return
    _table(
        f"Opfølgning pr. {day.isoformat()} ({len(rows)})",
        [
            ("Frist", lambda r: r["due_date"] or r["deadline_text"]),
            ("Handling", lambda r: r["action"]),
            ("Ansvarlig", lambda r: r["responsible"]),
            ("Status", status),
            ("Kilde", lambda r: f"{r['source']} s. {r['page']}"),
        ],
        rows,
    )


@app.command()
def decisions(
    as_csv: Annotated[bool, typer.Option("--csv", help="CSV to stdout.")] = False,
) -> None:
    """Per agenda item: the recommendation and the decision, kept apart."""
    from stores.facts import query_decisions

    with _connection() as conn:
        rows = query_decisions(conn)
    columns = [
        ("Dato", lambda r: r["decision_date"]),
        ("Udvalg", lambda r: r["committee"]),
        ("Punkt", lambda r: " ".join(x for x in (r["item_number"], r["item_title"]) if x)),
        ("Indstilling", lambda r: r["recommendation"]),
        (
            "Beslutning",
            lambda r: r["outcome"] or ("(ingen beslutning)" if not r["decision"] else ""),
        ),
        ("Kilde", lambda r: f"{r['source']} s. {r['page']}"),
    ]
    if as_csv:
        _write_csv(columns + [("beslutningstekst", lambda r: r["decision"])], rows)
        return
    _table(f"Beslutninger ({len(rows)})", columns, rows)
