"""Hostile pages: too big on the wire, too big unpacked, or sent too slowly.

Each is served for real on loopback: by the LiveRC simulator where it can
(pages with a Content-Length), else by `Hostile`, a server that answers
every request with one misbehaving answer (chunked without end, a gzip
bomb, a byte at a time). Memory is measured with tracemalloc: a refused
page must cost about the cap, never what the server meant to send. Backoff
waits are recorded, not slept (`Sleeps`).
"""

from __future__ import annotations

import gzip
import re
import threading
import time
import tracemalloc
import zlib
from collections.abc import Callable, Iterator
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType

import pytest

from mre_core.cli.main import main
from mre_core.errors import NetworkError, PageTooLargeError, ParseError
from mre_core.http import HttpClient
from mre_core.http.cassette import Cassette
from mre_core.service.ingestion import IngestionService
from mre_core.settings import Settings
from mre_core.storage.models import Event, IngestionRun, Race
from tests.liverc_site.site import race_url
from tests.test_faults import prepare
from tests.test_http_client import CATALOGUE, LIVERC, Sleeps

LIMIT = 1_000_000
REFUSED = f"page too large: {CATALOGUE} has more than 1,000,000 bytes (MRE_HTTP_MAX_BODY_BYTES)"
PAGE = b"<html><body>" + b"<p>results</p>" * 1000 + b"</body></html>"

Answer = Callable[["_Handler"], None]


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def do_GET(self) -> None:
        with self.server.lock:
            self.server.requests.append(dict(self.headers))
            answers, seen = self.server.answers, len(self.server.requests)
            answer = answers[min(seen, len(answers)) - 1]
        try:
            answer(self)
        except OSError:  # the client hung up, as it should on a refused page
            self.close_connection = True

    def head(self, **headers: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=UTF-8")
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    answers: list[Answer]
    requests: list[dict[str, str]]
    lock: threading.Lock
    stopping: threading.Event


class Hostile:
    """A loopback server: request n gets `answers[n]` (the last one from then on)."""

    def __init__(self, *answers: Answer) -> None:
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.answers = list(answers)
        self._server.requests = []
        self._server.lock = threading.Lock()
        self._server.stopping = threading.Event()
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,))

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def requests(self) -> list[dict[str, str]]:
        """The headers of each request received, in order."""
        with self._server.lock:
            return list(self._server.requests)

    def __enter__(self) -> Hostile:
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._server.stopping.set()  # wakes answers still dripping
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()


def endless(h: _Handler, coding: str = "identity", first: bytes = b"") -> None:
    h.head(Transfer_Encoding="chunked", Content_Encoding=coding)
    if first:
        h.wfile.write(b"%x\r\n%s\r\n" % (len(first), first))
    block = b"x" * 65536
    chunk = b"%x\r\n%s\r\n" % (len(block), block)
    while True:
        h.wfile.write(chunk)


def gzip_then_endless(h: _Handler) -> None:
    """A small gzip, then bytes without end: they unpack to nothing, zlib keeps them aside."""
    endless(h, "gzip", gzip.compress(PAGE))


def announces_ten_gigabytes(h: _Handler) -> None:
    h.head(Content_Length=str(10 << 30))
    h.server.stopping.wait()  # and sends none of it


def packed(body: bytes, coding: str) -> Answer:
    def answer(h: _Handler) -> None:
        h.head(Content_Encoding=coding, Content_Length=str(len(body)))
        h.wfile.write(body)

    return answer


def drip(h: _Handler) -> None:
    """100 bytes, one every 0.2 s: each read gets a byte well within any read timeout."""
    h.head(Content_Length="100")
    for _ in range(100):
        h.wfile.write(b"x")
        if h.server.stopping.wait(0.2):
            return


def plain(h: _Handler) -> None:
    h.head(Content_Length=str(len(PAGE)))
    h.wfile.write(PAGE)


@pytest.fixture(scope="module")
def bomb() -> bytes:
    """64 MiB of zeros, gzipped to about 64 KB: far under the cap packed, 64 times it unpacked."""
    return gzip.compress(bytes(64 << 20))


