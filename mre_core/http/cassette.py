"""`--replay` and `--record`: HTTP traffic from and to vcrpy cassettes.

Replay serves every request from the cassette and sends nothing to the
network: a request the cassette lacks is an error naming the URL. Record
adds to a cassette: what it already holds is replayed, what it lacks is
fetched (politely, as always) and written when the operation ends. Either
way an existing file must be a cassette: a typo'd path never overwrites
something else.

An existing cassette is read and parsed once (YAML with libyaml's C loader,
as vcrpy does): the check that it is a cassette keeps what it parsed, and
vcrpy is handed that instead of reading the file again. A 24 MB cassette
(a 120-race event) takes about half a second to load.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal

import vcr
from vcr.persisters.filesystem import FilesystemPersister
from vcr.record_mode import RecordMode
from vcr.request import Request as VcrRequest
from vcr.serialize import deserialize
from vcr.serializers import yamlserializer

from mre_core.errors import UsageError, first_line
from mre_core.http.resolve import ORIGINAL_URL_HEADER

Mode = Literal["replay", "record"]


class Cassette:
    def __init__(self, path: str | Path, mode: Mode) -> None:
        self.path = Path(path)
        self.mode = mode
        self._parsed: dict[str, Any] | None = None
        if mode == "replay" or self.path.exists():  # record adds to a cassette, never a file
            self._parsed = self._read()

    @property
    def replaying(self) -> bool:
        return self.mode == "replay"

    def _read(self) -> dict[str, Any]:
        return read_cassette(self.path)

    @contextmanager
    def active(self) -> Iterator[None]:
        if self.mode == "record":
            self.path.parent.mkdir(parents=True, exist_ok=True)
        recorder = vcr.VCR(
            serializer="yaml",
            record_mode=RecordMode.NONE if self.replaying else RecordMode.NEW_EPISODES,
            match_on=["method", "uri"],
            decode_compressed_response=True,
            before_record_request=_canonical_request,
        )
        if self._parsed is not None:
            recorder.register_persister(_AlreadyParsed(self._parsed))
            self._parsed = None  # handed over once; a second session reads the file
        with recorder.use_cassette(str(self.path)):
            yield


def read_cassette(path: Path) -> dict[str, Any]:
    """A cassette file's content as vcrpy wrote it; UsageError if it is not one."""
    if not path.exists():
        raise UsageError(f"cassette {path} does not exist")
    if not path.is_file():
        raise UsageError(f"{path} is not a cassette: not a file")
    try:
        data = yamlserializer.deserialize(path.read_text(encoding="utf-8"))
    except Exception as exc:
        raise UsageError(f"{path} is not a cassette: {first_line(exc)}") from None
    if not isinstance(data, dict) or not isinstance(data.get("interactions"), list):
        raise UsageError(f"{path} is not a cassette: no 'interactions' list")
    return data


class _AlreadyParsed:
    """A vcrpy persister that loads a cassette from what `Cassette._read` parsed.

    Loading goes through vcrpy's own `deserialize`, exactly as its file
    persister does after parsing the file; saving is the file persister's.
    """

    def __init__(self, data: dict[str, Any]) -> None:
        self._data = data

    def load_cassette(self, cassette_path: str, serializer: Any) -> Any:
        return deserialize("", _Given(self._data))

    def save_cassette(self, cassette_path: str, cassette_dict: Any, serializer: Any) -> None:
        FilesystemPersister.save_cassette(cassette_path, cassette_dict, serializer=serializer)


class _Given:
    """A serializer whose text is already parsed."""

    def __init__(self, data: dict[str, Any]) -> None:
        self._data = data

    def deserialize(self, cassette_string: str) -> dict[str, Any]:
        return self._data


def _canonical_request(request: VcrRequest) -> VcrRequest:
    """Record the URL the connector asked for, not the loopback it was resolved to, and
    none of the request's headers but the harmless ones: a connector's API key (say)
    must never end up in a cassette someone shares."""
    original = request.headers.pop(ORIGINAL_URL_HEADER, None)
    if original:
        request.uri = original
    request.headers = {
        name: value for name, value in request.headers.items() if name.lower() in _KEPT_HEADERS
    }
    return request


_KEPT_HEADERS = frozenset({"user-agent", "accept", "accept-encoding"})
