"""LiveRC pages from the synthetic model, in the markup of the real pages.

One function per page, each returning the page as ``str``. Tags, classes,
nesting, attributes, cell formats, tab indentation and the ``racerLaps``
JavaScript layout follow the real captures line by line, so parsers written
against real pages read these too. Text is escaped the way LiveRC does it:
``&`` and ``'`` stay raw in HTML text (only what would break the markup is
escaped), and names in the script are JavaScript-escaped (O\\'CONNOR).
"""

# ruff: noqa: E501  (templates reproduce LiveRC's long lines)

from __future__ import annotations

import re
from datetime import datetime

from . import chrome, formats
from .model import Event, Race, Result, Site, Track

_ENTITY_LIKE = re.compile(r"&(?=[A-Za-z#])")


def html_text(text: str) -> str:
    """Escape for an HTML text node as LiveRC does: raw "&" and "'" (as in "Mod & F1",
    "Wombat's Cup"), but never anything a parser could read as markup or an entity."""
    return _ENTITY_LIKE.sub("&amp;", text).replace("<", "&lt;").replace(">", "&gt;")


def html_attr(text: str) -> str:
    """Escape for a double-quoted attribute value."""
    return html_text(text).replace('"', "&quot;")


def js_string(text: str) -> str:
    """Body of a single-quoted JavaScript string: O'CONNOR -> O\\'CONNOR."""
    return text.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n").replace("</", "<\\/")


def _t(n: int) -> str:
    return "\t" * n


def event_dates(event: Event, *, br: bool = False) -> str:
    """ "Nov 16, 2025", or a range ("May 3, 2025 to May 4, 2025"; events list adds <br />)."""
    first = formats.date_text(event.start)
    if event.end is None or event.end == event.start.date():
        return first
    return f"{first} to {'<br />' if br else ''}{formats.date_text(event.end)}"


def _breadcrumb(track: Track, event: Event, *, hub: bool = False) -> str:
    h5 = _t(7) if hub else _t(3)
    close = _t(5) if hub else _t(2)
    link = (
        '\t\t<a href="/events/"><i class="fa fa-calendar fa-fw"></i> <u>View results from other events</u></a>\n'
        if hub
        else ""
    )
    return (
        '<div class="row page-breadcrumb">\n'
        '\t<div class="col-lg-12">\n'
        f'\t\t<h1 class="page-header"><span class="fa fa-road"></span> {html_text(track.name)}</h1>\n'
        '\t\t<div class="clearfix">\n'
        f'\t\t\t<h3 class="page-header text-nowrap pull-left"><span class="fa fa-list-ol"></span> {html_text(event.name)}</h3>\n'
        f'{h5}<h5 class="page-header text-nowrap pull-left"><span class="fa fa-calendar"></span> {event_dates(event)}</h5>\n'
        f"{close}</div>\n"
        f"{link}"
        "\t</div>\n"
        "</div>\n"
    )


def _stats_card(track: Track, event: Event) -> str:
    """Side "Event Stats" card: Race Track, Entries/Drivers, Total Race Laps."""
    return (
        f'{_t(5)}<div class="card">\n'
        '\t<div class="card-header">\n'
        '\t\t<h2><i class="fas fa-chart-line"></i> Event Stats</h2>\n'
        "\t</div>\n"
        '\t<div class="card-body p-0">\n'
        '\t\t<table class="table table-sm table-borderless m-0">\n'
        "\t\t\t<tbody>\n"
        "\t\t\t\t<tr>\n"
        "\t\t\t\t\t<th>Race Track</th>\n"
        f"\t\t\t\t\t<td>{html_text(track.surface)}</td>\n"
        "\t\t\t\t</tr>\n"
        "\t\t\t\t<tr>\n"
        "\t\t\t\t\t<th>Registrations</th>\n"
        "\t\t\t\t\t<td>\n"
        f"\t\t\t\t\t\tEntries: {event.entry_count}<br />\n"
        f"\t\t\t\t\t\tDrivers: {event.driver_count}{_t(5)}</td>\n"
        "\t\t\t\t</tr>\n"
        "\t\t\t\t<tr>\n"
        "\t\t\t\t\t<th>Total Race Laps</th>\n"
        f"\t\t\t\t\t<td>{formats.thousands(_laps_so_far(event))}</td>\n"
        "\t\t\t\t</tr>\n"
        f"{_t(7)}</tbody>\n"
        "\t\t</table>\n"
        "\t</div>\n"
        "</div>\n"
    )


def _laps_so_far(event: Event) -> int:
    """ "Total Race Laps": of the races scored so far (every race, once the event is over)."""
    return sum(r.total_laps for r in event.listed_races if r.race_id not in event.unscored)


def _datatable_script(selector: str, options: list[str]) -> str:
    opts = ",\n".join(f"\t\t\t{o}" for o in options)
    return (
        f"{_t(8)}<script>\n"
        "\t$(document).ready(function()\n"
        "\t{\n"
        f"\t\t$('{selector}').DataTable(\n"
        "\t\t{\n"
        f"{opts}\n"
        "\t\t});\n"
        "\t});\n"
        "</script>\n"
    )


