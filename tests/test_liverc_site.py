"""Tests of the synthetic LiveRC (tests/liverc_site): generator, pages, simulator.

The structural tests run the same parsel checks on a real LiveRC page and on
a generated one and require the same answers: that is what makes generated
pages a stand-in for real ones in parser tests and benchmarks.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from datetime import datetime
from pathlib import Path

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from parsel import Selector

from mre_core.http.resolve import ResolvingTransport
from tests.liverc_site import (
    Driver,
    Lap,
    LiveRCSimulator,
    Result,
    SitePages,
    canonical_url,
    catalogue_url,
    event_url,
    events_url,
    formats,
    generate_event,
    generate_site,
    order_results,
    race_url,
    render_catalogue,
    render_entry_list,
    render_event,
    render_race_result,
    render_track_events,
    site_for_event,
)
from tests.liverc_site.__main__ import main as cli_main

SAMPLES = Path(
    os.environ.get("MRE_LIVERC_SAMPLES")
    or Path(__file__).resolve().parents[2] / "shared" / "liverc-samples"
)
needs_samples = pytest.mark.skipif(not SAMPLES.is_dir(), reason="real LiveRC samples not found")


def real(name: str) -> str:
    return (SAMPLES / name).read_text(encoding="utf-8")


# --- shared fixtures -------------------------------------------------------


@pytest.fixture(scope="module")
def event():
    return generate_event(
        11,
        486677,
        races=10,
        drivers_per_race=10,
        laps_per_race=12,
        classes=3,
        triple_mains=True,
        missing_from_entry_list=2,
    )


@pytest.fixture(scope="module")
def site(event):
    return site_for_event(event, track_name="Synth Track Model Car Club")


@pytest.fixture(scope="module")
def pages(site):
    return SitePages(site)


@pytest.fixture(scope="module")
def track(site):
    return site.tracks[0]


def race_with_non_starter(event):
    return next(r for r in event.races if any(not x.started for x in r.results))


# --- racerLaps helpers (work on real and generated pages) ------------------

BLOCK = re.compile(r"racerLaps\[(\d+)\] = \{\n(.*?)\n\t*\};\n", re.S)
LAP = re.compile(
    r"\{\n\t*'lapNum' : '(\d+)',\n\t*'pos' : '(\d+)',\n\t*'time' : '([\d.]+)',\n"
    r"\t*'pace' : '([^']*)',\n\t*'segments' : \[\n\t*\]\n\t*\}"
)
TOP_KEY = re.compile(r"^\t{8}'(\w+)' : '((?:[^'\\]|\\.)*)',?$", re.M)


def js_unescape(s: str) -> str:
    return re.sub(r"\\(.)", r"\1", s)


def racer_laps(html: str) -> dict[int, dict]:
    out = {}
    for did, body in BLOCK.findall(html):
        out[int(did)] = {
            "keys": [k for k, _ in TOP_KEY.findall(body)],
            "values": {k: js_unescape(v) for k, v in TOP_KEY.findall(body)},
            "laps": LAP.findall(body),
            "lap_keys": re.findall(r"^\t{12}'(\w+)' :", body, re.M),
        }
    return out


def ms(text: str) -> int:
    whole, _, frac = text.partition(".")
    return int(whole) * 1000 + int((frac + "000")[:3])


def clock_ms(text: str) -> int:
    parts = text.split(":")
    total = ms(parts[-1])
    for i, p in enumerate(reversed(parts[:-1])):
        total += int(p) * (60_000 if i == 0 else 3_600_000)
    return total


def indent_profile(html: str, tokens: tuple[str, ...]) -> dict[str, set[int]]:
    """For each line kind, the set of leading-tab counts it appears with."""
    prof: dict[str, set[int]] = defaultdict(set)
    for line in html.split("\n"):
        stripped = line.lstrip("\t")
        for tok in tokens:
            if stripped.startswith(tok):
                prof[tok].add(len(line) - len(stripped))
    return dict(prof)


# --- generation ------------------------------------------------------------


def test_generation_is_deterministic():
    a = generate_event(5, 100, races=6, drivers_per_race=6, laps_per_race=8)
    b = generate_event(5, 100, races=6, drivers_per_race=6, laps_per_race=8)
    c = generate_event(6, 100, races=6, drivers_per_race=6, laps_per_race=8)
    assert a == b
    assert a != c
    sa, sb = site_for_event(a), site_for_event(b)
    assert render_race_result(sa.tracks[0], a, a.races[-1]) == render_race_result(
        sb.tracks[0], b, b.races[-1]
    )
    assert generate_site(3, tracks=2, events_per_track=2) == generate_site(
        3, tracks=2, events_per_track=2
    )


@pytest.mark.parametrize(
    ("races", "drivers", "laps", "classes"),
    [(1, 4, 5, 3), (2, 1, 3, 2), (7, 6, 10, 3), (40, 12, 6, 4), (5, 8, 20, 1)],
)
def test_exact_races_and_drivers(races, drivers, laps, classes):
    ev = generate_event(
        1, 42, races=races, drivers_per_race=drivers, laps_per_race=laps, classes=classes
    )
    assert len(ev.races) == races
    assert all(len(r.results) == drivers for r in ev.races)
    assert len({r.race_id for r in ev.races}) == races
    entrants = defaultdict(set)
    for e in ev.entries:
        entrants[e.class_name].add(e.driver.driver_id)
    by_round = defaultdict(list)
    for r in ev.races:
        by_round[r.round_name].append(r.race_number)
        assert {x.driver.driver_id for x in r.results} <= entrants[r.class_name]
        assert r.length.endswith(" Timed")
    for numbers in by_round.values():
        assert numbers == list(range(1, len(numbers) + 1))  # restart every round
    assert list(by_round)[-1] == "Main Events"
    assert [r.completed_at for r in ev.races] == sorted(r.completed_at for r in ev.races)
    ids = {e.driver.driver_id for e in ev.entries}
    assert all(100_000 <= i <= 999_999 for i in ids)
    assert all(re.fullmatch(r"\d{7}", e.driver.transponder) for e in ev.entries)
    finishers = [x.lap_count for r in ev.races for x in r.results if x.started]
    median = sorted(finishers)[len(finishers) // 2]
    assert abs(median - laps) <= max(2, laps // 5)


@settings(max_examples=25, deadline=None)
@given(
    seed=st.integers(0, 10**6),
    races=st.integers(0, 14),
    drivers=st.integers(1, 9),
    laps=st.integers(1, 15),
    classes=st.integers(1, 4),
    missing=st.integers(0, 3),
)
def test_invariants_hold_for_any_size(seed, races, drivers, laps, classes, missing):
    hidden = min(missing, drivers) if races else 0
    ev = generate_event(
        seed,
        7,
        races=races,
        drivers_per_race=drivers,
        laps_per_race=laps,
        classes=classes,
        missing_from_entry_list=hidden,
    )
    assert len(ev.races) == races
    raced = {x.driver.driver_id for race in ev.races for x in race.results}
    assert {e.driver.driver_id for e in ev.entries} == raced  # every entrant races
    assert len(ev.listed_entries) == len(ev.entries) - hidden
    for race in ev.races:
        assert len(race.results) == drivers
        assert any(x.started for x in race.results)
        for x in race.results:
            assert x.started == bool(x.laps)
            assert x.total_ms == sum(lap.time_ms for lap in x.laps)
    if races:
        page = render_race_result(site_for_event(ev).tracks[0], ev, ev.races[-1])
        assert len(racer_laps(page)) == drivers


def test_event_mix(event):
    rounds = [r.name for r in event.rounds]
    assert rounds[-1] == "Main Events"
    assert all(n == f"Qualifier Round {i}" for i, n in enumerate(rounds[:-1], start=1))
    heats = [r for r in event.races if r.round_name != "Main Events"]
    assert heats and all(re.fullmatch(r".+ \(Heat \d+/\d+\)", r.label) for r in heats)
    assert all("  (Heat " in r.liverc_label for r in heats)
    mains = [r.label for r in event.races if r.round_name == "Main Events"]
    assert any(re.search(r" A1-Main$", m) for m in mains)
    assert any(re.search(r" A3-Main$", m) for m in mains)
    classes_of = defaultdict(set)
    for e in event.entries:
        classes_of[e.driver.driver_id].add(e.class_name)
    assert any(len(c) >= 2 for c in classes_of.values())  # someone races two classes
    assert len(event.listed_entries) == len(event.entries) - 2
    names = {e.driver.display_name for e in event.entries}
    assert any("'" in n for n in names)
    assert any(not n.isascii() for n in names)
    assert any("  " in n for n in names)  # oddity: double space
    shown = [x.shown_name for r in event.races for x in r.results]
    assert any(re.match(r"1 [A-Z]", s) for s in shown)  # oddity: qual number prefix
    non_starters = [x for r in event.races for x in r.results if not x.started]
    total = sum(len(r.results) for r in event.races)
    assert 0 < len(non_starters) < total * 0.15
    assert all(x.lap_count == 0 and x.fastest_lap_ms is None for x in non_starters)
    assert any(lap.time_ms > 60_000 for r in event.races for x in r.results for lap in x.laps)


def test_laps_sum_to_total_and_positions_consistent(event):
    for race in event.races:
        starters = [x for x in race.results if x.started]
        for x in starters:
            assert x.total_ms == sum(lap.time_ms for lap in x.laps)
            assert [lap.number for lap in x.laps] == list(range(1, x.lap_count + 1))
        for k in range(1, max(x.lap_count for x in starters) + 1):
            done = [x for x in starters if x.lap_count >= k]
            by_time = sorted(
                done, key=lambda x: (sum(lap.time_ms for lap in x.laps[:k]), x.car_number)
            )
            assert [x.laps[k - 1].position for x in by_time] == list(range(1, len(done) + 1))
        keys = [(-x.lap_count, x.total_ms) for x in starters]
        assert keys == sorted(keys)
        assert [x.position for x in race.results] == list(range(1, len(race.results) + 1))


def test_every_starter_laps_until_the_clock_unless_it_retires(event):
    """The generator's rule for a timed race (`simulate_race`): each starter
    starts a lap while the clock has not passed the race length, so its last
    lap is the first to end at or past it; a retirement (DNF) stops it earlier."""
    starters = retired = 0
    for race in event.races:
        for x in (x for x in race.results if x.started):
            starters += 1
            assert x.lap_count >= 1
            assert x.total_ms - x.laps[-1].time_ms < race.duration_ms  # no lap after the clock
            retired += x.total_ms < race.duration_ms  # short of the clock: retired
    assert 0 < retired < starters * 0.1  # DNF_RATE is 3%


def _result(car: int, times: list[int], *, started: bool = True) -> Result:
    d = Driver(100_000 + car, f"D{car}", "X", "1234567")
    laps = [Lap(i + 1, 1, t, "") for i, t in enumerate(times)]
    return Result(0, d, car, car, laps, started=started)


def test_behind_hand_checked():
    a = _result(5, [10_000, 10_000, 10_000])
    b = _result(1, [10_000, 10_500, 10_000])
    c = _result(3, [12_000, 13_000])
    d = _result(4, [], started=False)
    e = _result(2, [], started=False)
    f = _result(6, [40_000])
    ordered = order_results([d, c, f, e, b, a])
    assert [r.car_number for r in ordered] == [5, 1, 3, 6, 2, 4]
    assert [r.behind for r in ordered] == ["", "0.500", "1 Lap", "1 Lap", "1 Lap", "0.000"]
    g = _result(7, [9_000, 9_000, 9_000, 9_000])
    assert [r.behind for r in order_results([g, c, e])] == ["", "2 Laps", "2 Laps"]


def test_stats_hand_checked():
    r = _result(1, [38_170, 37_922, 39_883, 38_740, 38_870, 38_403])
    assert r.fastest_lap_ms == 37_922 and r.fastest_lap_number == 2
    assert r.avg_lap_ms == 38_665  # 231988 / 6 = 38664.67, half up
    assert r.avg_top5_ms == 38_421  # the 5 fastest: 192105 / 5
    assert r.avg_top10_ms is None and r.avg_top15_ms is None
    assert r.top2_consecutive_ms == 76_092  # laps 1-2
    assert r.top3_consecutive_ms == 115_975  # laps 1-3 (116545, 117493, 116013 later)
    assert r.std_deviation_ms == 692  # sample standard deviation 692.37
    assert r.consistency == 98.21  # 100 * (1 - 692 / 38665) = 98.2103
    assert formats.laps_time(47, 1_831_382) == "47/30:31.382"
    assert formats.laps_time(13, 513_797) == "13/8:33.797"
    assert formats.js_lap_time(38_170) == "38.17"
    assert formats.js_lap_time(146_309) == "146.309"
    assert formats.js_lap_time(38_000) == "38"
    assert formats.consecutive_text(111_828) == "1:51.828"
    assert formats.std2(2_799) == "2.80"
    assert formats.pct2(92.82) == "92.82%"
    assert formats.pace(1_800_000, 1, 38_170) == "48/30:32.160"
    assert formats.length_text(1_800_000) == "30:00 Timed"
    assert formats.completed_text(datetime(2025, 11, 16, 17, 30)) == "Nov 16, 2025 at 5:30pm"


@needs_samples
def test_formulas_reproduce_a_real_race():
    """Our pace, Behind, top-k and consistency rules give the real page's numbers."""
    html = real("race-result_canberraoffroad_6304829.html")
    blocks = racer_laps(html)
    paces = 0
    for block in blocks.values():
        laps = block["laps"][1:]
        if not laps:
            continue
        times = [ms(t) for _, _, t, _ in laps]
        r = _result(1, times)
        v = block["values"]
        assert formats.secs3(r.fastest_lap_ms) == v["fastLap"]
        assert formats.secs3(r.avg_top5_ms) == v["avgTop5"]
        assert formats.secs3(r.top3_consecutive_ms) == v["top3Consecutive"]
        cons = 100 * (1 - float(v["stdDeviation"]) / float(v["avgLap"]))
        assert abs(cons - float(v["consistency"])) < 0.002  # LiveRC divides unrounded values
        elapsed = 0
        for k, (_, _, t, pace) in enumerate(laps, start=1):
            elapsed += ms(t)
            assert formats.pace(1_800_000, k, elapsed) == pace
            paces += 1
    assert paces == 444
    sel = Selector(text=real("race-result_canberraoffroad_6304822.html"))
    rows = sel.css("table.race_result tbody tr")
    cells = [[c.css("::text").get() or "" for c in row.css("td")] for row in rows]
    prev = None
    for c in cells:
        laps_time = c[3]
        laps = 0 if laps_time == "0" else int(laps_time.split("/")[0])
        total = 0 if laps_time == "0" else clock_ms(laps_time.split("/")[1])
        expected = "" if prev is None else formats.behind_text(prev[0], prev[1], laps, total)
        assert c[4] == expected
        prev = (laps, total)


