"""`python -m bench [--quick] [--json]`: every measurement of the benchmark issue, in one run.

Builds the inputs, measures parse and write in this process, serves the
pages on loopback and runs the end-to-end, replay and latency measurements
in child processes, then prints the table (or, with --json, one JSON
object on stdout; progress always goes to stderr).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from bench import console, e2e, latency, parse, replay, write
from bench.databases import find_postgres, fresh_database
from bench.inputs import FULL, QUICK, build, resolve_to, serve
from bench.measure import Progress
from bench.report import Report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="a small event: under a minute")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--repeat", type=int, default=3, help="repetitions (medians are kept)")
    parser.add_argument("--save", metavar="FILE", type=Path, help="also write the JSON to FILE")
    parser.add_argument("--postgres", metavar="URL", help="PostgreSQL server to measure too")
    parser.add_argument("--no-postgres", action="store_true", help="SQLite only")
    parser.add_argument("--no-latency", action="store_true", help="skip measurement 7")
    parser.add_argument("--no-console", action="store_true", help="skip measurement 8")
    parser.add_argument(
        "--concurrency", type=int, default=4, help="requests in flight, limits lifted"
    )
    args = parser.parse_args(argv)
    say = Progress()

    size = QUICK if args.quick else FULL
    say(f"generating the {size.name}-size event and catalogue")
    inputs = build(size)
    say(f"{inputs.races} races, {inputs.laps:,} laps, {inputs.entries} entries")
    postgres = None if args.no_postgres else find_postgres(args.postgres)
    say(f"PostgreSQL: {postgres or 'none found, SQLite only'}")

    say("1 parse")
    parsed = parse.run(inputs, repeat=max(5, args.repeat))
    say("2 write, SQLite")
    written = write.run(inputs, None, args.repeat)
    pg_written = None
    if postgres:
        say("2 write, PostgreSQL")
        pg_written = write.run(inputs, postgres, args.repeat)

    with tempfile.TemporaryDirectory(prefix="mre-bench-") as name, serve(inputs) as simulator:
        folder = Path(name)
        resolve = resolve_to(simulator)
        event = (inputs.track_slug, inputs.event_id)

        def end_to_end(server: str | None) -> e2e.E2EResult:
            runs = []
            for _ in range(args.repeat):
                with fresh_database(folder, "e2e", server) as url:
                    runs.append(
                        e2e.run(url, resolve, *event, args.concurrency, inputs.event_page_urls())
                    )
            return e2e.summarise(runs)

        say("3-6 end to end, SQLite")
        ended = end_to_end(None)
        pg_ended = None
        if postgres:
            say("3-6 end to end, PostgreSQL")
            pg_ended = end_to_end(postgres)
        say("3 cassette: record, then replay")
        with (
            fresh_database(folder, "record", None) as record_url,
            fresh_database(folder, "replay", None) as replay_url,
        ):
            replayed = replay.run(record_url, replay_url, resolve, folder / "event.yaml", *event)
        slow = None
        if not args.no_latency:
            say(f"7 latency {latency.LATENCY_S * 1000:.0f} ms, default politeness")
            simulator.latency = latency.LATENCY_S
            try:
                with fresh_database(folder, "latency", None) as url:
                    slow = latency.run(url, resolve, *event, inputs.races)
            finally:
                simulator.latency = 0.0
        served = None
        if not args.no_console:
            say("8 the console through HTTP, beside its queries")
            served = console.run(inputs, simulator, folder, postgres, say, quick=args.quick)

    report = Report(
        inputs=inputs,
        parse=parsed,
        write=written,
        e2e=ended,
        replay=replayed,
        latency=slow,
        postgres_write=pg_written,
        postgres_e2e=pg_ended,
    )
    say("done")
    whole = {**report.as_json(), "console": console.as_json(served) if served else None}
    if args.save:
        args.save.write_text(json.dumps(whole, indent=2) + "\n", encoding="utf-8")
    if args.json:
        print(json.dumps(whole, indent=2))
    else:
        print(report.table())
        if served:
            print("\n8. The console (python -m bench.console)\n" + console.table(served))
    return 0


if __name__ == "__main__":
    sys.exit(main())
