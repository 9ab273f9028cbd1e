"""The console's pages: server-rendered HTML, one module per subject.

Pages only read, through the shared service (`request.app.state.service`);
every action (sync, import, cancel, confirm) is a call the page's JavaScript
makes to the JSON API, so a page and a program do things one way.
"""

from __future__ import annotations

from fastapi import APIRouter

from mre_core.console.pages import auth, events, races, runs, tracks, users

router = APIRouter(include_in_schema=False)
for module in (auth, tracks, events, races, runs, users):
    router.include_router(module.router)

__all__ = ["router"]
