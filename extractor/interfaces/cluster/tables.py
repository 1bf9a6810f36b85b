"""Reports as Parquet tables (pyarrow), for DuckDB, pandas or Spark: figures and checks
with the CSV's columns (export.py), officials and documents one row each. Offsets and
years are integers; a value stays the exact decimal string it is in the JSON (never a
float); lists stay lists. Each partition writes its own file in each table's folder
(figures/part-00000.parquet …), which every one of those readers takes as one table."""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

import pyarrow as pa
import pyarrow.parquet as pq

from ...report.model import Report
from ..export import CHECK_COLUMNS, FIGURE_COLUMNS, check_rows, figure_rows

TABLE_NAMES = ("figures", "checks", "officials", "documents")

# Columns of the CSV rows that are integers here; every other CSV column is a string.
INTEGERS = frozenset({"start", "end", "decimals", "year", "reference_year", "stated_start", "stated_end",
                      "sentence"})


def _csv_schema(columns: tuple[str, ...]) -> pa.Schema:
    return pa.schema([(c, pa.int64() if c in INTEGERS else pa.string()) for c in columns])


SCHEMAS = {
    "figures": _csv_schema(FIGURE_COLUMNS),
    "checks": _csv_schema(CHECK_COLUMNS),
    "officials": pa.schema([
        ("article", pa.string()), ("id", pa.string()), ("name", pa.string()), ("rank", pa.string()),
        ("honorific", pa.string()), ("titles", pa.list_(pa.string())),
        ("organizations", pa.list_(pa.string())),
        ("mention_starts", pa.list_(pa.int64())), ("mention_ends", pa.list_(pa.int64())),
    ]),
    "documents": pa.schema([
        ("article", pa.string()), ("id", pa.string()), ("type", pa.string()), ("number", pa.string()),
        ("date", pa.string()), ("issuer", pa.string()), ("text", pa.string()),
        ("start", pa.int64()), ("end", pa.int64()),
    ]),
}


def _typed(row: dict[str, str], schema: pa.Schema) -> dict:
    """A CSV row with its empty cells null and its integer columns integers."""
    out = {}
    for name in schema.names:
        value = row.get(name, "")
        if value == "":
            out[name] = None
        elif name in INTEGERS:
            out[name] = int(value)
        else:
            out[name] = value
    return out


def _official_rows(report: Report) -> Iterable[dict]:
    for o in report.officials:
        yield {"article": report.id, "id": o.id, "name": o.name, "rank": o.rank, "honorific": o.honorific,
               "titles": list(o.titles), "organizations": list(o.organizations),
               "mention_starts": [m.start for m in o.mentions], "mention_ends": [m.end for m in o.mentions]}


def _document_rows(report: Report) -> Iterable[dict]:
    for d in report.documents:
        yield {"article": report.id, "id": d.id, "type": d.type, "number": d.number, "date": d.date,
               "issuer": d.issuer, "text": d.text, "start": d.start, "end": d.end}


def tables_of(reports: Iterable[Report]) -> dict[str, pa.Table]:
    """The four tables of some reports (one partition's)."""
    rows: dict[str, list[dict]] = {name: [] for name in TABLE_NAMES}
    for report in reports:
        rows["figures"] += (_typed(r, SCHEMAS["figures"]) for r in figure_rows(report))
        rows["checks"] += (_typed(r, SCHEMAS["checks"]) for r in check_rows(report))
        rows["officials"] += _official_rows(report)
        rows["documents"] += _document_rows(report)
    return {name: pa.Table.from_pylist(rows[name], schema=SCHEMAS[name]) for name in TABLE_NAMES}


def write_tables(tables: dict[str, pa.Table], folder: Path, part: str) -> None:
    """One partition's tables, each written beside itself and renamed into place."""
    for name, table in tables.items():
        target = folder / name / f"{part}.parquet"
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(target.name + ".partial")
        pq.write_table(table, temporary)
        temporary.replace(target)
