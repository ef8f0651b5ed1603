package io.arxos.partitions.executor.domain.benchmark;

import io.arxos.partitions.core.TableKey;
import io.arxos.partitions.core.TableRef;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One table's benchmark as commanded: the two relations compared (before: the baseline, after: the partitioned
 * table), how the baseline was found, the queries and how to measure them.
 *
 * @param baseline migration-original, migration-backup, named or pruning-off
 */
public record BenchmarkJob(String commandId, String runId, TableKey table, TableRef before, TableRef after,
        String baseline, List<BenchmarkQuery> queries, Settings settings, Instant deadline) {

    /** Pruning-off compares the partitioned table with itself, pruning disabled on the before side. */
    public static final String PRUNING_OFF = "pruning-off";

    public BenchmarkJob {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        queries = List.copyOf(queries);
    }

    /** A copy is made from the after relation before, and dropped after, the benchmark. */
    public static final String COPY = "copy";

    public boolean pruningOff() {
        return PRUNING_OFF.equals(baseline);
    }

    public boolean copy() {
        return COPY.equals(baseline);
    }

    /** Timed and discarded runs per query and side, and each query's statement_timeout. */
    public record Settings(int runs, int warmups, int statementTimeoutMillis, boolean vacuumAnalyze) {
    }

    /** A query of the set, with {@value #RELATION} where a relation's quoted name goes. */
    public record BenchmarkQuery(String name, String category, String description, String sql) {

        public static final String RELATION = "{relation}";

        /** The query on {@code relation}. */
        public String on(TableRef relation) {
            return sql.replace(RELATION, relation.quoted());
        }
    }
}
