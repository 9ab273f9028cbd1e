"""The LiveRC parsers against pages a server can send: renamed markup, deep nesting,
another event's page, absurd lap counts.

- Tables are found by their header text and structure: every class and id of a
  real page renamed, each parser reads the same records (and logs the same
  oddities).
- No walk of a page recurses; markup nested deeper than the bound is a
  ParseError naming the page.
- An event page that names another event than the one requested is refused;
  race pages name no id of their own, so there is nothing to check on them.
- The readings made for speed (cells read directly, the Driver cell in one pass,
  the banner's sub-headers by a walk) read what the general ones read.
- A driver with far more laps in racerLaps than the results table shows gets
  the race refused, with an anomaly logged, and nothing of it is stored.
"""

from __future__ import annotations

import random
import re
import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from mre_core.errors import MreError, ParseError, ValidationError
from mre_core.service.ingestion import IngestionService
from mre_core.storage.models import Event, Race, RaceResult
from mre_liverc import plugin
from mre_liverc.errors import PageRefusedError, WrongPageError
from mre_liverc.pages import catalogue, entry_list, event_hub, html, race_result, track_events
from mre_liverc.pages.catalogue import parse_catalogue
from mre_liverc.pages.entry_list import parse_entry_list
from mre_liverc.pages.event_hub import parse_event_races
from mre_liverc.pages.html import (
    MAX_NESTING,
    collapse,
    element_shown_text,
    elements_text,
    has_class_token,
    page_tree,
)
from mre_liverc.pages.race_result import lap_bound, parse_race_result
from mre_liverc.pages.track_events import parse_track_events
from tests.liverc_site.site import event_url, race_url

CANBERRA = "canberraoffroad"
EVENTS_URL = "https://canberraoffroad.liverc.com/events/"
EVENT_URL = "https://canberraoffroad.liverc.com/results/?p=view_event&id=486677"
ENTRY_URL = "https://silverstate.liverc.com/results/?p=view_entry_list&id=1"
CATALOGUE_URL = "https://live.liverc.com/"


def _race_url(race_id: str) -> str:
    return f"https://canberraoffroad.liverc.com/results/?p=view_race_result&id={race_id}"


# Each real page mre reads, and how to read it.
PAGES = {
    "track-catalogue.html": lambda text: parse_catalogue(text, CATALOGUE_URL),
    "track-events_canberraoffroad.html": lambda text: parse_track_events(
        text, EVENTS_URL, CANBERRA
    ),
    "event_canberraoffroad_486677.html": lambda text: parse_event_races(
        text, EVENT_URL, CANBERRA, "486677"
    ),
    "entry-list_silverstate_2025.html": lambda text: parse_entry_list(text, ENTRY_URL),
    "race-result_canberraoffroad_6304822.html": lambda text: parse_race_result(
        text, _race_url("6304822"), "6304822"
    ),
    "race-result_canberraoffroad_6304829.html": lambda text: parse_race_result(
        text, _race_url("6304829"), "6304829"
    ),
}
URLS = {
    "track-catalogue.html": CATALOGUE_URL,
    "track-events_canberraoffroad.html": EVENTS_URL,
    "event_canberraoffroad_486677.html": EVENT_URL,
    "entry-list_silverstate_2025.html": ENTRY_URL,
    "race-result_canberraoffroad_6304822.html": _race_url("6304822"),
    "race-result_canberraoffroad_6304829.html": _race_url("6304829"),
}


def _anomalies(monkeypatch) -> list[tuple[str, str]]:
    seen: list[tuple[str, str]] = []
    for module in (catalogue, entry_list, event_hub, race_result, track_events):
        monkeypatch.setattr(module, "anomaly", lambda url, detail: seen.append((url, detail)))
    return seen


# --- structure, not names ------------------------------------------------------------

_ATTRIBUTE = re.compile(r"""(\s)(class|id)(\s*=\s*)(["'])(.*?)\4""", re.IGNORECASE | re.DOTALL)


