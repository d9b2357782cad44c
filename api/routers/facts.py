"""Structured facts (budgets, follow-ups, decisions) as JSON, or CSV for spreadsheets.

CSV is chosen with `Accept: text/csv` or `?format=csv`. The caller's access set goes into
the facts query itself.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import Response

from api.deps import AccessDep, ServicesDep
from api.fields import IsoDate
from api.schemas import ErrorOut, FactsOut

router = APIRouter(prefix="/api/facts", tags=["fakta"])

Format = Annotated[Literal["json", "csv"] | None, Query(description="json eller csv.")]


def _facts_module():  # type: ignore[no-untyped-def]
    try:
        from stores import facts
    except ImportError:
        raise HTTPException(status_code=503, detail="Faktaregistret er ikke installeret.") from None
    return facts


def wants_csv(request: Request, fmt: str | None) -> bool:
    if fmt:
        return fmt == "csv"
    accept = request.headers.get("accept", "")
    return "text/csv" in accept and "application/json" not in accept


def to_csv(rows: list[dict[str, Any]]) -> str:
    columns: list[str] = []
    for row in rows:
        for key in row:
            if key not in columns:
                columns.append(key)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(c)) for c in columns])
    return buf.getvalue()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, list | tuple):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def respond(
    request: Request, kind: str, rows: list[dict[str, Any]], fmt: str | None, **extra: Any
) -> Any:
    if wants_csv(request, fmt):
        return Response(
            content=to_csv(rows),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{kind}.csv"'},
        )
    return FactsOut(kind=kind, count=len(rows), rows=rows, **extra)


CSV_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/csv": {}}, "description": "JSON, eller CSV."},
    503: {"model": ErrorOut},
}


@router.get("/budgets", response_model=FactsOut, responses=CSV_RESPONSES, summary="Budgetter")
def budgets(
    request: Request,
    services: ServicesDep,
    access: AccessDep,
    source: Annotated[
        str | None, Query(max_length=300, description="Filnavn, dokument-id eller titel.")
    ] = None,
    min_amount: Annotated[float | None, Query(ge=0, description="Mindste beløb i kr.")] = None,
    allocations_only: Annotated[bool, Query(description="Kun bevillinger/afsatte beløb.")] = False,
    format: Format = None,
):
    facts = _facts_module()
    with services.db() as conn:
        rows = facts.query_budgets(
            conn,
            allowed_access=access,
            source=source or None,
            min_amount=min_amount,
            allocations_only=allocations_only,
        )
    return respond(request, "budgets", rows, format)


@router.get("/followups", response_model=FactsOut, responses=CSV_RESPONSES, summary="Opfølgninger")
def followups(
    request: Request,
    services: ServicesDep,
    access: AccessDep,
    outstanding: Annotated[bool | None, Query(description="Kun udestående.")] = None,
    as_of: Annotated[IsoDate | None, Query(description="Status pr. denne dato.")] = None,
    format: Format = None,
):
    facts = _facts_module()
    when = as_of or date.today()
    with services.db() as conn:
        rows = facts.query_followups(
            conn, allowed_access=access, outstanding=outstanding, as_of=when
        )
    return respond(request, "followups", rows, format, as_of=when.isoformat())


@router.get("/decisions", response_model=FactsOut, responses=CSV_RESPONSES, summary="Beslutninger")
def decisions(request: Request, services: ServicesDep, access: AccessDep, format: Format = None):
    facts = _facts_module()
    with services.db() as conn:
        rows = facts.query_decisions(conn, allowed_access=access)
    return respond(request, "decisions", rows, format)
