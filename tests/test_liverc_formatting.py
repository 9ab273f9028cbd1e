"""The parsers read meaning, not layout: reformatted pages give the same records.

Each real page is run through two formatters: BeautifulSoup's prettify
(every tag on its own line, text re-indented) and an lxml rewrite that
reverses the order of every element's attributes. The records must be equal
to those of the original page, field for field.
"""

from __future__ import annotations

import lxml.html
import pytest
from bs4 import BeautifulSoup

from mre_liverc.pages.catalogue import parse_catalogue
from mre_liverc.pages.entry_list import parse_entry_list
from mre_liverc.pages.event_hub import parse_event_races
from mre_liverc.pages.race_result import parse_race_result
from mre_liverc.pages.track_events import parse_track_events

PAGES = {
    "track-catalogue.html": parse_catalogue,
    "track-events_canberraoffroad.html": lambda text: parse_track_events(
        text, "https://canberraoffroad.liverc.com/events/", "canberraoffroad"
    ),
    "event_canberraoffroad_486677.html": lambda text: parse_event_races(
        text,
        "https://canberraoffroad.liverc.com/results/?p=view_event&id=486677",
        "canberraoffroad",
    ),
    "entry-list_silverstate_2025.html": lambda text: parse_entry_list(
        text, "https://silverstate.liverc.com/results/?p=view_entry_list&id=1"
    ),
    "race-result_canberraoffroad_6304822.html": lambda text: parse_race_result(
        text, "https://canberraoffroad.liverc.com/results/?p=view_race_result&id=6304822", "6304822"
    ),
    "race-result_canberraoffroad_6304829.html": lambda text: parse_race_result(
        text, "https://canberraoffroad.liverc.com/results/?p=view_race_result&id=6304829", "6304829"
    ),
}


def prettified(text: str) -> str:
    return BeautifulSoup(text, "html.parser").prettify()


def attributes_reversed(text: str) -> str:
    root = lxml.html.document_fromstring(text)
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        attributes = list(element.attrib.items())
        element.attrib.clear()
        for name, value in reversed(attributes):
            element.set(name, value)
    return lxml.html.tostring(root, encoding="unicode")


@pytest.mark.parametrize("formatter", [prettified, attributes_reversed])
@pytest.mark.parametrize("name", sorted(PAGES))
def test_reformatted_page_parses_to_the_same_records(sample, name, formatter):
    original = sample(name)
    reformatted = formatter(original)
    assert reformatted != original
    assert PAGES[name](reformatted) == PAGES[name](original)
