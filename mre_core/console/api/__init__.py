"""The JSON API under `/api`, one router per subject, joined here."""

from __future__ import annotations

from fastapi import APIRouter

from mre_core.console.api import events, health, links, runs, tracks

router = APIRouter(prefix="/api")
for part in (tracks, events, runs, links, health):
    router.include_router(part.router)
