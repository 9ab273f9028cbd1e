"""The app's users, and the decisions people make about their links to drivers.

An app that embeds mre brings its users through these functions (via the
service); the CLI wraps them as `mre users ...`. A CSV import is checked
whole before anything is written, and importing the same file twice
changes nothing: a row is the same user as an existing one with the same
email, or, without an email, with the same normalised name.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import peewee

from mre_core.errors import NotFoundError, UsageError
from mre_core.names import normalize_name
from mre_core.service.lookup import get_row
from mre_core.storage.bulk import upsert_rows
from mre_core.storage.counts import Counts
from mre_core.storage.database import write_transaction
from mre_core.storage.models import (
    ACTIVE_LINK_STATUSES,
    LINK_CONFIRMED,
    LINK_CONFLICT,
    LINK_STATUSES,
    Driver,
    User,
    UserDriverLink,
    UserTransponder,
)
from mre_core.timeutil import utcnow

PERSON = "person"

# Simple on purpose: a typo (no "@", no domain) is caught; whether the address
# receives mail is for the app to find out.
EMAIL = re.compile(r"[^@\s]+@[^@\s.]+(\.[^@\s.]+)+")
# What the columns hold: longer would be refused by PostgreSQL (and kept by SQLite).
LONGEST_NAME = User.display_name.max_length
LONGEST_EMAIL = User.email.max_length
LONGEST_TRANSPONDER = UserTransponder.transponder_number.max_length


@dataclass(frozen=True, slots=True)
class NewUser:
    display_name: str
    email: str | None = None
    transponders: tuple[str, ...] = ()


def checked_name(raw: str) -> str:
    name = " ".join(raw.split())
    if not normalize_name(name):
        raise UsageError(f"a user needs a name with letters or digits, not {raw!r}")
    if len(name) > LONGEST_NAME:
        raise UsageError(f"a user's name has at most {LONGEST_NAME} characters, not {len(name)}")
    return name


def checked_email(raw: str | None) -> str | None:
    """The email as stored (lower case), None for none; a typo is refused."""
    email = (raw or "").strip().lower() or None
    if email is not None and (len(email) > LONGEST_EMAIL or not EMAIL.fullmatch(email)):
        raise UsageError(f"{raw!r} is not an email address (name@example.org)")
    return email


def checked_transponders(raws: tuple[str, ...]) -> list[str]:
    """Each number once, in order. A transponder number (MyLaps, AMB) is digits only, as
    the timing sites print it: anything else could never match a driver's."""
    numbers = list(dict.fromkeys(t.strip() for t in raws if t.strip()))
    for number in numbers:
        if not (number.isascii() and number.isdigit()) or len(number) > LONGEST_TRANSPONDER:
            raise UsageError(
                f"transponder {number!r} is not a transponder number "
                f"(its digits only, at most {LONGEST_TRANSPONDER}, e.g. 1234567)"
            )
    return numbers


def add_user(user: NewUser) -> dict[str, Any]:
    name = checked_name(user.display_name)
    email = checked_email(user.email)
    numbers = checked_transponders(user.transponders)
    taken = UsageError(f"a user with the email {email} already exists")
    if email and User.get_or_none(User.email == email):
        raise taken
    try:
        with write_transaction():
            row = User.create(
                display_name=name,
                normalized_name=normalize_name(name),
                email=email,
                created_at=utcnow(),
            )
            for number in numbers:
                UserTransponder.create(user=row.id, transponder_number=number)
    except peewee.IntegrityError:
        # Another add with the same email committed between the check and the insert.
        if email and User.get_or_none(User.email == email):
            raise taken from None
        raise
    return user_dict(row, numbers)


