package io.arxos.partitions.reporter.json;

import static io.arxos.partitions.reporter.domain.maintenance.Fixtures.REPORTED_AT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arxos.partitions.reporter.domain.GoldenFiles;
import io.arxos.partitions.reporter.domain.maintenance.MaintenanceReport;
import io.arxos.partitions.reporter.domain.maintenance.ReportBuilder;
import io.arxos.partitions.reporter.domain.maintenance.SampleRuns;
import io.arxos.partitions.reporter.domain.run.ReportStatus;
import org.junit.jupiter.api.Test;

class JsonReportFormatTest {

    @Test
    void rendersTheSameContentAsTheMarkdownStructured() {
        MaintenanceReport report = ReportBuilder.build(SampleRuns.maintenance(), SampleRuns.maintenanceOutcomes(),
                ReportStatus.COMPLETE, REPORTED_AT);

        GoldenFiles.assertMatches("maintenance-run.json", JsonReportFormat.render(report));
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
