#!/usr/bin/env bash
# Issue 12's "load held": starts the whole stack (every service its own JVM, embedded PostgreSQL,
# Kafka and SMTP), provisions councils with 600-action plans through the public APIs, then runs the
# Gatling simulation MixedSoak (infra/load: 80 % reads across plans, measures, oversight and portal
# pages, 20 % writes) at RPS requests/s for MINUTES. Prints errors, p50/p95/p99, throughput, and each
# service's memory before and after (resident from /proc, live heap after a forced full GC from
# /prometheus) and whether it stayed flat. Figures also go to infra/bench/target/soak/<time>/soak.json.
# Usage: infra/bench/run-soak.sh [minutes, default 10] [rps, default 300] [councils, default 4] [actions, default 600]
# BENCH_MVN_FLAGS (e.g. -o) is passed to Maven.
set -euo pipefail
cd "$(dirname "$0")/../.."
# built in the reactor, not installed: the stack runs the modules' target/ folders
mvn -B -q ${BENCH_MVN_FLAGS:-} -DskipTests -Dspotless.check.skip=true package \
  -pl services/tenancy/tenancy-service,services/plans/plans-service,services/measures/measures-service,services/notifications/notifications-service,services/oversight/oversight-service,services/portal/portal-service,infra/bench,infra/load -am
exec java -Xmx1g ${BENCH_JAVA_OPTS:-} \
  -cp "infra/bench/target/classes:$(cat infra/bench/target/runtime-classpath.txt)" \
  org.improvementhub.bench.load.SoakBench "$@"