def renamed(text: str, seed: int) -> tuple[str, int]:
    """`text` with every class and id attribute given random names, and how many.

    One class keeps its name: `hidden`, which is what the page says to a browser
    (do not show this), not what it calls something: renamed, the page would
    show its sort keys.
    """
    rng = random.Random(seed)

    def name() -> str:
        return "r" + "".join(rng.choices(string.ascii_lowercase + string.digits, k=9))

    def rewrite(match: re.Match[str]) -> str:
        space, attribute, equals, quote, value = match.groups()
        if attribute.lower() == "class":
            value = " ".join(t if t == "hidden" else name() for t in value.split())
        else:
            value = name()
        return f"{space}{attribute}{equals}{quote}{value}{quote}"

    return _ATTRIBUTE.subn(rewrite, text)


@pytest.mark.parametrize("name", sorted(PAGES))
def test_every_class_and_id_renamed_the_page_reads_the_same(sample, monkeypatch, name):
    text = sample(name)
    seen = _anomalies(monkeypatch)
    expected = PAGES[name](text)
    expected_anomalies = list(seen)
    seen.clear()
    for seed in (1, 2):
        other, count = renamed(text, seed)
        assert count > 50  # the page's markup really was renamed, every name of it
        names = {t for v in re.findall(r'class="([^"]*)"', other) for t in v.split()}
        assert names <= {"hidden"} | {n for n in names if re.fullmatch("r[a-z0-9]{9}", n)}
        assert not {"race_result", "track_list", "class_header", "driver_name"} & names
        assert 'id="events"' not in other
        assert PAGES[name](other) == expected
        assert seen == expected_anomalies
        seen.clear()
    assert expected  # records, not an empty reading


def test_the_driver_cell_is_read_by_structure_without_its_classes():
    page = (
        "<table><thead><tr><th>Pos</th><th>Driver</th><th>Laps/Time</th></tr></thead><tbody>"
        '<tr><td>1</td><td><span class="a">7</span> <span class="b">ANN LEE</span><br/>'
        '<span><small><a data-driver-id="3">View Laps</a></small></span></td><td>0</td></tr>'
        '<tr><td>2</td><td><span class="b">BO KIM</span></td><td>0</td></tr>'
        "<tr><td>3</td><td>1 CY DOE</td><td>0</td></tr>"
        "</tbody></table>"
    )
    results = parse_race_result(page, _race_url("1"), "1").results
    assert [(r.display_name, r.car_number, r.source_driver_id) for r in results] == [
        ("ANN LEE", "7", "3"),
        ("BO KIM", None, None),
        ("CY DOE", None, None),  # a qualifying number before the name, as before
    ]


# --- bounded depth -------------------------------------------------------------------


def _nested(depth: int, inner: str = "1") -> str:
    return "<b>" * depth + inner + "</b>" * depth


@pytest.mark.parametrize("depth", [1_000, 100_000])
@pytest.mark.parametrize("name", sorted(PAGES))
def test_deeply_nested_markup_is_a_parse_error_naming_the_page(sample, name, depth):
    text = sample(name)
    at = text.index("<td>") + len("<td>")  # the first cell of the page's first table
    with pytest.raises(ParseError) as info:
        PAGES[name](text[:at] + _nested(depth) + text[at:])
    assert info.value.url == URLS[name]
    assert info.value.detail == f"elements nested over {MAX_NESTING} deep"


def test_nesting_a_results_cell_within_the_bound_reads_the_same(sample):
    name = "race-result_canberraoffroad_6304829.html"
    text = sample(name)
    deep = text.replace("<td>1</td>", f"<td>{_nested(200)}</td>", 1)
    assert deep != text
    assert PAGES[name](deep) == PAGES[name](text)


