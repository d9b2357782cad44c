"""Liveness and readiness for load balancers and `make run`."""

from __future__ import annotations

import logging

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import JSONResponse

from api.deps import ServicesDep, current_access
from api.schemas import HealthOut, ReadyOut
from api.services.container import Services

router = APIRouter(tags=["drift"])
log = logging.getLogger("plan_assistant.api")


@router.get("/healthz", response_model=HealthOut, summary="Processen kører")
def healthz() -> HealthOut:
    return HealthOut(status="ok")


@router.get(
    "/readyz",
    response_model=ReadyOut,
    summary="Lageret svarer, og dokumenterne er indekseret",
    responses={503: {"model": ReadyOut}},
)
def readyz(request: Request, services: ServicesDep) -> ReadyOut | JSONResponse:
    """Ready when the stores answer and every chunk has its vector.

    Totals are checked but never shown: `documents` counts only what the caller may read
    (none for a caller without access), so closed documents leave no trace here either.
    """
    try:
        stores = services.stores
        counts = stores.registry.counts()
    except Exception as exc:  # store files missing, locked, or Chroma server down at start
        log.warning("readyz: stores unavailable: %s", exc)
        return _not_ready("Lageret kan ikke åbnes.")
    if not stores.vectors.heartbeat():
        return _not_ready("Vektorlageret svarer ikke.")
    try:
        vectors = stores.vectors.collection.count()
    except Exception as exc:
        log.warning("readyz: vector count failed: %s", exc)
        return _not_ready("Vektorlageret svarer ikke.")
    if counts["documents"] == 0 or counts["chunks"] == 0:
        return _not_ready("Der er ingen dokumenter indekseret endnu.")
    if vectors < counts["chunks"]:
        return _not_ready("Indekset er ufuldstændigt.")
    return ReadyOut(status="ready", documents=_readable_count(request, services))


def _readable_count(request: Request, services: Services) -> int | None:
    try:
        access = current_access(request)
    except HTTPException:  # no anonymous access: a load balancer still gets its 200
        return None
    return len(services.stores.registry.list_documents(access))


def _not_ready(detail: str) -> JSONResponse:
    body = ReadyOut(status="not_ready", detail=detail)
    return JSONResponse(status_code=503, content=body.model_dump())
