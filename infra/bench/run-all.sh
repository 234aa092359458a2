#!/usr/bin/env bash
# Issue 13's report in one command: builds what it needs (in the reactor, nothing installed), runs every
# measure that exists and writes infra/bench/results/<date>/: report.md (each target of issue 13 beside
# what was measured: met, not met, or not measured yet), figures.json (raw figures) and PNG charts.
#   1. readmix: Gatling's ReadMix (infra/load) against the whole stack at each rate (default 50,150,300
#      per s, 60 s each): latency percentiles against load, errors, each service's resident memory peak
#      and time to healthy. It writes the plans it loaded to infra/bench/target/bench-data.json.
#   2. redmine: Redmine 5 beside us (infra/bench/anchor: Debian's package, root only; otherwise its row
#      says "not measured: <why>"), loaded with the same plans; the same read mix by the same tool
#      (Gatling's RedmineReadMix) at the same rates for as long; then `redmine:send_reminders` on the
#      same overdue set as the notifications bench (councils x 200 overdue actions).
#   3. The older benches at [councils] (default 153), each printing figures and writing <name>.json:
#      oversight (dashboard, freshness), notifications (overdue emails), foundation (provisioning),
#      startup (start-up migration check), start (each service restarted alone: run-start.sh).
#   4. growth (BENCH_GROWTH=10,50,153,500): the same four benches at each number of councils, into
#      growth/<bench>-<councils>.json; the report fits each cost's growth and charts it (log-log).
#   5. suite (BENCH_SUITE=1): the README's test command (`mvn -B verify`), timed, into suite.txt. A
#      suite.txt already in the folder (the lead's CI timing) is kept and read instead.
#   6. Issue 12's figures, when their benches have run: infra/bench/target/faults.json (run-faults.sh)
#      and infra/bench/target/fuzz.txt (run-fuzz.sh's output) are copied beside the report.
#   7. The report (org.improvementhub.bench.report.Issue13Report).
# A soak run into the same folder (BENCH_SOAK_MINUTES=10) adds issue 12's "load held" row.
# Usage: infra/bench/run-all.sh [rates, default 50,150,300] [seconds per rate, default 60] [councils, default 153]
# Environment:
#   RUN_ALL_SKIP="readmix redmine oversight notifications foundation startup start" skips those steps
#     (a skipped bench is skipped at every growth size too);
#   BENCH_GROWTH (default empty: no growth runs), e.g. 10,50,153,500;
#   BENCH_REDMINE_RATES (default: the same rates as ours);
#   BENCH_SUITE=1 times the full test command; BENCH_SOAK_MINUTES (default 0) and BENCH_SOAK_RPS (300);
#   BENCH_OUT (default infra/bench/results/<date>): where everything goes (trial runs: under target/);
#   BENCH_RESUME=1 keeps every bench's JSON already in that folder (a long growth run that stopped
#     carries on where it was, instead of starting again);
#   BENCH_MVN_FLAGS (e.g. -o) is passed to Maven.
set -uo pipefail
cd "$(dirname "$0")/../.."
RATES="${1:-50,150,300}"
SECONDS_PER_RATE="${2:-60}"
COUNCILS="${3:-153}"
SKIP=" ${RUN_ALL_SKIP:-} "
OUT="${BENCH_OUT:-infra/bench/results/$(date -u +%F)}"
mkdir -p "$OUT"
skipped() { case "$SKIP" in *" $1 "*) echo "== $1: skipped (RUN_ALL_SKIP)"; return 0;; esac; return 1; }
mvn -B -q ${BENCH_MVN_FLAGS:-} -DskipTests -Dspotless.check.skip=true package \
  -pl services/tenancy/tenancy-service,services/plans/plans-service,services/measures/measures-service,services/notifications/notifications-service,services/oversight/oversight-service,services/portal/portal-service,infra/bench,infra/load -am \
  || { echo "build failed"; exit 1; }
CP="infra/bench/target/classes:$(cat infra/bench/target/runtime-classpath.txt)"
bench() { # json file (without .json), main class, args...: prints as it goes, keeps <file>.txt
  local file="$1" main="$2"; shift 2
  if [ "${BENCH_RESUME:-0}" = 1 ] && [ -s "$file.json" ]; then
    echo "== $(basename "$file"): kept from an earlier run into this folder (BENCH_RESUME=1)"; return
  fi
  echo "== $(basename "$file") ($*)"
  mkdir -p "$(dirname "$file")"
  java -Xmx1g -Dbench.json="$file.json" -cp "$CP" "org.improvementhub.bench.$main" "$@" 2>&1 \
    | tee "$file.txt" || true
  [ -s "$file.json" ] || echo "== $(basename "$file") failed: its rows say not measured"
}
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"

if ! skipped readmix; then
  echo "== readmix: rates $RATES, $SECONDS_PER_RATE s each (results in $OUT)"
  java -Xmx1g -Dbench.out="$OUT" -cp "$CP" org.improvementhub.bench.load.ReadMixBench \
    "$RATES" "$SECONDS_PER_RATE" 2>&1 | tee "$OUT/readmix.txt" || echo "== readmix failed"
fi
if [ "${BENCH_SOAK_MINUTES:-0}" != "0" ]; then
  echo "== soak: $BENCH_SOAK_MINUTES min at ${BENCH_SOAK_RPS:-300}/s"
  java -Xmx1g -Dbench.out="$OUT/soak" -cp "$CP" org.improvementhub.bench.load.SoakBench \
    "$BENCH_SOAK_MINUTES" "${BENCH_SOAK_RPS:-300}" 2>&1 | tail -40 \
    && cp "$OUT/soak/soak.json" "$OUT/soak/soak.txt" "$OUT/" || echo "== soak failed"
fi

