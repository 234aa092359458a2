#!/usr/bin/env bash
# Prints the measures figures: time-series read p50/p99 for 100 measures x 60 months per council.
# Usage: infra/bench/run-measures.sh [councils, default 2] [measures, default 100] [months, default 60]
#        [reads per council, default 500] [readers, default 4]
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -DskipTests -Dspotless.check.skip=true package
exec java -Xmx1g \
  -cp "infra/bench/target/classes:$(cat infra/bench/target/runtime-classpath.txt)" \
  org.improvementhub.bench.MeasuresBench "$@"
