"""The targets, the table and the JSON object of one benchmark run.

Targets are the issue's, for the full size on a two-core machine; the
absolute one (4 s for the 40,000-lap event) does not apply to --quick.
"""

from __future__ import annotations

import os
import platform
import sqlite3
import subprocess
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from bench.e2e import E2EResult
from bench.inputs import Inputs
from bench.latency import LatencyResult
from bench.measure import ROOT
from bench.parse import ParseResult
from bench.replay import ReplayResult
from bench.write import WriteResult

E2E_LIMIT_S = 4.0  # deep ingestion of the full-size event on SQLite
PARSE_RATIO = 3.0
WRITE_RATIO = 3.0
REINGEST_SHARE = 0.30
RSS_LIMIT_MB = 200.0
LATENCY_SLACK = 1.20


@dataclass(slots=True)
class Verdict:
    name: str
    target: str
    figure: str
    met: bool | None  # None: does not apply to this run
    margin: str = ""


@dataclass(slots=True)
class Report:
    inputs: Inputs
    parse: ParseResult
    write: WriteResult
    e2e: E2EResult
    replay: ReplayResult | None
    latency: LatencyResult | None
    postgres_write: WriteResult | None = None
    postgres_e2e: E2EResult | None = None
    verdicts: list[Verdict] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.verdicts = self._judge()

    # --- targets -------------------------------------------------------------

    def _judge(self) -> list[Verdict]:
        p, w, e, full = self.parse, self.write, self.e2e, self.inputs.size.name == "full"
        verdicts = [
            _ratio("parse", p.ratio, PARSE_RATIO, f"{p.ms:.2f} ms/page vs lxml {p.floor_ms:.2f}"),
            _ratio(
                "write",
                w.ratio,
                WRITE_RATIO,
                f"{w.laps_per_s:,.0f} laps/s vs executemany {w.floor_laps_per_s:,.0f}",
            ),
            Verdict(
                "deep ingestion, SQLite",
                f"<= {E2E_LIMIT_S:.0f} s (full size)",
                f"{e.wall_s:.2f} s wall",
                e.wall_s <= E2E_LIMIT_S if full else None,
                _times(E2E_LIMIT_S / e.wall_s, "under") if full else "full size only",
            ),
            Verdict(
                "forced re-ingest",
                f"0 rows, <= {REINGEST_SHARE:.0%} of the first",
                f"{e.reingest_rows_written} rows, {e.reingest_s:.2f} s = {e.reingest_ratio:.0%}",
                e.reingest_rows_written == 0
                and e.tables_unchanged
                and e.reingest_ratio <= REINGEST_SHARE,
                f"{abs(REINGEST_SHARE - e.reingest_ratio) * 100:.0f} points "
                + ("under" if e.reingest_ratio <= REINGEST_SHARE else "over"),
            ),
            Verdict(
                "peak RSS",
                f"<= {RSS_LIMIT_MB:.0f} MB",
                f"{e.peak_rss_mb:.0f} MB",
                e.peak_rss_mb <= RSS_LIMIT_MB,
                _times(RSS_LIMIT_MB / e.peak_rss_mb, "under"),
            ),
            Verdict(
                "requests per event",
                f"= races + 2 = {self.inputs.races + 2}",
                str(e.requests),
                e.requests == self.inputs.races + 2,
            ),
        ]
        if self.replay:
            r = self.replay
            verdicts.append(
                Verdict(
                    "cassette load",
                    "<= the replayed ingestion",
                    f"{r.load_s:.2f} s load vs {r.ingest_s:.2f} s replayed ingestion",
                    r.load_s <= r.ingest_s,
                    _times(r.ingest_s / r.load_s, "under"),
                )
            )
        if self.latency:
            lat, expected = self.latency, self.inputs.races + 2
            # The bound is for races + 2 requests: a run that fetched fewer would look closer.
            counted = (
                "" if lat.requests == expected else f", {lat.requests} requests, not {expected}"
            )
            verdicts.append(
                Verdict(
                    "100 ms latency, polite",
                    f"<= {LATENCY_SLACK:.2f} x bound, races + 2 requests",
                    f"{lat.wall_s:.1f} s vs bound {lat.bound_s:.1f} s{counted}",
                    lat.ratio <= LATENCY_SLACK and lat.requests == expected,
                    f"{(lat.ratio - 1) * 100:+.1f}% over the bound",
                )
            )
        return verdicts

    # --- output --------------------------------------------------------------

    def as_json(self) -> dict[str, Any]:
        e, w, p = self.e2e, self.write, self.parse
        data: dict[str, Any] = {
            "parse_ms": round(p.ms, 3),
            "parse_floor_ratio": round(p.ratio, 2),
            "write_laps_per_s": round(w.laps_per_s),
            "write_floor_ratio": round(w.ratio, 2),
            "e2e_wall_s": round(e.wall_s, 3),
            "e2e_cpu_s": round(e.cpu_s, 3),
            "reingest_s": round(e.reingest_s, 3),
            "reingest_rows_written": e.reingest_rows_written,
            "peak_rss_mb": round(e.peak_rss_mb, 1),
            "requests_per_event": e.requests,
            "latency_wall_s": round(self.latency.wall_s, 2) if self.latency else None,
            "latency_bound_s": round(self.latency.bound_s, 2) if self.latency else None,
            "latency_requests": self.latency.requests if self.latency else None,
            # Beside the figures above: floors, the catalogue, the cassette.
            "parse_floor_ms": round(p.floor_ms, 3),
            "write_floor_laps_per_s": round(w.floor_laps_per_s),
            "write_laps_only_floor_ratio": round(w.laps_only_ratio, 2),
            "reingest_share": round(e.reingest_ratio, 3),
            "reingest_fetch_s": round(e.fetch_s, 3),
            "catalogue_wall_s": round(e.catalogue_wall_s, 3),
            "catalogue_cpu_s": round(e.catalogue_cpu_s, 3),
            "replay_load_s": round(self.replay.load_s, 3) if self.replay else None,
            "replay_ingest_s": round(self.replay.ingest_s, 3) if self.replay else None,
            "size": self._size(),
            "machine": machine(),
            "date": datetime.now(UTC).isoformat(timespec="seconds"),
            "commit": commit(),
            "targets": {v.name: v.met for v in self.verdicts},
        }
        if self.postgres_e2e and self.postgres_write:
            pe, pw = self.postgres_e2e, self.postgres_write
            data["postgresql"] = {
                "write_laps_per_s": round(pw.laps_per_s),
                "write_floor_ratio": round(pw.ratio, 2),
                "e2e_wall_s": round(pe.wall_s, 3),
                "e2e_cpu_s": round(pe.cpu_s, 3),
                "reingest_s": round(pe.reingest_s, 3),
                "reingest_rows_written": pe.reingest_rows_written,
                "peak_rss_mb": round(pe.peak_rss_mb, 1),
                "requests_per_event": pe.requests,
                "catalogue_wall_s": round(pe.catalogue_wall_s, 3),
            }
        return data

    def _size(self) -> dict[str, Any]:
        i = self.inputs
        return {
            "name": i.size.name,
            "races": i.races,
            "drivers_per_race": i.size.drivers_per_race,
            "laps": i.laps,
            "entries": i.entries,
            "catalogue_tracks": i.size.catalogue_tracks,
        }

    def table(self) -> str:
        i, p, w, e = self.inputs, self.parse, self.write, self.e2e
        pw, pe = self.postgres_write, self.postgres_e2e
        lines = [
            f"mre benchmark, {i.size.name} size: {i.races} races x {i.size.drivers_per_race} "
            f"drivers, {i.laps:,} laps, {i.entries:,} entries; "
            f"a catalogue of {i.size.catalogue_tracks:,} tracks",
            _machine_line(),
            "",
        ]
        rows: list[tuple[str, str, str, str]] = [
            ("measurement", "SQLite", "PostgreSQL", "beside"),
            (
                "1 parse, ms per race page",
                f"{p.ms:.2f}",
                "",
                f"lxml tree alone {p.floor_ms:.2f} ms ({p.ratio:.2f}x); "
                f"{p.pages} pages of {p.mean_page_kb:.0f} KB",
            ),
            (
                "2 write, laps/s",
                f"{w.laps_per_s:,.0f}",
                f"{pw.laps_per_s:,.0f}" if pw else "-",
                f"executemany {w.floor_laps_per_s:,.0f} ({w.ratio:.2f}x); laps alone "
                f"{w.laps / w.laps_floor_seconds:,.0f} ({w.laps_only_ratio:.2f}x)"
                + (f"; PostgreSQL {pw.ratio:.2f}x execute_values" if pw else ""),
            ),
            (
                "3 deep ingestion, wall s",
                f"{e.wall_s:.2f}",
                f"{pe.wall_s:.2f}" if pe else "-",
                f"{i.laps / e.wall_s:,.0f} laps/s end to end",
            ),
            (
                "3 deep ingestion, CPU s",
                f"{e.cpu_s:.2f}",
                f"{pe.cpu_s:.2f}" if pe else "-",
                "child process, every thread",
            ),
            (
                "3 catalogue sync, wall / CPU s",
                f"{e.catalogue_wall_s:.2f} / {e.catalogue_cpu_s:.2f}",
                f"{pe.catalogue_wall_s:.2f} / {pe.catalogue_cpu_s:.2f}" if pe else "-",
                f"{e.catalogue_tracks:,} tracks, 1 request",
            ),
        ]
        if self.replay:
            r = self.replay
            rows.append(
                (
                    "3 cassette replay, s",
                    f"{r.ingest_s:.2f}",
                    "",
                    f"load {r.load_s:.2f} s for {r.cassette_mb:.1f} MB; {r.requests} requests",
                )
            )
        rows += [
            (
                "4 forced re-ingest, s",
                f"{e.reingest_s:.2f}",
                f"{pe.reingest_s:.2f}" if pe else "-",
                f"{e.reingest_ratio:.0%} of the first; rows written "
                f"{e.reingest_rows_written}"
                + (f" / {pe.reingest_rows_written}" if pe else "")
                + f"; fetching alone {e.fetch_s:.2f} s ({e.fetch_s / e.wall_s:.0%})",
            ),
            (
                "5 peak RSS, MB",
                f"{e.peak_rss_mb:.0f}",
                f"{pe.peak_rss_mb:.0f}" if pe else "-",
                f"the interpreter with mre imported: {e.baseline_rss_mb:.0f} MB",
            ),
            (
                "6 requests per event",
                str(e.requests),
                str(pe.requests) if pe else "-",
                f"races + 2 = {i.races + 2}",
            ),
        ]
        if self.latency:
            lat = self.latency
            rows.append(
                (
                    "7 100 ms latency, polite, wall s",
                    f"{lat.wall_s:.2f}",
                    "",
                    f"bound {lat.bound_s:.2f} s ({lat.ratio:.3f}x) at c={lat.concurrency}, "
                    f"i={lat.interval_s:g} s"
                    + ("" if lat.requests == i.races + 2 else f"; {lat.requests} requests"),
                )
            )
        lines += _columns(rows)
        lines += ["", "targets:"]
        lines += _columns(
            [
                (
                    v.name,
                    v.target,
                    v.figure,
                    {True: "met", False: "MISSED", None: "n/a"}[v.met]
                    + (f" ({v.margin})" if v.margin else ""),
                )
                for v in self.verdicts
            ]
        )
        return "\n".join(lines)


