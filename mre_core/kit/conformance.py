"""mre's conformance suite for connectors: each test one rule, named for it.

Collected by the pytest plugin (`pytest --mre-connector NAME --mre-cassettes
DIR`) for every case of DIR/mre-conformance.toml. A failing test's name says
which rule the connector breaks and its message where: the hook, the race,
the driver, the page. The same checks run on LiveRC and Speedhive in mre's
own CI.
"""

from __future__ import annotations

import ast
import importlib.util
from dataclasses import replace
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from mre_core.connector import CAPABILITIES, CONTRACT
from mre_core.errors import ConnectorError, MreError
from mre_core.kit import rules
from mre_core.kit.cases import Case
from mre_core.kit.cassettes import CassettePages
from mre_core.kit.fault_server import FaultServer
from mre_core.kit.harness import CaseRecords, Ingested, Loaded, ingest, read_records
from mre_core.kit.mutations import mutations
from mre_core.schema import to_json, validator
from mre_core.settings import Settings

# --- who the connector says it is ------------------------------------------------------


def test_describe_connector_is_valid(mre_loaded: Loaded) -> None:
    assert mre_loaded.problem is None, mre_loaded.problem
    info = mre_loaded.connector.info  # type: ignore[union-attr]
    assert info.contract.split(".")[0] == CONTRACT.split(".")[0]
    assert set(info.capabilities) <= set(CAPABILITIES), "unknown capabilities"
    assert info.hosts, "no hosts declared"


def test_imports_nothing_of_mre_core_but_the_connector_api(mre_connector: Any) -> None:
    """The rest of mre_core may change in any release: a connector that imports it breaks."""
    package = _package_of(mre_connector.plugin)
    others = {
        f"{path.name}: {module}"
        for path in package.rglob("*.py")
        for module in _imported(path)
        if module.split(".")[0] == "mre_core" and module != "mre_core.connector"
    }
    assert not others, f"imports beyond mre_core.connector: {sorted(others)}"


def test_declares_its_request_bound(mre_connector: Any) -> None:
    assert mre_connector.info.event_requests is not None, (
        "describe_connector must say what an event costs: "
        "ConnectorInfo(event_requests=RequestBound(fixed, per_race, per_result))"
    )


# --- what the hooks answer -------------------------------------------------------------


def test_lists_the_events_the_case_ingests(mre_records: CaseRecords, mre_case: Case) -> None:
    listed = {event.source_event_id for event in mre_records.events}
    assert set(mre_case.events) <= listed, f"not listed: {sorted(set(mre_case.events) - listed)}"


def test_every_event_has_races_with_results(mre_records: CaseRecords) -> None:
    for event in mre_records.ingested:
        assert event.races, f"event {event.event_id}: fetch_races listed no race"
        assert any(detail.results for detail in event.details), (
            f"event {event.event_id}: no race has results"
        )


def test_records_match_the_json_schemas(mre_records: CaseRecords) -> None:
    checked: list[tuple[str, Any]] = [("TrackRecord", mre_records.track)]
    checked += [("EventRecord", event) for event in mre_records.events]
    for event in mre_records.ingested:
        checked += [("EntryRecord", entry) for entry in event.entries or []]
        checked += [("RaceRecord", race) for race in event.races]
        checked += [("RaceDetail", detail) for detail in event.details]
    for name, record in checked:
        errors = list(validator(name).iter_errors(to_json(record)))
        assert not errors, f"{name} {_key(record)}: {errors[0].message}"


@pytest.mark.parametrize(
    "rule",
    rules.RACE_RULES,
    ids=["each-driver-once-per-race", "laps-numbered-1-to-n", "laps-add-up", "positions-count-up"],
)
def test_race_results_follow_the_rule(mre_records: CaseRecords, rule: Any) -> None:
    problems = [p for event in mre_records.ingested for d in event.details for p in rule(d)]
    assert not problems, "\n".join(problems[:10])