# --- pages vs the real ones ------------------------------------------------

CELL_FORMATS = [
    re.compile(r"<td>\d+</td>"),  # Pos
    None,  # Driver
    re.compile(r"<td>\d+</td>"),  # Qual
    re.compile(r"<td>(0|\d+/(\d+:)?\d{1,2}:\d{2}\.\d{3})</td>"),  # Laps/Time
    re.compile(r"<td>(|\d+\.\d{3}|1 Lap|\d+ Laps)</td>"),  # Behind
    re.compile(r"<td>(\d+\.\d{3}<sup>\d+</sup>)?</td>"),  # Fastest Lap
    *[re.compile(r'<td><div class="hidden">(?:(\d+\.\d{3})</div>\1|</div>)</td>')] * 4,  # avgs
    re.compile(r'<td><div class="hidden">(\d+\.\d{3})?</div>(\d+:\d{2}\.\d{3}|\d+\.\d{3})?</td>'),
    re.compile(r"<td>(\d+\.\d{2})?</td>"),  # Std. Deviation
    re.compile(r"<td>(\d+\.\d{2}%)?</td>"),  # Consistency
]

SCRIPT_TOKENS = (
    "var racerLaps",
    "positionDataDriver = {}",
    "positionDataDriver.label",
    "driverNames.push",
    "racerLaps[",
    "'driverName'",
    "'laps' : [",
    "'lapNum'",
    "'segments'",
    "},",
    "];",
    "};",
    "positionDataDriver.data.push",
    "positionData.push",
    "console.log",
    "</script>",
)
TABLE_TOKENS = (
    '<table class="table table-striped race_result"',
    "<thead>",
    "<th colspan",
    '<div class="race_num"',
    '<span class="class_header">',
    '<span class="class_sub_header">',
    "<th>",
    "<tbody>",
    "<tr>",
    "<td>",
    '<span class="car_num">',
    '<span class="driver_name">',
    '<br /><span class="text-nowrap">',
    "</td>",
    "</tr>",
    "</tbody>",
)


