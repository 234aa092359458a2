#!/usr/bin/env bash
# Prints the notifications figures (ingest, scan to last email accepted, emails/s, duplicates) for
# N councils x M overdue actions.
# Usage: infra/bench/run-notifications.sh [councils, default 153] [actions, default 200]
# Service settings to compare: BENCH_JAVA_OPTS="-Dbench.notifications.hub.notifications.dispatch.threads=1"
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -DskipTests -Dspotless.check.skip=true package
exec java -Xmx1g ${BENCH_JAVA_OPTS:-} \
  -cp "infra/bench/target/classes:$(cat infra/bench/target/runtime-classpath.txt)" \
  org.improvementhub.bench.NotificationsBench "$@"
