"""Matching users to drivers: every rule, table-driven, then on a database.

Jaro-Winkler values were worked out by hand from the definition (window
max(len)/2 - 1, transpositions, prefix bonus 0.1 per common leading letter
up to 4) and agree with rapidfuzz:
  'jon smith' / 'john smith': m=9, t=0, J=(1+0.9+1)/3=0.96667, prefix 2 -> 0.97333
  'jon smyth' / 'john smith': m=8, t=0, J=(8/9+0.8+1)/3=0.89630, prefix 2 -> 0.91704
  'tom smith' / 'tim smith':  m=8, t=0, J=(8/9+8/9+1)/3=0.92593, prefix 1 -> 0.93333
  'j smith'   / 'john smith': m=7, t=3, J=(1+0.7+4/7)/3=0.75714, prefix 1 -> 0.78143
  'john smith' / 'tim smith': m=6, t=1 (3 out of order, halved down), J=0.7, no prefix -> 0.7
"""

from __future__ import annotations

import pytest

from mre_core.matching.fuzzy import best_matches
from mre_core.matching.rules import (
    DriverFacts,
    Thresholds,
    against_existing,
    auto_confirmation,
    decide,
)
from mre_core.names import normalize_name
from mre_core.service import user_matching
from mre_core.service.ingestion import IngestionService
from mre_core.settings import Settings
from mre_core.storage.counts import Counts
from mre_core.storage.models import (
    DEPTH_LAPS_FULL,
    Driver,
    Event,
    EventDriverLink,
    EventEntry,
    UserDriverLink,
    UserTransponder,
)
from mre_core.timeutil import utcnow
from tests.rows import event_row, track_row

LIMITS = Thresholds.from_settings(Settings())  # the defaults, from their one source


# --- names -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "normalized"),
    [
        ("JOSÉ NUÑEZ", "jose nunez"),
        ("FELIX KOEGLER", "felix koegler"),
        ("BRATTON, RICHARD", "richard bratton"),
        ("SHANE O'CONNOR", "shane oconnor"),
        ("JEAN-LUC PICARD", "jean luc picard"),
        ("1 AUSTIN MCMAHON", "austin mcmahon"),
        ("1 MCMAHON, AUSTIN", "austin mcmahon"),  # the number goes before the swap
        ("  ARI   BAKLA ", "ari bakla"),
        ("McMahon, Austin", "austin mcmahon"),
        ("2024", "2024"),
    ],
)
def test_names_are_normalised_one_way(raw, normalized):
    assert normalize_name(raw) == normalized


# --- the rules, without a database ------------------------------------------------

USERS = {1: "john smith", 2: "felix koegler", 3: "felix koegler", 4: "tim smith"}
BY_NAME = {"john smith": [1], "felix koegler": [2, 3], "tim smith": [4]}


def run_rules(name: str, transponders=(), by_transponder=None):
    driver = DriverFacts(100, name, tuple(transponders))
    scores = best_matches([name], list(BY_NAME), LIMITS.suggest).get(name)
    fuzzy = (
        (scores[0], [u for i in scores[1] for u in BY_NAME[list(BY_NAME)[i]]]) if scores else None
    )
    return [
        (d.user_id, d.match_type, d.status, round(d.score, 5), d.reason)
        for d in decide(driver, by_transponder or {}, BY_NAME, USERS, fuzzy, LIMITS)
    ]


