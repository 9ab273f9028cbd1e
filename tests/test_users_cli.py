"""`mre users ...` end to end, and matching on the real event 486677."""

from __future__ import annotations

import json

import pytest

from mre_core.cli.main import main
from mre_core.service.ingestion import IngestionService
from mre_core.settings import Settings
from mre_core.storage.models import User, UserTransponder
from tests.liverc_site import LiveRCSimulator
from tests.liverc_site.real_event import real_event_pages


@pytest.fixture
def mre(db_url, capsys):
    def run(*args: str) -> tuple[int, str, str]:
        code = main(["-q", "--db", db_url, *args])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def rows(db_url) -> tuple[int, int]:
    with IngestionService.open(db_url):
        return User.select().count(), UserTransponder.select().count()


def test_add_and_list(mre):
    assert (
        mre(
            "users",
            "add",
            "Felix Koegler",
            "--email",
            "Felix@Example.org",
            "--transponder",
            "1234567",
            "--transponder",
            "7654321",
        )[1]
        == "user 1: Felix Koegler\n"
    )
    out = mre("users", "list", "--json")[1]
    assert json.loads(out)[0] | {"created_at": None} == {
        "id": 1,
        "name": "Felix Koegler",
        "normalized_name": "felix koegler",
        "email": "felix@example.org",
        "transponders": ["1234567", "7654321"],
        "created_at": None,
    }


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (
            [
                "users",
                "add",
                "  ",
            ],
            2,
            "a user needs a name",
        ),
        (["users", "add", "X", "--email", "felix@example.org"], 2, "already exists"),
        (["users", "confirm", "99"], 3, "link 99 does not exist"),
        (["users", "links", "--status", "maybe"], 2, "status must be one of"),
        (["users", "import", "/nonexistent.csv"], 2, "does not exist"),
        (["users", "match", "--event", "42"], 3, "event '42' is not in the database"),
    ],
)
def test_bad_input(mre, db_url, args, code, message):
    assert mre("users", "add", "Felix", "--email", "felix@example.org")[0] == 0
    result, _, err = mre(*args)
    assert result == code
    assert message in err.strip().splitlines()[-1]
    assert rows(db_url) == (1, 0)


def test_import_is_checked_whole_and_idempotent(mre, db_url, tmp_path):
    good = tmp_path / "users.csv"
    good.write_text(
        "Name,Email,Transponders\n"
        "Felix Koegler,felix@example.org,1234567 7654321\n"
        "Ari Bakla,,2222222;3333333\n"
        "José Núñez,,\n",
        encoding="utf-8",
    )
    code, out, _ = mre("users", "import", str(good))
    assert (code, out) == (
        0,
        (
            "table              new  updated  unchanged\n"
            "users              3    0        0\n"
            "user_transponders  4    0        0\n"
        ),
    )
    code, out, _ = mre("users", "import", str(good))
    assert out == (
        "table              new  updated  unchanged\n"
        "users              0    0        3\n"
        "user_transponders  0    0        4\n"
    )

    bad = tmp_path / "bad.csv"
    bad.write_text(
        "name,email\nNew Person,new@example.org\n,missing@example.org\n", encoding="utf-8"
    )
    code, _, err = mre("users", "import", str(bad))
    assert (code, err.strip().splitlines()[-1]) == (2, f"mre: error: {bad}, line 3: no name")
    headless = tmp_path / "headless.csv"
    headless.write_text("Felix,felix@example.org\n", encoding="utf-8")
    assert mre("users", "import", str(headless))[0] == 2
    assert rows(db_url) == (3, 4)


def test_real_event_486677_links_the_users_i_create(samples, tmp_path):
    """Deep ingestion of the real event matches users at its end, with no extra step."""
    db = f"sqlite:///{tmp_path / 'real.db'}"
    with LiveRCSimulator(real_event_pages(samples)) as sim:
        settings = Settings(
            http_resolve=f"*.liverc.com=127.0.0.1:{sim.port}", http_min_interval_s=0
        )
        with IngestionService.open(db, settings=settings) as mre:
            for name in (
                "Felix Koegler",
                "Jimy Horne",
                "Matt Couper",
                "Riley Lander",
                "Nobody Atall",
            ):
                mre.add_user(name)
            mre.sync_tracks("liverc")
            mre.refresh_events("canberraoffroad")
            report = mre.ingest_event("486677")
            links = sorted(
                (
                    link["user"],
                    link["source_driver_id"],
                    link["driver"],
                    link["status"],
                    link["match_type"],
                    round(link["similarity_score"], 5),
                )
                for link in mre.list_links()
            )
            assert links == [
                ("Felix Koegler", "346997", "FELIX KOEGLER", "confirmed", "exact", 1.0),
                ("Jimy Horne", "152729", "JIMMY HORNE", "confirmed", "fuzzy", 0.97879),
                ("Matt Couper", "600723", "MATTHEW COUPER", "suggested", "fuzzy", 0.9026),
                # Two generated racers of the event have names close enough to be
                # suggested, never confirmed: a person decides.
                ("Riley Lander", "685995", "RILEY D'ANGELO", "suggested", "fuzzy", 0.93438),
                ("Riley Lander", "731648", "RILEY LANDER", "confirmed", "exact", 1.0),
                ("Riley Lander", "766265", "RILEY DONOVAN", "suggested", "fuzzy", 0.86624),
            ]
            assert report.counts.as_dict()["user_driver_links"] == {
                "new": 6,
                "updated": 0,
                "unchanged": 0,
            }
            again = mre.match_users("486677")
            assert again.counts.written == 0


