"""Hostile PDFs fail alone, within a time and memory limit, with a Danish reason.

The hostile files are real PDFs written byte by byte here: FlateDecode content streams that
inflate from kilobytes to hundreds of megabytes of zeros, page trees and /Parent chains that
loop back on themselves, and a 10 KB file whose pages each hold 900 000 text operations.
"""

from __future__ import annotations

import functools
import os
import resource
import signal
import zlib
from pathlib import Path

import pytest

from ingest.loaders import load_file
from ingest.models import IngestError, LoadedFile
from ingest.safe_load import safe_load_file
from tests.ingest.conftest import CORPUS, DANISH_PAGES, write_pdf

FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
PAGE = (
    b"<< /Type /Page /Parent %s /MediaBox [0 0 612 792]"
    b" /Resources << /Font << /F1 4 0 R >> >> /Contents %d 0 R >>"
)
MEMORY_DA = "brugte for meget hukommelse"
SLOW_DA = "tog for lang tid at læse"
CYCLE_DA = "henviser til sig selv"


# ------------------------------------------------------------------ PDF construction


def build_pdf(objects: dict[int, bytes]) -> bytes:
    """A syntactically valid PDF (header, objects, exact xref, trailer); object 1 is the root."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets: dict[int, int] = {}
    for num in sorted(objects):
        offsets[num] = len(out)
        out += b"%d 0 obj\n" % num + objects[num] + b"\nendobj\n"
    xref, size = len(out), max(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for num in range(1, size):
        out += b"%010d 00000 n \n" % offsets[num] if num in offsets else b"0000000000 65535 f \n"
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)
    return bytes(out)


def stream(data: bytes, flate: bool = False, extra: bytes = b"") -> bytes:
    if flate:
        extra += b" /Filter /FlateDecode"
    return b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def deflate_zeros(total: int) -> bytes:
    """`total` zero bytes, deflated in 1 MB steps (never held in memory at once)."""
    comp = zlib.compressobj(9)
    block = bytes(1 << 20)
    parts = [comp.compress(block) for _ in range(total // len(block))]
    return b"".join(parts) + comp.flush()


def pages_pdf(contents: list[bytes]) -> bytes:
    """One page per (already encoded) content stream object."""
    objects = {1: b"<< /Type /Catalog /Pages 2 0 R >>", 4: FONT}
    kids = []
    for i, content in enumerate(contents):
        page, body = 10 + 2 * i, 11 + 2 * i
        kids.append(b"%d 0 R" % page)
        objects[page] = PAGE % (b"2 0 R", body)
        objects[body] = content
    objects[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids))
    return build_pdf(objects)


def zero_bomb(megabytes: int, pages: int = 1) -> bytes:
    packed = deflate_zeros(megabytes << 20)
    return pages_pdf([stream(packed, flate=True)] * pages)


def looping_parent_pdf() -> bytes:
    """A page whose /Parent is itself, under a page-tree node whose /Parent loops back."""
    return build_pdf(
        {
            1: b"<< /Type /Catalog /Pages 2 0 R >>",
            2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 /Parent 6 0 R >>",
            3: b"<< /Type /Page /Parent 3 0 R /MediaBox [0 0 612 792] /Contents 5 0 R >>",
            4: FONT,
            5: stream(b"BT /F1 12 Tf 72 720 Td (Der afsaettes 600.000 kr.) Tj ET"),
            6: b"<< /Type /Pages /Kids [2 0 R] /Count 1 /Parent 2 0 R >>",
        }
    )


def self_containing_page_tree_pdf() -> bytes:
    """A /Pages node that lists itself among its own kids."""
    return build_pdf(
        {
            1: b"<< /Type /Catalog /Pages 2 0 R >>",
            2: b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
            3: PAGE % (b"2 0 R", 5),
            4: FONT,
            5: stream(b"BT /F1 12 Tf 72 720 Td (Der afsaettes 600.000 kr.) Tj ET"),
        }
    )


def slow_pdf(pages: int = 3, operations: int = 900_000) -> bytes:
    """~10 KB: every page shows one shared stream of 900 000 tiny text operations."""
    body = b"BT /F1 1 Tf " + b"(x) Tj " * operations + b"ET"
    shared = stream(zlib.compress(body, 9), flate=True)
    objects = {1: b"<< /Type /Catalog /Pages 2 0 R >>", 4: FONT, 5: shared}
    kids = []
    for i in range(pages):
        objects[10 + i] = PAGE % (b"2 0 R", 5)
        kids.append(b"%d 0 R" % (10 + i))
    objects[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), pages)
    return build_pdf(objects)


@pytest.fixture()
def good_pdf(tmp_path: Path) -> Path:
    return write_pdf(tmp_path / "referat.pdf", DANISH_PAGES)


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# ------------------------------------------------------------------------ real PDFs


def test_good_pdf_loads_exactly_as_in_process(good_pdf):
    assert safe_load_file(good_pdf) == load_file(good_pdf)


def test_works_from_a_worker_thread(good_pdf):
    """The API ingests uploads in a thread pool, not the main thread."""
    import threading

    results: list[object] = []

    def run() -> None:
        try:
            results.append(safe_load_file(good_pdf))
        except Exception as exc:  # noqa: BLE001 - reported below
            results.append(exc)

    worker = threading.Thread(target=run)
    worker.start()
    worker.join()
    assert results == [load_file(good_pdf)]
    bomb_results: list[object] = []
    worker = threading.Thread(
        target=lambda: bomb_results.append(
            _error_of(lambda: safe_load_file(good_pdf, memory_mb=128, loader=_hog))
        )
    )
    worker.start()
    worker.join()
    assert bomb_results == ["PDF used too much memory (over 128 MB)"]


def _error_of(call) -> str | None:  # type: ignore[no-untyped-def]
    try:
        call()
    except IngestError as exc:
        return exc.reason
    return None


def test_good_text_file_loads_too():
    path = CORPUS / "bilag2_kompetencepulje_2006_sof.txt"
    assert safe_load_file(path) == load_file(path)


def test_a_process_holding_over_1024_descriptors_still_loads(tmp_path):
    """A long-running server (or a long test session) holds more than 1 024 open files;
    waiting for the loader child must not depend on the descriptor's number (select()
    refused them: "filedescriptor out of range", and every file of a batch failed)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard != resource.RLIM_INFINITY and hard < 1200:
        pytest.skip(f"the descriptor limit here is {hard}")
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, 1200), hard))
    held = [os.open(os.devnull, os.O_RDONLY) for _ in range(1100)]
    try:
        path = tmp_path / "bilag.txt"
        path.write_text("Der afsættes 600.000 kr. til videndeling.", encoding="utf-8")
        assert safe_load_file(path).pages == load_file(path).pages
    finally:
        for fd in held:
            os.close(fd)
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


