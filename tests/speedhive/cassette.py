"""The demo cassette, written from the example site: `python -m tests.speedhive.cassette`.

It is written, not recorded: every answer is the site's JSON as Speedhive
would send it (compact, UTF-8), in vcrpy's format as mre reads it, and
nothing that changes between runs (no dates, no User-Agent with mre's
version) goes in, so the committed file is exactly what this writes today
(a test checks it). Requests keep only their Accept header: no key is ever
in a cassette.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from vcr.serializers import yamlserializer

from tests.speedhive.site import answers

ROOT = Path(__file__).resolve().parents[2]
DEMO_CASSETTE = ROOT / "plugins" / "speedhive" / "cassettes" / "demo.yaml"


def body(value: Any) -> str:
    """An answer as the service sends it: compact JSON, non-ASCII as UTF-8."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def cassette_text() -> str:
    interactions = [_interaction(url, body(value)) for url, value in answers().items()]
    return yamlserializer.serialize({"interactions": interactions, "version": 1})


def _interaction(url: str, text: str) -> dict[str, Any]:
    return {
        "request": {
            "body": "",
            "headers": {"accept": ["application/json"]},
            "method": "GET",
            "uri": url,
        },
        "response": {
            "body": {"string": text},
            "headers": {
                "content-length": [str(len(text.encode("utf-8")))],
                "content-type": ["application/json; charset=utf-8"],
            },
            "status": {"code": 200, "message": "OK"},
        },
    }


if __name__ == "__main__":
    DEMO_CASSETTE.write_text(cassette_text(), encoding="utf-8")
    print(f"wrote {DEMO_CASSETTE}")
