"""How many tokens a prompt may take, and how many it does take.

A small model server has a small window (a llama.cpp server is often started with 4 096
tokens); a prompt longer than the window minus the room kept for the answer is refused (HTTP
400) or silently cut. So the prompt is measured before it is sent: the server's own tokenizer
where it has an endpoint for it (llama.cpp `POST /tokenize`, llama-cpp-python
`POST /extras/tokenize/count`), else a conservative characters-per-token estimate (corpus/
measured with the Qwen2.5 tokenizer in 2 000-character pieces: p50 2.9, p5 2.7, min 2.0
characters per token - digits are a token each; 2.0 over-counts on purpose).
The window comes from the server where it says (llama.cpp `GET /props`, vLLM's
`max_model_len` in `/v1/models`), else from settings (`PLAN_ASSISTANT_LLM_CONTEXT_TOKENS`,
default 8 192); a configured window smaller than the server's wins.
"""

from __future__ import annotations

import json
import logging
import math
import urllib.error
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

log = logging.getLogger(__name__)

DEFAULT_CONTEXT_TOKENS = 8192
DEFAULT_CHARS_PER_TOKEN = 2.0
# Chat template tokens per message (role markers, separators) and a safety margin for the
# difference between counting pieces and counting the rendered template.
TOKENS_PER_MESSAGE = 8
SAFETY_TOKENS = 32


class TokenCounter(Protocol):
    def count(self, text: str) -> int: ...


@dataclass
class EstimatedTokens:
    """Conservative estimate: never fewer tokens than the text is likely to take."""

    chars_per_token: float = DEFAULT_CHARS_PER_TOKEN
    name: str = "estimate"

    def count(self, text: str) -> int:
        return math.ceil(len(text) / self.chars_per_token)


def server_root(base_url: str) -> str:
    """`http://host:port/v1` -> `http://host:port` (the extra endpoints live at the root)."""
    root = base_url.rstrip("/")
    return root[: -len("/v1")] if root.endswith("/v1") else root


def _request(url: str, body: dict[str, Any] | None, timeout: float) -> Any:
    data = None if body is None else json.dumps(body).encode("utf-8")
    headers = {"Content-Type": "application/json"} if data is not None else {}
    request = urllib.request.Request(url, data=data, headers=headers)
    with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - configured URL
        return json.load(response)


@dataclass
class ServerTokenizer:
    """The server's own token count; the estimate when the server has no tokenizer endpoint.

    The endpoint is found on first use and remembered (one probe per process)."""

    base_url: str
    model: str = "default"
    fallback: EstimatedTokens = field(default_factory=EstimatedTokens)
    timeout: float = 10.0
    _endpoint: str | None = field(default=None, init=False)
    _probed: bool = field(default=False, init=False)

    @property
    def name(self) -> str:
        return self._endpoint or self.fallback.name

    def _ask(self, endpoint: str, text: str) -> int:
        root = server_root(self.base_url)
        if endpoint == "llama.cpp":
            out = _request(f"{root}/tokenize", {"content": text}, self.timeout)
            return len(out["tokens"])
        out = _request(
            f"{root}/extras/tokenize/count", {"input": text, "model": self.model}, self.timeout
        )
        return int(out["count"])

    def count(self, text: str) -> int:
        if not self._probed:
            self._probed = True
            for endpoint in ("llama.cpp", "llama-cpp-python"):
                try:
                    n = self._ask(endpoint, text)
                except (OSError, ValueError, KeyError, TypeError, urllib.error.URLError):
                    continue
                self._endpoint = endpoint
                return n
            log.info("no tokenizer endpoint at %s; estimating tokens", self.base_url)
        if self._endpoint is None:
            return self.fallback.count(text)
        try:
            return self._ask(self._endpoint, text)
        except (OSError, ValueError, KeyError, TypeError, urllib.error.URLError):
            return self.fallback.count(text)


def server_context_tokens(base_url: str, timeout: float = 5.0) -> int | None:
    """The window the server was started with, where it says (None where it does not)."""
    root = server_root(base_url)
    try:
        props = _request(f"{root}/props", None, timeout)
        n_ctx = (props.get("default_generation_settings") or {}).get("n_ctx") or props.get("n_ctx")
        if n_ctx:
            return int(n_ctx)
    except (OSError, ValueError, AttributeError, urllib.error.URLError):
        pass
    try:
        models = _request(f"{base_url.rstrip('/')}/models", None, timeout).get("data") or []
        for model in models:
            if model.get("max_model_len"):
                return int(model["max_model_len"])
    except (OSError, ValueError, AttributeError, urllib.error.URLError):
        pass
    return None


@dataclass
class PromptBudget:
    """Window, room for the answer and a token counter: what the prompt may take."""

    context_tokens: int = DEFAULT_CONTEXT_TOKENS
    answer_tokens: int = 400
    counter: TokenCounter = field(default_factory=EstimatedTokens)

    @property
    def prompt_limit(self) -> int:
        return self.context_tokens - self.answer_tokens - SAFETY_TOKENS

    def count(self, text: str) -> int:
        return self.counter.count(text)

    def count_messages(self, messages: Sequence[dict[str, str]]) -> int:
        return sum(self.count(m["content"]) + TOKENS_PER_MESSAGE for m in messages)


def make_budget(
    base_url: str | None,
    model: str,
    configured_context: int | None,
    answer_tokens: int,
    chars_per_token: float = DEFAULT_CHARS_PER_TOKEN,
) -> PromptBudget:
    """The budget for a configured server: its window (or the configured one, whichever is
    smaller) and its tokenizer (or the estimate)."""
    estimate = EstimatedTokens(chars_per_token)
    if not base_url:
        return PromptBudget(configured_context or DEFAULT_CONTEXT_TOKENS, answer_tokens, estimate)
    reported = server_context_tokens(base_url)
    known = [n for n in (reported, configured_context) if n]
    context = min(known) if known else DEFAULT_CONTEXT_TOKENS
    return PromptBudget(context, answer_tokens, ServerTokenizer(base_url, model, estimate))
