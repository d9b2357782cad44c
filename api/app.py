"""The FastAPI application: `create_app(settings)` wires routers, errors, CORS and limits.

`uvicorn --factory api.app:create_app` (what `plan-assistant serve` runs) builds one app per
worker process; each has its own `Services` (stores, retriever, assistant) loaded once.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.openapi.utils import get_openapi

from api import errors
from api.limits import MB, BodyLimitMiddleware
from api.routers import chat, documents, facts, feedback, health, openai_compat, search, widget
from api.services.container import Services
from plan_assistant.settings import Settings, get_settings

log = logging.getLogger("plan_assistant.api")

DESCRIPTION = """
Planassistenten svarer på spørgsmål om kommunens plandokumenter (referater, kommissorier,
bilag, statusnotater) med kildehenvisninger, der kan efterprøves: hvert citat er den præcise
tekst `text[start:end]` i dokumentet fra `/api/documents/{id}`.

Chat-widgetten ligger på `/` (hel side) og `/widget.js` (indlejring på intranettet).
"""

UPLOAD_FILES_PER_REQUEST = 4  # the total body limit is this many maximum-size files


def _warm_up(services: Services) -> None:
    """Load the embedder, stores and indexes before the first question arrives."""
    try:
        services.retriever.search("opvarmning", k=1)
        _ = services.chat
    except Exception:  # the data dir may be empty or the store down: readyz will say so
        log.warning("warm-up failed; services load on first request", exc_info=True)


def _import_heavy_modules() -> None:
    """Import the store and retriever modules once, here, in one thread: llama-index's
    package imports are circular, and the warm-up thread importing them while a first
    request does the same fails with ImportError (a 500 on that request)."""
    import importlib

    for name in ("stores.bundle", "assistant.retriever", "ingest.pipeline"):
        importlib.import_module(name)


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    _import_heavy_modules()
    services = Services(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        threading.Thread(target=_warm_up, args=(services,), daemon=True).start()
        yield
        services.close()
        limiter = getattr(app.state, "chat_limiter", None)
        if hasattr(limiter, "close"):
            limiter.close()

    app = FastAPI(
        title="Planassistenten",
        version="0.1.0",
        description=DESCRIPTION,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.services = services
    errors.install(app)

    app.add_middleware(
        BodyLimitMiddleware,
        upload_limit=settings.upload_max_mb * MB * UPLOAD_FILES_PER_REQUEST,
        upload_mb=settings.upload_max_mb,
    )
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST", "DELETE"],
            allow_headers=["Authorization", "Content-Type", "Accept"],
            max_age=600,
        )

    app.add_middleware(errors.JsonErrorBodies)  # outermost: sees every 4xx, CORS's too

    for module in (health, widget, chat, search, documents, facts, feedback, openai_compat):
        app.include_router(module.router)
    _include_optional(app, "api.routers.overview")

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(
                title=app.title,
                version=app.version,
                description=app.description,
                routes=app.routes,
            )
            _danish_validation_schema(schema)
            _document_body_errors(schema)
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    return app


def _include_optional(app: FastAPI, module_name: str) -> None:
    """Feature routers that depend on optional packages (the overview) mount when present."""
    import importlib

    try:
        module = importlib.import_module(module_name)
    except ImportError:
        log.warning("router %s not available", module_name, exc_info=True)
        return
    app.include_router(module.router)


def _danish_validation_schema(schema: dict[str, Any]) -> None:
    """Our 422 body is `{"detail": "<Danish>", "field"?, "errors": [...]}`; document it."""
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    if "HTTPValidationError" in components:
        components["HTTPValidationError"] = {
            "title": "HTTPValidationError",
            "type": "object",
            "properties": {
                "detail": {"type": "string", "title": "Detail"},
                "field": {"type": "string", "title": "Field"},
                "errors": {
                    "type": "array",
                    "items": {"$ref": "#/components/schemas/ValidationError"},
                    "title": "Errors",
                },
            },
            "required": ["detail"],
        }
    if "ValidationError" in components:
        error = components["ValidationError"]
        error["properties"]["msg"]["description"] = "Fejlen på dansk."
        error["properties"]["field"] = {
            "type": "string",
            "title": "Field",
            "description": "Feltet, fx message eller filters.date_from.",
        }


def _document_body_errors(schema: dict[str, Any]) -> None:
    """Every operation with a body can also answer 400 (the body cannot be read: bad UTF-8,
    broken multipart) and 413 (too large, api/limits.py), both in Danish."""
    error_ref = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorOut"}}}
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            if not isinstance(operation, dict) or "requestBody" not in operation:
                continue
            responses = operation.setdefault("responses", {})
            responses.setdefault(
                "400", {"description": "Indholdet kunne ikke læses.", "content": error_ref}
            )
            responses.setdefault(
                "413", {"description": "Forespørgslen er for stor.", "content": error_ref}
            )
