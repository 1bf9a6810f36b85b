"""What a worker does: read its shard, report every article, give back the lines. These
functions run in the worker's process (they are sent to it by reference, not by value)."""
from __future__ import annotations

import resource
import sys
from dataclasses import dataclass, field

from ..batch import failed_report, process, report_of
from .shards import Shard, read_shard


@dataclass
class Part:
    index: int
    lines: list[str] = field(default_factory=list)       # one JSON line per article, in order
    ids: list[str] = field(default_factory=list)
    codes: list[list[str]] = field(default_factory=list)  # each article's error codes
    tables: dict | None = None                             # the Parquet tables (with --parquet)
    peak_rss: int = 0                                      # the worker's peak memory, bytes
    worker: str = ""                                       # the worker's address


def run_shard(shard: Shard, tables: bool = False) -> Part:
    """Every article of SHARD; an article that fails is a line with its `errors`. The
    lines are the local engine's (batch.process); with TABLES the reports are kept for the
    Parquet tables."""
    part = Part(shard.index)
    reports = [] if tables else None
    for item in read_shard(shard):
        if reports is None:
            _append(part, item.id, *process(item))
            continue
        report = report_of(item)
        _add(part, report)
        reports.append(report)
    if reports is not None:
        from .tables import tables_of

        part.tables = tables_of(reports)
    part.peak_rss, part.worker = peak_memory(), _address()
    return part


def _address() -> str:
    try:
        from distributed import get_worker

        return get_worker().address
    except (ImportError, ValueError):
        return ""


def run_one(shard: Shard, k: int, tables: bool = False) -> Part:
    """Only the K-th article of SHARD: what runs when the whole shard kept failing, so that
    one article that kills its worker costs only its own line."""
    for i, item in enumerate(read_shard(shard)):
        if i == k:
            part = Part(shard.index)
            report = report_of(item)
            _add(part, report)
            if tables:
                from .tables import tables_of

                part.tables = tables_of([report])
            part.peak_rss = peak_memory()
            return part
    raise IndexError(f"shard {shard.index} has no article {k}")


def item_id(shard: Shard, k: int) -> str:
    """The id of the K-th article of SHARD (read without running it)."""
    for i, item in enumerate(read_shard(shard)):
        if i == k:
            return item.id
    raise IndexError(f"shard {shard.index} has no article {k}")


def failed_part(index: int, aid: str, why: str, tables: bool = False) -> Part:
    part = Part(index)
    report = failed_report(aid, why)
    _add(part, report)
    if tables:
        from .tables import tables_of

        part.tables = tables_of([report])
    return part


def _add(part: Part, report) -> None:
    _append(part, report.id, report.to_json(), [e.code for e in report.errors])


def _append(part: Part, aid: str, line: str, codes: list[str]) -> None:
    part.lines.append(line)
    part.ids.append(aid)
    part.codes.append(codes)


def peak_memory() -> int:
    """This process's peak resident memory in bytes (ru_maxrss is KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024
