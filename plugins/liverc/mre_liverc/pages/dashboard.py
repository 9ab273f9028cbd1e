"""A track's dashboard, `https://{slug}.liverc.com/`: who the track is and its lifetime stats.

The About panel holds an `<address>`: the track's name in bold, then lines
(street, town and postcode, country), a blank line, and labelled lines
`P: phone`, `W: website`, `E: e-mail` (the e-mail is obfuscated and not read).
"N/A" means not filled in. A Google Maps embed queries the address as
`q=street,town,+postcode,CC` (or `q=...,town,ST+zip,US`): the parts it names
are read from it, and coordinates when the query is a `lat,lng` pair (or the
link has `ll=` / `center=`); none of the four real dashboards has coordinates.
The Lifetime Track Stats table (`Laps`, `Practice Sessions`, `Races`,
`Entries`, `Events`) is a label/value table, found by its labels.

A page with neither an address nor lifetime stats is a ParseError.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

from lxml import etree

from mre_core.connector import ParseError, TrackDetailRecord
from mre_liverc import urls
from mre_liverc.pages.html import collapse, page
from mre_liverc.pages.practice import cell_lines, label_rows

_NOT_SET = frozenset({"", "n/a", "na", "none", "-"})
_LABELLED = re.compile(r"^([A-Za-z]{1,2}|Phone|Website|E-?mail)\s*:\s*(.*)$", re.IGNORECASE)
_COORDINATE = re.compile(r"^\s*(-?[0-9]{1,3}(?:\.[0-9]+)?)\s*,\s*(-?[0-9]{1,3}(?:\.[0-9]+)?)\s*$")
_POSTCODE = re.compile(
    r"^(?:(?P<region>[A-Za-z]{1,4})\s+)?(?P<code>[A-Za-z]?[0-9][0-9A-Za-z -]{1,9})$"
)
_STATS = {
    "laps": "lifetime_laps",
    "practice sessions": "lifetime_practice_sessions",
    "races": "lifetime_races",
    "entries": "lifetime_entries",
    "events": "lifetime_events",
}
_DASHBOARD_SUFFIX = re.compile(r"['\u2019]s Dashboard$", re.IGNORECASE)


def parse_dashboard(text: str, url: str, track_slug: str) -> TrackDetailRecord:
    doc = page(text, url)
    root = doc.root
    address = next(iter(root.iter("address")), None)
    stats_cells = _lifetime_stats(root)
    if address is None and stats_cells is None:
        raise ParseError(url, "no track details (an address, or a Lifetime Track Stats table)")

    name, lines, labelled = _address(address) if address is not None else ("", [], {})
    if not name:
        name = _heading_name(root)
    if not name:
        raise ParseError(url, "the dashboard names no track")
    map_parts = _map_query(root)
    street = city = region = postal = code = None
    if map_parts is not None and len(map_parts) >= 3:
        street, city = map_parts[0] or None, map_parts[1] or None
        code = map_parts[-1] if re.fullmatch(r"[A-Za-z]{2}", map_parts[-1]) else None
        middle = map_parts[2:-1] if code else map_parts[2:]
        if middle:
            match = _POSTCODE.match(" ".join(" ".join(middle).replace("+", " ").split()))
            if match:
                region, postal = match.group("region"), match.group("code")
    elif lines:
        street = lines[0]
    country = lines[2] if len(lines) >= 3 else (lines[-1] if len(lines) == 2 else None)
    lat, lng = _coordinates(root)

    stats = {
        label: collapse([" ".join(cell_lines(cell))]) for label, cell in (stats_cells or {}).items()
    }
    counts = {field: _count(stats.get(label)) for label, field in _STATS.items()}
    return TrackDetailRecord(
        source_track_slug=urls.check_slug(track_slug),
        track_name=name,
        address_lines=tuple(lines),
        street=street,
        city=city,
        region=region,
        postal_code=postal,
        country=country,
        country_code=code.upper() if code else None,
        phone=_value(labelled.get("p") or labelled.get("phone")),
        website=_value(labelled.get("w") or labelled.get("website")),
        latitude=lat,
        longitude=lng,
        description=_description(address),
        stats_raw=stats,
        **counts,
    )


def _address(address: etree._Element) -> tuple[str, list[str], dict[str, str]]:
    """The name (the first bold text), the address lines, and the labelled lines."""
    bold = next((b for b in address.iter("strong", "b")), None)
    name = collapse(bold.itertext()) if bold is not None else ""
    lines: list[str] = []
    labelled: dict[str, str] = {}
    for line in cell_lines(address):
        match = _LABELLED.match(line)
        if match:
            labelled.setdefault(match.group(1).casefold(), match.group(2).strip())
        elif line != name and not labelled:
            lines.append(line)
    return name, lines, labelled


def _lifetime_stats(root: etree._Element) -> dict[str, etree._Element] | None:
    for table in root.iter("table"):
        facts = label_rows(table)
        if sum(label in facts for label in _STATS) >= 2:
            return facts
    return None


def _heading_name(root: etree._Element) -> str:
    for h1 in root.iter("h1"):
        text = collapse(h1.itertext())
        if text:
            return _DASHBOARD_SUFFIX.sub("", text).strip()
    return ""


def _map_query(root: etree._Element) -> list[str] | None:
    """The parts of the Google Maps embed's `q=` (comma-separated), if it has one."""
    for src in _map_links(root):
        query = parse_qs(urlsplit(src).query).get("q")
        if query and not _COORDINATE.match(query[0]):
            return [part.strip() for part in query[0].split(",")]
    return None


def _map_links(root: etree._Element) -> list[str]:
    links = []
    for element in root.iter("iframe", "a"):
        src = element.get("src") or element.get("href") or ""
        host = (urlsplit(src.strip()).hostname or "") if "//" in src else ""
        if host.endswith(("google.com", "googleapis.com")) and "map" in src:
            links.append(src.strip())
    return links


def _coordinates(root: etree._Element) -> tuple[float | None, float | None]:
    for src in _map_links(root):
        query = parse_qs(urlsplit(src).query)
        for key in ("ll", "center", "q"):
            for value in query.get(key, []):
                match = _COORDINATE.match(value)
                if match:
                    lat, lng = float(match.group(1)), float(match.group(2))
                    if -90 <= lat <= 90 and -180 <= lng <= 180:
                        return lat, lng
    return None, None


def _description(address: etree._Element | None) -> str | None:
    """The club's free text below the address, in the About panel, if any."""
    if address is None:
        return None
    panel = address
    for ancestor in address.iterancestors():
        panel = ancestor
        if "panel-body" in (ancestor.get("class") or "").split():
            break
    texts = []
    for element in panel.iter("div"):
        if any(a is address for a in element.iter("address")) or element.find("hr") is None:
            continue
        texts.append("\n".join(cell_lines(element)))
    return "\n".join(texts) or None


def _value(text: str | None) -> str | None:
    if text is None or text.strip().casefold() in _NOT_SET:
        return None
    return text.strip()


def _count(text: str | None) -> int | None:
    if not text:
        return None
    digits = text.replace(",", "").strip()
    return int(digits) if re.fullmatch(r"[0-9]{1,18}", digits) else None