@pytest.mark.parametrize(
    ("case", "driver", "expected"),
    [
        ("exact name", "john smith", [(1, "exact", "confirmed", 1.0, None)]),
        ("similar >= 0.95", "jon smith", [(1, "fuzzy", "confirmed", 0.97333, None)]),
        ("similar >= 0.85", "jon smyth", [(1, "fuzzy", "suggested", 0.91704, None)]),
        ("initials only: 0.781", "j smith", []),
        ("swapped without a comma: 0.533", "smith john", []),
        (
            "a different person one letter away",
            "tom smith",
            [(4, "fuzzy", "suggested", 0.93333, None)],
        ),
        (
            "two users of one name",
            "felix koegler",
            [
                (
                    2,
                    "exact",
                    "conflict",
                    1.0,
                    "tie: the name 'felix koegler' belongs to users 2, 3",
                ),
                (
                    3,
                    "exact",
                    "conflict",
                    1.0,
                    "tie: the name 'felix koegler' belongs to users 2, 3",
                ),
            ],
        ),
        (
            "two users tied on similarity",
            "felix kogler",
            [
                (2, "fuzzy", "conflict", 0.96795, "tie: names similar at 0.968 to users 2, 3"),
                (3, "fuzzy", "conflict", 0.96795, "tie: names similar at 0.968 to users 2, 3"),
            ],
        ),
        ("nobody", "zachary quill", []),
    ],
)
def test_name_rules(case, driver, expected):
    assert run_rules(driver) == expected, case


def test_a_transponder_comes_first_and_only_suggests():
    # Even with the exact name, one event's transponder is not proof (auto-confirmation is).
    assert run_rules("john smith", ["555"], {"555": [1]}) == [
        (1, "transponder", "suggested", 1.0, None)
    ]
    # The score of a transponder link is the names' similarity, kept for auto-confirmation.
    assert run_rules("jon smith", ["555"], {"555": [1]}) == [
        (1, "transponder", "suggested", 0.97333, None)
    ]


TIE_1_4 = "tie: transponders 111, 222 belong to users 1, 4"


@pytest.mark.parametrize(
    ("case", "transponders", "owners", "expected"),
    [
        (
            "one transponder, one user",
            ["111"],
            {"111": [1]},
            [(1, "transponder", "suggested", 1.0, "111", None)],
        ),
        (
            "one transponder shared by two users",
            ["777"],
            {"777": [1, 4]},
            [
                # 'john smith' / 'tim smith': m=6, 3 out of order so t=1,
                # J=(0.6+0.667+0.833)/3=0.7, no common prefix
                (
                    1,
                    "transponder",
                    "conflict",
                    1.0,
                    "777",
                    "tie: transponder 777 belongs to users 1, 4",
                ),
                (
                    4,
                    "transponder",
                    "conflict",
                    0.7,
                    "777",
                    "tie: transponder 777 belongs to users 1, 4",
                ),
            ],
        ),
        (
            "two transponders of two users",
            ["111", "222"],
            {"111": [1], "222": [4]},
            [
                (1, "transponder", "conflict", 1.0, "111", TIE_1_4),
                (4, "transponder", "conflict", 0.7, "222", TIE_1_4),
            ],
        ),
        (
            "the same, in the other order: the same conflict, not the first found",
            ["222", "111"],
            {"111": [1], "222": [4]},
            [
                (1, "transponder", "conflict", 1.0, "111", TIE_1_4),
                (4, "transponder", "conflict", 0.7, "222", TIE_1_4),
            ],
        ),
        (
            "one shared, one not: both users still tie",
            ["222", "111"],
            {"111": [1, 4], "222": [4]},
            [
                (1, "transponder", "conflict", 1.0, "111", TIE_1_4),
                (4, "transponder", "conflict", 0.7, "111", TIE_1_4),
            ],
        ),
        (
            "two transponders of one user",
            ["222", "111"],
            {"111": [1], "222": [1]},
            [(1, "transponder", "suggested", 1.0, "111", None)],
        ),
        (
            "one transponder nobody has, one of a user",
            ["999", "111"],
            {"111": [1]},
            [(1, "transponder", "suggested", 1.0, "111", None)],
        ),
        (
            "transponders nobody has: the name decides",
            ["999", "888"],
            {"111": [4]},
            [(1, "exact", "confirmed", 1.0, None, None)],
        ),
    ],
)
def test_transponder_rules(case, transponders, owners, expected):
    driver = DriverFacts(100, "john smith", tuple(transponders))
    assert [
        (d.user_id, d.match_type, d.status, round(d.score, 5), d.transponder, d.reason)
        for d in decide(driver, owners, BY_NAME, USERS, None, LIMITS)
    ] == expected, case


