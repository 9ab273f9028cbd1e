#!/bin/sh
# The main job, offline: replay the bundled cassette into a fresh database and
# show the event. The cassette is synthetic: recorded with `mre --record` from
# mre's LiveRC site generator, so every name and lap time in it is made up.
#
#   sh examples/demo.sh              # a new database in a temporary folder
#   sh examples/demo.sh my.db        # or a database file of your choice
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
cassette="$here/cassettes/demo.yaml"
db="${1:-$(mktemp -d)/demo.db}"
mre_() { mre --db "sqlite:///$db" --replay "$cassette" "$@"; }

echo "== database: $db"
mre_ tracks sync
mre_ events refresh --track-id quickanddirtyrcandhobby --depth none
mre_ events ingest --event 413880 --depth laps_full
mre_ events show 413880