def test_the_nesting_bound_is_exact(sample):
    name = "race-result_canberraoffroad_6304829.html"
    text = sample(name)
    cell = next(td for td in page_tree(text, URLS[name]).iter("td") if td.text == "1")
    depth = len(list(cell.iterancestors())) + 1  # the html element is 1 deep

    def nested(total: int) -> str:  # the cell's "1" with its deepest element `total` deep
        return text.replace("<td>1</td>", f"<td>{_nested(total - depth)}</td>", 1)

    expected = PAGES[name](text)
    for total in (33, 40, MAX_NESTING):  # past the first look 32 levels down, and at the bound
        assert PAGES[name](nested(total)) == expected
    with pytest.raises(ParseError) as info:
        PAGES[name](nested(MAX_NESTING + 1))
    assert info.value.detail == f"elements nested over {MAX_NESTING} deep"


def test_a_race_page_nested_1000_deep_fails_the_ingest_as_a_parse_error(settings, pages, event):
    # Once a RecursionError: exit 1, an internal error.
    track, ev = event
    slug = track.slug.lower()
    url = race_url(slug, ev.races[1].race_id)
    text = pages[url].decode()
    at = text.index("<td>", text.index("<tbody>")) + len("<td>")
    pages.override(url, text[:at] + _nested(1_000) + text[at:])
    with IngestionService.open(settings=settings) as service:
        service.sync_tracks("liverc")
        service.refresh_events(slug)
        with pytest.raises(MreError) as info:
            service.ingest_event(str(ev.event_id))
    assert (info.value.code, info.value.exit_code) == ("parse", 4)
    assert str(info.value) == f"cannot read {url}: elements nested over {MAX_NESTING} deep"


def test_the_text_walk_does_not_recurse():
    # Built with lxml's API, deeper than any parser would make it (libxml2 stops
    # at 2,048) and ten times Python's recursion limit: the walk that reads a
    # cell's shown text keeps its own stack. (lxml builds such a chain in
    # quadratic time: 10,000 levels take a tenth of a second, 100,000 minutes.)
    cell = etree.Element("td")
    cell.text = "a"
    element = cell
    for _ in range(10_000):
        element = etree.SubElement(element, "span")
    element.text = "b"
    hidden = etree.SubElement(element, "div", {"class": "hidden"})
    hidden.text = "sort key"
    hidden.tail = "c"
    element.tail = "d"
    assert element_shown_text(cell) == "a b c d"


# --- the readings made for speed read what the general ones read ---------------------

_CLASSES = st.sampled_from(
    ["", "hidden", " hidden ", "a hidden", "hidden-xs", "driver_name", "x car_num", "car_num"]
)
_TEXTS = st.sampled_from(["", "7", " 2 ", "ANN LEE", "\n\t3"])


@st.composite
def _markup(draw, depth: int = 0) -> str:
    """What a cell may hold: text, elements with classes and laps links, comments."""
    parts = [draw(_TEXTS)]
    for _ in range(draw(st.integers(0, 3 if depth < 3 else 0))):
        kind = draw(st.sampled_from(["div", "span", "a", "sup", "comment"]))
        if kind == "comment":
            parts.append("<!-- 9 -->")
        else:
            cls = draw(_CLASSES)
            attrs = f' class="{cls}"' if cls else ""
            if draw(st.integers(0, 3)) == 0:
                attrs += f' data-driver-id="{draw(st.sampled_from(["7", "", "8"]))}"'
            parts.append(f"<{kind}{attrs}>{draw(_markup(depth + 1))}</{kind}>")
        parts.append(draw(_TEXTS))
    return "".join(parts)


def _cells(cell_class: str, cells: list[str]) -> list[etree._Element]:
    attr = f' class="{cell_class}"' if cell_class else ""
    html = "<table><tbody><tr>" + "".join(f"<td{attr}>{c}</td>" for c in cells) + "</tr>"
    return list(page_tree(html + "</tbody></table>", RACE_URL).iter("td"))


