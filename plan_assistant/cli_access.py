"""`plan-assistant access set DOC GROUP` / `access list`: an admin changes who may read a document.

A document's access level lives in two places: the registry row (which the BM25 mask, the
facts queries and the API read) and the `access` metadata of every one of its chunks in
Chroma (which the dense search's `where` clause reads). Both must change.

Order: registry first, then Chroma. The registry is authoritative on every path: the hybrid
retriever drops any dense hit whose registry row is outside the caller's access, so for the
moment between the two writes a narrowed document is already hidden everywhere, and a
widened one is merely not yet found by the dense half. If the Chroma update fails (server
down), the command says so and exits non-zero; `plan-assistant doctor --repair` finds the
mismatch and finishes the job.

`VectorStore` has no metadata-update method, so this module updates the raw Chroma
collection (`stores.vectors.collection.update`), also rewriting the copy of the metadata
llama-index keeps inside `_node_content`, so nodes rebuilt from Chroma agree.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

app = typer.Typer(
    help="Access levels of documents (public or a named group).", no_args_is_help=True
)
console = Console()
err_console = Console(stderr=True)

DataDir = Annotated[
    Path | None,
    typer.Option("--data-dir", help="Data folder (default: $PLAN_ASSISTANT_DATA_DIR or ./data)."),
]

GROUP_RE = re.compile(r"^[\w.-]{1,64}$")
BATCH = 500


@dataclass
class AccessChange:
    doc_id: str
    source: str
    old: str
    new: str
    chunks: int


def valid_group(group: str) -> str:
    group = group.strip()
    if not GROUP_RE.match(group):
        raise ValueError(f"invalid access group {group!r} (letters, digits, . _ - only)")
    return group


def _batches(items: Sequence[str], size: int = BATCH) -> Iterable[list[str]]:
    for i in range(0, len(items), size):
        yield list(items[i : i + size])


def _with_access(metadata: dict[str, Any], access: str) -> dict[str, Any]:
    out = dict(metadata)
    out["access"] = access
    raw = out.get("_node_content")
    if isinstance(raw, str):
        try:
            node = json.loads(raw)
        except ValueError:
            node = None
        if isinstance(node, dict) and isinstance(node.get("metadata"), dict):
            node["metadata"]["access"] = access
            out["_node_content"] = json.dumps(node)
    return out


def update_vector_access(collection: Any, chunk_ids: Sequence[str], access: str) -> int:
    """Set the `access` metadata of these chunks in Chroma; returns how many were updated."""
    updated = 0
    for batch in _batches(sorted(chunk_ids)):
        got = collection.get(ids=batch, include=["metadatas"])
        ids, metas = got["ids"], got["metadatas"] or []
        if not ids:
            continue
        collection.update(ids=ids, metadatas=[_with_access(m or {}, access) for m in metas])
        updated += len(ids)
    return updated


def set_document_access(stores: Any, ref: str, group: str) -> list[AccessChange]:
    """Change the access of the document(s) matching an id, file name or path."""
    group = valid_group(group)
    registry = stores.registry
    changes = []
    for row in registry.resolve(ref):
        doc_id = row["id"]
        old = registry.document_access(doc_id) or ""
        chunk_ids = sorted(registry.chunk_ids(doc_id))
        registry.set_access(doc_id, group)
        update_vector_access(stores.vectors.collection, chunk_ids, group)
        changes.append(AccessChange(doc_id, row["source"], old, group, len(chunk_ids)))
    return changes


def _stores(data_dir: Path | None):  # type: ignore[no-untyped-def]
    from plan_assistant.settings import get_settings
    from stores.bundle import Stores

    settings = get_settings()
    if data_dir is not None:
        settings = settings.model_copy(update={"data_dir": data_dir})
    return Stores.open(settings)


@app.command("set")
def set_(
    doc: Annotated[str, typer.Argument(help="Document id, file name or path.")],
    group: Annotated[str, typer.Argument(help="'public' or a group name, e.g. 'lukket'.")],
    data_dir: DataDir = None,
) -> None:
    """Change who may read a document: registry and vector metadata together."""
    stores = _stores(data_dir)
    try:
        changes = set_document_access(stores, doc, group)
    except ValueError as exc:
        err_console.print(f"[red]error[/red] {exc}")
        raise typer.Exit(code=2) from None
    except Exception as exc:  # Chroma unreachable after the registry changed
        err_console.print(
            f"[red]error[/red] the registry was updated but the vector store was not ({exc});"
            " run `plan-assistant doctor --repair` when it is reachable"
        )
        raise typer.Exit(code=1) from None
    if not changes:
        err_console.print(f"no document matches {doc!r}")
        raise typer.Exit(code=1)
    for c in changes:
        console.print(f"{c.source} ({c.doc_id}): {c.old} -> {c.new}, {c.chunks} chunks")


@app.command("list")
def list_(
    data_dir: DataDir = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Documents by access level."""
    from plan_assistant.settings import get_settings
    from stores.registry import Registry

    folder = data_dir or get_settings().data_dir
    rows = Registry.open(folder).list_documents()
    data = [{"id": r["id"], "source": r["source"], "access": r["access"]} for r in rows]
    if as_json:
        typer.echo(json.dumps(data, ensure_ascii=False))
        return
    table = Table(title=f"{len(rows)} documents")
    for col in ("access", "source", "id"):
        table.add_column(col)
    for r in sorted(data, key=lambda d: (d["access"] != "public", d["access"], d["source"])):
        table.add_row(r["access"], r["source"], r["id"])
    console.print(table)
