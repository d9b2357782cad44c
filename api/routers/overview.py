"""Overblik: documents by committee and date, document cards, programmes, glossary, timeline
and starter questions, plus `/overview.js`, the view the widget mounts.

Every endpoint takes the caller's access set and passes it into the store reads themselves;
a document or programme the caller may not read answers 404 like one that does not exist.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query
from fastapi.responses import FileResponse

from api.deps import AccessDep, ServicesDep
from api.schemas import ErrorOut
from api.services.container import Services
from assistant.overview.cards import document_card, document_list
from assistant.overview.glossary_index import build_glossary, lookup
from assistant.overview.programmes import list_programmes, programme_page
from assistant.overview.suggestions import starter_questions
from assistant.overview.timeline import KIND_LABELS, timeline
from assistant.types import Answer, SearchFilters

router = APIRouter(tags=["overblik"])
STATIC = Path(__file__).resolve().parent.parent / "static"
NO_COMMITTEE = "Uden udvalg"
EventKind = Literal["meeting", "document", "decision", "deadline", "completion"]


@router.get("/overview.js", include_in_schema=False)
def overview_js() -> FileResponse:
    return FileResponse(
        STATIC / "overview.js",
        media_type="text/javascript",
        headers={"Cache-Control": "public, max-age=300"},
    )


@router.get("/api/overview", summary="Dokumenter efter udvalg og dato, programmer og tal")
def overview(services: ServicesDep, access: AccessDep) -> dict[str, Any]:
    registry = services.stores.registry
    documents = document_list(registry, access)
    committees: dict[str, list[dict[str, Any]]] = {}
    for doc in documents:  # newest first already
        committees.setdefault(doc["committee"] or NO_COMMITTEE, []).append(doc)
    groups = [
        {"committee": name, "documents": docs}
        for name, docs in sorted(
            committees.items(), key=lambda kv: (kv[0] == NO_COMMITTEE, kv[0].lower())
        )
    ]
    programmes = list_programmes(registry, access)
    return {
        "committees": groups,
        "programmes": programmes,
        "counts": {"documents": len(documents), "programmes": len(programmes)},
    }


@router.get(
    "/api/documents/{doc_id}/card",
    responses={404: {"model": ErrorOut}},
    summary="Dokumentkort: metadata, afsnit, resumé med kilder, budgetter, opfølgninger",
)
def card(doc_id: str, services: ServicesDep, access: AccessDep) -> dict[str, Any]:
    result = document_card(services.stores.registry, doc_id, access)
    if result is None:
        raise HTTPException(status_code=404, detail="Dokumentet findes ikke.")
    return result


@router.get("/api/programmes", summary="Programmer og initiativer på tværs af dokumenter")
def programmes(services: ServicesDep, access: AccessDep) -> dict[str, Any]:
    items = list_programmes(services.stores.registry, access)
    return {"programmes": items, "count": len(items)}


@router.get(
    "/api/programmes/{programme_id}",
    responses={404: {"model": ErrorOut}},
    summary="Et program: dokumenter i tidsorden, budgetter og åbne opfølgninger",
)
def programme(programme_id: str, services: ServicesDep, access: AccessDep) -> dict[str, Any]:
    page = programme_page(services.stores.registry, programme_id, access)
    if page is None:
        raise HTTPException(status_code=404, detail="Programmet findes ikke.")
    return page


@router.get("/api/glossary", summary="Forkortelser og begreber, og brugte men udefinerede")
def glossary(
    services: ServicesDep,
    access: AccessDep,
    term: Annotated[str | None, Query(max_length=100, description="Slå ét begreb op.")] = None,
) -> dict[str, Any]:
    registry = services.stores.registry
    if term is not None:
        entry = lookup(registry, access, term)
        return {"entries": [entry] if entry else [], "undefined": []}
    return build_glossary(registry, access)


@router.get("/api/timeline", summary="Møder, beslutninger, frister og gennemførte aktiviteter")
def get_timeline(
    services: ServicesDep,
    access: AccessDep,
    committee: Annotated[str | None, Query(max_length=200, description="Udvalg.")] = None,
    programme: Annotated[str | None, Query(max_length=64, description="Program-id.")] = None,
    topic: Annotated[str | None, Query(max_length=200, description="Emneord.")] = None,
    kind: Annotated[list[EventKind] | None, Query(description="Hændelsestyper.")] = None,
) -> dict[str, Any]:
    kinds = set(kind or []) or None
    events = timeline(
        services.stores.registry,
        access,
        committee=committee or None,
        programme=programme or None,
        topic=topic or None,
        kinds=kinds,
    )
    return {"events": events, "count": len(events), "kinds": KIND_LABELS}


def checked_suggestions(services: Services, access: set[str]) -> list[str]:
    """Starter questions the assistant answers with a citation for this caller (cached)."""
    filters = SearchFilters(access=set(access))

    def ask(question: str) -> Answer:
        return services.chat.ask(question, None, None, filters)

    return starter_questions(services.stores.registry, access, ask)


@router.get("/api/overview/suggestions", summary="Forslag til spørgsmål ud fra dokumenterne")
def suggestions(services: ServicesDep, access: AccessDep) -> dict[str, list[str]]:
    """Each suggestion was answered, with a citation, by the assistant when it was built."""
    return {"suggestions": checked_suggestions(services, access)}