def chrome_summary(html: str) -> dict:
    sel = Selector(text=html)
    return {
        "doctype": html.lstrip("\n").startswith("<!DOCTYPE html>"),
        "lang": sel.css("html::attr(lang)").get(),
        "title": bool(re.fullmatch(r".+ :: LiveRC", sel.css("title::text").get() or "")),
        "charset": sel.css("meta[charset]::attr(charset)").get(),
        "assets": bool(sel.css('link[href^="//assets.liveracemedia.com"]')),
        "jquery": bool(sel.css('script[src^="//assets.liveracemedia.com/lib/jquery"]')),
        "livetime": bool(sel.css('a[href="https://www.livetimescoring.com"]')),
        "switch": bool(sel.css('a[href="//live.liverc.com"]')),
        "navbar": bool(sel.css("nav.navbar div.navbar-header a.navbar-brand")),
        "side_menu": bool(sel.css("div.sidebar ul#side-menu li a")),
        "wrapper": bool(sel.css("div#wrapper > div#page-wrapper")),
        "h1": bool(sel.css("div.page-breadcrumb h1.page-header")),
        "overlay": bool(sel.css("div#loading_overlay img[src^='//assets.liveracemedia.com']")),
    }


def driver_id(row: Selector) -> int:
    return int(row.css("a.driver_laps::attr(data-driver-id)").get())