def import_users(path: Path) -> Counts:
    rows = _read_csv(path)
    counts = Counts()
    now = utcnow()
    with write_transaction():
        by_email, by_name = _existing_users(rows)
        transponders: dict[tuple[int, str], None] = {}  # (user, number), in the file's order
        repeated = 0
        for user in rows:
            name = " ".join(user.display_name.split())
            normalized = normalize_name(name)
            # A row is the user with its email; without one, the first with its name.
            known, key = (by_email, user.email) if user.email else (by_name, normalized)
            existing = known.get(key)
            if existing is None:
                user_id = User.insert(
                    display_name=name, normalized_name=normalized, email=user.email, created_at=now
                ).execute()
                counts.add("users", new=1)
            else:
                user_id = existing[0]
                if existing[1] != name:
                    User.update(display_name=name, normalized_name=normalized).where(
                        User.id == user_id
                    ).execute()
                    counts.add("users", updated=1)
                else:
                    counts.add("users", unchanged=1)
            known[key] = (user_id, name)
            for number in user.transponders:
                repeated += (user_id, number) in transponders
                transponders[(user_id, number)] = None
        if repeated:  # a number given again for one user (on two of its rows) is there
            counts.add("user_transponders", unchanged=repeated)
        pairs = list(transponders)
        user_ids = sorted({user_id for user_id, _ in pairs})
        for chunk in _chunks(user_ids):
            in_chunk = set(chunk)
            upsert_rows(
                UserTransponder,
                [
                    {"user": user_id, "transponder_number": number}
                    for user_id, number in pairs
                    if user_id in in_chunk
                ],
                ("user", "transponder_number"),
                {UserTransponder.user: chunk},
                counts,
                ids=False,
            )
    return counts


CHUNK = 500  # values in one IN (...): well under SQLite's limit on parameters


def _chunks(values: list[Any]) -> list[list[Any]]:
    return [values[i : i + CHUNK] for i in range(0, len(values), CHUNK)]


def _existing_users(
    rows: list[NewUser],
) -> tuple[dict[str, tuple[int, str]], dict[str, tuple[int, str]]]:
    """The users the rows may be: {email: (id, name)} and {normalised name: (id, name)}.

    By name, only users without an email, the first (lowest id) of each name.
    One query per 500 emails or names, not one per row.
    """
    emails = sorted({u.email for u in rows if u.email})
    names = sorted({normalize_name(u.display_name) for u in rows if not u.email})
    columns = (User.id, User.display_name, User.normalized_name, User.email)
    by_email: dict[str, tuple[int, str]] = {}
    by_name: dict[str, tuple[int, str]] = {}
    for chunk in _chunks(emails):
        for user_id, display_name, _, email in (
            User.select(*columns).where(User.email.in_(chunk)).tuples()
        ):
            by_email[email] = (user_id, display_name)
    for chunk in _chunks(names):
        for user_id, display_name, normalized, _ in (
            User.select(*columns)
            .where(User.normalized_name.in_(chunk) & User.email.is_null())
            .order_by(User.id)
            .tuples()
        ):
            by_name.setdefault(normalized, (user_id, display_name))
    return by_email, by_name


def _read_csv(path: Path) -> list[NewUser]:
    """Every row, checked before anything is written: a bad file writes nothing."""
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            fields = {(f or "").strip().lower(): f for f in reader.fieldnames or []}
            if "name" not in fields:
                raise UsageError(
                    f"{path}: the first line must name the columns: name[,email,transponders]"
                )
            users = []
            for line, row in enumerate(reader, start=2):
                try:
                    users.append(_row_user(row, fields))
                except UsageError as exc:
                    raise UsageError(f"{path}, line {line}: {exc}") from None
    except FileNotFoundError:
        raise UsageError(f"{path} does not exist") from None
    except IsADirectoryError:
        raise UsageError(f"{path} is a folder, not a CSV file") from None
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror}") from None
    except (UnicodeDecodeError, csv.Error) as exc:
        raise UsageError(f"{path} is not a UTF-8 CSV file: {exc}") from None
    emails = [u.email for u in users if u.email]
    if len(emails) != len(set(emails)):
        raise UsageError(f"{path}: the same email appears on two lines")
    return users


