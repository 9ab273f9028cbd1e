"""The `mre` command line: a thin layer over `IngestionService`."""
