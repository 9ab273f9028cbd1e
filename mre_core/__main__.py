"""`python -m mre_core ...` is the `mre` command."""

from mre_core.cli.main import run

run()
