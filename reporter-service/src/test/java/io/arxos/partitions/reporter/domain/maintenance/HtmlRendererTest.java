package io.arxos.partitions.reporter.domain.maintenance;

import static io.arxos.partitions.reporter.domain.maintenance.Fixtures.REPORTED_AT;
import static org.assertj.core.api.Assertions.assertThat;

import io.arxos.partitions.reporter.domain.run.ReportStatus;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlRendererTest {

    private final MaintenanceReport report = ReportBuilder.build(SampleRuns.maintenance(),
            SampleRuns.maintenanceOutcomes(), ReportStatus.COMPLETE, REPORTED_AT);

    @Test
    void drawsOneBarPerPartitionScaledToTheLargest() {
        String html = HtmlRenderer.render(report);

        assertThat(Pattern.compile("<rect ").matcher(html).results().count()).isEqualTo(5);
        // the largest partition takes the full 320 px; the default partition is drawn in its own colour
        assertThat(html).contains("<svg xmlns=\"http://www.w3.org/2000/svg\"")
                .contains("width=\"320\" height=\"16\" fill=\"#3f7fbf\"><title>audit_logs_p2024_12: 150.00 MB")
                .contains("fill=\"#d9822b\"><title>audit_logs_default: 0.02 MB, 42 rows</title>");
    }

    @Test
    void showsTheSameSummaryAndOperationsAsTheMarkdown() {
        String html = HtmlRenderer.render(report);

        assertThat(html).contains("<h1>Partition Maintenance Report</h1>")
                .contains("<li><strong>Total Operations</strong>: 6</li>")
                .contains("<li>⛔ detach_partition: events_p2023_12 — rejected: events_p2023_12 ends after")
                .contains("<h2>Database billing</h2>");
    }

    @Test
    void escapesTextFromEvents() {
        assertThat(HtmlRenderer.render(report))
                .contains("default partition &quot;events_default&quot; would be violated")
                .doesNotContain("\"events_default\" would");
        assertThat(HtmlRenderer.escape("<script>&'")).isEqualTo("&lt;script&gt;&amp;&#39;");
    }
}