def _row_user(row: dict[str, str | None], fields: dict[str, str]) -> NewUser:
    name = row.get(fields["name"]) or ""
    if not normalize_name(name):
        raise UsageError("no name")
    raw = row.get(fields.get("transponders", fields.get("transponder", "")), "") or ""
    return NewUser(
        checked_name(name),
        checked_email(row.get(fields.get("email", ""), "")),
        tuple(checked_transponders(tuple(raw.replace(";", " ").replace(",", " ").split()))),
    )


def list_users() -> list[dict[str, Any]]:
    numbers: dict[int, list[str]] = defaultdict(list)
    for user_id, number in (
        UserTransponder.select(UserTransponder.user, UserTransponder.transponder_number)
        .order_by(UserTransponder.id)
        .tuples()
    ):
        numbers[user_id].append(number)
    return [user_dict(u, numbers.get(u.id, [])) for u in User.select().order_by(User.id)]


def user_dict(user: User, numbers: list[str]) -> dict[str, Any]:
    """The user as the API gives it, with its transponder numbers."""
    return {
        "id": user.id,
        "name": user.display_name,
        "normalized_name": user.normalized_name,
        "email": user.email,
        "transponders": numbers,
        "created_at": user.created_at,
    }


def links(user_id: int | None, status: str | None) -> list[dict[str, Any]]:
    if status is not None and status not in LINK_STATUSES:
        raise UsageError(f"status must be one of {', '.join(LINK_STATUSES)}, not {status!r}")
    if user_id is not None and get_row(User, user_id) is None:
        raise NotFoundError(f"user {user_id} does not exist (see `mre users list`)")
    query = (
        UserDriverLink.select(UserDriverLink, User, Driver)
        .join(User)
        .join_from(UserDriverLink, Driver)
        .order_by(UserDriverLink.id)
    )
    if user_id is not None:
        query = query.where(UserDriverLink.user == user_id)
    if status is not None:
        query = query.where(UserDriverLink.status == status)
    return [_link_dict(link) for link in query]


def _link_dict(link: UserDriverLink) -> dict[str, Any]:
    return {
        "id": link.id,
        "user_id": link.user_id,
        "user": link.user.display_name,
        "driver_id": link.driver_id,
        "driver": link.driver.display_name,
        "source_driver_id": link.driver.source_driver_id,
        "status": link.status,
        "match_type": link.match_type,
        "similarity_score": link.similarity_score,
        "decided_by": link.decided_by,
        "matcher": link.matcher,
        "matcher_version": link.matcher_version,
        "matched_at": link.matched_at,
        "confirmed_at": link.confirmed_at,
        "conflict_reason": link.conflict_reason,
    }


def decide(link_id: int, status: str) -> dict[str, Any]:
    """A person confirms or rejects a link; the matcher will never change it again."""
    link = get_row(UserDriverLink, link_id)
    if link is None:
        raise NotFoundError(f"link {link_id} does not exist (see `mre users links`)")
    with write_transaction():
        if status == LINK_CONFIRMED:
            _make_room(link)
        UserDriverLink.update(
            status=status,
            decided_by=PERSON,
            conflict_reason=None,
            confirmed_at=utcnow() if status == LINK_CONFIRMED else None,
        ).where(UserDriverLink.id == link.id).execute()
    return _link_dict(
        UserDriverLink.select(UserDriverLink, User, Driver)
        .join(User)
        .join_from(UserDriverLink, Driver)
        .where(UserDriverLink.id == link.id)
        .get()
    )


def _make_room(link: UserDriverLink) -> None:
    """A driver links to one user: the matcher's link to another user gives way."""
    others = UserDriverLink.select().where(
        (UserDriverLink.driver == link.driver_id)
        & (UserDriverLink.id != link.id)
        & UserDriverLink.status.in_(ACTIVE_LINK_STATUSES)
    )
    for other in others:
        if other.decided_by == PERSON:
            raise UsageError(
                f"driver {link.driver_id} is already confirmed for user {other.user_id} by a "
                f"person (link {other.id}): reject that link first"
            )
        UserDriverLink.update(
            status=LINK_CONFLICT,
            conflict_reason=f"a person confirmed user {link.user_id} for it (link {link.id})",
        ).where(UserDriverLink.id == other.id).execute()
