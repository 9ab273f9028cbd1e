"""Every earlier release's database upgrades in place and equals a fresh one fed the same data.

For each dump in tests/releases (a database that release's own code made):
load it, upgrade it as a user would (SQLite: any command; PostgreSQL:
`mre db upgrade`), then load the same data into a database the migrations
made from nothing up to that release's schema, upgrade that too, and
compare the two table by table: the schema (columns, types, keys, indexes,
constraints) and every row, ids included. A release whose own schema was
not the migrations' fails here, and a migration that dropped or changed a
row fails in the runner. (The data goes in at the release's schema since
schema 7 moved a column's values into another: the same rows cannot load
into today's tables. test_migrations checks what each migration does to
the rows.)
"""

from __future__ import annotations

import re

import pytest

from mre_core.cli.main import main
from mre_core.storage import schema as versions
from mre_core.storage.database import connect
from mre_core.storage.migrations import CODE_VERSION, MIGRATIONS
from tests.conftest import ROOT, _postgres_base
from tests.pg_schema import postgres_schema
from tests.releases import load_postgres, load_sqlite, releases
from tests.schema_shape import rows, schema_shape

RELEASES = releases()
CHANGELOG = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")


def test_there_is_a_dump_of_every_release_in_the_changelog():
    """A release (a dated version in CHANGELOG.md) without a dump would go untested."""
    released = re.findall(r"^## \[(\d+\.\d+\.\d+)\] - \d{4}-\d{2}-\d{2}$", CHANGELOG, re.M)
    assert released, "no dated release found in CHANGELOG.md"
    assert sorted(released, key=lambda v: tuple(int(p) for p in v.split("."))) == RELEASES


@pytest.mark.parametrize("release", RELEASES)
def test_a_sqlite_database_of_an_earlier_release_upgrades_with_nothing_lost(
    release, tmp_path, capsys
):
    old, fresh = tmp_path / "old.db", tmp_path / "fresh.db"
    load_sqlite(old, release)
    made = versions.database_version(connect(f"sqlite:///{old}"))
    assert main(["--db", f"sqlite:///{old}", "tracks", "list", "--json"]) == 0  # upgrades first
    versions.upgrade(connect(f"sqlite:///{fresh}"), _as_of(made))
    load_sqlite(fresh, release, schema=False)
    versions.upgrade(connect(f"sqlite:///{fresh}"))
    capsys.readouterr()

    _assert_same(connect(f"sqlite:///{old}"), connect(f"sqlite:///{fresh}"))


@pytest.mark.parametrize("release", RELEASES)
def test_a_postgresql_database_of_an_earlier_release_upgrades_with_nothing_lost(release, capsys):
    base = _postgres_base()
    if base is None:
        pytest.skip("no PostgreSQL server: set MRE_TEST_POSTGRES_URL (CI does)")
    with postgres_schema(base) as old_url, postgres_schema(base) as fresh_url:
        load_postgres(old_url, release)
        made = versions.database_version(connect(old_url))
        assert made < CODE_VERSION
        assert main(["--db", old_url, "tracks", "list"]) == 7  # shared: refused until upgraded
        assert main(["--db", old_url, "db", "upgrade"]) == 0
        assert capsys.readouterr().out.startswith(f"database schema {made} -> {CODE_VERSION}:\n")
        versions.upgrade(connect(fresh_url), _as_of(made))
        load_postgres(fresh_url, release, schema=False)
        assert main(["--db", fresh_url, "db", "upgrade"]) == 0
        _assert_same(connect(old_url), connect(fresh_url))


def _as_of(version: int) -> list:  # type: ignore[type-arg]
    """The migrations that made a release's schema; 0.1.0 kept no version: its tables are
    migration 1's."""
    return MIGRATIONS[: max(version, 1)]


def _assert_same(upgraded, fresh) -> None:  # type: ignore[no-untyped-def]
    assert versions.database_version(upgraded) == CODE_VERSION
    shape = schema_shape(upgraded)
    assert shape == schema_shape(fresh)
    counts = {}
    for table in shape:
        if table == "schema_version":
            continue  # when each was upgraded: differs by design
        kept = rows(upgraded, table)
        assert kept == rows(fresh, table), table
        counts[table] = len(kept)
    # the dump fills every table a release had: all were compared (only fetching fills
    # the site budgets of schema 3; the run logs of schema 6 and the practice tables of
    # schema 8 come after every release)
    later = {"site_budgets", "site_slots", "run_logs"}
    later |= {"practice_days", "practice_sessions", "practice_laps"}
    filled = {t: n for t, n in counts.items() if t not in later}
    assert min(filled.values()) > 0, counts
    upgraded.close()
    fresh.close()