def race_summary(html: str) -> dict:
    sel = Selector(text=html)
    table = sel.css("table.race_result")
    rows = table.css("tbody tr")
    blocks = racer_laps(html)
    fmt_ok = True
    for row in rows:
        tds = row.css("td").getall()
        assert len(tds) == 13
        for rx, td in zip(CELL_FORMATS, tds, strict=True):
            if rx is not None and not rx.fullmatch(td):
                fmt_ok = False
                print("bad cell", td)
    starters = {int(x) for x in table.css("a.driver_laps::attr(data-driver-id)").getall()}
    non_starter_rows = [r for r in rows if not r.css("a.driver_laps")]
    lap_blocks = [b for b in blocks.values() if b["laps"]]
    return {
        "thead_rows": len(table.css("thead tr")),
        "colspan": table.css("thead tr:first-child th::attr(colspan)").get(),
        "headers": table.css("thead tr:nth-child(2) th::text").getall(),
        "footers": ["".join(th.css("::text").getall()) for th in table.css("tfoot th")],
        "race_num": bool(table.css("thead div.race_num::text").re(r"^\d+$")),
        "class_header": bool(table.css("thead div.race_info span.class_header::text").get()),
        "sub_headers": [
            t.split(": ")[0] for t in table.css("span.class_sub_header::text").getall()
        ],
        "length": bool(
            re.fullmatch(
                r"Length: \d+:\d{2} Timed", table.css("span.class_sub_header::text").getall()[1]
            )
        ),
        "driver_cell": {tuple(r.css("td:nth-child(2) > span::attr(class)").getall()) for r in rows},
        "cell_formats": fmt_ok,
        "non_starters_zero": all(
            r.css("td:nth-child(4)::text").get() == "0" for r in non_starter_rows
        ),
        "blocks_equal_rows": len(blocks) == len(rows),
        "starters_have_laps": starters == {d for d, b in blocks.items() if b["laps"]},
        "top_keys": {tuple(b["keys"]) for b in blocks.values()},
        "lap_keys": {tuple(sorted(set(b["lap_keys"]))) for b in lap_blocks},
        "lap0": {b["laps"][0][2:] for b in lap_blocks},
        "lap_numbers": all(
            [int(n) for n, *_ in b["laps"]] == list(range(len(b["laps"]))) for b in lap_blocks
        ),
        "console_log": len(re.findall(r"console\.log\(racerLaps\[\d+\]\);", html)) == len(blocks),
        "empty_laps": {
            bool(re.search(r"'laps' : \[\n\t*\]$", b))
            for _, b in BLOCK.findall(html)
            if "'lapNum'" not in b
        },
        "totals_match": all(
            sum(ms(t) for _, _, t, _ in blocks[driver_id(r)]["laps"])
            == clock_ms(r.css("td:nth-child(4)::text").get().split("/")[1])
            for r in rows
            if r.css("a.driver_laps")
        ),
        "script_indent": indent_profile(html, SCRIPT_TOKENS),
        "table_indent": indent_profile(html[html.index("race_result") - 200 :], TABLE_TOKENS),
        "chrome": chrome_summary(html),
    }


