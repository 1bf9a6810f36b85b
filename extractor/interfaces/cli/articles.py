"""The one-article commands: extract, check, html, and the report's schema."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ...text.excerpt import around
from ..messages import counted, messages
from .group import Refused, main
from .sources import _print_json_of, _report_of, _sources, _write_atomically


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
            if pretty:
                click.echo(_report_of(source, article_id, html).to_json(pretty=True))
            else:
                _print_json_of(source, article_id, html)
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


@main.command("html")
@click.argument("sources", nargs=-1)
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path, dir_okay=False),
              help="The HTML file to write.")
@click.option("--html", "html_input", is_flag=True, help="The inputs are HTML pages (implied for .html files).")
def html_report(sources: tuple[str, ...], output: Path, html_input: bool) -> None:
    """One self-contained HTML file (no server, no network) that shows articles (FILE..., or -)
    with their figures, officials, documents and dates marked, and every check with its
    arithmetic: the web page's view, for sending to an editor."""
    from ..page import Article, static_page

    articles = []
    for source in _sources(sources):
        report = _report_of(source, None, html_input)
        articles.append(Article(name=Path(source).name if source != "-" else "stdin", report=report))
    try:
        _write_atomically(output, static_page(articles))
    except OSError as exc:
        raise Refused(f"{output}: {exc.strerror or exc}") from None
    click.echo(f"{output}: {len(articles)} article{'s' if len(articles) != 1 else ''}", err=True)


@main.command()
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None, help="Write to a file instead.")
def schema(output: Path | None) -> None:
    """Print the JSON Schema of the report."""
    from ...report.model import json_schema

    text = json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
    if output:
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise Refused(f"{output}: {exc.strerror or exc}") from None
    else:
        click.echo(text, nl=False)
