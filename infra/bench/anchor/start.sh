#!/usr/bin/env bash
# Starts Debian's PostgreSQL cluster and Redmine under Puma on 127.0.0.1:<port> (default 3000),
# production mode, REST API on, per-event notifications off (so loading does not send mail), email
# delivery to an SMTP server on 127.0.0.1:$ANCHOR_SMTP_PORT (default 2525, for reminders.sh).
# Writes the admin's API key to target/api-key.txt and the base URL to target/redmine-url.txt,
# then waits until Redmine answers an authenticated API request.
#   ANCHOR_PUMA_WORKERS (default 2) x ANCHOR_PUMA_THREADS (default 5): on 2 cores, 2 workers is
#   Redmine's best configuration (one Ruby process is held to about one core by the GVL).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/common.sh"
port="${1:-3000}"
smtp_port="${ANCHOR_SMTP_PORT:-2525}"
workers="${ANCHOR_PUMA_WORKERS:-2}"
threads="${ANCHOR_PUMA_THREADS:-5}"
installed redmine || { echo "start: redmine is not installed (run install.sh)" >&2; exit 1; }

ensure_cluster_running

if [ -f "$ANCHOR_OUT/run/puma.pid" ] && kill -0 "$(cat "$ANCHOR_OUT/run/puma.pid")" 2>/dev/null; then
  echo "start: puma already running (pid $(cat "$ANCHOR_OUT/run/puma.pid")); stop.sh first" >&2
  exit 1
fi

# Email delivery for redmine:send_reminders; read by every Rails boot (Puma and rake).
install -o root -g www-data -m 640 /dev/stdin "$REDMINE_ETC/configuration.yml" <<YAML
production:
  email_delivery:
    delivery_method: :smtp
    smtp_settings:
      address: "127.0.0.1"
      port: $smtp_port
      enable_starttls_auto: false
YAML

# One Rails boot (about 4 s) for every setting; the key is created on first ask.
as_redmine bin/rails runner '
  Setting.rest_api_enabled = "1"
  Setting.notified_events = []
  Setting.host_name = "127.0.0.1"
  puts User.find_by_login("admin").api_key' | tail -1 > "$ANCHOR_OUT/api-key.txt"
[ -s "$ANCHOR_OUT/api-key.txt" ] || { echo "start: no API key" >&2; exit 1; }

mkdir -p "$ANCHOR_OUT/run"
chown www-data "$ANCHOR_OUT/run"
echo "http://127.0.0.1:$port" > "$ANCHOR_OUT/redmine-url.txt"
# Background with every stream redirected, so that a caller reading this script's output through a
# pipe is not held open by Puma.
cd "$REDMINE_HOME"
nohup runuser -u www-data -- env RAILS_ENV=production REDMINE_INSTANCE=default \
  puma -e production -b "tcp://127.0.0.1:$port" -t "$threads:$threads" -w "$workers" \
  --pidfile "$ANCHOR_OUT/run/puma.pid" config.ru </dev/null >"$ANCHOR_OUT/puma.log" 2>&1 &
cd - >/dev/null

key="$(cat "$ANCHOR_OUT/api-key.txt")"
started=$(date +%s.%N)
for _ in $(seq 1 240); do
  if curl -fsS -o /dev/null -H "X-Redmine-API-Key: $key" "http://127.0.0.1:$port/users/current.json" 2>/dev/null; then
    echo "start: redmine answers on http://127.0.0.1:$port after $(echo "$(date +%s.%N) - $started" | bc) s" \
      "(puma ${workers}x${threads}; load average $(loadavg)); API key in $ANCHOR_OUT/api-key.txt"
    exit 0
  fi
  sleep 0.5
done
echo "start: redmine did not answer within 120 s; see $ANCHOR_OUT/puma.log" >&2
exit 1
