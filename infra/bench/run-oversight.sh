#!/usr/bin/env bash
# Prints the oversight figures (ingest, dashboard latency under 20 readers and alone, freshness,
# rebuild) for N councils x M actions, with drivers and measures.
# Usage: infra/bench/run-oversight.sh [councils, default 153] [actions, default 300]
set -euo pipefail
cd "$(dirname "$0")/../.."
# only what the bench runs, and what that needs (not the whole reactor)
mvn -B -q -DskipTests -Dspotless.check.skip=true package \
  -pl services/oversight/oversight-service,infra/bench -am
exec java -Xmx1g \
  -cp "infra/bench/target/classes:$(cat infra/bench/target/runtime-classpath.txt)" \
  org.improvementhub.bench.OversightBench "$@"
