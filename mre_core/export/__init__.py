"""Exports: a table of what was ingested, flat and readable, as CSV, JSON lines or Parquet.

- `declarations`: each export (results, laps, events, drivers) as a name,
  its columns (readable names, types, meanings) and its SQL;
- `stream`: its rows in batches, from one read-only transaction;
- `writers`: CSV, JSON lines and Parquet, a batch at a time;
- `service_api.export(service, table, fmt, out, ...)`: the service call
  (`mre export`, `IngestionService.export`).

`docs/database.md` lists every export's columns from the declarations.
"""

from __future__ import annotations

from mre_core.export.declarations import EXPORTS, PLANNED, Column, Export
from mre_core.export.service_api import ExportReport, export
from mre_core.export.stream import BATCH_SIZE, Scope
from mre_core.export.writers import FORMATS

__all__ = [
    "BATCH_SIZE",
    "EXPORTS",
    "FORMATS",
    "PLANNED",
    "Column",
    "Export",
    "ExportReport",
    "Scope",
    "export",
]
