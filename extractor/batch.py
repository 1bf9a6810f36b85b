"""`chiso batch`: many articles in, one JSON line per article out, nothing lost.

Input: a `.jsonl` file of {"id", "text"} objects, or a folder of `.txt`/`.html` files
(the id is the file name without its extension; the output path is never built from
ids). Each article is processed on its own: one that fails becomes a line carrying its
`errors`, and the run goes on. Lines are written in input order, each flushed as it is
written, so an interrupted run (Ctrl-C included) leaves a valid file; `resume` skips
the ids already in the output and drops a last line cut short. Duplicate ids are
processed and reported.
"""
from __future__ import annotations

import json
import multiprocessing
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from .errors import InputError, error_entry
from .model import ErrorEntry, Report


@dataclass
class Item:
    id: str
    raw: bytes | None = None          # a file's bytes (decoded by the pipeline)
    text: str | None = None           # a JSON line's text
    html: bool = False
    problem: str | None = None        # why the item cannot be read


def read_items(source: Path) -> Iterator[Item]:
    if source.is_dir():
        for path in sorted(p for p in source.iterdir() if p.suffix.lower() in (".txt", ".html", ".htm")):
            yield Item(path.stem, raw=path.read_bytes(), html=path.suffix.lower() != ".txt")
        return
    if not source.exists():
        raise InputError(f"{source}: no such file or folder")
    with source.open("rb") as fh:
        for lineno, raw in enumerate(fh, start=1):
            if not raw.strip():
                continue
            line = raw.decode("utf-8", errors="replace")
            try:
                obj = json.loads(line)
                if not isinstance(obj, dict):
                    raise ValueError("not a JSON object")
            except ValueError as exc:
                yield Item(f"line-{lineno}", problem=f"line {lineno}: not valid JSON ({exc})")
                continue
            aid = obj.get("id")
            aid = str(aid) if aid is not None else f"line-{lineno}"
            text = obj.get("text")
            if not isinstance(text, str):
                yield Item(aid, problem=f"line {lineno}: 'text' is missing or not a string")
                continue
            yield Item(aid, text=text, html=bool(obj.get("html")))


def process(item: Item) -> str:
    """One article to one JSON line; never raises."""
    from .pipeline import extract, extract_bytes

    if item.problem is not None:
        return _failed(item.id, item.problem)
    try:
        if item.raw is not None:
            return extract_bytes(item.raw, item.id, html=item.html).to_json()
        return extract(item.text, item.id, html=item.html).to_json()
    except Exception as exc:  # noqa: BLE001 - one article must not stop the run
        return _failed(item.id, f"{type(exc).__name__}: {exc}")


def _failed(aid: str, why: str) -> str:
    return Report(id=aid, errors=[ErrorEntry(**error_entry("E004", why))]).to_json()


@dataclass
class Summary:
    articles: int = 0
    failed: int = 0
    skipped: int = 0
    duplicates: list[str] = field(default_factory=list)
    interrupted: bool = False

    def line(self) -> str:
        parts = [f"{self.articles} articles", f"{self.failed} with errors"]
        if self.skipped:
            parts.append(f"{self.skipped} already done (resumed)")
        if self.duplicates:
            shown = ", ".join(self.duplicates[:5]) + ("…" if len(self.duplicates) > 5 else "")
            parts.append(f"{len(self.duplicates)} duplicate ids ({shown})")
        if self.interrupted:
            parts.append("interrupted: the output holds every article finished so far")
        return ", ".join(parts)


def done_ids(out: Path) -> set[str]:
    """Ids already written to `out`; a last line cut short by a crash is dropped."""
    if not out.exists():
        return set()
    ids: set[str] = set()
    keep = 0
    with out.open("rb") as fh:
        for raw in fh:
            try:
                ids.add(json.loads(raw)["id"])
                keep += len(raw)
            except (ValueError, KeyError, TypeError):
                break
    with out.open("rb+") as fh:
        fh.truncate(keep)
    return ids


def run_batch(source: Path, out: Path, jobs: int = 1, progress: bool | None = None, resume: bool = False) -> Summary:
    summary = Summary()
    done = done_ids(out) if resume else set()
    seen: set[str] = set()

    def todo() -> Iterator[Item]:
        for item in read_items(source):
            if item.id in seen:
                summary.duplicates.append(item.id)
            seen.add(item.id)
            if item.id in done:
                summary.skipped += 1
                continue
            yield item

    show = sys.stderr.isatty() if progress is None else progress
    with out.open("a" if resume else "w", encoding="utf-8") as fh, _progress(show) as bar:
        try:
            for line in _results(todo(), jobs):
                fh.write(line + "\n")
                fh.flush()
                summary.articles += 1
                if '"code": "E004"' in line:
                    summary.failed += 1
                bar.update(1)
        except KeyboardInterrupt:
            summary.interrupted = True
    return summary


def _results(items: Iterator[Item], jobs: int) -> Iterator[str]:
    if jobs <= 1:
        for item in items:
            yield process(item)
        return
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(jobs, initializer=_warm) as pool:
        yield from pool.imap(process, items, chunksize=4)


def _warm() -> None:
    import signal

    from .pipeline import nlp
    from .wordseg import warm

    signal.signal(signal.SIGINT, signal.SIG_IGN)   # Ctrl-C is the parent's to handle
    nlp()
    warm()


class _NoBar:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def update(self, n: int) -> None:
        pass


def _progress(show: bool):
    if not show:
        return _NoBar()
    from tqdm import tqdm

    return tqdm(unit=" articles", file=sys.stderr)
