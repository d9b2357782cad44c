"""Danish error responses: every error body is JSON, `{"detail": "<Danish sentence>"}`, plus
`"field"` (the request field that was wrong, as the API names it) when one field is to blame.

Validation errors keep a structured list under `errors` for programs, with Danish `msg`s. No
error body echoes input it cannot encode: lone UTF-16 surrogates (valid in JSON, not in
UTF-8) become U+FFFD, and long input is shortened, so the error handler itself never fails.
"""

from __future__ import annotations

import json
import logging
import re
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.datastructures import Headers
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

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
    416: "Det ønskede udsnit af filen findes ikke.",
    422: "Forespørgslen er ugyldig.",
    429: "For mange forespørgsler. Vent lidt, og prøv igen.",
    500: "Der opstod en intern fejl.",
    503: "Tjenesten er ikke klar endnu.",
}

# What FastAPI and Starlette raise in English while reading a body, and what we say instead.
BODY_UNREADABLE = "Forespørgslens indhold kunne ikke læses. Send gyldig JSON i UTF-8."
FORM_UNREADABLE = "Formulardata kunne ikke læses. Send filerne som multipart/form-data."

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
    "date_from": "fra-dato",
    "date_to": "til-dato",
    "rating": "vurdering",
    "comment": "kommentar",
    "message_id": "svar-id",
    "messages": "beskeder",
    "files": "filer",
    "committee": "udvalg",
    "doc_types": "dokumenttyper",
    "sources": "kilder",
    "type": "dokumenttype",
    "topic": "emneord",
    "kind": "hændelsestype",
    "term": "begreb",
    "source": "kilde",
    "min_amount": "mindste beløb",
    "role": "rolle",
    "content": "indhold",
}

# Friendlier sentences for the fields people type into.
SPECIFIC_DA = {
    ("message", "string_pattern_mismatch"): "Beskeden er tom. Skriv et spørgsmål.",
    ("q", "string_pattern_mismatch"): "Skriv en søgetekst.",
    ("files", "too_short"): "Vælg mindst én fil.",
}

ECHO_MAX_CHARS = 200
_SURROGATE = re.compile("[\ud800-\udfff]")


class FieldError(HTTPException):
    """An HTTP error caused by one request field; the body names it under `field`."""

    def __init__(self, status_code: int, detail: str, field: str) -> None:
        super().__init__(status_code=status_code, detail=detail)
        self.field = field


def encodable(value: Any) -> Any:
    """`value` made safe to write as UTF-8 JSON: surrogates replaced, long text shortened."""
    if isinstance(value, str):
        value = _SURROGATE.sub("\ufffd", value)
        return value if len(value) <= ECHO_MAX_CHARS else value[:ECHO_MAX_CHARS] + "…"
    if isinstance(value, dict):
        return {encodable(str(k)): encodable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [encodable(v) for v in value]
    if value is None or isinstance(value, bool | int | float):
        return value
    return encodable(str(value))


def field_path(loc: tuple[Any, ...] | list[Any]) -> str:
    """The wrong field as the API names it: `message`, `filters.date_from`, `messages.0.role`."""
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "header", "form")]
    return ".".join(parts) if parts else ""


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
    loc = tuple(error.get("loc", ()))
    name = _field(loc)
    specific = SPECIFIC_DA.get((field_path(loc), kind))
    if specific:
        return specific
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
        given = error.get("input")
        has = f", den har {len(given)}" if isinstance(given, str) else ""
        return f"»{name}« er for lang (højst {ctx.get('max_length')} tegn{has})."
    if kind in ("string_too_short", "string_pattern_mismatch", "too_short"):
        return f"»{name}« må ikke være tom."
    if kind in ("too_long",):
        return f"»{name}« har for mange elementer (højst {ctx.get('max_length')})."
    if kind.startswith("date") or kind.startswith("datetime"):
        return f"»{name}« skal være en dato som ÅÅÅÅ-MM-DD."
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"»{name}« skal være et heltal."
    if kind in ("float_parsing", "float_type", "finite_number"):
        return f"»{name}« skal være et tal."
    if kind in ("bool_parsing", "bool_type"):
        return f"»{name}« skal være true eller false."
    if kind == "string_unicode":
        return f"»{name}« indeholder tegn, der ikke er gyldig tekst."
    if kind == "string_type":
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
    if kind == "value_error" and ctx.get("error"):
        return str(ctx["error"])  # our own validators raise Danish ValueErrors
    return f"»{name}« er ugyldig."


