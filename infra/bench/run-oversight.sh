#!/usr/bin/env bash
# Prints the oversight figures (dashboard latency, freshness) for N councils x M actions.
# Usage: infra/bench/run-oversight.sh [councils, default 153] [actions, default 300]
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -DskipTests -Dspotless.check.skip=true install
exec java -Xmx1g \
  -cp "infra/bench/target/classes:$(cat infra/bench/target/runtime-classpath.txt)" \
  org.improvementhub.bench.OversightBench "$@"
