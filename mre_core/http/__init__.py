"""HTTP for connectors: one polite client, cassettes, and the loopback resolver.

`client`: the client and what a connector sees of it; `pacing`: the per-site
limits (a site is a connector's source) and backoff; `shared`: those limits
kept in the service's database, shared by every process using it;
`limits`: each try's deadline and each page's size cap; `cassette`: --replay
and --record; `resolve`: the loopback resolver.
"""

from mre_core.http.client import HttpClient, Page, SourceHttp

__all__ = ["HttpClient", "Page", "SourceHttp"]
