"""The conformance suite as a pytest plugin, registered through `pytest11`.

    pytest --mre-connector NAME --mre-cassettes DIR

runs the suite (`mre_core.kit.conformance`) on connector NAME (an installed
source, or the module holding its hooks) with the cases of
DIR/mre-conformance.toml, from any folder and whatever the test paths say:
the suite's module is added to what pytest collects. Without the options
the plugin does nothing, so it stays out of every other test run.

Authors may also use its fixtures in their own tests: `mre_connector` (the
loaded connector), `mre_case` (each case in turn), `mre_pages` (the case's
cassette), `mre_records` (every record the case's hooks answered).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from mre_core.errors import MreError
from mre_core.kit.cases import Case, read_cases

if TYPE_CHECKING:  # imported when used: the plugin loads in every pytest run
    from mre_core.kit.cassettes import CassettePages
    from mre_core.kit.harness import CaseRecords, Loaded

_CASES = pytest.StashKey[list[Case]]()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("mre", "mre connector conformance")
    group.addoption(
        "--mre-connector",
        metavar="NAME",
        help="Run mre's conformance suite on this connector: an installed source name, "
        "or the module (or module:object) holding its hooks.",
    )
    group.addoption(
        "--mre-cassettes",
        metavar="DIR",
        help="The folder of the cassettes and the mre-conformance.toml to drive.",
    )


def pytest_configure(config: pytest.Config) -> None:
    connector = config.getoption("--mre-connector")
    folder = config.getoption("--mre-cassettes")
    if not connector and not folder:
        return
    if not (connector and folder):
        raise pytest.UsageError("--mre-connector and --mre-cassettes go together")
    try:
        config.stash[_CASES] = read_cases(Path(folder))
    except MreError as exc:
        raise pytest.UsageError(str(exc)) from None
    spec = importlib.util.find_spec("mre_core.kit.conformance")
    assert spec is not None and spec.origin is not None
    suite = spec.origin
    if suite not in config.args:
        config.args.append(suite)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "mre_case" in metafunc.fixturenames:
        cases = metafunc.config.stash.get(_CASES, [])
        metafunc.parametrize("mre_case", cases, ids=[case.name for case in cases])


@pytest.fixture(scope="session")
def mre_loaded(request: pytest.FixtureRequest) -> Loaded:
    from mre_core.kit.harness import load_connector

    spec = request.config.getoption("--mre-connector")
    if not spec:
        pytest.fail("the conformance fixtures need --mre-connector NAME --mre-cassettes DIR")
    return load_connector(spec)


@pytest.fixture(scope="session")
def mre_connector(mre_loaded: Loaded) -> Any:
    if mre_loaded.connector is None:
        pytest.fail(f"the connector did not load: {mre_loaded.problem}", pytrace=False)
    return mre_loaded.connector


@pytest.fixture(scope="session")
def _mre_pages_by_cassette() -> dict[Path, CassettePages]:
    return {}


@pytest.fixture
def mre_pages(mre_case: Case, _mre_pages_by_cassette: dict[Path, CassettePages]) -> CassettePages:
    from mre_core.kit.cassettes import CassettePages

    pages = _mre_pages_by_cassette.get(mre_case.cassette)
    if pages is None:
        pages = _mre_pages_by_cassette[mre_case.cassette] = CassettePages(mre_case.cassette)
    pages.changed.clear()
    return pages


@pytest.fixture
def mre_records(mre_connector: Any, mre_pages: CassettePages, mre_case: Case) -> CaseRecords:
    from mre_core.kit.harness import read_records

    try:
        return read_records(mre_connector, mre_pages, mre_case)
    except (MreError, AssertionError) as exc:
        pytest.fail(f"the hooks did not answer case {mre_case.name}: {exc}", pytrace=False)