@pytest.mark.parametrize("raced", [False, True])
def test_an_email_already_taken_is_one_line_and_exit_2(mre, db_url, monkeypatch, raced):
    """Also when another add commits the email between the check and the insert."""
    assert mre("users", "add", "Felix", "--email", "felix@example.org")[0] == 0
    if raced:
        checks = []
        check = User.get_or_none

        def too_early(*args, **kwargs):  # the first check runs before the other add commits
            checks.append(args)
            return None if len(checks) == 1 else check(*args, **kwargs)

        monkeypatch.setattr(User, "get_or_none", too_early)
    code, out, err = mre(
        "users", "add", "Other", "--email", "Felix@Example.org", "--transponder", "9"
    )
    assert (code, out, err) == (
        2,
        "",
        "mre: error: a user with the email felix@example.org already exists\n",
    )
    assert rows(db_url) == (1, 0)


ARI_TWICE = "Ari Bakla,,1 2\nAri  Bakla,,2 3\n"


@pytest.mark.parametrize(
    ("case", "before", "csv", "counts", "after"),
    [
        (
            "two rows of one user (no email, one name): one user, its numbers once",
            [],
            ARI_TWICE,
            (
                "table              new  updated  unchanged\n"
                "users              1    0        1\n"
                "user_transponders  3    0        1\n"
            ),
            [("Ari Bakla", None, ["1", "2", "3"])],
        ),
        (
            "without an email: the first user of the name without an email, renamed",
            [
                ["Ari Bakla", "--email", "ari@example.org"],
                ["ARI BAKLA", "--transponder", "1"],
                ["Ari Bakla"],
            ],
            "ari bakla,,1 4\n",
            (
                "table              new  updated  unchanged\n"
                "users              0    1        0\n"
                "user_transponders  1    0        1\n"
            ),
            [
                ("Ari Bakla", "ari@example.org", []),
                ("ari bakla", None, ["1", "4"]),
                ("Ari Bakla", None, []),
            ],
        ),
        (
            "with an email: the user of that email, whatever its name",
            [["Felix", "--email", "felix@example.org", "--transponder", "7"], ["Felix Koegler"]],
            "Felix Koegler,FELIX@example.org,7 8\nJosé Núñez,jose@example.org,\n",
            (
                "table              new  updated  unchanged\n"
                "users              1    1        0\n"
                "user_transponders  1    0        1\n"
            ),
            [
                ("Felix Koegler", "felix@example.org", ["7", "8"]),
                ("Felix Koegler", None, []),
                ("José Núñez", "jose@example.org", []),
            ],
        ),
        (
            "a name without an email is not a user who has one",
            [["Ari Bakla", "--email", "ari@example.org", "--transponder", "1"]],
            "Ari Bakla,,1\n",
            (
                "table              new  updated  unchanged\n"
                "users              1    0        0\n"
                "user_transponders  1    0        0\n"
            ),
            [("Ari Bakla", "ari@example.org", ["1"]), ("Ari Bakla", None, ["1"])],
        ),
    ],
)
def test_import_finds_existing_users(mre, tmp_path, case, before, csv, counts, after):
    for args in before:
        assert mre("users", "add", *args)[0] == 0
    path = tmp_path / "users.csv"
    path.write_text("name,email,transponders\n" + csv, encoding="utf-8")
    assert mre("users", "import", str(path))[:2] == (0, counts), case
    listed = json.loads(mre("users", "list", "--json")[1])
    assert [(u["name"], u["email"], u["transponders"]) for u in listed] == after, case
    assert [u["id"] for u in listed] == list(range(1, len(after) + 1))
