#!/usr/bin/env bash
# Redmine's overdue reminders on the loaded data, to a local SMTP sink (smtp_sink.py on
# 127.0.0.1:$ANCHOR_SMTP_PORT, default 2525, the port start.sh configured):
#   1. the operator's command, `rake redmine:send_reminders days=0` (wall time includes a Rails boot);
#   2. the same Mailer.reminders(days: 0) timed inside one process (reminders_timed.rb): scan start
#      -> last message accepted by the sink, the figure to set beside the hub's overdue scan.
# days=0 reminds open, assigned issues due on or before today; the hub reminds actions due before
# today that are not complete (BLUE = Closed here), so the sets are the same unless an action is due
# today (reported as dueToday). Redmine sends ONE email per assignee listing their issues, and keeps
# no record of what it sent: a second run sends everything again (counted as resent).
# Prints a summary and writes target/reminders.json.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/common.sh"
port="${ANCHOR_SMTP_PORT:-2525}"
mails="$ANCHOR_OUT/sink.jsonl"
rm -f "$mails"
python3 "$here/smtp_sink.py" "$port" "$mails" >"$ANCHOR_OUT/sink.log" 2>&1 &
sink=$!
trap 'kill $sink 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null && break; sleep 0.2; done
count() { [ -f "$mails" ] && wc -l <"$mails" || echo 0; }

work="$(mktemp -d /tmp/anchor-reminders.XXXXXX)"
cp "$here/reminders_timed.rb" "$work/" && chmod 755 "$work" && chmod 644 "$work"/*
load_before_rake="$(loadavg)"
t0=$(date +%s.%N)
as_redmine rake redmine:send_reminders days=0 >/dev/null
rake_seconds=$(echo "$(date +%s.%N) - $t0" | bc)
after_rake=$(count)
load_before_timed="$(loadavg)"
timed="$(as_redmine bin/rails runner "$work/reminders_timed.rb" | tail -1)"
rm -rf "$work"
sleep 1 # the sink writes its line just after answering the last DATA
kill $sink 2>/dev/null || true
python3 - "$mails" "$after_rake" "$rake_seconds" "$timed" "$load_before_rake" "$load_before_timed" \
  >"$ANCHOR_OUT/reminders.json" <<'PY'
import json, sys
path, after_rake, rake_seconds, timed, load_rake, load_timed = sys.argv[1:]
rows = [json.loads(l) for l in open(path)] if after_rake != "0" or True else []
first, second = rows[:int(after_rake)], rows[int(after_rake):]
t = json.loads(timed)
def ids(rs): return [i for r in rs for i in r["issues"]]
print(json.dumps({
  "rake": {"seconds": round(float(rake_seconds), 2), "emails": len(first),
           "issuesListed": len(ids(first)), "distinctIssues": len(set(ids(first))),
           "loadAverage": load_rake},
  "inProcess": {"scanToLastAcceptedSeconds": round(max(r["t"] for r in second) - t["scanStarted"], 2) if second else None,
                "emails": len(second), "issuesListed": len(ids(second)), "distinctIssues": len(set(ids(second))),
                "redmineScope": t["inScope"], "dueToday": t["dueToday"], "loadAverage": load_timed},
  "resentOnSecondRun": len(set(r["to"][0] for r in first) & set(r["to"][0] for r in second)),
  "bytesPerEmail": round(sum(r["bytes"] for r in rows) / len(rows)) if rows else 0}, indent=1))
PY
echo "reminders: $(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); r=d['rake']; i=d['inProcess']; print(f\"rake days=0 {r['seconds']} s wall for {r['emails']} emails listing {r['issuesListed']} issues (load {r['loadAverage']}); in process scan->last accepted {i['scanToLastAcceptedSeconds']} s for {i['emails']} emails / {i['distinctIssues']} issues of {i['redmineScope']} in scope (load {i['loadAverage']}); {d['resentOnSecondRun']} assignees emailed again by the second run\")" "$ANCHOR_OUT/reminders.json")"