def _driver_as_read_before(cell: etree._Element) -> tuple[str, str, str | None]:
    """The Driver cell's name, car number and laps link, read as the parser read
    them before `_driver_cell` (every element's itertext)."""
    names: list[str] = []
    cars: list[str] = []
    named = False
    linked = None
    for element in cell.iter():
        if not isinstance(element.tag, str):
            continue
        if linked is None and element is not cell:
            linked = element.get("data-driver-id")
        if has_class_token(element, "driver_name"):
            names += element.itertext()
            named = True
        if has_class_token(element, "car_num"):
            cars += element.itertext()
    if not named:
        return (*race_result._driver_parts(cell), linked)
    return collapse(names), collapse(cars), linked


@settings(max_examples=400, deadline=None)
@given(cell_class=_CLASSES, cells=st.lists(_markup(), min_size=1, max_size=3), hidden=st.booleans())
def test_cells_read_directly_read_as_the_general_walk(cell_class, cells, hidden):
    for cell in _cells(cell_class, cells):
        assert race_result._cell_text(cell) == element_shown_text(cell)
        shown = element_shown_text(cell, hidden)
        assert race_result._driver_cell(cell, hidden) == (shown, *_driver_as_read_before(cell))


@pytest.mark.parametrize(
    "cell",
    [
        '<div class="hidden">41.030</div>41.030',  # LiveRC's sort key before the text
        '<div class="hidden"></div>',
        '<div class="hidden"><b>1</b></div>2',
        ' <div class="hidden">1</div>2',
        '<div class="hidden x">1</div>2',
        "<!-- 1 -->2",
    ],
)
def test_a_cell_with_a_sort_key_reads_as_the_general_walk(cell):
    for element in _cells("", [cell]) + _cells("hidden", [cell]):
        assert race_result._cell_text(element) == element_shown_text(element)


@settings(max_examples=300, deadline=None)
@given(
    cell_class=_CLASSES,
    time=_TEXTS,
    lap=_TEXTS,
    tail=_TEXTS,
    sup_class=_CLASSES,
    blocked=st.booleans(),
)
def test_a_fastest_lap_cell_reads_as_the_general_walk(
    cell_class, time, lap, tail, sup_class, blocked
):
    attr = f' class="{sup_class}"' if sup_class else ""
    (cell,) = _cells(cell_class, [f"{time}<sup{attr}>{lap}</sup>{tail}"])
    row = race_result._Row([cell], [""], blocked, "", "", None)
    general = element_shown_text(cell, blocked, skip="sup")
    expected = (
        race_result._seconds(general),
        race_result._integer(elements_text(cell.iter("sup"))),
    )
    assert race_result._fast_lap(row, 0) == expected


_SUB_HEADERS = etree.XPath(  # CSS `thead .class_sub_header`, as cssselect translates it
    "descendant-or-self::thead/descendant::*[@class and contains(@class, 'class_sub_header') "
    "and contains(concat(' ', normalize-space(@class), ' '), ' class_sub_header ')]"
)


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_sub_headers_are_what_the_css_selector_selects(data):
    # Built with lxml's API: theads within theads, which no parser of HTML makes.
    def build(parent: etree._Element, depth: int) -> None:
        for _ in range(data.draw(st.integers(0, 3 if depth < 4 else 0))):
            if data.draw(st.integers(0, 9)) == 0:
                parent.append(etree.Comment("c"))
                continue
            element = etree.SubElement(parent, data.draw(st.sampled_from(["thead", "tr", "th"])))
            cls = data.draw(
                st.sampled_from(
                    ["", "class_sub_header", "a class_sub_header\tb", "class_sub_headers"]
                )
            )
            if cls:
                element.set("class", cls)
            build(element, depth + 1)

    table = etree.Element(data.draw(st.sampled_from(["table", "thead"])))
    build(table, 0)
    for element in table.iter(etree.Element):
        assert list(html._sub_headers(element)) == _SUB_HEADERS(element)


# --- identity --------------------------------------------------------------------------


