"""Logging setup: readable lines on a terminal, or one JSON object per line.

Everything in mre logs through loguru's `logger`; only entry points (the
CLI, an embedding app) call `configure`. Lines logged during an operation
carry its run id (`run_id` in JSON, `[run N]` in text). While the CLI shows a
progress bar, text lines are printed through the bar's console so the two
never garble each other.

Text lines are for a person watching: a line per page fetched (an INFO
line that names its `url`) is shown only with DEBUG (`-v`), so the default
shows what an operation did, not each request. JSON lines are for the
journal and keep every fetch at its level: an audit of what was asked of a
site, line by line. With JSON logs the CLI's own error line is JSON too
(`error_line`), so every line on stderr parses.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from contextlib import suppress
from datetime import datetime
from typing import Any

from loguru import logger
from rich.console import Console
from rich.text import Text

from mre_core.url_masking import mask_passwords

# The console of a progress bar being shown, if any (set by the CLI).
live_console: Console | None = None
# Whether stderr carries JSON lines (set by `configure`).
json_lines_on = False


class KeptSink:
    """A loguru handler that stays while its owner lives, whatever `configure` clears.

    A service stores its runs' lines through one (`mre_core.service.run_logs`);
    an entry point that configures logging after opening a service (a test
    calling the CLI, an app) must not silently stop that.
    """

    def __init__(self, sink: Callable[[Any], None], **options: Any) -> None:
        self._sink = sink
        self._options = options
        self._handler = logger.add(sink, **options)
        _kept.add(self)

    def readd(self) -> None:
        self._handler = logger.add(self._sink, **self._options)

    def remove(self) -> None:
        _kept.discard(self)
        with suppress(ValueError):  # already gone: an app cleared every handler itself
            logger.remove(self._handler)


_kept: set[KeptSink] = set()


def _text_format(record: Any) -> str:
    run = "[run {extra[run_id]}] " if "run_id" in record["extra"] else ""
    return (
        "<green>{time:HH:mm:ss}</green> <level>{level: <7}</level> "
        + run
        + "{message}\n{exception}"
    )


def _not_a_fetch(record: Any) -> bool:
    """Hides the per-page lines of text logs (an INFO line that names its url)."""
    return not ("url" in record["extra"] and record["level"].no < logger.level("WARNING").no)


def _text_sink(message: Any) -> None:
    if live_console is not None:
        live_console.print(Text.from_ansi(str(message).rstrip("\n")), soft_wrap=True)
    else:
        sys.stderr.write(message)


def _json_line(line: dict[str, Any]) -> None:
    sys.stderr.write(json.dumps(line, default=str, ensure_ascii=False) + "\n")


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
    _json_line(line)


def configure(json_lines: bool = False, level: str = "INFO") -> None:
    """Send every logger's output (mre's and connectors') to stderr."""
    global json_lines_on  # noqa: PLW0603 - the one switch, set by the entry point
    json_lines_on = json_lines
    logger.remove()
    for kept in _kept:
        kept.readd()
    logger.enable("")
    # A last net under every log line: a password in a URL a message quotes is masked.
    logger.configure(patcher=lambda r: r.update(message=mask_passwords(r["message"])))
    if json_lines:
        logger.add(_json_sink, level=level, format="{message}")
    else:
        logger.add(
            _text_sink,
            level=level,
            format=_text_format,
            colorize=sys.stderr.isatty(),
            filter=None if logger.level(level).no < logger.level("INFO").no else _not_a_fetch,
        )


def error_line(message: str, exit_code: int, detail: str | None = None) -> None:
    """The command's last word on stderr: `mre: error: ...`, or that as a JSON line.

    `detail` (a traceback, with MRE_DEBUG=1) goes above the line in text, and
    into the same object as `traceback` in JSON.
    """
    message = mask_passwords(message)
    if not json_lines_on:
        sys.stderr.write(f"{detail or ''}mre: error: {message}\n")
        return
    line: dict[str, Any] = {
        "time": datetime.now().astimezone().isoformat(),
        "level": "ERROR",
        "message": message,
        "logger": "mre",
        "exit_code": exit_code,
    }
    if detail:
        line["traceback"] = detail
    _json_line(line)
