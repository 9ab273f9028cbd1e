"""The only URLs the connector requests, each built from ids alone.

Every id comes from the user (an organization or event id typed on the
command line) or from an answer the connector already read (a session id,
a finish position), and is checked to be digits before it goes into a
path: the connector never follows a URL an answer holds.

The base URL is the one public clients use (the Go client
`ysmilda/speedhive-go`); the Swagger definitions name an Azure host
behind it, which mre does not call.
"""

from __future__ import annotations

import re

from mre_core.connector import UsageError

HOST = "eventresults-api.speedhive.com"
HOSTS = (HOST,)
API = f"https://{HOST}/api/v0.2.3/eventresults"

# Events and laps are asked for this many at a time; the service may serve fewer.
EVENTS_PAGE = 100
LAPS_PAGE = 100

# ASCII digits (\d also matches '١٢'), fullmatch (a `$` lets a trailing newline through),
# and no leading zero: ids are integers, and '007' would name organization 7 by another key.
_ID = re.compile(r"[1-9][0-9]{0,17}")


def check_id(value: str, what: str) -> str:
    """`value` if it can be a Speedhive id (digits only), else a UsageError naming `what`."""
    if not _ID.fullmatch(value):
        raise UsageError(f"{value!r} is not a Speedhive {what} id (digits, no leading zero)")
    return value


def organization_url(org_id: str) -> str:
    return f"{API}/organizations/{check_id(org_id, 'organization')}"


def events_url(org_id: str, offset: int = 0) -> str:
    return f"{organization_url(org_id)}/events?count={EVENTS_PAGE}&offset={offset}"


def sessions_url(event_id: str) -> str:
    return f"{API}/events/{check_id(event_id, 'event')}/sessions"


def event_url(event_id: str) -> str:
    return f"{API}/events/{check_id(event_id, 'event')}"


def classification_url(session_id: str) -> str:
    return f"{API}/sessions/{check_id(session_id, 'session')}/classification"


def laps_url(session_id: str, finish_position: int, offset: int = 0) -> str:
    """One page of the laps of the driver who finished `finish_position` in the session."""
    session = check_id(session_id, "session")
    return (
        f"{API}/sessions/{session}/lapdata/{finish_position:d}/laps"
        f"?count={LAPS_PAGE}&offset={offset:d}"
    )
