#!/usr/bin/env bash
# The bad-input benchmark profile (issue 12). The same jqwik properties CI runs (PlansFuzzIT,
# MeasuresFuzzIT, TenancyFuzzIT, NotificationsFuzzIT, OversightFuzzIT, PortalFuzzIT: bodies, import
# files raw and as multipart forms, Word plans, sign-in bodies, every route's path variables and
# query parameters, and every portal page and form as four people), with TRIES cases per property from
# a fresh seed instead of CI's small seeded set, then Jazzer fuzzing the two byte-level readers (the
# tabular reader, the Word plan reader) for 5 minutes each (the @FuzzTest's maxDuration). Prints, per property and in total: cases run, 5xx found, non-problem errors
# found, 400s not naming the field at fault, imports refused yet half-applied, leaks (another
# council's data shown or reached, an observer's change sent); and Jazzer's runs.
# A failing property prints its shrunk case (and jqwik its seed: pass it as SEED to replay);
# a failing Jazzer input is saved beside the seeds in src/test/resources/.../*FuzzTestInputs/.
# Builds in the reactor (no install: ~/.m2 is shared). Needs nothing but this machine.
# Usage: infra/bench/run-fuzz.sh [tries per property, default 1000] [seed, default random] [jazzer: yes|no|only, default yes]
#   e.g. infra/bench/run-fuzz.sh 1000 random no     # jqwik only, 19 properties x 1,000 = 19,000 cases
#        infra/bench/run-fuzz.sh 0 random only      # Jazzer only: 2 x 5 minutes of fuzzing
set -uo pipefail
cd "$(dirname "$0")/../.."
TRIES=${1:-1000}
SEED=${2:-random}
JAZZER=${3:-yes}
LOG=${TMPDIR:-/tmp}/run-fuzz.$$.log
MODULES=services/plans/plans-service,services/measures/measures-service,services/tenancy/tenancy-service,services/notifications/notifications-service,services/oversight/oversight-service,services/portal/portal-service
reports=(services/plans/plans-service services/measures/measures-service services/tenancy/tenancy-service
  services/notifications/notifications-service services/oversight/oversight-service
  services/portal/portal-service)

if [ "$JAZZER" != "only" ]; then

echo "jqwik: $TRIES cases per property, seed $SEED (log: $LOG; load: $(cut -d' ' -f1-3 /proc/loadavg))"
mvn -B -o verify -Dspotless.check.skip=true -Djacoco.skip=true -pl "$MODULES" -am \
  -Dit.test='PlansFuzzIT,MeasuresFuzzIT,TenancyFuzzIT,NotificationsFuzzIT,OversightFuzzIT,PortalFuzzIT' -Dtest=none \
  -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dmaven.test.failure.ignore=true -Dfuzz.tries="$TRIES" -Dfuzz.seed="$SEED" >"$LOG" 2>&1
status=$?
echo "jqwik: done (load: $(cut -d' ' -f1-3 /proc/loadavg))"

lines=$(for m in "${reports[@]}"; do
  cat "$m"/target/failsafe-reports/*FuzzIT-output.txt 2>/dev/null | grep -a '^fuzz: '
done)
if [ -z "$lines" ]; then
  echo "no fuzz lines found: the build failed before the properties ran (exit $status); see $LOG"
  tail -30 "$LOG"
  exit 1
fi
echo "$lines" | sed 's/ slowest=.*tries=/ tries=/'
echo "$lines" | awk '
  { for (i = 2; i <= NF; i++) { split($i, kv, "="); sum[kv[1]] += kv[2] } n++ }
  END {
    printf "TOTAL properties=%d cases=%d 5xx=%d non-problem=%d field-not-named=%d half-applied=%d leaks=%d\n",
      n, sum["cases"], sum["5xx"], sum["non-problem"], sum["field-not-named"], sum["half-applied"], sum["leaks"]
  }'
for m in "${reports[@]}"; do
  grep -a -A3 '→ Verdict\|refused yet changed' "$m"/target/failsafe-reports/*FuzzIT-output.txt 2>/dev/null
done | head -40
fi

if [ "$JAZZER" != "no" ]; then
  for target in platform-libs/tabular-files:TabularFileFuzzTest services/plans/plan-documents:PlanDocumentReaderFuzzTest; do
    module=${target%%:*}
    test=${target##*:}
    echo "jazzer: fuzzing $test for 5 minutes (load: $(cut -d' ' -f1-3 /proc/loadavg))"
    JAZZER_FUZZ=1 mvn -B -o test -Dspotless.check.skip=true -Djacoco.skip=true -pl "$module" -am \
      -Dtest="$test" -Dsurefire.failIfNoSpecifiedTests=false >"$LOG.$test" 2>&1
    echo "jazzer: $test exit=$? $(grep -a -E 'Done [0-9]+ runs' "$LOG.$test" | tail -1)" \
      "findings=$(grep -a -c '== Java Exception' "$LOG.$test")"
  done
fi
