"""chiso batch: many articles to JSON Lines (and CSV), safely."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from ...report.errors import ChisoError
from ..messages import messages
from .group import Refused, main


@main.command()
@click.argument("source", type=click.Path(path_type=Path))
@click.option("-o", "--output", required=True,
              help="Where to write the JSON lines: a .jsonl path, or - for standard output.")
@click.option("-j", "--jobs", default=1, show_default=True, type=click.IntRange(min=1), help="Worker processes.")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: on a terminal).")
@click.option("--resume", is_flag=True,
              help="Go on from a stopped run (OUTPUT.partial) or from OUTPUT: skip the ids already written.")
@click.option("--vi", is_flag=True, help="The summary in Vietnamese.")
@click.option("--csv", "csv_out", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Also write the figures as CSV here (one row a figure, with its article id), and the "
                   "checks beside it (figures.csv: figures-checks.csv, or --checks-csv).")
@click.option("--checks-csv", "checks_out", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Where the checks CSV goes (with --csv).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: worker processes on this machine. dask: a dask.distributed cluster "
                   "(a LocalCluster of --jobs workers, or --scheduler's).")
@click.option("--scheduler", envvar="DASK_SCHEDULER_ADDRESS", default=None,
              help="With --engine dask: the address of an existing scheduler (tcp://HOST:8786); "
                   "default $DASK_SCHEDULER_ADDRESS, else a LocalCluster.")
@click.option("--partition-size", default=None, type=click.IntRange(min=1),
              help="With --engine dask: articles per partition (one task, one part) [default: 100].")
@click.option("--parquet", "parquet_out", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="With --engine dask: also write the figures, checks, officials and documents as "
                   "Parquet tables in this folder (one subfolder a table).")
@click.option("--memory-limit", default=None,
              help="With --engine dask and a LocalCluster: each worker's memory limit (\"4GB\"; default: "
                   "the machine's memory shared among the workers).")
def batch(source: Path, output: str, jobs: int, progress: bool | None, resume: bool, vi: bool,
          csv_out: Path | None, checks_out: Path | None, engine: str, scheduler: str | None,
          partition_size: int | None, parquet_out: Path | None, memory_limit: str | None) -> None:
    """Extract every article of SOURCE (.jsonl of {id, text}, a folder of .txt/.html, or one such file) into OUTPUT.

    OUTPUT is written beside itself as OUTPUT.partial and renamed into place when every
    article is done: a run that fails or is stopped (Ctrl-C, SIGTERM) leaves OUTPUT as it
    was and its finished articles in OUTPUT.partial, for --resume. OUTPUT may not be the
    input. Exit status 1 if any article gave no report, 2 for a bad path, 130 after
    Ctrl-C (SIGINT), 143 after SIGTERM.

    With --engine dask, SOURCE may also be a .jsonl.gz or a quoted glob of shards
    ('crawl/*.jsonl.gz'), and -o DIR/ writes one part per partition; parts are kept as they
    finish (in OUTPUT.parts/ or DIR.partial/), so --resume skips the partitions done."""
    from ..batch import run_batch

    if output == "-" and resume:
        raise Refused("--resume needs an output file, not - (standard output)")
    if csv_out is not None and output == "-":
        raise Refused("--csv is made from the output file; give -o OUT.jsonl, not - (standard output)")
    if checks_out is not None and csv_out is None:
        raise Refused("--checks-csv goes with --csv")
    if csv_out is not None:
        checks_out = checks_out or csv_out.with_name(f"{csv_out.stem}-checks{csv_out.suffix or '.csv'}")
        if len({Path(output).resolve(), csv_out.resolve(), checks_out.resolve(), source.resolve()}) < 4:
            raise Refused("--csv, --checks-csv, the output and the input must be four different files")
    dask_only = {"--scheduler": scheduler, "--partition-size": partition_size, "--parquet": parquet_out,
                 "--memory-limit": memory_limit}
    if engine == "local":
        given = [name for name, value in dask_only.items() if value is not None and name != "--scheduler"]
        if given:
            raise Refused(f"{', '.join(given)} goes with --engine dask")
    elif output == "-":
        raise Refused("--engine dask writes a file or a folder of parts; give -o OUT.jsonl or -o DIR/, not -")
    folder = output.endswith(("/", "\\")) or Path(output).is_dir()
    if folder and engine == "local":
        raise Refused(f"{output}: -o DIR/ (a folder of parts) goes with --engine dask; the local engine writes a .jsonl file")
    if folder and csv_out is not None:
        raise Refused("--csv is made from one output file; give -o OUT.jsonl, not a folder")
    try:
        if engine == "dask":
            from ..cluster.engine import DEFAULT_PARTITION, run_dask

            summary = run_dask(str(source), Path(output.rstrip("/\\")), folder=folder, jobs=jobs,
                               scheduler=scheduler, partition_size=partition_size or DEFAULT_PARTITION,
                               parquet=parquet_out, resume=resume, memory_limit=memory_limit, progress=progress)
        else:
            summary = run_batch(source, None if output == "-" else Path(output), jobs=jobs,
                                progress=progress, resume=resume)
    except BrokenPipeError:
        raise
    except ChisoError as exc:
        raise Refused(str(exc)) from None
    except OSError as exc:
        raise Refused(f"{exc.filename or output}: {exc.strerror or exc}") from None
    click.echo(summary.line(vi=vi), err=True)
    if summary.interrupted:
        # The CSVs are made from the finished output; the old ones stay with the old output.
        if csv_out is not None:
            click.echo(messages(vi)["csv_skipped"], err=True)
        sys.exit(summary.exit_status)
    if csv_out is not None:
        from ..export import csv_from_jsonl

        try:
            rows = csv_from_jsonl(Path(output), csv_out, checks_out)
        except KeyboardInterrupt:
            # csv_from_jsonl writes beside its targets and renames at the end: they are whole.
            click.echo(messages(vi)["csv_skipped"], err=True)
            sys.exit(130)
        except OSError as exc:
            raise Refused(f"{exc.filename or csv_out}: {exc.strerror or exc}") from None
        click.echo(f"{csv_out}: {rows['figures']} figures; {checks_out}: {rows['checks']} checks", err=True)
    if summary.failed:
        sys.exit(1)
