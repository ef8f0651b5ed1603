#!/usr/bin/env sh
# Lock benchmark: writers' insert latency while a maintenance pass runs (and a long reader holds a lock), against a
# quiet window of the same run; this tool versus the guide's direct DDL. Options: --runs N (3), --rate N (300/s).
set -e
cd "$(dirname "$0")"
./mvnw -B -q -DskipTests package
exec java -Xmx384m -cp stack/target/stack.jar io.arxos.partitions.stack.LockBenchmark "$@"
