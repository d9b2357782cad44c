"""The chat service: the one place the API talks to the answering assistant.

`ChatService.stream` turns whatever the assistant yields into a fixed event vocabulary
(`delta`, `citations`, `table`, then a final `answer` carrying the complete `Answer`), so
the SSE router, the JSON router and the OpenAI-compatible router share one code path.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol

from assistant.types import Answer, Citation, SearchFilters, SearchHit
from plan_assistant.settings import Settings

if TYPE_CHECKING:
    from api.services.container import Services


class Answerer(Protocol):
    def ask(
        self,
        question: str,
        history: list[dict[str, str]] | None = None,
        as_of: date | None = None,
        filters: SearchFilters | None = None,
    ) -> Answer: ...


@dataclass
class ChatEvent:
    name: str  # "delta" | "citations" | "table" | "answer"
    data: Any


class ChatService:
    def __init__(self, answerer: Answerer) -> None:
        self.answerer = answerer

    @classmethod
    def create(cls, settings: Settings, services: Services) -> ChatService:
        return cls(make_answerer(settings, services))

    def ask(
        self,
        question: str,
        history: list[dict[str, str]] | None,
        as_of: date | None,
        filters: SearchFilters,
    ) -> Answer:
        return self.answerer.ask(question, history=history, as_of=as_of, filters=filters)

    def stream(
        self,
        question: str,
        history: list[dict[str, str]] | None,
        as_of: date | None,
        filters: SearchFilters,
    ) -> Iterator[ChatEvent]:
        """Events as the answer is produced; the last one is always `answer`."""
        stream = getattr(self.answerer, "stream", None)
        if stream is None:
            answer = self.ask(question, history, as_of, filters)
            for piece in split_for_streaming(answer.text):
                yield ChatEvent("delta", piece)
            yield from _tail_events(answer)
            yield ChatEvent("answer", answer)
            return
        text: list[str] = []
        citations: list[Citation] = []
        table: list[dict[str, Any]] | None = None
        final: Answer | None = None
        for raw in stream(question, history=history, as_of=as_of, filters=filters):
            name, data = _event_parts(raw)
            if name == "delta":
                piece = data.get("text", "") if isinstance(data, dict) else str(data or "")
                if piece:
                    text.append(piece)
                    # An extractive answer arrives whole: send it in words, like tokens.
                    for word in split_for_streaming(piece) if len(piece) > 40 else [piece]:
                        yield ChatEvent("delta", word)
            elif name == "citations":
                citations = [_citation(c) for c in _items(data, "citations")]
                yield ChatEvent("citations", citations)
            elif name == "table":
                table = _items(data, "rows")
                yield ChatEvent("table", table)
            elif name in ("done", "answer"):
                final = _final_answer(data, text)
        if final is None:
            final = Answer(text="".join(text), citations=citations, table=table)
        if not final.citations and citations:
            final.citations = citations
        if final.table is None and table is not None:
            final.table = table
        yield ChatEvent("answer", final)


def _tail_events(answer: Answer) -> Iterator[ChatEvent]:
    if answer.citations:
        yield ChatEvent("citations", answer.citations)
    if answer.table:
        yield ChatEvent("table", answer.table)


def split_for_streaming(text: str) -> list[str]:
    """Word-sized pieces (with their trailing space) for answers computed in one go."""
    return re.findall(r"\S+\s*|\s+", text)


def _event_parts(raw: Any) -> tuple[str, Any]:
    if isinstance(raw, tuple) and len(raw) == 2:
        return str(raw[0]), raw[1]
    if isinstance(raw, dict):
        name = raw.get("event") or raw.get("type") or "delta"
        data = raw.get("data", {k: v for k, v in raw.items() if k not in ("event", "type")})
        return str(name), data
    if isinstance(raw, Answer):
        return "answer", raw
    if isinstance(raw, str):
        return "delta", raw
    return str(getattr(raw, "event", getattr(raw, "type", "delta"))), getattr(raw, "data", raw)


def _items(data: Any, key: str) -> list[Any]:
    if isinstance(data, dict):
        data = data.get(key, [])
    return list(data or [])


def _citation(c: Any) -> Citation:
    if isinstance(c, Citation):
        return c
    fields = {f.name for f in dataclasses.fields(Citation)}
    return Citation(**{k: v for k, v in dict(c).items() if k in fields})


def _final_answer(data: Any, text: list[str]) -> Answer:
    """The assistant's `done` event carries the verified answer (object and/or dict)."""
    if isinstance(data, Answer):
        return data
    if isinstance(data, dict):
        if isinstance(data.get("answer_obj"), Answer):
            return data["answer_obj"]
        if isinstance(data.get("answer"), Answer):
            return data["answer"]
        if isinstance(data.get("answer"), dict):
            return _answer_from(data["answer"], text)
    return _answer_from(data, text)


def _answer_from(data: Any, text: list[str]) -> Answer:
    if not isinstance(data, dict):
        return Answer(text="".join(text))
    fields = {f.name for f in dataclasses.fields(Answer)}
    values = {k: v for k, v in data.items() if k in fields}
    values.setdefault("text", "".join(text))
    values["citations"] = [_citation(c) for c in values.get("citations") or []]
    values["sources"] = [
        s if isinstance(s, SearchHit) else SearchHit(**s) for s in values.get("sources") or []
    ]
    return Answer(**values)


def make_answerer(settings: Settings, services: Services) -> Answerer:
    """The assistant of the answering issue when installed, else a retrieval-only stand-in."""
    try:
        from assistant.answer import Assistant
    except ImportError:
        return PassageAnswerer(services)
    llm = None
    if settings.llm_base_url or getattr(settings, "llm_model_path", None):
        from assistant.llm import make_llm

        llm = make_llm(settings)
    # Share the process's stores and retriever (one embedder, one BM25 index per worker).
    return Assistant(services.stores, retriever=services.retriever, llm=llm)


class PassageAnswerer:
    """Stand-in until the answering assistant lands: quotes the best passages, cited."""

    NO_ANSWER = "Det kan jeg ikke finde i dokumenterne."

    def __init__(self, services: Services) -> None:
        self.services = services

    def ask(
        self,
        question: str,
        history: list[dict[str, str]] | None = None,
        as_of: date | None = None,
        filters: SearchFilters | None = None,
    ) -> Answer:
        hits = self.services.retriever.search(question, k=3, filters=filters)
        if not hits:
            return Answer(text=self.NO_ANSWER, abstained=True)
        citations = [
            Citation(
                n=i,
                doc_id=h.doc_id,
                source=h.source,
                title=h.title,
                page=h.page,
                section=h.section,
                quote=h.text,
                start=h.start,
                end=h.end,
                date=h.date,
                committee=h.committee,
            )
            for i, h in enumerate(hits, 1)
        ]
        text = "Relevante uddrag: " + " ".join(f"[{c.n}]" for c in citations)
        return Answer(text=text, citations=citations, sources=hits)
