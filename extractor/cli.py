"""The `chiso` command line: extract, batch, eval, schema, bench."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from .errors import ChisoError, NotText
from .excerpt import around
from .messages import counted, messages


class Refused(click.ClickException):
    """A bad path or argument: one line on stderr, exit status 2, never a traceback."""
    exit_code = 2


def _sources(sources: tuple[str, ...]) -> list[str]:
    """The inputs of extract/check, each checked before anything is read or printed:
    files, or '-' for standard input (the default when something is piped in)."""
    if not sources:
        if sys.stdin.isatty():
            raise Refused("no input: give FILE... , or pipe text in (chiso extract - reads standard input)")
        return ["-"]
    if sources.count("-") > 1:
        raise Refused("'-' (standard input) can be given only once")
    for source in sources:
        if source == "-":
            continue
        path = Path(source)
        if path.is_dir():
            raise Refused(f"{source}: is a folder; for many articles use: chiso batch {source} -o OUT.jsonl")
        if not path.is_file():
            raise Refused(f"{source}: no such file")
        if not os.access(path, os.R_OK):
            raise Refused(f"{source}: cannot be read (permission denied)")
    return list(sources)


def _report_of(source: str, article_id: str | None, html: bool):
    """The report of one source; NotText (and any unreadable file) as a Refused."""
    from .pipeline import extract_bytes

    try:
        if source == "-":
            raw, name, is_html = sys.stdin.buffer.read(), None, False
        else:
            path = Path(source)
            raw, name, is_html = path.read_bytes(), path.stem, path.suffix.lower() in (".html", ".htm")
    except OSError as exc:
        raise Refused(f"{source}: {exc.strerror or exc}") from None
    _refuse_json_lines(source, raw)
    try:
        return extract_bytes(raw, article_id or name, html=html or is_html)
    except NotText as exc:
        raise Refused(f"{'standard input' if source == '-' else source}: {exc}") from None


def _refuse_json_lines(source: str, raw: bytes) -> None:
    """Many articles one a line are not one article: say which command reads them."""
    from .batch import looks_like_json_lines

    if looks_like_json_lines(raw, "" if source == "-" else source):
        if source == "-":
            raise Refused("standard input: JSON Lines, one article a line; this command reads one article: "
                          "save them to FILE.jsonl and run chiso batch FILE.jsonl -o OUT.jsonl")
        raise Refused(f"{source}: JSON Lines, one article a line; this command reads one article: "
                      f"chiso batch {source} -o OUT.jsonl")


def _color(flag: bool | None) -> bool | None:
    """--color/--no-color win; else NO_COLOR (https://no-color.org) turns colour off; else
    click decides (colour on a terminal only)."""
    if flag is not None:
        return flag
    return False if os.environ.get("NO_COLOR") else None


class _Group(click.Group):
    """Any ChisoError that reaches the top (a broken rules file, say) is one line and exit 2;
    a reader that closes the pipe (`chiso batch … -o - | head`) ends the run quietly."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except ChisoError as exc:
            raise Refused(str(exc)) from None
        except BrokenPipeError:
            _closed_pipe()


def _closed_pipe():
    """What Unix tools do when the reader has gone: no message, the status of SIGPIPE
    (128 + 13). Standard output is pointed at /dev/null first, so that Python's own flush
    at exit does not complain about the same pipe."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass            # stdout is no file (a test runner's buffer): nothing to flush into a pipe
    sys.exit(141)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--color/--no-color", "color", default=None,
              help="Colour the output (default: on a terminal, unless NO_COLOR is set).")
@click.version_option(package_name="chiso")
@click.pass_context
def main(ctx: click.Context, color: bool | None) -> None:
    """chiso: figures, officials, documents and dates from Vietnamese news, as JSON."""
    ctx.color = _color(color)


@main.command()
@click.argument("sources", nargs=-1)
@click.option("--id", "article_id", default=None, help="Id to put in the report (default: the file name).")
@click.option("--pretty", is_flag=True, help="Indent the JSON.")
@click.option("--html", is_flag=True, help="The input is an HTML page (implied for .html files).")
def extract(sources: tuple[str, ...], article_id: str | None, pretty: bool, html: bool) -> None:
    """Extract articles (FILE..., or - for standard input) and print their reports as JSON.

    One FILE: its report. Several: one report per line (JSON Lines; with --pretty, each
    report indented). A file that is not text is named on stderr, the others are still
    printed, and the exit status is 2."""
    files = _sources(sources)
    if article_id is not None and len(files) > 1:
        raise Refused("--id names one article; it cannot be used with several files")
    refused = False
    for source in files:
        try:
            click.echo(_report_of(source, article_id, html).to_json(pretty=pretty))
        except Refused as exc:
            if len(files) == 1:
                raise
            exc.show()
            refused = True
    if refused:
        sys.exit(2)


@main.command()
@click.argument("sources", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: a report for people; json: the report contract.")
@click.option("--vi", is_flag=True, help="Everything in Vietnamese.")
@click.option("--problems", is_flag=True, help="Show only the inconsistent checks (✗).")
@click.option("--unverified", is_flag=True, help="Show only the unverifiable checks (?); with --problems, both.")
@click.option("--all", "show_all", is_flag=True, help="Show every check (the default).")
@click.option("--html", is_flag=True, help="The input is an HTML page (implied for .html files).")
def check(sources: tuple[str, ...], fmt: str, vi: bool, problems: bool, unverified: bool, show_all: bool,
          html: bool) -> None:
    """Redo the arithmetic of articles (FILE..., or -): ✓ consistent, ✗ inconsistent, ? unverifiable.

    Every check by default; --problems the ✗ only, --unverified the ? only, both together
    both. The count at the end is always of every check. Exit status 1 when any claim is
    inconsistent, 2 when an input cannot be read."""
    if show_all and (problems or unverified):
        raise Refused("--all shows every check; it cannot be used with --problems or --unverified")
    shown = _shown(problems, unverified)
    files = _sources(sources)
    inconsistent = False
    for source in files:
        report = _report_of(source, None, html)
        if fmt == "json":
            click.echo(report.to_json(pretty=True))
        else:
            if len(files) > 1:
                click.echo(click.style(f"== {source}", bold=True))
            click.echo(render_checks(report, vi=vi, shown=shown))
        inconsistent |= any(c.status == "inconsistent" for c in report.checks)
    if inconsistent:
        sys.exit(1)


_MARKS = {"consistent": ("✓", "green"), "inconsistent": ("✗", "red"), "unverifiable": ("?", "yellow")}


def _shown(problems: bool, unverified: bool) -> frozenset[str] | None:
    """The statuses --problems and --unverified ask for; None: every check."""
    statuses = {"inconsistent"} if problems else set()
    if unverified:
        statuses.add("unverifiable")
    return frozenset(statuses) or None


def render_checks(report, vi: bool = False, shown: frozenset[str] | None = None) -> str:
    """The human report of `chiso check`: one line a claim, with the figures quoted; with
    SHOWN, only the checks of those statuses (the count at the end is of every check, and
    says what was left out)."""
    words = messages(vi)
    figures = {f.id: f for f in report.figures}
    lines = []
    for c in report.checks:
        if shown is not None and c.status not in shown:
            continue
        mark, colour = _MARKS[c.status]
        quoted = ", ".join(f"“{figures[i].text}”" for i in c.figures if i in figures)
        head = click.style(f"{mark} {words['rules'].get(c.rule, c.rule)}", fg=colour, bold=True)
        severity = f" [{words['severities'][c.severity]}]" if c.severity else ""
        lines.append(f"{head}{severity}  {quoted}")
        spans = [(figures[i].start, figures[i].end) for i in c.figures if i in figures and figures[i].end > 0]
        if report.text is not None and spans:
            line, sentence = around(report.text, min(s for s, _ in spans), max(e for _, e in spans))
            # The sentence's index as the JSON, the CSV and the API give it (from 0); the
            # line, as editors count lines, from 1.
            where = (words["sentence"].format(n=c.sentence, line=line) if c.sentence is not None
                     else words["line"].format(line=line))
            lines.append(click.style(f"    {where}: {_shorten(sentence)}", dim=True))
        lines.append(f"    {c.message_vi if vi and c.message_vi else c.message}")
    counts = {s: sum(1 for c in report.checks if c.status == s) for s in _MARKS}
    total = counted(words, "claims", len(report.checks)).format(n=len(report.checks), **counts)
    if shown is not None:
        key = {frozenset({"inconsistent"}): "shown_problems", frozenset({"unverifiable"}): "shown_unverified"}
        total += "; " + words[key.get(shown, "shown_problems_unverified")]
    lines.append(total)
    return "\n".join(lines)


def _shorten(sentence: str, width: int = 220) -> str:
    return sentence if len(sentence) <= width else sentence[:width - 1].rstrip() + "…"


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
    from .batch import run_batch

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
        from .interfaces.export import csv_from_jsonl

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

    from .interfaces import logs
    from .interfaces.server import Settings, create_app

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


@main.command("html")
@click.argument("sources", nargs=-1)
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path, dir_okay=False),
              help="The HTML file to write.")
@click.option("--html", "html_input", is_flag=True, help="The inputs are HTML pages (implied for .html files).")
def html_report(sources: tuple[str, ...], output: Path, html_input: bool) -> None:
    """One self-contained HTML file (no server, no network) that shows articles (FILE..., or -)
    with their figures, officials, documents and dates marked, and every check with its
    arithmetic: the web page's view, for sending to an editor."""
    from .interfaces.page import Article, static_page

    articles = []
    for source in _sources(sources):
        report = _report_of(source, None, html_input)
        articles.append(Article(name=Path(source).name if source != "-" else "stdin", report=report))
    try:
        _write_atomically(output, static_page(articles))
    except OSError as exc:
        raise Refused(f"{output}: {exc.strerror or exc}") from None
    click.echo(f"{output}: {len(articles)} article{'s' if len(articles) != 1 else ''}", err=True)


def _write_atomically(path: Path, text: str) -> None:
    from .batch import partial_path

    partial = partial_path(path)
    partial.write_text(text, encoding="utf-8")
    partial.replace(path)


@main.command("eval")
@click.argument("corpora", nargs=-1, required=True, type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("-v", "--verbose", is_flag=True, help="List every miss, every extra and every wrong attribute.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def evaluate(corpora: tuple[Path, ...], verbose: bool, as_json: bool) -> None:
    """Score chiso against gold annotations (P/R/F1 per section) in CORPUS_DIR..."""
    from .evaluate import evaluate as run, missing_gold

    for corpus in corpora:
        problem = missing_gold(corpus)
        if problem:
            raise Refused(problem)
    result = run(corpora)
    scores = result.to_dict()
    if as_json:
        click.echo(json.dumps(scores, indent=2, ensure_ascii=False))
    else:
        click.echo(f"{scores['articles']} articles, {scores['crashes']} crashes, "
                   f"{scores['offset_violations']} offset violations")
        click.echo(f"{'section':<10} {'P':>7} {'R':>7} {'F1':>7} {'tp':>5} {'fp':>5} {'fn':>5}")
        for name, s in scores["sections"].items():
            click.echo(f"{name:<10} {s['precision']:>7.4f} {s['recall']:>7.4f} {s['f1']:>7.4f} "
                       f"{s['tp']:>5} {s['fp']:>5} {s['fn']:>5}")
        attrs = ", ".join(f"{k} {v:.4f}" for k, v in scores["figure_attributes"].items() if v is not None)
        click.echo(f"figure attributes (accuracy over matched figures): {attrs}")
        attrs = ", ".join(f"{k} {v:.4f}" for k, v in scores["official_attributes"].items() if v is not None)
        click.echo(f"official attributes (accuracy over matched officials): {attrs}")
        click.echo(f"dates with an inferred year (not scored): {scores['inferred_dates_not_scored']}")
        ch = scores["checks"]
        if ch["gold"]:
            click.echo(f"checks: {ch['found']}/{ch['gold']} gold checks found, {ch['right_status']} with the right status "
                       f"({ch['right_status_rate']:.2%}); real errors flagged {ch['errors_flagged']}/{ch['real_errors']}; "
                       f"false alarms on consistent gold checks {ch['false_alarms_on_consistent_gold']}; "
                       f"inconsistent checks not in the gold {ch['inconsistent_not_in_gold']}")
    if verbose:
        for line in result.misses + result.extras + result.wrong:
            click.echo(line)
        for title, lines in (("real errors flagged", result.errors_flagged), ("real errors missed", result.errors_missed),
                             ("false alarms", result.false_alarms), ("inconsistent checks not in the gold", result.extra_alarms)):
            for line in lines:
                click.echo(f"{title}: {line}")
    for line in result.crashes + result.offset_violations:
        click.echo(line, err=True)
    if result.crashes or result.offset_violations:
        sys.exit(1)


@main.command()
@click.option("--input", "source", type=click.Path(path_type=Path), default=None,
              help="A .jsonl of {id, text} (default: ../shared/corpus/bench/baomoi-2017.jsonl).")
@click.option("--reviews", type=click.Path(path_type=Path), default=None,
              help="The judgements to compare with (default: corpus/reviews/bench-flags.yaml).")
@click.option("--unreviewed", "unreviewed_out", type=click.Path(path_type=Path), default=None,
              help="Write the flags no one has judged yet here, as YAML entries to fill in.")
@click.option("--draw", "draw_n", type=click.IntRange(1, 3), default=None,
              help="Records instead of flags: draw sample N (officials, figures, inferred dates, documents) "
                   "of the bench as YAML entries to judge, to -o or stdout.")
@click.option("--records", "records_file", type=click.Path(path_type=Path, exists=True, dir_okay=False), default=None,
              help="Records instead of flags: replay the judged sample FILE against today's output.")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None, help="Where --draw writes.")
def review(source: Path | None, reviews: Path | None, unreviewed_out: Path | None, draw_n: int | None,
           records_file: Path | None, output: Path | None) -> None:
    """Every ✗ chiso gives on real articles, against the judgements kept in the repo; or
    (--draw, --records) a sample of its records, judged by hand and replayed.

    Exit status 1 when a flag is unreviewed, a flag judged misread came back, or a
    genuine one was lost."""
    from . import review as rv

    source = source or rv.BENCH
    if not source.is_file():
        raise Refused(f"{source}: no such file (the bench corpus lives in ../shared/corpus/bench)")
    if draw_n is not None or records_file is not None:
        _review_records(source, draw_n, records_file, output)
        return
    flags = rv.current_flags(rv.articles(source))
    state = rv.compare(flags, rv.load_reviews(reviews or rv.REVIEWS))
    click.echo(f"{len(flags)} inconsistent verdicts: {len(state['genuine'])} reviewed genuine, "
               f"{len(state['misread_back'])} reviewed misread, {len(state['unreviewed'])} unreviewed; "
               f"{len(state['genuine_lost'])} genuine flags lost")
    for title in ("misread_back", "unreviewed"):
        for f in state[title]:
            click.echo(f"{title}: {f.id} {f.rule} {list(f.figures)}\n    {f.sentence[:300]}")
    for e in state["genuine_lost"]:
        click.echo(f"genuine_lost: {e['id']} {e['rule']} {e['figures']}")
    for e in state["given_up"]:
        click.echo(f"given_up: {e['id']} {e['rule']} {e['figures']}: {e['given_up']}")
    if unreviewed_out:
        unreviewed_out.write_text(rv.as_yaml(state["unreviewed"]), encoding="utf-8")
    if state["unreviewed"] or state["misread_back"] or state["genuine_lost"]:
        sys.exit(1)


def _review_records(source: Path, draw_n: int | None, records_file: Path | None, output: Path | None) -> None:
    from . import review_records as rr

    if draw_n is not None:
        text = rr.as_yaml(rr.draw(rr.articles(source), draw_n))
        if output:
            output.write_text(text, encoding="utf-8")
        else:
            click.echo(text)
        return
    scores, wrong = rr.replay(rr.load(records_file), rr.articles(source))
    for e in wrong:
        click.echo(f"wrong: {e['section']} {e['id']} {e['text']!r}: now {e['now']}; "
                   f"judged {e['verdict']} {e.get('expected', e['record'])}")
    click.echo(rr.summary(scores))


@main.command()
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None, help="Write to a file instead.")
def schema(output: Path | None) -> None:
    """Print the JSON Schema of the report."""
    from .model import json_schema

    text = json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
    if output:
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise Refused(f"{output}: {exc.strerror or exc}") from None
    else:
        click.echo(text, nl=False)


@main.command()
@click.option("--input", "source", type=click.Path(exists=True, path_type=Path), default=None,
              help="A .jsonl of {id, text} (default: ../shared/corpus/bench/baomoi-2017.jsonl).")
@click.option("-n", "--limit", default=300, show_default=True, help="How many articles.")
@click.option("--repeat", default=3, show_default=True, help="Runs of each side; the best is kept.")
def bench(source: Path | None, limit: int, repeat: int) -> None:
    """Time the pipeline and underthesea.word_tokenize side by side on the same texts."""
    from .bench import run_bench

    try:
        click.echo(run_bench(source, limit, repeat))
    except ChisoError as exc:
        raise Refused(str(exc)) from None


if __name__ == "__main__":
    main()