def test_same_pages_give_equal_records(
    mre_connector: Any, mre_pages: CassettePages, mre_case: Case, mre_records: CaseRecords
) -> None:
    again = read_records(mre_connector, mre_pages, mre_case)
    # A catalogue's "2 days ago" is dated by the clock: the track is left out.
    assert to_json(again.ingested) == to_json(mre_records.ingested)
    assert to_json(again.events) == to_json(mre_records.events)


def test_requests_stay_within_the_declared_bound(
    mre_connector: Any, mre_records: CaseRecords
) -> None:
    bound = mre_connector.info.event_requests
    if bound is None:
        pytest.fail("no bound declared: see test_declares_its_request_bound", pytrace=False)
    for event in mre_records.ingested:
        laps = [len(result.laps) for detail in event.details for result in detail.results]
        allowed = bound.of(len(event.races), laps)
        assert event.requests <= allowed, (
            f"event {event.event_id}: {event.requests} requests, the bound says {allowed} "
            f"for {len(event.races)} races and {len(laps)} results"
        )


# --- through the service ---------------------------------------------------------------


def test_ingest_then_reingest_writes_nothing(
    mre_loaded: Loaded, mre_connector: Any, mre_case: Case, tmp_path: Path
) -> None:
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'mre.db'}")
    first = _ingest(mre_loaded, mre_connector, mre_case, settings, mre_case.cassette)
    for report in first.reports:
        assert report.status in ("succeeded", "partial"), f"{report.target}: {report.status}"
    again = _ingest(mre_loaded, mre_connector, mre_case, settings, mre_case.cassette)
    forced = _ingest(mre_loaded, mre_connector, mre_case, settings, mre_case.cassette, force=True)
    for report in [*again.reports, *forced.reports]:
        written = {t: c for t, c in report.counts.as_dict().items() if c["new"] or c["updated"]}
        assert not written, f"event {report.target} again ({report.status}) wrote {written}"
    assert forced.snapshot == first.snapshot


# --- faults: retried, or failed with nothing half written ---------------------------------

TRANSIENT = {
    "latency": lambda server, key: server.delay(key, seconds=0.3, times=None),
    "429 with Retry-After": lambda server, key: server.fail(key, 429, times=1, retry_after=0),
    "500 twice": lambda server, key: server.fail(key, 500, times=2),
    "503": lambda server, key: server.fail(key, 503, times=1),
    "timeout": lambda server, key: server.timeout(key, seconds=1.0),
    "dropped connection": lambda server, key: server.drop(key),
    "truncated body": lambda server, key: server.truncate(key, keep=0.4),
}
PERMANENT = {
    "503 forever": lambda server, key: server.fail(key, 503, times=None),
    "page missing": lambda server, key: server.pages.changed.update({"https://" + key: None}),
}


@pytest.mark.parametrize("fault", [*TRANSIENT, *PERMANENT])
def test_faults_are_retried_or_fail_cleanly(
    fault: str,
    mre_loaded: Loaded,
    mre_connector: Any,
    mre_case: Case,
    mre_pages: CassettePages,
    mre_records: CaseRecords,
    tmp_path: Path,
) -> None:
    with FaultServer(mre_pages, content_type=mre_pages.content_type) as server:
        settings = _served(mre_connector, server, tmp_path / "clean.db", fault)
        clean = _ingest(mre_loaded, mre_connector, mre_case, settings)
        key = _fault_target(mre_records).removeprefix("https://")
        (TRANSIENT | PERMANENT)[fault](server, key)
        settings = replace(settings, database_url=f"sqlite:///{tmp_path / 'faulted.db'}")
        faulted = _ingest(mre_loaded, mre_connector, mre_case, settings)
        if fault in TRANSIENT:
            assert [r.status for r in faulted.reports] == [r.status for r in clean.reports]
            assert faulted.snapshot == clean.snapshot, "retried, yet the data differs"
            return
        [failed] = [r for r in faulted.reports if r.exit_code]
        assert failed.error_code != ConnectorError.code, failed.error_message
        assert _half_races(faulted.snapshot, clean.snapshot) == []
        assert "laps_full" not in {e["ingest_depth"] for e in faulted.snapshot["events"]}
        server.clear_faults()
        mre_pages.changed.clear()
        rerun = _ingest(mre_loaded, mre_connector, mre_case, settings)
        assert rerun.snapshot == clean.snapshot, "the rerun after the fault differs"


