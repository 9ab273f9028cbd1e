"""Command line: ``python -m tests.liverc_site serve|write|record-demo``.

``serve`` runs the simulator in the foreground for manual poking (curl with
``-H 'Host: synthtrack.liverc.com'``); ``write DIR`` renders every page to
files, one folder per host, with ``urls.tsv`` mapping URL -> file.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import threading
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

from .demo import DEMO_CASSETTE, record
from .generate import generate_site
from .server import LiveRCSimulator
from .site import SitePages


def _site_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--tracks", type=int, default=3)
    p.add_argument("--events", type=int, default=3, help="events per track")
    p.add_argument("--races", type=int, default=6, help="races per event")
    p.add_argument("--drivers", type=int, default=8, help="drivers per race")
    p.add_argument("--laps", type=int, default=10, help="laps per race (about)")
    p.add_argument("--classes", type=int, default=3)
    p.add_argument("--catalogue-only", type=int, default=0, help="extra catalogue-only tracks")


def _pages(a: argparse.Namespace) -> SitePages:
    return SitePages(
        generate_site(
            a.seed,
            tracks=a.tracks,
            events_per_track=a.events,
            races=a.races,
            drivers_per_race=a.drivers,
            laps_per_race=a.laps,
            classes=a.classes,
            catalogue_only_tracks=a.catalogue_only,
        )
    )


def file_name(url: str) -> str:
    """Relative file path for a page URL: host/events/index.html, host/results/view_event_1.html."""
    parts = urlsplit(url)
    params = dict(parse_qsl(parts.query))
    path = parts.path.strip("/")
    if params:
        stem = "_".join(v for v in (params.get("p"), params.get("id")) if v) or "page"
        return f"{parts.hostname}/{path}/{stem}.html"
    return f"{parts.hostname}/{path + '/' if path else ''}index.html"


def write(pages: SitePages, out: Path) -> int:
    lines = []
    for url in pages:
        rel = file_name(url)
        target = out / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(pages[url])
        lines.append(f"{url}\t{rel}\n")
    (out / "urls.tsv").write_text("".join(lines), encoding="utf-8")
    return len(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.liverc_site")
    sub = parser.add_subparsers(dest="cmd", required=True)
    serve = sub.add_parser("serve", help="run the LiveRC simulator in the foreground")
    serve.add_argument("--port", type=int, default=8765, help="0: any free port")
    serve.add_argument("--latency", type=float, default=0.0, help="seconds added per request")
    _site_args(serve)
    wr = sub.add_parser("write", help="write every page to DIR")
    wr.add_argument("dir", type=Path)
    _site_args(wr)
    demo = sub.add_parser("record-demo", help="record the demo cassette with `mre --record`")
    demo.add_argument("cassette", type=Path, nargs="?", default=DEMO_CASSETTE)
    a = parser.parse_args(argv)
    if a.cmd == "record-demo":
        with tempfile.TemporaryDirectory() as folder:
            record(a.cassette, Path(folder) / "demo.db")
        print(f"recorded {a.cassette}")
        return 0
    pages = _pages(a)
    if a.cmd == "write":
        n = write(pages, a.dir)
        print(f"wrote {n} pages to {a.dir}")
        return 0
    sim = LiveRCSimulator(pages, port=a.port, latency=a.latency).start()
    print(f"LiveRC simulator on {sim.base_url} (Ctrl-C to stop); point mre at it:", flush=True)
    print(f"  export MRE_HTTP_RESOLVE='*.liverc.com=127.0.0.1:{sim.port}'", flush=True)
    print("  mre --db sqlite:///$PWD/sim.db tracks sync", flush=True)
    for track in pages.site.tracks[: a.tracks]:
        print(
            f"  mre --db sqlite:///$PWD/sim.db events refresh --track-id {track.slug}", flush=True
        )
    print("or look at a page:", flush=True)
    track = pages.site.tracks[0]
    print(f"  curl -H 'Host: {track.host}' {sim.base_url}/events/", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        sim.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