@needs_samples
def test_race_page_matches_real_structure(event, track):
    real_html = real("race-result_canberraoffroad_6304822.html")  # has non-starters
    race = race_with_non_starter(event)
    gen_html = render_race_result(track, event, race)
    real_sum, gen_sum = race_summary(real_html), race_summary(gen_html)
    assert gen_sum == real_sum
    assert real_sum["headers"][:4] == ["Pos", "Driver", "Qual", "Laps/Time"]
    assert real_sum["empty_laps"] == {True}
    # the 30-minute A-main (one non-starter at the end, 2-digit lap numbers)
    assert (
        race_summary(real("race-result_canberraoffroad_6304829.html"))["script_indent"]
        == (gen_sum["script_indent"])
    )


@needs_samples
def test_events_page_matches_real_structure():
    st = generate_site(4, tracks=1, events_per_track=4)
    gen = render_track_events(st.tracks[0])

    def summary(html: str) -> dict:
        sel = Selector(text=html)
        rows = sel.css("table#events tbody tr")
        dates = [
            re.sub(r'^<td><span class="hidden">[^<]*</span>|</td>$', "", r.css("td").getall()[1])
            for r in rows
        ]
        day = r"[A-Z][a-z]{2} \d{1,2}, \d{4}"
        return {
            "head": sel.css("table#events thead th::text").getall(),
            "foot": sel.css("table#events tfoot th::text").getall(),
            "cells": {len(r.css("td")) for r in rows},
            "links": all(
                re.fullmatch(
                    r"/results/\?p=view_event&id=\d+", r.css("td:first-child a::attr(href)").get()
                )
                for r in rows
            ),
            "hidden": all(
                re.fullmatch(
                    r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d",
                    r.css("td:nth-child(2) span.hidden::text").get(),
                )
                for r in rows
            ),
            "dates": all(re.fullmatch(f"{day}( to <br />{day})?", d) for d in dates),
            "multi_day": any("to <br />" in d for d in dates),
            "empty_event": any(r.css("td:nth-child(3)::text").get() == "0" for r in rows),
            "counts": all(r.css("td:nth-child(3)::text").re(r"^\d+$") for r in rows),
            "h1": (sel.css("h1.page-header::text").get() or "").endswith("'s Events"),
            "chrome": chrome_summary(html),
        }

    assert summary(gen) == summary(real("track-events_canberraoffroad.html"))
    assert "T</a>" in gen


@needs_samples
def test_entry_list_matches_real_structure(event, track):
    gen = render_entry_list(track, event)

    def summary(html: str) -> dict:
        sel = Selector(text=html)
        panes = sel.css("div.tab-content > div.tab-pane")
        tabs = sel.css("ul.nav-pills li a::attr(href)").getall()
        ok = True
        for pane in panes:
            rows = pane.css("tbody tr")
            keys = [r.css("td:nth-child(2) span.hidden::text").get() for r in rows]
            ok &= keys == sorted(keys)
            ok &= [r.css("td:first-child::text").get() for r in rows] == [
                str(i) for i in range(1, len(rows) + 1)
            ]
            ok &= pane.css("div.class_sub_header::text").get() == f"Entries: {len(rows)}"
            ok &= all(", " in k for k in keys)
        return {
            "tabs_match_panes": tabs == ["#" + p for p in panes.css("::attr(id)").getall()],
            "table_ids": all(
                re.fullmatch(r"\w+_table_\d+", t) for t in panes.css("table::attr(id)").getall()
            ),
            "active_first": panes[0].attrib["class"] == "tab-pane fade in active table-responsive",
            "class_header": all(panes.css("div.class_header::text").getall()),
            "head": {tuple(p.css("thead tr:nth-child(2) th::text").getall()) for p in panes},
            "foot": {tuple(p.css("tfoot th::text").getall()) for p in panes},
            "cells": {len(r.css("td")) for r in panes.css("tbody tr")},
            "rows_ok": ok,
            "stats": bool(re.search(r"Entries: \d+<br />\n\t*Drivers: \d+\t*</td>", html)),
            "h3_h5": bool(
                sel.css("div.clearfix h3.page-header") and sel.css("div.clearfix h5.page-header")
            ),
            "chrome": chrome_summary(html),
        }

    assert summary(gen) == summary(real("entry-list_silverstate_2025.html"))
    listed = Selector(text=gen).css("div.tab-pane tbody tr td:nth-child(2)::text").getall()
    assert len(listed) == event.entry_count


