package io.arxos.partitions.reporter.kafka;

import io.arxos.partitions.reporter.domain.AnalysedRun;
import io.arxos.partitions.reporter.domain.AnalysedTable;
import io.arxos.partitions.reporter.domain.AnalysisProgress;

/**
 * A value of the analysis state store: exactly one of an analysis' progress, its run summary or one table analysis
 * (see {@link AnalysisStateKeys}), so no single value grows with the number of tables.
 */
public record AnalysisStateValue(AnalysisProgress progress, AnalysedRun run, AnalysedTable table) {

    static AnalysisStateValue of(AnalysisProgress progress) {
        return new AnalysisStateValue(progress, null, null);
    }

    static AnalysisStateValue of(AnalysedRun run) {
        return new AnalysisStateValue(null, run, null);
    }

    static AnalysisStateValue of(AnalysedTable table) {
        return new AnalysisStateValue(null, null, table);
    }
}
