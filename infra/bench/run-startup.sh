#!/usr/bin/env bash
# Prints, per service, the start-up migration figures with N council schemas: the `migrate` run (the Helm
# Job) from nothing and again with nothing to do, the schema check a normal start-up makes, and the time
# until healthy.
# Usage: infra/bench/run-startup.sh [councils, default 153] [parallelism, default 4]
set -euo pipefail
cd "$(dirname "$0")/../.."
# only what the bench runs, and what that needs (not the whole reactor)
mvn -B -q -DskipTests -Dspotless.check.skip=true package \
  -pl services/tenancy/tenancy-service,services/plans/plans-service,services/measures/measures-service,services/notifications/notifications-service,services/oversight/oversight-service,infra/bench -am
exec java -Xmx512m \
  -cp "infra/bench/target/classes:$(cat infra/bench/target/runtime-classpath.txt)" \
  org.improvementhub.bench.StartupMigrationBench "$@"