# --- track catalogue -----------------------------------------------------


def _catalogue_row(track: Track) -> str:
    live = track.live or track.practicing
    href = f"//{track.slug}.liverc.com/"
    status = (
        '<i class="fa fa-flag-checkered fa-fw status_2"></i>'
        if track.live
        else '<i class="fa fa-clock-o fa-fw status_1"></i>'
        if track.practicing
        else '<i class="fa fa-power-off fa-fw status_0"></i>'
    )
    featured = (
        f'\n{_t(25)}<i class="fa fa-star fa-fw status_featured"></i>' if track.featured else ""
    )
    current = (
        f'<div class="indent"><small>{html_text(track.current_event)}</small></div>'
        if track.current_event
        else ""
    )
    return (
        f'<tr class="clickable-row" data-href="{href}{"live/" if live else "results/"}">\n'
        f'{_t(11)}<td class="text-nowrap">\n'
        f'{_t(12)}<i class="fa fa-video-camera fa-fw status_video_{int(track.video)}"></i>\n'
        f"{_t(12)}{status}{featured}\n"
        f"{_t(24)}<br /><small><small>{html_text(track.last_updated)}</small></small>\n"
        f"{_t(11)}</td>\n"
        f'{_t(11)}<td><span class="hidden">seRC</span><a href="{href}"><strong>{html_text(track.name)}</strong></a>{current}</td>\n'
        f"{_t(19)}</tr>\n"
    )


def render_catalogue(site: Site) -> str:
    """https://live.liverc.com/ : ``table.track_list`` with one ``tr.clickable-row`` per track."""
    rows = "".join(
        (_t(34) if i == 0 else _t(27)) + _catalogue_row(t) for i, t in enumerate(site.tracks)
    )
    content = (
        "\n"
        + _datatable_script(
            ".track_list",
            [
                "'responsive': false",
                "'paging': true",
                "'pageLength': 100",
                "'filter': true",
                "'sort': false",
                "'info': false",
            ],
        )
        + "\n"
        '<div class="row page-breadcrumb">\n'
        '\t<div class="col-lg-12">\n'
        '\t\t<h1 class="page-header"><span class="fa fa-road"></span> Track List</h1>\n'
        "\t</div>\n"
        "</div>\n"
        "\n"
        '<div class="row">\n'
        "\n"
        '\t<div class="col-lg-6">\n'
        "\n"
        '\t\t<div class="panel panel-default">\n'
        '\t\t\t<div class="panel-heading"><i class="fa fa-road fa-fw"></i> Tracks</div>\n'
        '\t\t\t<div class="panel-body no_padding">\n'
        '\t\t\t\t<ul class="list-inline padding_container">\n'
        '\t\t\t\t\t<li><i class="fa fa-video-camera fa-fw status_video_1"></i> Live Video</li>\n'
        '\t\t\t\t\t<li><i class="fa fa-star fa-fw status_featured"></i> Featured Event</li>\n'
        '\t\t\t\t\t<li><i class="fa fa-flag-checkered fa-fw status_2"></i> Racing in Progress</li>\n'
        '\t\t\t\t\t<li><i class="fa fa-clock-o fa-fw status_1"></i> Open Practicing</li>\n'
        '\t\t\t\t\t<li><i class="fa fa-power-off fa-fw"></i> No Track Activity</li>\n'
        "\t\t\t\t</ul>\n"
        "\n"
        '\t\t\t\t<div class="table-responsive">\n'
        '\t\t\t\t\t<table class="table table-striped track_list" cellspacing="0" width="100%">\n'
        "\t\t\t\t\t\t<thead>\n"
        "\t\t\t\t\t\t\t<tr>\n"
        '\t\t\t\t\t\t\t\t<th class="col_min">Status</th>\n'
        "\t\t\t\t\t\t\t\t<th>Track Name</th>\n"
        "\t\t\t\t\t\t\t</tr>\n"
        "\t\t\t\t\t\t</thead>\n"
        "\t\t\t\t\t\t<tfoot>\n"
        "\t\t\t\t\t\t\t<tr>\n"
        "\t\t\t\t\t\t\t\t<th>Status</th>\n"
        "\t\t\t\t\t\t\t\t<th>Track Name</th>\n"
        "\t\t\t\t\t\t\t</tr>\n"
        "\t\t\t\t\t\t</tfoot>\n"
        "\t\t\t\t\t\t<tbody>\n"
        f"{rows}"
        f"{_t(21)}</tbody>\n"
        "\t\t\t\t\t</table>\n"
        "\t\t\t\t</div>\n"
        "\n"
        "\t\t\t</div>\n"
        "\t\t</div>\n"
        "\n"
        "\t</div>\n"
        "\n"
        "</div>\n"
    )
    return chrome.page(
        "LiveRC :: Watch Live R/C Car Racing with Scoring and Video :: LiveRC",
        content,
        css=chrome.DATATABLES_CSS,
        js=chrome.DATATABLES_JS,
        track_menu=False,
        strip_blank_lines=True,
    )


