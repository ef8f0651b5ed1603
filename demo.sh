#!/usr/bin/env sh
# The demo: builds the project (tests skipped), then starts Kafka, the schema registry, PostgreSQL and the three
# services, runs one maintenance pass through Kafka, prints and saves the report, checks the database against it,
# and stops everything. Pass --keep-running to keep the stack up for ./partctl by hand.
set -e
cd "$(dirname "$0")"
./mvnw -B -q -DskipTests package
exec java -Xmx384m -jar stack/target/stack.jar "$@"
