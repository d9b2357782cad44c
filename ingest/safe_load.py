"""Load a file in a forked child process with a wall-clock timeout and a memory limit.

A hostile or broken upload (a decompression bomb, an object graph that refers to itself, a
content stream that takes minutes to parse) must cost one file, not the server: the loader
runs in a child process whose address space is capped with `RLIMIT_AS`, and the parent kills
it when the deadline passes. The child sends back the `LoadedFile` (or the loader's own
`IngestError`) through a pipe; every other outcome becomes an `IngestError` with a Danish
reason for staff.

Why `os.fork` rather than `multiprocessing`: a fork costs milliseconds (spawning a fresh
interpreter that imports pypdf costs ~0.4 s per file on this machine), and the child only
runs pure-Python parsing and then leaves with `os._exit`, so it never touches the parent's
threads, SQLite connections or Chroma client (the garbage collector is off in the child, so
no finalizer of an inherited object runs either). The memory limit is counted on top of the
address space the child inherits, because a server process already maps gigabytes
(embedder, Chroma) before it loads anything. Linux only (the assistant's target platform).
"""

from __future__ import annotations

import errno
import gc
import logging
import os
import pickle
import resource
import select
import signal
import time
from collections.abc import Callable
from pathlib import Path

from ingest.loaders import load_file
from ingest.models import IngestError, LoadedFile

DEFAULT_TIMEOUT_S = 60.0
DEFAULT_MEMORY_MB = 1024

_OK, _INGEST_ERROR, _MEMORY, _RECURSION, _OTHER = (
    "ok",
    "ingest_error",
    "memory",
    "recursion",
    "other",
)
# What pypdf and zlib say when a file hits a resource limit or a reference cycle.
_MEMORY_SIGNS = ("allocate", "memory", "limit reached", "maximum number of tokens", "budget")
_CYCLE_SIGNS = ("recursion", "cycle", "cyclic")


def _label(path: Path) -> tuple[str, str]:
    """("PDF", "PDF'en") or ("file", "filen"), for messages that name what failed."""
    try:
        with path.open("rb") as handle:
            is_pdf = b"%PDF-" in handle.read(1024)
    except OSError:
        is_pdf = path.suffix.lower() == ".pdf"
    return ("PDF", "PDF'en") if is_pdf else ("file", "filen")


def too_slow(path: Path, timeout_s: float) -> IngestError:
    en, da = _label(path)
    return IngestError(
        f"{en} took too long to read (over {timeout_s:g} s)",
        f"{da} tog for lang tid at læse (over {timeout_s:g} sekunder); den er måske beskadiget"
        " eller bygget til at overbelaste systemet",
    )


def too_big(path: Path, memory_mb: int) -> IngestError:
    en, da = _label(path)
    return IngestError(
        f"{en} used too much memory (over {memory_mb} MB)",
        f"{da} brugte for meget hukommelse (over {memory_mb} MB); den er måske en"
        " 'dekomprimeringsbombe' eller beskadiget",
    )


def recursive(path: Path) -> IngestError:
    en, da = _label(path)
    return IngestError(
        f"{en} has recursive objects (object refers to itself)",
        f"{da} indeholder objekter, der henviser til sig selv; den er beskadiget",
    )