# --- a track's events ----------------------------------------------------


def _hidden_datetime(dt: datetime) -> str:
    return dt.strftime("%Y-%m-%d %H:%M:%S")


def render_track_events(track: Track) -> str:
    """https://{slug}.liverc.com/events/ : ``table#events``, newest first."""
    rows = "".join(
        f"{_t(17)}<tr>\n"
        f'{_t(10)}<td><a href="/results/?p=view_event&id={e.event_id}">{html_text(e.name)}</a></td>\n'
        f'{_t(10)}<td><span class="hidden">{_hidden_datetime(e.start)}</span>{event_dates(e, br=True)}</td>\n'
        f"{_t(10)}<td>{e.entry_count}</td>\n"
        f"{_t(10)}<td>{e.driver_count}</td>\n"
        f"{_t(9)}</tr>\n"
        for e in track.events
    )
    header = "".join(
        f"{_t(9)}<th>{h}</th>\n" for h in ("Event Name", "Date", "# Entries", "# Drivers")
    )
    content = (
        "\n"
        + _datatable_script(
            "#events", ["'responsive': true", "'order': [[ 1, 'desc' ]]", "'pageLength': 10"]
        )
        + "\n"
        '<div class="row page-breadcrumb">\n'
        '\t<div class="col-lg-12">\n'
        f'\t\t<h1 class="page-header"><span class="fa fa-calendar"></span> {html_text(track.name)}\'s Events</h1>\n'
        "\t</div>\n"
        "</div>\n"
        "\n"
        '<div class="row">\n'
        "\n"
        '\t<div class="col-lg-12">\n'
        "\n"
        f'{_t(5)}<div class="panel panel-default">\n'
        '\t\t\t\t<div class="panel-heading"><i class="fa fa-calendar"></i> Event List</div>\n'
        '\t\t\t\t<div class="panel-body no_padding">\n'
        "\n"
        '\t\t\t\t\t<div class="table-responsive">\n'
        '\t\t\t\t\t\t<table id="events" class="table table-striped" width="100%">\n'
        "\t\t\t\t\t\t\t<thead>\n"
        "\t\t\t\t\t\t\t\t<tr>\n"
        f"{header}"
        "\t\t\t\t\t\t\t\t</tr>\n"
        "\t\t\t\t\t\t\t</thead>\n"
        "\t\t\t\t\t\t\t<tfoot>\n"
        "\t\t\t\t\t\t\t\t<tr>\n"
        f"{header}"
        "\t\t\t\t\t\t\t\t</tr>\n"
        "\t\t\t\t\t\t\t</tfoot>\n"
        "\t\t\t\t\t\t\t<tbody>\n"
        f"{rows}"
        f"{_t(15)}</tbody>\n"
        "\t\t\t\t\t\t</table>\n"
        "\t\t\t\t\t</div>\n"
        "\t\t\t\t</div>\n"
        "\n"
        "\t\t\t</div>\n"
        "\t\t\t</div>\n"
        "\n"
        "</div>\n"
    )
    return chrome.page(
        f"{html_text(track.name)} :: Archived Results :: LiveRC",
        content,
        css=chrome.DATATABLES_CSS,
        js=chrome.DATATABLES_JS,
        strip_blank_lines=True,
    )


# --- event hub -----------------------------------------------------------