def test_the_event_page_names_its_own_id_and_another_is_refused(sample):
    text = sample("event_canberraoffroad_486677.html")
    assert len(parse_event_races(text, EVENT_URL, CANBERRA, "486677")) == 32
    url = "https://canberraoffroad.liverc.com/results/?p=view_event&id=486600"
    with pytest.raises(WrongPageError) as info:
        parse_event_races(text, url, CANBERRA, "486600")
    error = info.value
    assert isinstance(error, ValidationError) and (error.code, error.exit_code) == (
        "validation",
        4,
    )
    assert (error.url, error.requested, error.named) == (url, "486600", "486677")
    assert str(error) == f"refused {url}: it is the page of event 486677, not of event 486600"


def test_an_event_page_that_names_no_id_is_read_as_before(sample):
    text = sample("event_canberraoffroad_486677.html")
    anonymous = re.sub(r"(view_entry_list|event_overall_ranking)&(amp;)?id=486677", "x", text)
    assert "486677" not in anonymous
    races = parse_event_races(anonymous, EVENT_URL, CANBERRA, "1")
    assert races == parse_event_races(text, EVENT_URL, CANBERRA, "486677")


def test_an_own_id_link_off_liverc_names_nothing(sample):
    text = sample("event_canberraoffroad_486677.html").replace(
        '"/results/?p=view_entry_list&id=486677"',
        '"https://example.com/results/?p=view_entry_list&id=1"',
    )
    assert len(parse_event_races(text, EVENT_URL, CANBERRA, "486677")) == 32


@pytest.mark.parametrize("race_id", ["6304822", "6304829"])
def test_a_race_page_names_no_race_or_event_id(sample, race_id):
    # What the identity check of race pages rests on: a real race page holds
    # neither its own id nor its event's, and links to no race, so a race page
    # served for another race cannot be told by id. If LiveRC starts naming
    # them, this fails, and the check can be added.
    text = sample(f"race-result_canberraoffroad_{race_id}.html")
    assert race_id not in text and "486677" not in text
    assert "view_race_result" not in text and "view_event" not in text


def test_another_events_page_at_the_url_fails_the_ingest_and_stores_no_race(settings, pages, site):
    track = site.tracks[0]
    first = next(e for e in track.events if e.races)
    other, second = next((t, e) for t in site.tracks[1:] for e in t.events if e.races)
    slug = track.slug.lower()
    served = pages[event_url(other.slug.lower(), second.event_id)]
    pages.override(event_url(slug, first.event_id), served)
    with IngestionService.open(settings=settings) as service:
        service.sync_tracks("liverc")
        service.refresh_events(slug)
        with pytest.raises(MreError) as info:
            service.ingest_event(str(first.event_id))
        assert (info.value.code, info.value.exit_code) == ("validation", 4)
        assert f"event {second.event_id}, not of event {first.event_id}" in str(info.value)
        assert event_url(slug, first.event_id) in str(info.value)
        assert Race.select().count() == 0
        assert Event.get(Event.source_event_id == str(first.event_id)).ingest_depth == "none"


# --- absurd lap counts -----------------------------------------------------------------

RACE_URL = "https://t.liverc.com/results/?p=view_race_result&id=1"


def _race_page(laps: str, laps_time: str = "5/3:20.000") -> str:
    return (
        f"<html><body><script>racerLaps[7] = {{'driverName' : 'ANN LEE', 'laps' : {laps}}};"
        "</script><table><thead><tr><th>Pos</th><th>Driver</th><th>Laps/Time</th></tr></thead>"
        '<tbody><tr><td>1</td><td><span class="driver_name">ANN LEE</span>'
        f'<a data-driver-id="7">laps</a></td><td>{laps_time}</td></tr></tbody></table>'
        "</body></html>"
    )


def _laps(count: int) -> str:
    """`count` laps as LiveRC writes them, after the grid slot (lap 0)."""
    laps = [
        f"{{'lapNum' : '{n}', 'pos' : '1', 'time' : '{0 if n == 0 else 40}', 'pace' : '', "
        "'segments' : [ ]}"
        for n in range(count + 1)
    ]
    return "[" + ", ".join(laps) + "]"


