"""Danish error responses: every error body is `{"detail": "<Danish sentence>"}`.

Validation errors keep pydantic's structured list under `errors` for programs, but the
`detail` a person reads is Danish.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

log = logging.getLogger("plan_assistant.api")

STATUS_DA = {
    400: "Forespørgslen er ugyldig.",
    401: "Adgang kræver en API-nøgle.",
    403: "Du har ikke adgang til dette.",
    404: "Siden findes ikke.",
    405: "Metoden er ikke tilladt her.",
    406: "Formatet kan ikke leveres.",
    413: "Forespørgslen er for stor.",
    415: "Filtypen understøttes ikke.",
    422: "Forespørgslen er ugyldig.",
    429: "For mange forespørgsler. Vent lidt, og prøv igen.",
    500: "Der opstod en intern fejl.",
    503: "Tjenesten er ikke klar endnu.",
}

FIELD_DA = {
    "message": "besked",
    "conversation_id": "samtale-id",
    "as_of": "pr. dato",
    "filters": "filtre",
    "stream": "stream",
    "q": "søgetekst",
    "k": "antal",
    "from": "fra-dato",
    "to": "til-dato",
    "rating": "vurdering",
    "comment": "kommentar",
    "message_id": "svar-id",
    "messages": "beskeder",
    "files": "filer",
}


def _field(loc: tuple[Any, ...]) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "header", "form")]
    if not parts:
        return "forespørgslen"
    name = parts[-1] if not parts[-1].isdigit() or len(parts) == 1 else parts[-2]
    return FIELD_DA.get(name, name)


def danish_message(error: dict[str, Any]) -> str:
    """One Danish sentence for one pydantic error."""
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    name = _field(tuple(error.get("loc", ())))
    if kind == "missing":
        return f"Feltet »{name}« mangler."
    if kind == "json_invalid":
        return "Forespørgslen er ikke gyldig JSON."
    if kind in ("model_attributes_type", "dict_type", "model_type"):
        return (
            "Forespørgslen skal være et JSON-objekt."
            if name == "forespørgslen"
            else (f"»{name}« skal være et objekt.")
        )
    if kind == "string_too_long":
        return f"»{name}« er for lang (højst {ctx.get('max_length')} tegn)."
    if kind == "string_too_short":
        return f"»{name}« må ikke være tom."
    if kind in ("too_short",):
        return f"»{name}« må ikke være tom."
    if kind in ("too_long",):
        return f"»{name}« har for mange elementer."
    if kind.startswith("date") or kind.startswith("datetime"):
        return f"»{name}« skal være en dato som ÅÅÅÅ-MM-DD."
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"»{name}« skal være et heltal."
    if kind in ("bool_parsing", "bool_type"):
        return f"»{name}« skal være true eller false."
    if kind in ("string_type", "string_unicode"):
        return f"»{name}« skal være tekst."
    if kind in ("list_type",):
        return f"»{name}« skal være en liste."
    if kind in ("greater_than_equal", "greater_than"):
        return f"»{name}« skal være mindst {ctx.get('ge', ctx.get('gt'))}."
    if kind in ("less_than_equal", "less_than"):
        return f"»{name}« må højst være {ctx.get('le', ctx.get('lt'))}."
    if kind in ("literal_error", "enum"):
        expected = str(ctx.get("expected", "")).replace(" or ", " eller ")
        return f"»{name}« skal være en af: {expected}."
    if kind == "extra_forbidden":
        return f"Feltet »{name}« kendes ikke."
    return f"»{name}« er ugyldig."


async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    errors = exc.errors()
    messages: list[str] = []
    for err in errors:
        msg = danish_message(err)
        if msg not in messages:
            messages.append(msg)
    body = {"detail": " ".join(messages) or STATUS_DA[422], "errors": jsonable_encoder(errors)}
    return JSONResponse(status_code=422, content=body)


async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    detail = exc.detail
    if not isinstance(detail, str) or detail == _english_phrase(exc.status_code):
        detail = STATUS_DA.get(exc.status_code, "Der opstod en fejl.")
    return JSONResponse(
        status_code=exc.status_code, content={"detail": detail}, headers=exc.headers
    )


async def unexpected_error(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unhandled error on %s %s", request.method, request.url.path)
    return JSONResponse(status_code=500, content={"detail": STATUS_DA[500]})


def _english_phrase(status: int) -> str:
    from http import HTTPStatus

    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


def install(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, validation_error)  # type: ignore[arg-type]
    app.add_exception_handler(StarletteHTTPException, http_error)  # type: ignore[arg-type]
    app.add_exception_handler(Exception, unexpected_error)