def test_a_driver_already_linked_to_another_user_is_a_conflict():
    decision = decide(DriverFacts(100, "john smith", ()), {}, BY_NAME, USERS, None, LIMITS)[0]
    assert against_existing(decision, (9, "suggested")).status == "conflict"
    assert (
        against_existing(decision, (9, "suggested")).reason == "driver already suggested for user 9"
    )
    assert against_existing(decision, (1, "confirmed")) == decision  # the same user: no conflict
    assert against_existing(decision, None) == decision


@pytest.mark.parametrize(
    ("events", "name_score", "expected"),
    [
        (1, 0.99, None),
        (2, 0.85, ("confirmed", None)),
        (3, 0.90, ("confirmed", None)),
        (
            2,
            0.60,
            (
                "rejected",
                "transponder seen with this driver in 2 events, but the names differ "
                "(similarity 0.600 < 0.85)",
            ),
        ),
    ],
)
def test_auto_confirmation(events, name_score, expected):
    assert auto_confirmation(events, name_score, LIMITS) == expected


def test_batch_scoring_finds_exactly_what_scoring_every_pair_finds():
    from rapidfuzz.distance import JaroWinkler

    names = [
        "john smith",
        "jon smith",
        "joan smith",
        "felix koegler",
        "ari bakla",
        "aria bakla",
        "zed",
        "jimmy horne",
        "jimi horn",
        "smith john",
        "b",
    ]
    queries = ["john smith", "jimmy horne", "ari bakla", "xavier", "felix kogler"]
    found = best_matches(queries, names, 0.85)
    for query in queries:
        scored = {i: JaroWinkler.normalized_similarity(query, n) for i, n in enumerate(names)}
        top = max(scored.values())
        if top < 0.85:
            assert query not in found
            continue
        assert found[query][0] == pytest.approx(top, abs=1e-6)
        assert sorted(found[query][1]) == sorted(
            i for i, s in scored.items() if abs(s - top) < 1e-6
        )


# --- on a database: the matcher as ingestion runs it ---------------------------------


@pytest.fixture
def mre(db_url):
    with IngestionService.open(db_url) as service:
        yield service


class World:
    """Events and drivers written straight to the database, as an ingestion would."""

    def __init__(self) -> None:
        self.track = track_row()
        self.drivers: dict[str, Driver] = {}

    def event(self, event_id: str, entries: list[tuple[str, str, str | None, str]]) -> Event:
        """entries: (driver id, name, transponder, class)."""
        event = event_row(self.track, event_id, ingest_depth=DEPTH_LAPS_FULL)
        for driver_id, name, transponder, class_name in entries:
            driver = self.drivers.get(driver_id) or Driver.create(
                source="liverc",
                source_driver_id=driver_id,
                display_name=name,
                normalized_name=normalize_name(name),
                transponder_number=transponder,
            )
            self.drivers[driver_id] = driver
            EventEntry.create(
                event=event.id,
                driver=driver.id,
                class_name=class_name,
                display_name=name,
                transponder_number=transponder,
            )
        return event


def links() -> list[tuple[str, str, str, str]]:
    return sorted(
        (link.user.display_name, link.driver.source_driver_id, link.status, link.match_type)
        for link in UserDriverLink.select()
    )


def test_the_same_driver_in_two_classes_is_one_link(mre):
    world = World()
    event = world.event(
        "e1", [("d1", "JOHN SMITH", None, "Buggy"), ("d1", "JOHN SMITH", None, "Truck")]
    )
    mre.add_user("John Smith")
    counts = Counts()
    mre.matcher.match_event(event, counts)
    assert links() == [("John Smith", "d1", "confirmed", "exact")]
    assert EventDriverLink.select().count() == 1
    assert counts.as_dict()["user_driver_links"] == {"new": 1, "updated": 0, "unchanged": 0}


