#!/bin/sh
# The main job, offline: replay the bundled cassette into a database and show
# the event. The cassette is synthetic: recorded with `mre --record` from
# mre's LiveRC site generator, so every name and lap time in it is made up.
#
#   sh examples/demo.sh              # into ./mre-demo.db (kept: look around after)
#   sh examples/demo.sh my.db        # or a database file of your choice
#
# The demo never writes into your own database (~/.local/share/mre/mre.db):
# its made-up data would mix with the real. Run it twice and the second run
# finds everything already there: nothing is fetched or written again.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
cassette="$here/cassettes/demo.yaml"
db="${1:-mre-demo.db}"
case "$db" in /*) ;; *) db="$(pwd)/$db" ;; esac
url="sqlite:///$db"
mre_() { mre --db "$url" --replay "$cassette" "$@"; }

echo "== database: $db"
mre_ tracks sync
mre_ events refresh --track-id quickanddirtyrcandhobby --depth none
mre_ events ingest --event 413880 --depth laps_full
mre_ events show 413880
cat <<NEXT

== next: the demo's database is $db; try
  mre --db $url tracks list
  mre --db $url events list --track-id quickanddirtyrcandhobby
  mre --db $url events show 413880 --json --laps
  mre --db $url runs list
or point every command at it:  export MRE_DATABASE_URL=$url
NEXT
