"""The README's examples and measurements, generated rather than written by hand.

The README marks each generated block:

    <!-- generated: NAME -->
    ...
    <!-- end: NAME -->

`python -m extractor.quality.docs examples [README]` rewrites the example blocks from chiso's
real output (tests/test_readme.py fails when they have drifted); `python -m
extractor.quality.docs measured NAME FILE [README]` puts the output of a measuring run
(`make eval`, `make bench`, `make hostile`) into block NAME, with the command and the
date the file was written. The measuring targets write to out/ only, so that measuring
leaves the checkout clean; `make readme` (`python -m extractor.quality.docs readme`) writes the
examples and every measurement found in out/ into the README.
"""
from __future__ import annotations

import datetime
import sys
from pathlib import Path

import click
import regex

README = Path(__file__).resolve().parents[2] / "README.md"

EXAMPLE = ("Năm 2022, có chi ủy 1.359/1.417 = 95,91% (tăng 0,14% so với năm 2021); lực lượng dự bị động viên "
           "đạt 16,03%/16,37% (giảm 0,34% so với năm 2021). Tỉnh hỗ trợ 1,5 tỷ đồng cho hơn 2.000 hộ theo "
           "Nghị quyết số 21-NQ/TW ngày 16-6-2022 của Ban Chấp hành Trung ương Đảng khóa XIII.")
CHECK_EXAMPLE = ("Tổng chi đạt 106.376 tỷ đồng, trong đó chi đầu tư 75.105 tỷ đồng, chi thường xuyên 5.000 tỷ "
                 "đồng và chi trả nợ 26.361 tỷ đồng. Toàn huyện có 47/52 xã (chiếm 90,38%) đạt chuẩn.")
MEASURED = {"eval": "make eval", "bench": "make bench", "hostile": "make hostile", "bench-server": "make bench-server",
            "bench-scale": "make bench-scale", "records": "make review-records", "checks": "make eval-checks"}
# Where each measuring target leaves its output.
OUT = README.parent / "out"
OUT_FILES = {"eval": "eval.txt", "bench": "bench.txt", "hostile": "hostile.txt", "bench-server": "bench-server.txt",
             "bench-scale": "bench-scale.txt", "records": "records.txt", "checks": "checks.txt"}


def _block(name: str) -> regex.Pattern:
    return regex.compile(rf"(<!-- generated: {name} -->\n)(.*?)(<!-- end: {name} -->)", regex.S)


def examples() -> dict[str, str]:
    """The example blocks as chiso prints them now."""
    from ..interfaces.cli import render_checks
    from ..pipeline import extract

    report = extract(EXAMPLE)
    checked = extract(CHECK_EXAMPLE)
    return {
        "extract-example": f'```sh\necho "{EXAMPLE}" | chiso extract - --pretty\n```\n\n'
                           f"```json\n{report.to_json(pretty=True)}\n```\n",
        "check-example": f'```\n$ echo "{CHECK_EXAMPLE}" | chiso check -\n'
                         f"{click.unstyle(render_checks(checked))}\n```\n",
    }


def replace(text: str, name: str, body: str) -> str:
    pattern = _block(name)
    if not pattern.search(text):
        raise SystemExit(f"README has no block '<!-- generated: {name} -->'")
    return pattern.sub(lambda m: m.group(1) + body + m.group(3), text, count=1)


def block(text: str, name: str) -> str | None:
    m = _block(name).search(text)
    return m.group(2) if m else None


def write_examples(readme: Path = README) -> None:
    text = readme.read_text(encoding="utf-8")
    for name, body in examples().items():
        text = replace(text, name, body)
    readme.write_text(text, encoding="utf-8")


def write_measured(name: str, output: Path, readme: Path = README) -> None:
    lines = [line for line in output.read_text(encoding="utf-8").splitlines() if line.strip()]
    day = datetime.date.fromtimestamp(output.stat().st_mtime).isoformat()    # when it was measured
    body = f"`{MEASURED[name]}`, {day}:\n\n```\n" + "\n".join(lines) + "\n```\n"
    readme.write_text(replace(readme.read_text(encoding="utf-8"), name, body), encoding="utf-8")


def write_readme(readme: Path = README, out: Path = OUT) -> list[str]:
    """The examples, and each measurement out/ holds; the names of those written."""
    write_examples(readme)
    written = []
    for name, file in OUT_FILES.items():
        if (out / file).is_file():
            write_measured(name, out / file, readme)
            written.append(name)
    return written


if __name__ == "__main__":
    args = sys.argv[1:]
    if args[:1] == ["readme"]:
        names = write_readme()
        print(f"README.md: the examples, and the measurements of {', '.join(names) or 'nothing yet (out/ is empty)'}")
    elif args[:1] == ["examples"]:
        write_examples(Path(args[1]) if len(args) > 1 else README)
    elif args[:1] == ["measured"] and len(args) >= 3 and args[1] in MEASURED:
        write_measured(args[1], Path(args[2]), Path(args[3]) if len(args) > 3 else README)
    else:
        raise SystemExit("usage: python -m extractor.quality.docs readme | examples [README] | measured {eval,bench,bench-scale,hostile,bench-server,records,checks} FILE [README]")