redmine() {
  local anchor=infra/bench/anchor rc
  echo "== redmine: install (idempotent), start, the same plans, the read mix at ${BENCH_REDMINE_RATES:-$RATES}"
  "$anchor/install.sh" >"$OUT/redmine-install.log" 2>&1
  rc=$?
  if [ "$rc" = 3 ]; then
    python3 -c 'import json,sys; print(json.dumps({"skipped": sys.argv[1]}))' \
      "$(tail -1 "$OUT/redmine-install.log" | sed 's/^skipped: //')" >"$OUT/redmine.json"
    echo "== redmine: $(tail -1 "$OUT/redmine-install.log")"
    return
  fi
  if [ "$rc" != 0 ]; then
    python3 -c 'import json,sys; print(json.dumps({"skipped": sys.argv[1]}))' \
      "install.sh failed (exit $rc; see redmine-install.log)" >"$OUT/redmine.json"
    return
  fi
  [ -r infra/bench/target/bench-data.json ] || { echo "== redmine: no bench-data.json (readmix did not run)"; return; }
  trap '"$anchor/stop.sh" >/dev/null 2>&1' EXIT
  "$anchor/start.sh" | tail -1 \
    && "$anchor/load-data.sh" infra/bench/target/bench-data.json | tail -1 \
    && java -Xmx512m -Dbench.out="$OUT" -cp "$CP" org.improvementhub.bench.anchor.RedmineReadMixBench \
      "${BENCH_REDMINE_RATES:-$RATES}" "$SECONDS_PER_RATE" 2>&1 | tee "$OUT/redmine.txt"
  # reminders on the same overdue set as the notifications bench: councils x 200 overdue actions
  python3 "$anchor/make-data.py" "$COUNCILS" 200 >"$anchor/target/data-reminders.json" \
    && "$anchor/load-data.sh" "$anchor/target/data-reminders.json" | tail -1 \
    && "$anchor/reminders.sh" | tail -1 \
    && cp "$anchor/target/reminders.json" "$OUT/redmine-reminders.json"
  "$anchor/stop.sh" | tail -1
  trap - EXIT
}
skipped redmine || redmine

for name in oversight notifications foundation startup start; do
  skipped "$name" && continue
  case "$name" in
    # each service restarted alone, the rest up: 5 starts each, with class data sharing archives
    # (recorded by each service's first start on this machine; HUB_SERVICE_CDS= turns them off)
    start) HUB_SERVICE_CDS="${HUB_SERVICE_CDS-infra/bench/target/cds}" bench "$OUT/start" load.ServiceStartBench 5 4 ;;
    oversight) bench "$OUT/oversight" OversightBench "$COUNCILS" 300 ;;
    notifications) bench "$OUT/notifications" NotificationsBench "$COUNCILS" 200 ;;
    foundation) bench "$OUT/foundation" FoundationBench "$COUNCILS" ;;
    startup) bench "$OUT/startup" StartupMigrationBench "$COUNCILS" ;;
  esac
done

if [ -n "${BENCH_GROWTH:-}" ]; then
  for n in ${BENCH_GROWTH//,/ }; do
    for name in foundation startup oversight notifications; do
      case "$SKIP" in *" $name "*) continue;; esac
      if [ "$n" = "$COUNCILS" ] && [ -s "$OUT/$name.json" ]; then # the same run at this size
        mkdir -p "$OUT/growth" && cp "$OUT/$name.json" "$OUT/growth/$name-$n.json"
        continue
      fi
      case "$name" in
        foundation) bench "$OUT/growth/foundation-$n" FoundationBench "$n" ;;
        startup) bench "$OUT/growth/startup-$n" StartupMigrationBench "$n" ;;
        oversight) bench "$OUT/growth/oversight-$n" OversightBench "$n" 300 ;;
        notifications) bench "$OUT/growth/notifications-$n" NotificationsBench "$n" 200 ;;
      esac
    done
  done
fi

if [ "${BENCH_SUITE:-0}" = 1 ]; then
  echo "== suite: mvn -B verify (the README's test command), timed"
  began=$(date +%s)
  mvn -B ${BENCH_MVN_FLAGS:-} verify >"$OUT/suite.log" 2>&1
  rc=$?
  { echo "command=mvn -B verify"; echo "seconds=$(($(date +%s) - began))"; echo "exit=$rc"
    echo "cores=$(nproc)"; echo "loadAverageAfter=$(cut -d' ' -f1-3 /proc/loadavg)"
    grep -E "Tests run:.*Fail" "$OUT/suite.log" | tail -1; grep -E "BUILD (SUCCESS|FAILURE)" "$OUT/suite.log" | tail -1
  } >"$OUT/suite.txt"
  rm -f "$OUT/suite.log"
fi
for f in faults.json fuzz.txt fuzz.json; do
  [ -s "infra/bench/target/$f" ] && cp "infra/bench/target/$f" "$OUT/$f"
done

java -Xmx512m -Dbench.commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)" \
  -Dbench.machine="$(nproc) cores, load average $LOAD_BEFORE at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end" \
  -cp "$CP" org.improvementhub.bench.report.Issue13Report "$OUT"
# Gatling's HTML reports and the services' logs stay out of the repository; the report, figures,
# charts and printed outputs are what gets committed.
rm -rf "$OUT/logs" "$OUT/gatling" "$OUT/gatling-warm-up" "$OUT/soak" "$OUT/gatling.log" \
  "$OUT/gatling-redmine" "$OUT/gatling-redmine.log"
# flight recordings (HUB_SERVICE_JAVA_OPTS=-XX:StartFlightRecording=...) are large: kept out of results/
if [ -d "$OUT/jfr" ]; then mv "$OUT/jfr" "infra/bench/target/jfr-$(date -u +%H%M%S)"; fi
