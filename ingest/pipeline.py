"""The ingest pipeline: file -> load -> clean -> structure -> chunks -> facts -> stores.

Idempotent by content hash: an unchanged file is skipped, a changed file replaces its chunks
and facts, embeddings of unchanged chunk texts come from the cache. A bad file is reported by
name and never stops the others.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ingest.chunking import chunk_document
from ingest.document import parse_loaded
from ingest.facts import extract_facts
from ingest.loaders import SUPPORTED_EXTENSIONS, load_file
from ingest.models import Chunk, DocumentRecord, IngestError
from ingest.safe_load import safe_load_file
from plan_assistant.settings import Settings
from stores import facts as facts_store
from stores.bundle import Stores
from stores.registry import Registry

log = logging.getLogger("plan_assistant.ingest")

CLOSED_GROUP = "lukket"  # access group for "Lukket" agenda items found at ingest


@dataclass
class FileResult:
    path: str
    source: str
    status: str  # "added" | "updated" | "unchanged" | "duplicate" | "failed"
    doc_id: str | None = None
    reason: str | None = None
    reason_da: str | None = None
    pages: int = 0
    chunks: int = 0
    seconds: float = 0.0


@dataclass
class IngestReport:
    files: list[FileResult] = field(default_factory=list)
    seconds: float = 0.0
    embedded: int = 0  # chunk texts actually embedded (not from the cache)

    @property
    def failed(self) -> list[FileResult]:
        return [f for f in self.files if f.status == "failed"]

    def count(self, status: str) -> int:
        return sum(1 for f in self.files if f.status == status)


@functools.cache
def parser_version() -> str:
    """A fingerprint of the code that turns files into documents (this package's sources).

    Stored with the registry: when the parsing code changes, the next ingest reads every
    document again instead of keeping what older code made of it."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent
    for source in sorted(package.rglob("*.py")):
        digest.update(source.relative_to(package).as_posix().encode())
        digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


def document_id(path: Path) -> str:
    return hashlib.sha1(str(path).encode()).hexdigest()[:16]


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files named directly, plus supported files found recursively in folders, once each."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(
                sorted(
                    f
                    for f in p.rglob("*")
                    if f.is_file()
                    and not f.name.startswith(".")
                    and f.suffix.lower() in SUPPORTED_EXTENSIONS
                )
            )
        else:
            out.append(p)
    seen: set[Path] = set()
    unique: list[Path] = []
    for path in out:  # a file named twice (directly and in its folder) is read once
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(path)
    return unique


