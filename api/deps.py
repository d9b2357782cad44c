"""FastAPI dependencies: settings, shared services and the caller's access.

Every router takes the caller's access set from `current_access` and passes it into the
store or retriever call itself (SearchFilters.access, allowed_access=...), so closed
documents are filtered before ranking, never removed from an answer afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated

from fastapi import Depends, Request

from api.security import access_set, principal
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
    """The caller from an API key (api/security.py); anonymous reads public documents."""
    who = principal(request)
    return Caller(owner=who.owner, access=frozenset(access_set(who)), role=who.role)


def current_access(request: Request) -> set[str]:
    return set(current_caller(request).access)


SettingsDep = Annotated[Settings, Depends(get_settings)]
ServicesDep = Annotated[Services, Depends(get_services)]
CallerDep = Annotated[Caller, Depends(current_caller)]
AccessDep = Annotated[set[str], Depends(current_access)]
