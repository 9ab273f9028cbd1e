"""Who is who in one event: entry-list drivers, race drivers, and their ids.

Entry lists often carry no driver ids (LiveRC's do not), race results do.
So a driver first seen on an entry list gets a temporary id,
`entry_<event id>_<normalised name>`, scoped to the event because two
people can share a name across events. When a race result of the event
names the same driver (by id, else by normalised name), the driver with
the real id is found, or made if this is the first event that names it;
this event's entries move to it, it takes the entry list's name and
transponder (keeping its own when the entry list shows none), and the
temporary row records `merged_into`. Rows are never deleted.

The temporary row is never renamed into the real one: which event came
first would then decide which rows exist, so two orders of ingestion (a
fleet of workers, say) would leave different tables, and two processes
promoting one driver at once would collide on its key. Made-or-found and
merged, every order leaves the same rows.

A re-ingested entry list treats a known driver the same way: its name is
the entry list's, and a transponder the entry list does not show is kept.

A racer the entry list does not show is still ingested, with a fallback
entry (`entry_origin = 'race_result'`): nothing the site shows is dropped.

Every driver of a new event is promoted once, so promotion is kept cheap:
the real ids a race names are looked up in one query per race
(`prefetch`), and the in-memory indexes are adjusted instead of rebuilt
(a season's regulars are merged at every event).
"""

from __future__ import annotations

from dataclasses import dataclass

from loguru import logger

from mre_core.names import normalize_name
from mre_core.records import EntryRecord, ResultRecord
from mre_core.storage.bulk import select_values, update_row, upsert_rows
from mre_core.storage.counts import Counts
from mre_core.storage.database import current_database, is_postgres, write_transaction
from mre_core.storage.models import Driver, Event, EventEntry

TEMP_PREFIX = "entry_"
ENTRY_LIST = "entry_list"
RACE_RESULT = "race_result"


@dataclass(slots=True)
class _Driver:
    id: int
    source_driver_id: str

    @property
    def temporary(self) -> bool:
        return self.source_driver_id.startswith(TEMP_PREFIX)


@dataclass(slots=True)
class _Entry:
    id: int
    class_name: str
    normalized_name: str
    driver: _Driver


@dataclass(frozen=True, slots=True)
class Identified:
    driver_id: int
    source_driver_id: str
    event_entry_id: int