def render_event(track: Track, event: Event) -> str:
    """Event hub: entry-list row, one heat-sheet ``a.block`` per round, the overall
    results links (distractors), then every race listed so far (see
    ``Event.races_run``) grouped by round, newest first; with none, no race table."""
    eid = event.event_id
    listed = event.listed_races
    quals = [r for r in event.rounds if r.code.startswith("Q")]
    others = [r for r in event.rounds if not r.code.startswith("Q")]
    sheets = [
        (f"/results/?p=view_heat_sheet&id={r.heat_sheet_id}", "fa-list", html_text(r.name))
        for r in [*reversed(quals), *others]
    ]
    sheet_rows = "".join(
        f"{_t(30 if i == 0 else 21)}<tr>\n"
        f'{_t(12)}<td><a href="{h}" class="block"><i class="fa {icon}"></i> {text}</a></td>\n'
        f"{_t(11)}</tr>\n"
        for i, (h, icon, text) in enumerate(sheets)
    )
    overall = ""
    if listed:
        rankings = "".join(
            f"{_t(33 if i == 0 else 23)}<tr>\n"
            f'{_t(13)}<td><a href="/results/?p=view_round_ranking&id={r.ranking_id}&o=laps_time" class="block"><i class="fa fa-list-ol"></i> {html_text(r.name)} Rankings</a></td>\n'
            f"{_t(12)}</tr>\n"
            for i, r in enumerate(quals)
        )
        multi = "".join(
            f"{_t(33 if i == 0 else 23)}<tr>\n"
            f'{_t(13)}<td><a href="/results/?p=view_multi_main_result&id={mid}" class="block"><i class="fa fa-trophy"></i> {html_text(label)} Results</a></td>\n'
            f"{_t(12)}</tr>\n"
            for i, (label, mid) in enumerate(event.multi_main_ids.items())
        )
        overall = (
            f'{_t(13)}<div class="table-responsive">\n'
            f'{_t(8)}<table class="table table-hover entry_list_data">\n'
            f"{_t(9)}<thead>\n"
            f"{_t(10)}<tr>\n"
            f'{_t(11)}<th><span class="class_header">Overall Results &amp; Rankings</span></th>\n'
            f"{_t(10)}</tr>\n"
            f"{_t(9)}</thead>\n"
            f"{_t(9)}<tbody>\n"
            f"{_t(131)}<tr>\n"
            f'{_t(12)}<td><a href="/results/?p=event_overall_ranking&id={eid}" class="block"><i class="fa fa-trophy"></i> Final Results</a></td>\n'
            f"{_t(11)}</tr>\n"
            f"{_t(20)}\n"
            f"{_t(21)}<tr>\n"
            f'{_t(12)}<td><a href="/results/?p=view_points&id={event.points_id}" class="block"><i class="fa fa-th"></i> Results (1 of {max(1, len(event.class_ids))})</a></td>\n'
            f"{_t(11)}</tr>\n"
            f"{_t(20)}\n"
            f"{_t(20)}\n"
            f"{rankings}"
            f"{_t(31)}\n"
            f"{multi}"
            f"{_t(31)}\n"
            f"{_t(9)}</tbody>\n"
            f"{_t(8)}</table>\n"
            f"{_t(7)}</div>\n"
        )
    race_rows = []
    by_round: dict[str, list[Race]] = {}
    for race in listed:
        by_round.setdefault(race.round_name, []).append(race)
    for i, (round_name, races) in enumerate(reversed(list(by_round.items()))):
        race_rows.append(
            f"{_t(30 if i == 0 else 44)}<tr>\n"
            f"{_t(12)}<th>{html_text(round_name)}</th>\n"
            f"{_t(12)}<th>Time Completed</th>\n"
            f"{_t(11)}</tr>\n"
        )
        for j, race in enumerate(reversed(races)):
            race_rows.append(
                f"{_t(36 if j == 0 else 25)}<tr>\n"
                f'{_t(14)}<td><a href="/results/?p=view_race_result&id={race.race_id}" class="block"><i class="fa fa-trophy"></i> Race {race.race_number}: {html_text(race.class_name)} ({html_text(race.liverc_label)})</a></td>\n'
                f"{_t(14)}<td>{formats.completed_text(race.completed_at)}</td>\n"
                f"{_t(13)}</tr>\n"
            )
    results_table = ""
    if listed:
        results_table = (
            f'{_t(6)}<div class="table-responsive">\n'
            f'{_t(7)}<table class="table table-hover entry_list_data">\n'
            f"{_t(8)}<thead>\n"
            f"{_t(9)}<tr>\n"
            f'{_t(10)}<th colspan="2"><span class="class_header">Race Results</span></th>\n'
            f"{_t(9)}</tr>\n"
            f"{_t(8)}</thead>\n"
            f"{_t(8)}<tbody>\n"
            f"{''.join(race_rows)}"
            f"{_t(50)}</tbody>\n"
            f"{_t(7)}</table>\n"
            f"{_t(6)}</div>\n"
        )
    content = (
        f"{_t(8)}\n{_t(8)}" + _breadcrumb(track, event, hub=True) + "\n"
        '<div class="row">\n'
        "\t</div>\n"
        "\n\n\n\n\n"
        '<div class="row">\n'
        "\t\n"
        '\t<div class="col-lg-8">\n'
        "\t\t\n"
        f'{_t(5)}<div class="panel panel-default">\n'
        '\t\t\t\t<div class="panel-heading"><i class="fa fa-list-ol fa-fw"></i> Race Lineups &amp; Results</div>\n'
        '\t\t\t\t<div class="panel-body no_padding">\n'
        f"{_t(5)}\n{_t(11)}\n{_t(12)}\n"
        f'{_t(6)}<div class="table-responsive">\n'
        f'{_t(7)}<table class="table table-hover entry_list_data">\n'
        f"{_t(8)}<thead>\n"
        f"{_t(9)}<tr>\n"
        f'{_t(10)}<th><span class="class_header">Race Lineups &amp; Entry List</span></th>\n'
        f"{_t(9)}</tr>\n"
        f"{_t(8)}</thead>\n"
        f"{_t(8)}<tbody>\n"
        f'{_t(9)}<tr class="clickable-row" data-href="/results/?p=view_entry_list&id={eid}">\n'
        f'{_t(10)}<td><a href="/results/?p=view_entry_list&id={eid}" class="block"><i class="fa fa-bars"></i> Entry List</a></td>\n'
        f"{_t(9)}</tr>\n"
        f"{sheet_rows}"
        f"{_t(18)}\n"
        f"{_t(17)}</tbody>\n"
        f"{_t(7)}</table>\n"
        f"{_t(6)}</div>\n"
        "\n"
        f"{_t(7)}\n{_t(6)}\n"
        f"{overall}"
        f"{_t(12)}\n"
        f"{results_table}"
        f"{_t(6)}\n{_t(10)}\n"
        "\t\t\t\t</div>\n"
        "\t\t\t\t<!-- /.panel-body -->\n"
        "\t\t\t</div>\n"
        "\t\t\t\t\n"
        "\t</div>\n"
        "\t\n"
        '\t<div class="col-lg-4">\n'
        "\t\t\n" + _stats_card(track, event) + "\t\t\t\t\n"
        "\t</div>\n"
        "\t\n"
        "</div>\n"
    )
    return chrome.page(
        f"{html_text(track.name)} :: {html_text(event.name)} :: LiveRC",
        content,
        css=["/css/global/global.default.css", "/css/results/results.global.css"],
    )


