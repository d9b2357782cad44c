"""The OpenAI-compatible endpoint, driven by the real `openai` SDK over real HTTP."""

from __future__ import annotations

import re

import pytest

from tests.api.conftest import ThreadedServer, make_app

openai = pytest.importorskip("openai")

QUESTION = "Hvor meget blev afsat til videndeling?"
SOURCE_LINE = re.compile(r"^\[(\d+)\] (\S+), s\. (\d+) — “(.+)”$")


@pytest.fixture(scope="module")
def server(api_settings):
    with ThreadedServer(make_app(api_settings)) as srv:
        yield srv


@pytest.fixture(scope="module")
def sdk(server):
    return openai.OpenAI(base_url=f"{server.url}/v1", api_key="ikke-brugt", max_retries=0)


def _source_lines(content: str) -> list[re.Match]:
    assert "\n\nKilder:\n" in content
    tail = content.split("\n\nKilder:\n", 1)[1]
    matches = [SOURCE_LINE.match(line) for line in tail.splitlines()]
    assert all(matches), tail
    return matches


def test_models(sdk):
    assert [m.id for m in sdk.models.list()] == ["plan-assistant"]


def test_completion_has_numbered_danish_sources(sdk, client):
    completion = sdk.chat.completions.create(
        model="plan-assistant", messages=[{"role": "user", "content": QUESTION}]
    )
    choice = completion.choices[0]
    assert choice.finish_reason == "stop"
    content = choice.message.content
    lines = _source_lines(content)
    assert [int(m.group(1)) for m in lines] == list(range(1, len(lines) + 1))
    assert any("600.000 kr." in m.group(4) for m in lines)
    docs = {d["source"]: d["id"] for d in client.get("/api/documents").json()["documents"]}
    for m in lines:
        text = client.get(f"/api/documents/{docs[m.group(2)]}").json()["text"]
        assert m.group(4) in " ".join(text.split())  # quotes are verbatim (whitespace folded)
    assert completion.usage.total_tokens > 0


def test_streaming_completion_matches_the_plain_one(sdk):
    messages = [{"role": "user", "content": QUESTION}]
    plain = sdk.chat.completions.create(model="plan-assistant", messages=messages)
    stream = sdk.chat.completions.create(model="plan-assistant", messages=messages, stream=True)
    pieces, finish = [], None
    for chunk in stream:
        delta = chunk.choices[0].delta
        if delta.content:
            pieces.append(delta.content)
        finish = chunk.choices[0].finish_reason or finish
    assert finish == "stop"
    assert len(pieces) > 2  # really streamed
    assert "".join(pieces) == plain.choices[0].message.content


def test_history_and_system_messages_are_accepted(sdk):
    completion = sdk.chat.completions.create(
        model="plan-assistant",
        messages=[
            {"role": "system", "content": "Svar kort."},
            {"role": "user", "content": QUESTION},
            {"role": "assistant", "content": "Der blev afsat 600.000 kr. [1]\n\nKilder:\n[1] x"},
            {"role": "user", "content": [{"type": "text", "text": "Og til LEAN-projektet?"}]},
        ],
    )
    assert completion.choices[0].message.content


def test_errors_reach_the_sdk_in_danish(sdk):
    with pytest.raises(openai.UnprocessableEntityError) as err:
        sdk.chat.completions.create(
            model="plan-assistant", messages=[{"role": "assistant", "content": "Hej"}]
        )
    assert err.value.body == {
        "detail": "Den sidste besked skal være fra brugeren.",
        "field": "messages",
    }
    with pytest.raises(openai.APIStatusError) as err:
        sdk.chat.completions.create(
            model="plan-assistant", messages=[{"role": "user", "content": "x" * 2500}]
        )
    assert err.value.status_code == 413
