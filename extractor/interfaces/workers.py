"""The server's process pool: the pipeline is CPU-bound, so it runs in worker processes
and the event loop only waits. Each task has a time limit; a task over it has its worker
killed and replaced (pebble), so one hostile article cannot hold a worker for good.

The tasks take and return plain values (str, bytes, dict), which cross process
boundaries cheaply; the JSON is made in the worker, digit for digit."""
from __future__ import annotations

import asyncio
import multiprocessing
from dataclasses import dataclass

from pebble import ProcessExpired, ProcessPool


class TaskTimeout(Exception):
    """The task ran over its time limit; its worker was replaced."""


class PoolBusy(Exception):
    """No worker became free for the task within the queue limit."""


class WorkerDied(Exception):
    """The worker process ended in the middle of the task (killed, out of memory)."""


@dataclass
class Outcome:
    """What a task gives back: a value, or the refusal of input that is not text."""
    value: object = None
    not_text: str | None = None       # NotText.kind


# --- the tasks, run inside the workers ----------------------------------------------

def warm() -> None:
    """Load the pipeline once per worker, before its first article."""
    from .batch import _warm

    _warm()


def extract_task(text: str | None, raw: bytes | None, article_id: str | None, html: bool) -> Outcome:
    from ..report.errors import NotText
    from ..pipeline import extract, extract_bytes

    try:
        report = extract_bytes(raw, article_id, html=html) if raw is not None else extract(text, article_id, html=html)
    except NotText as exc:
        return Outcome(not_text=exc.kind)
    return Outcome(value=report)


def _mapped(outcome: Outcome, then) -> Outcome:
    """The outcome with `then` applied to its report (a refusal passes through)."""
    return outcome if outcome.value is None else Outcome(value=then(outcome.value))


def report_json_task(text, raw, article_id, html) -> Outcome:
    return _mapped(extract_task(text, raw, article_id, html), lambda report: report.to_json())


def check_task(text, raw, article_id, html, lang: str) -> Outcome:
    from .views import checks_view

    return _mapped(extract_task(text, raw, article_id, html), lambda report: checks_view(report, lang))


def csv_task(text, raw, article_id, html, table: str) -> Outcome:
    from .export import to_csv

    return _mapped(extract_task(text, raw, article_id, html), lambda report: to_csv([report], table))


def decode_task(raw: bytes) -> Outcome:
    from ..report.errors import NotText
    from ..text.inputs import read_bytes

    try:
        decoded = read_bytes(raw)
    except NotText as exc:
        return Outcome(not_text=exc.kind)
    return Outcome(value={"text": decoded.text, "errors": decoded.errors})


def batch_line_task(line: bytes, lineno: int) -> tuple[str, list[str]]:
    """One JSON line of a batch to one report line, as `chiso batch` does; never raises."""
    from .batch import process
    from .batch_input import item_of_line

    return process(item_of_line(line, lineno))


# --- the pool -----------------------------------------------------------------------

class Workers:
    def __init__(self, processes: int, timeout: float, queue_timeout: float = 120.0):
        self.processes = processes
        self.timeout = timeout
        self.queue_timeout = queue_timeout
        self.busy = 0
        # spawn, not fork: the server process has threads (the event loop's executor,
        # pebble's own), and forking a threaded process can deadlock its children.
        self._pool = ProcessPool(max_workers=processes, initializer=warm,
                                 context=multiprocessing.get_context("spawn"))

    async def run(self, function, *args, timeout: float | None = None):
        """`function(*args)` in a worker. The time limit counts from when a worker takes
        the task (a worker's warm-up and the queue do not count); the wait in the queue has
        its own bound."""
        limit = self.timeout if timeout is None else timeout
        future = self._pool.schedule(function, args=args, timeout=limit)
        self.busy += 1
        try:
            # asyncio.wait, not wait_for: both would raise the same TimeoutError class, and
            # pebble's (the task ran over) must not be taken for ours (no worker was free).
            waiting = asyncio.wrap_future(future)
            done, _ = await asyncio.wait({waiting}, timeout=limit + self.queue_timeout)
            if not done:
                future.cancel()                 # still queued (or stuck): drop it
                raise PoolBusy()
            return waiting.result()
        except TimeoutError:
            raise TaskTimeout() from None       # pebble has killed and replaced the worker
        except ProcessExpired as exc:
            raise WorkerDied(str(exc)) from None
        except asyncio.CancelledError:          # the client went away
            future.cancel()
            raise
        finally:
            self.busy -= 1

    def close(self) -> None:
        self._pool.stop()
        self._pool.join(timeout=10)
