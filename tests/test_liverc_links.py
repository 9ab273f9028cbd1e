"""The connector requests only canonical *.liverc.com URLs; links elsewhere are never followed."""

from __future__ import annotations

import pytest

from mre_core.errors import ForbiddenHostError, UsageError
from mre_core.http import HttpClient
from mre_core.records import ConnectorInfo
from mre_core.settings import Settings
from mre_liverc import urls
from mre_liverc.pages.event_hub import parse_event_races

HUB = "https://canberraoffroad.liverc.com/results/?p=view_event&id=486677"


@pytest.mark.parametrize(
    ("href", "expected"),
    [
        ("/results/?p=view_race_result&id=6304829", "6304829"),
        ("/results/?id=6304829&p=view_race_result", "6304829"),  # id before p
        ("//canberraoffroad.liverc.com/results/?p=view_race_result&id=7", "7"),
        ("https://other.liverc.com/results/?p=view_race_result&id=8", "8"),
        ("http://canberraoffroad.liverc.com/results/?p=view_race_result&id=9", "9"),
        ("https://evil.example/results/?p=view_race_result&id=1", None),
        ("https://liverc.com.evil.example/results/?p=view_race_result&id=1", None),
        ("javascript:alert(1)", None),
        ("/results/?p=view_heat_sheet&id=9811879", None),
        ("/results/?p=view_race_result&id=12;drop", None),
        ("/results/?p=view_race_result&id=12%0A", None),  # a trailing newline
        ("/results/?p=view_race_result&id=%D9%A1%D9%A2", None),  # Arabic-Indic 12
        ("/results/?p=view_race_result&id=" + "1" * 19, None),
    ],
)
def test_linked_ids(href, expected):
    assert urls.linked_id(href, HUB, "view_race_result") == expected


def test_a_race_link_to_another_host_is_ignored_and_never_requested(sample):
    page = sample("event_canberraoffroad_486677.html").replace(
        '/results/?p=view_race_result&id=6304829"',
        'https://evil.example/results/?p=view_race_result&id=6304829"',
    )
    races = parse_event_races(page, HUB, "canberraoffroad")
    assert len(races) == 31
    assert "6304829" not in {r.source_race_id for r in races}
    assert all(
        r.race_url.startswith("https://canberraoffroad.liverc.com/results/?p=view_race_result&id=")
        for r in races
    )


@pytest.mark.parametrize(
    "url",
    [
        "https://evil.example/",
        "http://canberraoffroad.liverc.com/events/",  # https only
        "https://liverc.com.evil.example/",
    ],
)
def test_the_core_client_refuses_hosts_the_connector_did_not_declare(url):
    info = ConnectorInfo("liverc", "0", urls.HOSTS)
    with HttpClient(Settings()) as client, pytest.raises(ForbiddenHostError, match="may not fetch"):
        client.for_connector(info).get(url)


@pytest.mark.parametrize("slug", ["live", "www", "bad slug", "a.b", "", "x" * 70, "track\n"])
def test_urls_are_built_only_from_valid_slugs(slug):
    with pytest.raises(Exception, match="not a LiveRC track slug"):
        urls.events_url(slug)


@pytest.mark.parametrize("item_id", ["12\n", "١٢", "", "1" * 19, "-1"])
def test_urls_are_built_only_from_ascii_digit_ids(item_id):
    with pytest.raises(UsageError, match="not a LiveRC event id"):
        urls.event_url("a", item_id)


def test_canonical_urls():
    assert urls.CATALOGUE_URL == "https://live.liverc.com/"
    assert urls.events_url("CanberraOffroad") == "https://canberraoffroad.liverc.com/events/"
    assert urls.event_url("a", "1") == "https://a.liverc.com/results/?p=view_event&id=1"
    assert urls.entry_list_url("a", "1") == "https://a.liverc.com/results/?p=view_entry_list&id=1"
    assert urls.race_url("a", "2") == "https://a.liverc.com/results/?p=view_race_result&id=2"
