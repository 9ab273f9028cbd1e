"""What a person types, checked before it reaches the database.

Every form of id: one no row can have (22 digits, beyond 64 bits, 100,000
digits) is "not found" (exit 3) or bad usage (exit 2), never an internal
error (SQLite's driver raised OverflowError). And a user's details: an
email that is none, a transponder that is no number, a CSV file that is a
folder are bad usage (exit 2), and nothing is written.
"""

from __future__ import annotations

import pytest

from mre_core.cli.main import main
from mre_core.service.ingestion import IngestionService
from mre_core.service.lookup import MAX_ROW_ID
from mre_core.storage.models import Track, User, UserTransponder
from mre_core.timeutil import utcnow

HUGE = "9" * 100_000
LONG = "1234567890123456789012"  # 22 digits
BEYOND = str(MAX_ROW_ID + 1)
EVENT_MISSING = "is not in the database: run `mre events refresh --track-id TRACK --depth none` "
EVENT_MISSING += "for its track first"
TRACK_MISSING = "is not in the database: run `mre tracks sync` first, or check `mre tracks list`"
SHORT_HUGE = f"'{'9' * 40}'... (100,000 characters)"


# Run ids (`runs show|wait|cancel`) reach the database in mre_core/service/queries.py,
# which must look them up with lookup.get_row as users.py does: until then SQLite's
# driver overflows (exit 1); PostgreSQL compares any number.
@pytest.fixture
def mre(db_url, capsys):
    """Run `mre -q --db <db> ARGS` on a database with one user and nothing else."""
    with IngestionService.open(db_url) as service:
        service.add_user("Jo Bloggs")
    capsys.readouterr()  # what making the database logged

    def run(*args: str) -> tuple[int, str]:
        code = main(["-q", "--db", db_url, *args])
        err = capsys.readouterr().err
        lines = err.splitlines()
        assert len(lines) == 1, err  # one line, whatever the id
        return code, lines[0]

    return run


@pytest.mark.parametrize(
    ("args", "code", "line"),
    [
        # events: the source's id, or id:N
        (["events", "show", LONG], 3, f"event '{LONG}' {EVENT_MISSING}"),
        (["events", "show", HUGE], 3, f"event {SHORT_HUGE} {EVENT_MISSING}"),
        (["events", "show", f"id:{LONG}"], 3, f"event 'id:{LONG}' {EVENT_MISSING}"),
        (["events", "show", f"id:{BEYOND}"], 3, f"event 'id:{BEYOND}' {EVENT_MISSING}"),
        (["events", "show", f"id:{MAX_ROW_ID}"], 3, f"event 'id:{MAX_ROW_ID}' {EVENT_MISSING}"),
        (
            ["events", "show", f"id:{HUGE}"],
            3,
            f"event 'id:{'9' * 37}'... (100,003 characters) {EVENT_MISSING}",
        ),
        (["events", "show", "id:²"], 2, "'id:²': an internal id is a number, such as id:12"),
        (["events", "show", "id:-1"], 2, "'id:-1': an internal id is a number, such as id:12"),
        (["events", "ingest", "--event", LONG], 3, f"event '{LONG}' {EVENT_MISSING}"),
        (["users", "match", "--event", f"id:{LONG}"], 3, f"event 'id:{LONG}' {EVENT_MISSING}"),
        # tracks: the slug, or id:N
        (
            ["events", "list", "--track-id", "x" * 100_000],
            3,
            f"track '{'x' * 40}'... (100,000 characters) {TRACK_MISSING}",
        ),
        (["events", "list", "--track-id", f"id:{LONG}"], 3, f"track 'id:{LONG}' {TRACK_MISSING}"),
        (["events", "refresh", "--track-id", LONG], 3, f"track '{LONG}' {TRACK_MISSING}"),
        # users and links: mre's own ids, whole numbers
        (
            ["users", "links", "--user", LONG],
            3,
            f"user {LONG} does not exist (see `mre users list`)",
        ),
        (["users", "links", "--user", "2"], 3, "user 2 does not exist (see `mre users list`)"),
        (["users", "confirm", LONG], 3, f"link {LONG} does not exist (see `mre users links`)"),
        (["users", "reject", BEYOND], 3, f"link {BEYOND} does not exist (see `mre users links`)"),
        # runs: mre's own ids, whole numbers
        (["runs", "show", LONG], 3, f"run {LONG} does not exist (see `mre runs list`)"),
        (["runs", "cancel", BEYOND], 3, f"run {BEYOND} does not exist (see `mre runs list`)"),
    ],
)
def test_an_id_no_row_can_have(mre, args, code, line):
    assert mre(*args) == (code, f"mre: error: {line}")


