package io.arxos.partitions.reporter.json;

import static io.arxos.partitions.reporter.domain.maintenance.Fixtures.REPORTED_AT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arxos.partitions.reporter.app.maintenance.ComposedReport;
import io.arxos.partitions.reporter.app.maintenance.MaintenanceRuns;
import io.arxos.partitions.reporter.domain.GoldenFiles;
import io.arxos.partitions.reporter.domain.maintenance.MaintenanceReport;
import io.arxos.partitions.reporter.domain.maintenance.MarkdownRenderer;
import io.arxos.partitions.reporter.domain.maintenance.Outcome;
import io.arxos.partitions.reporter.domain.maintenance.ReportBuilder;
import io.arxos.partitions.reporter.domain.maintenance.SampleRuns;
import io.arxos.partitions.reporter.domain.run.ReportStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonReportFormatTest {

    @Test
    void rendersTheSameContentAsTheMarkdownStructured() {
        MaintenanceReport report = ReportBuilder.build(SampleRuns.maintenance(), SampleRuns.maintenanceOutcomes(),
                ReportStatus.COMPLETE, REPORTED_AT);

        GoldenFiles.assertMatches("maintenance-run.json", JsonReportFormat.render(report));
    }

    @Test
    void writesTheSameDocumentSectionBySectionAsAllAtOnce() {
        for (var run : List.of(SampleRuns.maintenance(), SampleRuns.dryRun())) {
            Map<String, Outcome> outcomes = run == SampleRuns.dryRun() ? SampleRuns.dryRunOutcomes()
                    : SampleRuns.maintenanceOutcomes();
            MaintenanceReport whole = ReportBuilder.build(run, outcomes, ReportStatus.COMPLETE, REPORTED_AT);
            ComposedReport composed = MaintenanceRuns.compose(run, outcomes::get, ReportStatus.COMPLETE, REPORTED_AT,
                    JsonReportFormat::open, 1024 * 1024, page -> {
                        throw new AssertionError("a small report has no pages");
                    });

            assertThat(composed.json()).isEqualTo(JsonReportFormat.render(whole));
            assertThat(composed.markdown()).isEqualTo(MarkdownRenderer.render(whole));
            assertThat(composed.report()).isEqualTo(whole.head());
        }
    }

    @Test
    void readsBackTheReportItRendered() {
        MaintenanceReport report = ReportBuilder.build(SampleRuns.dryRun(), SampleRuns.dryRunOutcomes(),
                ReportStatus.COMPLETE, REPORTED_AT);

        assertThat(JsonReportFormat.parse(JsonReportFormat.render(report))).isEqualTo(report);
    }

    @Test
    void refusesTextThatIsNotAReport() {
        assertThatThrownBy(() -> JsonReportFormat.parse("{\"runId\": [1, 2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a maintenance report in JSON");
    }
}
