"""The tables mre writes, and the natural key that makes each row unique.

Every table has a composite unique key taken from the source (slugs, event,
race and driver ids): ingesting the same page twice finds the same rows
instead of adding new ones. Rows are only ever inserted or updated; nothing
here is deleted by mre.

Numbers are stored parsed (`*_seconds`, `position_*`, ...) next to the text
the site showed (`*_raw`, `raw_cells`), so a parsing mistake found later can
be fixed from the database alone.
"""

from __future__ import annotations

import json
from typing import Any

import peewee as pw

from mre_core.storage.database import database_proxy

DEPTH_NONE = "none"
DEPTH_LAPS_PARTIAL = "laps_partial"
DEPTH_LAPS_FULL = "laps_full"
# What an event sync may be asked for: the event list only, or every event whole.
DEPTHS = (DEPTH_NONE, DEPTH_LAPS_FULL)
# What an event may be at: laps_partial is never asked for, it is where an event
# ingested before it was over stays (its races so far stored) until it is asked again.
INGEST_DEPTHS = (DEPTH_NONE, DEPTH_LAPS_PARTIAL, DEPTH_LAPS_FULL)


def json_text(value: Any) -> str:
    """How a JSON column (`extra`, `raw_cells`) is written: keys sorted, so equal content
    is equal text and a re-ingest that changes nothing writes nothing."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


class BaseModel(pw.Model):
    class Meta:
        database = database_proxy
        legacy_table_names = False


class Track(BaseModel):
    source = pw.CharField(max_length=64)
    source_track_slug = pw.CharField(max_length=255)
    track_name = pw.CharField(max_length=255)
    track_url = pw.CharField(max_length=1024)
    events_url = pw.CharField(max_length=1024)
    last_seen_at = pw.DateTimeField()
    is_active = pw.BooleanField(default=True)
    # The connector's own fields, a JSON object it documents (migration 7): LiveRC's
    # catalogue "last updated" wording and the time it names live here.
    extra = pw.TextField(default="{}", constraints=[pw.SQL("DEFAULT '{}'")])

    class Meta:
        table_name = "tracks"
        indexes = ((("source", "source_track_slug"), True),)


class Event(BaseModel):
    source = pw.CharField(max_length=64)
    source_event_id = pw.CharField(max_length=64)
    track = pw.ForeignKeyField(Track, column_name="track_id", backref="events")
    event_name = pw.CharField(max_length=512)
    # Indexed (migration 6, with the index below) for the held-between search.
    event_date = pw.DateTimeField(null=True, index=True)
    event_end_date = pw.DateField(null=True)
    event_entries = pw.IntegerField(null=True)
    event_drivers = pw.IntegerField(null=True)
    event_url = pw.CharField(max_length=1024)
    ingest_depth = pw.CharField(
        max_length=16,
        default=DEPTH_NONE,
        constraints=[pw.Check(f"ingest_depth IN {INGEST_DEPTHS!r}")],
    )
    last_ingested_at = pw.DateTimeField(null=True)
    extra = pw.TextField(default="{}", constraints=[pw.SQL("DEFAULT '{}'")])  # connector's, JSON

    class Meta:
        table_name = "events"
        indexes = (
            (("source", "source_event_id"), True),
            # The events still running on a day, read from the index alone (search.py).
            (("event_end_date", "event_date"), False),
        )


class Driver(BaseModel):
    """A person as the source identifies them.

    `source_driver_id` is the source's id, or `entry_<event>_<name>` for a
    driver known so far only from an entry list. When a race result names the
    same driver the temporary id is replaced by the real one; if the real
    driver already exists (from another event), this event's entries move to
    it and the temporary row records where it went in `merged_into`.
    """

    source = pw.CharField(max_length=64)
    source_driver_id = pw.CharField(max_length=255)
    display_name = pw.CharField(max_length=255)
    normalized_name = pw.CharField(max_length=255, index=True)
    transponder_number = pw.CharField(max_length=32, null=True)
    merged_into = pw.ForeignKeyField("self", column_name="merged_into_id", null=True)

    class Meta:
        table_name = "drivers"
        indexes = ((("source", "source_driver_id"), True),)


class EventEntry(BaseModel):
    """A driver entered in one class of one event.

    `entry_origin` is 'entry_list', or 'race_result' for a racer the entry
    list did not show (kept, never dropped).
    """

    event = pw.ForeignKeyField(Event, column_name="event_id", backref="entries")
    driver = pw.ForeignKeyField(Driver, column_name="driver_id")
    class_name = pw.CharField(max_length=255)
    display_name = pw.CharField(max_length=255)
    transponder_number = pw.CharField(max_length=32, null=True)
    car_number = pw.CharField(max_length=32, null=True)
    entry_origin = pw.CharField(max_length=16, default="entry_list")

    class Meta:
        table_name = "event_entries"
        indexes = ((("event", "driver", "class_name"), True),)


class Race(BaseModel):
    event = pw.ForeignKeyField(Event, column_name="event_id", backref="races")
    source_race_id = pw.CharField(max_length=64)
    race_url = pw.CharField(max_length=1024)
    class_name = pw.CharField(max_length=255)
    race_label = pw.CharField(max_length=255)
    race_order = pw.IntegerField()
    race_number = pw.IntegerField(null=True)
    round_name = pw.CharField(max_length=255, null=True)
    completed_at = pw.DateTimeField(null=True)
    completed_date = pw.DateField(null=True)
    completed_at_raw = pw.CharField(max_length=64, null=True)
    duration_raw = pw.CharField(max_length=64, null=True)
    duration_seconds = pw.DoubleField(null=True)
    duration_laps = pw.IntegerField(null=True)
    # The connector's fingerprint of the page the race was read from, after
    # the mre_core version that wrote it (see race_writer.stored_digest).
    page_digest = pw.CharField(max_length=160, null=True)
    extra = pw.TextField(default="{}", constraints=[pw.SQL("DEFAULT '{}'")])  # connector's, JSON

    class Meta:
        table_name = "races"
        indexes = ((("event", "source_race_id"), True),)


class RaceDriver(BaseModel):
    race = pw.ForeignKeyField(Race, column_name="race_id", backref="drivers")
    source_driver_id = pw.CharField(max_length=255)
    driver = pw.ForeignKeyField(Driver, column_name="driver_id")
    event_entry = pw.ForeignKeyField(EventEntry, column_name="event_entry_id", null=True)
    display_name = pw.CharField(max_length=255)
    car_number = pw.CharField(max_length=32, null=True)

    class Meta:
        table_name = "race_drivers"
        indexes = ((("race", "source_driver_id"), True),)


class RaceResult(BaseModel):
    race = pw.ForeignKeyField(Race, column_name="race_id", backref="results")
    race_driver = pw.ForeignKeyField(RaceDriver, column_name="race_driver_id")
    started = pw.BooleanField(default=True)
    position_final = pw.IntegerField(null=True)
    qualifying_position = pw.IntegerField(null=True)
    laps_completed = pw.IntegerField()
    total_time_raw = pw.CharField(max_length=64)
    total_time_seconds = pw.DoubleField(null=True)
    behind_raw = pw.CharField(max_length=64, null=True)
    behind_seconds = pw.DoubleField(null=True)
    behind_laps = pw.IntegerField(null=True)
    fast_lap_time = pw.DoubleField(null=True)
    fast_lap_number = pw.IntegerField(null=True)
    avg_lap_time = pw.DoubleField(null=True)
    avg_top5 = pw.DoubleField(null=True)
    avg_top10 = pw.DoubleField(null=True)
    avg_top15 = pw.DoubleField(null=True)
    top2_consecutive = pw.DoubleField(null=True)
    top3_consecutive = pw.DoubleField(null=True)
    std_deviation = pw.DoubleField(null=True)
    consistency = pw.DoubleField(null=True)
    # Every cell of the row as shown, keyed by its column header (JSON object).
    raw_cells = pw.TextField(default="{}")

    class Meta:
        table_name = "race_results"
        indexes = ((("race", "race_driver"), True),)


class Lap(BaseModel):
    race_result = pw.ForeignKeyField(RaceResult, column_name="race_result_id", backref="laps")
    lap_number = pw.IntegerField()
    lap_time_seconds = pw.DoubleField()
    lap_time_raw = pw.CharField(max_length=32)
    position_on_lap = pw.IntegerField(null=True)
    pace = pw.CharField(max_length=64, null=True)
    # Seconds from the start to the end of this lap: the sum of laps 1..n.
    elapsed_race_time = pw.DoubleField()

    class Meta:
        table_name = "laps"
        indexes = ((("race_result", "lap_number"), True),)


LINK_SUGGESTED = "suggested"
LINK_CONFIRMED = "confirmed"
LINK_REJECTED = "rejected"
LINK_CONFLICT = "conflict"
LINK_STATUSES = (LINK_SUGGESTED, LINK_CONFIRMED, LINK_REJECTED, LINK_CONFLICT)
ACTIVE_LINK_STATUSES = (LINK_SUGGESTED, LINK_CONFIRMED)


class User(BaseModel):
    """A person using the app that embeds mre (or added with `mre users add`)."""

    display_name = pw.CharField(max_length=255)
    normalized_name = pw.CharField(max_length=255, index=True)
    email = pw.CharField(max_length=255, null=True, unique=True)
    created_at = pw.DateTimeField()

    class Meta:
        table_name = "users"


class UserTransponder(BaseModel):
    user = pw.ForeignKeyField(User, column_name="user_id", backref="transponders")
    transponder_number = pw.CharField(max_length=32, index=True)

    class Meta:
        table_name = "user_transponders"
        indexes = ((("user", "transponder_number"), True),)


class UserDriverLink(BaseModel):
    """Whether a driver is this user, and how sure mre (or a person) is.

    A driver links to at most one user at a time: a partial unique index
    allows one `suggested` or `confirmed` link per driver. `decided_by` is
    'person' once someone confirmed or rejected it; the matcher never
    changes those.
    """

    user = pw.ForeignKeyField(User, column_name="user_id", backref="driver_links")
    driver = pw.ForeignKeyField(Driver, column_name="driver_id", backref="user_links")
    status = pw.CharField(max_length=16, constraints=[pw.Check(f"status IN {LINK_STATUSES!r}")])
    similarity_score = pw.DoubleField(null=True)
    match_type = pw.CharField(max_length=16)
    matcher = pw.CharField(max_length=64)
    matcher_version = pw.CharField(max_length=32)
    decided_by = pw.CharField(max_length=16, default="matcher")
    matched_at = pw.DateTimeField()
    confirmed_at = pw.DateTimeField(null=True)
    conflict_reason = pw.TextField(null=True)

    class Meta:
        table_name = "user_driver_links"
        indexes = ((("user", "driver"), True),)


UserDriverLink.add_index(
    UserDriverLink.index(
        UserDriverLink.driver, unique=True, name="user_driver_links_one_active_per_driver"
    ).where(UserDriverLink.status.in_(ACTIVE_LINK_STATUSES))
)


class EventDriverLink(BaseModel):
    """The evidence of one event: this driver, at this event, matched this user so."""

    user = pw.ForeignKeyField(User, column_name="user_id")
    event = pw.ForeignKeyField(Event, column_name="event_id")
    driver = pw.ForeignKeyField(Driver, column_name="driver_id")
    match_type = pw.CharField(max_length=16)
    similarity_score = pw.DoubleField(null=True)
    transponder_number = pw.CharField(max_length=32, null=True)
    status = pw.CharField(max_length=16, constraints=[pw.Check(f"status IN {LINK_STATUSES!r}")])
    matched_at = pw.DateTimeField()

    class Meta:
        table_name = "event_driver_links"
        indexes = ((("user", "event", "driver"), True),)


RUN_QUEUED = "queued"
RUN_RUNNING = "running"
RUN_SUCCEEDED = "succeeded"
RUN_FAILED = "failed"
RUN_ALREADY_COMPLETE = "already_complete"
RUN_CANCELLED = "cancelled"
# A deep ingestion that ended well without completing its event: `partial`, the event
# is not over and its races so far are stored (laps_partial); `not_ready`, its page
# lists no races yet (or its entry list is empty before it is over). Why is in the
# run's last progress step. Neither is a failure: ask again later.
RUN_PARTIAL = "partial"
RUN_NOT_READY = "not_ready"
RUN_STATUSES = (
    RUN_QUEUED,
    RUN_RUNNING,
    RUN_SUCCEEDED,
    RUN_FAILED,
    RUN_ALREADY_COMPLETE,
    RUN_CANCELLED,
    RUN_PARTIAL,
    RUN_NOT_READY,
)
RUN_ACTIVE = (RUN_QUEUED, RUN_RUNNING)
RUN_FINISHED = (
    RUN_SUCCEEDED,
    RUN_FAILED,
    RUN_ALREADY_COMPLETE,
    RUN_CANCELLED,
    RUN_PARTIAL,
    RUN_NOT_READY,
)


class IngestionRun(BaseModel):
    """One operation, from start to end: what ran, how far it got, what it wrote.

    Written by the process doing the work and read by anyone (`mre status`,
    a web page polling progress). `heartbeat_at` moves while the process is
    alive, so a run whose process died shows as stale.
    """

    operation = pw.CharField(max_length=32)
    source = pw.CharField(max_length=64)
    target = pw.CharField(max_length=255)
    status = pw.CharField(
        max_length=16,
        default=RUN_RUNNING,
        constraints=[pw.Check(f"status IN {RUN_STATUSES!r}")],
        index=True,
    )
    parent = pw.ForeignKeyField("self", column_name="parent_id", null=True, backref="children")
    started_at = pw.DateTimeField()
    finished_at = pw.DateTimeField(null=True)
    heartbeat_at = pw.DateTimeField(null=True)
    progress_done = pw.IntegerField(default=0)
    progress_total = pw.IntegerField(null=True)
    progress_step = pw.CharField(max_length=255, null=True)
    requests = pw.IntegerField(default=0)
    counts = pw.TextField(default="{}")  # {"laps": {"new": 1, "updated": 0, "unchanged": 0}, ...}
    error_code = pw.CharField(max_length=32, null=True)
    error_message = pw.TextField(null=True)
    host = pw.CharField(max_length=255)
    pid = pw.IntegerField()
    # A job's parameters (JSON), what it is about (one queued or running job per
    # key), when it was queued, when someone asked it to stop, and its tries.
    params = pw.TextField(null=True)
    job_key = pw.CharField(max_length=255, null=True)
    queued_at = pw.DateTimeField(null=True)
    cancel_requested_at = pw.DateTimeField(null=True)
    attempts = pw.IntegerField(null=True)

    class Meta:
        table_name = "ingestion_runs"


IngestionRun.add_index(
    IngestionRun.index(
        IngestionRun.job_key, unique=True, name="ingestion_runs_one_active_job"
    ).where(IngestionRun.status.in_(RUN_ACTIVE))
)


class RunLog(BaseModel):
    """A line a run logged, as any process or machine sharing the database can read it.

    Written in batches by `mre_core.service.run_logs` while the run works,
    at most `MRE_RUN_LOG_MAX_LINES` per run (plus its warnings, and one
    line saying how many were dropped); `message` has its passwords masked.
    The index on (run, id) serves "the lines of run N after line M".
    """

    run = pw.ForeignKeyField(IngestionRun, column_name="run_id", on_delete="CASCADE", index=False)
    at = pw.DateTimeField()
    level = pw.CharField(max_length=16)
    message = pw.TextField()

    class Meta:
        table_name = "run_logs"
        indexes = ((("run", "id"), False),)


class IngestLock(BaseModel):
    """Who is ingesting what right now, across processes and machines.

    A row per lock key (e.g. one event). Free when `owner` is NULL; held
    while `expires_at` is in the future, which the holder's heartbeat keeps
    pushing forward. Rows are reused, never deleted.
    """

    lock_key = pw.CharField(max_length=255, unique=True)
    owner = pw.CharField(max_length=255, null=True)
    run = pw.ForeignKeyField(IngestionRun, column_name="run_id", null=True)
    acquired_at = pw.DateTimeField(null=True)
    expires_at = pw.DateTimeField(null=True)

    class Meta:
        table_name = "ingest_locks"


class SiteBudget(BaseModel):
    """How fast anyone sharing this database may fetch from one site (a connector's source).

    `next_start_at`: the earliest start the next request may reserve;
    `last_start_at`: when the last request was let go; `hold_until`: nobody
    fetches before it (the site answered 429, 503 or a Retry-After). All by
    the database's clock. Written by `mre_core.http.shared` only.
    """

    site = pw.CharField(max_length=64, unique=True)
    next_start_at = pw.DateTimeField()
    last_start_at = pw.DateTimeField(null=True)
    hold_until = pw.DateTimeField(null=True)

    class Meta:
        table_name = "site_budgets"


class SiteSlot(BaseModel):
    """One request in flight to a site, as a lease: free when `owner` is NULL or it expired."""

    site = pw.CharField(max_length=64)
    slot = pw.IntegerField()
    owner = pw.CharField(max_length=255, null=True)
    expires_at = pw.DateTimeField(null=True)

    class Meta:
        table_name = "site_slots"
        indexes = ((("site", "slot"), True),)


# --- practice (issue #13, migration 8) ---------------------------------------------


class PracticeDay(BaseModel):
    """A day of practice at a track: from the track's practice calendar (a month at a
    time), and once synced (`last_ingested_at`), its sessions and their laps."""

    # Indexed through the unique (track_id, practice_date) below.
    track = pw.ForeignKeyField(Track, column_name="track_id", backref="practice_days", index=False)
    practice_date = pw.DateField()
    # The day's page as the calendar links it (NULL for a day synced, never listed).
    day_url = pw.CharField(max_length=1024, null=True)
    session_count = pw.IntegerField(null=True)
    total_laps = pw.IntegerField(null=True)
    unique_drivers = pw.IntegerField(null=True)
    last_ingested_at = pw.DateTimeField(null=True)

    class Meta:
        table_name = "practice_days"
        indexes = ((("track", "practice_date"), True),)


class PracticeSession(BaseModel):
    """One practice session: one driver's run on one transponder on a practice day."""

    practice_day = pw.ForeignKeyField(
        PracticeDay, column_name="practice_day_id", backref="sessions"
    )
    source = pw.CharField(max_length=64)
    source_session_id = pw.CharField(max_length=64)
    session_url = pw.CharField(max_length=1024)
    display_name = pw.CharField(max_length=255)
    normalized_name = pw.CharField(max_length=255)
    transponder_number = pw.CharField(max_length=32, null=True)
    class_name = pw.CharField(max_length=255, null=True)
    # The source's driver with this transponder, when exactly one is known.
    driver = pw.ForeignKeyField(Driver, column_name="driver_id", null=True)
    started_at = pw.DateTimeField(null=True)
    started_at_raw = pw.CharField(max_length=64, null=True)
    ended_at = pw.DateTimeField(null=True)
    laps_completed = pw.IntegerField(null=True)
    duration_raw = pw.CharField(max_length=64, null=True)
    duration_seconds = pw.DoubleField(null=True)
    fast_lap_time = pw.DoubleField(null=True)
    avg_lap_time = pw.DoubleField(null=True)
    avg_top5 = pw.DoubleField(null=True)
    avg_top10 = pw.DoubleField(null=True)
    avg_top15 = pw.DoubleField(null=True)
    top3_consecutive = pw.DoubleField(null=True)
    std_deviation = pw.DoubleField(null=True)
    consistency = pw.DoubleField(null=True)
    valid_range_raw = pw.CharField(max_length=64, null=True)
    facts_raw = pw.TextField(default="{}", constraints=[pw.SQL("DEFAULT '{}'")])

    class Meta:
        table_name = "practice_sessions"
        indexes = ((("source", "source_session_id"), True),)


