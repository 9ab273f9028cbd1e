"""Writing an export's batches: CSV, JSON lines, Parquet, each a batch at a time.

- CSV: a header row of the column names, then a row per record (UTF-8,
  `\\n` line ends); an empty cell is NULL; booleans `true`/`false`; times
  `YYYY-MM-DD HH:MM:SS` (what spreadsheets read as a time), days `YYYY-MM-DD`;
  reals as Python writes them (the shortest text that reads back the same).
- JSON lines: one object a record, keyed by column name; NULL is `null`, times
  ISO 8601 (`2025-11-16T08:30:00`).
- Parquet (pyarrow): a column per export column, typed (int64, double,
  string, bool, timestamp[us], date32), a row group per batch, written by a
  ParquetWriter as the batches come.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import IO, Any

from mre_core.errors import UsageError
from mre_core.export.declarations import BOOLEAN, DATE, INTEGER, REAL, TEXT, TIMESTAMP, Export

CSV = "csv"
JSONL = "jsonl"
PARQUET = "parquet"
FORMATS = (CSV, PARQUET, JSONL)
BINARY = (PARQUET,)  # written to a binary stream; the others to a text one


def _csv_time(value: datetime) -> str:
    return value.isoformat(sep=" ")


def _csv_bool(value: bool) -> str:
    return "true" if value else "false"


_CSV_TEXT: dict[str, Callable[[Any], str]] = {
    TIMESTAMP: _csv_time,
    DATE: date.isoformat,
    BOOLEAN: _csv_bool,
}


def write_csv(export: Export, batches: Iterable[list[Any]], out: IO[str]) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(export.column_names)
    shown = [(i, _CSV_TEXT[c.type]) for i, c in enumerate(export.columns) if c.type in _CSV_TEXT]
    for rows in batches:
        writer.writerows([_with(row, shown) for row in rows] if shown else rows)


def _with(row: Any, shown: list[tuple[int, Callable[[Any], str]]]) -> list[Any]:
    values = list(row)
    for i, text in shown:
        if values[i] is not None:
            values[i] = text(values[i])
    return values


def _json_value(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def write_jsonl(export: Export, batches: Iterable[list[Any]], out: IO[str]) -> None:
    names = export.column_names
    encode = json.JSONEncoder(default=_json_value, ensure_ascii=False).encode
    for rows in batches:
        out.write("".join(encode(dict(zip(names, row, strict=True))) + "\n" for row in rows))


def pyarrow_module() -> Any:
    try:
        import pyarrow
        import pyarrow.parquet  # the writer lives there
    except ImportError:
        raise UsageError("Parquet needs pyarrow: pip install pyarrow") from None
    return pyarrow


def arrow_schema(export: Export) -> Any:
    pa = pyarrow_module()
    types = {
        TEXT: pa.string(),
        INTEGER: pa.int64(),
        REAL: pa.float64(),
        BOOLEAN: pa.bool_(),
        TIMESTAMP: pa.timestamp("us"),
        DATE: pa.date32(),
    }
    return pa.schema([pa.field(c.name, types[c.type]) for c in export.columns])


def write_parquet(export: Export, batches: Iterable[list[Any]], out: IO[bytes]) -> None:
    pa = pyarrow_module()
    schema = arrow_schema(export)
    width = len(schema)
    with pa.parquet.ParquetWriter(out, schema) as writer:
        for rows in batches:
            columns = list(zip(*rows, strict=True))
            arrays = [pa.array(columns[i], type=schema.field(i).type) for i in range(width)]
            writer.write_batch(pa.RecordBatch.from_arrays(arrays, schema=schema))


WRITERS: dict[str, Callable[[Export, Iterable[list[Any]], Any], None]] = {
    CSV: write_csv,
    JSONL: write_jsonl,
    PARQUET: write_parquet,
}
