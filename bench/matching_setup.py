"""The matching benchmark's world: many users and one big event, written in bulk."""

from __future__ import annotations

import random
from collections.abc import Callable

from mre_core.names import normalize_name
from mre_core.storage.models import DEPTH_LAPS_FULL, Driver, Event, EventEntry, User
from mre_core.timeutil import utcnow
from tests.rows import event_row, track_row


def build_world(
    rng: random.Random, users: int, drivers: int, person: Callable[[random.Random], str]
) -> tuple[Event, list[str]]:
    """`users` users, and an event of `drivers` drivers: 50 typo'd users, 50 exact, the rest new."""
    now = utcnow()
    names = [person(rng) for _ in range(users)]
    rows = [
        {"display_name": n, "normalized_name": normalize_name(n), "created_at": now} for n in names
    ]
    with User._meta.database.atomic():
        for start in range(0, len(rows), 5000):
            User.insert_many(rows[start : start + 5000]).execute()
        event = event_row(
            track_row("bench"), "1", event_name="Nationals", ingest_depth=DEPTH_LAPS_FULL
        )
        driver_names = []
        for index in range(drivers):
            if index < 50:
                name = names[index * 97]
                name = name[:-1] + ("X" if name[-1] != "X" else "Y")  # a typo
            elif index < 100:
                name = names[index * 89]
            else:
                name = person(rng)
            driver = Driver.create(
                source="liverc",
                source_driver_id=str(100000 + index),
                display_name=name,
                normalized_name=normalize_name(name),
            )
            EventEntry.create(
                event=event.id, driver=driver.id, class_name="Open", display_name=name
            )
            driver_names.append(normalize_name(name))
    return event, driver_names
