"""`chiso batch`: many articles in, one JSON line per article out, nothing lost.

Input: a `.jsonl` file of {"id", "text"} objects, or a folder of `.txt`/`.html` files
(subfolders included; the id is the path below the folder without its extension; the
output path is never built from ids). Each article is processed on its own: one that
fails becomes a line carrying its `errors`, and the run goes on. Lines are written in
input order and flushed, to OUTPUT.partial, which replaces OUTPUT only when every article
is done: a run that is stopped (Ctrl-C or SIGINT, SIGTERM) or fails leaves OUTPUT as it
was and its finished articles in OUTPUT.partial, which `resume` continues (skipping the
ids already written; a last line cut short is dropped). OUTPUT is never emptied by a run
that fails to start, never half overwritten, never replaced by part of a run, and never
the input. Duplicate ids are processed and reported."""
from __future__ import annotations

import json
import multiprocessing
import os
import signal
import sys
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, TextIO

from ..report.errors import InputError, NotText, error_entry
from ..report.model import ErrorEntry, Report
from .batch_input import Item, SUFFIXES, count_items, read_items
from .messages import counted, messages


def process(item: Item) -> tuple[str, list[str]]:
    """One article to one JSON line and the codes of its errors; never raises. A long
    article's line is written part by part (extract_json), not held as objects."""
    from ..pipeline import extract_json

    result, failure = _guarded(item, extract_json)
    return result if failure is None else (failure.to_json(), [e.code for e in failure.errors])


def report_of(item: Item) -> Report:
    """One article's report; what fails becomes a report carrying its `errors`. Never raises."""
    from ..pipeline import extract

    result, failure = _guarded(item, extract)
    return result if failure is None else failure


def _guarded(item: Item, how):
    """HOW(article, id, html=...) on the item's text or bytes, or the report of why it gave
    nothing: (result, None) or (None, that report)."""
    if item.problem is not None:
        return None, failed_report(item.id, item.problem)
    try:
        return how(item.raw if item.raw is not None else item.text, item.id, html=item.html), None
    except NotText as exc:
        return None, Report(id=item.id, errors=[ErrorEntry(**error_entry(exc.code, exc.kind))])
    except Exception as exc:  # noqa: BLE001 - one article must not stop the run
        return None, failed_report(item.id, f"{type(exc).__name__}: {exc}")


def failed_report(aid: str, why: str) -> Report:
    """The line of an article that gave no report (E004), with why."""
    return Report(id=aid, errors=[ErrorEntry(**error_entry("E004", why))])


# Codes that mean the article gave no report at all; any of them makes the exit status 1.
FAILED = frozenset({"E004", "E010"})


@dataclass
class Summary:
    articles: int = 0
    failed: int = 0
    skipped: int = 0
    codes: Counter = field(default_factory=Counter)    # articles with each error code
    duplicates: list[str] = field(default_factory=list)
    passed_over: list[str] = field(default_factory=list)
    interrupted: int | None = None      # the signal that stopped the run (SIGINT, SIGTERM)
    output: Path | None = None          # where the run was to write (None: a stream)
    kept: int = 0                       # lines written before this run (resumed)
    kept_in: Path | None = None         # where a stopped run's finished work is (default OUT.partial)

    def add(self, codes: list[str]) -> None:
        self.articles += 1
        self.codes.update(set(codes))
        self.failed += bool(FAILED.intersection(codes))

    def line(self, vi: bool = False) -> str:
        words = messages(vi)
        parts = [counted(words, "articles", self.articles).format(self.articles)]
        if self.codes:
            by_code = ", ".join(f"{code} ×{n}" for code, n in sorted(self.codes.items()))
            parts.append(words["with_errors"].format(by_code))
        else:
            parts.append(words["no_errors"])
        parts.append(words["failed"].format(self.failed))
        if self.skipped:
            parts.append(words["resumed"].format(self.skipped))
        if self.duplicates:
            shown = ", ".join(self.duplicates[:5]) + ("…" if len(self.duplicates) > 5 else "")
            parts.append(counted(words, "duplicates", len(self.duplicates)).format(len(self.duplicates), shown))
        if self.passed_over:
            shown = ", ".join(self.passed_over[:5]) + ("…" if len(self.passed_over) > 5 else "")
            parts.append(counted(words, "passed_over", len(self.passed_over))
                         .format(len(self.passed_over), ", ".join(SUFFIXES), shown))
        if self.interrupted and self.output is None:
            parts.append(words["interrupted_stream"])
        elif self.interrupted:
            done = self.kept + self.articles
            parts.append(counted(words, "interrupted", done).format(
                output=self.output, done=done, partial=self.kept_in or partial_path(self.output)))
        return "; ".join(parts)

    @property
    def exit_status(self) -> int | None:
        """128 + the signal, as a shell reports a process the signal ended."""
        return 128 + self.interrupted if self.interrupted else None


def _valid_lines(path: Path) -> tuple[int, int, set[str]]:
    """How many complete JSON lines start PATH, how many bytes they take, and their ids;
    a last line cut short by a crash (and anything after it) is not counted."""
    count, size = 0, 0
    ids: set[str] = set()
    with path.open("rb") as fh:
        for raw in fh:
            if not raw.endswith(b"\n"):
                break
            try:
                aid = json.loads(raw)["id"]
            except (ValueError, KeyError, TypeError):
                break
            ids.add(aid)
            count, size = count + 1, size + len(raw)
    return count, size, ids


