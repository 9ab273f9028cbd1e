"""`--replay` and `--record`: HTTP traffic from and to vcrpy cassettes.

Replay serves every request from the cassette and sends nothing to the
network: a request the cassette lacks is an error naming the URL. Record
adds to a cassette: what it already holds is replayed, what it lacks is
fetched (politely, as always) and written when the operation ends.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Literal

import vcr
from vcr.record_mode import RecordMode
from vcr.request import Request as VcrRequest
from vcr.serializers import yamlserializer

from mre_core.errors import UsageError, first_line
from mre_core.http.resolve import ORIGINAL_URL_HEADER

Mode = Literal["replay", "record"]


class Cassette:
    def __init__(self, path: str | Path, mode: Mode) -> None:
        self.path = Path(path)
        self.mode = mode
        if mode == "replay":
            self._check_readable()

    @property
    def replaying(self) -> bool:
        return self.mode == "replay"

    def _check_readable(self) -> None:
        if not self.path.is_file():
            raise UsageError(f"cassette {self.path} does not exist")
        try:
            data = yamlserializer.deserialize(self.path.read_text(encoding="utf-8"))
        except Exception as exc:
            raise UsageError(f"{self.path} is not a cassette: {first_line(exc)}") from None
        if not isinstance(data, dict) or not isinstance(data.get("interactions"), list):
            raise UsageError(f"{self.path} is not a cassette: no 'interactions' list")

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
        with recorder.use_cassette(str(self.path)):
            yield


def _canonical_request(request: VcrRequest) -> VcrRequest:
    """Record the URL the connector asked for, not the loopback it was resolved to."""
    original = request.headers.pop(ORIGINAL_URL_HEADER, None)
    if original:
        request.uri = original
    return request