# --- fuzzed pages --------------------------------------------------------------------


def test_fuzzed_pages_give_records_or_a_parse_error(
    mre_connector: Any, mre_pages: CassettePages, mre_case: Case, mre_records: CaseRecords
) -> None:
    crashes = []
    for url in dict.fromkeys(mre_records.asked):
        body = mre_pages.get(url)
        if body is None:
            continue
        for mutation, changed in mutations(body, url):
            mre_pages.changed[url] = changed
            try:
                read_records(mre_connector, mre_pages, mre_case)
            except ConnectorError as exc:
                crashes.append(f"{url} ({mutation}): {exc}")
            except (MreError, AssertionError):
                pass  # the connector's own error, naming the page: what a bad page should give
            finally:
                del mre_pages.changed[url]
    assert not crashes, "\n".join(crashes[:10])


# --- helpers -------------------------------------------------------------------------------


def _ingest(
    loaded: Loaded,
    connector: Any,
    case: Case,
    settings: Settings,
    cassette: Path | None = None,
    force: bool = False,
) -> Ingested:
    return ingest(loaded.registry, connector.source, case, settings, cassette, force)


def _served(connector: Any, server: FaultServer, db: Path, fault: str) -> Settings:
    """Settings that send the connector's hosts to the fault server, pacing lifted."""
    resolve = ",".join(f"{host}=127.0.0.1:{server.port}" for host in connector.info.hosts)
    return Settings(
        database_url=f"sqlite:///{db}",
        http_resolve=resolve,
        http_min_interval_s=0.0,
        http_backoff_base_s=0.01,
        http_backoff_max_s=0.05,
        # Latency is slow but inside the timeout; the timeout fault outlasts it.
        http_read_timeout_s=10.0 if fault == "latency" else 0.5,
    )


def _fault_target(records: CaseRecords) -> str:
    """The first page the last race of the first event was read from."""
    event = records.ingested[0]
    return event.race_urls[event.races[-1].source_race_id][0]


def _half_races(faulted: dict[str, list[dict]], clean: dict[str, list[dict]]) -> list[str]:
    """Races stored with less, or other, than a clean run stores for them."""
    return [
        f"race {race}: {len(_race_rows(faulted, race))} rows, a clean run has "
        f"{len(_race_rows(clean, race))}"
        for race in {(row["event"], row["source_race_id"]) for row in faulted["races"]}
        if _race_rows(faulted, race) != _race_rows(clean, race)
    ]


def _race_rows(content: dict[str, list[dict]], race: tuple) -> list[str]:
    rows = [r for r in content["races"] if (r["event"], r["source_race_id"]) == race]
    rows += [r for r in content["race_drivers"] if r["race"] == race]
    rows += [r for r in content["race_results"] if r["race"] == race]
    rows += [r for r in content["laps"] if r["race_result"][0] == race]
    return sorted(map(repr, rows))


def _package_of(plugin: Any) -> Path:
    """The folder of the top-level package the connector's hooks live in."""
    module = plugin.__name__ if isinstance(plugin, ModuleType) else type(plugin).__module__
    spec = importlib.util.find_spec(module.split(".")[0])
    assert spec is not None and spec.origin is not None, f"cannot find {module}'s package"
    return Path(spec.origin).parent


def _imported(path: Path) -> set[str]:
    """The modules a file imports (`from a import b` counts as a.b too: b may be a module)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            if node.module == "mre_core":
                found.update(f"mre_core.{alias.name}" for alias in node.names)
            else:
                found.add(node.module)
    return found


def _key(record: Any) -> str:
    for name in ("source_race_id", "source_event_id", "source_track_slug", "display_name"):
        if hasattr(record, name):
            return repr(getattr(record, name))
    return ""
