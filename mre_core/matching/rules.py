"""The rules that decide whether a driver is one of the app's users.

Every rule is here; the thresholds are settings (`MRE_MATCH_*`). Names are
compared after `mre_core.names.normalize_name`, the same for users and
drivers ("1 AUSTIN MCMAHON", "McMahon, Austin" and "Austin  McMahon" all
become "austin mcmahon").

For each driver of an event, the first strategy that finds a user decides:

1. **Transponder.** A transponder of the driver at this event (from its
   event entries, else the driver's own) equals a user's: `suggested`,
   match type `transponder`. All of the driver's transponders are looked up
   before deciding: 111 being user 1's and 222 user 2's is a conflict, in
   whatever order they come. Transponders are lent and sold, so one event
   is not proof; see auto-confirmation.
2. **Exact name.** The normalised names are equal: `confirmed`, `exact`.
3. **Similar name.** Jaro-Winkler similarity of the normalised names
   (rapidfuzz) of at least `match_confirm_score` (default 0.95): `confirmed`;
   of at least `match_suggest_score` (default 0.85): `suggested`; match type
   `fuzzy`.
   ("jon smith" / "john smith" scores 0.973: confirmed.)

Never a guess:

- Two or more users found equally by the deciding strategy (a shared
  transponder, transponders of different users, two users of the same
  name, a tie on the best score): each
  gets a `conflict` link saying who else matched.
- A driver already linked (suggested or confirmed) to another user: the new
  link is a `conflict` naming that user. A driver links to at most one user.
- A link a person confirmed or rejected is never changed by the matcher.

Auto-confirmation: a `suggested` transponder link whose (user, driver)
pair was linked by transponder in `match_auto_confirm_events` (default 2)
or more events becomes `confirmed` when the names are compatible
(Jaro-Winkler at least `match_auto_confirm_name_score`, default 0.85), and
`rejected` with the reason otherwise (the transponder changed hands). An
event counts when the link was made there, whatever became of it later
(suggested, confirmed, rejected), and not when it was a `conflict`: a tie
or a driver held by another user is no evidence for this pair.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rapidfuzz.distance import JaroWinkler

from mre_core.settings import Settings
from mre_core.storage.models import LINK_CONFIRMED, LINK_CONFLICT, LINK_REJECTED, LINK_SUGGESTED

MATCHER = "mre.matching.rules"
MATCHER_VERSION = "1"

TRANSPONDER = "transponder"
EXACT = "exact"
FUZZY = "fuzzy"


@dataclass(frozen=True, slots=True)
class Thresholds:
    """The rules' numbers. No defaults here: they are the settings' (`Settings()`)."""

    confirm: float
    suggest: float
    auto_confirm_events: int
    auto_confirm_name: float
    workers: int  # threads for name scoring (not a rule, but set with them)

    @classmethod
    def from_settings(cls, settings: Settings) -> Thresholds:
        return cls(
            settings.match_confirm_score,
            settings.match_suggest_score,
            settings.match_auto_confirm_events,
            settings.match_auto_confirm_name_score,
            settings.match_workers,
        )


@dataclass(frozen=True, slots=True)
class DriverFacts:
    """What the rules know of one driver at one event."""

    driver_id: int
    normalized_name: str
    transponders: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Decision:
    """The matcher's verdict on one (user, driver) pair at one event."""

    user_id: int
    driver_id: int
    match_type: str
    status: str
    score: float
    transponder: str | None = None
    reason: str | None = None


def name_similarity(a: str, b: str) -> float:
    return JaroWinkler.normalized_similarity(a, b)


def decide(
    driver: DriverFacts,
    users_by_transponder: dict[str, list[int]],
    users_by_name: dict[str, list[int]],
    user_names: dict[int, str],
    fuzzy: tuple[float, list[int]] | None,
    limits: Thresholds,
) -> list[Decision]:
    """Apply strategies 1-3 in order; `fuzzy` is the best score and the users with it."""
    # Every transponder of the driver is looked up before deciding: a driver whose
    # transponders belong to different users is a conflict, whatever their order.
    via: dict[int, str] = {}  # user -> the (lowest) transponder of the driver that is theirs
    numbers: list[str] = []
    for transponder in sorted(set(driver.transponders)):
        owners = users_by_transponder.get(transponder, ())
        if owners:
            numbers.append(transponder)
            for user in owners:
                via.setdefault(user, transponder)
    if via:
        return _one_or_conflict(
            driver,
            sorted(via),
            TRANSPONDER,
            LINK_SUGGESTED,
            transponder=via.get,
            score=lambda u: name_similarity(user_names[u], driver.normalized_name),
            why=(
                f"transponder {numbers[0]} belongs to users"
                if len(numbers) == 1
                else f"transponders {', '.join(numbers)} belong to users"
            ),
        )
    users = sorted(users_by_name.get(driver.normalized_name, ()))
    if users:
        return _one_or_conflict(
            driver,
            users,
            EXACT,
            LINK_CONFIRMED,
            score=lambda u: 1.0,
            why=f"the name {driver.normalized_name!r} belongs to users",
        )
    if fuzzy is not None:
        best, users = fuzzy
        if best >= limits.suggest and users:
            status = LINK_CONFIRMED if best >= limits.confirm else LINK_SUGGESTED
            return _one_or_conflict(
                driver,
                sorted(users),
                FUZZY,
                status,
                score=lambda u: best,
                why=f"names similar at {best:.3f} to users",
            )
    return []


def _one_or_conflict(
    driver: DriverFacts,
    users: list[int],
    match_type: str,
    status: str,
    score: Callable[[int], float],
    why: str,
    transponder: Callable[[int], str | None] = lambda u: None,
) -> list[Decision]:
    """One user: `status`. Several: a conflict for each, naming them all."""
    if len(users) == 1:
        user = users[0]
        return [
            Decision(user, driver.driver_id, match_type, status, score(user), transponder(user))
        ]
    others = ", ".join(str(u) for u in users)
    return [
        Decision(
            u,
            driver.driver_id,
            match_type,
            LINK_CONFLICT,
            score(u),
            transponder(u),
            reason=f"tie: {why} {others}",
        )
        for u in users
    ]


def against_existing(decision: Decision, holder: tuple[int, str] | None) -> Decision:
    """A driver already linked (suggested or confirmed) to another user: conflict, with why."""
    if holder is None or holder[0] == decision.user_id or decision.status == LINK_CONFLICT:
        return decision
    user_id, status = holder
    return Decision(
        decision.user_id,
        decision.driver_id,
        decision.match_type,
        LINK_CONFLICT,
        decision.score,
        decision.transponder,
        reason=f"driver already {status} for user {user_id}",
    )


def auto_confirmation(
    events_seen: int, name_score: float, limits: Thresholds
) -> tuple[str, str | None] | None:
    """For a suggested transponder link: (new status, reason), or None to leave it."""
    if events_seen < limits.auto_confirm_events:
        return None
    if name_score >= limits.auto_confirm_name:
        return LINK_CONFIRMED, None
    return LINK_REJECTED, (
        f"transponder seen with this driver in {events_seen} events, but the names differ "
        f"(similarity {name_score:.3f} < {limits.auto_confirm_name})"
    )
