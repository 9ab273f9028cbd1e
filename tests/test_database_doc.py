"""docs/database.md: what the models make, every column described, its queries running."""

from __future__ import annotations

import csv
import io
import re

import pytest

from mre_core.cli.main import main
from mre_core.export import EXPORTS, export
from mre_core.service.ingestion import IngestionService
from mre_core.storage import describe
from mre_core.storage.models import ALL_MODELS
from tests.liverc_site.demo import DEMO_CASSETTE, demo_commands, demo_event, demo_site

SITE = demo_site()
TRACK, EVENT = demo_event(SITE)


def _document() -> str:
    return describe.DOCUMENT.read_text(encoding="utf-8")


def _section(text: str, heading: str) -> str:
    """The text under `### heading`, up to the next heading."""
    start = text.index(f"\n### {heading}\n") + len(heading) + 6
    end = text.find("\n#", start)
    return text[start : end if end != -1 else None]


def _first_column(section: str) -> list[str]:
    """The backquoted names in the first column of the section's table."""
    return re.findall(r"^\| `([^`]+)` \|", section, re.MULTILINE)


def test_the_document_is_what_the_models_make():
    assert _document() == describe.render(), (
        "docs/database.md is stale: run `python -m mre_core.storage.describe`"
    )
    assert describe.main(["--check"]) == 0


def test_every_table_and_column_is_described():
    for model in ALL_MODELS:
        assert describe.table_description(model)
        for field in model._meta.sorted_fields:
            assert describe.column_description(model, field), field.column_name


def test_each_export_lists_exactly_its_columns(tmp_path):
    text = _document()
    for name, declared in EXPORTS.items():
        assert _first_column(_section(text, f"export: {name}")) == declared.column_names


def test_the_documented_columns_are_the_database_s(db_url):
    text = _document()
    with IngestionService.open(db_url) as service:
        db = service.db
        for model in ALL_MODELS:
            table = model._meta.table_name
            cursor = db.execute_sql(f'SELECT * FROM "{table}" WHERE 1=0')
            columns = [c[0] for c in cursor.description]
            assert _first_column(_section(text, table)) == columns, table


def test_export_headers_are_the_documented_columns(db_url, capsys):
    text = _document()
    with IngestionService.open(db_url) as service:
        for name in EXPORTS:
            out = io.StringIO()
            export(service, name, "csv", out)
            header = next(csv.reader(io.StringIO(out.getvalue())))
            assert header == _first_column(_section(text, f"export: {name}"))


def test_the_example_queries_run_on_the_demo(db_url):
    for args in demo_commands(SITE):
        assert main(["-q", "--db", db_url, "--replay", str(DEMO_CASSETTE), *args]) == 0
    text = _document()
    answers = {}
    with IngestionService.open(db_url) as service:
        for title, sql in describe.EXAMPLES:
            assert f"```sql\n{sql}\n```" in text
            answers[title] = service.db.execute_sql(sql).fetchall()
    best, results, laps = answers.values()
    zane: dict[str, list[float]] = {}
    for race in EVENT.races:
        for result in race.results:
            if result.driver.driver_id == 664653:
                zane.setdefault(race.class_name, []).extend(x.time_ms / 1000 for x in result.laps)
    expected = sorted((TRACK.name, c, min(t), len(t)) for c, t in zane.items())
    assert sorted(best) == expected
    assert len(expected) == 2  # two classes at one track
    assert results[0][:3] == ("1/10 4WD Buggy (Heat 1/1)", 1, "ZANE GIBSON")
    first_heat = EVENT.races[0]
    assert len(laps) == sum(len(r.laps) for r in first_heat.results)
    assert laps[:2] == [("ZANE GIBSON", 1, 31.877, 2), ("ZANE GIBSON", 2, 28.557, 1)]


@pytest.mark.parametrize("model", ALL_MODELS, ids=lambda m: m._meta.table_name)
def test_every_table_has_a_section(model):
    assert f"\n### {model._meta.table_name}\n" in _document()