def test_553052_laps_for_a_driver_shown_with_5_refuse_the_race(monkeypatch):
    seen = _anomalies(monkeypatch)
    # The grid slot, then 553,052 laps written short (the count is what matters,
    # and a page of full laps is 20 MB).
    laps = "[{'lapNum' : '0'}" + ", {'time':'40'}" * 553_052 + "]"
    with pytest.raises(PageRefusedError) as info:
        parse_race_result(_race_page(laps), RACE_URL, "1")
    detail = (
        "racerLaps[7] lists 553052 laps for 'ANN LEE', whom the results table shows with 5: "
        "over 20; the race is refused"
    )
    assert (info.value.url, info.value.detail) == (RACE_URL, detail)
    assert (info.value.code, info.value.exit_code) == ("validation", 4)
    assert seen == [(RACE_URL, detail)]


@pytest.mark.parametrize(
    ("completed", "laps", "refused"), [(5, 20, False), (5, 21, True), (0, 11, True)]
)
def test_the_bound_is_twice_the_laps_completed_plus_ten(monkeypatch, completed, laps, refused):
    assert lap_bound(completed) == 2 * completed + 10
    seen = _anomalies(monkeypatch)
    shown = f"{completed}/3:20.000" if completed else "0"
    page = _race_page(_laps(laps), shown)
    if refused:
        with pytest.raises(PageRefusedError):
            parse_race_result(page, RACE_URL, "1")
        assert seen and seen[-1][1].endswith("the race is refused")
    else:
        [result] = parse_race_result(page, RACE_URL, "1").results
        assert (result.laps_completed, len(result.laps)) == (completed, laps)
        assert (
            RACE_URL,
            f"'ANN LEE': Laps/Time says {completed} laps, racerLaps has {laps}",
        ) in seen


def test_a_race_with_absurd_laps_is_not_stored(settings, pages, event):
    track, ev = event
    slug = track.slug.lower()
    refused = ev.races[2]
    url = race_url(slug, refused.race_id)
    text = pages[url].decode()
    first_laps = text.index("'laps' : [") + len("'laps' : [")
    extra = "{'lapNum' : '1', 'pos' : '1', 'time' : '40', 'segments' : [ ]}, " * 1_000
    pages.override(url, text[:first_laps] + extra + text[first_laps:])
    with IngestionService.open(settings=settings) as service:
        service.sync_tracks("liverc")
        service.refresh_events(slug)
        with pytest.raises(MreError) as info:
            service.ingest_event(str(ev.event_id))
        assert (info.value.code, info.value.exit_code) == ("validation", 4)
        assert url in str(info.value) and "the race is refused" in str(info.value)
        stored = {race.source_race_id: race for race in Race.select()}
        assert str(refused.race_id) not in stored
        for race in stored.values():  # whole races only
            expected = ev.race(int(race.source_race_id)).results
            assert RaceResult.select().where(RaceResult.race == race.id).count() == len(expected)
        assert Event.get(Event.source_event_id == str(ev.event_id)).ingest_depth == "none"


def test_the_plugin_passes_the_event_id_it_requested(sample):
    class Http:
        def get(self, url: str):  # type: ignore[no-untyped-def]
            class Page:
                text = sample("event_canberraoffroad_486677.html")

            Page.url = url  # type: ignore[attr-defined]
            return Page

    assert len(plugin.fetch_races(http=Http(), track_slug=CANBERRA, event_id="486677")) == 32
    with pytest.raises(WrongPageError):
        plugin.fetch_races(http=Http(), track_slug=CANBERRA, event_id="1")


def test_a_racer_laps_script_with_no_driver_in_it_is_no_laps_not_a_crash():
    """A race posted but not scored yet: `var racerLaps = {};` and no assignment."""
    from lxml import html as lxml_html

    from mre_liverc.pages.race_result import _racer_laps

    root = lxml_html.fromstring(
        "<html><body><script>var racerLaps = {};</script><p>x</p></body></html>"
    )
    assert _racer_laps(root, "https://x.liverc.com/results/?p=view_race_result&id=1") == {}
