"""Logging setup: readable lines on a terminal, or one JSON object per line.

Everything in mre logs through loguru's `logger`; only entry points (the
CLI, an embedding app) call `configure`. Lines logged during an operation
carry its run id (`run_id` in JSON, `[run N]` in text). While the CLI shows a
progress bar, text lines are printed through the bar's console so the two
never garble each other.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from loguru import logger
from rich.console import Console

# The console of a progress bar being shown, if any (set by the CLI).
live_console: Console | None = None


def _text_format(record: Any) -> str:
    run = "[run {extra[run_id]}] " if "run_id" in record["extra"] else ""
    return (
        "<green>{time:HH:mm:ss}</green> <level>{level: <7}</level> "
        + run
        + "{message}\n{exception}"
    )


def _text_sink(message: Any) -> None:
    if live_console is not None:
        live_console.print(str(message).rstrip("\n"), markup=False, highlight=False)
    else:
        sys.stderr.write(message)


def _json_sink(message: Any) -> None:
    record = message.record
    line = {
        "time": record["time"].isoformat(),
        "level": record["level"].name,
        "message": record["message"],
        "logger": record["name"],
        **record["extra"],
    }
    if record["exception"] is not None:
        line["exception"] = str(record["exception"].value)
    sys.stderr.write(json.dumps(line, default=str, ensure_ascii=False) + "\n")


def configure(json_lines: bool = False, level: str = "INFO") -> None:
    """Send every logger's output (mre's and connectors') to stderr."""
    logger.remove()
    logger.enable("")
    if json_lines:
        logger.add(_json_sink, level=level, format="{message}")
    else:
        logger.add(_text_sink, level=level, format=_text_format, colorize=sys.stderr.isatty())