def partial_path(out: Path) -> Path:
    """Where a run writes until it ends: beside OUTPUT, so that the rename is atomic."""
    return out.with_name(out.name + ".partial")


def check_paths(source: Path, out: Path | None) -> None:
    """Refuse, before anything is written, what would lose data or fail half-way."""
    if not source.exists():
        raise InputError(f"{source}: no such file or folder")
    if out is None:
        return
    if out.exists() and out.is_dir():
        raise InputError(f"{out}: is a folder; -o takes the path of a .jsonl file")
    if not out.parent.is_dir():
        raise InputError(f"{out.parent}: no such folder for the output")
    if out.exists() and os.path.samefile(out, source):
        raise InputError(f"{out}: the output would overwrite the input; choose another -o")
    if source.is_dir() and out.resolve().is_relative_to(source.resolve()) and out.suffix.lower() in SUFFIXES:
        raise InputError(f"{out}: the output would be read as an article of {source}; choose another -o")


def run_batch(source: Path, out: Path | None, jobs: int = 1, progress: bool | None = None,
              resume: bool = False, stream: TextIO | None = None) -> Summary:
    """Every article of SOURCE to OUT (or to STREAM when OUT is None), one JSON line each.

    OUT is written as OUT.partial and renamed into place when every article is done, so
    OUT is never half old and half new, and a failing start touches nothing. A run that
    SIGINT (Ctrl-C) or SIGTERM stops returns with `interrupted` set, OUT as it was and
    the finished articles in OUT.partial. With `resume`, the ids already written are
    skipped: those of a `.partial` left by a run that was stopped, else those of OUT."""
    check_paths(source, out)
    summary = Summary(output=out)
    done: set[str] = set()
    seen: set[str] = set()

    def todo() -> Iterator[Item]:
        for item in read_items(source, summary.passed_over):
            if item.id in seen:
                summary.duplicates.append(item.id)
            seen.add(item.id)
            if item.id in done:
                summary.skipped += 1
                continue
            yield item

    show = sys.stderr.isatty() if progress is None else progress
    total = count_items(source) if show else None
    with _signals_stop_the_run(summary):
        if out is None:
            _write(todo(), jobs, stream or sys.stdout, summary, show, total)
            return summary
        partial = partial_path(out)
        if resume and partial.exists():
            # Continue the stopped run's own file: cut it after its last whole line, in
            # place (rewriting it would put its finished articles at risk).
            summary.kept, size, done = _valid_lines(partial)
            with partial.open("r+b") as fh:
                fh.truncate(size)
        elif resume and out.exists():
            summary.kept, size, done = _valid_lines(out)
            _copy_start(out, partial, size)
        else:
            partial.write_bytes(b"")
        with partial.open("a", encoding="utf-8") as fh:
            _write(todo(), jobs, fh, summary, show, total, skip=summary.kept)
        if summary.interrupted is None:
            os.replace(partial, out)
    return summary


def _copy_start(source: Path, target: Path, size: int) -> None:
    with source.open("rb") as src, target.open("wb") as dst:
        while size > 0:
            chunk = src.read(min(size, 1 << 20))
            if not chunk:
                break
            dst.write(chunk)
            size -= len(chunk)


class Stopped(Exception):
    """A signal asked the run to stop (SIGTERM; SIGINT arrives as KeyboardInterrupt)."""

    def __init__(self, signum: int):
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


@contextmanager
def _signals_stop_the_run(summary: Summary):
    """SIGINT and SIGTERM stop the run between two articles, the same way: what is done
    stays written and flushed, OUT is left as it was. Only the main thread can set
    handlers (a server or a test may call run_batch from another)."""
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum, _frame):
        raise Stopped(signum)

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    except KeyboardInterrupt:
        summary.interrupted = signal.SIGINT
    except Stopped as exc:
        summary.interrupted = exc.signum
    finally:
        signal.signal(signal.SIGTERM, previous)


def _write(items: Iterator[Item], jobs: int, fh: TextIO, summary: Summary, show: bool,
           total: int | None, skip: int = 0) -> None:
    with _progress(show, total, skip) as bar:
        try:
            for line, codes in _results(items, jobs):
                fh.write(line + "\n")
                fh.flush()
                summary.add(codes)
                bar.update(1)
        except KeyboardInterrupt:
            summary.interrupted = signal.SIGINT
        except Stopped as exc:
            summary.interrupted = exc.signum


def _results(items: Iterator[Item], jobs: int) -> Iterator[str]:
    if jobs <= 1:
        for item in items:
            yield process(item)
        return
    ctx = multiprocessing.get_context("spawn")
    # Ctrl-C at a terminal signals the whole process group: the workers too. It is the
    # parent's to handle, so the workers start with SIGINT ignored (a disposition exec
    # keeps, and Python then leaves alone), not only from their initializer on: a
    # Ctrl-C while they import must not print their tracebacks.
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        pool = ctx.Pool(jobs, initializer=_warm)
    finally:
        signal.signal(signal.SIGINT, previous)
    with pool:
        yield from pool.imap(process, items, chunksize=4)


def _warm() -> None:
    from ..pipeline import warm

    signal.signal(signal.SIGINT, signal.SIG_IGN)   # Ctrl-C is the parent's to handle
    warm()


class _NoBar:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def update(self, n: int) -> None:
        pass


def _progress(show: bool, total: int | None, done: int):
    if not show:
        return _NoBar()
    from tqdm import tqdm

    return tqdm(total=total, initial=done, unit=" articles", file=sys.stderr, dynamic_ncols=True)
