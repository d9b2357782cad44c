"""Request and response models of the HTTP API (they also make the OpenAPI schema at /docs).

The response models mirror the dataclasses in `assistant/types.py`; the routers convert with
`Model.model_validate(dataclasses.asdict(x))`.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool

from api.fields import VISIBLE_CHAR, IsoDate, Text
from assistant.types import Citation, SearchHit

MESSAGE_MAX_CHARS = 2000


class ErrorOut(BaseModel):
    detail: str = Field(description="Fejlbesked på dansk.")
    field: str | None = Field(None, description="Feltet, der var forkert (fx message).")


# ----------------------------------------------------------------------------- chat


class ChatFilters(BaseModel):
    model_config = ConfigDict(extra="forbid")

    doc_types: list[Text] | None = Field(None, description="Dokumenttyper, fx referat, bilag.")
    committee: Text | None = Field(None, max_length=200)
    date_from: IsoDate | None = None
    date_to: IsoDate | None = None
    sources: list[Text] | None = Field(None, description="Filnavne at søge i.")


class ChatRequest(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"message": "Hvor meget blev afsat til videndeling?"},
                {
                    "message": "Hvilke opfølgninger mangler?",
                    "as_of": "2021-06-07",
                    "filters": {"doc_types": ["referat"], "date_from": "2021-01-01"},
                },
            ]
        }
    )

    message: Text = Field(
        max_length=MESSAGE_MAX_CHARS,
        pattern=VISIBLE_CHAR,
        description="Spørgsmålet (mindst ét synligt tegn).",
    )
    conversation_id: Text | None = Field(None, max_length=64)
    as_of: IsoDate | None = Field(None, description="Vurder frister pr. denne dato (ÅÅÅÅ-MM-DD).")
    filters: ChatFilters | None = None
    stream: StrictBool = False


# Search hits and citations are served as the shared dataclasses of assistant/types.py
# (pydantic validates and documents stdlib dataclasses), so the API cannot drift from them.
SearchHitOut = SearchHit
CitationOut = Citation


class AnswerOut(BaseModel):
    text: str
    citations: list[CitationOut] = []
    table: list[dict[str, Any]] | None = None
    abstained: bool = False
    mode: str = "extractive"
    intent: str = "lookup"
    notice: str | None = None
    sources: list[SearchHitOut] = []
    timings_ms: dict[str, float] = {}
    withheld: int = Field(
        0, description="Kilder skjult i et gemt svar, fordi du ikke længere har adgang til dem."
    )


class ChatResponse(AnswerOut):
    conversation_id: str
    message_id: str


class MessageOut(BaseModel):
    id: str
    role: Literal["user", "assistant"]
    content: str
    answer: AnswerOut | None = None
    created_at: str


class ConversationOut(BaseModel):
    id: str
    title: str
    created_at: str
    updated_at: str
    messages: list[MessageOut]


class SuggestionsOut(BaseModel):
    suggestions: list[str]


# ----------------------------------------------------------------------------- search


class SearchOut(BaseModel):
    query: str
    k: int
    hits: list[SearchHitOut]


# ----------------------------------------------------------------------------- documents


class _DocumentMeta(BaseModel):
    """What the list and the single document share."""

    id: str
    source: str
    title: str
    doc_type: str
    date: str | None = None
    date_text: str | None = None
    committee: str | None = None
    case_numbers: list[str] = []
    closed: bool = False
    access: str
    kind: str


class DocumentSummary(_DocumentMeta):
    n_pages: int
    n_chunks: int
    ingested_at: str


class DocumentList(BaseModel):
    documents: list[DocumentSummary]


class PageOut(BaseModel):
    number: int
    start: int
    end: int


class SectionOut(BaseModel):
    id: int
    parent: int | None = None
    level: int
    kind: str
    title: str
    start: int
    end: int
    number: str | None = None
    heading_end: int | None = None


class DocumentOut(_DocumentMeta):
    text: str = Field(description="Den rensede tekst; citaters start/slut peger ind i den.")
    pages: list[PageOut]
    sections: list[SectionOut]


class UploadResult(BaseModel):
    filename: str = Field(description="Navnet filen blev gemt under (renset).")
    original_filename: str
    status: Literal["added", "updated", "unchanged", "duplicate", "failed"]
    reason: str | None = None
    doc_id: str | None = None
    chunks: int = 0


class UploadOut(BaseModel):
    results: list[UploadResult]


# ----------------------------------------------------------------------------- feedback


class FeedbackIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    message_id: Text = Field(max_length=64, description="Id på svaret (fra /api/chat).")
    rating: Literal["up", "down"]
    comment: Text | None = Field(None, max_length=2000)


class FeedbackOut(BaseModel):
    id: int
    message_id: str
    rating: Literal["up", "down"]


# ----------------------------------------------------------------------------- health


class HealthOut(BaseModel):
    status: str


class ReadyOut(BaseModel):
    status: str
    documents: int | None = Field(None, description="Dokumenter, du har adgang til.")
    detail: str | None = None


# ----------------------------------------------------------------------------- OpenAI


class OpenAIMessage(BaseModel):
    model_config = ConfigDict(extra="allow")

    role: Literal["system", "developer", "user", "assistant", "tool", "function"]
    content: Text | list[dict[str, Any]] | None = None


class OpenAIChatRequest(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        json_schema_extra={
            "examples": [
                {
                    "model": "plan-assistant",
                    "messages": [{"role": "user", "content": "Hvad er LEAN-projektets budget?"}],
                },
                {
                    "messages": [
                        {"role": "system", "content": "Svar kort."},
                        {"role": "user", "content": "Hvad besluttede udvalget?"},
                        {"role": "assistant", "content": "Udvalget godkendte indstillingen."},
                        {"role": "user", "content": "Og hvornår er fristen?"},
                    ],
                    "stream": True,
                },
            ]
        },
    )

    model: Text | None = None
    messages: list[OpenAIMessage] = Field(min_length=1)
    stream: StrictBool = False


# ----------------------------------------------------------------------------- facts


class FactsOut(BaseModel):
    kind: Literal["budgets", "followups", "decisions"]
    count: int
    as_of: str | None = None
    rows: list[dict[str, Any]]
