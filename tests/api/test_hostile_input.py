"""Input no browser should send, but some do: a lone UTF-16 surrogate ("\\ud800", valid JSON,
not encodable as UTF-8) in every string field of every JSON body, broken UTF-8 in query
strings, paths and multipart uploads. Every answer is a 4xx with a Danish JSON body that
names the field — never a 5xx, and never an echo of what cannot be encoded.

The string fields are read from the OpenAPI schema, so a new field is covered without
editing this test; a new operation with a JSON body fails the first test until it has a
valid base body here.
"""

from __future__ import annotations

import copy
import json
import re
from typing import Any

import pytest

SURROGATE = "\ud800"
BASE_BODIES: dict[tuple[str, str], dict[str, Any]] = {
    ("post", "/api/chat"): {"message": "Hvad blev afsat til videndeling?"},
    ("post", "/api/feedback"): {"message_id": "0" * 32, "rating": "up"},
    ("post", "/v1/chat/completions"): {"messages": [{"role": "user", "content": "Hej"}]},
}
ENGLISH = re.compile(r"\b(the|should|must|field required|input|error|invalid|value)\b", re.I)


def _resolve(schema: dict[str, Any], components: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = components[schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def string_paths(
    schema: dict[str, Any], components: dict[str, Any], path: tuple = ()
) -> list[tuple]:
    """Paths (keys, 0 for an array item) of every string-typed value the schema allows."""
    schema = _resolve(schema, components)
    found: list[tuple] = []
    branches = schema.get("anyOf") or schema.get("oneOf") or [schema]
    for branch in branches:
        branch = _resolve(branch, components)
        kind = branch.get("type")
        if kind == "string" or "enum" in branch or "const" in branch:
            found.append(path)
        elif kind == "array" and "items" in branch:
            found += string_paths(branch["items"], components, (*path, 0))
        elif kind == "object" or "properties" in branch:
            for name, sub in branch.get("properties", {}).items():
                found += string_paths(sub, components, (*path, name))
    return list(dict.fromkeys(found))


def with_value(body: dict[str, Any], path: tuple, value: str) -> dict[str, Any]:
    """`body` with `value` at `path`, creating the objects and lists on the way."""
    body = copy.deepcopy(body)
    node: Any = body
    for key, nxt in zip(path, (*path[1:], None), strict=True):
        if nxt is None:
            break
        empty: Any = [] if isinstance(nxt, int) else {}
        if isinstance(key, int):
            if not node:
                node.append(empty)
        else:
            node.setdefault(key, empty)
        node = node[key]
    last = path[-1]
    if isinstance(last, int) and not node:
        node.append(value)
    else:
        node[last] = value
    return body


def json_operations(openapi: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    out = {}
    for route, methods in openapi["paths"].items():
        for method, op in methods.items():
            content = (op.get("requestBody") or {}).get("content", {})
            if "application/json" in content:
                out[(method, route)] = content["application/json"]["schema"]
    return out


def assert_danish_4xx(r, field: str | None = None) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    assert 400 <= r.status_code < 500, (r.status_code, r.text[:500])
    raw = r.content.decode("utf-8")  # strict: nothing unencodable was echoed
    body = json.loads(raw)
    assert isinstance(body["detail"], str) and body["detail"]
    assert not ENGLISH.search(body["detail"]), body["detail"]
    for err in body.get("errors", []):
        assert not ENGLISH.search(err["msg"]), err["msg"]
    if field is not None:
        assert body.get("field", "").startswith(field), (field, body)
    return body


@pytest.fixture(scope="module")
def openapi(client) -> dict[str, Any]:
    return client.get("/openapi.json").json()


def test_every_json_body_operation_has_a_valid_base_body(client, openapi):
    assert set(json_operations(openapi)) == set(BASE_BODIES)
    for (method, route), body in BASE_BODIES.items():
        r = client.request(method.upper(), route, json=body)
        assert r.status_code in (200, 201, 404), (route, r.status_code, r.text[:300])


def test_a_lone_surrogate_in_any_string_field_is_a_danish_4xx(client, openapi):
    components = openapi["components"]["schemas"]
    tried = 0
    for (method, route), schema in json_operations(openapi).items():
        base = BASE_BODIES[(method, route)]
        paths = string_paths(schema, components)
        assert paths, route
        everywhere = base
        for path in paths:
            everywhere = with_value(everywhere, path, SURROGATE)
        variants = [(everywhere, None)]
        variants += [(with_value(base, p, "x" + SURROGATE), ".".join(map(str, p))) for p in paths]
        for body, field in variants:
            r = client.request(
                method.upper(),
                route,
                content=json.dumps(body).encode("ascii"),  # "\ud800" travels as a JSON escape
                headers={"Content-Type": "application/json"},
            )
            assert 400 <= r.status_code < 500, (route, field, r.status_code)
            assert_danish_4xx(r, field)
            tried += 1
    assert tried == 8 + 3 + 3 + 3  # string fields of chat, feedback, completions; 3 "all at once"


def test_surrogate_in_every_field_at_once_names_a_field_and_echoes_replacement(client):
    body = {"message": SURROGATE, "conversation_id": SURROGATE, "as_of": SURROGATE}
    r = client.post(
        "/api/chat",
        content=json.dumps(body).encode("ascii"),
        headers={"Content-Type": "application/json"},
    )
    out = assert_danish_4xx(r)
    assert r.status_code == 422
    assert {e["field"] for e in out["errors"]} == {"message", "conversation_id", "as_of"}
    assert out["detail"].startswith("»besked« indeholder tegn, der ikke er gyldig tekst.")
    assert all(e.get("input") in ("\ufffd", None) for e in out["errors"])


@pytest.mark.parametrize("raw", ["%ED%A0%80", "%FF%FE", "%C3", "%00"])
def test_broken_utf8_in_paths_and_queries_never_fails(client, openapi, raw):
    for route, methods in openapi["paths"].items():
        if "get" not in methods:
            continue
        url = re.sub(r"\{[^}]+\}", raw, route)
        names = [p["name"] for p in methods["get"].get("parameters", []) if p["in"] == "query"]
        if names:
            url += "?" + "&".join(f"{n}={raw}" for n in names)
        r = client.get(url)
        assert r.status_code < 500, (url, r.status_code, r.text[:300])
        if r.status_code >= 400:
            assert_danish_4xx(r)


def test_broken_utf8_in_an_upload_never_fails(empty_client):
    boundary = "graense"
    parts = (
        f"--{boundary}\r\n".encode()
        + b'Content-Disposition: form-data; name="access"\r\n\r\n\xed\xa0\x80\r\n'
        + f"--{boundary}\r\n".encode()
        + b'Content-Disposition: form-data; name="files"; filename="\xed\xa0\x80\xff.txt"\r\n'
        + b"Content-Type: text/plain\r\n\r\nDer afs\xe6ttes 5 kr.\r\n"
        + f"--{boundary}--\r\n".encode()
    )
    r = empty_client.post(
        "/api/documents",
        content=parts,
        headers={"Content-Type": f"multipart/form-data; boundary={boundary}"},
    )
    assert r.status_code < 500, r.text[:300]
    if r.status_code >= 400:
        assert_danish_4xx(r)
    not_multipart = empty_client.post(
        "/api/documents",
        content=b"\xff\xfe",
        headers={"Content-Type": "multipart/form-data"},  # no boundary at all
    )
    body = assert_danish_4xx(not_multipart)
    assert not_multipart.status_code == 400
    assert body["detail"].startswith("Formulardata kunne ikke læses.")


def test_undecodable_json_is_a_documented_danish_400(client, openapi):
    r = client.post(
        "/api/feedback", content=b"\xff\xfe{", headers={"Content-Type": "application/json"}
    )
    body = assert_danish_4xx(r)
    assert r.status_code == 400
    assert body["detail"].startswith("Forespørgslens indhold kunne ikke læses.")
    assert "400" in openapi["paths"]["/api/feedback"]["post"]["responses"]
