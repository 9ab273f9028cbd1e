"""A small Speedhive, built to the API's Swagger definitions: the answers it gives, by URL.

No machine here reaches the service, so this is what the connector is
tested on: one organization, its events (two RC, one karting), and one
event with four sessions in two classes and two rounds (plus a merged
session), five drivers and every lap. Every value is written out by hand,
so the expected numbers in the tests can be checked against it by eye. The
classification is spelled as the definitions spell it (`Rows`,
`Position`, ...), everything else as the definitions and the public
clients agree (`lapDataInfo`, `lapNr`, ...). None of it is a real result.

`answers()` is the whole site, URL -> JSON value, in the order the
pipeline asks for it; `cassette` writes it as mre's demo cassette and
`server` serves it on loopback.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from mre_speedhive import urls

ORG_ID = "5150"
EVENT_ID = "700101"  # the event with results
OTHER_EVENT_ID = "700102"  # listed, never ingested
KART_EVENT_ID = "700103"  # another sport: not listed

COUNTRY = {"id": 152, "name": "Netherlands", "alpha2": "NL"}
ORGANIZATION = {
    "id": int(ORG_ID),
    "name": "Synthetic Valley RC Club",
    "logo": "",
    "url": "",
    "city": "Springfield",
    "country": COUNTRY,
}


@dataclass(frozen=True)
class Driver:
    name: str
    account: str | None  # user.mstUserId; None: no user at all
    transponder: str


ANNA = Driver("Anna Berg", "a1b2c3d4-0000-4000-8000-000000000001", "1000001")
JORG = Driver("Jörg Müller", None, "1000002")
CHRIS = Driver("Chris Day", "a1b2c3d4-0000-4000-8000-000000000003", "1000003")
DEE = Driver("Dee Evans", "00000000-0000-0000-0000-000000000000", "1000004")  # empty Guid
ELI = Driver("Eli Ford", "a1b2c3d4-0000-4000-8000-000000000005", "1000005")


@dataclass(frozen=True)
class Finisher:
    """One classified driver: laps as sent (lap 0 included where there is one)."""

    position: int
    driver: Driver
    car: str
    laps: tuple[str, ...]
    diff: tuple[str, int] = ("-", 0)  # the last lap's fieldComparison.diff (time, laps)
    status: str = "Normal"
    start_pos: int = 0
    lap_zero: str | None = None  # the start crossing, where the timing system sent one


@dataclass(frozen=True)
class Session:
    id: int
    name: str
    class_name: str
    start: str
    finishers: tuple[Finisher, ...]
    group_name: str | None = None  # the session's groupName, when not its class


QUAL_2WD = Session(
    800011,
    "Qualifier 1",
    "2WD Buggy",
    "2026-01-17T10:00:00",
    (
        Finisher(1, ANNA, "7", ("31.250", "30.750", "0:30.500", "31.000")),
        Finisher(2, JORG, "12", ("32.000", "1:02.345", "31.655", "32.100"), ("+34.600", 0)),
        Finisher(3, CHRIS, "3", ("33.000", "33.500", "33.250"), ("+1 lap", 1)),
    ),
)
QUAL_4WD = Session(
    800012,
    "Qualifier 1",
    "4WD Buggy",
    "2026-01-17T10:10:00",
    (
        Finisher(1, ELI, "5", ("29.500", "29.250", "29.750")),
        Finisher(2, CHRIS, "33", ("30.125", "30.000", "30.375"), ("+2.000", 0)),
        Finisher(3, DEE, "21", ("35.000",), ("+2 laps", 0), status="DNF"),
    ),
)
FINAL_2WD = Session(
    800013,
    "A Final",
    "2WD Buggy",
    "2026-01-17T14:00:00",
    (
        Finisher(1, CHRIS, "3", ("31.100", "30.900", "30.800", "30.950", "31.050"), start_pos=3),
        Finisher(
            2,
            ANNA,
            "7",
            ("31.200", "31.000", "31.300", "31.100", "31.000"),
            ("+0.800", 0),
            start_pos=1,
        ),
        Finisher(3, JORG, "12", (), status="DNS"),
    ),
    group_name="",  # none: the class is the group the session sits in
)
FINAL_4WD = Session(
    800014,
    "A Final",
    "4WD Buggy",
    "2026-01-17T14:10:00",
    (
        Finisher(1, ELI, "5", ("29.000", "29.400", "29.200"), start_pos=1, lap_zero="3.100"),
        Finisher(2, DEE, "21", ("30.000", "30.500", "30.250"), ("+3.150", 0), start_pos=3),
        Finisher(3, CHRIS, "33", ("31.000", "31.500"), ("+1 lap", 1), "DNF", start_pos=2),
    ),
)
SESSIONS = (QUAL_2WD, QUAL_4WD, FINAL_2WD, FINAL_4WD)  # chronological
MERGED_ID = 800019


def answers() -> dict[str, Any]:
    """Every URL the pipeline requests, in the order it does, with its answer."""
    site: dict[str, Any] = {
        urls.organization_url(ORG_ID): ORGANIZATION,
        urls.events_url(ORG_ID): [
            _event(EVENT_ID, "Winter Series Round 1", "RC", "2026-01-17T00:00:00"),
            _event(OTHER_EVENT_ID, "Winter Series Round 2", "RC", "2026-02-14T00:00:00+01:00"),
            _event(KART_EVENT_ID, "Kart Sprint", "Karting", "2026-02-21T00:00:00"),
        ],
        urls.sessions_url(EVENT_ID): _grouping(),
    }
    for session in SESSIONS:
        site[urls.classification_url(str(session.id))] = _classification(session)
        for finisher in session.finishers:
            if finisher.status != "DNS":
                url = urls.laps_url(str(session.id), finisher.position)
                site[url] = _lap_page(session, finisher)
    return site


def _event(event_id: str, name: str, sport: str, start: str) -> dict[str, Any]:
    return {
        "id": int(event_id),
        "name": name,
        "sport": sport,
        "startDate": start,
        "updatedAt": "2026-02-22T08:00:00",
        "uploadSoftware": {"name": "Orbits", "version": "5.1"},
        "location": {"id": 31, "name": "Synthetic Valley", "country": COUNTRY},
        "organization": ORGANIZATION,
    }


def _session(session: Session, merged: bool = False) -> dict[str, Any]:
    return {
        "id": session.id,
        "name": session.name,
        "eventId": int(EVENT_ID),
        "type": "Race" if "Final" in session.name else "Qualify",
        "startTime": session.start,
        "groupName": session.class_name if session.group_name is None else session.group_name,
        "isMerge": merged,
        "resultStatus": "Official",
        "participated": len(session.finishers),
    }


def _grouping() -> dict[str, Any]:
    """Finals before qualifying, as a tree may list them: the connector orders by time."""
    merged = Session(MERGED_ID, "Qualifying (combined)", "", "2026-01-17T12:00:00", (), "")
    return {
        "sessions": [_session(merged, merged=True)],
        "groups": [
            {
                "id": 2,
                "name": "Finals",
                "date": "2026-01-17T00:00:00",
                "sessions": [],
                "subGroups": [
                    {"id": 21, "name": "2WD Buggy", "sessions": [_session(FINAL_2WD)]},
                    {"id": 22, "name": "4WD Buggy", "sessions": [_session(FINAL_4WD)]},
                ],
            },
            {
                "id": 1,
                "name": "Qualifying",
                "date": "2026-01-17T00:00:00",
                "subGroups": [],
                "sessions": [_session(QUAL_2WD), _session(QUAL_4WD)],
            },
        ],
    }


def _classification(session: Session) -> dict[str, Any]:
    class_name = session.class_name
    return {
        "Rows": [
            {
                "Position": f.position,
                "StartNumber": f.car,
                "Name": f.driver.name,
                "ResultClass": class_name,
                "PositionInClass": f.position,
                "AdditionalFields": [],
                "IsQualified": False,
                "Status": f.status,
                "User": None
                if f.driver.account is None
                else {
                    "mstUserId": f.driver.account,
                    "productCategory": "Flex",
                    "chip": {"code": f.driver.transponder},
                },
            }
            for f in session.finishers
        ],
        "Classes": [class_name],
        "Type": "Race" if "Final" in session.name else "PracticeAndQualification",
    }


def _lap_page(session: Session, finisher: Finisher) -> dict[str, Any]:
    laps = [(0, finisher.lap_zero)] if finisher.lap_zero else []
    laps += list(enumerate(finisher.laps, start=1))
    last = len(finisher.laps)
    return {
        "lapDataInfo": {
            "participantInfo": {
                "name": finisher.driver.name,
                "class": session.class_name,
                "transponder": finisher.driver.transponder,
                "userId": finisher.driver.account or "",
                "startNr": finisher.car,
                "startPos": finisher.start_pos,
                "fieldFinishPos": finisher.position,
                "classFinishPos": finisher.position,
            },
            "lapCount": len(laps),
            "allLapsHaveFieldPos": True,
            "firstLapNr": laps[0][0] if laps else 1,
            "lapsDriven": last,
            "classificationType": "Race",
            "sessionId": session.id,
        },
        "laps": [
            {
                "lapNr": number,
                "timeOfDay": session.start,
                "lapTime": time,
                "diffWithLastLap": "",
                "diffWithBestLap": "",
                "speed": 0.0,
                "sectionTimes": [],
                "inPit": False,
                "status": ["GREEN"],
                "fieldComparison": {
                    "position": finisher.position,
                    "leaderLap": number,
                    "diff": _diff(finisher.diff if number == last else ("-", 0)),
                    "gapAhead": _diff(("-", 0)),
                    "gapBehind": _diff(("-", 0)),
                },
            }
            for number, time in laps
        ],
    }


def _diff(diff: tuple[str, int]) -> dict[str, Any]:
    return {"time": diff[0], "laps": diff[1]}