# --- entry list ----------------------------------------------------------


def _class_key(name: str, class_id: int, kind: str) -> str:
    """Tab/table id LiveRC derives from a class: "40+ Electric Buggy" -> "40_Electric_Buggy_table_14341"."""
    return f"{re.sub(r'[^A-Za-z0-9]+', '_', name).strip('_')}_{kind}_{class_id}"


def render_entry_list(track: Track, event: Event) -> str:
    """Entry list: ``ul.nav-pills`` tabs, then one table per class (``div.class_header``,
    ``div.class_sub_header`` "Entries: N", columns # | Driver | Transponder #)."""
    listed: dict[str, list] = {c: [] for c in event.class_ids}
    for e in event.listed_entries:
        listed.setdefault(e.class_name, []).append(e.driver)
    classes = [c for c, drivers in listed.items() if drivers]
    ids = {c: event.class_ids.get(c, 0) for c in classes}
    scripts = "".join(
        f"{_t(9 if i == 0 else 7)}$('#{_class_key(c, ids[c], 'table')}').DataTable(\n"
        "\t\t\t\t{\n"
        "\t\t\t\t\t'responsive': true,\n"
        "\t\t\t\t\t'order': [[ 1, 'asc' ]],\n"
        "\t\t\t\t\t'paging': false,\n"
        "\t\t\t\t\t'info': false\n"
        "\t\t\t\t});\n"
        for i, c in enumerate(classes)
    )
    tabs = "".join(
        f'{_t(22)}<li class="active"><a href="#{_class_key(c, ids[c], "tab")}" data-toggle="tab">{html_text(c)}</a></li>\n'
        if i == 0
        else f'{_t(23)}<li><a href="#{_class_key(c, ids[c], "tab")}" data-toggle="tab">{html_text(c)}</a></li>\n'
        for i, c in enumerate(classes)
    )
    header = "".join(f"{_t(11)}<th>{h}</th>\n" for h in ("#", "Driver", "Transponder #"))
    panes = []
    for i, c in enumerate(classes):
        drivers = sorted(listed[c], key=lambda d: (d.sort_name, d.driver_id))
        rows = "".join(
            f"{_t(33 if n == 1 else 23)}<tr>\n"
            f"{_t(13)}<td>{n}</td>\n"
            f'{_t(13)}<td><span class="hidden">{html_text(d.sort_name)}</span>{html_text(d.display_name)}</td>\n'
            f"{_t(13)}<td>{d.transponder}</td>\n"
            f"{_t(12)}</tr>\n"
            for n, d in enumerate(drivers, start=1)
        )
        active = " in active" if i == 0 else ""
        panes.append(
            f'{_t(19 if i == 0 else 20)}<div class="tab-pane fade{active} table-responsive" id="{_class_key(c, ids[c], "tab")}">\n'
            f'{_t(8)}<table id="{_class_key(c, ids[c], "table")}" class="table table-striped" cellspacing="0" width="100%">\n'
            f"{_t(9)}<thead>\n"
            f"{_t(10)}<tr>\n"
            f'{_t(11)}<th colspan="3">\n'
            f'{_t(12)}<div class="class_header">{html_text(c)}</div>\n'
            f'{_t(12)}<div class="class_sub_header">Entries: {len(drivers)}</div>\n'
            f"{_t(11)}</th>\n"
            f"{_t(10)}</tr>\n"
            f"{_t(10)}<tr>\n{header}{_t(10)}</tr>\n"
            f"{_t(9)}</thead>\n"
            f"{_t(9)}<tfoot>\n"
            f"{_t(10)}<tr>\n{header}{_t(10)}</tr>\n"
            f"{_t(9)}</tfoot>\n"
            f"{_t(9)}<tbody>\n"
            f"{rows}"
            f"{_t(30)}</tbody>\n"
            f"{_t(8)}</table>\n"
            f"{_t(7)}</div>\n"
        )
    content = (
        "\n"
        f"{_t(8)}<script>\n"
        "\t$(document).ready(function()\n"
        "\t{\n"
        f"{scripts}"
        f"{_t(6)}}});\n"
        "</script>\n"
        "\n" + _breadcrumb(track, event) + "\n"
        '<div class="row">\n'
        "\t</div>\n"
        "\n"
        '<div class="row">\n'
        "\n"
        '\t<div class="col-lg-8">\n'
        "\n"
        '\t\t<div class="panel panel-default">\n'
        '\t\t\t<div class="panel-heading"><i class="fa fa-list fa-fw"></i> Entry List</div>\n'
        '\t\t\t<div class="panel-body no_padding">\n'
        "\n\n"
        "\t\t\t\t\t<!-- Nav tabs -->\n"
        '\t\t\t\t\t<div class="padding_container">\n'
        '\t\t\t\t\t\t<ul class="nav nav-pills">\n'
        f"{tabs}"
        f"{_t(21)}</ul>\n"
        "\t\t\t\t\t</div>\n"
        "\t\t\t\t\t<br>\n"
        "\n"
        "\t\t\t\t\t<!-- Tab panes -->\n"
        '\t\t\t\t\t<div class="tab-content">\n'
        f"{''.join(panes)}"
        f"{_t(18)}</div>\n"
        "\n\n"
        "\t\t\t</div>\n"
        "\t\t</div>\n"
        "\n"
        "\t</div>\n"
        "\n"
        '\t<div class="col-lg-4">\n'
        "\n"
        + _stats_card(track, event).replace(
            _t(5) + '<div class="card">', '\t\t<div class="card">', 1
        )
        + "\n"
        "\t</div>\n"
        "\n"
        "</div>\n"
    )
    return chrome.page(
        f"{html_text(track.name)} :: {html_text(event.name)} :: Entry List :: LiveRC",
        content,
        css=[
            "/css/global/global.default.css",
            "/css/results/results.global.css",
            "/css/results/results.heat_sheet.css",
            *chrome.DATATABLES_CSS,
        ],
        js=chrome.DATATABLES_JS,
        strip_blank_lines=True,
        year="2026",
    )


