#!/usr/bin/env bash
# Prints the notifications figures (ingest, scan to last email accepted, emails/s, duplicates) for
# N councils x M overdue actions.
# Usage: infra/bench/run-notifications.sh [councils, default 153] [actions, default 200]
# Service settings to compare: BENCH_JAVA_OPTS="-Dbench.notifications.hub.notifications.dispatch.workers=8"
# The SMTP server is SubEthaSMTP counting Message-IDs; BENCH_JAVA_OPTS="-Dbench.smtp=greenmail" for the
# tests' GreenMail (which costs the bench JVM about as much CPU per email as the service).
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -DskipTests -Dspotless.check.skip=true package
exec java -Xmx1g ${BENCH_JAVA_OPTS:-} \
  -cp "infra/bench/target/classes:$(cat infra/bench/target/runtime-classpath.txt)" \
  org.improvementhub.bench.NotificationsBench "$@"
