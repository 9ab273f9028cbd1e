"""What the user may set for Speedhive, read from the environment at each call.

- `MRE_SPEEDHIVE_API_KEY`: the Swagger definitions mark every endpoint with
  an API key, sent in the `Apikey` header, while the public clients we know
  of send none. When set, it goes with every request; mre never writes
  request headers into a cassette, so it is never recorded.
- `MRE_SPEEDHIVE_SPORT`: which events of an organization are listed, by the
  sport Speedhive gives each (`RC` unless set; `any` lists every sport).

Read at each call, not at import, so a long-running service picks up a key
set for it and tests can set one per case.
"""

from __future__ import annotations

import os
import re

from mre_core.connector import UsageError

API_KEY_ENV = "MRE_SPEEDHIVE_API_KEY"
SPORT_ENV = "MRE_SPEEDHIVE_SPORT"
API_KEY_HEADER = "Apikey"  # securityDefinitions.Apikey: {"in": "header", "name": "Apikey"}
DEFAULT_SPORT = "RC"
ANY_SPORT = "any"
# The definitions' enum of sports.
SPORTS = (
    "Unknown",
    "Cycling",
    "IceSkating",
    "InlineSkating",
    "Running",
    "Swimming",
    "Bike",
    "Car",
    "Karting",
    "ModelBoatRacing",
    "MX",
    "RC",
    "StockCar",
    "Other",
    "Equine",
)
# Visible ASCII only: a header value with a space or a newline in it is not a key.
_KEY = re.compile(r"[!-~]{1,512}")


def request_headers() -> dict[str, str]:
    """The headers of every request: JSON asked for (the API also speaks XML), the key if set."""
    headers = {"Accept": "application/json"}
    key = os.environ.get(API_KEY_ENV, "").strip()
    if key:
        if not _KEY.fullmatch(key):
            # The key itself is never repeated in a message: messages end up in run records.
            raise UsageError(f"{API_KEY_ENV} must be visible ASCII characters without spaces")
        headers[API_KEY_HEADER] = key
    return headers


def sport() -> str | None:
    """The sport whose events are listed, as the API spells it; None for every sport."""
    value = os.environ.get(SPORT_ENV, "").strip() or DEFAULT_SPORT
    if value.lower() == ANY_SPORT:
        return None
    for known in SPORTS:
        if known.lower() == value.lower():
            return known
    names = ", ".join(SPORTS)
    raise UsageError(
        f"{SPORT_ENV}={value!r} is not a Speedhive sport: one of {names} or {ANY_SPORT}"
    )
