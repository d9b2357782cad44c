from __future__ import annotations

import json

from typer.testing import CliRunner


def _answer(client) -> dict:
    return client.post("/api/chat", json={"message": "Hvad er LEAN-projektets budget?"}).json()


def test_feedback_is_stored_updated_and_listed(client, api_settings):
    answer = _answer(client)
    r = client.post("/api/feedback", json={"message_id": answer["message_id"], "rating": "down"})
    assert r.status_code == 201
    first = r.json()
    assert first["rating"] == "down"
    r = client.post(
        "/api/feedback",
        json={"message_id": answer["message_id"], "rating": "down", "comment": "Mangler beløbet"},
    )
    assert r.json()["id"] == first["id"]  # one feedback row per answer, updated

    from plan_assistant.cli import app

    result = CliRunner().invoke(
        app, ["feedback", "--data-dir", str(api_settings.data_dir), "--json", "--rating", "down"]
    )
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    mine = next(row for row in rows if row["message_id"] == answer["message_id"])
    assert mine["question"] == "Hvad er LEAN-projektets budget?"
    assert mine["answer"] == answer["text"]
    assert mine["comment"] == "Mangler beløbet"

    table = CliRunner().invoke(app, ["feedback", "--data-dir", str(api_settings.data_dir)])
    assert table.exit_code == 0
    assert "Mangler beløbet" in table.output


def test_feedback_on_unknown_answer_is_404(client):
    r = client.post("/api/feedback", json={"message_id": "0" * 32, "rating": "up"})
    assert r.status_code == 404
    assert r.json() == {"detail": "Svaret findes ikke."}


def test_feedback_rating_is_validated_in_danish(client):
    answer = _answer(client)
    r = client.post("/api/feedback", json={"message_id": answer["message_id"], "rating": "meh"})
    assert r.status_code == 422
    assert r.json()["detail"] == "»vurdering« skal være en af: 'up' eller 'down'."
