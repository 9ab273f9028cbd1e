"""Ids become URLs only when they can be ids; the key and the sport come from the environment."""

from __future__ import annotations

import pytest
from mre_speedhive import config, urls

from mre_core.connector import UsageError

API = "https://eventresults-api.speedhive.com/api/v0.2.3/eventresults"


def test_the_urls_are_the_definitions_paths_on_the_public_host():
    assert urls.organization_url("5150") == f"{API}/organizations/5150"
    assert urls.events_url("5150", offset=100) == (
        f"{API}/organizations/5150/events?count=100&offset=100"
    )
    assert urls.sessions_url("700101") == f"{API}/events/700101/sessions"
    assert urls.classification_url("800011") == f"{API}/sessions/800011/classification"
    assert urls.laps_url("800011", 3, offset=200) == (
        f"{API}/sessions/800011/lapdata/3/laps?count=100&offset=200"
    )


@pytest.mark.parametrize(
    "bad", ["", "abc", "12a", "-5", "007", "0", "1 2", "5150\n", "١٢", "../5150", "1" * 19]
)
def test_anything_but_digits_is_a_usage_error(bad):
    with pytest.raises(UsageError, match="is not a Speedhive organization id"):
        urls.organization_url(bad)
    with pytest.raises(UsageError, match="is not a Speedhive event id"):
        urls.sessions_url(bad)


def test_the_key_is_sent_only_when_set(monkeypatch):
    assert config.request_headers() == {"Accept": "application/json"}
    monkeypatch.setenv("MRE_SPEEDHIVE_API_KEY", "  k3y-123  ")
    assert config.request_headers() == {"Accept": "application/json", "Apikey": "k3y-123"}
    monkeypatch.setenv("MRE_SPEEDHIVE_API_KEY", "two words")
    with pytest.raises(UsageError) as caught:
        config.request_headers()
    assert "two words" not in str(caught.value)


def test_the_sport_is_rc_unless_set(monkeypatch):
    assert config.sport() == "RC"
    monkeypatch.setenv("MRE_SPEEDHIVE_SPORT", "karting")
    assert config.sport() == "Karting"
    monkeypatch.setenv("MRE_SPEEDHIVE_SPORT", "ANY")
    assert config.sport() is None
    monkeypatch.setenv("MRE_SPEEDHIVE_SPORT", "Quidditch")
    with pytest.raises(UsageError, match="'Quidditch' is not a Speedhive sport"):
        config.sport()
