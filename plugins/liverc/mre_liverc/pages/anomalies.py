"""Reporting what was odd on a page without failing the whole page.

A page that cannot be read raises ParseError. A page that can be read but
has something odd in it (a row without an id, counts that disagree) is
ingested, and the oddity is logged with the page URL so it can be looked at.
"""

from __future__ import annotations

from loguru import logger


def anomaly(url: str, detail: str) -> None:
    logger.bind(url=url, anomaly=detail).warning("odd page {}: {}", url, detail)
