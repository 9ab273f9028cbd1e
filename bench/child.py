"""`python -m bench.child MODULE SPEC`: run one measurement's body in this process.

Prints one JSON line, the dict `bench.MODULE.in_child(SPEC)` returned. The
measured modules import only mre at their top, so this process holds mre and
nothing of the benchmark's own (no generator, no simulator).
"""

from __future__ import annotations

import importlib
import json
import sys


def main(argv: list[str]) -> int:
    module, spec = argv
    measured = importlib.import_module(f"bench.{module}")
    print(json.dumps(measured.in_child(json.loads(spec))), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
