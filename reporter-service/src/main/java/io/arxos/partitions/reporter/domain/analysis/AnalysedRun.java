package io.arxos.partitions.reporter.domain.analysis;

import io.arxos.partitions.reporter.domain.run.RunMember;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The summary the planner published for one analysis: which databases it analysed, how each went, and how many
 * table analyses to expect.
 *
 * @param requestedAt when the planner published the analysis (its reference time)
 * @param tableCount table analyses published for this analysis
 * @param error why the request was refused as a whole (then there are no tables), or null
 */
public record AnalysedRun(String analysisId, String requestedBy, Instant requestedAt, List<AnalysedDatabase> databases,
        int tableCount, String error) implements RunMember.Plan {

    public AnalysedRun {
        Objects.requireNonNull(analysisId, "analysisId");
        Objects.requireNonNull(requestedAt, "requestedAt");
        databases = databases == null ? List.of() : List.copyOf(databases);
    }

    /** True when the request was refused or a database could not be analysed. */
    public boolean failed() {
        return error != null || databases.stream().anyMatch(d -> d.error() != null);
    }

    /**
     * How the analysis of one database went and what it could observe.
     *
     * @param error why the database could not be analysed, or null
     * @param statsResetAt when its statistics were last reset; null if never
     * @param queryStatistics pg_stat_statements: installed, not installed, or not readable (with why)
     */
    public record AnalysedDatabase(String database, String error, String serverVersion, int tableCount,
            long observedMillis, Instant statsResetAt, boolean statsResetDuringWindow, String queryStatistics,
            long elapsedMillis, long collectMillis) {

        public AnalysedDatabase {
            Objects.requireNonNull(database, "database");
        }
    }

    /** The analysis id is its run's id. */
    @Override
    public String runId() {
        return analysisId;
    }
}
