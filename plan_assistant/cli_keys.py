"""`plan-assistant keys create|list|revoke`: API keys for the HTTP API.

The token is printed once, at creation; only its salted hash is stored.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

app = typer.Typer(
    help="API keys: roles reader/editor/admin and access groups.", no_args_is_help=True
)
console = Console()
err_console = Console(stderr=True)

DataDir = Annotated[
    Path | None,
    typer.Option("--data-dir", help="Data folder (default: $PLAN_ASSISTANT_DATA_DIR or ./data)."),
]


def _conn(data_dir: Path | None):  # type: ignore[no-untyped-def]
    from plan_assistant.settings import get_settings
    from stores.keys import open_keys

    return open_keys(data_dir or get_settings().data_dir)


@app.command("create")
def create(
    name: Annotated[str, typer.Argument(help="Who or what uses the key (unique while active).")],
    role: Annotated[
        str, typer.Option(help="reader (chat, search), editor (upload, delete), admin.")
    ] = "reader",
    group: Annotated[
        list[str] | None,
        typer.Option("--group", "-g", help="Access group the key may read (repeatable)."),
    ] = None,
    data_dir: DataDir = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Create a key and print its token once."""
    from stores.keys import InvalidKeyRequest, authenticate, create_key

    conn = _conn(data_dir)
    try:
        token = create_key(conn, name, role, group or [])
    except InvalidKeyRequest as exc:
        err_console.print(f"[red]error[/red] {exc}")
        raise typer.Exit(code=2) from None
    who = authenticate(conn, token)
    assert who is not None
    if as_json:
        data = {
            "id": who.key_id,
            "name": who.name,
            "role": who.role,
            "groups": sorted(who.groups),
            "token": token,
        }
        typer.echo(json.dumps(data, ensure_ascii=False))
        return
    console.print(
        f"created key [bold]{who.key_id}[/bold] for {who.name!r}: role {who.role},"
        f" groups {', '.join(sorted(who.groups)) or '(public only)'}"
    )
    console.print("Token (shown once; store it now):")
    typer.echo(token)


@app.command("list")
def list_(
    data_dir: DataDir = None,
    include_revoked: Annotated[bool, typer.Option("--all", help="Show revoked keys too.")] = False,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """List keys (never their tokens)."""
    from stores.keys import list_keys

    rows = list_keys(_conn(data_dir), include_revoked=include_revoked)
    if as_json:
        typer.echo(json.dumps(rows, ensure_ascii=False))
        return
    table = Table(title=f"{len(rows)} keys")
    for col in ("id", "name", "role", "groups", "created", "revoked"):
        table.add_column(col)
    for r in rows:
        table.add_row(
            r["id"],
            r["name"],
            r["role"],
            ", ".join(r["groups"]),
            r["created_at"],
            r["revoked_at"] or "",
            style="dim" if r["revoked_at"] else "",
        )
    console.print(table)


@app.command("revoke")
def revoke(
    ref: Annotated[str, typer.Argument(help="Key id or name.")],
    data_dir: DataDir = None,
) -> None:
    """Revoke a key: it stops working on the next request."""
    from stores.keys import revoke_key

    ids = revoke_key(_conn(data_dir), ref)
    if not ids:
        err_console.print(f"no active key matches {ref!r}")
        raise typer.Exit(code=1)
    console.print(f"revoked {len(ids)} key(s): {', '.join(ids)}")
