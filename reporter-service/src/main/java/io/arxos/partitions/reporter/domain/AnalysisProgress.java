package io.arxos.partitions.reporter.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The bookkeeping of one analysis: whether its run summary arrived, how many distinct table analyses are expected
 * and in, and what was reported. Counts only: the run and each table analysis live in their own store entries.
 *
 * @param deadline when the tables still missing make the report incomplete; null until the run summary arrives
 * @param reported the last report emitted, null before the first
 */
public record AnalysisProgress(String analysisId, Instant firstSeenAt, boolean runReceived, Instant deadline,
        int expectedTables, int receivedTables, ReportStatus reported, Instant reportedAt) {

    public AnalysisProgress {
        Objects.requireNonNull(analysisId, "analysisId");
        Objects.requireNonNull(firstSeenAt, "firstSeenAt");
    }

    /** An analysis seen for the first time at {@code now}, by its run summary or by an early table analysis. */
    public static AnalysisProgress firstSeen(String analysisId, Instant now) {
        return new AnalysisProgress(analysisId, now, false, null, 0, 0, null, null);
    }

    /**
     * The progress once the run summary arrived at {@code now}: the tables have {@code assemblyTimeout} from now
     * to arrive (they were published in the same transaction, so they only lag, they do not come much later).
     */
    public AnalysisProgress withRun(AnalysedRun run, Instant now, Duration assemblyTimeout) {
        return new AnalysisProgress(analysisId, firstSeenAt, true, now.plus(assemblyTimeout), run.tableCount(),
                receivedTables, reported, reportedAt);
    }

    /** The progress after one more distinct table analysis arrived. */
    public AnalysisProgress withTable() {
        return new AnalysisProgress(analysisId, firstSeenAt, runReceived, deadline, expectedTables,
                receivedTables + 1, reported, reportedAt);
    }

    /** Table analyses of an analysis already reported complete change nothing. */
    public boolean finished() {
        return reported == ReportStatus.COMPLETE;
    }

    /** The run summary is in and every table analysis it announced (none for a refused request). */
    public boolean complete() {
        return runReceived && receivedTables >= expectedTables;
    }

    /** Table analyses announced but not (yet) received. */
    public int missingTables() {
        return Math.max(0, expectedTables - receivedTables);
    }

    /** What report, if any, is due at {@code now}. */
    public RunProgress.Verdict verdict(Instant now) {
        if (!runReceived) {
            return RunProgress.Verdict.NONE;
        }
        if (complete()) {
            return finished() ? RunProgress.Verdict.NONE : RunProgress.Verdict.REPORT_COMPLETE;
        }
        return reported == null && !now.isBefore(deadline) ? RunProgress.Verdict.REPORT_INCOMPLETE
                : RunProgress.Verdict.NONE;
    }

    /** The progress after a report with {@code status} went out at {@code now}. */
    public AnalysisProgress reported(ReportStatus status, Instant now) {
        return new AnalysisProgress(analysisId, firstSeenAt, runReceived, deadline, expectedTables, receivedTables,
                Objects.requireNonNull(status, "status"), now);
    }

    /**
     * Whether the analysis' state can go: a reported analysis {@code retention} after its last report; table
     * analyses whose run summary never came {@code orphanTtl} after the first of them.
     */
    public boolean expired(Instant now, Duration retention, Duration orphanTtl) {
        if (!runReceived) {
            return !now.isBefore(firstSeenAt.plus(orphanTtl));
        }
        return reported != null && !now.isBefore(reportedAt.plus(retention));
    }
}
