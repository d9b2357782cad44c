"""The chat page and the embeddable widget, served by the API itself (no build step)."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse

STATIC = Path(__file__).resolve().parent.parent / "static"
# Short cache: a new release reaches embedding pages within minutes.
CACHE = {"Cache-Control": "public, max-age=300"}

router = APIRouter(include_in_schema=False)


@router.get("/")
def index() -> FileResponse:
    return FileResponse(STATIC / "index.html", media_type="text/html", headers=CACHE)


@router.get("/widget.js")
def widget_js() -> FileResponse:
    return FileResponse(STATIC / "widget.js", media_type="text/javascript", headers=CACHE)


@router.get("/chat.css")
def chat_css() -> FileResponse:
    return FileResponse(STATIC / "chat.css", media_type="text/css", headers=CACHE)