def limited(port: int, **overrides: float) -> Settings:
    """Settings sending *.liverc.com to `port`: a 1 MB cap, two tries, no pacing."""
    settings = Settings(
        http_resolve=f"*.liverc.com=127.0.0.1:{port}",
        http_min_interval_s=0.0,
        http_max_body_bytes=LIMIT,
        http_read_timeout_s=5.0,
        http_max_tries=2,
    )
    return replace(settings, **overrides)


def fetch(settings: Settings, cassette: Path | None = None) -> str:
    """Fetch the catalogue page (in --record mode onto `cassette`, if given)."""
    recording = Cassette(cassette, "record") if cassette else None
    with HttpClient(settings, recording, sleep=Sleeps()) as http:
        if recording is None:
            return http.for_connector(LIVERC).get(CATALOGUE).text
        with recording.active():
            return http.for_connector(LIVERC).get(CATALOGUE).text


def peak_bytes(call: Callable[[], object]) -> int:
    """The most memory Python held at once while `call` ran (it is expected to raise)."""
    tracemalloc.start()
    try:
        with pytest.raises(PageTooLargeError):
            call()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


MODES = ["fetch", "record"]


@pytest.fixture(params=MODES)
def cassette(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Path | None]:
    """None (a plain fetch), or the path of a cassette being recorded, which must stay
    unwritten: vcrpy reads (and unpacks) a whole body before handing it on, so the
    limits must hold below it."""
    if request.param == "fetch":
        yield None
        return
    path = tmp_path / "recorded.yaml"
    yield path
    assert not path.exists()


# --- the size cap -------------------------------------------------------------------


@pytest.mark.parametrize(("size", "refused"), [(LIMIT, False), (LIMIT + 1, True)])
def test_a_page_with_a_content_length_over_the_cap_is_refused_and_not_retried(
    simulator, pages, size, refused
):
    pages.override(CATALOGUE, b"x" * size)
    settings = limited(simulator.port)
    if refused:
        with pytest.raises(PageTooLargeError) as info:
            fetch(settings)
        assert str(info.value) == REFUSED
        assert (info.value.code, info.value.exit_code) == ("page_too_large", 4)
    else:
        assert len(fetch(settings)) == LIMIT
    assert len(simulator.requests) == 1


def test_a_content_length_over_the_cap_refuses_the_page_before_its_body(cassette):
    """The body never comes: only the Content-Length can have refused it (else: a read
    timeout, retried)."""
    with Hostile(announces_ten_gigabytes) as server:
        with pytest.raises(PageTooLargeError, match=re.escape(REFUSED)):
            fetch(limited(server.port), cassette)
        assert len(server.requests) == 1


@pytest.mark.timeout(60)  # without the cap, it reads for ever
def test_an_endless_body_is_refused_once_past_the_cap(cassette):
    with Hostile(endless) as server:
        peak = peak_bytes(lambda: fetch(limited(server.port), cassette))
        assert len(server.requests) == 1
    assert peak < 4 * LIMIT


@pytest.mark.timeout(60)  # without the cap, it reads for ever
def test_an_endless_body_that_unpacks_to_nothing_is_refused_by_its_size_on_the_wire(cassette):
    with Hostile(gzip_then_endless) as server:
        peak = peak_bytes(lambda: fetch(limited(server.port), cassette))
        assert len(server.requests) == 1
    assert peak < 4 * LIMIT


def test_a_gzip_bomb_is_refused_having_unpacked_about_the_cap(bomb, cassette):
    with Hostile(packed(bomb, "gzip")) as server:
        peak = peak_bytes(lambda: fetch(limited(server.port), cassette))
        assert len(server.requests) == 1
    assert len(bomb) < LIMIT // 10  # refused for what it unpacks to, not its size on the wire
    assert peak < 4 * LIMIT


