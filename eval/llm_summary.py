"""The model's part of an eval run: which answer each question got and why, what the model
cost, and how large the prompts were before and after the budget (issue 16).

Every record carries `mode` - `extractive` (no model configured), `llm` (the model's answer,
verified), `llm-repaired` (verified after dropping unsupported sentences) or `fallback` (the
extractive answer, with `fallback_reason`). Model latency is reported apart from the answer
latency: on two CPU cores it is most of it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

MODES = ("extractive", "llm", "llm-repaired", "fallback")


def _pct(values: list[float], p: float) -> float | None:
    if not values:
        return None
    values = sorted(values)
    return round(values[min(len(values) - 1, int(p * len(values)))], 1)


def llm_record_fields(turn: Mapping[str, Any] | None) -> dict[str, Any]:
    """The fields one eval record gets from the assistant's `done` event (`llm` key)."""
    if not turn:
        return {"mode": "extractive", "fallback_reason": None}
    return {
        "mode": turn["mode"],
        "fallback_reason": turn.get("fallback_reason"),
        "asked_after_abstention": bool(turn.get("after_abstention")),
        "model_latency_ms": round(float(turn.get("model_ms") or 0.0), 1),
        "prompt_tokens": turn.get("prompt_tokens"),
        "prompt_tokens_full": turn.get("prompt_tokens_full"),
        "context_tokens": turn.get("context_tokens"),
        "dropped_passages": turn.get("dropped_passages", 0),
        "dropped_rows": turn.get("dropped_rows", 0),
        "verify_problems": list(turn.get("problems") or []),
    }


def summarize_llm(
    records: Iterable[Mapping[str, Any]], answer_tokens: int | None = None
) -> dict[str, Any]:
    """Mode counts, fallback reasons, model latency and prompt sizes of a run."""
    records = list(records)
    modes = Counter(str(r.get("mode") or "extractive") for r in records)
    out: dict[str, Any] = {"modes": {m: modes.get(m, 0) for m in MODES}}
    asked = [r for r in records if r.get("mode") not in (None, "extractive")]
    if not asked:
        return out
    reasons = Counter(str(r["fallback_reason"]) for r in asked if r.get("fallback_reason"))
    out["fallback_reasons"] = dict(sorted(reasons.items()))
    after = [r for r in asked if r.get("asked_after_abstention")]
    out["after_abstention"] = {
        "asked": len(after),
        "answered_by_model": sum(r["mode"] in ("llm", "llm-repaired") for r in after),
    }
    model_ms = [float(r["model_latency_ms"]) for r in asked if r.get("model_latency_ms")]
    out["model_latency_ms"] = {
        "requests": len(model_ms),
        "p50": _pct(model_ms, 0.5),
        "p95": _pct(model_ms, 0.95),
        "max": round(max(model_ms), 1) if model_ms else None,
    }
    before = [float(r["prompt_tokens_full"]) for r in asked if r.get("prompt_tokens_full")]
    sent = [
        float(r["prompt_tokens"])
        for r in asked
        if r.get("prompt_tokens") and r.get("fallback_reason") != "prompt_too_long"
    ]
    over = 0
    for r in asked:
        context, tokens = r.get("context_tokens"), r.get("prompt_tokens")
        if context and tokens and r.get("fallback_reason") != "prompt_too_long":
            over += tokens + (answer_tokens or 0) > context
    out["prompt_tokens"] = {
        "context": max(
            (int(r["context_tokens"]) for r in asked if r.get("context_tokens")), default=None
        ),
        "p50_before_budget": _pct(before, 0.5),
        "max_before_budget": max(before, default=None),
        "p50_sent": _pct(sent, 0.5),
        "max_sent": max(sent, default=None),
        "trimmed": sum(bool(r.get("dropped_passages") or r.get("dropped_rows")) for r in asked),
        "not_sent_too_long": reasons.get("prompt_too_long", 0),
        "sent_over_context": over,
    }
    return out
