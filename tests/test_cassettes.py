"""The bundled cassette stays in step with the site generator that recorded it."""

from __future__ import annotations

from vcr.serializers import yamlserializer

from tests.liverc_site import SitePages
from tests.liverc_site.demo import DEMO_CASSETTE, demo_commands, demo_site


def test_the_demo_cassette_holds_exactly_the_pages_the_generator_writes_today():
    cassette = yamlserializer.deserialize(DEMO_CASSETTE.read_text(encoding="utf-8"))
    pages = SitePages(demo_site())
    recorded = {
        i["request"]["uri"]: i["response"]["body"]["string"] for i in cassette["interactions"]
    }
    assert len(recorded) == len(cassette["interactions"])  # each URL recorded once
    assert all(uri.startswith("https://") and ".liverc.com/" in uri for uri in recorded)
    for uri, body in recorded.items():
        text = body if isinstance(body, str) else body.decode("utf-8")
        assert text.encode("utf-8") == pages[uri], (
            f"{uri} changed: python -m tests.liverc_site record-demo"
        )


def test_the_demo_cassette_costs_what_the_spec_says():
    site = demo_site()
    cassette = yamlserializer.deserialize(DEMO_CASSETTE.read_text(encoding="utf-8"))
    _, _, (_, _, _, event_id, *_) = demo_commands(site)
    event = next(e for t in site.tracks for e in t.events if str(e.event_id) == event_id)
    # catalogue + events page + (races + 2) for the event
    assert len(cassette["interactions"]) == 1 + 1 + len(event.races) + 2
