"""`python -m extractor.quality.hostile OUT.jsonl`: a set of hostile articles for batch runs;
`python -m extractor.quality.hostile --measure`: time and peak memory of the 10 MB article
(one line, and lines; as the CLI writes it and as extract() holds it), each in a process of its own.

Every case the robustness issue names, one JSON line each ({"id", "text"[, "html"]}):
empty and blank text, NFD, legacy TCVN3 and VNI, HTML, mojibake, very long lines, a
10 MB article, a 100,000-digit number, pathological repeats, control characters."""
from __future__ import annotations

import json
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import click

from ..text.inputs import to_legacy

BASE = ("Năm 2022, có chi ủy 1.359/1.417 = 95,91% (tăng 0,14% so với năm 2021); Thiếu tướng Hồ Văn Thái, "
        "Bí thư Đảng ủy, Chính ủy Quân khu 9 dự theo Nghị quyết số 21-NQ/TW ngày 16-6-2022.")


def cases() -> list[dict]:
    out = [
        {"id": "empty", "text": ""},
        {"id": "blank", "text": " \n\t \u00a0\n"},
        {"id": "nfd", "text": unicodedata.normalize("NFD", BASE)},
        {"id": "tcvn3", "text": to_legacy(BASE, "tcvn3")},
        {"id": "vni", "text": to_legacy(BASE, "vni")},
        {"id": "html", "text": f"<html><script>var x='99%';</script><body><p>{BASE}</p>&amp;&nbsp;</body></html>", "html": True},
        {"id": "mojibake", "text": BASE.encode("utf-8").decode("cp1252", errors="replace")},
        {"id": "long-line", "text": (BASE + " ") * 3000},
        {"id": "ten-megabytes", "text": ten_megabytes("\n")},
        {"id": "ten-megabytes-one-line", "text": ten_megabytes(" ")},
        {"id": "lone-surrogate", "text": BASE[:40] + "\ud800" + BASE[40:]},
        {"id": "huge-number", "text": "Con số " + "7" * 100_000 + " người."},
        {"id": "slashes", "text": "1/" * 100_000},
        {"id": "percents", "text": "%" * 100_000},
        {"id": "tang", "text": "tăng " * 100_000},
        {"id": "dots", "text": "1.1." * 50_000},
        {"id": "brackets", "text": "(" * 100_000 + ")" * 100_000},
        {"id": "controls", "text": "".join(chr(c) for c in range(32)) * 100 + BASE},
        {"id": "surrogates-replaced", "text": "\ufffd" * 1000 + BASE},
        {"id": "names", "text": "Nguyễn " * 50_000},
        {"id": "fullwidth", "text": BASE.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789%"})},
    ]
    return out


def ten_megabytes(separator: str) -> str:
    return (BASE + separator) * (10_000_000 // (len(BASE) + 1))


def main(path: str) -> None:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        for case in cases():
            # ASCII escapes keep a lone surrogate writable (and readable back as one).
            fh.write(json.dumps(case, ensure_ascii="lone-surrogate" in case["id"]) + "\n")


def measure_one(separator: str, mode: str = "json") -> str:
    """Extract one 10 MB article and say how long it took and the process's peak memory:
    as `chiso extract` and `chiso batch` do (mode json: the report written out part by
    part), or as the Python API's extract() returns it (mode report: every record an object)."""
    import resource

    from ..pipeline import extract, write_json

    text = ten_megabytes(separator)
    start = time.perf_counter()
    if mode == "json":
        sink = _FigureCounter()
        codes = write_json(text.encode("utf-8"), sink)
        figures = sink.figures
    else:
        report = extract(text)
        figures, codes = len(report.figures), [e.code for e in report.errors]
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    how = "chiso extract (JSON, part by part)" if mode == "json" else "extract() (a Report in memory)"
    return (f"{len(text):,} characters, {'one line' if separator == ' ' else 'lines'}, {how}: {seconds:.1f} s, "
            f"peak memory {peak:.0f} MB, {figures:,} figures, errors {codes}")


class _FigureCounter:
    """A sink for write_json that keeps nothing: it counts the figures' pieces."""

    figures = 0
    _section = False

    def write(self, piece: str) -> None:
        if piece.endswith('"figures": '):
            self._section = True
        elif piece == "]":
            self._section = False
        elif self._section and piece != "[":
            self.figures += 1


def measure() -> None:
    for separator, mode in (("space", "json"), ("newline", "json"), ("space", "report")):
        run = subprocess.run([sys.executable, "-m", "extractor.quality.hostile", "--measure-one", separator,
                              "--mode", mode], capture_output=True, text=True)
        print(run.stdout.strip() or run.stderr.strip()[-500:])


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("path", required=False)
@click.option("--measure", "measure_all", is_flag=True, help="Time one 10 MB article on one line and in lines.")
@click.option("--measure-one", "separator", type=click.Choice(["space", "newline"]), default=None,
              help="Time one 10 MB article, its sentences parted by this (run by --measure in a fresh process).")
@click.option("--mode", type=click.Choice(["json", "report"]), default="json",
              help="With --measure-one: extract_json (as the CLI) or extract() (a Report in memory).")
def cli(path: str | None, measure_all: bool, separator: str | None, mode: str) -> None:
    """Write the hostile corpus (JSON Lines) to PATH, or measure a 10 MB article."""
    if measure_all:
        measure()
    elif separator:
        click.echo(measure_one(" " if separator == "space" else "\n", mode))
    elif path:
        main(path)
    else:
        raise click.UsageError("give PATH, --measure or --measure-one")


if __name__ == "__main__":
    cli()