def danish_errors(errors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """pydantic's error list with Danish `msg`s, a `field` and only encodable input."""
    out = []
    for err in errors:
        item: dict[str, Any] = {
            "type": str(err.get("type", "")),
            "loc": encodable(list(err.get("loc", ()))),
            "msg": danish_message(err),
            "field": encodable(field_path(tuple(err.get("loc", ())))),
        }
        if "input" in err:
            item["input"] = encodable(jsonable_encoder(err["input"], custom_encoder=_RAW))
        out.append(item)
    return out


# jsonable_encoder fails on bytes that are not UTF-8: show them as replaced text instead.
_RAW = {bytes: lambda b: b.decode("utf-8", "replace")}


async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    errors = danish_errors(list(exc.errors()))
    messages: list[str] = []
    for err in errors:
        if err["msg"] not in messages:
            messages.append(err["msg"])
    body: dict[str, Any] = {"detail": " ".join(messages) or STATUS_DA[422]}
    if errors and errors[0]["field"]:
        body["field"] = errors[0]["field"]
    body["errors"] = errors
    return JSONResponse(status_code=422, content=body)


async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    detail = exc.detail
    headers = dict(exc.headers or {})
    if exc.status_code == 400 and not isinstance(exc, FieldError):
        # Our own code never raises 400: this is the framework failing to read the body.
        content_type = request.headers.get("content-type", "")
        detail = FORM_UNREADABLE if "multipart" in content_type else BODY_UNREADABLE
    elif not isinstance(detail, str) or detail == _english_phrase(exc.status_code):
        detail = STATUS_DA.get(exc.status_code, "Der opstod en fejl.")
    if exc.status_code == 405:
        headers["Allow"] = ", ".join(allowed_methods(request))
    body: dict[str, Any] = {"detail": encodable(detail)}
    if isinstance(exc, FieldError):
        body["field"] = exc.field
    return JSONResponse(status_code=exc.status_code, content=body, headers=headers or None)


METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")


def allowed_methods(request: Request) -> list[str]:
    """Every method some route serves at this path (Starlette names only the first route's):
    asked of each route through the public `matches`, one method at a time."""
    allowed = []
    for method in METHODS:
        scope = dict(request.scope, method=method)
        if any(route.matches(scope)[0] == Match.FULL for route in request.app.router.routes):
            allowed.append(method)
    return allowed


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


class JsonErrorBodies:
    """ASGI middleware: a 4xx that some framework part answers in plain English text (a
    malformed `Range` header on a file, a refused CORS preflight) gets our Danish JSON body,
    headers such as `Content-Range` kept."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        replacing = False

        async def send_json_errors(message: Message) -> None:
            nonlocal replacing
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = Headers(raw=message.get("headers", []))
                if 400 <= status < 500 and "json" not in headers.get("content-type", ""):
                    replacing = True
                    body = json.dumps(
                        {"detail": STATUS_DA.get(status, "Forespørgslen kunne ikke besvares.")},
                        ensure_ascii=False,
                    ).encode()
                    raw = [
                        (k, v)
                        for k, v in message.get("headers", [])
                        if k.lower() not in (b"content-type", b"content-length")
                    ]
                    raw += [
                        (b"content-type", b"application/json"),
                        (b"content-length", str(len(body)).encode()),
                    ]
                    await send({**message, "headers": raw})
                    await send({"type": "http.response.body", "body": body})
                    return
            elif message["type"] == "http.response.body" and replacing:
                return  # the English body is dropped; ours was sent with the start
            await send(message)

        await self.app(scope, receive, send_json_errors)
