"""`GET /organizations/{id}` (OrganizationDto): one organization, which mre stores as a track."""

from __future__ import annotations

from mre_core.connector import TrackRecord
from mre_speedhive import urls
from mre_speedhive.answers.shape import load


def parse_organization(text: str, url: str, org_id: str) -> TrackRecord:
    """The organization `org_id` as a track; an answer about another one is refused."""
    answer = load(text, url)
    named = answer.ident()
    if named != org_id:
        raise answer.member("id").fail(f"is {named}, and the organization asked for is {org_id}")
    name = answer.text("name").strip()
    if not name:
        raise answer.member("name").fail("is empty")
    return TrackRecord(
        source_track_slug=org_id,
        track_name=name,
        track_url=urls.organization_url(org_id),
        events_url=urls.events_url(org_id),
    )
