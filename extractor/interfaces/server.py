"""`chiso serve`: the HTTP API and the web page, on FastAPI.

    POST /v1/extract   the report of one article (JSON {text, id, html}, or the raw bytes
                       of a file with Content-Type text/plain, text/html or
                       application/octet-stream and ?id=&html=)
    POST /v1/check     the checks only, messages in vi or en (lang, or Accept-Language)
    POST /v1/batch     JSON Lines {id, text, html} in, one report a line out, streamed
    POST /v1/csv       the figures or the checks of one article as CSV (?table=)
    POST /v1/decode    the text chiso reads from a file's bytes (the page's upload)
    GET  /v1/health, /v1/version;  /openapi.json, /docs;  GET / the web page

The pipeline runs in a process pool (workers.py) so that the event loop stays free; each
article has a time limit (504; its worker is replaced), a bound on the wait for a free
worker (503), bodies a size limit (413), bad JSON a 422 that says what is wrong. Every error is a JSON body {"error": {status, code, message}}: never a
traceback, never a path of the server's. Each request is one JSON line in the access log.

For uvicorn directly: `uvicorn --factory extractor.interfaces.server:app_from_env`
(settings from CHISO_WORKERS, CHISO_TIMEOUT, CHISO_MAX_BODY, CHISO_MAX_BATCH_BODY,
CHISO_QUEUE_TIMEOUT)."""
from __future__ import annotations

import asyncio
import platform
from collections import deque
from contextlib import asynccontextmanager
from urllib.parse import quote

import fastapi
import spacy
from fastapi import Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response, StreamingResponse
from fastapi_offline import FastAPIOffline
from pydantic import ValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..report.errors import error_entry
from ..report.model import SCHEMA_VERSION, ErrorEntry, Report
from . import workers as tasks
from .api_errors import ApiError, error_response
from .limits import BodyTooLarge, LimitsAndLogs, Settings, log
from .page import ASSETS, asset, chiso_version, server_page
from .uploads import FORM, UploadProblem, form_flag, form_schema, read_upload
from .views import (CheckRequest, ChecksResponse, CsvRequest, DecodedText, ErrorBody, ExtractRequest, Health,
                    Version, language)
from .workers import PoolBusy, TaskTimeout, WorkerDied, Workers


_ERRORS = {status: {"model": ErrorBody} for status in (413, 415, 422, 500, 503, 504)}


_JSON_BODY = "application/json"


_RAW_TYPES = ("text/plain", "text/html", "application/octet-stream")


_FORM_FIELDS = {"id": {"type": "string", "maxLength": 500, "description": "the report's id (default: the file's name)"},
                "html": {"type": "boolean", "description": "the file is an HTML page (implied for .html, .htm)"},
                "lang": {"type": "string", "enum": ["en", "vi"], "description": "the messages' language (/v1/check)"},
                "table": {"type": "string", "enum": ["figures", "checks"], "description": "which table (/v1/csv)"}}


def _body_doc(model) -> dict:
    """An OpenAPI request body: the JSON model, a file's raw bytes, or a file as a form."""
    content = {_JSON_BODY: {"schema": model.model_json_schema(ref_template="#/components/schemas/{model}")}}
    for raw in _RAW_TYPES:
        content[raw] = {"schema": {"type": "string", "format": "binary"}}
    content[FORM] = form_schema({k: v for k, v in _FORM_FIELDS.items() if k in model.model_fields})
    return {"requestBody": {"required": True, "content": content}}


