"""The MyLaps Speedhive connector for mre: reads Speedhive's event results API into mre records.

It is a plugin like any third party's: found through its `mre` entry point,
it imports only `mre_core.connector`, fetches only through the client the
core gives it and never touches the database. Built to the published
Swagger definitions of the API and unverified against the live service:
see the README.
"""

# The one place the connector's version is written: pyproject.toml reads it,
# ConnectorInfo reports it, and every session's fingerprint is taken under it
# (a new number makes `mre events ingest --force` read every session again).
__version__ = "0.1.0"
