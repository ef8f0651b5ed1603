package io.arxos.partitions.planner.app.analysis;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What an analysis request asks for.
 *
 * @param databases inventory ids; empty means the whole fleet
 * @param tables {@code schema.table} names; empty means every table
 * @param observation how long to watch the statistics counters for write rates
 */
public record AnalysisRequestSpec(String analysisId, String requestedBy, List<String> databases, List<String> tables,
        Duration observation) {

    /** Longer windows would hold a planner thread (and a Kafka poll) for too long. */
    public static final Duration MAX_OBSERVATION = Duration.ofMinutes(10);

    public AnalysisRequestSpec {
        Objects.requireNonNull(analysisId, "analysisId");
        databases = List.copyOf(databases);
        tables = List.copyOf(tables);
        if (observation.isNegative() || observation.compareTo(MAX_OBSERVATION) > 0) {
            throw new IllegalArgumentException("observation window " + observation + " must be between 0 and "
                    + MAX_OBSERVATION);
        }
    }
}