def create_app(settings: Settings | None = None) -> fastapi.FastAPI:
    settings = settings or Settings()

    def pool() -> Workers:
        # Made on first use as well as at startup: an ASGI client that skips the
        # lifespan (schemathesis' from_asgi) still gets workers.
        if getattr(app.state, "workers", None) is None:
            app.state.workers = Workers(settings.workers, settings.timeout, settings.queue_timeout)
        return app.state.workers

    @asynccontextmanager
    async def lifespan(app):
        pool()
        log.info("started", extra={"fields": {"event": "started", "workers": settings.workers,
                                              "timeout": settings.timeout, "max_body": settings.max_body}})
        try:
            yield
        finally:
            app.state.workers.close()
            app.state.workers = None

    app = FastAPIOffline(title="chiso", version=chiso_version(), lifespan=lifespan,
                         static_url="/docs-assets",
                         description="Figures, officials, documents and dates from Vietnamese news reports, "
                                     "and a checker that redoes their arithmetic.")
    app.state.settings = settings

    async def run(function, *args):
        try:
            outcome = await pool().run(function, *args)
        except TaskTimeout:
            raise ApiError(504, "timeout", f"the article took longer than the limit of {settings.timeout:g} s") from None
        except WorkerDied:
            raise ApiError(500, "worker_died", "the worker processing the article stopped; try again") from None
        except PoolBusy:
            raise ApiError(503, "busy", f"no worker was free for {settings.queue_timeout:g} s; try again") from None
        if outcome.not_text is not None:
            raise ApiError(415, "not_text", f"not text: it looks like {outcome.not_text}; "
                                            "send the article's text (.txt, .html)")
        return outcome.value

    async def article_input(request: Request, model=ExtractRequest, **query):
        """(the request model, raw bytes or None) from a JSON body or a file's bytes."""
        body = await request.body()
        kind = request.headers.get("content-type", _JSON_BODY).split(";")[0].strip().lower()
        if kind == FORM:
            return await form_input(request, model, query)
        if kind in _RAW_TYPES:
            fields = {k: v for k, v in query.items() if v is not None}
            fields["html"] = bool(query.get("html")) or kind == "text/html"
            return model.model_validate({"text": "", **fields}), body
        if kind not in (_JSON_BODY, ""):
            raise ApiError(415, "unsupported_media_type",
                           f"send JSON ({_JSON_BODY}), a file's bytes ({', '.join(_RAW_TYPES)}) "
                           f"or a file as a form ({FORM}), not {kind}")
        try:
            return model.model_validate_json(body or b"null"), None
        except ValidationError as exc:
            raise _invalid(exc.errors(), "the body is not a valid request: ") from None

    async def form_input(request: Request, model, query: dict):
        """(the request model, the file's bytes) from a form: the query's fields first,
        then the form's, then what the file's name says (its stem as the id, .html)."""
        try:
            upload = await read_upload(request, tuple(k for k in _FORM_FIELDS if k in model.model_fields))
            html = form_flag(upload.fields.get("html"), "html")
        except UploadProblem as exc:
            raise ApiError(422, "invalid_request", str(exc)) from None
        fields = {k: v for k, v in upload.fields.items() if k != "html"}
        fields.setdefault("id", upload.stem)
        fields["html"] = bool(query.get("html")) or bool(html) or upload.is_html
        overrides = {k: v for k, v in query.items() if v is not None and k != "html"}
        try:
            # The form is valid on its own, whatever the query then puts over it.
            req = model.model_validate({"text": "", **fields})
            return (model.model_validate({**req.model_dump(), **overrides}) if overrides else req), upload.raw
        except ValidationError as exc:
            raise _invalid(exc.errors(), "the form is not a valid request: ") from None

    @app.post("/v1/extract", tags=["articles"], responses={200: {"model": Report}, **_ERRORS},
              openapi_extra=_body_doc(ExtractRequest))
    async def extract(request: Request, id: str | None = Query(None, max_length=500),
                      html: bool = Query(False)) -> Response:
        """The report of one article (the report contract, exact digits)."""
        req, raw = await article_input(request, id=id, html=html)
        text = await run(tasks.report_json_task, req.text, raw, req.id, req.html)
        return Response(text, media_type=_JSON_BODY)

    @app.post("/v1/check", tags=["articles"], responses={200: {"model": ChecksResponse}, **_ERRORS},
              openapi_extra=_body_doc(CheckRequest))
    async def check(request: Request, id: str | None = Query(None, max_length=500), html: bool = Query(False),
                    lang: str | None = Query(None, pattern="^(en|vi)$")) -> Response:
        """The checks only: ✓ consistent, ✗ inconsistent, ? unverifiable, each with its
        arithmetic, in Vietnamese or English."""
        req, raw = await article_input(request, CheckRequest, id=id, html=html, lang=lang)
        chosen = language(req.lang, request.headers.get("accept-language"))
        text = await run(tasks.check_task, req.text, raw, req.id, req.html, chosen)
        return Response(text, media_type=_JSON_BODY, headers={"Content-Language": chosen})

    @app.post("/v1/csv", tags=["articles"],
              responses={200: {"content": {"text/csv": {"schema": {"type": "string"}}}}, **_ERRORS},
              openapi_extra=_body_doc(CsvRequest))
    async def as_csv(request: Request, id: str | None = Query(None, max_length=500), html: bool = Query(False),
                     table: str | None = Query(None, pattern="^(figures|checks)$")) -> Response:
        """The figures (one row a figure) or the checks of one article, as CSV."""
        req, raw = await article_input(request, CsvRequest, id=id, html=html, table=table)
        if table:
            req.table = table
        text = await run(tasks.csv_task, req.text, raw, req.id, req.html, req.table)
        return Response(text, media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": _attachment(f"{req.id or 'chiso'}-{req.table}.csv")})

    @app.post("/v1/decode", tags=["articles"], responses={200: {"model": DecodedText}, **_ERRORS},
              openapi_extra={"requestBody": {"required": True, "content": {
                  "application/octet-stream": {"schema": {"type": "string", "format": "binary"}},
                  FORM: form_schema({})}}})
    async def decode(request: Request) -> Response:
        """The text chiso reads from a file's bytes: UTF-8, UTF-16, or a legacy Vietnamese
        encoding (TCVN3, VNI, Windows-1258) converted; `errors` says what was done."""
        if request.headers.get("content-type", "").split(";")[0].strip().lower() == FORM:
            try:
                body = (await read_upload(request, ())).raw
            except UploadProblem as exc:
                raise ApiError(422, "invalid_request", str(exc)) from None
        else:
            body = await _required_body(request, "send the file's bytes")
        value = await run(tasks.decode_task, body)
        return JSONResponse(value)

    @app.post("/v1/batch", tags=["articles"],
              responses={200: {"content": {"application/x-ndjson": {"schema": {"type": "string"}}}}, **_ERRORS},
              openapi_extra={"requestBody": {"required": True, "content": {
                  "application/x-ndjson": {"schema": {"type": "string"}}}}})
    async def batch(request: Request) -> StreamingResponse:
        """JSON Lines in ({"id", "text", "html"?} a line), one report a line out, in input
        order, streamed as each is done. A line that is not an article, or one over the
        time limit, becomes a report with its `errors`; the stream goes on."""
        window = 2 * settings.workers

        async def one(line: bytes, lineno: int) -> str:
            if len(line) > settings.max_body:
                return _error_report(_line_id(line, lineno), "E004",
                                     f"line {lineno}: longer than the limit of {settings.max_body} bytes")
            try:
                text, _codes = await pool().run(tasks.batch_line_task, line, lineno)
                return text
            except TaskTimeout:
                return _error_report(_line_id(line, lineno), "E015", f"{settings.timeout:g} s")
            except (WorkerDied, PoolBusy) as exc:
                return _error_report(_line_id(line, lineno), "E004", f"{type(exc).__name__}: {exc}")

        # The whole body first: the streamed response listens for a disconnect on the
        # same channel the body would come in on. The body is within max_batch_body.
        body = await _required_body(request, 'send one {"id", "text"} object a line')

        async def stream():
            pending: deque = deque()
            lineno = 0
            for line in body.split(b"\n"):
                lineno += 1
                if line.strip():
                    pending.append(asyncio.ensure_future(one(line, lineno)))
                while len(pending) >= window:
                    yield (await pending.popleft()) + "\n"
            while pending:
                yield (await pending.popleft()) + "\n"

        return StreamingResponse(stream(), media_type="application/x-ndjson")

    @app.get("/v1/health", tags=["service"], response_model=Health)
    async def health() -> Health:
        return Health(status="ok", workers=settings.workers, busy=pool().busy)

    @app.get("/v1/version", tags=["service"], response_model=Version)
    async def version_info() -> Version:
        return Version(chiso=chiso_version(), schema_version=SCHEMA_VERSION, python=platform.python_version(),
                       spacy=spacy.__version__, fastapi=fastapi.__version__)

    @app.get("/", include_in_schema=False)
    async def page() -> HTMLResponse:
        return HTMLResponse(server_page(settings.max_body))

    @app.get("/static/{name}", include_in_schema=False)
    async def static(name: str) -> Response:
        if name not in ASSETS:
            raise ApiError(404, "not_found", "no such asset")
        kind = "text/css" if name.endswith(".css") else "text/javascript"
        return Response(asset(name), media_type=f"{kind}; charset=utf-8", headers={"Cache-Control": "no-cache"})

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError):
        return error_response(exc.status, exc.code, exc.message, exc.details)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        return await api_error(request, _invalid(exc.errors()))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        response = error_response(exc.status_code, code, str(exc.detail))
        response.headers.update(exc.headers or {})      # 405's Allow
        return response

    @app.exception_handler(BodyTooLarge)
    async def too_large(request: Request, exc: BodyTooLarge):
        return error_response(413, "too_large", str(exc))

    # Starlette answers with this, then raises the exception again: LimitsAndLogs logs it.
    @app.exception_handler(Exception)
    async def internal(request: Request, exc: Exception):
        return error_response(500, "internal", "internal error; the server's log has it under request id "
                              f"{request.scope.get('chiso_request_id')}")

    return LimitsAndLogs(app, settings)


