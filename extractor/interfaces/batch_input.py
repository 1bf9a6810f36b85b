"""What a batch reads: the articles of SOURCE in order, whatever SOURCE is — JSON Lines of
{id, text, html?}, a folder of .txt/.html (subfolders too), or one such file — each as an
Item (text or bytes, or the problem that keeps it from being an article)."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ..report.errors import InputError


@dataclass
class Item:
    id: str
    raw: bytes | None = None          # a file's bytes (decoded by the pipeline)
    text: str | None = None           # a JSON line's text
    html: bool = False
    problem: str | None = None        # why the item cannot be read


SUFFIXES = (".txt", ".html", ".htm")


JSON_LINES_SUFFIXES = (".jsonl", ".ndjson")


HEAD = 65536                        # how much of a file says whether it is JSON Lines


def is_article_file(source: Path) -> bool:
    """A single .txt/.html file given as SOURCE: one article, as in a folder of them;
    unless its lines are articles, which `chiso extract` refuses and sends here."""
    if not (source.is_file() and source.suffix.lower() in SUFFIXES):
        return False
    with source.open("rb") as fh:
        return not looks_like_json_lines(fh.read(HEAD + 1))


def looks_like_json_lines(raw: bytes, name: str = "") -> bool:
    """Articles one a line: a .jsonl/.ndjson name, or a start (64 KB) whose every
    complete non-blank line is a JSON object with a "text" string. An article in prose
    is never that, so the test cannot take one for the other."""
    if Path(name).suffix.lower() in JSON_LINES_SUFFIXES:
        return True
    lines = [line for line in raw[:HEAD].splitlines() if line.strip()]
    if len(raw) > HEAD and lines:
        cut = lines.pop()               # the last line may be cut at the 64 KB
        if not lines:                   # one article longer than that: judged by its start
            return _opens_an_article(cut)
    if not lines:
        return False
    for line in lines:
        try:
            obj = json.loads(line.decode("utf-8-sig"))
        except (UnicodeDecodeError, ValueError):
            return False
        if not (isinstance(obj, dict) and isinstance(obj.get("text"), str)):
            return False
    return True


def _opens_an_article(start: bytes) -> bool:
    """The start of a JSON object with a "text" key; prose never opens with '{"'."""
    return bool(_OBJECT_START.match(start)) and b'"text"' in start


_OBJECT_START = re.compile(rb'(\xef\xbb\xbf)?\s*\{\s*"')


def count_items(source: Path) -> int | None:
    """How many articles SOURCE holds (for the progress bar's total and ETA): the
    non-blank lines of a .jsonl, the article files of a folder."""
    if source.is_dir():
        return sum(1 for _ in _article_files(source)[0])
    if is_article_file(source):
        return 1
    n = 0
    with source.open("rb") as fh:
        for raw in fh:
            n += bool(raw.strip())
    return n


def _article_files(folder: Path) -> tuple[list[Path], list[Path]]:
    """The article files below FOLDER (subfolders included, hidden ones not), sorted, and
    the files passed over for their extension."""
    articles, passed = [], []
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder)
        if any(part.startswith(".") for part in rel.parts) or not path.is_file():
            continue
        (articles if path.suffix.lower() in SUFFIXES else passed).append(path)
    return articles, passed


def read_items(source: Path, passed_over: list[str] | None = None) -> Iterator[Item]:
    """The articles of SOURCE in order. A folder's ids are the paths below it without the
    extension ("a", "2017/b"); files with other extensions go to `passed_over`. A single
    .txt/.html file is one article, its id the file's name without the extension; any
    other file is JSON Lines."""
    if source.is_dir():
        articles, passed = _article_files(source)
        if passed_over is not None:
            passed_over.extend(str(p.relative_to(source)) for p in passed)
        for path in articles:
            aid = path.relative_to(source).with_suffix("").as_posix()
            yield _file_item(aid, path)
        return
    if is_article_file(source):
        yield _file_item(source.stem, source)
        return
    if not source.exists():
        raise InputError(f"{source}: no such file or folder")
    with source.open("rb") as fh:
        for lineno, raw in enumerate(fh, start=1):
            if raw.strip():
                yield item_of_line(raw, lineno)


def _file_item(aid: str, path: Path) -> Item:
    return Item(aid, raw=path.read_bytes(), html=path.suffix.lower() != ".txt")


def item_of_line(raw: bytes, lineno: int) -> Item:
    """One JSON line {"id", "text", "html"?} as an Item (a problem, when it is not one)."""
    line = raw.decode("utf-8", errors="replace")
    try:
        obj = json.loads(line)
        if not isinstance(obj, dict):
            raise ValueError("not a JSON object")
    except ValueError as exc:
        return Item(f"line-{lineno}", problem=f"line {lineno}: not valid JSON ({exc})")
    aid = obj.get("id")
    aid = str(aid) if aid is not None else f"line-{lineno}"
    text = obj.get("text")
    if not isinstance(text, str):
        return Item(aid, problem=f"line {lineno}: 'text' is missing or not a string")
    return Item(aid, text=text, html=bool(obj.get("html")))
