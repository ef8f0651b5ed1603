package io.arxos.partitions.planner.domain.benchmark;

import io.arxos.partitions.core.TableKey;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One benchmark run as planned: a target (and a command) per table, the tables left out with why, and the settings
 * every command carries. A refused request has no targets and an error.
 */
public record PlannedBenchmark(String runId, String requestedBy, Instant plannedAt, Instant deadline,
        Settings settings, List<Target> targets, List<String> skipped, Optional<String> error) {

    public PlannedBenchmark {
        Objects.requireNonNull(runId, "runId");
        targets = List.copyOf(targets);
        skipped = List.copyOf(skipped);
    }

    /** How each query is measured. */
    public record Settings(int runs, int warmups, int statementTimeoutMillis, boolean vacuumAnalyze) {
        public Settings {
            if (runs < 3 || runs > 100) {
                throw new IllegalArgumentException("runs " + runs + " must be between 3 and 100: fewer cannot show a"
                        + " spread");
            }
            if (warmups < 0 || warmups > 20) {
                throw new IllegalArgumentException("warmups " + warmups + " must be between 0 and 20");
            }
            if (statementTimeoutMillis < 100) {
                throw new IllegalArgumentException("statement timeout " + statementTimeoutMillis
                        + " ms is too short to measure anything");
            }
        }
    }

    /** One table's benchmark: its command id, the relations compared and the queries. */
    public record Target(String commandId, TableKey table, Relations.Compared relations, List<PlannedQuery> queries) {
        public Target {
            queries = List.copyOf(queries);
        }
    }

    public static PlannedBenchmark refused(String runId, String requestedBy, Instant now, String reason) {
        return new PlannedBenchmark(runId, requestedBy, now, now, new Settings(3, 0, 100, false), List.of(), List.of(),
                Optional.of(reason));
    }
}
