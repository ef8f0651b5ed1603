package io.arxos.partitions.reporter.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.arxos.partitions.reporter.app.analysis.AnalysisRuns;
import io.arxos.partitions.reporter.app.analysis.ComposedAnalysis;
import io.arxos.partitions.reporter.domain.analysis.AnalysedRun;
import io.arxos.partitions.reporter.domain.analysis.SampleAnalyses;
import io.arxos.partitions.reporter.domain.run.ReportStatus;
import io.arxos.partitions.reporter.domain.run.RunProgress;
import io.arxos.partitions.reporter.json.AnalysisJsonFormat;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WholeReportKindTest {

    private final AnalysisRuns analyses = new AnalysisRuns(ReportEvents.NONE, Duration.ofMinutes(2),
            AnalysisJsonFormat::render, 8 * 1024 * 1024, 512 * 1024);

    @Test
    void aReportTooLargeForItsRecordIsReplacedByOneSayingSo() {
        AnalysisRuns small = new AnalysisRuns(ReportEvents.NONE, Duration.ofMinutes(2), AnalysisJsonFormat::render,
                1024, 512 * 1024);
        AnalysedRun run = SampleAnalyses.run();
        Settlement<ComposedAnalysis> settled = small.settle(run, RunItems.of(Map.of()), RunProgress.firstSeen(
                run.analysisId(), SampleAnalyses.REPORTED_AT), ReportStatus.COMPLETE, SampleAnalyses.REPORTED_AT,
                ahead -> {
                });

        assertThat(settled.exitCode()).isEqualTo(1);
        ComposedAnalysis report = settled.records().get(0).value();
        assertThat(report.report().status()).isEqualTo(ReportStatus.INCOMPLETE);
        assertThat(report.report().error()).matches("the report of this analysis could not be built \\(it is \\d+ "
                + "bytes of text, more than one record carries \\(1024\\)\\)");
    }

    @Test
    void aReportThatCannotBeBuiltSaysWhyIsIncompleteAndExitsOne() {
        AnalysedRun run = SampleAnalyses.run();
        Settlement<ComposedAnalysis> settled = analyses.unreportable(run, RunProgress.firstSeen(run.analysisId(),
                SampleAnalyses.REPORTED_AT), "OutOfMemoryError: Java heap space", SampleAnalyses.REPORTED_AT);

        assertThat(settled.exitCode()).isEqualTo(1);
        assertThat(settled.records()).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo(run.analysisId());
            assertThat(record.value().report().status()).isEqualTo(ReportStatus.INCOMPLETE);
            assertThat(record.value().report().error()).isEqualTo("the report of this analysis could not be built"
                    + " (OutOfMemoryError: Java heap space)");
            assertThat(record.value().markdown()).contains("OutOfMemoryError: Java heap space");
        });
    }
}
