#!/usr/bin/env bash
# Issue 13's report in one command: builds what it needs (in the reactor, nothing installed), runs every
# measure that exists and writes infra/bench/results/<date>/: report.md (each target of issue 13 beside
# what was measured: met, not met, or not measured yet), figures.json (raw figures) and PNG charts.
#   1. readmix: Gatling's ReadMix (infra/load) against the whole stack at each rate (default 50,150,300
#      per s, 60 s each): latency percentiles against load, errors, each service's resident memory peak
#      and time to healthy. It writes the plans it loaded to infra/bench/target/bench-data.json.
#   2. redmine: Redmine 5 beside us (infra/bench/anchor: Debian's package, root only; otherwise its row
#      says "not measured: <why>"), loaded with the same plans; the same read mix by the same tool
#      (Gatling's RedmineReadMix) for as long at rates that find where it saturates (5,10,20/s and our
#      lowest); then Redmine's reminders on the same overdue set as the notifications bench (councils x
#      200 overdue actions), and `rake redmine:send_reminders` again for a sample of those assignees.
#   3. The older benches at [councils] (default 153), each printing figures and writing <name>.json:
#      oversight (dashboard, freshness), notifications (overdue emails), foundation (provisioning),
#      startup (start-up migration check), start (each service restarted alone: run-start.sh).
#   4. growth (BENCH_GROWTH=10,50,153,500): foundation, oversight and notifications at each number of
#      councils, into growth/<bench>-<councils>.json (the run at [councils] is reused); the report fits
#      each cost's growth and charts it (log-log).
#   5. suite (BENCH_SUITE=1): the README's test command (`mvn -B verify`), timed, into suite.txt. A
#      suite.txt already in the folder (the lead's CI timing) is kept and read instead.
#   6. Issue 12's figures, when their benches have run: infra/bench/target/faults.json (run-faults.sh)
#      and infra/bench/target/fuzz.txt (run-fuzz.sh's output) are copied beside the report.
#   7. The report (org.improvementhub.bench.report.Issue13Report).
# A soak run into the same folder (BENCH_SOAK_MINUTES=10) adds issue 12's "load held" row.
#
# THE END-OF-SESSION RUN (everything both issues still lack, on a fresh clone, quiet machine):
#   BENCH_SOAK_MINUTES=10 BENCH_GROWTH=10,50,153,500 BENCH_GROWTH_OVERDUE=40 \
#     infra/bench/run-all.sh 50,150,300 60 153
# Every step prints when it begins, what it is expected to take and its limit, and how long it took;
# a step past its limit (3x expected, at least 10 min) is stopped with everything it started and its
# rows say "not measured". What session 6 saw (a shared machine, load average 7 to 75; quiet is faster):
#   readmix (3 rates x 60 s) 11 min; Redmine's read mix at 50,150,300 6 min (every rate saturated:
#   0.1-0.2 operations/s answered well), now 4 rates, about 9 min; Redmine's reminders at 153 x 200
#   (30,600 overdue issues, 1,224 emails) 803 s as rake then 546 s in process, now once in full plus
#   a sample (about 10 min); oversight at 153 about 8 min (45,900 events in 302 s); notifications at
#   153: 30,600 emails at about 17 a second under load (30 min; quiet unknown, the `expected` guess is
#   40 a second: 13 min); at 10 councils 8 min. Foundation and startup were not seen to the end (their
#   services took over 3 min to start at load 75). So the growth at 500 with 200 overdue per council
#   is 100,000 emails, 40 min or more on its own: for the growth to fit in about 25 minutes, set
#   BENCH_GROWTH_OVERDUE=40 (20,000 emails at 500; the 153 run is then repeated at 40 per council).
#   If the run stops, run it again with BENCH_RESUME=1: every step whose figures are in the folder
#   is kept.
# Usage: infra/bench/run-all.sh [rates, default 50,150,300] [seconds per rate, default 60] [councils, default 153]
# Environment:
#   RUN_ALL_SKIP="readmix redmine oversight notifications foundation startup start" skips those steps
#     (a skipped bench is skipped at every growth size too);
#   BENCH_GROWTH (default empty: no growth runs), e.g. 10,50,153,500; BENCH_GROWTH_STARTUP=1 also runs
#     the startup bench at every size (by default the growth's migration check is the foundation
#     bench's, which restarts the three services that check council schemas);
#   BENCH_GROWTH_OVERDUE (default 200): overdue actions per council in the growth's notifications
#     runs (fewer makes the 500-council run shorter; the run at [councils] is then not reused);
#   BENCH_REDMINE_RATES (default 5,10,20 and our lowest rate: Redmine saturates far below ours);
#   BENCH_SUITE=1 times the full test command; BENCH_SOAK_MINUTES (default 0) and BENCH_SOAK_RPS (300);
#   BENCH_OUT (default infra/bench/results/<date>): where everything goes (trial runs: under target/);
#   BENCH_RESUME=1 keeps every step's figures already in that folder (readmix.json, soak.json,
#     redmine.json, redmine-reminders.json, <bench>.json, growth/<bench>-<n>.json, suite.txt);
#   BENCH_SKIP_BUILD=1 uses what is already built; BENCH_MVN_FLAGS (e.g. -o) is passed to Maven;
#   BENCH_START_SECONDS (default 420): how long a service may take to be healthy in any bench.
set -uo pipefail
cd "$(dirname "$0")/../.."
RATES="${1:-50,150,300}"
SECONDS_PER_RATE="${2:-60}"
COUNCILS="${3:-153}"
SKIP=" ${RUN_ALL_SKIP:-} "
OUT="${BENCH_OUT:-infra/bench/results/$(date -u +%F)}"
RESUME="${BENCH_RESUME:-0}"
# Redmine on 2 cores answers a few operations a second (a plan is 7 pages): at our rates it only
# times out, so it runs at rates that find where it saturates, and at our lowest rate
REDMINE_RATES="${BENCH_REDMINE_RATES:-5,10,20,$(echo "$RATES" | cut -d, -f1)}"
mkdir -p "$OUT"
RUN_BEGAN=$(date +%s)
clock() { date -u +%H:%M:%S; }
since() { local s=$(($(date +%s) - $1)); printf '%d min %02d s' $((s / 60)) $((s % 60)); }
skipped() { case "$SKIP" in *" $1 "*) echo "== $1: skipped (RUN_ALL_SKIP)"; return 0;; esac; return 1; }
# A step's expected seconds on a quiet 2-core machine (measured; see the header), and its limit:
# three times that, at least 10 min. A step past its limit is stopped with every process it started
# (SIGTERM; BenchLauncher's shutdown hook stops the services), its rows say not measured, and the
# run goes on.
expected() { # step [councils]
  local n="${2:-$COUNCILS}" rates
  rates=$(echo "$RATES" | tr ',' '\n' | wc -l)
  case "$1" in
    build) echo 120 ;;
    readmix) echo $((110 + rates * (SECONDS_PER_RATE + 35))) ;;
    # provisioning ~40 s, the warm-up's four steps ~4 min, the soak, the memory readings
    soak) echo $((400 + ${BENCH_SOAK_MINUTES:-0} * 60)) ;;
    # start ~40 s, load ~25 s, warm-up, then per rate its seconds, the hard stop and the wait for Puma
    redmine) echo $((120 + $(echo "$REDMINE_RATES" | tr ',' '\n' | wc -l) * (SECONDS_PER_RATE + 45))) ;;
    reminders) echo $((60 + n * 4)) ;;
    # 153 x 300: 45,900 events into the read model in 302 s at load average 40-50 (session 6)
    oversight) echo $((60 + n * 12 / 10)) ;;
    # n x overdue emails at about 40 a second (a guess from trials on the loaded machine)
    notifications) echo $((60 + n * ${3:-200} / 40)) ;;
    foundation) echo $((60 + n * 12 / 10)) ;;
    startup) echo $((60 + n * 3)) ;;
    # the stack, then each of six services restarted alone five times (about 25 s each, quiet)
    start) echo 900 ;;
    *) echo 600 ;;
  esac
}
step() { # name, expected seconds
  STEP="$1"
  STEP_BEGAN=$(date +%s)
  LIMIT=$(($2 * 3 < 600 ? 600 : $2 * 3))
  echo "== $(clock) $1: begins; expected about $((($2 + 59) / 60)) min, stopped after $((LIMIT / 60)) min"
}
step_ended() { echo "== $(clock) $STEP: ended after $(since "$STEP_BEGAN") (the run so far: $(since "$RUN_BEGAN"))"; }
# --foreground: Ctrl-C still reaches the bench; its JVM (BenchLauncher) stops what it started
bounded() { timeout --foreground -k 30 "$LIMIT" "$@"; }
# how long a service may take to answer its health check (every bench); on a quiet machine
# about 25 s, but on a shared one three minutes were not enough (session 6's trial)
START_SECONDS="${BENCH_START_SECONDS:-420}"
LAUNCH=org.improvementhub.bench.BenchLauncher
kept() { # a figures file: true (and says so) if BENCH_RESUME=1 keeps it from an earlier run
  # a step that was skipped (Redmine not installable then) is tried again
  if [ "$RESUME" = 1 ] && [ -s "$1" ] && ! grep -q '"skipped"' "$1"; then
    echo "== $(clock) $(basename "$1"): kept from an earlier run into this folder (BENCH_RESUME=1)"
    return 0
  fi
  return 1
}

