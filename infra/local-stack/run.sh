#!/usr/bin/env bash
# Runs the whole Improvement Hub locally on embedded PostgreSQL, Kafka and SMTP: no Docker needed.
# Usage (from anywhere): infra/local-stack/run.sh        Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -DskipTests -Dspotless.check.skip=true install
exec java -Xmx512m \
  -cp "infra/local-stack/target/classes:$(cat infra/local-stack/target/runtime-classpath.txt)" \
  org.improvementhub.localstack.LocalStack
