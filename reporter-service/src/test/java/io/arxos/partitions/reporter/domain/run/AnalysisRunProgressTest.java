package io.arxos.partitions.reporter.domain.run;

import static io.arxos.partitions.reporter.domain.analysis.SampleAnalyses.REQUESTED_AT;
import static org.assertj.core.api.Assertions.assertThat;

import io.arxos.partitions.reporter.domain.analysis.AnalysedRun;
import io.arxos.partitions.reporter.domain.analysis.SampleAnalyses;
import io.arxos.partitions.reporter.domain.run.RunProgress.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The shared run progress with an analysis' items: a run summary that counts its tables, and the tables. */
class AnalysisRunProgressTest {

    private static final Instant NOW = REQUESTED_AT.plusSeconds(1);
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final Duration RETENTION = Duration.ofDays(7);
    private static final Duration ORPHAN_TTL = Duration.ofDays(1);

    private int tables;

    @Test
    void completesOnceTheRunAndEveryAnnouncedTableArrivedInAnyOrder() {
        RunProgress progress = table(table(RunProgress.firstSeen("a", NOW)));
        assertThat(progress.verdict(NOW)).isEqualTo(Verdict.NONE);

        progress = run(progress, SampleAnalyses.run());
        assertThat(progress.verdict(NOW)).isEqualTo(Verdict.NONE);
        assertThat(progress.missingItems()).isEqualTo(1);

        progress = table(progress);
        assertThat(progress.verdict(NOW)).isEqualTo(Verdict.REPORT_COMPLETE);
        assertThat(progress.reported(ReportStatus.COMPLETE, NOW, Set.of()).verdict(NOW)).isEqualTo(Verdict.NONE);
    }

    @Test
    void reportsIncompleteOnceTheAssemblyTimeoutAfterTheRunPassed() {
        RunProgress progress = table(run(RunProgress.firstSeen("a", NOW), SampleAnalyses.run()));

        assertThat(progress.verdict(NOW.plus(TIMEOUT).minusMillis(1))).isEqualTo(Verdict.NONE);
        assertThat(progress.verdict(NOW.plus(TIMEOUT))).isEqualTo(Verdict.REPORT_INCOMPLETE);
        RunProgress reported = progress.reported(ReportStatus.INCOMPLETE, NOW.plus(TIMEOUT), Set.of());
        assertThat(reported.verdict(NOW.plus(TIMEOUT.multipliedBy(2)))).isEqualTo(Verdict.NONE);
        assertThat(table(table(reported)).verdict(NOW.plus(TIMEOUT.multipliedBy(2))))
                .isEqualTo(Verdict.REPORT_COMPLETE);
    }

    @Test
    void completesARefusedRequestAtOnce() {
        RunProgress progress = run(RunProgress.firstSeen("r", NOW), SampleAnalyses.refused("r", "bad selection"));

        assertThat(progress.verdict(NOW)).isEqualTo(Verdict.REPORT_COMPLETE);
    }

    @Test
    void expiresAfterRetentionOnceReportedAndOrphanedTablesAfterTheOrphanTtl() {
        RunProgress orphan = table(RunProgress.firstSeen("o", NOW));
        RunProgress waiting = run(RunProgress.firstSeen("w", NOW), SampleAnalyses.run());
        RunProgress reported = waiting.reported(ReportStatus.COMPLETE, NOW, Set.of());

        assertThat(orphan.expired(NOW.plus(ORPHAN_TTL).minusMillis(1), RETENTION, ORPHAN_TTL)).isFalse();
        assertThat(orphan.expired(NOW.plus(ORPHAN_TTL), RETENTION, ORPHAN_TTL)).isTrue();
        assertThat(waiting.expired(NOW.plus(RETENTION), RETENTION, ORPHAN_TTL)).isFalse();
        assertThat(reported.expired(NOW.plus(RETENTION).minusMillis(1), RETENTION, ORPHAN_TTL)).isFalse();
        assertThat(reported.expired(NOW.plus(RETENTION), RETENTION, ORPHAN_TTL)).isTrue();
    }

    /** The run summary arrives at NOW: it counts its tables and gives them the assembly timeout. */
    private static RunProgress run(RunProgress progress, AnalysedRun run) {
        return progress.applyPlan(Announcement.count(run.tableCount(), NOW.plus(TIMEOUT)), id -> null).progress();
    }

    /** One more distinct table analysis arrives. */
    private RunProgress table(RunProgress progress) {
        String key = "db/public.t" + ++tables;
        return progress.apply(null, key, key).progress();
    }
}
