"""`/api/health`: for a load balancer or a person: the app answers and reaches its database."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from mre_core import __version__
from mre_core.console.api.jobs import Service
from mre_core.console.api.models import Health
from mre_core.console.errors import READ_ERRORS, documented
from mre_core.storage.database import is_postgres

router = APIRouter(tags=["health"])


@router.get("/health", response_model=Health, responses=documented(*READ_ERRORS))
def health(service: Service, request: Request) -> dict[str, Any]:
    """ok, with the jobs waiting or running (a read of the database: 503 if it fails)."""
    return {
        "status": "ok",
        "version": __version__,
        "database": "postgresql" if is_postgres(service.db) else "sqlite",
        "jobs_pending": service.jobs_pending(),
        "workers": request.app.state.workers,
    }
