"""Where a Dask run writes, safely: each partition's lines to a part file in a work folder
as the partition arrives, and the finished output put in place only when every part is
there. OUT.jsonl is built in OUT.jsonl.parts/ and concatenated, in input order, into
OUT.jsonl at the end; `-o DIR/` is built in DIR.partial/ and swapped in. A stopped run
leaves OUT as it was and its parts in the work folder, which `--resume` continues (a part
is written beside itself and renamed: it is whole or absent). The plan is kept beside the
parts: a resumed run whose input has changed is refused, not mixed."""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from ...report.errors import InputError

PLAN = "plan.json"
PART = "part-{:05d}.jsonl"


def part_name(index: int) -> str:
    return PART.format(index)


class Output:
    """OUT (a file) or DIR (a folder of parts), and the work folder it is built in."""

    def __init__(self, target: Path, folder: bool, parquet: Path | None = None):
        self.target = target
        self.folder = folder
        self.work = target.with_name(target.name + (".partial" if folder else ".parts"))
        self.parquet = parquet
        self.parquet_work = parquet.with_name(parquet.name + ".partial") if parquet else None

    # -- starting --------------------------------------------------------------------------
    def check(self, source: Path | None) -> None:
        """Refuse, before anything is written, what would lose data."""
        if not self.target.parent.is_dir():
            raise InputError(f"{self.target.parent}: no such folder for the output")
        if self.folder:
            if self.target.exists() and not self.target.is_dir():
                raise InputError(f"{self.target}: is a file; -o DIR/ writes a folder of parts")
            if self.target.is_dir():
                _only_ours(self.target)
        elif self.target.is_dir():
            raise InputError(f"{self.target}: is a folder; write -o {self.target}/ for a folder of parts")
        if source is not None and self.target.exists() and source.exists() and os.path.samefile(source, self.target):
            raise InputError(f"{self.target}: the output would overwrite the input; choose another -o")
        if self.parquet is not None:
            if self.parquet.exists() and not self.parquet.is_dir():
                raise InputError(f"{self.parquet}: is a file; --parquet takes a folder")
            if self.parquet.is_dir():
                _only_tables(self.parquet)

    def start(self, fingerprint: str, parquet: bool, resume: bool) -> set[int]:
        """The work folder ready; returns the parts already written (with --resume)."""
        plan = {"fingerprint": fingerprint, "parquet": parquet}
        if resume and (self.work / PLAN).exists():
            if json.loads((self.work / PLAN).read_text()) != plan:
                raise InputError(f"{self.work}: was made from other input or options; "
                                 f"run without --resume to start again")
            return {int(p.name[5:10]) for p in self.work.glob("part-?????.jsonl")}
        for work in (self.work, self.parquet_work):
            if work is not None and work.exists():
                _only_ours(work) if work == self.work else _only_tables(work)
                shutil.rmtree(work)
        self.work.mkdir()
        if self.parquet_work is not None:
            self.parquet_work.mkdir()
        (self.work / PLAN).write_text(json.dumps(plan))
        return set()

    def discard(self) -> None:
        """Undo start() when nothing was written (the cluster could not be reached)."""
        for work in (self.work, self.parquet_work):
            if work is not None and work.exists():
                shutil.rmtree(work)

    # -- as parts arrive -------------------------------------------------------------------
    def write_part(self, index: int, lines: list[str]) -> None:
        target = self.work / part_name(index)
        temporary = target.with_name(target.name + ".partial")
        with temporary.open("w", encoding="utf-8") as fh:
            for line in lines:
                fh.write(line + "\n")
        temporary.replace(target)

    def part_ids(self, index: int) -> list[str]:
        with (self.work / part_name(index)).open("rb") as fh:
            return [json.loads(raw)["id"] for raw in fh if raw.strip()]

    # -- at the end ------------------------------------------------------------------------
    def finish(self, indexes: list[int]) -> None:
        """Every part is written: put the output (and the tables) in place."""
        if self.folder:
            (self.work / PLAN).unlink()
            _swap(self.work, self.target)
        else:
            partial = self.target.with_name(self.target.name + ".partial")
            with partial.open("wb") as out:
                for index in indexes:
                    with (self.work / part_name(index)).open("rb") as fh:
                        shutil.copyfileobj(fh, out, 1 << 20)
            os.replace(partial, self.target)
            shutil.rmtree(self.work)
        if self.parquet_work is not None:
            _swap(self.parquet_work, self.parquet)


def _swap(work: Path, target: Path) -> None:
    """WORK takes TARGET's place; the old TARGET (chiso's own, checked) is removed after."""
    old = None
    if target.exists():
        old = target.with_name(target.name + ".old")
        if old.exists():
            shutil.rmtree(old)
        target.rename(old)
    work.rename(target)
    if old is not None:
        shutil.rmtree(old)


def _only_ours(folder: Path) -> None:
    """A folder chiso may empty: only part files and the plan (never a user's folder)."""
    for path in folder.iterdir():
        name = path.name
        if not (name == PLAN or (name.startswith("part-") and (name.endswith(".jsonl")
                                                              or name.endswith(".jsonl.partial")))):
            raise InputError(f"{folder}: holds {name}, which chiso did not write; "
                             f"choose another output or move it away")


def _only_tables(folder: Path) -> None:
    from .tables import TABLE_NAMES

    for path in folder.iterdir():
        if path.name not in TABLE_NAMES or not path.is_dir() or \
                any(not p.name.startswith("part-") for p in path.iterdir()):
            raise InputError(f"{folder}: holds {path.name}, which chiso did not write; "
                             f"choose another --parquet folder or move it away")
