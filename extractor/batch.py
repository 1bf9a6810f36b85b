"""`chiso batch`: many articles in, one JSON line per article out, nothing lost.

Input: a `.jsonl` file of {"id", "text"} objects, or a folder of `.txt` files (the id is
the file name without its extension). Each article is processed on its own: one that
fails becomes a line carrying its `errors`, and the run goes on. Lines are written in
input order and flushed as they are written, so an interrupted run leaves a valid file.
"""
from __future__ import annotations

import json
import multiprocessing
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from .errors import InputError, error_entry
from .model import ErrorEntry, Report


@dataclass
class Item:
    id: str
    text: str | None            # None: the input line could not be read
    problem: str | None = None  # why, when text is None


def read_items(source: Path) -> Iterator[Item]:
    if source.is_dir():
        for path in sorted(source.glob("*.txt")):
            raw = path.read_bytes()
            text = raw.decode("utf-8", errors="replace")
            yield Item(path.stem, text)
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
                text = obj.get("text")
                aid = obj.get("id")
                aid = str(aid) if aid is not None else f"line-{lineno}"
                if not isinstance(text, str):
                    yield Item(aid, None, f"line {lineno}: 'text' is missing or not a string")
                    continue
                yield Item(aid, text)
            except ValueError as exc:
                yield Item(f"line-{lineno}", None, f"line {lineno}: not valid JSON ({exc})")


def process(item: Item) -> str:
    """One article to one JSON line; never raises."""
    from .pipeline import extract

    if item.text is None:
        report = Report(id=item.id, errors=[ErrorEntry(**error_entry("E004", item.problem or ""))])
        return report.to_json()
    try:
        return extract(item.text, item.id).to_json()
    except Exception as exc:  # noqa: BLE001 - one article must not stop the run
        report = Report(id=item.id, errors=[ErrorEntry(**error_entry("E004", f"{type(exc).__name__}: {exc}"))])
        return report.to_json()


@dataclass
class Summary:
    articles: int = 0
    failed: int = 0

    def line(self) -> str:
        return f"{self.articles} articles, {self.failed} with errors"


def run_batch(source: Path, out: Path, jobs: int = 1, progress: bool | None = None) -> Summary:
    items = read_items(source)
    summary = Summary()
    show = sys.stderr.isatty() if progress is None else progress
    with out.open("w", encoding="utf-8") as fh, _progress(show) as bar:
        for line in _results(items, jobs):
            fh.write(line + "\n")
            fh.flush()
            summary.articles += 1
            if '"errors": [{"code": "E004"' in line:
                summary.failed += 1
            bar.update(1)
    return summary


def _results(items: Iterator[Item], jobs: int) -> Iterator[str]:
    if jobs <= 1:
        for item in items:
            yield process(item)
        return
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(jobs, initializer=_warm) as pool:
        yield from pool.imap(process, items, chunksize=8)


def _warm() -> None:
    from .pipeline import nlp
    from .wordseg import warm

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
