"""/documents: loaded documents, one document with its text and fact spans, and ingestion over HTTP."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from app.deps import ApiKeyDep, SettingsDep, StoreDep
from app.models import DocumentDetailOut, DocumentsOut, IngestOut, TextDocumentIn
from app.problems import Problem
from app.resources import (
    DocumentConflict,
    DocumentNotFound,
    document_detail,
    ingest_document,
    list_documents,
)
from app.routes.tabular import ListingDep, Table, list_route
from app.versions import with_record
from loaders.documents import DocumentError

__all__ = ["DOCUMENTS", "router"]

router = APIRouter(prefix="/documents", tags=["documents"])

_INGEST_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {"file": {"type": "string", "format": "binary"}},
                    "required": ["file"],
                }
            },
            "application/json": {"schema": TextDocumentIn.model_json_schema()},
        },
    }
}


DOCUMENTS = Table(
    "documents",
    ("id", "name", "title", "date", "source", "subject_places", "facts", "url"),
    url=lambda r: f"/documents/{r['id']}",
)


@list_route(router, "", DOCUMENTS, model=DocumentsOut, summary="Loaded documents")
def get_documents(
    store: StoreDep,
    listing: ListingDep,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> Any:
    """Return the loaded documents by file name, with their subject places (codes joined by ; in CSV) and facts."""
    body = list_documents(store, limit=listing.limit(limit), offset=offset)
    return listing.respond(DOCUMENTS, body, DocumentsOut)


@router.get("/{doc_id}", summary="One document: its text and the span of every fact", responses={404: {}})
def get_document(store: StoreDep, doc_id: str) -> DocumentDetailOut:
    """Return a document's cleaned text and its facts; `text[start:end]` is each fact's mention."""
    try:
        return DocumentDetailOut.model_validate(document_detail(store, doc_id))
    except DocumentNotFound as error:
        raise Problem(404, str(error), slug="unknown-document") from None


async def _read_upload(request: Request, max_bytes: int) -> dict[str, Any]:
    """Return ingest_document keyword arguments from a multipart upload or a JSON body."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > max_bytes + 64 * 1024:
        raise _too_large(int(declared), max_bytes)
    content_type = request.headers.get("content-type", "")
    if content_type.startswith("multipart/form-data"):
        async with request.form(max_files=1) as form:
            upload = form.get("file")
            if not isinstance(upload, UploadFile):
                raise Problem(422, "send the document as the form field 'file'", slug="bad-document")
            data = await upload.read()
            name = upload.filename or "upload.txt"
        if len(data) > max_bytes:
            raise _too_large(len(data), max_bytes)
        return {"name": name, "data": data}
    if content_type.startswith("application/json"):
        try:
            body = TextDocumentIn.model_validate_json(await request.body())
        except ValidationError as error:
            raise Problem(
                422, f"the JSON body is not {{name, text}}: {error.errors()[0]['msg']}", slug="bad-document"
            ) from None
        size = len(body.text.encode("utf-8"))
        if size > max_bytes:
            raise _too_large(size, max_bytes)
        return {"name": body.name, "text": body.text, "fmt": body.format}
    raise Problem(
        415, "send multipart/form-data with a 'file' field, or JSON {name, text}", slug="bad-document"
    )


def _too_large(size: int, max_bytes: int) -> Problem:
    return Problem(
        413,
        f"the document is {size:,} bytes, over the limit of {max_bytes:,} bytes; raise CITYKG_MAX_FILE_MB",
        slug="document-too-large",
    )


@router.post(
    "",
    summary="Ingest one document (needs X-API-Key)",
    status_code=201,
    openapi_extra=_INGEST_BODY,
    responses={
        401: {"description": "Missing or wrong X-API-Key."},
        200: {
            "description": "The same text is already loaded (under any name or file type): `duplicate_of` names it."
        },
        409: {"description": "Another document is loaded under this name; send replace=true."},
        400: {"description": "The multipart body cannot be parsed."},
        413: {"description": "Over CITYKG_MAX_FILE_MB."},
        415: {"description": "Neither multipart/form-data with a 'file' field nor JSON {name, text}."},
        422: {"description": "The file cannot be read; the detail says why."},
        503: {"description": "No CITYKG_API_KEY is configured, so ingestion is off."},
    },
)
async def post_document(
    request: Request,
    response: Response,
    store: StoreDep,
    settings: SettingsDep,
    _: ApiKeyDep,
    replace: Annotated[
        bool, Query(description="Replace a different document already loaded under the same name.")
    ] = False,
) -> IngestOut:
    """Read, extract and load one document; one under the name of another needs `replace=true` (else 409)."""
    given = await _read_upload(request, int(settings.max_file_mb * 1024 * 1024))
    # Reading, extraction, the store write and mirroring run in a worker thread, never on the
    # event loop: a large document must not hold up every other request (issue 8, finding 4).
    try:
        loaded = await run_in_threadpool(
            with_record,
            store,
            settings.data_dir,
            "ingest",
            ingest_document,
            store,
            **given,
            replace=replace,
            extractor=request.app.state.extraction_pool.extract,
        )
    except DocumentError as error:
        raise Problem(422, str(error), slug="bad-document") from None
    except DocumentConflict as error:
        raise Problem(409, str(error), slug="document-conflict") from None
    response.headers["Location"] = f"/documents/{loaded['id']}"
    if loaded.get("duplicate_of"):
        response.status_code = 200  # nothing new was created
        return IngestOut.model_validate(loaded)
    for announce in getattr(request.app.state, "on_loaded", ()):
        await run_in_threadpool(announce, loaded["id"])
    return IngestOut.model_validate(loaded)
