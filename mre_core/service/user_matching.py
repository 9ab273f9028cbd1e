"""Running the matching rules on an event and keeping the links in the database.

Runs at the end of every deep ingestion (registered in the service's
`after_event_ingested`) and on demand (`mre users match`). It reads all
users once (once for all the events of `match_events`) and the event's
drivers once, scores names in one batch, applies
`mre_core.matching.rules`, and writes `user_driver_links` and
`event_driver_links` through the counting bulk upsert, so a second run with
nothing new writes nothing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from peewee import fn

from mre_core.matching import rules
from mre_core.matching.fuzzy import best_matches
from mre_core.matching.rules import Decision, DriverFacts, Thresholds
from mre_core.storage.bulk import upsert_rows
from mre_core.storage.counts import Counts
from mre_core.storage.database import current_database, write_transaction
from mre_core.storage.models import (
    ACTIVE_LINK_STATUSES,
    LINK_CONFIRMED,
    LINK_CONFLICT,
    LINK_SUGGESTED,
    Driver,
    Event,
    EventDriverLink,
    EventEntry,
    UserDriverLink,
)
from mre_core.timeutil import utcnow

PERSON = "person"
MATCHER = "matcher"


@dataclass(slots=True)
class UserIndex:
    """Every user, by id, normalised name and transponder: what the rules look up."""

    names: dict[int, str]
    by_name: dict[str, list[int]]
    by_transponder: dict[str, list[int]]
    distinct_names: list[str]

    @classmethod
    def load(cls) -> UserIndex:
        # Plain cursors: 100,000 users through model rows would cost more than the matching.
        db = current_database()
        names = dict(db.execute_sql('SELECT id, normalized_name FROM "users"').fetchall())
        by_name: dict[str, list[int]] = defaultdict(list)
        for user_id, normalized in names.items():
            by_name[normalized].append(user_id)
        by_transponder: dict[str, list[int]] = defaultdict(list)
        for user_id, number in db.execute_sql(
            'SELECT user_id, transponder_number FROM "user_transponders"'
        ).fetchall():
            by_transponder[number].append(user_id)
        # Plain dicts: shared by the events of an operation, a lookup must not add keys.
        return cls(names, dict(by_name), dict(by_transponder), list(by_name))


class UserMatcher:
    def __init__(self, limits: Thresholds) -> None:
        self.limits = limits

    def match_events(
        self,
        events: Iterable[Event],
        counts: Counts,
        matched: Callable[[Event], None] = lambda event: None,
    ) -> None:
        """Match many events (`mre users match`), reading the users once for all of them.

        `matched` is told of each event once it is done (for progress).
        """
        users = UserIndex.load()
        for event in events:
            self.match_event(event, counts, users)
            matched(event)

    def match_event(self, event: Event, counts: Counts, users: UserIndex | None = None) -> None:
        """Match one event's drivers; `users` as read by `UserIndex.load`, else read here."""
        if users is None:
            users = UserIndex.load()
        if not users.names:
            return
        drivers = _drivers_of(event)
        if not drivers:
            return
        unresolved = [
            d.normalized_name
            for d in drivers
            if not any(t in users.by_transponder for t in d.transponders)
            and d.normalized_name not in users.by_name
        ]
        fuzzy = best_matches(
            unresolved, users.distinct_names, self.limits.suggest, self.limits.workers
        )
        decisions = []
        for driver in drivers:
            found = fuzzy.get(driver.normalized_name)
            fuzzy_users = (
                (found[0], [u for i in found[1] for u in users.by_name[users.distinct_names[i]]])
                if found
                else None
            )
            decisions += rules.decide(
                driver, users.by_transponder, users.by_name, users.names, fuzzy_users, self.limits
            )
        with write_transaction():
            self._write(event, decisions, counts)

    def _write(self, event: Event, decisions: list[Decision], counts: Counts) -> None:
        driver_ids = sorted({d.driver_id for d in decisions})
        existing = _links_of(driver_ids)
        seen_before = _transponder_events(driver_ids, event.id)
        holders = {
            driver: (user, status)
            for (user, driver), (status, _, _) in existing.items()
            if status in ACTIVE_LINK_STATUSES
        }
        now = utcnow()
        link_rows, event_rows = [], []
        for proposed in decisions:
            current = existing.get((proposed.user_id, proposed.driver_id))
            if current is not None and current[1] == PERSON:
                final, status = proposed, current[0]  # a person decided: never changed
            else:
                final = self._verdict(proposed, holders, seen_before)
                status = final.status
                link_rows.append(_link_row(final, current, now))
                if status in ACTIVE_LINK_STATUSES:
                    holders[final.driver_id] = (final.user_id, status)
            event_rows.append(
                {
                    "user": final.user_id,
                    "event": event.id,
                    "driver": final.driver_id,
                    "match_type": final.match_type,
                    "similarity_score": final.score,
                    "transponder_number": final.transponder,
                    "status": status,
                    "matched_at": now,
                }
            )
        if link_rows:
            upsert_rows(
                UserDriverLink,
                link_rows,
                ("user", "driver"),
                UserDriverLink.driver.in_(driver_ids),
                counts,
                insert_only=frozenset({"matched_at"}),
            )
        if event_rows:
            upsert_rows(
                EventDriverLink,
                event_rows,
                ("user", "event", "driver"),
                EventDriverLink.event == event.id,
                counts,
                insert_only=frozenset({"matched_at"}),
            )

    def _verdict(
        self,
        decision: Decision,
        holders: dict[int, tuple[int, str]],
        seen_before: dict[tuple[int, int], int],
    ) -> Decision:
        """The rules' decision, after existing links and auto-confirmation had their say."""
        decision = rules.against_existing(decision, holders.get(decision.driver_id))
        if decision.match_type != rules.TRANSPONDER or decision.status != LINK_SUGGESTED:
            return decision
        seen = seen_before.get((decision.user_id, decision.driver_id), 0) + 1  # + this event
        verdict = rules.auto_confirmation(seen, decision.score, self.limits)
        if verdict is None:
            return decision
        status, reason = verdict
        return replace(decision, status=status, reason=reason)