class PracticeLap(BaseModel):
    """Lap 1..N of a practice session, valid or not (an invalid lap is stored too)."""

    # Indexed through the unique (practice_session_id, lap_number) below.
    practice_session = pw.ForeignKeyField(
        PracticeSession, column_name="practice_session_id", backref="laps", index=False
    )
    lap_number = pw.IntegerField()
    lap_time_seconds = pw.DoubleField()
    lap_time_raw = pw.CharField(max_length=32)
    valid = pw.BooleanField(default=True)
    clock_time = pw.DateTimeField(null=True)
    clock_time_raw = pw.CharField(max_length=32, null=True)

    class Meta:
        table_name = "practice_laps"
        indexes = ((("practice_session", "lap_number"), True),)


INGESTION_MODELS: tuple[type[BaseModel], ...] = (
    Track,
    Event,
    Driver,
    EventEntry,
    Race,
    RaceDriver,
    RaceResult,
    Lap,
    PracticeDay,
    PracticeSession,
    PracticeLap,
)
MATCHING_MODELS: tuple[type[BaseModel], ...] = (
    User,
    UserTransponder,
    UserDriverLink,
    EventDriverLink,
)
BOOKKEEPING_MODELS: tuple[type[BaseModel], ...] = (
    IngestionRun,
    RunLog,
    IngestLock,
    SiteBudget,
    SiteSlot,
)
ALL_MODELS: tuple[type[BaseModel], ...] = (
    *INGESTION_MODELS,
    *MATCHING_MODELS,
    *BOOKKEEPING_MODELS,
)
