package io.arxos.partitions.reporter.domain;

import static io.arxos.partitions.reporter.domain.SampleAnalyses.REQUESTED_AT;
import static org.assertj.core.api.Assertions.assertThat;

import io.arxos.partitions.reporter.domain.RunProgress.Verdict;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AnalysisProgressTest {

    private static final Instant NOW = REQUESTED_AT.plusSeconds(1);
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final Duration RETENTION = Duration.ofDays(7);
    private static final Duration ORPHAN_TTL = Duration.ofDays(1);

    @Test
    void completesOnceTheRunAndEveryAnnouncedTableArrivedInAnyOrder() {
        AnalysisProgress progress = AnalysisProgress.firstSeen("a", NOW).withTable().withTable();
        assertThat(progress.verdict(NOW)).isEqualTo(Verdict.NONE);

        progress = progress.withRun(SampleAnalyses.run(), NOW, TIMEOUT);
        assertThat(progress.verdict(NOW)).isEqualTo(Verdict.NONE);
        assertThat(progress.missingTables()).isEqualTo(1);

        progress = progress.withTable();
        assertThat(progress.verdict(NOW)).isEqualTo(Verdict.REPORT_COMPLETE);
        assertThat(progress.reported(ReportStatus.COMPLETE, NOW).verdict(NOW)).isEqualTo(Verdict.NONE);
    }

    @Test
    void reportsIncompleteOnceTheAssemblyTimeoutAfterTheRunPassed() {
        AnalysisProgress progress = AnalysisProgress.firstSeen("a", NOW).withRun(SampleAnalyses.run(), NOW, TIMEOUT)
                .withTable();

        assertThat(progress.verdict(NOW.plus(TIMEOUT).minusMillis(1))).isEqualTo(Verdict.NONE);
        assertThat(progress.verdict(NOW.plus(TIMEOUT))).isEqualTo(Verdict.REPORT_INCOMPLETE);
        AnalysisProgress reported = progress.reported(ReportStatus.INCOMPLETE, NOW.plus(TIMEOUT));
        assertThat(reported.verdict(NOW.plus(TIMEOUT.multipliedBy(2)))).isEqualTo(Verdict.NONE);
        assertThat(reported.withTable().withTable().verdict(NOW.plus(TIMEOUT.multipliedBy(2))))
                .isEqualTo(Verdict.REPORT_COMPLETE);
    }

    @Test
    void completesARefusedRequestAtOnce() {
        AnalysisProgress progress = AnalysisProgress.firstSeen("r", NOW)
                .withRun(SampleAnalyses.refused("r", "bad selection"), NOW, TIMEOUT);

        assertThat(progress.verdict(NOW)).isEqualTo(Verdict.REPORT_COMPLETE);
    }

    @Test
    void expiresAfterRetentionOnceReportedAndOrphanedTablesAfterTheOrphanTtl() {
        AnalysisProgress orphan = AnalysisProgress.firstSeen("o", NOW).withTable();
        AnalysisProgress waiting = AnalysisProgress.firstSeen("w", NOW).withRun(SampleAnalyses.run(), NOW, TIMEOUT);
        AnalysisProgress reported = waiting.reported(ReportStatus.COMPLETE, NOW);

        assertThat(orphan.expired(NOW.plus(ORPHAN_TTL).minusMillis(1), RETENTION, ORPHAN_TTL)).isFalse();
        assertThat(orphan.expired(NOW.plus(ORPHAN_TTL), RETENTION, ORPHAN_TTL)).isTrue();
        assertThat(waiting.expired(NOW.plus(RETENTION), RETENTION, ORPHAN_TTL)).isFalse();
        assertThat(reported.expired(NOW.plus(RETENTION).minusMillis(1), RETENTION, ORPHAN_TTL)).isFalse();
        assertThat(reported.expired(NOW.plus(RETENTION), RETENTION, ORPHAN_TTL)).isTrue();
    }
}
