#!/usr/bin/env bash
# The fault harness's benchmark profile: the notifications service killed with SIGKILL at random
# points of a batch of overdue emails and restarted, RUNS times, then the SMTP server taken away
# for OUTAGE minutes; prints lost and duplicate counts per run and in total.
# Usage: infra/bench/run-faults.sh [runs, default 100] [batch, default 40] [outage minutes, default 10] [seed]
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -DskipTests -Dspotless.check.skip=true install
exec java -Xmx1g ${BENCH_JAVA_OPTS:-} \
  -cp "infra/faults/target/classes:$(cat infra/faults/target/runtime-classpath.txt)" \
  org.improvementhub.faults.FaultsBench "$@"
