"""What a one-article command reads: files or standard input, each checked before anything is read; JSON Lines refused with the command that reads it."""
from __future__ import annotations

import os
import sys
from pathlib import Path

from ...report.errors import NotText
from .group import Refused


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
    from ...pipeline import extract_bytes

    return _extracted(source, article_id, html, extract_bytes)


def _print_json_of(source: str, article_id: str | None, html: bool) -> None:
    """Print the report of one source as JSON and a newline; a long article's report is
    written part by part (write_json: the same text, never held as objects or one string)."""
    from ...pipeline import write_json

    out = sys.stdout
    _extracted(source, article_id, html, lambda raw, aid, html: write_json(raw, out, aid, html))
    out.write("\n")
    out.flush()


def _extracted(source: str, article_id: str | None, html: bool, how):
    from ...text.inputs import HTML_SUFFIXES

    try:
        if source == "-":
            raw, name, is_html = sys.stdin.buffer.read(), None, False
        else:
            path = Path(source)
            raw, name, is_html = path.read_bytes(), path.stem, path.suffix.lower() in HTML_SUFFIXES
    except OSError as exc:
        raise Refused(f"{source}: {exc.strerror or exc}") from None
    _refuse_json_lines(source, raw)
    try:
        return how(raw, article_id or name, html=html or is_html)
    except NotText as exc:
        raise Refused(f"{'standard input' if source == '-' else source}: {exc}") from None


def _refuse_json_lines(source: str, raw: bytes) -> None:
    """Many articles one a line are not one article: say which command reads them."""
    from ..batch_input import looks_like_json_lines

    if looks_like_json_lines(raw, "" if source == "-" else source):
        if source == "-":
            raise Refused("standard input: JSON Lines, one article a line; this command reads one article: "
                          "save them to FILE.jsonl and run chiso batch FILE.jsonl -o OUT.jsonl")
        raise Refused(f"{source}: JSON Lines, one article a line; this command reads one article: "
                      f"chiso batch {source} -o OUT.jsonl")


def _write_atomically(path: Path, text: str) -> None:
    from ..batch import partial_path

    partial = partial_path(path)
    partial.write_text(text, encoding="utf-8")
    partial.replace(path)