def test_accents_and_last_first_order_match_exactly(mre):
    world = World()
    event = world.event(
        "e1", [("d1", "JOSE NUNEZ", None, "A"), ("d2", "AUSTIN MCMAHON", None, "A")]
    )
    mre.add_user("José Núñez")
    mre.add_user("McMahon, Austin")
    mre.matcher.match_event(event, Counts())
    assert links() == [
        ("José Núñez", "d1", "confirmed", "exact"),
        ("McMahon, Austin", "d2", "confirmed", "exact"),
    ]


def test_matching_twice_changes_nothing(mre):
    world = World()
    event = world.event("e1", [("d1", "JON SMYTH", "111", "A"), ("d2", "FELIX KOEGLER", None, "A")])
    mre.add_user("John Smith")
    mre.add_user("Felix Koegler", transponders=("999",))
    mre.matcher.match_event(event, Counts())
    again = Counts()
    mre.matcher.match_event(event, again)
    assert again.written == 0
    assert again.as_dict()["user_driver_links"] == {"new": 0, "updated": 0, "unchanged": 2}


def test_a_transponder_in_two_events_confirms_and_a_reused_one_is_rejected(mre):
    """Felix keeps his transponder; at a later event someone else races with his old one."""
    world = World()
    felix = mre.add_user("Felix Koegler", transponders=("555",))
    first = world.event("e1", [("d1", "FELIX KOGLER", "555", "A")])
    mre.matcher.match_event(first, Counts())
    assert links() == [("Felix Koegler", "d1", "suggested", "transponder")]
    second = world.event(
        "e2", [("d1", "FELIX KOGLER", "555", "A"), ("d9", "BEN PANIC", "555", "B")]
    )
    mre.matcher.match_event(second, Counts())
    third = world.event("e3", [("d9", "BEN PANIC", "555", "B")])
    mre.matcher.match_event(third, Counts())
    rows = {link.driver.source_driver_id: link for link in UserDriverLink.select()}
    # 'felix kogler' / 'felix koegler' scores 0.968 >= 0.85: compatible.
    assert (rows["d1"].status, rows["d1"].confirmed_at is not None) == ("confirmed", True)
    # 'ben panic' / 'felix koegler' does not: the transponder changed hands.
    assert rows["d9"].status == "rejected"
    assert rows["d9"].conflict_reason.startswith("transponder seen with this driver in 2 events")
    assert {r.user_id for r in rows.values()} == {felix["id"]}


def test_a_driver_linked_to_one_user_is_a_conflict_for_another(mre):
    world = World()
    mre.add_user("John Smith")
    event = world.event("e1", [("d1", "JOHN SMITH", None, "A")])
    mre.matcher.match_event(event, Counts())
    mre.add_user("Jon Smith")
    mre.matcher.match_event(world.event("e2", [("d1", "JOHN SMITH", None, "A")]), Counts())
    assert links() == [("John Smith", "d1", "confirmed", "exact")]  # exact wins: Jon never found
    mre.add_user("Johnny Smith", transponders=("42",))
    EventEntry.update(transponder_number="42").execute()
    mre.matcher.match_event(event, Counts())
    johnny = next(
        link for link in UserDriverLink.select() if link.user.display_name == "Johnny Smith"
    )
    assert (johnny.status, johnny.conflict_reason) == (
        "conflict",
        "driver already confirmed for user 1",
    )


def test_a_rejected_link_stays_rejected(mre):
    world = World()
    mre.add_user("Tim Smith")
    event = world.event("e1", [("d1", "TOM SMITH", None, "A")])
    mre.matcher.match_event(event, Counts())
    (link,) = mre.list_links()
    assert (link["status"], link["match_type"]) == ("suggested", "fuzzy")
    mre.reject_link(link["id"])
    for _ in range(2):
        mre.matcher.match_event(event, Counts())
        mre.matcher.match_event(
            world.event(f"e{_ + 2}", [("d1", "TOM SMITH", None, "A")]), Counts()
        )
    (link,) = mre.list_links()
    assert (link["status"], link["decided_by"]) == ("rejected", "person")


