#!/usr/bin/env bash
# Issue 13's start row as a pod restart sees it: the whole stack up, then each service stopped and
# started again alone, N times; prints the median time from exec to the first healthy answer and
# when each milestone of the start was reached (first log line, platform schema, Kafka listeners,
# council check, context started), beside the time each took when all six started together.
# Usage: infra/bench/run-start.sh [starts per service, default 5] [councils, default 4]
# Class data sharing: HUB_SERVICE_CDS=infra/bench/target/cds infra/bench/run-start.sh
#   (each service's archive is recorded by its first start on this machine, from its own jars;
#   later starts map it). HUB_SERVICE_JAVA_OPTS adds JVM options to every service.
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q ${BENCH_MVN_FLAGS:-} -DskipTests -Dspotless.check.skip=true package \
  -pl services/tenancy/tenancy-service,services/plans/plans-service,services/measures/measures-service,services/notifications/notifications-service,services/oversight/oversight-service,services/portal/portal-service,infra/bench -am
exec java -Xmx512m -Dbench.json="${BENCH_JSON:-infra/bench/target/start.json}" \
  -cp "infra/bench/target/classes:$(cat infra/bench/target/runtime-classpath.txt)" \
  org.improvementhub.bench.BenchLauncher org.improvementhub.bench.load.ServiceStartBench "$@"
