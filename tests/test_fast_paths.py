"""The fast paths read and write exactly what the general code they stand in for does.

Speed work (see bench/RESULTS.md) added short cuts: cells read by walking
the lxml tree instead of by XPath, upsert scopes given as
{field: value} with cached SQL, many rows per INSERT on SQLite. Each is
checked here against the general code, on generated cases and on
hypothesis' variations of them.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from parsel import Selector

from mre_liverc.pages.html import element_shown_text, hidden_above, page_tree, shown_text

# --- cells: the tree walk == the XPath readings ------------------------------------

_FAST_LAP_TIME = (
    ".//text()[not(ancestor::sup)]"
    "[not(ancestor::*[contains(concat(' ', normalize-space(@class), ' '), ' hidden ')])]"
)

_class = st.sampled_from(
    ["", "hidden", " hidden ", "a hidden", "hidden-xs", "xhidden", "hidden\tb", "hidden\xa0b"]
)
_text = st.sampled_from(["", "1", " 2 ", "a b", "\n\t3", "x  y"])


@st.composite
def _markup(draw, depth: int = 0) -> str:
    parts = [draw(_text)]
    for _ in range(draw(st.integers(0, 3 if depth < 3 else 0))):
        kind = draw(st.sampled_from(["div", "span", "sup", "comment"]))
        if kind == "comment":
            parts.append(f"<!-- {draw(_text)} -->")
        else:
            cls = draw(_class)
            attr = f' class="{cls}"' if cls else ""
            parts.append(f"<{kind}{attr}>{draw(_markup(depth + 1))}</{kind}>")
        parts.append(draw(_text))
    return "".join(parts)


@settings(max_examples=300, deadline=None)
@given(outer=_class, row=_class, cells=st.lists(_markup(), min_size=1, max_size=4))
def test_shown_text_of_a_cell_is_the_xpath_reading(outer, row, cells):
    html = (
        f'<html><body><div class="{outer}"><table><tbody><tr class="{row}">'
        + "".join(f"<td>{cell}</td>" for cell in cells)
        + "</tr></tbody></table></div></body></html>"
    )
    doc = Selector(text=html)
    root = page_tree(html, "u")
    for cell, element in zip(doc.xpath("//td"), root.iter("td"), strict=True):
        hidden = hidden_above(element)
        assert element_shown_text(element, hidden) == shown_text(cell)
        in_sup = any(a.tag == "sup" for a in element.iterancestors())
        fast_lap = " ".join(" ".join(cell.xpath(_FAST_LAP_TIME).getall()).split())
        assert element_shown_text(element, hidden or in_sup, skip="sup") == fast_lap


# --- the bulk writer: cached scopes and many rows per statement -------------------


@pytest.fixture
def database(db_url):  # type: ignore[no-untyped-def]
    from mre_core.storage import open_database

    db = open_database(db_url)
    yield db
    db.close()


def _laps(result_ids: list[int], laps: int) -> list[tuple[object, ...]]:
    return [
        (rid, n, 30.0 + n / 1000, f"{30 + n / 1000:.3f}", n % 12 or None, f"{n}/5:00.000", 30.0 * n)
        for rid in result_ids
        for n in range(1, laps + 1)
    ]


def test_scopes_as_mappings_select_what_expressions_select(database):
    from mre_core.storage.bulk import select_values
    from mre_core.storage.models import Driver

    database.execute_sql(
        "INSERT INTO drivers (source, source_driver_id, display_name, normalized_name) VALUES "
        "('liverc', '1', 'A', 'a'), ('liverc', '2', 'B', 'b'), ('other', '1', 'C', 'c')"
    )
    fields = (Driver.id, Driver.display_name)
    cases = [
        ({Driver.source: "liverc"}, Driver.source == "liverc"),
        (
            {Driver.source: "liverc", Driver.source_driver_id: ["2", "3"]},
            (Driver.source == "liverc") & Driver.source_driver_id.in_(["2", "3"]),
        ),
        ({Driver.source_driver_id: []}, Driver.source_driver_id.in_([])),
        (
            {Driver.source: "liverc", Driver.source_driver_id: "1"},
            (Driver.source == "liverc") & (Driver.source_driver_id == "1"),
        ),
    ]
    for mapping, expression in cases:
        assert sorted(select_values(Driver, fields, mapping)) == sorted(
            select_values(Driver, fields, expression)
        )


def test_many_rows_per_statement_write_what_one_row_per_statement_writes(database, monkeypatch):
    from mre_core.service.race_writer import LAP_FIELDS
    from mre_core.storage import bulk
    from mre_core.storage.counts import Counts
    from mre_core.storage.models import Lap

    # Laps alone, with no results to belong to: foreign keys off for this test.
    if bulk.is_postgres(database):
        database.execute_sql("SET session_replication_role = replica")
    else:
        database.execute_sql("PRAGMA foreign_keys = OFF")

    def write(rows: list[tuple[object, ...]]) -> Counts:
        counts = Counts()
        ids = sorted({row[0] for row in rows})
        bulk.upsert_values(
            Lap,
            LAP_FIELDS,
            rows,
            ("race_result", "lap_number"),
            {Lap.race_result: ids},
            counts,
            ids=False,
        )
        return counts

    def table() -> list[tuple[object, ...]]:
        cursor = database.execute_sql(
            "SELECT race_result_id, lap_number, lap_time_seconds, lap_time_raw, position_on_lap, "
            "pace, elapsed_race_time FROM laps ORDER BY race_result_id, lap_number"
        )
        return [tuple(row) for row in cursor.fetchall()]

    rows = _laps([1, 2, 3], 470)  # 1,410 rows: more than one statement's worth
    changed = [row if row[1] % 7 else (*row[:2], row[2] + 1, *row[3:]) for row in rows]
    with database.atomic():
        first = write(rows)
        second = write(changed)
    many = table()
    database.execute_sql("DELETE FROM laps")

    monkeypatch.setattr(bulk, "SQLITE_ROWS", 1)  # one row per statement: executemany
    with database.atomic():
        assert write(rows).as_dict() == first.as_dict()
        assert write(changed).as_dict() == second.as_dict()
    assert table() == many
    assert second.as_dict() == {"laps": {"new": 0, "updated": 201, "unchanged": 1209}}


def test_the_statement_for_many_rows_repeats_the_values_only():
    from mre_core.storage.bulk import _many

    one = 'INSERT INTO "t" ("a", "b") VALUES (?, ?) ON CONFLICT ("a") DO NOTHING'
    many = _many(one, 2, 3, "?")
    assert (
        many
        == 'INSERT INTO "t" ("a", "b") VALUES (?, ?), (?, ?), (?, ?) ON CONFLICT ("a") DO NOTHING'
    )
    assert re.sub(r"(, \(\?, \?\))+", "", many) == one
    postgres = one.replace("?", "%s")  # PostgreSQL's statements: the same, with psycopg's marks
    assert _many(postgres, 2, 3, "%s") == many.replace("?", "%s")
