#!/usr/bin/env bash
# Prints issue 11's figure: upload-to-preview time of a 100-page, 600-action Word plan, against a
# real plans service; and the document reading alone.
# Usage: infra/bench/run-plan-documents.sh [areas, default 100] [actions per area, default 6]
#                                          [uploads, default 10]
# Builds in the reactor (no install: the local Maven repository is shared).
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -o -q -Dspotless.check.skip=true test-compile \
  -pl infra/bench,services/plans/plans-service -am
exec java -Xmx1g \
  -cp "infra/bench/target/classes:$(cat infra/bench/target/runtime-classpath.txt)" \
  org.improvementhub.bench.PlanDocumentsBench "$@"
