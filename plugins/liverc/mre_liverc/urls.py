"""The only URLs the connector requests, and how links in pages are read.

The connector never follows an href as written. It reads the id out of a
link, checks the link points into `*.liverc.com` (relative, protocol-relative
or absolute), and requests the canonical URL built here. A link anywhere
else is ignored.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urljoin, urlsplit

from mre_core.connector import UsageError

DOMAIN = "liverc.com"
CATALOGUE_URL = "https://live.liverc.com/"
HOSTS = ("live.liverc.com", "*.liverc.com")

# Both are used with fullmatch: `^...$` would let a trailing newline through.
_SLUG = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")
_ID = re.compile(r"[0-9]{1,18}")  # ASCII digits: \d also matches '١٢'
_NOT_TRACKS = frozenset({"live", "www"})


def check_slug(slug: str) -> str:
    slug = slug.lower()
    if not _SLUG.fullmatch(slug) or slug in _NOT_TRACKS:
        raise UsageError(f"{slug!r} is not a LiveRC track slug (the part before .liverc.com)")
    return slug


def check_id(value: str, what: str = "event") -> str:
    if not _ID.fullmatch(value):
        raise UsageError(f"{value!r} is not a LiveRC {what} id (digits only)")
    return value


def track_url(slug: str) -> str:
    return f"https://{check_slug(slug)}.{DOMAIN}/"


def events_url(slug: str) -> str:
    return f"https://{check_slug(slug)}.{DOMAIN}/events/"


def results_url(slug: str, page: str, item_id: str) -> str:
    return f"https://{check_slug(slug)}.{DOMAIN}/results/?p={page}&id={check_id(item_id)}"


def event_url(slug: str, event_id: str) -> str:
    return results_url(slug, "view_event", event_id)


def entry_list_url(slug: str, event_id: str) -> str:
    return results_url(slug, "view_entry_list", event_id)


def race_url(slug: str, race_id: str) -> str:
    return results_url(slug, "view_race_result", race_id)


def liverc_host(href: str, page_url: str) -> tuple[str, dict[str, list[str]]] | None:
    """The host and query of a link if it points into *.liverc.com, else None."""
    try:
        parts = urlsplit(urljoin(page_url, href.strip()))
        host = (parts.hostname or "").lower()
    except ValueError:  # no URL at all: a stray '[' reads as a broken IPv6 address
        return None
    if parts.scheme not in {"http", "https"} or not host.endswith("." + DOMAIN):
        return None
    return host, parse_qs(parts.query)


def linked_id(href: str, page_url: str, page: str) -> str | None:
    """The id in a LiveRC link to `?p=page&id=N` (either order, &amp; already decoded)."""
    found = liverc_host(href, page_url)
    if found is None:
        return None
    _, query = found
    if query.get("p", [None])[0] != page:
        return None
    item_id = query.get("id", [""])[0]
    return item_id if _ID.fullmatch(item_id) else None


def linked_slug(href: str, page_url: str) -> str | None:
    """The track slug of a link to a track's own host, lower case."""
    found = liverc_host(href, page_url)
    if found is None:
        return None
    slug = found[0][: -len(DOMAIN) - 1]
    return slug if _SLUG.fullmatch(slug) and slug not in _NOT_TRACKS else None
