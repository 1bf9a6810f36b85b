"""The batch on dask.distributed: a LocalCluster of worker processes on this machine, or
the cluster of an existing scheduler (`--scheduler`, or DASK_SCHEDULER_ADDRESS). One task
per shard; Dask reruns a shard whose worker died (on another worker), and the client
retries one that raised; a shard that still fails is run again one article a task, and
an article task that failed among others is run once more alone, so that an article that
kills every worker costs only its own line (an E004 `errors` line), never its neighbours. Workers warm up once, by a worker plugin, before their first task."""
from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from ...report.errors import InputError
from ..batch import Summary, _progress, _signals_stop_the_run
from .outputs import Output
from .shards import Shard, fingerprint, is_glob, plan

DEFAULT_PARTITION = 100
RETRIES = 2


def _dask():
    try:
        import distributed
    except ImportError:
        raise InputError("--engine dask needs dask.distributed and pyarrow: pip install 'chiso[cluster]'") from None
    return distributed


def connect(jobs: int, scheduler: str | None, memory_limit: str | None):
    """A client on the given scheduler, or on a new LocalCluster of JOBS worker processes,
    one thread each (the pipeline is pure Python: threads would share one GIL)."""
    distributed = _dask()
    address = scheduler or os.environ.get("DASK_SCHEDULER_ADDRESS")
    if address:
        try:
            client = distributed.Client(address, timeout="15s")
        except OSError as exc:
            raise InputError(f"cannot reach the Dask scheduler at {address} ({exc}); is `dask scheduler` running "
                             f"there, and is this its address?") from None
        cluster = None
    else:
        import dask

        # The workers' statistical profiler samples every thread's stack every 10 ms: on a
        # pure-Python workload it costs a fifth of the CPU (make bench-scale), for a dashboard
        # nobody looks at here. Its HTTP routes take a free port, never a user's 8787.
        with dask.config.set({"distributed.worker.profile.enabled": False}):
            cluster = distributed.LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                                               dashboard_address=":0", silence_logs=logging.ERROR,
                                               memory_limit=memory_limit or "auto")
        client = distributed.Client(cluster)
    from .plugin import WarmUp

    client.register_plugin(WarmUp(), name=WarmUp.name)
    return client, cluster


def run_dask(source: str | Path, out: Path, folder: bool = False, jobs: int = 2, scheduler: str | None = None,
             partition_size: int = DEFAULT_PARTITION, parquet: Path | None = None, resume: bool = False,
             memory_limit: str | None = None, progress: bool | None = None,
             peaks: dict[str, int] | None = None) -> Summary:
    """Every article of SOURCE to OUT (a .jsonl file, or with FOLDER a folder of parts), on
    Dask. The guarantees are the local engine's: an article gets a report or an `errors`
    line, OUT is put in place only when all is done, a stopped run is continued by RESUME.
    PEAKS, when given, collects each worker's peak memory (bytes) by worker address."""
    output = Output(out, folder, parquet)
    source_path = None if is_glob(str(source)) else Path(source)
    output.check(source_path)
    summary = Summary(output=out, kept_in=output.work)
    shards = plan(source, partition_size, summary.passed_over)
    done = output.start(fingerprint(source, shards), parquet is not None, resume)
    ids: dict[int, list[str]] = {i: output.part_ids(i) for i in sorted(done)}
    summary.kept = summary.skipped = sum(len(v) for v in ids.values())
    show = sys.stderr.isatty() if progress is None else progress
    total = sum(s.articles for s in shards)
    with _signals_stop_the_run(summary):
        with _progress(show, total, summary.kept) as bar:
            todo = [s for s in shards if s.index not in done]
            if todo:
                try:
                    client, cluster = connect(jobs, scheduler, memory_limit)
                except InputError:
                    if not done:
                        output.discard()
                    raise
                try:
                    for part in _parts(client, todo, parquet is not None, peaks):
                        if part.tables is not None:
                            from .tables import write_tables

                            write_tables(part.tables, output.parquet_work, f"part-{part.index:05d}")
                        output.write_part(part.index, part.lines)
                        ids[part.index] = part.ids
                        for codes in part.codes:
                            summary.add(codes)
                        bar.update(len(part.lines))
                finally:
                    client.close()
                    if cluster is not None:
                        cluster.close()
        if summary.interrupted is None:
            _duplicates(summary, ids)
            output.finish([s.index for s in shards])
    return summary


def _parts(client, shards: list[Shard], tables: bool, peaks: dict | None):
    """The parts as they are done (in any order); a shard that fails is split."""
    from distributed import as_completed

    from .tasks import run_shard

    futures = {client.submit(run_shard, s, tables, retries=RETRIES, pure=False): s for s in shards}
    for future in as_completed(futures):
        shard = futures.pop(future)
        try:
            part = future.result()
        except Exception:  # noqa: BLE001 - a killed or failing shard: one article a task
            part = _one_by_one(client, shard, tables)
        else:
            if peaks is not None:
                peaks[part.worker] = max(peaks.get(part.worker, 0), part.peak_rss)
        future.release()
        yield part


def _one_by_one(client, shard: Shard, tables: bool):
    """SHARD's articles one a task. A worker that dies takes with it every task it holds,
    queued ones too, so a task that failed among others is run again alone: only an
    article that fails with nothing else in flight gets an E004 line."""
    from distributed import wait

    from .tasks import Part, run_one

    singles = [client.submit(run_one, shard, k, tables, retries=RETRIES, pure=False)
               for k in range(shard.articles)]
    wait(singles)
    pieces = [_result(future) for future in singles]
    for k, piece in enumerate(pieces):
        if isinstance(piece, Exception):
            alone = client.submit(run_one, shard, k, tables, retries=RETRIES, pure=False)
            wait([alone])
            pieces[k] = _result(alone)
            if isinstance(pieces[k], Exception):
                pieces[k] = _failed(client, shard, k, pieces[k], tables)
    whole = Part(shard.index, tables={} if tables else None)
    for piece in pieces:
        whole.lines += piece.lines
        whole.ids += piece.ids
        whole.codes += piece.codes
    if tables:
        import pyarrow as pa

        whole.tables = {name: pa.concat_tables([p.tables[name] for p in pieces]) for name in pieces[0].tables}
    return whole


def _result(future):
    try:
        return future.result()
    except Exception as exc:  # noqa: BLE001 - a killed worker or a raising article, judged by the caller
        return exc


def _failed(client, shard: Shard, k: int, exc: Exception, tables: bool):
    from .tasks import failed_part, item_id

    try:
        aid = client.submit(item_id, shard, k, pure=False).result()
    except Exception:  # noqa: BLE001 - the id cannot be read either
        aid = f"partition-{shard.index}-article-{k}"
    return failed_part(shard.index, aid, f"the worker failed on this article ({type(exc).__name__}: {exc})", tables)


def _duplicates(summary: Summary, ids: dict[int, list[str]]) -> None:
    seen: set[str] = set()
    for index in sorted(ids):
        for aid in ids[index]:
            if aid in seen:
                summary.duplicates.append(aid)
            seen.add(aid)
