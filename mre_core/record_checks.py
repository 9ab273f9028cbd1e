"""What a connector returns, checked at the boundary before the core uses any of it.

A connector is third-party code: a dict where a record belongs, a lap time
left as text or a record without its key would otherwise surface deep in
the writer as an internal error, or worse, be stored. Each hook's answer is
checked against the hook's declared return type (`hookspecs`) and each
record against its dataclass's annotations, so the rules follow the
declarations instead of a hand-written list per record. The checks are
exact-type checks, cheap enough for every lap of every race.

An answer that fails raises `InvalidAnswerError` with the path of the bad value
(`results[3].laps[2].lap_time_seconds`); `plugins.Connector` turns it into
a `ConnectorError` that names the connector and the hook.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass
from functools import cache
from typing import Any

from mre_core import hookspecs, records
from mre_core.http import SourceHttp


class InvalidAnswerError(Exception):
    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}" if path else problem)


_RECORD = object  # a _Field's `container` for a record nested as is, not in a list


@dataclass(frozen=True, slots=True)
class _Field:
    name: str
    accepts: tuple[type, ...]  # exact types; float also takes int
    nullable: bool
    container: type | None  # list, tuple, dict, or _RECORD
    item: type | None  # the type of a container's items (a record type for lists)
    key: bool
    values: tuple[type, ...] = ()  # a dict's value types (exact)


def check_answer(hook: str, answer: object) -> None:
    """Raise InvalidAnswerError unless `answer` is what `hook` is declared to return."""
    expected = _returns(hook)
    if typing.get_origin(expected) is list:
        (item,) = typing.get_args(expected)
        if type(answer) is not list:
            raise InvalidAnswerError("", f"expected a list of {item.__name__}, got {_kind(answer)}")
        keys: set[str] = set()
        for index, record in enumerate(answer):
            _check_record(record, item, f"[{index}]")
            key = _key_of(record)
            if key is not None:
                if key in keys:
                    raise InvalidAnswerError(f"[{index}]", f"{item.__name__} {key!r} listed twice")
                keys.add(key)
    else:
        _check_record(answer, expected, "")


def _check_record(value: object, cls: type, path: str) -> None:
    if type(value) is not cls:
        raise InvalidAnswerError(path, f"expected {cls.__name__}, got {_kind(value)}")
    for spec in _fields(cls):
        _check_value(getattr(value, spec.name), spec, f"{path}.{spec.name}".lstrip("."))


def _check_value(value: object, spec: _Field, path: str) -> None:
    if value is None:
        if not spec.nullable:
            raise InvalidAnswerError(path, "is None, and it may not be")
        return
    if spec.container is list:
        if type(value) is not list:
            raise InvalidAnswerError(path, f"expected a list, got {_kind(value)}")
        assert spec.item is not None
        for index, item in enumerate(value):
            _check_record(item, spec.item, f"{path}[{index}]")
        return
    if spec.container is tuple:
        if type(value) is not tuple or any(type(item) is not spec.item for item in value):
            raise InvalidAnswerError(path, f"expected a tuple of {_name(spec.item)}, got {value!r}")
        return
    if spec.container is dict:
        if type(value) is not dict:
            raise InvalidAnswerError(path, f"expected a dict, got {_kind(value)}")
        for k, v in value.items():
            if type(k) is not str or type(v) not in spec.values:
                shown = " | ".join(_name(t) for t in spec.values)
                raise InvalidAnswerError(f"{path}[{k!r}]", f"expected {shown}, got {_kind(v)}")
        return
    if spec.container is _RECORD:
        _check_record(value, spec.accepts[0], path)
        return
    if type(value) not in spec.accepts:
        raise InvalidAnswerError(
            path, f"expected {_name(spec.accepts[0])}, got {_kind(value)} {value!r:.60}"
        )
    if spec.key and not value:
        raise InvalidAnswerError(path, "is empty, and it is the record's key")


def _key_of(record: object) -> str | None:
    for spec in _fields(type(record)):
        if spec.key:
            return getattr(record, spec.name)
    return None


@cache
def _returns(hook: str) -> Any:
    names = {**vars(records), "SourceHttp": SourceHttp}
    return typing.get_type_hints(getattr(hookspecs, hook), localns=names)["return"]


@cache
def _fields(cls: type) -> tuple[_Field, ...]:
    hints = typing.get_type_hints(cls)
    return tuple(_field(f, hints[f.name]) for f in dataclasses.fields(cls))


def _field(f: dataclasses.Field[Any], hint: Any) -> _Field:
    args = typing.get_args(hint)
    nullable = isinstance(hint, types.UnionType) and type(None) in args
    if nullable:
        (hint,) = [a for a in args if a is not type(None)]
    container = typing.get_origin(hint)
    key = bool(f.metadata.get("key"))
    if dataclasses.is_dataclass(hint):
        return _Field(f.name, (hint,), nullable, _RECORD, None, key)
    if container is None:
        accepts = (float, int) if hint is float else (hint,)
        return _Field(f.name, accepts, nullable, None, None, key)
    args = typing.get_args(hint)
    values = ()
    if container is dict:
        values = tuple(typing.get_args(args[1]) or (args[1],))
        values = tuple(type(None) if v is None else v for v in values)
    return _Field(f.name, (container,), nullable, container, args[0], key, values)


def _kind(value: object) -> str:
    return "None" if value is None else type(value).__name__


def _name(t: type | None) -> str:
    return "None" if t is None else t.__name__