def test_one_stream_of_300_mb_zeros_is_refused(tmp_path):
    bomb = _write(tmp_path, "bomb.pdf", zero_bomb(300))
    assert bomb.stat().st_size < 400_000  # 300 MB hidden in a few hundred kilobytes
    with pytest.raises(IngestError) as err:
        safe_load_file(bomb, timeout_s=30, memory_mb=256)
    assert err.value.reason == "PDF used too much memory (over 256 MB)"
    assert MEMORY_DA in err.value.reason_da and "dekomprimeringsbombe" in err.value.reason_da


def test_many_streams_under_pypdfs_own_cap_hit_our_memory_limit(tmp_path):
    """Ten pages of 70 MB each stay under pypdf's 75 MB per-stream cap; together they need
    700 MB, which the child's address-space limit refuses."""
    bomb = _write(tmp_path, "bomb10.pdf", zero_bomb(70, pages=10))
    assert bomb.stat().st_size < 1_000_000
    limit_before = resource.getrlimit(resource.RLIMIT_AS)
    with pytest.raises(IngestError) as err:
        safe_load_file(bomb, timeout_s=60, memory_mb=256)
    assert err.value.reason == "PDF used too much memory (over 256 MB)"
    assert resource.getrlimit(resource.RLIMIT_AS) == limit_before  # the parent is not limited


def test_pathologically_slow_pdf_is_stopped_at_the_deadline(tmp_path):
    slow = _write(tmp_path, "slow.pdf", slow_pdf())
    assert slow.stat().st_size < 20_000
    with pytest.raises(IngestError) as err:
        safe_load_file(slow, timeout_s=2, memory_mb=512)
    assert err.value.reason == "PDF took too long to read (over 2 s)"
    assert err.value.reason_da.startswith(f"PDF'en {SLOW_DA} (over 2 sekunder)")


@pytest.mark.parametrize(
    "build", [looping_parent_pdf, self_containing_page_tree_pdf], ids=["parent", "kids"]
)
def test_self_referencing_objects_are_named_as_such(tmp_path, build):
    path = _write(tmp_path, "loop.pdf", build())
    with pytest.raises(IngestError) as err:
        safe_load_file(path, timeout_s=30, memory_mb=256)
    assert err.value.reason == "PDF has recursive objects (object refers to itself)"
    assert CYCLE_DA in err.value.reason_da


def test_ordinary_loader_errors_pass_through_unchanged(tmp_path):
    truncated = _write(tmp_path, "trunc.pdf", b"%PDF-1.7\n1 0 obj\n<< /Type /Cat")
    with pytest.raises(IngestError) as inside:
        load_file(truncated)
    with pytest.raises(IngestError) as outside:
        safe_load_file(truncated)
    assert (outside.value.reason, outside.value.reason_da) == (
        inside.value.reason,
        inside.value.reason_da,
    )


