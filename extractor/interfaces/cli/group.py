"""The `chiso` command group: colour, a closed pipe, one-line refusals."""
from __future__ import annotations

import os
import sys

import click

from ...report.errors import ChisoError


class Refused(click.ClickException):
    """A bad path or argument: one line on stderr, exit status 2, never a traceback."""
    exit_code = 2


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
