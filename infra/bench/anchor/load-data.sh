#!/usr/bin/env bash
# Loads bench data (the harness's target/bench-data.json format; see README) into the running
# Redmine through `rails runner` + bulk inserts (load_data.rb says why), then writes the read
# paths for the load tool (target/read-paths.csv, read_paths.py).
#   usage: load-data.sh [bench-data.json]   (default: sample-data.json)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/common.sh"
data="${1:-$here/sample-data.json}"
[ -r "$data" ] || { echo "load-data: cannot read $data" >&2; exit 1; }
mkdir -p "$ANCHOR_OUT/run" && chown www-data "$ANCHOR_OUT/run"
# www-data must read the data and the script; copy both where it can.
work="$(mktemp -d /tmp/anchor-load.XXXXXX)"
trap 'rm -rf "$work"' EXIT
cp "$data" "$work/data.json" && cp "$here/load_data.rb" "$work/load_data.rb"
chmod 755 "$work" && chmod 644 "$work"/*
started=$(date +%s.%N)
as_redmine bin/rails runner "$work/load_data.rb" "$work/data.json" "$ANCHOR_OUT/run/loaded.json"
elapsed=$(echo "$(date +%s.%N) - $started" | bc)
cp "$ANCHOR_OUT/run/loaded.json" "$ANCHOR_OUT/loaded.json"
python3 "$here/read_paths.py" "$ANCHOR_OUT/loaded.json" "$(cat "$ANCHOR_OUT/redmine-url.txt")" \
  >"$ANCHOR_OUT/read-paths.csv"
printf 'load-data: %s loaded in %.1f s wall including one Rails boot (load average %s); read paths in %s\n' \
  "$(basename "$data")" "$elapsed" "$(loadavg)" "$ANCHOR_OUT/read-paths.csv"