# --- race result ---------------------------------------------------------

_STAT_KEYS = (
    "fastLap",
    "avgLap",
    "avgTop5",
    "avgTop10",
    "avgTop15",
    "top2Consecutive",
    "top3Consecutive",
    "stdDeviation",
    "consistency",
)


def _opt(ms: int | None) -> str:
    return "" if ms is None else formats.secs3(ms)


def _js_stats(r: Result) -> list[str]:
    if not r.laps:
        return [""] * len(_STAT_KEYS)
    return [
        _opt(r.fastest_lap_ms),
        _opt(r.avg_lap_ms),
        _opt(r.avg_top5_ms),
        _opt(r.avg_top10_ms),
        _opt(r.avg_top15_ms),
        _opt(r.top2_consecutive_ms),
        _opt(r.top3_consecutive_ms),
        _opt(r.std_deviation_ms),
        "" if r.consistency is None else formats.pct3(r.consistency),
    ]


def racer_laps_block(r: Result) -> str:
    """One driver's ``positionDataDriver`` / ``racerLaps[id] = {...}`` lines."""
    name = js_string(r.shown_name)
    out = [
        f"{_t(13)}positionDataDriver = {{}};\n",
        f"{_t(7)}positionDataDriver.label = '{name}';\n",
        f"{_t(7)}positionDataDriver.data = [];\n",
        f"{_t(7)}driverNames.push('{name}');\n",
        f"{_t(7)}racerLaps[{r.driver.driver_id}] = {{\n",
        f"{_t(8)}'driverName' : '{name}',\n",
    ]
    out += [f"{_t(8)}'{k}' : '{v}',\n" for k, v in zip(_STAT_KEYS, _js_stats(r), strict=True)]
    out.append(f"{_t(8)}'laps' : [\n")
    if r.laps:
        laps = [(0, r.car_number, "0", "0")] + [
            (lap.number, lap.position, formats.js_lap_time(lap.time_ms), lap.pace) for lap in r.laps
        ]
        for i, (num, pos, time, pace) in enumerate(laps):
            out.append(
                f"{_t(30 if i == 0 else 21)}{{\n"
                f"{_t(12)}'lapNum' : '{num}',\n"
                f"{_t(12)}'pos' : '{pos}',\n"
                f"{_t(12)}'time' : '{time}',\n"
                f"{_t(12)}'pace' : '{pace}',\n"
                f"{_t(12)}'segments' : [\n"
                f"{_t(25)}]\n"
                f"{_t(11)}}},\n"
            )
        out.append(f"{_t(27)}]\n{_t(7)}}};\n")
        out += [
            f"{_t(24 if i == 0 else 17)}positionDataDriver.data.push([{num}, {pos}]);\n"
            for i, (num, pos, _, _) in enumerate(laps)
        ]
        out.append(f"{_t(22)}positionData.push(positionDataDriver);\n")
    else:
        out.append(f"{_t(17)}]\n{_t(7)}}};\n")
        out.append(f"{_t(14)}positionData.push(positionDataDriver);\n")
    out.append(f"{_t(7)}console.log(racerLaps[{r.driver.driver_id}]);\n")
    return "".join(out)