def _mapped_bytes() -> int:
    """The address space this process already maps (VmSize), or 0 when unknown."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return 0


def _limit_child(memory_mb: int, timeout_s: float) -> None:
    limit = _mapped_bytes() + memory_mb * 1024 * 1024
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    # Safety net if the parent dies and cannot kill us: SIGALRM's default action ends the child.
    try:
        signal.signal(signal.SIGALRM, signal.SIG_DFL)
    except ValueError:
        pass
    signal.alarm(int(timeout_s) + 5)


class _Warnings(logging.Handler):
    """Collects the loader's and pypdf's warnings in the child.

    The PDF loader turns a page that fails into an empty page (one bad page must not lose the
    others), so a bomb surfaces as "no text layer". The warnings say why the pages failed;
    the child uses them to name the real cause.
    """

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self.messages.append(record.getMessage().lower())
        except Exception:  # noqa: BLE001 - a bad log record must not fail the load
            pass


def _listen() -> _Warnings:
    handler = _Warnings()
    for name in ("ingest", "pypdf"):
        logger = logging.getLogger(name)
        logger.setLevel(logging.WARNING)
        logger.addHandler(handler)
    return handler


def _cause(messages: list[str]) -> str | None:
    text = "\n".join(messages)
    if any(sign in text for sign in _MEMORY_SIGNS):
        return _MEMORY
    if any(sign in text for sign in _CYCLE_SIGNS):
        return _RECURSION
    return None


def _child(write_fd: int, path: Path, loader: Callable[[Path], LoadedFile], memory_mb: int,
           timeout_s: float) -> None:  # fmt: skip
    """Runs in the forked child; never returns."""
    code = 0
    try:
        gc.disable()  # no finalizers of objects inherited from the parent
        try:
            for sig in (signal.SIGINT, signal.SIGTERM):
                signal.signal(sig, signal.SIG_DFL)
        except ValueError:  # not the main thread (never after fork on CPython; be safe)
            pass
        warnings = _listen()
        _limit_child(memory_mb, timeout_s)
        try:
            result: tuple = (_OK, loader(path))
        except IngestError as exc:
            cause = _cause([exc.reason.lower(), *warnings.messages])
            result = (cause,) if cause else (_INGEST_ERROR, exc.reason, exc.reason_da)
        except MemoryError:
            result = (_MEMORY,)
        except RecursionError:
            result = (_RECURSION,)
        except BaseException as exc:  # noqa: BLE001 - reported to the parent as text
            result = (_OTHER, f"{type(exc).__name__}: {' '.join(str(exc).split())[:200]}")
        try:
            data = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
        except MemoryError:
            data = pickle.dumps((_MEMORY,))
        view = memoryview(data)
        while view:
            written = os.write(write_fd, view)
            view = view[written:]
    except BaseException:  # noqa: BLE001 - a child must never return into the parent's code
        code = 70
    finally:
        os._exit(code)


def _read_until(fd: int, deadline: float) -> bytes | None:
    """Everything the child writes, or None when the deadline passes first. poll(), not
    select(): a long-running server holds more than 1 024 descriptors, and select() refuses
    any numbered above that ("filedescriptor out of range")."""
    chunks: list[bytes] = []
    poller = select.poll()
    poller.register(fd, select.POLLIN | select.POLLHUP | select.POLLERR)
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return None
        try:
            ready = poller.poll(max(1, int(remaining * 1000)))
        except InterruptedError:
            continue
        if not ready:
            return None
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


def _reap(pid: int, kill: bool) -> int:
    if kill:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    while True:
        try:
            _, status = os.waitpid(pid, 0)
            return status
        except ChildProcessError:
            return 0
        except OSError as exc:
            if exc.errno != errno.EINTR:
                raise


def safe_load_file(
    path: Path | str,
    timeout_s: float = DEFAULT_TIMEOUT_S,
    memory_mb: int = DEFAULT_MEMORY_MB,
    loader: Callable[[Path], LoadedFile] = load_file,
) -> LoadedFile:
    """`load_file(path)` in a child process: same result, or `IngestError` when the file takes
    longer than `timeout_s` seconds or more than `memory_mb` MB of new memory to load.

    `loader` is for tests (and other formats); it must be importable in the parent.
    """
    path = Path(path)
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child's coverage is not collected
        os.close(read_fd)
        _child(write_fd, path, loader, memory_mb, timeout_s)
    os.close(write_fd)
    try:
        data = _read_until(read_fd, time.monotonic() + timeout_s)
    finally:
        os.close(read_fd)
    status = _reap(pid, kill=data is None)
    if data is None:
        raise too_slow(path, timeout_s)
    if not data:
        # The child died without a word: killed for memory (malloc failing inside C code
        # aborts or segfaults) or by the alarm safety net.
        if os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGALRM:
            raise too_slow(path, timeout_s)
        raise too_big(path, memory_mb)
    try:
        result = pickle.loads(data)
    except Exception as exc:  # a truncated message: the child was killed while writing
        raise too_big(path, memory_mb) from exc
    kind = result[0]
    if kind == _OK:
        return result[1]
    if kind == _INGEST_ERROR:
        raise IngestError(result[1], result[2])
    if kind == _MEMORY:
        raise too_big(path, memory_mb)
    if kind == _RECURSION:
        raise recursive(path)
    raise IngestError(
        f"unexpected error while loading: {result[1]}", "uventet fejl under indlæsningen"
    )