def test_a_person_confirming_one_user_moves_the_matchers_link_aside(mre):
    world = World()
    mre.add_user("Tim Smith")
    event = world.event("e1", [("d1", "TOM SMITH", None, "A")])
    mre.matcher.match_event(event, Counts())
    tom = mre.add_user("Tom Smithe")
    other = UserDriverLink.create(
        user=tom["id"],
        driver=world.drivers["d1"].id,
        status="conflict",
        match_type="fuzzy",
        matcher="test",
        matcher_version="0",
        matched_at=utcnow(),
    )
    confirmed = mre.confirm_link(other.id)
    assert (confirmed["status"], confirmed["decided_by"]) == ("confirmed", "person")
    tim_link = next(link for link in mre.list_links() if link["user"] == "Tim Smith")
    assert tim_link["status"] == "conflict"
    assert (
        tim_link["conflict_reason"]
        == f"a person confirmed user {tom['id']} for it (link {other.id})"
    )
    from mre_core.errors import UsageError

    with pytest.raises(UsageError, match="already confirmed for user"):
        mre.confirm_link(tim_link["id"])


@pytest.mark.parametrize(
    ("case", "owners", "expected"),
    [
        (
            "two events linked by transponder: confirmed at the second",
            [("Felix",), ("Felix",)],
            ["suggested", "confirmed"],
        ),
        (
            "two ties are no evidence: confirmed only after two events linked",
            [("Felix", "Ben"), ("Felix", "Ben"), ("Felix",), ("Felix",)],
            ["conflict", "conflict", "suggested", "confirmed"],
        ),
        (
            "a tie between two links does not count, the links do",
            [("Felix",), ("Felix", "Ben"), ("Felix",)],
            ["suggested", "conflict", "confirmed"],
        ),
    ],
)
def test_auto_confirmation_counts_only_events_where_the_link_was_made(mre, case, owners, expected):
    """Transponder 555 is Felix's, and for a while Ben's too (a tie: a conflict)."""
    world = World()
    ids = {"Felix": mre.add_user("Felix Koegler")["id"], "Ben": mre.add_user("Ben Panic")["id"]}
    statuses = []
    for number, owning in enumerate(owners, start=1):
        UserTransponder.delete().execute()
        for name in owning:
            UserTransponder.create(user=ids[name], transponder_number="555")
        event = world.event(f"e{number}", [("d1", "FELIX KOGLER", "555", "A")])
        mre.matcher.match_event(event, Counts())
        statuses.append(
            UserDriverLink.get(
                UserDriverLink.user == ids["Felix"], UserDriverLink.driver == world.drivers["d1"]
            ).status
        )
    assert statuses == expected, case


def test_matching_many_events_reads_the_users_once(mre, monkeypatch):
    world = World()
    mre.add_user("John Smith")
    mre.add_user("Tim Smith", transponders=("42",))
    events = [
        world.event("e1", [("d1", "JOHN SMITH", None, "A")]),
        world.event("e2", [("d2", "TOM SMITH", None, "A")]),
        world.event("e3", [("d3", "NOBODY ATALL", "42", "A")]),
    ]
    loads = []
    load = user_matching.UserIndex.load
    monkeypatch.setattr(
        user_matching.UserIndex, "load", classmethod(lambda cls: loads.append(1) or load())
    )
    done = []
    counts = Counts()
    mre.matcher.match_events(events, counts, lambda event: done.append(event.source_event_id))
    assert (len(loads), done) == (1, ["e1", "e2", "e3"])
    assert links() == [
        ("John Smith", "d1", "confirmed", "exact"),
        ("Tim Smith", "d2", "suggested", "fuzzy"),
        ("Tim Smith", "d3", "suggested", "transponder"),
    ]
    assert counts.as_dict()["user_driver_links"] == {"new": 3, "updated": 0, "unchanged": 0}


def test_with_no_users_the_drivers_are_not_read(mre, monkeypatch):
    event = World().event("e1", [("d1", "JOHN SMITH", None, "A")])
    monkeypatch.setattr(user_matching, "_drivers_of", lambda event: pytest.fail("read drivers"))
    counts = Counts()
    mre.matcher.match_event(event, counts)
    assert (counts.written, UserDriverLink.select().count()) == (0, 0)
