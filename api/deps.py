"""FastAPI dependencies: settings, shared services and the caller's access.

Every router takes the caller's access set from `current_access` and passes it into the
store or retriever call itself (SearchFilters.access, allowed_access=...), so closed
documents are filtered before ranking, never removed from an answer afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated

from fastapi import Depends, HTTPException, Request

from api.services.container import Services
from plan_assistant.settings import Settings

PUBLIC = "public"


@dataclass(frozen=True)
class Caller:
    """Who is asking: `owner` keys conversations and feedback; `access` filters documents."""

    owner: str = "anonymous"
    access: frozenset[str] = field(default_factory=lambda: frozenset({PUBLIC}))
    role: str = "reader"


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_services(request: Request) -> Services:
    return request.app.state.services


def current_caller(request: Request) -> Caller:
    """Anonymous callers read public documents (issue 7 replaces this with API keys)."""
    settings: Settings = request.app.state.settings
    if not settings.anonymous_access:
        raise HTTPException(status_code=401, detail="Adgang kræver en API-nøgle.")
    return Caller()


def current_access(request: Request) -> set[str]:
    return set(current_caller(request).access)


SettingsDep = Annotated[Settings, Depends(get_settings)]
ServicesDep = Annotated[Services, Depends(get_services)]
CallerDep = Annotated[Caller, Depends(current_caller)]
AccessDep = Annotated[set[str], Depends(current_access)]
