#!/usr/bin/env bash
# The read mix against the running Redmine with wrk (closed loop: each of N connections sends its
# next request when the last is answered, keep-alive), from target/read-paths.csv, for each kind
# (list, tree, issue, mix; read-mix.lua says what each is) at each connection count.
#   ANCHOR_SECONDS (default 20) per run, ANCHOR_CONNECTIONS (default "1 4 16"),
#   ANCHOR_KINDS (default "list tree issue mix").
# Writes target/load.json: one entry per run with the load average before it, Puma's RSS after and
# operationsPerSecond (hub reads: a tree read is all its pages, a mix operation a third of 2 + pages).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/common.sh"
seconds="${ANCHOR_SECONDS:-20}"
conns="${ANCHOR_CONNECTIONS:-1 4 16}"
kinds="${ANCHOR_KINDS:-list tree issue mix}"
url="$(cat "$ANCHOR_OUT/redmine-url.txt")"
key="$(cat "$ANCHOR_OUT/api-key.txt")"
export ANCHOR_PATHS="$ANCHOR_OUT/read-paths.csv"
[ -s "$ANCHOR_PATHS" ] || { echo "load: no $ANCHOR_PATHS (run load-data.sh)" >&2; exit 1; }

puma_rss_mb() { # master and workers, from /proc (shared pages counted in each)
  local master total=0
  master="$(cat "$ANCHOR_OUT/run/puma.pid")"
  for p in "$master" $(pgrep -P "$master" || true); do
    total=$((total + $(awk '/VmRSS/ {print $2}' "/proc/$p/status")))
  done
  echo $((total / 1024))
}
# wrk stops at its deadline but Puma still answers the requests it had queued (a tree page under
# load takes seconds), which would slow the next run: before each run, wait until one cheap
# request per Puma thread has come back (at most 120 s).
drain() {
  local n=$((${ANCHOR_PUMA_WORKERS:-2} * ${ANCHOR_PUMA_THREADS:-5})) i
  for i in $(seq 1 "$n"); do
    curl -s -o /dev/null -m 120 -H "X-Redmine-API-Key: $key" "$url/users/current.json" &
  done
  wait
}
# tree pages per plan read (the first council's), to turn page figures into tree reads
pages="$(awk -F, '$1=="tree" {print $4; exit}' "$ANCHOR_PATHS")"

# warm-up: every kind once, so the first figure does not carry Ruby's first calls
for k in list tree issue; do
  ANCHOR_KIND=$k wrk -t1 -c1 -d3s --timeout 30s -H "X-Redmine-API-Key: $key" -s "$here/read-mix.lua" "$url" >/dev/null
done

out="$ANCHOR_OUT/load.json"
echo "[" >"$out"
sep=""
for k in $kinds; do
  for c in $conns; do
    drain
    before="$(loadavg)"
    line="$(ANCHOR_KIND=$k wrk -t"$((c < 2 ? 1 : 2))" -c"$c" -d"${seconds}s" --timeout 30s --latency \
      -H "X-Redmine-API-Key: $key" -s "$here/read-mix.lua" "$url" | sed -n 's/^ANCHOR-WRK //p')"
    rss="$(puma_rss_mb)"
    # operations: a list or an issue is one request, a tree read `pages` requests, a mix of three
    # operations 2 + pages requests
    entry="$(python3 -c '
import json, sys
c, pages, before, after, rss, line = sys.argv[1:]
d = json.loads(line); pages = int(pages)
per_op = {"list": 1, "issue": 1, "tree": pages, "mix": (2 + pages) / 3}[d["kind"]]
print(json.dumps({"connections": int(c), "treePages": pages, "loadAverageBefore": before,
  "loadAverageAfter": after, "pumaRssMb": int(rss),
  "operationsPerSecond": round(d["requestsPerSecond"] / per_op, 3), "wrk": d}))' \
      "$c" "$pages" "$before" "$(loadavg)" "$rss" "$line")"
    printf '%s%s\n' "$sep" "$entry" >>"$out"
    sep=","
    summary="$(python3 -c '
import json, sys
e = json.loads(sys.argv[1]); d = e["wrk"]; l = d["latencyMs"]
print("%.2f req/s (%.3f operations/s) p50 %s p90 %s p99 %s ms per request, %d requests, errors %d" % (d["requestsPerSecond"], e["operationsPerSecond"], l["p50"], l["p90"], l["p99"], d["requests"], sum(d["errors"].values())))' "$entry")"
    echo "load: $k c=$c $summary (load average $before; puma RSS ${rss} MB)"
  done
done
echo "]" >>"$out"
