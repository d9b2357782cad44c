"""Property-based API testing: schemathesis against the OpenAPI schema of a real server.

`plan-assistant serve` runs on 127.0.0.1 over a fresh store of corpus/ (first-start ingest,
embeddings from the shared cache), and schemathesis's CLI generates requests for every
operation from /openapi.json: schema-valid and schema-violating ones, boundary values
(coverage phase), random ones (fuzzing) and chains that follow the response links
(stateful). Every check is on — no 5xx, response bodies and status codes as the schema
declares them, valid data accepted, invalid data refused, `Allow` on 405, … — with the few
exceptions in tests/api/schemathesis.toml. The run is bounded by examples per operation
(and a hard timeout); its figures go to test-output/schemathesis.json.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.api.conftest import ServedProcess
from tests.conftest import ROOT

pytestmark = pytest.mark.server

CONFIG = Path(__file__).with_name("schemathesis.toml")
ST = Path(sys.executable).with_name("st")
SEED = int(os.environ.get("PLAN_ASSISTANT_FUZZ_SEED", "1"))
HARD_TIMEOUT_S = 240


def _post(url: str, body: dict, token: str) -> dict:
    request = urllib.request.Request(
        url,
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json", "X-API-Key": token},
    )
    with urllib.request.urlopen(request, timeout=60) as r:
        return json.load(r)


def _get(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=60) as r:
        return json.load(r)


@pytest.fixture(scope="module")
def fuzzed_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[ServedProcess, str]]:
    """A server of its own (the fuzzer uploads and deletes) and an editor's key for it."""
    from stores.keys import create_key, open_keys

    data_dir = tmp_path_factory.mktemp("fuzz-data")
    conn = open_keys(data_dir)
    token = create_key(conn, "fuzzer", "editor")
    conn.close()
    log = tmp_path_factory.mktemp("fuzz-log") / "serve.log"
    with ServedProcess(data_dir, log, PLAN_ASSISTANT_CHAT_RATE_PER_MINUTE="0") as server:
        yield server, token


def _run_config(server: ServedProcess, token: str, path: Path) -> None:
    """The checked-in settings plus what this run's store holds: a real conversation and
    programme, so those reads reach their code (and their response schema), not a 404."""
    answer = _post(f"{server.url}/api/chat", {"message": "Hvad blev afsat til LEAN?"}, token)
    programmes = _get(f"{server.url}/api/programmes")["programmes"]
    extra = [("/api/conversations/{conversation_id}", "conversation_id", answer["conversation_id"])]
    if programmes:
        extra.append(("/api/programmes/{programme_id}", "programme_id", programmes[0]["id"]))
    # Top-level keys must precede the [[operations]] tables of the checked-in file.
    text = f'headers = {{ "X-API-Key" = "{token}" }}\n' + CONFIG.read_text(encoding="utf-8")
    for op_path, name, value in extra:
        text += (
            f'\n[[operations]]\ninclude-path = "{op_path}"\ninclude-method = "GET"\n'
            f'parameters = {{ "{name}" = "{value}" }}\n'
        )
    path.write_text(text, encoding="utf-8")


def test_schemathesis_finds_no_failure_on_any_operation(fuzzed_server, tmp_path: Path):
    server, token = fuzzed_server
    config = tmp_path / "schemathesis.toml"
    _run_config(server, token, config)
    report = tmp_path / "report.json"
    cmd = [str(ST), "--no-color", "--config-file", str(config), "run"]
    cmd += [f"{server.url}/openapi.json", "--seed", str(SEED)]
    cmd += ["--report", "json", "--report-json-path", str(report)]
    started = time.monotonic()
    proc = subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True, timeout=HARD_TIMEOUT_S)
    wall = time.monotonic() - started
    summary = json.loads(report.read_text(encoding="utf-8"))
    operations = sum(
        1
        for methods in _get(f"{server.url}/openapi.json")["paths"].values()
        for method in methods
        if method in ("get", "post", "put", "patch", "delete")
    )
    figures = {
        "operations_in_schema": operations,
        "operations_tested": summary["operations"]["tested"],
        "test_cases": summary["test_cases"]["generated"],
        "failures": summary["failures"],
        "errors": summary["errors"],
        "phases": {k: v["status"] for k, v in summary["phases"].items()},
        "schemathesis_seconds": round(summary["running_time"], 1),
        "wall_seconds": round(wall, 1),
        "seed": SEED,
    }
    out = ROOT / "test-output"
    out.mkdir(exist_ok=True)
    (out / "schemathesis.json").write_text(json.dumps(figures, indent=2), encoding="utf-8")
    tail = proc.stdout[-12000:] + proc.stderr[-3000:]
    assert proc.returncode == 0, tail
    assert summary["operations"]["tested"] == operations, figures
    assert not summary["failures"] and not summary["errors"], tail
    assert summary["test_cases"]["generated"] >= 20 * operations, figures
    # A crash inside a streamed answer arrives after a 200: the server log tells.
    assert "Traceback" not in server.log_tail(200_000), server.log_tail()
