"""The LiveRC connector for mre: reads *.liverc.com results pages into mre records.

It is a plugin like any third party's: found through its `mre` entry point,
it fetches only through the client the core gives it and never touches the
database.
"""

# The one place the connector's version is written: pyproject.toml reads it,
# ConnectorInfo reports it, and every race page's fingerprint is taken under it
# (a new number makes `mre events ingest --force` parse every page again).
__version__ = "0.2.1"

from loguru import logger

logger.disable("mre_liverc")  # silent in apps until they enable it; the CLI does
