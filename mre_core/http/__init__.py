"""HTTP for connectors: one polite client, cassettes, and the loopback resolver."""

from mre_core.http.client import HttpClient, Page, SourceHttp

__all__ = ["HttpClient", "Page", "SourceHttp"]