class EventDrivers:
    """`entry_list`: whether the source has entry lists; without them every driver comes
    from the results, and being absent from a list is no news worth a log line."""

    def __init__(self, event: Event, counts: Counts, entry_list: bool = True) -> None:
        self.event = event
        self.entry_list = entry_list
        self.source = event.source
        self.counts = counts
        self._entries: list[_Entry] = []
        self._by_sid: dict[str, list[_Entry]] = {}
        self._by_norm: dict[str, list[_Entry]] = {}
        # Real ids a race names -> (driver id, transponder) or None, from `prefetch`.
        self._real: dict[str, tuple[int, str | None] | None] = {}
        # Rows this run inserted: counted new, so moving or merging them later in the
        # same run is not also an update (a first ingest reports 20 new drivers, not
        # 20 new and 20 updated).
        self._made_drivers: set[int] = set()
        self._made_entries: set[int] = set()
        self._load()

    def _load(self) -> None:
        drivers: dict[int, _Driver] = {}
        query = (
            EventEntry.select(
                EventEntry.id,
                EventEntry.class_name,
                EventEntry.display_name,
                Driver.id,
                Driver.source_driver_id,
            )
            .join(Driver)
            .where(EventEntry.event == self.event.id)
            .tuples()
        )
        self._entries = []
        for entry_id, class_name, display_name, driver_id, source_driver_id in query:
            driver = drivers.setdefault(driver_id, _Driver(driver_id, source_driver_id))
            self._entries.append(_Entry(entry_id, class_name, normalize_name(display_name), driver))
        self._index()

    def _index(self) -> None:
        self._by_sid = {}
        self._by_norm = {}
        for entry in self._entries:
            self._by_sid.setdefault(entry.driver.source_driver_id, []).append(entry)
            self._by_norm.setdefault(entry.normalized_name, []).append(entry)

    def temporary_id(self, normalized: str) -> str:
        return (
            f"{TEMP_PREFIX}{self.event.source_event_id}_{normalized.replace(' ', '-') or 'unnamed'}"
        )

    # --- the entry list -------------------------------------------------------

    def write_entry_list(self, records: list[EntryRecord]) -> None:
        planned: list[tuple[EntryRecord, str, str]] = []
        for record in records:
            normalized = normalize_name(record.display_name)
            known = self._by_name(normalized, record.class_name, record.source_driver_id)
            source_id = record.source_driver_id or (
                known.driver.source_driver_id if known else self.temporary_id(normalized)
            )
            planned.append((record, normalized, source_id))

        driver_rows: dict[str, dict[str, object]] = {}
        for record, normalized, source_id in planned:
            driver_rows.setdefault(
                source_id,
                {
                    "source": self.source,
                    "source_driver_id": source_id,
                    "display_name": record.display_name,
                    "normalized_name": normalized,
                    "transponder_number": record.transponder_number,
                },
            )
        self._keep_known_transponders(driver_rows)
        drivers = upsert_rows(
            Driver,
            list(driver_rows.values()),
            ("source", "source_driver_id"),
            {Driver.source: self.source, Driver.source_driver_id: list(driver_rows)},
            self.counts,
        )
        self._made_drivers.update(drivers.ids[k] for k in drivers.new_keys)
        entry_rows = [
            {
                "event": self.event.id,
                "driver": drivers.ids[(self.source, source_id)],
                "class_name": record.class_name,
                "display_name": record.display_name,
                "transponder_number": record.transponder_number,
                "car_number": record.car_number,
                "entry_origin": ENTRY_LIST,
            }
            for record, _, source_id in planned
        ]
        entries = upsert_rows(
            EventEntry,
            entry_rows,
            ("event", "driver", "class_name"),
            {EventEntry.event: self.event.id},
            self.counts,
        )
        self._made_entries.update(entries.ids[k] for k in entries.new_keys)
        self._load()

    def _keep_known_transponders(self, driver_rows: dict[str, dict[str, object]]) -> None:
        """An entry without a transponder keeps the one its driver already has.

        As `_promote` does (`source or real`): a driver known from another event
        (for example after a re-ingest of an event merged into it) keeps its
        transponder when this entry list shows none. The name, as in `_promote`,
        is the entry list's.
        """
        missing = [sid for sid, row in driver_rows.items() if not row["transponder_number"]]
        if not missing:
            return
        known = select_values(
            Driver,
            (Driver.source_driver_id, Driver.transponder_number),
            {Driver.source: self.source, Driver.source_driver_id: missing},
        )
        for source_id, transponder in known:
            if transponder:
                driver_rows[source_id]["transponder_number"] = transponder

    # --- race results -----------------------------------------------------------

    def make_real_drivers(self, class_name: str, results: list[ResultRecord]) -> None:
        """Before a race's transaction: make the drivers it names that exist nowhere yet.

        Real drivers are the only rows that events share, so processes
        ingesting two events of one season at once meet on them. Made here,
        in a short transaction of their own and in key order, two processes
        making the same drivers take turns instead of deadlocking; the race's
        own transaction then only updates them (see `lock_real_drivers`). A
        driver takes the name and transponder of this event's entry list, as
        a merge would give it.
        """
        wanted = sorted(
            {r.source_driver_id for r in results if r.source_driver_id}
            - {sid for sid in self._by_sid if not sid.startswith(TEMP_PREFIX)}
        )
        if not wanted:
            return
        found = select_values(
            Driver,
            (Driver.source_driver_id,),
            {Driver.source: self.source, Driver.source_driver_id: wanted},
        )
        known = {sid for (sid,) in found}
        named = {r.source_driver_id: r for r in results if r.source_driver_id}
        rows = []
        for source_id in wanted:
            if source_id in known:
                continue
            result = named[source_id]
            normalized = normalize_name(result.display_name)
            listed = self._by_name(normalized, class_name, source_id)
            temp = (
                Driver.get_by_id(listed.driver.id) if listed and listed.driver.temporary else None
            )
            rows.append(
                {
                    "source": self.source,
                    "source_driver_id": source_id,
                    "display_name": temp.display_name if temp else result.display_name,
                    "normalized_name": temp.normalized_name if temp else normalized,
                    "transponder_number": temp.transponder_number if temp else None,
                }
            )
        if rows:
            with write_transaction():
                made = upsert_rows(
                    Driver,
                    rows,
                    ("source", "source_driver_id"),
                    {
                        Driver.source: self.source,
                        Driver.source_driver_id: [r["source_driver_id"] for r in rows],
                    },
                    self.counts,
                    insert_only=frozenset(
                        {"display_name", "normalized_name", "transponder_number"}
                    ),
                )
            self._made_drivers.update(made.ids[k] for k in made.new_keys)

    def lock_real_drivers(self, results: list[ResultRecord]) -> None:
        """First statement of a race's transaction (PostgreSQL): lock the shared drivers it
        will update, in id order, so two races of two events never wait on each other in
        a circle (a deadlock); SQLite runs one writer at a time and needs no such order."""
        wanted = sorted({r.source_driver_id for r in results if r.source_driver_id})
        db = current_database()
        if not wanted or not is_postgres(db):
            return
        (
            Driver.select(Driver.id)
            .where((Driver.source == self.source) & Driver.source_driver_id.in_(wanted))
            .order_by(Driver.id)
            .for_update()
            .execute()
        )

    def prefetch(self, results: list[ResultRecord]) -> None:
        """Look up, in one query, the drivers a race names that this event does not know yet.

        `_promote` then finds them here instead of querying once per driver.
        """
        wanted = {
            r.source_driver_id
            for r in results
            if r.source_driver_id and r.source_driver_id not in self._by_sid
        }
        self._real = dict.fromkeys(wanted)
        if not wanted:
            return
        found = select_values(
            Driver,
            (Driver.id, Driver.source_driver_id, Driver.transponder_number),
            {Driver.source: self.source, Driver.source_driver_id: sorted(wanted)},
        )
        for driver_id, source_id, transponder in found:
            self._real[source_id] = (driver_id, transponder)

    def _real_driver(self, source_id: str) -> tuple[int, str | None] | None:
        if source_id in self._real:
            return self._real[source_id]
        row = Driver.get_or_none(
            (Driver.source == self.source) & (Driver.source_driver_id == source_id)
        )
        return None if row is None else (row.id, row.transponder_number)

    def identify(self, class_name: str, result: ResultRecord) -> Identified:
        """The driver and event entry of one results row, creating what is missing."""
        normalized = normalize_name(result.display_name)
        source_id = result.source_driver_id
        entry = self._by_source_id(source_id, class_name) if source_id else None
        if entry is None:
            entry = self._by_name(normalized, class_name, source_id)
            if entry is not None and source_id and entry.driver.temporary:
                self._promote(entry.driver, source_id)
                entry = self._by_source_id(source_id, class_name)
        if entry is None:
            driver = self._driver_for(
                source_id or self.temporary_id(normalized), result.display_name
            )
            logger.bind(event=self.event.source_event_id).log(
                "INFO" if self.entry_list else "DEBUG",
                "{} ({}) raced in {} but is not on the entry list: added with a fallback entry",
                result.display_name,
                driver.source_driver_id,
                class_name,
            )
        else:
            driver = entry.driver
        if entry is None or entry.class_name != class_name:
            entry = self._entry_in(class_name, driver, result.display_name)
        return Identified(driver.id, driver.source_driver_id, entry.id)

    def _by_source_id(self, source_id: str, class_name: str) -> _Entry | None:
        found = self._by_sid.get(source_id, [])
        return next((e for e in found if e.class_name == class_name), found[0] if found else None)

    def _by_name(self, normalized: str, class_name: str, source_id: str | None) -> _Entry | None:
        """The entry of that name, same class first; never a different real driver."""
        found = [
            e
            for e in self._by_norm.get(normalized, [])
            if (source_id is None or e.driver.temporary or e.driver.source_driver_id == source_id)
        ]
        same_class = [e for e in found if e.class_name == class_name]
        if same_class:
            return same_class[0]
        if len({e.driver.id for e in found}) == 1:
            return found[0]
        return None

    def _promote(self, temp: _Driver, source_id: str) -> None:
        real = self._real_driver(source_id)
        self._real.pop(source_id, None)  # about to change: look it up afresh if asked again
        source_row = Driver.get_by_id(temp.id)
        if real is None:  # the first event that names this driver: the real one is made
            made = self._driver_for(source_id, source_row.display_name)
            update_row(Driver, made.id, {"transponder_number": source_row.transponder_number})
            real = (made.id, source_row.transponder_number)
        real_id, real_transponder = real
        real_driver = next(
            (e.driver for e in self._entries if e.driver.id == real_id), None
        ) or _Driver(real_id, source_id)
        taken = {e.class_name for e in self._entries if e.driver.id == real_id}
        moving = [e for e in self._entries if e.driver is temp and e.class_name not in taken]
        for entry in moving:
            update_row(EventEntry, entry.id, {"driver": real_id})
            entry.driver = real_driver
        takes = {
            "display_name": source_row.display_name,
            "normalized_name": source_row.normalized_name,
            "transponder_number": source_row.transponder_number or real_transponder,
        }
        real_row = Driver.get_by_id(real_id)
        changed = {real_id} if any(getattr(real_row, k) != v for k, v in takes.items()) else set()
        if changed:
            update_row(Driver, real_id, takes)
        update_row(Driver, temp.id, {"merged_into": real_id})
        changed.add(temp.id)
        self.counts.add("drivers", updated=len(changed - self._made_drivers))
        moved = {e.id for e in moving}
        self.counts.add("event_entries", updated=len(moved - self._made_entries))
        # What _load() would rebuild (names are unchanged): the moved entries change key.
        staying = [e for e in self._by_sid.pop(temp.source_driver_id, []) if e.driver is temp]
        if staying:
            self._by_sid[temp.source_driver_id] = staying
        self._by_sid.setdefault(source_id, []).extend(moving)

    def _driver_for(self, source_id: str, display_name: str) -> _Driver:
        self._real.pop(source_id, None)  # about to change: look it up afresh if asked again
        upserted = upsert_rows(
            Driver,
            [
                {
                    "source": self.source,
                    "source_driver_id": source_id,
                    "display_name": display_name,
                    "normalized_name": normalize_name(display_name),
                }
            ],
            ("source", "source_driver_id"),
            {Driver.source: self.source, Driver.source_driver_id: source_id},
            self.counts,
            insert_only=frozenset({"display_name", "normalized_name"}),
        )
        self._made_drivers.update(upserted.ids[k] for k in upserted.new_keys)
        return _Driver(upserted.ids[(self.source, source_id)], source_id)

    def _entry_in(self, class_name: str, driver: _Driver, display_name: str) -> _Entry:
        existing = next(
            (e for e in self._entries if e.driver.id == driver.id and e.class_name == class_name),
            None,
        )
        if existing:
            return existing
        upserted = upsert_rows(
            EventEntry,
            [
                {
                    "event": self.event.id,
                    "driver": driver.id,
                    "class_name": class_name,
                    "display_name": display_name,
                    "entry_origin": RACE_RESULT,
                }
            ],
            ("event", "driver", "class_name"),
            {EventEntry.event: self.event.id, EventEntry.driver: driver.id},
            self.counts,
        )
        self._made_entries.update(upserted.ids[k] for k in upserted.new_keys)
        entry = _Entry(
            upserted.ids[(self.event.id, driver.id, class_name)],
            class_name,
            normalize_name(display_name),
            driver,
        )
        self._entries.append(entry)
        # What _index() would rebuild: the new entry goes last in both indexes.
        self._by_sid.setdefault(driver.source_driver_id, []).append(entry)
        self._by_norm.setdefault(entry.normalized_name, []).append(entry)
        return entry