# ------------------------------------------------- the limits themselves (any loader)


def _hog(path: Path) -> LoadedFile:
    blocks = [bytearray(64 << 20) for _ in range(64)]  # 4 GB
    return LoadedFile(str(path), "text", [str(len(blocks))])


def _recurse(path: Path, depth: int = 0) -> LoadedFile:
    return _recurse(path, depth + 1)


def _killed(path: Path) -> LoadedFile:
    os.kill(os.getpid(), signal.SIGKILL)  # what the kernel's OOM killer does
    raise AssertionError("unreachable")


def _sleeper(path: Path) -> LoadedFile:
    signal.pause()
    raise AssertionError("unreachable")


def _bug(path: Path) -> LoadedFile:
    raise ValueError("a library bug")


def test_memory_hog_is_refused(good_pdf):
    with pytest.raises(IngestError) as err:
        safe_load_file(good_pdf, memory_mb=128, loader=_hog)
    assert err.value.reason == "PDF used too much memory (over 128 MB)"


def test_a_child_killed_without_a_word_counts_as_memory(tmp_path):
    path = _write(tmp_path, "notat.txt", b"Kort notat.\n")
    with pytest.raises(IngestError) as err:
        safe_load_file(path, loader=_killed)
    assert err.value.reason == "file used too much memory (over 1024 MB)"
    assert err.value.reason_da.startswith(f"filen {MEMORY_DA}")


def test_runaway_recursion_is_refused(good_pdf):
    with pytest.raises(IngestError) as err:
        safe_load_file(good_pdf, loader=_recurse)
    assert err.value.reason == "PDF has recursive objects (object refers to itself)"


def test_timeout_applies_to_any_loader(good_pdf):
    with pytest.raises(IngestError) as err:
        safe_load_file(good_pdf, timeout_s=0.5, loader=_sleeper)
    assert err.value.reason == "PDF took too long to read (over 0.5 s)"


def test_unexpected_exceptions_become_ingest_errors(good_pdf):
    with pytest.raises(IngestError) as err:
        safe_load_file(good_pdf, loader=_bug)
    assert err.value.reason == "unexpected error while loading: ValueError: a library bug"
    assert err.value.reason_da == "uventet fejl under indlæsningen"


def _child_pids() -> set[int]:
    """Children of this process (zombies included), from /proc; other fixtures of the session
    may own long-running children, so the test compares sets instead of expecting none."""
    pids: set[int] = set()
    for children in Path("/proc/self/task").glob("*/children"):
        pids.update(int(p) for p in children.read_text().split())
    return pids


def test_no_child_is_left_behind(good_pdf):
    before = _child_pids()
    for loader in (_sleeper, _hog, _bug):
        with pytest.raises(IngestError):
            safe_load_file(good_pdf, timeout_s=0.5, memory_mb=128, loader=loader)
    assert _child_pids() <= before


# ---------------------------------------------------------------- in an ingest batch


def test_bad_pdfs_fail_alone_in_a_batch(tmp_path, monkeypatch):
    """The pipeline, loading through `safe_load_file`: the good files of the folder are
    ingested, each hostile one fails with its own Danish reason."""
    import ingest.pipeline as pipeline
    from tests.conftest import make_settings

    limited = functools.partial(safe_load_file, timeout_s=3, memory_mb=256)
    if hasattr(pipeline, "safe_load_file"):
        monkeypatch.setattr(pipeline, "safe_load_file", limited)
    if hasattr(pipeline, "load_file"):
        monkeypatch.setattr(pipeline, "load_file", limited)

    folder = tmp_path / "upload"
    folder.mkdir()
    write_pdf(folder / "referat.pdf", DANISH_PAGES)
    (folder / "bilag.txt").write_text(
        (CORPUS / "bilag2_kompetencepulje_2006_sof.txt").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    _write(folder, "bombe.pdf", zero_bomb(300))
    _write(folder, "loekke.pdf", looping_parent_pdf())
    _write(folder, "langsom.pdf", slow_pdf())

    ingestor = pipeline.Ingestor(make_settings(tmp_path / "data"))
    report = ingestor.ingest_paths([folder])
    by_name = {f.source: f for f in report.files}
    assert {n: f.status for n, f in by_name.items()} == {
        "bilag.txt": "added",
        "referat.pdf": "added",
        "bombe.pdf": "failed",
        "loekke.pdf": "failed",
        "langsom.pdf": "failed",
    }
    assert MEMORY_DA in by_name["bombe.pdf"].reason_da
    assert CYCLE_DA in by_name["loekke.pdf"].reason_da
    assert SLOW_DA in by_name["langsom.pdf"].reason_da
    listed = {d["source"] for d in ingestor.registry.list_documents()}
    assert listed == {"bilag.txt", "referat.pdf"}
    assert ingestor.registry.chunk_ids() == ingestor.stores.vectors.ids()