@needs_samples
def test_event_hub_matches_real_structure(event, track):
    gen = render_event(track, event)

    def summary(html: str) -> dict:
        sel = Selector(text=html)
        links = sel.css("table.entry_list_data a.block")
        race_links = sel.css('a[href*="p=view_race_result"]')
        texts = [" ".join(a.css("::text").getall()) for a in race_links]
        completed = [a.xpath("../following-sibling::td[1]/text()").get() for a in race_links]
        numbers: dict[str, list[int]] = defaultdict(list)
        current = None
        for tr in sel.css("table.entry_list_data")[-1].css("tbody tr"):
            if tr.css("th"):
                current = tr.css("th::text").get()
                assert tr.css("th::text").getall()[1] == "Time Completed"
            else:
                number = re.search(r"Race (\d+):", tr.css("a::text").get())
                numbers[current].append(int(number.group(1)))
        return {
            "tables": len(sel.css("table.entry_list_data")),
            "entry_list": bool(
                sel.css('tr.clickable-row a.block[href^="/results/?p=view_entry_list&id="]')
            ),
            "heat_sheets": bool(links.css('[href*="p=view_heat_sheet"]')),
            "distractors": sorted(
                {re.search(r"p=(\w+)", h).group(1) for h in links.css("::attr(href)").getall()}
            ),
            "race_text": all(re.fullmatch(r" Race \d+: .+ \(.+\)", t) for t in texts),
            "heat_double_space": any(re.search(r"\S  \(Heat \d+/\d+\)\)$", t) for t in texts),
            "completed": all(
                re.fullmatch(r"[A-Z][a-z]{2} \d{1,2}, \d{4} at \d{1,2}:\d\d[ap]m", c)
                for c in completed
            ),
            "numbers_desc": all(v == list(range(len(v), 0, -1)) for v in numbers.values()),
            "main_first": next(iter(numbers)) == "Main Events",
            "stats": bool(re.search(r"Entries: \d+<br />\n\t*Drivers: \d+\t*</td>", html))
            and bool(
                sel.xpath('//th[text()="Total Race Laps"]/following-sibling::td[1]/text()').re(
                    r"^[\d,]+$"
                )
            ),
            "chrome": chrome_summary(html),
        }

    assert summary(gen) == summary(real("event_canberraoffroad_486677.html"))
    sel = Selector(text=gen)
    assert len(sel.css('a[href*="p=view_race_result"]')) == len(event.races)
    assert len(sel.css('a.block[href*="p=view_heat_sheet"]')) == len(event.rounds)


@needs_samples
def test_catalogue_matches_real_structure():
    st = generate_site(2, tracks=3, events_per_track=1, races=2, catalogue_only_tracks=30)
    gen = render_catalogue(st)

    def summary(html: str) -> dict:
        sel = Selector(text=html)
        rows = sel.css("table.track_list tbody tr.clickable-row")
        return {
            "head": sel.css("table.track_list thead th::text").getall(),
            "hrefs": all(
                re.fullmatch(r"//[A-Za-z0-9-]+\.liverc\.com/(live|results)/", h)
                for h in rows.css("::attr(data-href)").getall()
            ),
            "live_and_not": {h.rsplit("/", 2)[1] for h in rows.css("::attr(data-href)").getall()},
            "names": all(r.css("td:nth-child(2) a strong::text").get() for r in rows),
            "name_links": all(
                re.fullmatch(r"//[A-Za-z0-9-]+\.liverc\.com/", h)
                for h in rows.css("td:nth-child(2) > a::attr(href)").getall()
            ),
            "updated": all(r.css("td:first-child small small::text").get() for r in rows),
            "status_icons": {len(r.css("td:first-child i")) >= 2 for r in rows},
            "current": bool(rows.css("div.indent small::text")),
            "without_current": any(not r.css("div.indent") for r in rows),
            "camel": any(
                re.search(r"//[a-z]*[A-Z]", h) for h in rows.css("::attr(data-href)").getall()
            ),
            "chrome": chrome_summary(html),
        }

    assert summary(gen) == summary(real("track-catalogue.html"))
    assert len(Selector(text=gen).css("tr.clickable-row")) == 33


@needs_samples
def test_race_page_size_is_realistic():
    ev = generate_event(3, 1, races=1, drivers_per_race=12, laps_per_race=37, classes=1)
    st = site_for_event(ev, track_name="Canberra Off Road Model Car Club")
    race = ev.races[0]
    size = len(render_race_result(st.tracks[0], ev, race).encode())
    real_size = len((SAMPLES / "race-result_canberraoffroad_6304829.html").read_bytes())
    assert abs(size - real_size) / real_size < 0.30, (size, real_size, race.total_laps)


# --- generated pages vs the model -----------------------------------------


def test_race_page_content_matches_model(event, track):
    for race in event.races:
        html = render_race_result(track, event, race)
        sel = Selector(text=html)
        rows = sel.css("table.race_result tbody tr")
        blocks = racer_laps(html)
        assert list(blocks) == [r.driver.driver_id for r in race.results]
        for row, res in zip(rows, race.results, strict=True):
            td = [c.css("::text").get() or "" for c in row.css("td")]
            assert int(td[0]) == res.position
            assert row.css("span.car_num::text").get() == str(res.car_number)
            assert row.css("span.driver_name::text").get() == res.shown_name
            assert int(td[2]) == res.qualifying_position
            assert td[3] == formats.laps_time(res.lap_count, res.total_ms)
            assert td[4] == res.behind
            block = blocks[res.driver.driver_id]
            assert block["values"]["driverName"] == res.shown_name
            if res.started:
                laps = block["laps"]
                assert laps[0] == ("0", str(res.car_number), "0", "0")
                assert [(int(n), int(p), ms(t), pace) for n, p, t, pace in laps[1:]] == [
                    (lap.number, lap.position, lap.time_ms, lap.pace) for lap in res.laps
                ]
            else:
                assert block["laps"] == [] and not row.css("a.driver_laps")
        assert f"Length: {race.length}" in html
        assert f"Round: {race.round_name}" in html