@pytest.mark.parametrize(
    "pack",
    [
        pytest.param(("gzip", gzip.compress), id="gzip"),
        pytest.param(("deflate", zlib.compress), id="deflate"),
        pytest.param(
            ("deflate", lambda b: zlib.compress(b, wbits=-zlib.MAX_WBITS)), id="raw deflate"
        ),
    ],
)
def test_packed_pages_under_the_cap_are_unpacked_and_recorded_unpacked(pack, tmp_path):
    coding, compress = pack
    cassette = tmp_path / "recorded.yaml"
    with Hostile(packed(compress(PAGE), coding)) as server:
        settings = limited(server.port)
        assert fetch(settings) == PAGE.decode()
        assert fetch(settings, cassette) == PAGE.decode()
        [plain_request, *_] = server.requests
    assert plain_request["Accept-Encoding"] == "gzip, deflate"
    replay = Cassette(cassette, "replay")
    with replay.active(), HttpClient(settings, replay) as http:
        assert http.for_connector(LIVERC).get(CATALOGUE).text == PAGE.decode()


@pytest.mark.parametrize(
    ("body", "coding", "detail"),
    [
        (PAGE, "br", "answered in Content-Encoding 'br', not asked for"),
        (
            b"not gzip at all",
            "gzip",
            "its gzip body is corrupt: Error -3 while decompressing data: incorrect header check",
        ),
    ],
)
def test_a_page_mre_cannot_unpack_is_refused_and_not_retried(body, coding, detail):
    with Hostile(packed(body, coding)) as server:
        with pytest.raises(ParseError) as info:
            fetch(limited(server.port))
        assert len(server.requests) == 1
    assert str(info.value) == f"cannot read {CATALOGUE}: {detail}"
    assert info.value.exit_code == 4


# --- the deadline -------------------------------------------------------------------


def test_a_body_sent_a_byte_at_a_time_ends_at_the_deadline_and_is_retried(cassette):
    """No read waits a second, so only the whole request's deadline can end each try,
    which would otherwise take 20 s."""
    with Hostile(drip) as server:
        settings = limited(server.port, http_read_timeout_s=1.0, http_total_timeout_s=1.0)
        started = time.monotonic()
        with pytest.raises(NetworkError) as info:
            fetch(settings, cassette)
        elapsed = time.monotonic() - started
        assert len(server.requests) == 2
    assert str(info.value) == (
        f"{CATALOGUE} failed after 2 tries: ReadTimeout: the request took more than 1 s "
        "in all (MRE_HTTP_TOTAL_TIMEOUT_S)"
    )
    assert info.value.exit_code == 5
    assert elapsed < 6


def test_a_try_that_ran_out_of_time_is_retried_like_any_timeout():
    with Hostile(drip, plain) as server:
        settings = limited(server.port, http_read_timeout_s=1.0, http_total_timeout_s=1.0)
        assert fetch(settings) == PAGE.decode()
        assert len(server.requests) == 2


# --- end to end ---------------------------------------------------------------------


def test_ingesting_an_event_with_an_oversized_race_page_fails_it_and_marks_nothing(
    settings, simulator, pages, event, capsys, monkeypatch
):
    track, ev = event
    with IngestionService.open(settings=settings) as service:
        prepare(service, track)
    oversized = race_url(track.slug.lower(), ev.races[2].race_id)
    pages.override(oversized, b"<html>" + b"x" * 100_000 + b"</html>")
    for name, value in {
        "MRE_HTTP_RESOLVE": settings.http_resolve,
        "MRE_HTTP_MIN_INTERVAL_S": "0",
        "MRE_HTTP_MAX_BODY_BYTES": "100000",
    }.items():
        monkeypatch.setenv(name, value)

    args = ["--db", settings.database_url, "events", "ingest", "--event", str(ev.event_id)]
    assert main(args) == 4
    message = f"page too large: {oversized} has more than 100,000 bytes (MRE_HTTP_MAX_BODY_BYTES)"
    assert capsys.readouterr().err.strip().splitlines()[-1] == f"mre: error: {message}"
    assert [r.url for r in simulator.requests].count(oversized) == 1  # never retried

    with IngestionService.open(settings=settings):
        run = IngestionRun.select().where(IngestionRun.operation == "ingest_event").get()
        assert (run.status, run.error_code, run.error_message) == (
            "failed",
            "page_too_large",
            message,
        )
        assert Event.get(Event.source_event_id == str(ev.event_id)).ingest_depth == "none"
        written = {r.source_race_id for r in Race.select()}
        assert str(ev.races[2].race_id) not in written