def _hidden_cell(ms: int | None, shown: str | None = None) -> str:
    if ms is None:
        return f'{_t(10)}<td><div class="hidden"></div></td>\n'
    value = formats.secs3(ms)
    return f'{_t(10)}<td><div class="hidden">{value}</div>{shown or value}</td>\n'


def result_row(r: Result) -> str:
    """One ``<tr>`` of ``table.race_result``."""
    link = (
        f'{_t(23)}<br /><span class="text-nowrap"><small><small><a href="#" data-driver-id="{r.driver.driver_id}" class="driver_laps"><span class="fa fa-eye"></span> View Laps</a></small></small></span>\n'
        if r.laps
        else ""
    )
    fastest = (
        f"{formats.secs3(r.fastest_lap_ms)}<sup>{r.fastest_lap_number}</sup>"
        if r.fastest_lap_ms is not None
        else ""
    )
    top3 = r.top3_consecutive_ms
    return (
        f"{_t(17)}<tr>\n"
        f"{_t(10)}<td>{r.position}</td>\n"
        f"{_t(10)}<td>\n"
        f'{_t(11)}<span class="car_num">{r.car_number}</span>\n'
        f'{_t(11)}<span class="driver_name">{html_text(r.shown_name)}</span>\n'
        f"{link}"
        f"{_t(21)}</td>\n"
        f"{_t(10)}<td>{r.qualifying_position}</td>\n"
        f"{_t(10)}<td>{formats.laps_time(r.lap_count, r.total_ms)}</td>\n"
        f"{_t(10)}<td>{r.behind}</td>\n"
        f"{_t(10)}<td>{fastest}</td>\n"
        + _hidden_cell(r.avg_lap_ms)
        + _hidden_cell(r.avg_top5_ms)
        + _hidden_cell(r.avg_top10_ms)
        + _hidden_cell(r.avg_top15_ms)
        + _hidden_cell(top3, None if top3 is None else formats.consecutive_text(top3))
        + f"{_t(10)}<td>{'' if r.std_deviation_ms is None else formats.std2(r.std_deviation_ms)}</td>\n"
        f"{_t(10)}<td>{'' if r.consistency is None else formats.pct2(r.consistency)}</td>\n"
        f"{_t(9)}</tr>\n"
    )


RESULT_HEADERS = (
    "Pos",
    "Driver",
    "Qual",
    "Laps/Time",
    "Behind",
    "Fastest Lap",
    "Avg Lap",
    "Avg Top 5",
    "Avg Top 10",
    "Avg Top 15",
    "Top 3 Consecutive",
    "Std. Deviation",
    "Consistency",
)


def render_race_result(track: Track, event: Event, race: Race) -> str:
    """Race result: ``racerLaps`` script for every driver (results order, non-starters
    included), then ``table.race_result`` with thead (colspan row + headers), tfoot, tbody.
    A race without results (listed, not yet scored) has the table's head and no script."""
    label = html_text(race.liverc_label)
    head = "".join(f"{_t(9)}<th>{h}</th>\n" for h in RESULT_HEADERS)
    foot = head.replace("<th>Fastest Lap</th>", "<th>Fastest Lap <sup>(Lap #)</sup></th>")
    # A race not scored yet has no racerLaps (docs/LIVERC.md): no script at all.
    script = (
        f'{_t(5)}<script type="text/javascript">\n'
        f"{_t(6)}var racerLaps = {{}};\n"
        f"{_t(6)}var positionData = [];\n"
        f"{_t(6)}var driverNames = [];\n"
        + "".join(racer_laps_block(r) for r in race.results)
        + f"{_t(11)}</script>\n"
        if race.results
        else ""
    )
    rows = "".join(result_row(r) for r in race.results)
    content = (
        f"{_t(8)}\n"
        + _datatable_script(
            ".race_result",
            [
                "'responsive': true",
                "'paging': false",
                "'filter': false",
                "'sort': ($(window).width() > 500 ? true : false)",
                "'info': false",
            ],
        )
        + "\n"
        + _breadcrumb(track, event)
        + "\n"
        '<div class="row">\n'
        "\t</div>\n"
        "\n"
        '<div class="row">\n'
        "\t\n"
        '\t<div class="col-lg-12">\n'
        "\t\t\n"
        '\t\t<div class="panel panel-default">\n'
        f'\t\t\t<div class="panel-heading"><i class="fa fa-trophy"></i> {label} Results [{race.round_code} Race #{race.race_number}]</div>\n'
        '\t\t\t<div class="panel-body no_padding">\n'
        f"{_t(4)}\n{_t(9)}\n"
        f"{script}"
        f"{_t(5)}\n"
        f'{_t(5)}<div class="table-responsive">\n'
        f'{_t(6)}<table class="table table-striped race_result" cellspacing="0" width="100%">\n'
        f"{_t(7)}<thead>\n"
        f"{_t(8)}<tr>\n"
        f'{_t(9)}<th colspan="14">\n'
        f'{_t(10)}<div class="race_num" style="background: #0000FF;color: white;">{race.race_number}</div>\n'
        f'{_t(10)}<div class="race_info">\n'
        f'{_t(11)}<span class="class_header">{label}</span><br />\n'
        f'{_t(11)}<span class="class_sub_header">Round: {html_text(race.round_name)}</span><br />\n'
        f'{_t(11)}<span class="class_sub_header">Length: {html_text(race.length)}</span>\n'
        f"{_t(10)}</div>\n"
        f"{_t(9)}</th>\n"
        f"{_t(8)}</tr>\n"
        f"{_t(8)}<tr>\n{head}{_t(8)}</tr>\n"
        f"{_t(7)}</thead>\n"
        f"{_t(7)}<tfoot>\n"
        f"{_t(8)}<tr>\n{foot}{_t(8)}</tr>\n"
        f"{_t(7)}</tfoot>\n"
        f"{_t(7)}<tbody>\n"
        f"{rows}"
        f"{_t(15)}</tbody>\n"
        f"{_t(6)}</table>\n"
        f"{_t(5)}</div>\n"
        f"{_t(5)}\n{_t(8)}\n"
        "\t\t\t</div>\n"
        "\t\t</div>\n"
        f"\t\t\n{_t(4)}\n{_t(5)}\n"
        + _position_chart(len(race.results))
        + "\t\t\t\n\t\t\t\t\n\t</div>\n\t\n</div>\n"
    )
    return chrome.page(
        f"{html_text(track.name)} :: {html_text(event.name)} :: {label} :: LiveRC",
        content,
        css=[
            "/css/global/global.default.css",
            "/css/results/results.global.css",
            "/css/results/results.race_result.css",
            *chrome.DATATABLES_CSS,
        ],
        js=[
            "/js/global/global.default.min.js",
            "/js/results/results.race_result.min.js",
            *chrome.DATATABLES_JS,
            "/vendor/flot/jquery.flot.js",
            "/vendor/flot/jquery.flot.resize.js",
            "/vendor/flot-tooltip/jquery.flot.tooltip.min.js",
        ],
        leading_newline=False,
        year="2026",
        fly_in=True,
    )


