"""chiso serve: the HTTP API and the web page."""
from __future__ import annotations

import click

from .group import Refused, main


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--workers", default=2, show_default=True, type=click.IntRange(min=1),
              help="Processes that run the pipeline.")
@click.option("--timeout", default=30.0, show_default=True, type=click.FloatRange(min=0.1),
              help="Seconds one article may take (then 504, and the worker is replaced).")
@click.option("--max-body", default=2_000_000, show_default=True, type=click.IntRange(min=1),
              help="Largest request body in bytes (then 413); also the largest line of a batch.")
@click.option("--max-batch-body", default=64_000_000, show_default=True, type=click.IntRange(min=1),
              help="Largest /v1/batch body in bytes.")
@click.option("--log-level", default="info", show_default=True,
              type=click.Choice(["debug", "info", "warning", "error"]))
def serve(host: str, port: int, workers: int, timeout: float, max_body: int, max_batch_body: int,
          log_level: str) -> None:
    """The HTTP API (/v1/extract, /v1/check, /v1/batch …; /docs) and the web page at /.

    Logs are JSON lines on stderr, one a request. Ctrl-C stops it."""
    import uvicorn

    from .. import logs
    from ..server import Settings, create_app

    # Before anything starts: uvicorn would start the app (and log that it did) and only
    # then fail to bind, with its own exit status.
    _port_is_free(host, port)
    app = create_app(Settings(workers=workers, timeout=timeout, max_body=max_body, max_batch_body=max_batch_body))
    base = f"http://{_url_host(host)}:{port}" if port else f"http://{_url_host(host)}:PORT (the log says which)"
    click.echo(f"chiso serve: the page at {base}/ and the API at {base}/docs (Ctrl-C stops)", err=True)
    try:
        uvicorn.run(app, host=host, port=port, log_config=logs.config(log_level), access_log=False,
                    timeout_graceful_shutdown=5)
    except OSError as exc:
        raise Refused(f"{host}:{port}: {exc.strerror or exc}") from None


def _url_host(host: str) -> str:
    if host in ("0.0.0.0", "::"):
        return "127.0.0.1"          # reachable from this machine; the others use its address
    return f"[{host}]" if ":" in host else host


def _port_is_free(host: str, port: int) -> None:
    """Refuse, in one line, an address that cannot be listened on; a port in use names a
    free one to try."""
    import errno
    import socket

    def bind(p: int) -> None:
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        with socket.socket(family, socket.SOCK_STREAM) as s:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)    # as uvicorn binds
            s.bind((host, p))

    try:
        bind(port)
    except OSError as exc:
        if exc.errno != errno.EADDRINUSE:
            raise Refused(f"{host}:{port}: {exc.strerror or exc}") from None
        for other in range(port + 1, min(port + 100, 65536)):
            try:
                bind(other)
            except OSError:
                continue
            raise Refused(f"port {port} is in use; try --port {other}") from None
        raise Refused(f"port {port} is in use; try another --port") from None
