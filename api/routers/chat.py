"""Chat: one question in, a cited answer out, as JSON or as Server-Sent Events.

SSE events: `start` (conversation and message ids), `delta` (text pieces), `citations`,
`table`, then `done` (the complete answer) or `error`. The question and the answer are
stored together when the answer is complete, so follow-up questions see the history.
"""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator, Iterator
from dataclasses import asdict
from typing import Any

from fastapi import APIRouter, Depends, HTTPException
from sse_starlette import EventSourceResponse
from starlette.concurrency import iterate_in_threadpool, run_in_threadpool

from api.deps import Caller, CallerDep, ServicesDep
from api.schemas import (
    ChatFilters,
    ChatRequest,
    ChatResponse,
    ConversationOut,
    ErrorOut,
    SuggestionsOut,
)
from api.security import chat_rate_limit
from api.services.chat import ChatEvent
from api.services.container import Services
from api.services.text import clean_message
from api.services.withheld import filter_messages
from assistant.types import Answer, SearchFilters
from stores import conversations as conv_store

router = APIRouter(prefix="/api", tags=["chat"])
log = logging.getLogger("plan_assistant.api")

CONVERSATION_NOT_FOUND = "Samtalen findes ikke."
STREAM_FAILED = "Der opstod en fejl, mens svaret blev skrevet. Prøv igen."


def search_filters(filters: ChatFilters | None, access: frozenset[str]) -> SearchFilters:
    """The caller's access always comes from the server, never from the request body."""
    f = filters or ChatFilters()
    return SearchFilters(
        access=set(access),
        doc_types=f.doc_types or None,
        committee=f.committee or None,
        date_from=f.date_from.isoformat() if f.date_from else None,
        date_to=f.date_to.isoformat() if f.date_to else None,
        sources=f.sources or None,
    )


def _readable_conversation(services: Services, conv_id: str, caller: Caller) -> dict[str, Any]:
    with services.db() as conn:
        conv = conv_store.get_conversation(conn, conv_id)
    if conv is None or conv["owner"] != caller.owner or not conv["access"] <= caller.access:
        raise HTTPException(status_code=404, detail=CONVERSATION_NOT_FOUND)
    return conv


HISTORY_MESSAGES = 12


def readable_messages(services: Services, conv_id: str, caller: Caller) -> list[dict[str, Any]]:
    """The stored messages with what the caller may no longer read withheld (read time)."""
    with services.db() as conn:
        return filter_messages(conn, conv_store.list_messages(conn, conv_id), caller.access)


def open_conversation(
    services: Services, conv_id: str | None, caller: Caller
) -> tuple[str, list[dict[str, str]]]:
    if conv_id:
        _readable_conversation(services, conv_id, caller)
        # History is filtered too: a follow-up must not bring back a withheld quote.
        messages = readable_messages(services, conv_id, caller)[-HISTORY_MESSAGES:]
        return conv_id, [{"role": m["role"], "content": m["content"]} for m in messages]
    with services.db() as conn:
        return conv_store.create_conversation(conn, caller.owner, set(caller.access)), []


def answer_dict(answer: Answer) -> dict[str, Any]:
    return asdict(answer)


def save_turn(
    services: Services, conv_id: str, question: str, answer: Answer, message_id: str
) -> None:
    with services.db() as conn:
        conv_store.add_turn(conn, conv_id, question, answer.text, answer_dict(answer), message_id)


def _ask(
    services: Services,
    question: str,
    history: list[dict[str, str]],
    body: ChatRequest,
    filters: SearchFilters,
) -> Answer:
    """Runs in a worker thread: the first call also loads the assistant."""
    return services.chat.ask(question, history or None, body.as_of, filters)


def _events(
    services: Services,
    question: str,
    history: list[dict[str, str]],
    body: ChatRequest,
    filters: SearchFilters,
) -> Iterator[ChatEvent]:
    yield from services.chat.stream(question, history or None, body.as_of, filters)


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, default=str)


@router.post(
    "/chat",
    dependencies=[Depends(chat_rate_limit)],
    response_model=ChatResponse,
    responses={
        200: {"content": {"text/event-stream": {}}, "description": "JSON eller SSE (stream)."},
        404: {"model": ErrorOut},
        413: {"model": ErrorOut},
        429: {"model": ErrorOut},
    },
    summary="Stil et spørgsmål",
)
async def chat(body: ChatRequest, services: ServicesDep, caller: CallerDep) -> Any:
    question = clean_message(body.message)
    filters = search_filters(body.filters, caller.access)
    conv_id, history = await run_in_threadpool(
        open_conversation, services, body.conversation_id, caller
    )
    message_id = conv_store.new_id()
    if body.stream:
        events = _stream(services, conv_id, message_id, question, history, body, filters)
        return EventSourceResponse(events, ping=15, headers={"Cache-Control": "no-store"})
    answer = await run_in_threadpool(_ask, services, question, history, body, filters)
    await run_in_threadpool(save_turn, services, conv_id, question, answer, message_id)
    return ChatResponse(**answer_dict(answer), conversation_id=conv_id, message_id=message_id)


async def _stream(
    services: Services,
    conv_id: str,
    message_id: str,
    question: str,
    history: list[dict[str, str]],
    body: ChatRequest,
    filters: SearchFilters,
) -> AsyncIterator[dict[str, str]]:
    yield {"event": "start", "data": _json({"conversation_id": conv_id, "message_id": message_id})}
    try:
        events = _events(services, question, history, body, filters)
        async for ev in iterate_in_threadpool(events):
            if ev.name == "delta":
                yield {"event": "delta", "data": _json({"text": ev.data})}
            elif ev.name == "citations":
                rows = [asdict(c) for c in ev.data]
                yield {"event": "citations", "data": _json({"citations": rows})}
            elif ev.name == "table":
                yield {"event": "table", "data": _json({"rows": ev.data})}
            elif ev.name == "answer":
                answer: Answer = ev.data
                await run_in_threadpool(save_turn, services, conv_id, question, answer, message_id)
                done = answer_dict(answer) | {"conversation_id": conv_id, "message_id": message_id}
                yield {"event": "done", "data": _json(done)}
    except Exception:
        log.exception("chat stream failed")
        yield {"event": "error", "data": _json({"detail": STREAM_FAILED})}


@router.get(
    "/conversations/{conversation_id}",
    response_model=ConversationOut,
    responses={404: {"model": ErrorOut}},
    summary="En samtale med spørgsmål og svar",
)
def get_conversation(
    conversation_id: str, services: ServicesDep, caller: CallerDep
) -> ConversationOut:
    conv = _readable_conversation(services, conversation_id, caller)
    messages = readable_messages(services, conversation_id, caller)
    return ConversationOut(
        id=conv["id"],
        title=conv["title"],
        created_at=conv["created_at"],
        updated_at=conv["updated_at"],
        messages=messages,
    )


@router.get("/suggestions", response_model=SuggestionsOut, summary="Forslag til spørgsmål")
def suggestions(services: ServicesDep, caller: CallerDep) -> SuggestionsOut:
    """Starter questions from the caller's documents, each answered with a citation by the
    assistant when the list was built (cached per corpus version)."""
    items: list[str] = []
    try:
        from api.routers.overview import checked_suggestions

        items = checked_suggestions(services, set(caller.access))
    except ImportError:
        pass
    except Exception:
        log.exception("suggestions failed")
    return SuggestionsOut(suggestions=items[:6])
