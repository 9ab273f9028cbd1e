"""Reads whose SQL is built once give exactly what their query gives, on both databases."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from mre_core.service.ingestion import IngestionService
from mre_core.storage import use_database
from mre_core.storage.models import IngestionRun
from mre_core.storage.prepared import Prepared


def _by_parent(parent: int):  # type: ignore[no-untyped-def]
    return IngestionRun.select().where(IngestionRun.parent == parent).order_by(IngestionRun.id)


def test_a_prepared_read_returns_the_rows_of_its_query_with_every_field_converted(synced, event):
    track, ev = event
    with IngestionService.open(settings=synced) as service:
        parent = service.refresh_events(track.slug.lower(), depth="laps_full", ingest_all=True)
        service.submit_event_ingest(str(ev.event_id), force=True)  # queued: no start, no beat
        with use_database(service.db):
            by_id = Prepared(
                IngestionRun, lambda i: IngestionRun.select().where(IngestionRun.id == i), 1
            )
            children = Prepared(IngestionRun, _by_parent, 1)
            for run in IngestionRun.select():
                (found,) = by_id(run.id)
                assert found.__data__ == run.__data__  # datetimes are datetimes, ids ints
            assert by_id(10**9) == []
            kids = children(parent.run_id)
            assert len(kids) == len([e for e in track.events if e.races])  # one import each
            assert [k.__data__ for k in kids] == [k.__data__ for k in _by_parent(parent.run_id)]
            # Threads share one prepared read: the SQL is built once, each gets its rows.
            ids = [r.id for r in IngestionRun.select()]
            with ThreadPoolExecutor(8) as pool:
                got = list(pool.map(lambda i: _read(service, by_id, i), ids * 10))
            assert got == ids * 10


def _read(service: IngestionService, prepared: Prepared, run_id: int) -> int:
    with use_database(service.db):
        return prepared(run_id)[0].id


def test_a_prepared_read_takes_only_as_many_values_as_it_was_built_with():
    with pytest.raises(ValueError, match="at most 3 values"):
        Prepared(IngestionRun, lambda a, b, c, d: IngestionRun.select(), 4)