def _position_chart(drivers: int) -> str:
    """Lap-by-lap position graph panel and its (shortened) flot script."""
    return (
        '\t\t\t<div class="panel panel-default">\n'
        '\t\t\t\t<div class="panel-heading"><i class="fa fa-area-chart"></i> Lap-by-Lap Position Graph</div>\n'
        '\t\t\t\t<div class="panel-body">\n'
        '\t\t\t\t\t<div class="flot-chart">\n'
        '\t\t\t\t\t\t<div class="flot-chart-content" id="chart_position_by_laps"></div>\n'
        "\t\t\t\t\t</div>\n"
        "\t\t\t\t</div>\n"
        "\t\t\t</div>\n"
        '\t\t\t<script type="text/javascript">\n'
        "\t\t\t\t$(document).ready(function()\n"
        "\t\t\t\t{\n"
        '\t\t\t\t\tvar plotObj = $.plot($("#chart_position_by_laps"), positionData, \n'
        "\t\t\t\t\t{\n"
        "\t\t\t\t\t\tseries: \n"
        "\t\t\t\t\t\t{\n"
        "\t\t\t\t\t\t\tlines: \n"
        "\t\t\t\t\t\t\t{\n"
        "\t\t\t\t\t\t\t\tshow: true\n"
        "\t\t\t\t\t\t\t},\n"
        "\t\t\t\t\t\t\tpoints: \n"
        "\t\t\t\t\t\t\t{\n"
        "\t\t\t\t\t\t\t\tshow: true\n"
        "\t\t\t\t\t\t\t}\n"
        "\t\t\t\t\t\t},\n"
        "\t\t\t\t\t\tgrid: \n"
        "\t\t\t\t\t\t{\n"
        "\t\t\t\t\t\t\thoverable: true\n"
        "\t\t\t\t\t\t},\n"
        "\t\t\t\t\t\ttooltip: true,\n"
        "\t\t\t\t\t\ttooltipOpts: \n"
        "\t\t\t\t\t\t{\n"
        '\t\t\t\t\t\t\tcontent: "%s: %y.0"\n'
        "\t\t\t\t\t\t},\n"
        "\t\t\t\t\t\txaxis:\n"
        "\t\t\t\t\t\t{\n"
        "\t\t\t\t\t\t\ttickDecimals: 0,\n"
        "\t\t\t\t\t\t},\n"
        "\t\t\t\t\t\tyaxis:\n"
        "\t\t\t\t\t\t{\n"
        "\t\t\t\t\t\t\tmin: 1,\n"
        f"\t\t\t\t\t\t\tmax: {drivers},\n"
        "\t\t\t\t\t\t\ttickDecimals: 0,\n"
        "\t\t\t\t\t\t\ttransform: function (v) { return -v; },\n"
        "\t\t\t\t\t\t\tinverseTransform: function (v) { return -v; }\n"
        "\t\t\t\t\t\t}\n"
        "\t\t\t\t\t});\n"
        "\t\t\t\t});\n"
        "\t\t\t</script>\n"
    )
