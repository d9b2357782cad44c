"""The heavy objects a server process shares: stores, retriever, ingestor, chat service.

Created lazily on first use (so `/healthz` answers while the embedder loads) and once per
process; every worker of `plan-assistant serve --workers N` has its own. The conversation
store gets its own SQLite connection guarded by a lock, so a conversation write never
interleaves with an ingest transaction on the registry connection.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property
from typing import TYPE_CHECKING

from plan_assistant.settings import Settings
from stores import conversations
from stores.registry import open_registry

if TYPE_CHECKING:
    from api.services.chat import ChatService
    from assistant.retriever import HybridRetriever
    from ingest.pipeline import Ingestor
    from stores.bundle import Stores


class Services:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._init_lock = threading.RLock()
        self._db_lock = threading.Lock()
        self._db: sqlite3.Connection | None = None
        # One ingest at a time per process: uploads are rare and embedding uses every core.
        self.ingest_lock = threading.Lock()

    # cached_property is not thread-safe on its own: build under the init lock.
    def _once(self, name: str, factory):  # type: ignore[no-untyped-def]
        if name in self.__dict__:
            return self.__dict__[name]
        with self._init_lock:
            if name not in self.__dict__:
                self.__dict__[name] = factory()
            return self.__dict__[name]

    @property
    def stores(self) -> Stores:
        from stores.bundle import Stores

        return self._once("_stores", lambda: Stores.open(self.settings))

    @property
    def retriever(self) -> HybridRetriever:
        from assistant.retriever import HybridRetriever

        return self._once("_retriever", lambda: HybridRetriever(self.stores))

    @property
    def ingestor(self) -> Ingestor:
        from ingest.pipeline import Ingestor

        return self._once("_ingestor", lambda: Ingestor(self.settings, self.stores))

    @property
    def chat(self) -> ChatService:
        from api.services.chat import ChatService

        return self._once("_chat", lambda: ChatService.create(self.settings, self))

    @chat.setter
    def chat(self, service: ChatService) -> None:
        """Swap the answering service (tests, or a different assistant for one app)."""
        self.__dict__["_chat"] = service

    @cached_property
    def uploads_dir(self):  # type: ignore[no-untyped-def]
        path = self.settings.data_dir / "uploads"
        path.mkdir(parents=True, exist_ok=True)
        return path.resolve()

    @contextmanager
    def db(self) -> Iterator[sqlite3.Connection]:
        """The conversation/feedback connection, one user at a time."""
        with self._db_lock:
            if self._db is None:
                self._db = open_registry(self.settings.data_dir)
                conversations.create_schema(self._db)
            yield self._db

    def close(self) -> None:
        with self._db_lock:
            if self._db is not None:
                self._db.close()
                self._db = None
