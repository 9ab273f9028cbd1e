from mre_core.storage.migrations.m0001_initial import DESCRIPTION, upgrade

__all__ = ["DESCRIPTION", "upgrade"]
