#!/usr/bin/env bash
# Prints the foundation figures (provisioning, start-up migration, overdue scan to email) for N councils.
# Usage: infra/bench/run.sh [councils, default 50]
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -DskipTests -Dspotless.check.skip=true package
exec java -Xmx1g \
  -cp "infra/bench/target/classes:$(cat infra/bench/target/runtime-classpath.txt)" \
  org.improvementhub.bench.FoundationBench "$@"
