"""Documents: list, read (cleaned text with pages and sections), original file, upload, delete.

A document the caller may not read answers 404, exactly like one that does not exist, so
its existence is not revealed either.
"""

from __future__ import annotations

import logging
import mimetypes
from dataclasses import asdict
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, HTTPException, Response, UploadFile
from fastapi.responses import FileResponse

from api.deps import AccessDep, CallerDep, ServicesDep
from api.schemas import (
    DocumentList,
    DocumentOut,
    DocumentSummary,
    ErrorOut,
    UploadOut,
    UploadResult,
)
from api.security import require_role
from api.services import uploads
from ingest.models import DocumentRecord

router = APIRouter(prefix="/api/documents", tags=["dokumenter"])
log = logging.getLogger("plan_assistant.api")

NOT_FOUND = "Dokumentet findes ikke."
MAX_FILES = 20


def _readable(services: ServicesDep, doc_id: str, access: set[str]) -> DocumentRecord:
    record = services.stores.registry.get_document(doc_id)
    if record is None or record.access not in access:
        raise HTTPException(status_code=404, detail=NOT_FOUND)
    return record


@router.get("", response_model=DocumentList, summary="Alle dokumenter, du har adgang til")
def list_documents(services: ServicesDep, access: AccessDep) -> DocumentList:
    rows = services.stores.registry.list_documents(access)
    return DocumentList(documents=[DocumentSummary.model_validate(r) for r in rows])


@router.get(
    "/{doc_id}",
    response_model=DocumentOut,
    responses={404: {"model": ErrorOut}},
    summary="Metadata, renset tekst, sider og afsnit",
)
def get_document(doc_id: str, services: ServicesDep, access: AccessDep) -> DocumentOut:
    record = _readable(services, doc_id, access)
    meta = record.meta
    return DocumentOut(
        id=record.id,
        source=record.source,
        title=meta.title,
        doc_type=meta.doc_type,
        date=meta.date,
        date_text=meta.date_text,
        committee=meta.committee,
        case_numbers=meta.case_numbers,
        closed=meta.closed,
        access=record.access,
        kind=record.kind,
        text=record.text,
        pages=[asdict(p) for p in record.pages],
        sections=[asdict(s) for s in record.sections],
    )


@router.get(
    "/{doc_id}/file",
    response_class=FileResponse,
    responses={404: {"model": ErrorOut}},
    summary="Originalfilen",
)
def get_file(doc_id: str, services: ServicesDep, access: AccessDep) -> FileResponse:
    record = _readable(services, doc_id, access)
    path = Path(record.path)
    if not path.is_file():
        raise HTTPException(status_code=404, detail="Originalfilen findes ikke længere.")
    media_type = mimetypes.guess_type(record.source)[0] or "application/octet-stream"
    return FileResponse(
        path, media_type=media_type, filename=record.source, content_disposition_type="inline"
    )


@router.post(
    "",
    dependencies=[Depends(require_role("editor"))],
    response_model=UploadOut,
    responses={401: {"model": ErrorOut}, 403: {"model": ErrorOut}, 413: {"model": ErrorOut}},
    summary="Upload og indlæs en eller flere filer",
)
def upload_documents(
    services: ServicesDep,
    caller: CallerDep,
    files: Annotated[
        list[UploadFile],
        File(
            min_length=1,
            max_length=MAX_FILES,
            description=f"PDF, DOCX, HTML, Markdown eller tekst; højst {MAX_FILES} filer.",
        ),
    ],
    access: Annotated[str | None, Form(max_length=100, description="Adgangsgruppe.")] = None,
) -> UploadOut:
    settings = services.settings
    group = (access or "public").strip() or "public"
    if group not in caller.access:
        raise HTTPException(
            status_code=403, detail=f"Du kan ikke gemme dokumenter i adgangsgruppen »{group}«."
        )
    limit = settings.upload_max_mb * 1024 * 1024
    originals = [f.filename or "" for f in files]
    names = uploads.unique_names([uploads.safe_filename(n) for n in originals])
    tmp_paths: list = []
    try:
        for upload in files:
            tmp = uploads.new_tmp(services.uploads_dir)
            tmp_paths.append(tmp)
            uploads.copy_limited(upload.file, tmp, limit)
    except uploads.TooLargeError:
        uploads.discard(tmp_paths)
        raise HTTPException(
            status_code=413,
            detail=f"Filen »{originals[len(tmp_paths) - 1]}« er for stor. "
            f"Den største tilladte størrelse er {settings.upload_max_mb} MB.",
        ) from None
    except BaseException:
        uploads.discard(tmp_paths)
        raise

    with services.ingest_lock:
        placed = [
            uploads.place(services.uploads_dir, name, tmp)
            for name, tmp in zip(names, tmp_paths, strict=True)
        ]
        try:
            report = services.ingestor.ingest_paths([p.target for p in placed], access=group)
        except BaseException:
            for p in placed:
                p.rollback()
            raise
    by_path = {Path(r.path).resolve(): r for r in report.files}
    results = []
    for original, name, p in zip(originals, names, placed, strict=True):
        r = by_path.get(p.target.resolve())
        if r is None or r.status == "failed":
            p.rollback()
            reason = (r.reason_da or r.reason) if r else "filen blev ikke indlæst"
            log.warning("upload of %r failed: %s", original, r.reason if r else "no result")
            results.append(
                UploadResult(
                    filename=name, original_filename=original, status="failed", reason=reason
                )
            )
            continue
        if r.status == "duplicate":
            p.rollback()  # the indexed twin stays; no second copy is kept
        else:
            p.commit()
        results.append(
            UploadResult(
                filename=name,
                original_filename=original,
                status=r.status,
                reason=r.reason_da if r.status == "duplicate" else None,
                doc_id=r.doc_id,
                chunks=r.chunks,
            )
        )
    return UploadOut(results=results)


@router.delete(
    "/{doc_id}",
    dependencies=[Depends(require_role("editor"))],
    status_code=204,
    response_class=Response,
    responses={401: {"model": ErrorOut}, 403: {"model": ErrorOut}, 404: {"model": ErrorOut}},
    summary="Slet et dokument med tekst, vektorer og fakta",
)
def delete_document(doc_id: str, services: ServicesDep, access: AccessDep) -> Response:
    record = _readable(services, doc_id, access)
    with services.ingest_lock:
        services.ingestor.remove(record.id)
    path = Path(record.path).resolve()
    if path.parent == services.uploads_dir and path.is_file():
        path.unlink()  # an uploaded copy belongs to the store; corpus files are left alone
    return Response(status_code=204)
