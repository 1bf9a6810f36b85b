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
def batch(source: Path, output: str, jobs: int, progress: bool | None, resume: bool, vi: bool,
          csv_out: Path | None, checks_out: Path | None) -> None:
    """Extract every article of SOURCE (.jsonl of {id, text}, a folder of .txt/.html, or one such file) into OUTPUT.

    OUTPUT is written beside itself as OUTPUT.partial and renamed into place when every
    article is done: a run that fails or is stopped (Ctrl-C, SIGTERM) leaves OUTPUT as it
    was and its finished articles in OUTPUT.partial, for --resume. OUTPUT may not be the
    input. Exit status 1 if any article gave no report, 2 for a bad path, 130 after
    Ctrl-C (SIGINT), 143 after SIGTERM."""
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
    try:
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
