#!/usr/bin/env bash
# The fault harness's benchmark profile (infra/faults, FaultsBench), on one stack of the services
# running as processes:
#   1. the notifications service killed with SIGKILL at random points of a batch of overdue emails
#      and restarted, RUNS times: lost and duplicate emails per run and in total;
#   2. the SMTP server taken away for a while: emails delivered after it came back, lost, duplicates;
#   3. the Kafka broker stopped under a steady stream of writes, then PostgreSQL killed with SIGKILL,
#      OUTAGES times each: outage length, writes during it and their answers (2xx/503/other 4xx/5xx/
#      no answer), each service's readiness red and green times, events lost on the way to
#      oversight, acknowledged writes lost, outbox left.
#
# Usage: infra/bench/run-faults.sh [--full] [--runs N] [--batch N] [--smtp-minutes M]
#                                  [--outages N] [--outage-seconds S] [--seed S]
#                                  [--only kill-restart,smtp,kafka,postgres]
#                                  [--kill-restart-minutes M] [--json FILE] [--logs DIR]
#                                  [--aim-at-acceptance-every N]
#   (no option)  a small profile that shows the harness works: 5 runs of 20 emails, a 15-second
#                SMTP outage, one 8-second outage of Kafka and one of PostgreSQL (about 10 minutes)
#   --full       the issue's benchmark profile: 100 kill-restart runs of 40 emails, a 10-minute SMTP
#                outage, 10 outages of 10 s each of Kafka and PostgreSQL (about 1.5 hours on a quiet
#                2-core machine; far longer on a busy one). Options after --full override its sizes.
#   --only       some of the phases, e.g. the kill-restart runs in one process and the outages in
#                another (each starts a stack of its own; give each its own --json and --logs)
#   --kill-restart-minutes  stop starting kill-restart runs after M minutes; the runs made are
#                counted again at the end as usual
#   --aim-at-acceptance-every  every N-th kill-restart run kills the moment an email is accepted
#                (the interval in which a kill sends an email twice) instead of at a random point
#   --json       where the figures go as JSON, rewritten after every run so a bench stopped half-way
#                leaves what it completed (default infra/bench/target/faults.json; the issue-13
#                report reads it); --logs: the services' output (default infra/faults/target/bench-logs)
# Prints the load average at the start, after each kill-restart run and at the end.
# Set SKIP_BUILD=1 to reuse the last build.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ -z "${SKIP_BUILD:-}" ]; then
  # package, not install: the services are started from their modules' target/ directories
  mvn -B -q -DskipTests -Djacoco.skip=true -Dspotless.check.skip=true package \
    -pl services/tenancy/tenancy-service,services/plans/plans-service,services/measures/measures-service,services/notifications/notifications-service,services/oversight/oversight-service,infra/faults -am
fi
exec java -Xmx1g ${BENCH_JAVA_OPTS:-} \
  -cp "infra/faults/target/classes:$(cat infra/faults/target/runtime-classpath.txt)" \
  org.improvementhub.faults.FaultsBench "$@"
