"""Request body limits enforced while the body arrives, before anything is parsed or spooled."""

from __future__ import annotations

import json

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

MB = 1024 * 1024
JSON_BODY_LIMIT = 1 * MB


class BodyTooLarge(HTTPException):
    """An HTTPException, so FastAPI's form parsing re-raises it unchanged (as a 413)."""

    def __init__(self, detail: str) -> None:
        super().__init__(status_code=413, detail=detail)


class BodyLimitMiddleware:
    """Uploads may be `upload_limit` bytes in total per request; every other body 1 MB."""

    def __init__(self, app: ASGIApp, upload_limit: int, upload_mb: int) -> None:
        self.app = app
        self.upload_limit = upload_limit
        self.upload_mb = upload_mb

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("POST", "PUT", "PATCH"):
            await self.app(scope, receive, send)
            return
        if scope["path"].rstrip("/") == "/api/documents":
            limit = self.upload_limit
            detail = (
                f"Uploaden er for stor. Hver fil må højst være {self.upload_mb} MB, "
                f"og alt i alt højst {self.upload_limit // MB} MB ad gangen."
            )
        else:
            limit = JSON_BODY_LIMIT
            detail = "Forespørgslen er for stor."
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None and length.isdigit() and int(length) > limit:
            await _send_413(send, detail)
            return
        received = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge(detail)
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except BodyTooLarge:
            if not started:
                await _send_413(send, detail)


async def _send_413(send: Send, detail: str) -> None:
    body = json.dumps({"detail": detail}, ensure_ascii=False).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
