#!/usr/bin/env sh
# Benchmarks, printing figures against a baseline measured in the same run:
#   ./benchmark.sh [--runs N] [--rate N]            lock benchmark: writers' insert latency during a maintenance pass
#                                                   (and a long reader) against a quiet window; this tool versus the
#                                                   guide's direct DDL
#   ./benchmark.sh --fleet [--tables 50,200,500|none] [--databases 200] [--executors 2] [--runs 3]
#                                                   cost of a maintenance pass (wall time and PostgreSQL's CPU) against
#                                                   pg_partman and a raw DDL script on the same tables, interleaved;
#                                                   then a fleet pass with a connection budget and 1 vs E executors
#   ./benchmark.sh --migration [--runs N] [--legacy-rows-per-month N] [--rate N] [--batch-size N]
#                                                   online migration rows/s against one INSERT INTO … SELECT of the
#                                                   same rows, the swap's lock time and the writers' latency per phase
set -e
cd "$(dirname "$0")"
./mvnw -B -q -DskipTests package
case " $* " in
  # the reporter keeps its 64 MB heap; its GC log shows the heap a large pass's report needs
  *" --fleet "*) exec java -Xmx512m "-Dstack.jvm-options.reporter-service=-Xlog:gc:file=stack/target/reporter-gc.log" \
                   -cp stack/target/stack.jar io.arxos.partitions.stack.FleetBenchmark "$@" ;;
  *" --migration "*) exec java -Xmx512m -cp stack/target/stack.jar io.arxos.partitions.stack.MigrationBenchmark "$@" ;;
  *) exec java -Xmx384m -cp stack/target/stack.jar io.arxos.partitions.stack.LockBenchmark "$@" ;;
esac