@pytest.mark.parametrize(
    "args",
    [
        ["runs", "show", HUGE],
        ["runs", "wait", "abc"],
        ["users", "confirm", HUGE],
        ["users", "links", "--user", "x"],
    ],
    ids=["runs show HUGE", "runs wait abc", "users confirm HUGE", "users links --user x"],
)
def test_a_whole_number_id_that_is_no_number_is_bad_usage(mre, args):
    code, line = mre(*args)
    assert code == 2
    assert line.startswith("mre: error: Invalid value for ")


def test_the_largest_id_a_row_can_have_is_still_looked_up(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'edge.db'}"
    with IngestionService.open(url):
        Track.create(
            id=MAX_ROW_ID,
            source="liverc",
            source_track_slug="edge",
            track_name="Edge Raceway",
            track_url="https://edge.liverc.com/",
            events_url="https://edge.liverc.com/events/",
            last_seen_at=utcnow(),
        )
    capsys.readouterr()  # what making the database logged
    assert main(["-q", "--db", url, "events", "list", "--track-id", f"id:{MAX_ROW_ID}"]) == 0
    assert capsys.readouterr().err == ""


# --- a user's details ------------------------------------------------------------------

TRANSPONDER_RULE = "(its digits only, at most 32, e.g. 1234567)"


def users_and_numbers(db_url: str) -> list[tuple[str, str | None, list[str]]]:
    with IngestionService.open(db_url):
        return [
            (
                u.display_name,
                u.email,
                [
                    t.transponder_number
                    for t in UserTransponder.select().where(UserTransponder.user == u)
                ],
            )
            for u in User.select().order_by(User.id)
        ]


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (["--email", "notanemail"], "'notanemail' is not an email address (name@example.org)"),
        (["--email", "jo@localhost"], "'jo@localhost' is not an email address (name@example.org)"),
        (
            ["--email", "jo@@example.org"],
            "'jo@@example.org' is not an email address (name@example.org)",
        ),
        (
            ["--email", "jo bloggs@example.org"],
            "'jo bloggs@example.org' is not an email address (name@example.org)",
        ),
        (
            ["--transponder", "abc"],
            f"transponder 'abc' is not a transponder number {TRANSPONDER_RULE}",
        ),
        (
            ["--transponder", "12 34"],
            f"transponder '12 34' is not a transponder number {TRANSPONDER_RULE}",
        ),
        (["--transponder", "٣"], f"transponder '٣' is not a transponder number {TRANSPONDER_RULE}"),
        (
            ["--transponder", "1" * 33],
            f"transponder '{'1' * 33}' is not a transponder number {TRANSPONDER_RULE}",
        ),
    ],
)
def test_a_user_s_bad_email_or_transponder_is_bad_usage(mre, db_url, args, line):
    assert mre("users", "add", "Ann Other", *args) == (2, f"mre: error: {line}")
    assert users_and_numbers(db_url) == [("Jo Bloggs", None, [])]


def test_a_name_longer_than_its_column_is_bad_usage(mre, db_url):
    assert mre("users", "add", "A" * 256) == (
        2,
        "mre: error: a user's name has at most 255 characters, not 256",
    )
    assert users_and_numbers(db_url) == [("Jo Bloggs", None, [])]


def test_a_user_s_good_details_are_kept_as_typed_but_tidied(db_url):
    args = [
        "users",
        "add",
        "Ann Other",
        "--email",
        " Ann@Example.ORG ",
        "--transponder",
        " 0012345 ",
    ]
    assert main(["-q", "--db", db_url, *args]) == 0
    assert users_and_numbers(db_url) == [("Ann Other", "ann@example.org", ["0012345"])]


def test_importing_a_folder_is_bad_usage(mre, db_url, tmp_path):
    assert mre("users", "import", str(tmp_path)) == (
        2,
        f"mre: error: {tmp_path} is a folder, not a CSV file",
    )


@pytest.mark.parametrize(
    ("line3", "problem"),
    [
        (
            "Ann Other,ann-at-example.org,",
            "'ann-at-example.org' is not an email address (name@example.org)",
        ),
        (
            "Ann Other,,1234567;12a",
            f"transponder '12a' is not a transponder number {TRANSPONDER_RULE}",
        ),
    ],
)
def test_an_import_with_a_bad_line_names_it_and_writes_nothing(
    mre, db_url, tmp_path, line3, problem
):
    csv = tmp_path / "users.csv"
    csv.write_text(f"name,email,transponders\nBen Good,ben@example.org,7654321\n{line3}\n")
    assert mre("users", "import", str(csv)) == (2, f"mre: error: {csv}, line 3: {problem}")
    assert users_and_numbers(db_url) == [("Jo Bloggs", None, [])]
