"""A LiveRC simulator on loopback: the kit's fault server serving the generated site.

Faults are matched against LiveRC's canonical ``host/path?query`` form,
e.g. ``synthtrack.liverc.com/results/?p=view_race_result&id=6304829``.
"""

from __future__ import annotations

from mre_core.kit.fault_server import Fault, FaultServer, RequestRecord

from .model import Site
from .site import SitePages, canonical_url

__all__ = ["Fault", "LiveRCSimulator", "RequestRecord"]


class LiveRCSimulator(FaultServer):
    """LiveRC on ``127.0.0.1:port``; a context manager that starts and stops it.

    >>> with LiveRCSimulator(site) as sim:                        # doctest: +SKIP
    ...     httpx.get(f"{sim.base_url}/events/", headers={"Host": "synthtrack.liverc.com"})
    """

    pages: SitePages

    def __init__(
        self,
        pages: SitePages | Site,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        latency: float = 0.0,
    ) -> None:
        super().__init__(
            pages if isinstance(pages, SitePages) else SitePages(pages),
            host=host,
            port=port,
            latency=latency,
            canonical=canonical_url,
            name="liverc-sim",
        )