class Ingestor:
    batch_chunks = 256  # chunks embedded and written to Chroma together

    def __init__(self, settings: Settings, stores: Stores | None = None) -> None:
        self.settings = settings
        self.stores = stores or Stores.open(settings)
        self._this_run: dict[str, FileResult] = {}

    @property
    def registry(self) -> Registry:
        return self.stores.registry

    def ingest_paths(
        self,
        paths: Iterable[Path],
        access: str | None = None,
        on_file: Callable[[FileResult], None] | None = None,
        force: bool = False,
    ) -> IngestReport:
        started = time.perf_counter()
        embedded_before = self.stores.embedder.computed
        self.reconcile()
        version = parser_version()
        if self.registry.get_meta("parser_version") != version:
            # Documents read by other parser code are all read again (embeddings: from cache).
            force = True
            paths = [*paths, *self._registered_paths()]
        report = IngestReport()
        self._this_run = {}  # content hash -> the file read first in this run
        batch: list[_Prepared] = []
        for path in expand_paths(paths):
            result, prepared = self._prepare_file(path, access, force)
            if prepared is None:
                self._finish(report, result, on_file)
                continue
            batch.append(prepared)
            if sum(len(p.chunks) for p in batch) >= self.batch_chunks:
                self._write_batch(batch, report, on_file)
                batch = []
        if batch:
            self._write_batch(batch, report, on_file)
        if any(f.status in ("added", "updated") for f in report.files):
            self._link_facts()
        self.registry.set_meta("parser_version", version)
        report.seconds = time.perf_counter() - started
        report.embedded = self.stores.embedder.computed - embedded_before
        return report

    def _registered_paths(self) -> list[Path]:
        return [
            Path(doc["path"])
            for doc in self.registry.list_documents()
            if Path(doc["path"]).is_file()
        ]

    @staticmethod
    def _finish(
        report: IngestReport, result: FileResult, on_file: Callable[[FileResult], None] | None
    ) -> None:
        report.files.append(result)
        if on_file:
            on_file(result)

    def _prepare_file(
        self, path: Path, access: str | None, force: bool
    ) -> tuple[FileResult, _Prepared | None]:
        """Hash, skip when unchanged, else load → chunks → facts; errors end in the result."""
        t0 = time.perf_counter()
        resolved = path.resolve()
        result = FileResult(path=str(resolved), source=path.name, status="failed")
        try:
            try:
                data = resolved.read_bytes()
            except FileNotFoundError as exc:
                raise IngestError(
                    "file disappeared during ingest", "filen forsvandt under indlæsningen"
                ) from exc
            except IsADirectoryError as exc:
                raise IngestError("is a directory", "er en mappe") from exc
            content_hash = hashlib.sha256(data).hexdigest()
            doc_id = document_id(resolved)
            result.doc_id = doc_id
            existing = self.registry.find_by_path(str(resolved))
            if existing and existing["content_hash"] == content_hash and not force:
                result.status = "unchanged"
                return result, None
            moved_from: list[str] = []
            if not existing:
                moved_from = self._moved_from(result, content_hash)
                if result.status == "duplicate":
                    return result, None
            self._this_run.setdefault(content_hash, result)
            record, chunks = self.prepare(resolved, doc_id, content_hash, access)
            facts = extract_facts(record)
            result.status = "updated" if existing else "added"
            result.pages, result.chunks = len(record.pages), len(chunks)
            prepared = _Prepared(result, record, chunks, facts, time.perf_counter() - t0)
            prepared.replaces = moved_from
            return result, prepared
        except Exception as exc:
            _fail(result, path, exc)
            result.seconds = time.perf_counter() - t0
            return result, None

    def _moved_from(self, result: FileResult, content_hash: str) -> list[str]:
        """The entries of the same bytes indexed under another path. A copy whose twin's
        file still exists is marked a duplicate (not indexed twice: its passages would crowd
        the top results twice); otherwise the file was moved or renamed, and the ids of its
        old entries are returned, to be removed once the new one is saved."""
        first = self._this_run.get(content_hash)  # a copy within this run, not yet saved
        twins = [(first.doc_id, first.source)] if first is not None else []
        gone = []
        for twin in self.registry.find_by_content(content_hash):
            if Path(twin["path"]).is_file():
                twins.append((twin["id"], twin["source"]))
            else:
                gone.append(twin["id"])
        if twins:
            doc_id, source = twins[0]
            result.status = "duplicate"
            result.doc_id = doc_id
            result.reason = f"same content as {source}, already indexed"
            result.reason_da = f"samme indhold som {source}, som allerede er indlæst"
            return []
        return gone

    def _write_batch(
        self,
        batch: list[_Prepared],
        report: IngestReport,
        on_file: Callable[[FileResult], None] | None,
    ) -> None:
        """Embed the chunks of several documents together (length-sorted batches fill up)
        and write their vectors in one Chroma call; per-document Chroma writes were ~10x
        slower (bench/results). Registry commits stay per document."""
        batch_started = time.perf_counter()
        try:
            texts = [c.embed_text() for p in batch for c in p.chunks]
            vectors = self.stores.embedder.embed_passages(texts)
            pos = 0
            for p in batch:
                p.vectors = vectors[pos : pos + len(p.chunks)]
                pos += len(p.chunks)
            self.stores.vectors.delete_docs([p.record.id for p in batch])
            self.stores.vectors.add_many(
                [(p.chunks, p.vectors, _vector_metadata(p.record)) for p in batch]
            )
        except Exception as exc:
            if len(batch) == 1:  # this document alone fails; the batch goes on
                _fail(batch[0].result, Path(batch[0].record.path), exc)
                batch[0].result.seconds = batch[0].prepare_s
                self._finish(report, batch[0].result, on_file)
                return
            log.warning("batch write failed; retrying one document at a time", exc_info=True)
            for p in batch:
                self._write_batch([p], report, on_file)
            return
        shared_s = time.perf_counter() - batch_started
        total_chunks = sum(len(p.chunks) for p in batch) or 1
        for p in batch:
            t0 = time.perf_counter()
            try:
                self.registry.save_document(p.record, p.chunks, self.stores.embedder.id, p.facts)
                for old_id in p.replaces:  # a moved file's old entry, now that it is saved
                    self.stores.vectors.delete_doc(old_id)
                    self.registry.delete_document(old_id)
            except Exception as exc:
                _fail(p.result, Path(p.record.path), exc)
            # its own preparation and registry commit, plus its share of the batch's embedding
            p.result.seconds = (
                p.prepare_s + shared_s * len(p.chunks) / total_chunks + time.perf_counter() - t0
            )
            self._finish(report, p.result, on_file)

    def prepare(
        self, path: Path, doc_id: str, content_hash: str, access: str | None
    ) -> tuple[DocumentRecord, list[Chunk]]:
        """Everything before embedding: pure, no store writes (benchmarks time it alone)."""
        loaded = _load(path)
        record, cleaned = parse_loaded(loaded, path, doc_id, content_hash, access or "public")
        if access is None and record.meta.closed:
            record.access = CLOSED_GROUP
        chunks = chunk_document(
            doc_id, content_hash, cleaned, record.sections, record.meta, record.blocks
        )
        if not chunks:
            raise IngestError("no text to index", "ingen tekst at indeksere")
        return record, chunks

    def write_document(self, record: DocumentRecord, chunks: list[Chunk], vectors, facts) -> None:
        """Vectors first, then the registry commit: a crash in between leaves a registry that
        still points at the old content hash, so the next run re-ingests the file, and
        `reconcile` removes vectors no registry row owns."""
        self.stores.vectors.delete_docs([record.id])
        self.stores.vectors.add_many([(chunks, vectors, _vector_metadata(record))])
        self.registry.save_document(record, chunks, self.stores.embedder.id, facts)

    def remove(self, ref: str) -> list[str]:
        """Remove documents matching an id, file name or path; returns the removed ids."""
        removed = []
        for row in self.registry.resolve(ref):
            self.stores.vectors.delete_doc(row["id"])
            self.registry.delete_document(row["id"])
            removed.append(row["id"])
        if removed:
            self._link_facts()
        return removed

    def reconcile(self) -> dict[str, int]:
        """Make vectors and registry agree after a crash: drop orphan vectors, and mark
        documents whose vectors are incomplete for re-ingest (content hash cleared)."""
        registry_ids = self.registry.chunk_ids()
        vector_ids = self.stores.vectors.ids()
        orphans = vector_ids - registry_ids
        self.stores.vectors.delete_ids(sorted(orphans))
        missing = registry_ids - vector_ids
        stale_docs = {cid.split(":", 1)[0] for cid in missing}
        for doc_id in stale_docs:
            self.registry.conn.execute(
                "UPDATE documents SET content_hash = '' WHERE id = ?", (doc_id,)
            )
        return {"orphan_vectors": len(orphans), "stale_documents": len(stale_docs)}

    def _link_facts(self) -> None:
        """Follow-ups are linked across documents (a later status reports on an earlier
        deadline), so links are rebuilt after every change to the corpus."""
        facts_store.link_followups(self.registry.conn)


