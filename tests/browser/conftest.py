"""Browser fixtures: `plan-assistant serve` on 127.0.0.1 and Debian's chromium via Playwright.

The server starts on an empty data dir, so its first-start ingest of the corpus is exercised
too. Playwright never downloads a browser here: it drives /usr/bin/chromium.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.api.conftest import free_port, wait_ready
from tests.conftest import CORPUS, EMBED_CACHE, ROOT

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
OUTPUT = ROOT / "test-output"
EMBED_PAGE = """<!doctype html>
<html lang="da"><head><meta charset="utf-8"><title>Intranet</title></head>
<body style="font-family: Georgia, serif; margin: 40px">
  <h1>Medarbejderportalen</h1>
  <p>Nyheder og vejledninger for nye medarbejdere.</p>
  <script src="{api}/widget.js" data-title="Spørg planassistenten" data-api="{api}"></script>
</body></html>"""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    if CHROMIUM.exists():
        return
    skip = pytest.mark.skip(reason="/usr/bin/chromium is absent (apt-get install chromium)")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def output_dir() -> Path:
    OUTPUT.mkdir(exist_ok=True)
    return OUTPUT


@pytest.fixture(scope="session")
def ports() -> tuple[int, int]:
    """(API port, port of the intranet page that embeds the widget from another origin)."""
    return free_port(), free_port()


@pytest.fixture(scope="session")
def embed_url(ports: tuple[int, int]) -> Iterator[str]:
    """A plain page on another origin (127.0.0.1, other port) that embeds widget.js."""
    api = f"http://127.0.0.1:{ports[0]}"
    body = EMBED_PAGE.format(api=api).encode()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server API
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", ports[1]), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{ports[1]}/portal.html"
    httpd.shutdown()
    httpd.server_close()


@contextmanager
def serve(
    corpus: Path, data_dir: Path, port: int, log_path: Path, timeout: float = 180, **env: str
) -> Iterator[str]:
    """`plan-assistant serve` on 127.0.0.1:port; its first start ingests `corpus`."""
    environ = dict(
        os.environ,
        PLAN_ASSISTANT_CORPUS_DIR=str(corpus),
        PLAN_ASSISTANT_EMBED_CACHE_DIR=os.environ.get(
            "PLAN_ASSISTANT_EMBED_CACHE_DIR", str(EMBED_CACHE)
        ),
        ANONYMIZED_TELEMETRY="False",
        **env,
    )
    log = log_path.open("wb")
    cmd = [sys.executable, "-m", "plan_assistant.cli", "serve", "--host", "127.0.0.1"]
    cmd += ["--port", str(port), "--data-dir", str(data_dir), "--log-level", "warning"]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=environ, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_ready(url, proc, timeout=timeout, log=log_path)
        yield url
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


@pytest.fixture(scope="session")
def server_url(tmp_path_factory: pytest.TempPathFactory, ports: tuple[int, int]) -> Iterator[str]:
    data_dir = tmp_path_factory.mktemp("browser-data")
    log_path = tmp_path_factory.mktemp("browser-log") / "serve.log"
    cors = json.dumps([f"http://127.0.0.1:{ports[1]}"])
    with serve(CORPUS, data_dir, ports[0], log_path, PLAN_ASSISTANT_CORS_ORIGINS=cors) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser, output_dir: Path, request: pytest.FixtureRequest) -> Iterator[object]:
    context = browser.new_context(
        viewport={"width": 1280, "height": 860}, locale="da-DK", accept_downloads=True
    )
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    yield pg
    if request.node.rep_call.failed if hasattr(request.node, "rep_call") else False:
        pg.screenshot(path=str(output_dir / f"failed-{request.node.name}.png"))
    context.close()
    assert not errors, errors


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):  # type: ignore[no-untyped-def]
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


def save_readme_screenshot(src: Path, name: str = "screenshot-widget.png") -> None:
    """Refresh a screenshot in docs/ (shown in the README) on request only
    (PLAN_ASSISTANT_UPDATE_SCREENSHOT=1), so a test run leaves the work tree as it found it;
    test-output/ always has the shot."""
    if os.environ.get("PLAN_ASSISTANT_UPDATE_SCREENSHOT") != "1":
        return
    docs = ROOT / "docs"
    docs.mkdir(exist_ok=True)
    shutil.copyfile(src, docs / name)
