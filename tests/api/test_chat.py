from __future__ import annotations

from tests.api.conftest import sse_events

QUESTION = "Hvor meget blev afsat til videndeling?"


def _assert_citations_verbatim(client, citations):
    assert citations
    for c in citations:
        doc = client.get(f"/api/documents/{c['doc_id']}").json()
        assert doc["text"][c["start"] : c["end"]] == c["quote"]
        assert c["source"] == doc["source"]


def test_chat_json_answer_is_cited_and_kept(client):
    r = client.post("/api/chat", json={"message": QUESTION})
    assert r.status_code == 200
    answer = r.json()
    assert answer["conversation_id"] and answer["message_id"]
    assert "[1]" in answer["text"]
    _assert_citations_verbatim(client, answer["citations"])
    assert any("600.000 kr." in c["quote"] for c in answer["citations"])
    assert answer["abstained"] is False

    conv = client.get(f"/api/conversations/{answer['conversation_id']}").json()
    assert [m["role"] for m in conv["messages"]] == ["user", "assistant"]
    assert conv["messages"][0]["content"] == QUESTION
    assert conv["messages"][1]["id"] == answer["message_id"]
    assert conv["messages"][1]["answer"]["citations"] == answer["citations"]
    assert conv["title"] == QUESTION


def test_follow_up_questions_extend_the_conversation(client):
    first = client.post("/api/chat", json={"message": QUESTION}).json()
    second = client.post(
        "/api/chat",
        json={
            "message": "Og hvad med LEAN-projektet?",
            "conversation_id": first["conversation_id"],
        },
    )
    assert second.status_code == 200
    assert second.json()["conversation_id"] == first["conversation_id"]
    conv = client.get(f"/api/conversations/{first['conversation_id']}").json()
    assert [m["content"] for m in conv["messages"] if m["role"] == "user"] == [
        QUESTION,
        "Og hvad med LEAN-projektet?",
    ]


def test_chat_streams_server_sent_events(client):
    with client.stream("POST", "/api/chat", json={"message": QUESTION, "stream": True}) as r:
        assert r.status_code == 200
        assert r.headers["content-type"].startswith("text/event-stream")
        events = sse_events(r.read().decode())
    names = [name for name, _ in events]
    assert names[0] == "start"
    assert names[-1] == "done"
    assert "delta" in names and "citations" in names
    assert names.index("citations") > names.index("delta")
    streamed = "".join(data["text"] for name, data in events if name == "delta")
    done = events[-1][1]
    assert streamed.strip() == done["text"].strip()
    assert done["conversation_id"] == events[0][1]["conversation_id"]
    assert done["message_id"] == events[0][1]["message_id"]
    _assert_citations_verbatim(client, done["citations"])
    conv = client.get(f"/api/conversations/{done['conversation_id']}").json()
    assert conv["messages"][-1]["id"] == done["message_id"]


def test_invisible_characters_are_removed_from_questions(client):
    noisy = "\u200bHvor meget blev afsat til\x00 videndeling?"
    r = client.post("/api/chat", json={"message": noisy})
    assert r.status_code == 200
    conv = client.get(f"/api/conversations/{r.json()['conversation_id']}").json()
    assert conv["messages"][0]["content"] == QUESTION


def test_empty_and_overlong_messages_are_refused_in_danish(client):
    r = client.post("/api/chat", json={"message": " \n\t\u200b "})
    assert r.status_code == 422
    assert r.json()["detail"] == "Beskeden er tom. Skriv et spørgsmål."
    # The schema's maxLength says 2000, so a longer message is a validation error (422).
    r = client.post("/api/chat", json={"message": "ord " * 600})
    assert r.status_code == 422
    assert r.json()["detail"] == "»besked« er for lang (højst 2000 tegn, den har 2400)."
    assert r.json()["field"] == "message"
    r = client.post("/api/chat", json={})
    assert r.status_code == 422
    assert r.json()["detail"] == "Feltet »besked« mangler."
    r = client.post("/api/chat", json={"message": "Hvornår?", "as_of": "næste uge"})
    assert r.status_code == 422
    assert r.json()["detail"] == "»pr. dato« skal være en dato som ÅÅÅÅ-MM-DD."
    r = client.post("/api/chat", content=b"{not json", headers={"content-type": "application/json"})
    assert r.status_code == 422
    assert r.json()["detail"] == "Forespørgslen er ikke gyldig JSON."


def test_unknown_conversation_is_404(client):
    r = client.post("/api/chat", json={"message": QUESTION, "conversation_id": "f" * 32})
    assert r.status_code == 404
    assert r.json() == {"detail": "Samtalen findes ikke."}
    assert client.get("/api/conversations/" + "f" * 32).status_code == 404


def test_suggestions(client):
    body = client.get("/api/suggestions").json()
    assert "Hvilke opfølgninger mangler?" in body["suggestions"]


def test_oversized_json_body_is_413(client):
    r = client.post(
        "/api/chat",
        content=b'{"message": "' + b"a" * (2 * 1024 * 1024) + b'"}',
        headers={"content-type": "application/json"},
    )
    assert r.status_code == 413
    assert r.json() == {"detail": "Forespørgslen er for stor."}


class _BrokenAnswerer:
    """An assistant that fails mid-answer, as a crashed LLM backend would."""

    def ask(self, question, history=None, as_of=None, filters=None):
        raise RuntimeError("backend down")

    def stream(self, question, history=None, as_of=None, filters=None):
        yield {"type": "delta", "text": "Til videndeling "}
        raise RuntimeError("backend down")


def test_a_failing_answer_streams_a_danish_error_and_stores_nothing(api_settings):
    from fastapi.testclient import TestClient

    from api.services.chat import ChatService
    from tests.api.conftest import make_app

    app = make_app(api_settings)
    app.state.services.chat = ChatService(_BrokenAnswerer())
    with TestClient(app, raise_server_exceptions=False) as c:
        with c.stream("POST", "/api/chat", json={"message": QUESTION, "stream": True}) as r:
            events = sse_events(r.read().decode())
        assert [name for name, _ in events] == ["start", "delta", "error"]
        assert events[-1][1] == {
            "detail": "Der opstod en fejl, mens svaret blev skrevet. Prøv igen."
        }
        conv = c.get(f"/api/conversations/{events[0][1]['conversation_id']}").json()
        assert conv["messages"] == []
        r = c.post("/api/chat", json={"message": QUESTION})
        assert r.status_code == 500
        assert r.json() == {"detail": "Der opstod en intern fejl."}
