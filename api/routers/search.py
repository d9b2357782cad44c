"""Ranked passages with their sources: the retriever over HTTP."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from starlette.concurrency import run_in_threadpool

from api.deps import AccessDep, ServicesDep
from api.fields import VISIBLE_CHAR, IsoDate
from api.schemas import SearchOut
from assistant.types import SearchFilters

router = APIRouter(prefix="/api", tags=["søgning"])


@router.get("/search", response_model=SearchOut, summary="Søg i dokumenterne")
async def search(
    services: ServicesDep,
    access: AccessDep,
    q: Annotated[
        str, Query(max_length=2000, pattern=VISIBLE_CHAR, description="Søgetekst (ikke tom).")
    ],
    k: Annotated[int, Query(ge=1, le=50, description="Antal passager.")] = 10,
    doc_type: Annotated[list[str] | None, Query(alias="type", description="Dokumenttype.")] = None,
    committee: Annotated[str | None, Query(max_length=200)] = None,
    date_from: Annotated[IsoDate | None, Query(alias="from", description="Fra dato.")] = None,
    date_to: Annotated[IsoDate | None, Query(alias="to", description="Til dato.")] = None,
) -> SearchOut:
    query = q.strip()
    filters = SearchFilters(
        access=access,
        doc_types=[t for t in doc_type if t] or None if doc_type else None,
        committee=committee or None,
        date_from=date_from.isoformat() if date_from else None,
        date_to=date_to.isoformat() if date_to else None,
    )
    hits = await run_in_threadpool(services.retriever.search, query, k, filters)
    return SearchOut(query=query, k=k, hits=hits)