if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  step build "$(expected build)"
  mvn -B -q ${BENCH_MVN_FLAGS:-} -DskipTests -Dspotless.check.skip=true package \
    -pl services/tenancy/tenancy-service,services/plans/plans-service,services/measures/measures-service,services/notifications/notifications-service,services/oversight/oversight-service,services/portal/portal-service,infra/bench,infra/load -am \
    || { echo "build failed"; exit 1; }
  step_ended
fi
CP="infra/bench/target/classes:$(cat infra/bench/target/runtime-classpath.txt)"
bench() { # json file (without .json), main class, args...: prints as it goes, keeps <file>.txt
  local file="$1" main="$2"; shift 2
  kept "$file.json" && return
  mkdir -p "$(dirname "$file")"
  # BenchLauncher: a bench that fails stops what it started and exits, instead of hanging
  bounded java -Xmx1g ${BENCH_GROWTH_OPTS:-} -Dbench.start-seconds="$START_SECONDS" \
    -Dbench.json="$file.json" -cp "$CP" \
    $LAUNCH "org.improvementhub.bench.$main" "$@" 2>&1 \
    | tee "$file.txt" || true
  [ -s "$file.json" ] || echo "== $(basename "$file") failed or was stopped: its rows say not measured"
}
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"

if ! skipped readmix && ! kept "$OUT/readmix.json"; then
  step readmix "$(expected readmix)"
  echo "   rates $RATES, $SECONDS_PER_RATE s each (results in $OUT)"
  bounded java -Xmx1g -Dbench.start-seconds="$START_SECONDS" -Dbench.out="$OUT" -cp "$CP" $LAUNCH org.improvementhub.bench.load.ReadMixBench \
    "$RATES" "$SECONDS_PER_RATE" 2>&1 | tee "$OUT/readmix.txt" || echo "== readmix failed"
  step_ended
