"""JSON Schemas of the connector records, generated from `mre_core.records`.

Two copies of the output are kept, byte for byte the same:

- `schemas/` at the repository's root, the published copy, so connector
  authors in any language can check what they produce;
- `mre_core/schemas/`, shipped in the wheel as package data, so an installed
  mre has them too: `shipped_schema("TrackRecord")` reads one.

After a record changes, run `python -m mre_core.schema` from the repository's
root: it rewrites both. `python -m mre_core.schema FOLDER` writes only FOLDER.
A test fails while either copy differs from what the records generate.
"""

from __future__ import annotations

import dataclasses
import json
import sys
import types
import typing
from datetime import date, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from mre_core.records import RECORD_TYPES

SCHEMA_ID = "https://github.com/mre-project/mre/schemas/{name}.schema.json"
PUBLISHED = Path("schemas")  # relative to the repository's root, where it is run
SHIPPED = Path(__file__).resolve().with_name("schemas")  # package data: mre_core/schemas


def record_schema(cls: type) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    properties = {}
    required = []
    for field in dataclasses.fields(cls):
        properties[field.name] = _type_schema(hints[field.name])
        if field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING:
            required.append(field.name)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID.format(name=cls.__name__),
        "title": cls.__name__,
        "description": (cls.__doc__ or "").strip().split("\n\n")[0].replace("\n", " "),
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


def _type_schema(hint: Any) -> dict[str, Any]:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        options = [_type_schema(a) for a in args if a is not type(None)]
        schema = options[0] if len(options) == 1 else {"anyOf": options}
        if type(None) in args:
            if "type" in schema:
                return {**schema, "type": [schema["type"], "null"]}
            return {"anyOf": [*schema.get("anyOf", [schema]), {"type": "null"}]}
        return schema
    if origin in (list, tuple):
        return {"type": "array", "items": _type_schema(args[0])}
    if origin is dict:
        return {"type": "object", "additionalProperties": _type_schema(args[1])}
    if dataclasses.is_dataclass(hint):
        return {"$ref": f"{hint.__name__}.schema.json"}
    simple = {str: "string", int: "integer", float: "number", bool: "boolean"}
    if hint in simple:
        return {"type": simple[hint]}
    if hint is datetime:
        return {"type": "string", "format": "date-time"}
    if hint is date:
        return {"type": "string", "format": "date"}
    raise TypeError(f"no JSON Schema for {hint!r}")


def schema_files() -> dict[str, str]:
    return {
        f"{cls.__name__}.schema.json": json.dumps(record_schema(cls), indent=2) + "\n"
        for cls in RECORD_TYPES
    }


def to_json(record: Any) -> Any:
    """A record as the plain JSON its schema describes (dates as ISO text)."""
    if dataclasses.is_dataclass(record):
        return {f.name: to_json(getattr(record, f.name)) for f in dataclasses.fields(record)}
    if isinstance(record, list | tuple):
        return [to_json(item) for item in record]
    if isinstance(record, dict):
        return {key: to_json(value) for key, value in record.items()}
    if isinstance(record, datetime | date):
        return record.isoformat()
    return record


def shipped_schema(name: str) -> dict[str, Any]:
    """The JSON Schema of record `name` ("TrackRecord") as shipped with the installed mre."""
    if name not in {cls.__name__ for cls in RECORD_TYPES}:
        known = ", ".join(sorted(cls.__name__ for cls in RECORD_TYPES))
        raise KeyError(f"no record named {name!r} (known: {known})")
    shipped = resources.files("mre_core") / "schemas" / f"{name}.schema.json"
    return json.loads(shipped.read_text(encoding="utf-8"))


def validator(name: str) -> Any:
    """A jsonschema validator of record `name` against the shipped schemas, the records
    it refers to resolved among them (jsonschema is a test dependency: imported here)."""
    import jsonschema
    from referencing import Registry, Resource

    folder = resources.files("mre_core") / "schemas"
    registry = Registry().with_resources(
        (f"{cls.__name__}.schema.json", Resource.from_contents(shipped_schema(cls.__name__)))
        for cls in RECORD_TYPES
    )
    return jsonschema.Draft202012Validator(
        json.loads((folder / f"{name}.schema.json").read_text(encoding="utf-8")),
        registry=registry,
        format_checker=jsonschema.FormatChecker(),
    )


def write_schemas(folder: Path) -> None:
    folder.mkdir(exist_ok=True)
    for name, text in schema_files().items():
        (folder / name).write_text(text, encoding="utf-8")
        print(folder / name)


def main(*folders: str) -> None:
    for folder in [Path(f) for f in folders] or [PUBLISHED, SHIPPED]:
        write_schemas(folder)


if __name__ == "__main__":
    if len(sys.argv) > 2 or any(arg.startswith("-") for arg in sys.argv[1:]):
        sys.exit(
            "usage: python -m mre_core.schema [FOLDER]"
            "  (default: schemas/ and mre_core/schemas/, from the repository's root)"
        )
    main(*sys.argv[1:])
