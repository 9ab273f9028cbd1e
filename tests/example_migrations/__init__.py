"""A schema history for tests only: the real migration 1, then changes of every kind.

Migration 2 does what later migrations of mre will (a CHECK widened, a
column added and one dropped, an index added), so the machinery a real
migration will lean on (SQLite's table rebuild, playhouse.migrate on
PostgreSQL) is proven before the first of them ships. Migration 3 loses
a row, which the runner must refuse.
"""