def _ratio(name: str, ratio: float, limit: float, figure: str) -> Verdict:
    return Verdict(
        name,
        f"<= {limit:g}x the floor",
        f"{ratio:.2f}x: {figure}",
        ratio <= limit,
        _times(limit / ratio, "under"),
    )


def _times(factor: float, word: str) -> str:
    return f"{factor:.1f}x {word} the target" if factor >= 1 else f"{1 / factor:.2f}x over"


def _columns(rows: list[tuple[str, ...]]) -> list[str]:
    widths = [max(len(row[c]) for row in rows) for c in range(len(rows[0]) - 1)]
    return [
        "  ".join(
            [*(cell.ljust(width) for cell, width in zip(row, widths, strict=False)), row[-1]]
        ).rstrip()
        for row in rows
    ]


def machine() -> dict[str, Any]:
    """What the numbers were measured on."""
    return {
        "cpus": os.cpu_count(),
        "cpu_model": _cpu_model(),
        "ram_gb": round(_ram_kb() / 2**20, 1),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
    }


def commit() -> str:
    """The commit measured, with '+changes' when the working tree differs from it.

    bench/RESULTS.md does not count: it is written from a run, after it.
    """
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", ".", ":!bench/RESULTS.md"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
    except OSError:
        return "unknown"
    return f"{head}+changes" if head and dirty else head or "unknown"


def _machine_line() -> str:
    m = machine()
    return (
        f"machine: {m['cpus']} CPUs ({m['cpu_model']}), {m['ram_gb']} GB RAM, "
        f"Python {m['python']}, SQLite {m['sqlite']}; "
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, commit {commit()}"
    )


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _ram_kb() -> int:
    try:
        with open("/proc/meminfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("MemTotal:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0
