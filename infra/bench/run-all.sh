#!/usr/bin/env bash
# Issue 13's report in one command: builds what it needs (in the reactor, nothing installed), runs every
# measure that exists and writes infra/bench/results/<date>/: report.md (each target of issue 13 beside
# what was measured: met, not met, or not measured yet), figures.json (raw figures) and PNG charts.
#   1. ReadMix (Gatling, infra/load) against the whole stack at each rate (default 50,150,300 per s,
#      60 s each): latency percentiles against load, errors, each service's resident memory peak and
#      time to healthy.
#   2. The older benches, each starting what it needs: oversight (dashboard, freshness), notifications
#      (overdue emails), foundation (provisioning), start-up migration check; their printed output is
#      kept as <name>.txt beside the report and read back by it.
#   3. The report (org.improvementhub.bench.report.Issue13Report).
# A soak run into the same folder (BENCH_SOAK_MINUTES=10) adds issue 12's "load held" row.
# Usage: infra/bench/run-all.sh [rates, default 50,150,300] [seconds per rate, default 60] [councils, default 153]
# Environment: RUN_ALL_SKIP="oversight notifications foundation startup" skips those benches;
#   BENCH_SOAK_MINUTES (default 0: no soak) and BENCH_SOAK_RPS (default 300); BENCH_MVN_FLAGS (e.g. -o) is passed to Maven.
set -uo pipefail
cd "$(dirname "$0")/../.."
RATES="${1:-50,150,300}"
SECONDS_PER_RATE="${2:-60}"
COUNCILS="${3:-153}"
SKIP=" ${RUN_ALL_SKIP:-} "
OUT="infra/bench/results/$(date -u +%F)"
mkdir -p "$OUT"
mvn -B -q ${BENCH_MVN_FLAGS:-} -DskipTests -Dspotless.check.skip=true package \
  -pl services/tenancy/tenancy-service,services/plans/plans-service,services/measures/measures-service,services/notifications/notifications-service,services/oversight/oversight-service,services/portal/portal-service,infra/bench,infra/load -am \
  || { echo "build failed"; exit 1; }
CP="infra/bench/target/classes:$(cat infra/bench/target/runtime-classpath.txt)"
bench() { # name, main class, args...
  local name="$1" main="$2"; shift 2
  case "$SKIP" in *" $name "*) echo "== $name: skipped (RUN_ALL_SKIP)"; return;; esac
  echo "== $name"
  java -Xmx1g -cp "$CP" "org.improvementhub.bench.$main" "$@" 2>&1 | tee "$OUT/$name.txt" \
    || echo "== $name failed: its rows say not measured"
}
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
echo "== readmix: rates $RATES, $SECONDS_PER_RATE s each (results in $OUT)"
java -Xmx1g -Dbench.out="$OUT" -cp "$CP" org.improvementhub.bench.load.ReadMixBench \
  "$RATES" "$SECONDS_PER_RATE" 2>&1 | tee "$OUT/readmix.txt" || echo "== readmix failed"
if [ "${BENCH_SOAK_MINUTES:-0}" != "0" ]; then
  echo "== soak: $BENCH_SOAK_MINUTES min at ${BENCH_SOAK_RPS:-300}/s"
  java -Xmx1g -Dbench.out="$OUT/soak" -cp "$CP" org.improvementhub.bench.load.SoakBench \
    "$BENCH_SOAK_MINUTES" "${BENCH_SOAK_RPS:-300}" 2>&1 | tail -40 \
    && cp "$OUT/soak/soak.json" "$OUT/soak/soak.txt" "$OUT/" || echo "== soak failed"
fi
bench oversight OversightBench "$COUNCILS" 300
bench notifications NotificationsBench "$COUNCILS" 200
bench foundation FoundationBench "$COUNCILS"
bench startup StartupMigrationBench "$COUNCILS"
java -Xmx512m -Dbench.commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)" \
  -Dbench.machine="$(nproc) cores, load average $LOAD_BEFORE at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end" \
  -cp "$CP" org.improvementhub.bench.report.Issue13Report "$OUT"
# Gatling's HTML reports and the services' logs stay out of the repository; the report, figures,
# charts and printed outputs are what gets committed.
rm -rf "$OUT/logs" "$OUT/gatling" "$OUT/gatling-warm-up" "$OUT/soak" "$OUT/gatling.log"
# flight recordings (HUB_SERVICE_JAVA_OPTS=-XX:StartFlightRecording=...) are large: kept out of results/
if [ -d "$OUT/jfr" ]; then mv "$OUT/jfr" "infra/bench/target/jfr-$(date -u +%H%M%S)"; fi
