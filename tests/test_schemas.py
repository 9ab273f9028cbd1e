"""Both copies of the JSON Schemas match the record dataclasses, and real records validate."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from referencing import Registry, Resource

from mre_core import schema
from mre_core.records import RECORD_TYPES
from mre_core.schema import schema_files, shipped_schema, to_json
from mre_liverc.pages.catalogue import parse_catalogue
from mre_liverc.pages.race_result import parse_race_result

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "schemas"  # the published copy
SHIPPED = ROOT / "mre_core" / "schemas"  # the copy in the wheel


@pytest.mark.parametrize("folder", [SCHEMAS, SHIPPED], ids=["schemas", "mre_core-schemas"])
def test_committed_schemas_are_exactly_the_generated_ones(folder):
    generated = schema_files()
    on_disk = {p.name: p.read_text(encoding="utf-8") for p in folder.glob("*.json")}
    assert on_disk == generated, (
        "run `python -m mre_core.schema` from the repository's root after changing"
        " mre_core/records.py"
    )


def test_the_shipped_schemas_load_through_importlib_resources():
    for cls in RECORD_TYPES:
        path = resources.files("mre_core") / "schemas" / f"{cls.__name__}.schema.json"
        assert path.is_file()
        assert shipped_schema(cls.__name__) == json.loads(schema_files()[path.name])
    with pytest.raises(KeyError, match="no record named 'Nope'"):
        shipped_schema("Nope")


def test_python_m_mre_core_schema_writes_both_copies_or_the_folder_named(tmp_path, monkeypatch):
    monkeypatch.setattr(schema, "PUBLISHED", tmp_path / "published")
    monkeypatch.setattr(schema, "SHIPPED", tmp_path / "shipped")
    schema.main()
    schema.main(str(tmp_path / "named"))
    for folder in ("published", "shipped", "named"):
        written = {p.name: p.read_text(encoding="utf-8") for p in (tmp_path / folder).iterdir()}
        assert written == schema_files()


def validator(name: str) -> jsonschema.Draft202012Validator:
    registry = Registry().with_resources(
        (p.name, Resource.from_contents(json.loads(p.read_text()))) for p in SCHEMAS.glob("*.json")
    )
    schema = json.loads((SCHEMAS / f"{name}.schema.json").read_text())
    return jsonschema.Draft202012Validator(
        schema, registry=registry, format_checker=jsonschema.FormatChecker()
    )


def test_a_real_race_page_gives_records_that_validate(sample):
    detail = parse_race_result(
        sample("race-result_canberraoffroad_6304829.html"), "https://x.liverc.com/", "6304829"
    )
    validator("RaceDetail").validate(to_json(detail))


def test_real_tracks_validate(sample):
    check = validator("TrackRecord")
    for track in parse_catalogue(sample("track-catalogue.html"))[:50]:
        check.validate(to_json(track))


@pytest.mark.parametrize(
    "broken",
    [
        {"lap_time_seconds": 1.0, "lap_time_raw": "1"},  # lap_number missing
        {"lap_number": "1", "lap_time_seconds": 1.0, "lap_time_raw": "1"},  # wrong type
        {"lap_number": 1, "lap_time_seconds": 1.0, "lap_time_raw": "1", "extra": 1},
    ],
)
def test_the_schemas_refuse_what_the_records_cannot_hold(broken):
    with pytest.raises(jsonschema.ValidationError):
        validator("LapRecord").validate(broken)
