"""`/api/links`: the matcher's links between the app's users and drivers, and a person's
decision on one."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query

from mre_core.console.api.jobs import Service
from mre_core.console.api.models import Link
from mre_core.console.errors import CHANGE_ERRORS, READ_ERRORS, documented

router = APIRouter(tags=["users"])


@router.get("/links", response_model=list[Link], responses=documented(*READ_ERRORS, 404))
def list_links(
    service: Service,
    status: Literal["suggested", "confirmed", "rejected", "conflict"] | None = None,
    user: Annotated[int | None, Query(description="Only this user's links.")] = None,
) -> list[dict[str, Any]]:
    """Links between users and drivers, oldest first (as `mre users links --json`)."""
    return service.list_links(user, status)


@router.post(
    "/links/{link_id}/confirm", response_model=Link, responses=documented(*CHANGE_ERRORS, 404)
)
def confirm_link(service: Service, link_id: int) -> dict[str, Any]:
    """This driver is this user: the matcher will never change the link again."""
    return service.confirm_link(link_id)


@router.post(
    "/links/{link_id}/reject", response_model=Link, responses=documented(*CHANGE_ERRORS, 404)
)
def reject_link(service: Service, link_id: int) -> dict[str, Any]:
    """This driver is not this user: the matcher will never suggest it again."""
    return service.reject_link(link_id)
