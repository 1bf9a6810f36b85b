"""The input cut into partitions (shards) that a worker can read by itself.

A shard is a few numbers, not articles: a byte range of a .jsonl file (and the line
number it starts at), a range of lines of a .jsonl.gz (gzip cannot seek: the worker
decompresses and skips), or a list of files of a folder. The client scans the input once
to place the cuts, streaming, so it never holds the corpus; the workers must see the same
paths (one machine, or a shared filesystem, as on any cluster that reads files)."""
from __future__ import annotations

import glob
import gzip
import hashlib
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Iterator

from ...report.errors import InputError
from ..batch_input import Item, _article_files, _file_item, is_article_file, item_of_line

GZIP_SUFFIX = ".gz"


@dataclass(frozen=True)
class Shard:
    index: int
    kind: str                   # "lines" (a .jsonl byte range), "gzip" (a line range), "files"
    path: str = ""              # the file of a "lines" or "gzip" shard; the folder of "files"
    start: int = 0              # "lines": the first byte; "gzip": lines to skip
    stop: int = 0               # "lines": the byte after the last; "gzip": the last line + 1
    first_line: int = 1         # the line number of the shard's first line in its file
    files: tuple[str, ...] = field(default_factory=tuple)   # "files": paths below the folder
    prefix: str = ""            # ids of lines without one: "{prefix}/line-N" when several files
    articles: int = 0


def is_glob(source: str) -> bool:
    return any(ch in source for ch in "*?[")


def plan(source: str | Path, size: int, passed_over: list[str] | None = None) -> list[Shard]:
    """The shards of SOURCE, in input order, about SIZE articles each: a .jsonl or
    .jsonl.gz file, a folder of .txt/.html files, one such file, or a glob of them."""
    if size < 1:
        raise InputError("the partition size must be at least 1")
    text = str(source)
    if is_glob(text):
        paths = sorted(Path(p) for p in glob.glob(text, recursive=True) if Path(p).is_file())
        if not paths:
            raise InputError(f"{text}: no file matches")
    else:
        path = Path(text)
        if not path.exists():
            raise InputError(f"{path}: no such file or folder")
        if path.is_dir():
            return _folder_shards(path, size, passed_over)
        paths = [path]
    shards: list[Shard] = []
    for path in paths:
        prefix = _prefix(path) if len(paths) > 1 else ""
        if is_article_file(path):
            shards.append(Shard(len(shards), "files", str(path.parent), files=(path.name,), articles=1))
        elif path.name.lower().endswith(GZIP_SUFFIX):
            shards += _gzip_shards(path, size, prefix, len(shards))
        else:
            shards += _line_shards(path, size, prefix, len(shards))
    return shards


def _prefix(path: Path) -> str:
    name = path.name
    for suffix in (".gz", ".jsonl", ".ndjson"):
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
    return name


def _line_shards(path: Path, size: int, prefix: str, first: int) -> list[Shard]:
    shards, start, line, first_line, count = [], 0, 0, 1, 0
    offset = 0
    with path.open("rb") as fh:
        for raw in fh:
            line += 1
            offset += len(raw)
            count += bool(raw.strip())
            if count == size:
                shards.append(Shard(first + len(shards), "lines", str(path), start, offset, first_line,
                                    prefix=prefix, articles=count))
                start, first_line, count = offset, line + 1, 0
    if count:
        shards.append(Shard(first + len(shards), "lines", str(path), start, offset, first_line,
                            prefix=prefix, articles=count))
    return shards


def _gzip_shards(path: Path, size: int, prefix: str, first: int) -> list[Shard]:
    shards, line, first_line, count = [], 0, 1, 0
    try:
        with gzip.open(path, "rb") as fh:
            for raw in fh:
                line += 1
                count += bool(raw.strip())
                if count == size:
                    shards.append(Shard(first + len(shards), "gzip", str(path), first_line - 1, line,
                                        first_line, prefix=prefix, articles=count))
                    first_line, count = line + 1, 0
    except (OSError, EOFError) as exc:
        raise InputError(f"{path}: not a readable gzip file ({exc})") from None
    if count:
        shards.append(Shard(first + len(shards), "gzip", str(path), first_line - 1, line, first_line,
                            prefix=prefix, articles=count))
    return shards


def _folder_shards(folder: Path, size: int, passed_over: list[str] | None) -> list[Shard]:
    articles, passed = _article_files(folder)
    if passed_over is not None:
        passed_over.extend(str(p.relative_to(folder)) for p in passed)
    names = [p.relative_to(folder).as_posix() for p in articles]
    return [Shard(i, "files", str(folder), files=tuple(names[k:k + size]), articles=len(names[k:k + size]))
            for i, k in enumerate(range(0, len(names), size))]


def read_shard(shard: Shard) -> Iterator[Item]:
    """The articles of one shard, read where the worker runs."""
    if shard.kind == "files":
        root = Path(shard.path)
        for name in shard.files:
            path = root / name
            aid = Path(name).with_suffix("").as_posix()
            yield _file_item(aid, path)
        return
    if shard.kind == "gzip":
        with gzip.open(shard.path, "rb") as fh:
            for lineno, raw in enumerate(fh, start=1):
                if lineno > shard.stop:
                    break
                if lineno > shard.start and raw.strip():
                    yield _named(item_of_line(raw, lineno), shard.prefix, lineno)
        return
    with open(shard.path, "rb") as fh:
        fh.seek(shard.start)
        lineno, offset = shard.first_line - 1, shard.start
        for raw in fh:
            if offset >= shard.stop:
                break
            lineno, offset = lineno + 1, offset + len(raw)
            if raw.strip():
                yield _named(item_of_line(raw, lineno), shard.prefix, lineno)


def _named(item: Item, prefix: str, lineno: int) -> Item:
    """With several files, a line without an id is named after its file as well."""
    if prefix and item.id == f"line-{lineno}":
        item.id = f"{prefix}/line-{lineno}"
    return item


def fingerprint(source: str | Path, shards: list[Shard]) -> str:
    """What a resumed run must find unchanged: the input's plan (paths, cuts, sizes)."""
    data = json.dumps({"source": str(source), "shards": [asdict(s) for s in shards]}, sort_keys=True)
    return hashlib.sha256(data.encode()).hexdigest()