@dataclass
class _Prepared:
    """A document ready to embed and write."""

    result: FileResult
    record: DocumentRecord
    chunks: list[Chunk]
    facts: object
    prepare_s: float  # load, clean, structure, chunks and facts of this document
    vectors: object = None
    replaces: list[str] = field(default_factory=list)  # old entries of a moved file


def _vector_metadata(record: DocumentRecord) -> dict[str, object]:
    """Document fields stored with every chunk vector, for filtering inside Chroma."""
    meta = record.meta
    return {
        "doc_id": record.id,
        "source": record.source,
        "access": record.access,
        "doc_type": meta.doc_type,
        "committee": meta.committee or "",
        "date": int((meta.date or "0000-00-00").replace("-", "")),
    }


def _fail(result: FileResult, path: Path, exc: Exception) -> None:
    result.status = "failed"
    if isinstance(exc, IngestError):
        result.reason, result.reason_da = exc.reason, exc.reason_da
        log.warning("ingest failed: %s: %s", path.name, exc.reason)
    else:  # a bug or a library failure must not stop the batch
        result.reason = f"unexpected error: {type(exc).__name__}: {exc}"
        result.reason_da = "uventet fejl under indlæsningen"
        log.exception("ingest failed: %s", path.name)


def _load(path: Path):
    """PDFs and DOCX (zip) files are parsed in a child process with a time and memory limit,
    so a decompression bomb or a pathological PDF fails alone; plain text loads in-process."""
    with path.open("rb") as fh:
        head = fh.read(8)
    if head.startswith((b"%PDF", b"PK")) or path.suffix.lower() in (".pdf", ".docx"):
        return safe_load_file(path)
    return load_file(path)