fi
if [ "${BENCH_SOAK_MINUTES:-0}" != "0" ] && ! kept "$OUT/soak.json"; then
  step soak "$(expected soak)"
  echo "   $BENCH_SOAK_MINUTES min at ${BENCH_SOAK_RPS:-300}/s"
  bounded java -Xmx1g -Dbench.start-seconds="$START_SECONDS" -Dbench.out="$OUT/soak" -cp "$CP" $LAUNCH org.improvementhub.bench.load.SoakBench \
    "$BENCH_SOAK_MINUTES" "${BENCH_SOAK_RPS:-300}" 2>&1 | grep --line-buffered -v '^SLF4J' \
    && cp "$OUT/soak/soak.json" "$OUT/soak/soak.txt" "$OUT/" || echo "== soak failed"
  step_ended
fi

redmine() {
  local anchor=infra/bench/anchor rc
  step redmine "$(expected redmine)"
  echo "   install (idempotent), start, the same plans, the read mix at $REDMINE_RATES"
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
  "$anchor/stop.sh" >/dev/null 2>&1 # a Puma left by an interrupted run
  if ! kept "$OUT/redmine.json"; then
    "$anchor/start.sh" | tail -1 \
      && "$anchor/load-data.sh" infra/bench/target/bench-data.json | tail -1 \
      && bounded java -Xmx512m -Dbench.out="$OUT" -cp "$CP" $LAUNCH org.improvementhub.bench.anchor.RedmineReadMixBench \
        "$REDMINE_RATES" "$SECONDS_PER_RATE" 2>&1 | tee "$OUT/redmine.txt"
  fi
  step_ended
  # reminders on the same overdue set as the notifications bench: councils x 200 overdue actions
  if ! kept "$OUT/redmine-reminders.json"; then
    step reminders "$(expected reminders)"
    { [ -f "$anchor/target/run/puma.pid" ] || "$anchor/start.sh" | tail -1; } \
      && python3 "$anchor/make-data.py" "$COUNCILS" 200 >"$anchor/target/data-reminders.json" \
      && "$anchor/load-data.sh" "$anchor/target/data-reminders.json" | tail -1 \
      && bounded "$anchor/reminders.sh" | tail -1 \
      && cp "$anchor/target/reminders.json" "$OUT/redmine-reminders.json"
    step_ended
  fi
  "$anchor/stop.sh" | tail -1
  trap - EXIT
}
skipped redmine || redmine

