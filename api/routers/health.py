"""Liveness and readiness for load balancers and `make run`."""

from __future__ import annotations

import logging

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from api.deps import ServicesDep
from api.schemas import HealthOut, ReadyOut

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
def readyz(services: ServicesDep) -> ReadyOut | JSONResponse:
    try:
        stores = services.stores
        counts = stores.registry.counts()
    except Exception as exc:  # store files missing, locked, or Chroma server down at start
        log.warning("readyz: stores unavailable: %s", exc)
        return _not_ready("Lageret kan ikke åbnes.")
    if not stores.vectors.heartbeat():
        return _not_ready("Vektorlageret svarer ikke.", counts)
    try:
        vectors = stores.vectors.collection.count()
    except Exception as exc:
        log.warning("readyz: vector count failed: %s", exc)
        return _not_ready("Vektorlageret svarer ikke.", counts)
    if counts["documents"] == 0 or counts["chunks"] == 0:
        return _not_ready("Der er ingen dokumenter indekseret endnu.", counts, vectors)
    if vectors < counts["chunks"]:
        return _not_ready("Indekset er ufuldstændigt.", counts, vectors)
    return ReadyOut(status="ready", vectors=vectors, **counts)


def _not_ready(detail: str, counts: dict[str, int] | None = None, vectors: int | None = None):
    body = ReadyOut(status="not_ready", detail=detail, vectors=vectors, **(counts or {}))
    return JSONResponse(status_code=503, content=body.model_dump())
