"""The server's settings and its limits: the body-size limit (413 before the body is read
when Content-Length says so, else as soon as the count passes it, saying what to do), a
request id, and one JSON access-log line a request."""
from __future__ import annotations

import logging
import os
import time
import uuid
from dataclasses import dataclass

from .api_errors import error_response


access_log = logging.getLogger("chiso.access")


log = logging.getLogger("chiso.server")


@dataclass
class Settings:
    workers: int = 2
    timeout: float = 30.0               # seconds an article may take, queueing included
    max_body: int = 2_000_000           # bytes of one request (one article)
    max_batch_body: int = 64_000_000    # bytes of a /v1/batch request; each line also within max_body
    queue_timeout: float = 120.0        # seconds an article may wait for a free worker (then 503)

    @classmethod
    def from_env(cls) -> "Settings":
        env = os.environ
        return cls(workers=int(env.get("CHISO_WORKERS", cls.workers)),
                   timeout=float(env.get("CHISO_TIMEOUT", cls.timeout)),
                   max_body=int(env.get("CHISO_MAX_BODY", cls.max_body)),
                   max_batch_body=int(env.get("CHISO_MAX_BATCH_BODY", cls.max_batch_body)),
                   queue_timeout=float(env.get("CHISO_QUEUE_TIMEOUT", cls.queue_timeout)))


class BodyTooLarge(Exception):
    """The message says what to do: the command line has no limit, the server's is an option."""

    def __init__(self, limit: int, option: str = "--max-body"):
        super().__init__(f"the body is larger than the limit of {limit} bytes; "
                         f"`chiso extract FILE` reads an article of any size, "
                         f"and `chiso serve {option} N` raises this server's limit")


class LimitsAndLogs:
    """ASGI middleware around the app: the body-size limit (413 before the body is read
    when Content-Length says so, else as soon as the count passes it), a request id, and
    one access-log line a request."""

    def __init__(self, app, settings: Settings):
        self.app, self.settings = app, settings
        self.state = app.state          # tests and the CLI reach the FastAPI app's state

    def __getattr__(self, name):        # openapi(), routes … of the wrapped app
        return getattr(self.app, name)

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        batch = scope["path"] == "/v1/batch"
        limit = self.settings.max_batch_body if batch else self.settings.max_body
        option = "--max-batch-body" if batch else "--max-body"
        request_id = _header(scope, b"x-request-id") or uuid.uuid4().hex[:16]
        scope["chiso_request_id"] = request_id
        began, seen, status, sent, started = time.perf_counter(), 0, 500, 0, False

        async def counted_receive():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise BodyTooLarge(limit, option)
            return message

        async def send_with_id(message):
            nonlocal status, sent, started
            if message["type"] == "http.response.start":
                started, status = True, message["status"]
                message["headers"] = list(message.get("headers", [])) + [(b"x-request-id", request_id.encode())]
            elif message["type"] == "http.response.body":
                sent += len(message.get("body", b""))
            await send(message)

        try:
            declared = _header(scope, b"content-length")
            if declared and declared.isdigit() and int(declared) > limit:
                await error_response(413, "too_large", str(BodyTooLarge(limit, option)))(scope, receive, send_with_id)
            else:
                await self.app(scope, counted_receive, send_with_id)
        except Exception as exc:  # noqa: BLE001 - logged here, answered as JSON, never a traceback to the client
            log.error("internal error", exc_info=exc, extra={"fields": {
                "event": "internal_error", "request_id": request_id, "error": type(exc).__name__}})
            if not started:
                await error_response(500, "internal", f"internal error; the server's log has it under "
                                                      f"request id {request_id}")(scope, receive, send_with_id)
        finally:
            access_log.info("request", extra={"fields": {
                "event": "request", "request_id": request_id, "method": scope.get("method"),
                "path": scope.get("path"), "status": status, "bytes_in": seen, "bytes_out": sent,
                "ms": round((time.perf_counter() - began) * 1000, 1),
                "client": (scope.get("client") or ("", 0))[0]}})


def _header(scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", ()):
        if key == name:
            return value.decode("latin-1")
    return None