def test_escaping_and_encoding(event, track):
    race = next(r for r in event.races if any("'" in x.shown_name for x in r.results))
    html = render_race_result(track, event, race)
    name = next(x.shown_name for x in race.results if "'" in x.shown_name)
    assert f"'driverName' : '{name.replace(chr(39), chr(92) + chr(39))}'," in html
    assert f'<span class="driver_name">{name}</span>' in html
    entry_html = render_entry_list(track, event)
    assert "NUÑEZ" in entry_html and "NUÑEZ".encode() in entry_html.encode("utf-8")
    hub = render_event(track, event)
    assert "Race Lineups &amp; Results" in hub


# --- site: URLs, laziness, overrides ----------------------------------------


def test_url_lookup_variants(pages, event, track):
    rid = event.races[0].race_id
    canonical = race_url(track.slug, rid)
    body = pages[canonical]
    for variant in (
        f"https://{track.slug.upper()}.liverc.com/results/?id={rid}&p=view_race_result",
        f"https://{track.slug}.liverc.com/results/?id={rid}&amp;p=view_race_result",
        f"http://{track.slug}.liverc.com/results?p=view_race_result&id={rid}",
        f"//{track.slug}.liverc.com/results/?p=view_race_result&amp;id={rid}",
    ):
        assert canonical_url(variant) == canonical
        assert pages[variant] == body
    assert canonical_url("https://Live.LiveRC.com") == catalogue_url()
    assert events_url("FastandFunToyandHobby") == "https://fastandfuntoyandhobby.liverc.com/events/"
    assert pages.get(race_url(track.slug, 1)) is None
    assert pages.get(event_url("nosuchtrack", event.event_id)) is None
    assert pages.get(f"https://{track.host}/results/?p=view_heat_sheet&id=1") is None
    assert event_url(track.slug, event.event_id) in pages


def test_pages_are_lazy_and_listed():
    ev = generate_event(2, 9, races=120, drivers_per_race=12, laps_per_race=37)
    pages = SitePages(site_for_event(ev), cache_size=4)
    urls = list(pages)
    assert len(urls) == 1 + 1 + 2 + 120 and len(pages) == len(urls)
    assert not pages._cache  # listing renders nothing
    for url in urls[-10:]:
        assert pages[url].startswith(b"<!DOCTYPE html>")
    assert len(pages._cache) == 4


def test_site_shape():
    st = generate_site(
        9,
        tracks=3,
        events_per_track=3,
        races=3,
        drivers_per_race=4,
        laps_per_race=4,
        catalogue_only_tracks=50,
    )
    first = st.tracks[0]
    assert first.slug != first.slug.lower() and first.live
    assert len(st.tracks) == 53 and sum(t.catalogue_only for t in st.tracks) == 50
    events = [e for t in st.tracks for e in t.events]
    assert len({e.event_id for e in events}) == len(events) == 9
    assert any(e.end is not None for e in events)
    empty = [e for e in events if e.name == "T"]
    assert len(empty) == 1 and not empty[0].races and empty[0].entry_count == 0
    for t in st.tracks[:3]:
        starts = [e.start for e in t.events]
        assert starts == sorted(starts, reverse=True)
    span = max(e.start for e in events) - min(e.start for e in events)
    assert span.days >= 60
    ids = {}
    for e in events:  # a driver keeps one id and one name across events
        for en in e.entries:
            ids.setdefault(en.driver.driver_id, (en.driver.first, en.driver.last))
            assert ids[en.driver.driver_id] == (en.driver.first, en.driver.last)
    pages = SitePages(st)
    assert f"//{first.slug}.liverc.com/live/".encode() in pages[catalogue_url()]
    assert b"Drivers: 0" in pages[event_url(first.slug, empty[0].event_id)]


def test_overrides(event, track):
    pages = SitePages(site_for_event(event, track_name=track.name))
    url = event_url(track.slug, event.event_id)
    pages.override(url.replace("p=view_event&id", "id"), "x")  # a different URL
    pages.override(url, "<html>replaced</html>")
    assert pages[url] == b"<html>replaced</html>"
    pages.remove(url)
    assert url not in pages and pages.get(url) is None
    pages.restore(url)
    assert b"Race Results" in pages[url]

    el = pages.empty_entry_list(track.slug, event.event_id)
    sel = Selector(text=pages[el].decode())
    assert not sel.css("div.tab-pane") and not sel.css("ul.nav-pills li")
    assert sel.css("ul.nav-pills") and "Entries: 0<br />" in pages[el].decode()

    race = event.races[-1]
    ru = pages.malform_race(track.slug, race.race_id)
    html = pages[ru].decode()
    script = html[
        html.index("var racerLaps") : html.index("</script>", html.index("var racerLaps"))
    ]
    assert script.count("{") != script.count("}")
    assert len(racer_laps(html)) == len(race.results) - 1
    assert len(Selector(text=html).css("table.race_result tbody tr")) == len(race.results)
    ru = pages.malform_race(track.slug, race.race_id, mode="truncate", driver_index=1)
    html = pages[ru].decode()
    assert "</html>" not in html and html.rstrip().endswith(",")


# --- simulator ---------------------------------------------------------------


