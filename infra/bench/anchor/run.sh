#!/usr/bin/env bash
# Redmine beside us, one command: install -> start -> load data -> the read mix with wrk at a few
# connection counts -> reminders -> stop. Writes target/anchor-figures.json (every figure with the
# load average beside it) and prints a summary.
#   usage: run.sh [DATA] [PORT]
#     DATA: a bench-data.json file; or CxA (e.g. 10x600) to generate C councils of A actions with
#           make-data.py (the harness's plans); default: the harness's ../target/bench-data.json if
#           it is there, else sample-data.json.
#     PORT: Redmine's port on 127.0.0.1, default 3000.
#   Exit 0 done; 3 skipped (install.sh's reason in the figures file as "skipped"); other: failed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/common.sh"
data="${1:-}"
port="${2:-3000}"
figures="$ANCHOR_OUT/anchor-figures.json"
rm -f "$ANCHOR_OUT"/{load,reminders,loaded}.json "$figures"

set +e
"$here/install.sh" 2>&1 | tee "$ANCHOR_OUT/install.log"
rc=${PIPESTATUS[0]}
set -e
install_line="$(tail -1 "$ANCHOR_OUT/install.log")"
if [ "$rc" = 3 ]; then
  python3 -c 'import json,sys; print(json.dumps({"skipped": sys.argv[1]}))' "${install_line#skipped: }" >"$figures"
  echo "run: $install_line"
  exit 3
fi
[ "$rc" = 0 ] || exit "$rc"

case "$data" in
  "") data="$here/../target/bench-data.json"; [ -r "$data" ] || data="$here/sample-data.json" ;;
  *x*) python3 "$here/make-data.py" "${data%x*}" "${data#*x}" >"$ANCHOR_OUT/data-$data.json"
    data="$ANCHOR_OUT/data-$data.json" ;;
esac

trap '"$here/stop.sh"' EXIT
start_line="$("$here/start.sh" "$port" | tail -1)"
echo "$start_line"
"$here/load-data.sh" "$data" | tee "$ANCHOR_OUT/load-data.log"
load_line="$(tail -1 "$ANCHOR_OUT/load-data.log")"
"$here/load.sh"
reminders_line="$("$here/reminders.sh" | tail -1)"
echo "$reminders_line"

python3 - "$ANCHOR_OUT" "$data" "$start_line" "$load_line" <<'PY' >"$figures"
import json, os, platform, subprocess, sys, datetime
out, data, start_line, load_line = sys.argv[1:]
def version(pkg):
    return subprocess.run(["dpkg-query", "-W", "-f=${Version}", pkg], capture_output=True, text=True).stdout
loaded = json.load(open(os.path.join(out, "loaded.json")))
loaded.pop("councils")
print(json.dumps({
  "measuredAt": datetime.datetime.utcnow().isoformat(timespec="seconds") + "Z",
  "machine": {"cores": os.cpu_count(), "kernel": platform.release()},
  "versions": {p: version(p) for p in ["redmine", "ruby3.1", "ruby-rails", "puma", "postgresql-15", "wrk"]},
  "puma": {"workers": int(os.environ.get("ANCHOR_PUMA_WORKERS", "2")), "threads": int(os.environ.get("ANCHOR_PUMA_THREADS", "5"))},
  "data": os.path.basename(data), "start": start_line, "load": {"summary": load_line, **loaded},
  "reads": json.load(open(os.path.join(out, "load.json"))),
  "reminders": json.load(open(os.path.join(out, "reminders.json")))}, indent=1))
PY
echo "run: figures in $figures"