def _link_row(decision: Decision, current: tuple | None, now: object) -> dict[str, object]:
    """The user_driver_links row; confirmed_at kept from when it was first confirmed."""
    confirmed_at = None
    if decision.status == LINK_CONFIRMED:
        confirmed_at = current[2] if current and current[0] == LINK_CONFIRMED else now
    return {
        "user": decision.user_id,
        "driver": decision.driver_id,
        "status": decision.status,
        "similarity_score": decision.score,
        "match_type": decision.match_type,
        "matcher": rules.MATCHER,
        "matcher_version": rules.MATCHER_VERSION,
        "decided_by": MATCHER,
        "matched_at": now,
        "confirmed_at": confirmed_at,
        "conflict_reason": decision.reason,
    }


def _drivers_of(event: Event) -> list[DriverFacts]:
    """The event's drivers, each with its transponders at this event (else its own)."""
    rows = (
        EventEntry.select(
            EventEntry.driver,
            EventEntry.transponder_number,
            Driver.normalized_name,
            Driver.transponder_number,
        )
        .join(Driver)
        .where(EventEntry.event == event.id)
        .order_by(EventEntry.driver, EventEntry.class_name)
        .tuples()
    )
    facts: dict[int, tuple[str, list[str], str | None]] = {}
    for driver_id, entry_transponder, normalized, own_transponder in rows:
        _, numbers, _ = facts.setdefault(driver_id, (normalized, [], own_transponder))
        if entry_transponder and entry_transponder not in numbers:
            numbers.append(entry_transponder)
    return [
        DriverFacts(driver_id, normalized, tuple(numbers or ([own] if own else [])))
        for driver_id, (normalized, numbers, own) in facts.items()
    ]


def _transponder_events(driver_ids: list[int], event_id: int) -> dict[tuple[int, int], int]:
    """(user, driver) -> in how many other events they were linked by transponder.

    A conflict there (a tie, or the driver held by another user) is no link and
    does not count; a link made and later confirmed or rejected does.
    """
    query = (
        EventDriverLink.select(
            EventDriverLink.user,
            EventDriverLink.driver,
            fn.COUNT(EventDriverLink.event.distinct()),
        )
        .where(
            EventDriverLink.driver.in_(driver_ids)
            & (EventDriverLink.event != event_id)
            & (EventDriverLink.match_type == rules.TRANSPONDER)
            & (EventDriverLink.status != LINK_CONFLICT)
        )
        .group_by(EventDriverLink.user, EventDriverLink.driver)
        .tuples()
    )
    return {(user, driver): count for user, driver, count in query}


def _links_of(driver_ids: list[int]) -> dict[tuple[int, int], tuple[str, str, object]]:
    """(user, driver) -> (status, decided_by, confirmed_at) for every link of these drivers."""
    return {
        (user, driver): (status, decided_by, confirmed_at)
        for user, driver, status, decided_by, confirmed_at in UserDriverLink.select(
            UserDriverLink.user,
            UserDriverLink.driver,
            UserDriverLink.status,
            UserDriverLink.decided_by,
            UserDriverLink.confirmed_at,
        )
        .where(UserDriverLink.driver.in_(driver_ids))
        .tuples()
    }