@pytest.fixture
def sim(pages):
    pages.clear_overrides()
    with LiveRCSimulator(pages) as s:
        yield s


def test_simulator_routes_by_host_and_records(sim, pages, track, event):
    with httpx.Client(base_url=sim.base_url, timeout=5) as c:
        r = c.get(f"/results/?p=view_event&id={event.event_id}", headers={"Host": track.host})
        assert r.status_code == 200
        assert r.content == pages[event_url(track.slug, event.event_id)]
        assert r.headers["content-length"] == str(len(r.content))
        assert r.headers["content-type"] == "text/html; charset=UTF-8"
        assert c.get("/", headers={"Host": "live.liverc.com"}).status_code == 200
        assert c.get("/events/", headers={"Host": "nosuch.liverc.com"}).status_code == 404
        assert c.get("/nope/", headers={"Host": track.host}).status_code == 404
        assert (
            c.get(
                f"/results/?id={event.races[0].race_id}&amp;p=view_race_result",
                headers={"Host": track.host.upper()},
            ).status_code
            == 200
        )
    assert sim.connections_opened == 1  # keep-alive
    recs = sim.requests
    assert [(x.host, x.status) for x in recs] == [
        (track.host, 200),
        ("live.liverc.com", 200),
        ("nosuch.liverc.com", 404),
        (track.host, 404),
        (track.host, 200),
    ]
    assert recs[0].target == f"/results/?p=view_event&id={event.event_id}"
    assert all(x.done and x.fault is None for x in recs)
    assert [x.time for x in recs] == sorted(x.time for x in recs)
    sim.clear_requests()
    assert sim.requests == []


def test_simulator_behind_mres_resolving_transport(sim, track, pages):
    transport = ResolvingTransport(
        httpx.HTTPTransport(), [("*.liverc.com", f"127.0.0.1:{sim.port}")]
    )
    with httpx.Client(transport=transport, timeout=5) as c:
        r = c.get(f"https://{track.slug}.liverc.com/events/")
    assert r.status_code == 200 and r.content == pages[events_url(track.slug)]
    url, headers = sim.local(events_url(track.slug))
    assert httpx.get(url, headers=headers, timeout=5).content == r.content


def test_fault_status_and_retry_after(sim, track):
    sim.fail("/events/", status=503, times=1, retry_after=2)
    sim.fail(re.compile(r"p=view_event&id=\d+$"), status=429)
    with httpx.Client(base_url=sim.base_url, headers={"Host": track.host}, timeout=5) as c:
        first = c.get("/events/")
        assert first.status_code == 503 and first.headers["retry-after"] == "2"
        assert c.get("/events/").status_code == 200  # used up
        ev = track.events[0].event_id
        assert c.get(f"/results/?p=view_event&id={ev}").status_code == 429
        assert c.get(f"/results/?id={ev}&p=view_event").status_code == 200  # times=1
        for code in (500, 502, 404):
            sim.fail("/events/", status=code)
            assert c.get("/events/").status_code == code
    assert [x.fault for x in sim.requests] == [
        "status",
        None,
        "status",
        None,
        "status",
        "status",
        "status",
    ]


def test_fault_latency(sim, track):
    sim.latency = 0.05
    delay = sim.delay("/events/", 0.15, times=1)
    with httpx.Client(base_url=sim.base_url, headers={"Host": track.host}, timeout=5) as c:
        assert [c.get("/events/").status_code for _ in range(2)] == [200, 200]
    assert delay.hits == 1
    assert [r.waited for r in sim.requests] == [pytest.approx(0.2), 0.05]


def test_fault_timeout(sim, track):
    sim.timeout("/events/", 1.0)
    with httpx.Client(base_url=sim.base_url, headers={"Host": track.host}) as c:
        with pytest.raises(httpx.ReadTimeout):
            c.get("/events/", timeout=0.2)
        assert c.get("/events/", timeout=5).status_code == 200
    first = sim.requests[0]
    assert first.fault == "timeout" and not first.done  # still sleeping server-side


def test_fault_drop_and_truncate(sim, track, pages):
    sim.drop("/events/")
    sim.truncate("/events/", keep=0.25)
    with httpx.Client(base_url=sim.base_url, headers={"Host": track.host}, timeout=5) as c:
        with pytest.raises(httpx.RemoteProtocolError, match="without sending a response"):
            c.get("/events/")
        with pytest.raises(httpx.RemoteProtocolError, match="complete message body"):
            c.get("/events/")
        assert c.get("/events/").content == pages[events_url(track.slug)]
    assert [(x.status, x.fault) for x in sim.requests] == [
        (None, "drop"),
        (200, "truncate"),
        (200, None),
    ]


def test_cli_write(tmp_path):
    assert (
        cli_main(
            [
                "write",
                str(tmp_path),
                "--tracks",
                "1",
                "--events",
                "1",
                "--races",
                "2",
                "--drivers",
                "3",
                "--laps",
                "3",
            ]
        )
        == 0
    )
    lines = (tmp_path / "urls.tsv").read_text().splitlines()
    assert len(lines) == 1 + 1 + 2 + 2
    for line in lines:
        _, rel = line.split("\t")
        assert (tmp_path / rel).read_bytes().startswith((b"\n<!DOCTYPE", b"<!DOCTYPE"))
    assert (tmp_path / "live.liverc.com" / "index.html").exists()
