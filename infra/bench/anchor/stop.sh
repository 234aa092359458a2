#!/usr/bin/env bash
# Stops the Puma that start.sh started (by its pid file) and Debian's PostgreSQL cluster if an
# anchor script started it. Safe to run twice.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/common.sh"
pidfile="$ANCHOR_OUT/run/puma.pid"
if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
  pid="$(cat "$pidfile")"
  kill -TERM "$pid"
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
  echo "stop: puma $pid stopped"
fi
rm -f "$pidfile"
if [ -f "$ANCHOR_OUT/cluster-started-by-anchor" ]; then
  [ "$(cluster_status)" = online ] && pg_ctlcluster "$PG_VERSION" main stop && echo "stop: PostgreSQL $PG_VERSION/main stopped"
  rm -f "$ANCHOR_OUT/cluster-started-by-anchor"
fi
exit 0
