"""OpenAI-compatible chat completions, so existing chat front ends and the `openai` SDK work.

The conversation comes in the request (the protocol is stateless): the last user message is
the question, earlier user/assistant messages are the history. Citations are appended to the
message as a numbered Danish source list:

    Kilder:
    [1] bilag.txt, s. 2 — “Der afsættes 600.000 kr. til dette.”
"""

from __future__ import annotations

import json
import logging
import re
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from typing import Any

from fastapi import APIRouter, Depends
from fastapi.responses import StreamingResponse
from starlette.concurrency import iterate_in_threadpool, run_in_threadpool

from api.deps import CallerDep, ServicesDep
from api.errors import FieldError
from api.schemas import ErrorOut, OpenAIChatRequest, OpenAIMessage
from api.security import chat_rate_limit
from api.services.chat import ChatEvent
from api.services.container import Services
from api.services.text import clean_message
from assistant.types import Answer, SearchFilters

router = APIRouter(prefix="/v1", tags=["openai"])
log = logging.getLogger("plan_assistant.api")

MODEL_ID = "plan-assistant"
CREATED = 1_735_689_600  # 2025-01-01, a fixed "model release" time
_SOURCES_TAIL = re.compile(r"\n+(Kilder|Nærmeste kilder):\n.*\Z", re.S)


def message_text(message: OpenAIMessage) -> str:
    content = message.content
    if content is None:
        return ""
    if isinstance(content, str):
        return content
    return "".join(
        str(part.get("text", "")) for part in content if part.get("type", "text") == "text"
    )


def split_messages(messages: list[OpenAIMessage]) -> tuple[str, list[dict[str, str]]]:
    """(question, history): system and tool messages are ignored; our own source lists are
    dropped from earlier answers so they do not leak into follow-up condensation."""
    turns = [m for m in messages if m.role in ("user", "assistant")]
    if not turns or turns[-1].role != "user":
        raise FieldError(422, "Den sidste besked skal være fra brugeren.", "messages")
    history = [
        {"role": m.role, "content": _SOURCES_TAIL.sub("", message_text(m))} for m in turns[:-1]
    ]
    return message_text(turns[-1]), history


def sources_block(answer: Answer) -> str:
    if answer.citations:
        lines = ["Kilder:"]
        for c in answer.citations:
            page = f", s. {c.page}" if c.page else ""
            quote = " ".join(c.quote.split())
            lines.append(f"[{c.n}] {c.source}{page} — “{quote}”")
        return "\n".join(lines)
    if answer.abstained and answer.sources:
        lines = ["Nærmeste kilder:"]
        for s in answer.sources[:5]:
            page = f", s. {s.page}" if s.page else ""
            lines.append(f"- {s.source}{page}" + (f" ({s.section})" if s.section else ""))
        return "\n".join(lines)
    return ""


def tail_text(answer: Answer) -> str:
    """What follows the answer text: an optional notice, then the sources."""
    parts = []
    if answer.notice:
        parts.append(f"({answer.notice})")
    block = sources_block(answer)
    if block:
        parts.append(block)
    return "\n\n" + "\n\n".join(parts) if parts else ""


def _tokens(text: str) -> int:
    return len(text.split())


@router.get("/models", summary="Modeller (OpenAI-kompatibel)")
def list_models() -> dict[str, Any]:
    return {
        "object": "list",
        "data": [{"id": MODEL_ID, "object": "model", "created": CREATED, "owned_by": MODEL_ID}],
    }


@router.post(
    "/chat/completions",
    dependencies=[Depends(chat_rate_limit)],
    responses={
        200: {"content": {"text/event-stream": {}}, "description": "JSON eller SSE (stream)."},
        413: {"model": ErrorOut},
        422: {"model": ErrorOut},
        429: {"model": ErrorOut},
    },
    summary="Chat completions (OpenAI-kompatibel)",
)
async def chat_completions(
    body: OpenAIChatRequest, services: ServicesDep, caller: CallerDep
) -> Any:
    question, history = split_messages(body.messages)
    question = clean_message(question, field="messages")
    filters = SearchFilters(access=set(caller.access))
    model = body.model or MODEL_ID
    completion_id = f"chatcmpl-{uuid.uuid4().hex}"
    created = int(time.time())
    if body.stream:
        chunks = _stream(services, question, history, filters, model, completion_id, created)
        return StreamingResponse(
            chunks, media_type="text/event-stream", headers={"Cache-Control": "no-store"}
        )
    answer = await run_in_threadpool(_ask, services, question, history, filters)
    content = answer.text + tail_text(answer)
    prompt_tokens = sum(_tokens(message_text(m)) for m in body.messages)
    return {
        "id": completion_id,
        "object": "chat.completion",
        "created": created,
        "model": model,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": content},
                "finish_reason": "stop",
            }
        ],
        "usage": {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": _tokens(content),
            "total_tokens": prompt_tokens + _tokens(content),
        },
    }


def _ask(
    services: Services, question: str, history: list[dict[str, str]], filters: SearchFilters
) -> Answer:
    return services.chat.ask(question, history or None, None, filters)


def _events(
    services: Services, question: str, history: list[dict[str, str]], filters: SearchFilters
) -> Iterator[ChatEvent]:
    yield from services.chat.stream(question, history or None, None, filters)


async def _stream(
    services: Services,
    question: str,
    history: list[dict[str, str]],
    filters: SearchFilters,
    model: str,
    completion_id: str,
    created: int,
) -> AsyncIterator[str]:
    def chunk(delta: dict[str, str], finish: str | None = None) -> str:
        body = {
            "id": completion_id,
            "object": "chat.completion.chunk",
            "created": created,
            "model": model,
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
        }
        return f"data: {json.dumps(body, ensure_ascii=False)}\n\n"

    yield chunk({"role": "assistant", "content": ""})
    streamed: list[str] = []
    try:
        async for ev in iterate_in_threadpool(_events(services, question, history, filters)):
            if ev.name == "delta":
                streamed.append(ev.data)
                yield chunk({"content": ev.data})
            elif ev.name == "answer":
                answer: Answer = ev.data
                extra = tail_text(answer)
                if answer.text.strip() != "".join(streamed).strip():
                    # The verified answer replaced what was streamed: show the final one.
                    extra = "\n\n---\n\n" + answer.text + extra
                if extra:
                    yield chunk({"content": extra})
    except Exception:
        log.exception("completion stream failed")
        error = {"error": {"message": "Der opstod en fejl under svaret.", "type": "server_error"}}
        yield f"data: {json.dumps(error, ensure_ascii=False)}\n\n"
        return
    yield chunk({}, "stop")
    yield "data: [DONE]\n\n"
