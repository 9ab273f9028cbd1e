"""Schemathesis against the OpenAPI document: generated requests to every route, in
process (ASGI), bounded. No worker runs (a job stays queued), `wait` is capped, each
route gets a set number of examples. The live log stream (an `Accept` header the
document does not list) is left to its own tests.

No answer may be a 500, and every answer must match the document: status, content
type, body and headers.

One test per route, its schema loaded from the test's own app (schemathesis's
`from_fixture` does not run on this pytest): the routes are read from the API's
router, which needs no service.
"""

from __future__ import annotations

import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from mre_core.console.api import router
from mre_core.console.app import OPENAPI_URL, create_app
from mre_core.service.ingestion import IngestionService

EXAMPLES = 25
MAX_WAIT_S = 0.1  # jobs never end here (no worker): a wait would only sleep


def _routes() -> list[tuple[str, str]]:
    """(method, path) of every route in the API's document, made without a service."""
    bare = FastAPI()
    bare.include_router(router)
    paths = bare.openapi()["paths"]
    return sorted((method.upper(), path) for path, methods in paths.items() for method in methods)


ROUTES = _routes()


def test_every_route_of_the_api_is_exercised():
    assert len(ROUTES) == 15


@pytest.fixture
def app(synced, event):  # type: ignore[no-untyped-def]
    """The app on a database with tracks, events and one imported event, so generated ids
    sometimes find something."""
    _, ev = event
    with IngestionService.open(settings=synced) as service:
        service.ingest_event(str(ev.event_id))
        yield create_app(service)


@pytest.mark.parametrize(("method", "path"), ROUTES, ids=lambda part: part)
def test_every_route_answers_as_the_document_says(app, method, path):  # type: ignore[no-untyped-def]
    operation = schemathesis.openapi.from_asgi(OPENAPI_URL, app)[path][method]

    @given(case=operation.as_strategy())
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    def check(case):  # type: ignore[no-untyped-def]
        if case.query and "wait" in case.query:
            case.query["wait"] = min(float(case.query["wait"]), MAX_WAIT_S)
        # as the pages' JavaScript calls: JSON, a body or not (see security.py on CSRF)
        case.call_and_validate(
            headers={"Content-Type": "application/json"},
            # A well-formed request may still be refused on what it means, with a 400 the
            # document lists: a source no connector provides, an id that is not printable.
            excluded_checks=[positive_data_acceptance],
        )

    check()
