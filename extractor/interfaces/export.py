"""Reports as spreadsheet rows: one row a figure, one row a check, each with its article id.

The columns are written once here and used by `chiso batch --csv`, the API's /v1/csv and
the web page's downloads. Numbers keep their exact digits (never a float, never an
exponent); lists are joined with ';' and the evidence of a check is a JSON cell.
The text starts with a UTF-8 byte-order mark, which is how Excel knows the file is UTF-8
(without it the Vietnamese is garbled); pandas reads it with encoding="utf-8-sig"."""
from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterable

import simplejson

from ..report.model import Report

FIGURE_COLUMNS = (
    "article", "id", "kind", "text", "start", "end", "value", "unit", "decimals", "qualifier",
    "subject", "measure", "period", "scope", "year", "sentence", "rule",
    "numerator", "denominator", "stated_start", "stated_end", "direction", "reference_year", "of",
    "range_with", "checks", "statuses",
)
CHECK_COLUMNS = (
    "article", "id", "rule", "status", "severity", "figures", "figure_texts", "reported", "computed",
    "interval_low", "interval_high", "message", "message_vi", "reason", "sentence", "evidence",
)


def cell(value: Any) -> str:
    """One value as a spreadsheet cell: exact digits, empty for null."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, default=lambda d: format(d, "f"))
    return str(value)


def figure_rows(report: Report) -> Iterable[dict[str, str]]:
    uses: dict[str, list] = {}
    for c in report.checks:
        for fid in c.figures:
            uses.setdefault(fid, []).append(c)
    for f in report.figures:
        data = f.model_dump(mode="python")
        stated = data.pop("stated") or {}
        data.update(article=report.id, stated_start=stated.get("start"), stated_end=stated.get("end"),
                    checks=";".join(c.id for c in uses.get(f.id, [])),
                    statuses=";".join(c.status for c in uses.get(f.id, [])))
        yield {name: cell(data.get(name)) for name in FIGURE_COLUMNS}


def check_rows(report: Report) -> Iterable[dict[str, str]]:
    texts = {f.id: f.text for f in report.figures}
    for c in report.checks:
        data = c.model_dump(mode="python")
        low, high = c.interval if c.interval else (None, None)
        data.update(article=report.id, figures=";".join(c.figures),
                    figure_texts=" | ".join(texts.get(i, "") for i in c.figures),
                    interval_low=low, interval_high=high)
        yield {name: cell(data.get(name)) for name in CHECK_COLUMNS}


BOM = "\ufeff"
TABLES = {"figures": (FIGURE_COLUMNS, figure_rows), "checks": (CHECK_COLUMNS, check_rows)}


class CsvWriter:
    """Rows of many reports into one CSV stream (the header once)."""

    def __init__(self, fh, table: str):
        columns, self._rows = TABLES[table]
        self._writer = csv.DictWriter(fh, fieldnames=columns, lineterminator="\n")
        fh.write(BOM)
        self._writer.writeheader()

    def add(self, report: Report) -> None:
        self._writer.writerows(self._rows(report))


def to_csv(reports: Iterable[Report], table: str) -> str:
    out = io.StringIO()
    writer = CsvWriter(out, table)
    for report in reports:
        writer.add(report)
    return out.getvalue()


def csv_from_jsonl(reports: Path, figures_out: Path, checks_out: Path) -> dict[str, int]:
    """The two CSVs of a `chiso batch` output (every line, resumed runs included), each
    written beside itself and renamed into place. Returns the rows written."""
    counts = {"figures": 0, "checks": 0}
    from .batch import partial_path

    partials = {"figures": partial_path(figures_out), "checks": partial_path(checks_out)}
    with partials["figures"].open("w", encoding="utf-8", newline="") as ff, \
            partials["checks"].open("w", encoding="utf-8", newline="") as cf:
        writers = {"figures": CsvWriter(ff, "figures"), "checks": CsvWriter(cf, "checks")}
        with reports.open("rb") as fh:
            for line in fh:
                if not line.strip():
                    continue
                # use_decimal: the digits as written in the JSON, never through a float
                report = Report.model_validate(simplejson.loads(line, use_decimal=True))
                counts["figures"] += len(report.figures)
                counts["checks"] += len(report.checks)
                for writer in writers.values():
                    writer.add(report)
    partials["figures"].replace(figures_out)
    partials["checks"].replace(checks_out)
    return counts
