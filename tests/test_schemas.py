"""schemas/ and the record dataclasses stay in step, and real records validate."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from referencing import Registry, Resource

from mre_core.schema import schema_files, to_json
from mre_liverc.pages.catalogue import parse_catalogue
from mre_liverc.pages.race_result import parse_race_result

SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"


def test_committed_schemas_are_exactly_the_generated_ones():
    generated = schema_files()
    on_disk = {p.name: p.read_text(encoding="utf-8") for p in SCHEMAS.glob("*.json")}
    assert on_disk == generated, (
        "run `python -m mre_core.schema` after changing mre_core/records.py"
    )


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
