"""The `chiso` command line: extract, check, html, schema (articles), batch, serve; and the
team's commands (eval, review, bench), which live in extractor.quality and join the group
through the `chiso.commands` entry points (as spaCy's factories do), so that the runtime
never imports the team's tools."""
from __future__ import annotations

from importlib.metadata import entry_points

from . import articles, batch_command, serve  # noqa: F401  (each registers its commands)
from .articles import render_checks
from .group import Refused, main

COMMANDS_GROUP = "chiso.commands"


def _add_registered_commands() -> None:
    for entry in entry_points(group=COMMANDS_GROUP):
        if entry.name not in main.commands:
            main.add_command(entry.load(), entry.name)


_add_registered_commands()

__all__ = ["main", "render_checks", "Refused"]
