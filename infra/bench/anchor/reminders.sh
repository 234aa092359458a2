#!/usr/bin/env bash
# Redmine's overdue reminders on the loaded data, to a local SMTP sink (smtp_sink.py on
# 127.0.0.1:$ANCHOR_SMTP_PORT, default 2525, the port start.sh configured):
#   1. Mailer.reminders(days: 0), what `rake redmine:send_reminders days=0` runs, timed inside one
#      process (reminders_timed.rb): scan start -> last message accepted by the sink, the figure to
#      set beside the hub's overdue scan;
#   2. the operator's command, `rake redmine:send_reminders days=0 users=<ids>`, for a sample of the
#      assignees just emailed (ANCHOR_RESEND_SAMPLE, default 20; wall time includes a Rails boot):
#      Redmine keeps no record of what it sent, so a second run emails them again (counted as
#      resent). A sample, not everyone: at 153 councils one run takes many minutes on 2 cores.
# days=0 reminds open, assigned issues due on or before today; the hub reminds actions due before
# today that are not complete (BLUE = Closed here), so the sets are the same unless an action is due
# today (reported as dueToday). Redmine sends ONE email per assignee listing their issues.
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
load_before_timed="$(loadavg)"
timed="$(ANCHOR_RESEND_SAMPLE="${ANCHOR_RESEND_SAMPLE:-20}" as_redmine bin/rails runner "$work/reminders_timed.rb" | tail -1)"
rm -rf "$work"
sleep 1 # the sink writes its line just after answering the last DATA
after_timed=$(count)
sample="$(python3 -c 'import json,sys; print(",".join(str(i) for i in json.loads(sys.argv[1])["sample"]))' "$timed")"
load_before_rake="$(loadavg)"
t0=$(date +%s.%N)
[ -n "$sample" ] && as_redmine rake redmine:send_reminders days=0 users="$sample" >/dev/null
rake_seconds=$(echo "$(date +%s.%N) - $t0" | bc)
sleep 1
kill $sink 2>/dev/null || true
python3 - "$mails" "$after_timed" "$rake_seconds" "$timed" "$load_before_rake" "$load_before_timed" \
  >"$ANCHOR_OUT/reminders.json" <<'PY'
import json, sys
path, after_timed, rake_seconds, timed, load_rake, load_timed = sys.argv[1:]
rows = [json.loads(l) for l in open(path)]
first, second = rows[:int(after_timed)], rows[int(after_timed):]
t = json.loads(timed)
def ids(rs): return [i for r in rs for i in r["issues"]]
print(json.dumps({
  "inProcess": {"scanToLastAcceptedSeconds": round(max(r["t"] for r in first) - t["scanStarted"], 2) if first else None,
                "emails": len(first), "issuesListed": len(ids(first)), "distinctIssues": len(set(ids(first))),
                "redmineScope": t["inScope"], "dueToday": t["dueToday"], "loadAverage": load_timed},
  "rake": {"seconds": round(float(rake_seconds), 2), "users": len(t["sample"]), "emails": len(second),
           "issuesListed": len(ids(second)), "distinctIssues": len(set(ids(second))),
           "loadAverage": load_rake},
  "resentOnSecondRun": len(set(r["to"][0] for r in first) & set(r["to"][0] for r in second)),
  "secondRunAsked": len(t["sample"]),
  "bytesPerEmail": round(sum(r["bytes"] for r in rows) / len(rows)) if rows else 0}, indent=1))
PY
echo "reminders: $(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); r=d['rake']; i=d['inProcess']; print(f\"in process scan->last accepted {i['scanToLastAcceptedSeconds']} s for {i['emails']} emails / {i['distinctIssues']} issues of {i['redmineScope']} in scope (load {i['loadAverage']}); then rake days=0 for {r['users']} of those assignees: {r['seconds']} s wall, {r['emails']} emails (load {r['loadAverage']}); {d['resentOnSecondRun']} of {d['secondRunAsked']} assignees emailed again\")" "$ANCHOR_OUT/reminders.json")"
