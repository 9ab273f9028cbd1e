"""Logging setup: readable lines on a terminal, or one JSON object per line.

Everything in mre logs through loguru's `logger`; only the entry points
(CLI, an embedding app) call `configure`. The sink looks up sys.stderr at
write time, so tests that capture stderr see the log too.
"""

from __future__ import annotations

import sys

from loguru import logger

TEXT_FORMAT = "<green>{time:HH:mm:ss}</green> <level>{level: <7}</level> {message}"


def _stderr(message: str) -> None:
    sys.stderr.write(message)


def configure(json_lines: bool = False, level: str = "INFO") -> None:
    """Send every logger's output (mre's and connectors') to stderr."""
    logger.remove()
    logger.enable("")
    if json_lines:
        logger.add(_stderr, level=level, serialize=True)
    else:
        logger.add(_stderr, level=level, format=TEXT_FORMAT, colorize=sys.stderr.isatty())