for name in oversight notifications foundation startup start; do
  skipped "$name" && continue
  kept "$OUT/$name.json" && continue
  step "$name" "$(expected "$name")"
  case "$name" in
    # each service restarted alone, the rest up: 5 starts each, with class data sharing archives
    # (recorded by each service's first start on this machine; HUB_SERVICE_CDS= turns them off)
    start) HUB_SERVICE_CDS="${HUB_SERVICE_CDS-infra/bench/target/cds}" bench "$OUT/start" load.ServiceStartBench 5 4 ;;
    oversight) bench "$OUT/oversight" OversightBench "$COUNCILS" 300 ;;
    notifications) bench "$OUT/notifications" NotificationsBench "$COUNCILS" 200 ;;
    foundation) bench "$OUT/foundation" FoundationBench "$COUNCILS" ;;
    startup) bench "$OUT/startup" StartupMigrationBench "$COUNCILS" ;;
  esac
  step_ended
done

# Growth: the costs the report fits, at each size. The start-up migration check comes from the
# foundation bench (it restarts the three services that check council schemas on the councils it
# provisioned), so the startup bench (which also migrates every schema from nothing, twice, for six
# services) runs at the main size only unless BENCH_GROWTH_STARTUP=1; the oversight bench leaves
# out its rebuild and the foundation bench times the scan-to-email of 20 councils, not all.
if [ -n "${BENCH_GROWTH:-}" ]; then
  growth_benches="foundation oversight notifications"
  GROWTH_OVERDUE="${BENCH_GROWTH_OVERDUE:-200}" # overdue actions per council in the growth runs
  [ "${BENCH_GROWTH_STARTUP:-0}" = 1 ] && growth_benches="$growth_benches startup"
  for n in ${BENCH_GROWTH//,/ }; do
    for name in $growth_benches; do
      case "$SKIP" in *" $name "*) continue;; esac
      if [ "$n" = "$COUNCILS" ] && [ -s "$OUT/$name.json" ] \
        && { [ "$name" != notifications ] || [ "$GROWTH_OVERDUE" = 200 ]; }; then # the same run at this size
        mkdir -p "$OUT/growth" && cp "$OUT/$name.json" "$OUT/growth/$name-$n.json"
        continue
      fi
      kept "$OUT/growth/$name-$n.json" && continue
      step "growth $name at $n councils" "$(expected "$name" "$n" "$GROWTH_OVERDUE")"
      BENCH_GROWTH_OPTS="-Dbench.oversight.rebuild=false -Dbench.foundation.scan-councils=20"
      case "$name" in
        foundation) bench "$OUT/growth/foundation-$n" FoundationBench "$n" ;;
        startup) bench "$OUT/growth/startup-$n" StartupMigrationBench "$n" ;;
        oversight) bench "$OUT/growth/oversight-$n" OversightBench "$n" 300 ;;
        notifications) bench "$OUT/growth/notifications-$n" NotificationsBench "$n" "$GROWTH_OVERDUE" ;;
      esac
      BENCH_GROWTH_OPTS=""
      step_ended
    done
  done
fi

if [ "${BENCH_SUITE:-0}" = 1 ] && ! kept "$OUT/suite.txt"; then
  step suite 1500
  echo "   mvn -B verify (the README's test command), timed"
  began=$(date +%s)
  mvn -B ${BENCH_MVN_FLAGS:-} verify >"$OUT/suite.log" 2>&1
  rc=$?
  { echo "command=mvn -B verify"; echo "seconds=$(($(date +%s) - began))"; echo "exit=$rc"
    echo "cores=$(nproc)"; echo "loadAverageAfter=$(cut -d' ' -f1-3 /proc/loadavg)"
    grep -E "Tests run:.*Fail" "$OUT/suite.log" | tail -1; grep -E "BUILD (SUCCESS|FAILURE)" "$OUT/suite.log" | tail -1
  } >"$OUT/suite.txt"
  rm -f "$OUT/suite.log"
  step_ended
fi
for f in faults.json fuzz.txt fuzz.json; do
  [ -s "infra/bench/target/$f" ] && cp "infra/bench/target/$f" "$OUT/$f"
done

step report 60
java -Xmx512m -Dbench.commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)" \
  -Dbench.machine="$(nproc) cores, load average $LOAD_BEFORE at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end" \
  -cp "$CP" org.improvementhub.bench.report.Issue13Report "$OUT"
step_ended
# Gatling's HTML reports and the services' logs stay out of the repository; the report, figures,
# charts and printed outputs are what gets committed.
rm -rf "$OUT/logs" "$OUT/gatling" "$OUT/gatling-warm-up" "$OUT/soak" "$OUT/gatling.log" \
  "$OUT/gatling-redmine" "$OUT/gatling-redmine.log"
# flight recordings (HUB_SERVICE_JAVA_OPTS=-XX:StartFlightRecording=...) are large: kept out of results/
if [ -d "$OUT/jfr" ]; then mv "$OUT/jfr" "infra/bench/target/jfr-$(date -u +%H%M%S)"; fi