def _attachment(name: str) -> str:
    """A Content-Disposition for any id: an ASCII name, and the real one per RFC 6266/5987
    (a header is Latin-1; an id in Vietnamese is not)."""
    plain = "".join(c if c.isascii() and (c.isalnum() or c in "-_.") else "_" for c in name)
    return f"attachment; filename=\"{plain}\"; filename*=UTF-8''{quote(name, safe='')}"


async def _required_body(request: Request, what: str) -> bytes:
    """The body; a request with none at all (no content type, nothing sent) is a 422. An
    empty body with its content type is an empty file or batch."""
    body = await request.body()
    if not body and "content-type" not in request.headers:
        raise ApiError(422, "invalid_request", f"the request has no body: {what}")
    return body


def _invalid(errors: list[dict], lead: str = "") -> ApiError:
    """A 422 that says which fields are wrong, without echoing their input."""
    return ApiError(422, "invalid_request", lead + "; ".join(_problem(e) for e in errors[:5]),
                    [{"loc": list(e["loc"]), "msg": e["msg"], "type": e["type"]} for e in errors[:20]])


def _problem(error: dict) -> str:
    where = ".".join(str(p) for p in error.get("loc", ()) if p != "body") or "body"
    return f"{where}: {error.get('msg')}"


def _line_id(line: bytes, lineno: int) -> str:
    from .batch_input import item_of_line

    return item_of_line(line, lineno).id


def _error_report(article_id: str, code: str, detail: str) -> str:
    return Report(id=article_id, errors=[ErrorEntry(**error_entry(code, detail))]).to_json()


def app_from_env() -> LimitsAndLogs:
    return create_app(Settings.from_env())
