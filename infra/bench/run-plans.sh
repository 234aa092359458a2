#!/usr/bin/env bash
# Prints the plans figures: import time of a 2,000-row plan file, and the tree read p50/p99 of a
# 600-action plan under 50 concurrent readers, against a real plans service.
# Usage: infra/bench/run-plans.sh [tree actions, default 600] [readers, default 50]
#                                 [reads, default 2500] [import rows, default 2000]
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -DskipTests -Dspotless.check.skip=true package -pl infra/bench -am
exec java -Xmx1g \
  -cp "infra/bench/target/classes:$(cat infra/bench/target/runtime-classpath.txt)" \
  org.improvementhub.bench.PlansBench "$@"
