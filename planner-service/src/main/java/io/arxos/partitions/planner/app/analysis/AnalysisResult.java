package io.arxos.partitions.planner.app.analysis;

import io.arxos.partitions.core.TableKey;
import io.arxos.partitions.planner.domain.analysis.DatabaseProfile;
import io.arxos.partitions.planner.domain.analysis.Recommendation;
import io.arxos.partitions.planner.domain.analysis.TableProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The outcome of one analysis: per database what was observed, and per table its profile and recommendation. */
public record AnalysisResult(String analysisId, String requestedBy, Instant analysedAt, List<DatabaseResult> databases,
        Optional<String> refusal) {

    public AnalysisResult {
        databases = List.copyOf(databases);
    }

    public static AnalysisResult refused(String analysisId, String requestedBy, Instant at, String reason) {
        return new AnalysisResult(analysisId, requestedBy, at, List.of(), Optional.of(reason));
    }

    public int tableCount() {
        return databases.stream().mapToInt(d -> d.tables().size()).sum();
    }

    /** One database: its profile, or why it could not be analysed. */
    public record DatabaseResult(String database, Optional<String> error, Optional<DatabaseProfile> profile,
            List<AnalysedTable> tables, Duration elapsed) {
        public DatabaseResult {
            tables = List.copyOf(tables);
        }
    }

    /** One table's measurements and recommendation. */
    public record AnalysedTable(TableKey key, TableProfile profile, Recommendation recommendation) {
    }
}
