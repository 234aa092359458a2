#!/usr/bin/env bash
# Prints the portal figures: programme overview and plan page render p50/p95/p99 for 20 concurrent
# signed-in people (each their own session), with Walsall's demo plan loaded.
# Usage: infra/bench/run-portal.sh [users, default 20] [pages per person and page, default 50]
set -euo pipefail
cd "$(dirname "$0")/../.."
# only what the bench runs, and what that needs: the services start from their target/classes
mvn -B -q -DskipTests -Dspotless.check.skip=true process-classes \
  -pl services/tenancy/tenancy-service,services/plans/plans-service,services/portal/portal-service,infra/bench -am
exec java -Xmx1g \
  -cp "infra/bench/target/classes:$(cat infra/bench/target/runtime-classpath.txt)" \
  org.improvementhub.bench.PortalBench "$@"
