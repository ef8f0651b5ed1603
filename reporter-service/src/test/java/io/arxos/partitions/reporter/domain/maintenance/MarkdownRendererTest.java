package io.arxos.partitions.reporter.domain.maintenance;

import static io.arxos.partitions.reporter.domain.maintenance.Fixtures.AUDIT_LOGS;
import static io.arxos.partitions.reporter.domain.maintenance.Fixtures.REPORTED_AT;
import static io.arxos.partitions.reporter.domain.maintenance.Fixtures.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import io.arxos.partitions.reporter.domain.GoldenFiles;
import io.arxos.partitions.reporter.domain.run.ReportStatus;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MarkdownRendererTest {

    @Test
    void dryRunStatementsEndWithASemicolonSoTheBlockPastesIntoPsql() {
        assertThat(MarkdownRenderer.terminated("DROP TABLE \"public\".\"t_p2024_01\"")).isEqualTo(
                "DROP TABLE \"public\".\"t_p2024_01\";");
        assertThat(MarkdownRenderer.terminated("SET LOCAL lock_timeout = '2s';")).isEqualTo(
                "SET LOCAL lock_timeout = '2s';");
    }

    @Test
    void rendersAMaintenanceRunLikeTheGuide() {
        MaintenanceReport report = ReportBuilder.build(SampleRuns.maintenance(), SampleRuns.maintenanceOutcomes(),
                ReportStatus.COMPLETE, REPORTED_AT);

        GoldenFiles.assertMatches("maintenance-run.md", MarkdownRenderer.render(report));
    }

    @Test
    void rendersTheSqlOfADryRun() {
        MaintenanceReport report = ReportBuilder.build(SampleRuns.dryRun(), SampleRuns.dryRunOutcomes(),
                ReportStatus.COMPLETE, REPORTED_AT);

        GoldenFiles.assertMatches("dry-run.md", MarkdownRenderer.render(report));
    }

    @Test
    void marksCommandsWithoutOutcomeAsMissingInAnIncompleteReport() {
        MaintenanceReport report = ReportBuilder.build(SampleRuns.maintenance(),
                Map.of(SampleRuns.CREATE_FEB.commandId(),
                        outcome(SampleRuns.RUN, SampleRuns.CREATE_FEB, AUDIT_LOGS).build()),
                ReportStatus.INCOMPLETE, REPORTED_AT);

        String md = MarkdownRenderer.render(report);

        assertThat(md).contains("- **Status**: INCOMPLETE\n")
                .contains("- ✅ create_partition: audit_logs_p2025_02\n")
                .contains("- ⏳ drop_partition: audit_logs_p2023_12 — no outcome before the deadline\n")
                .contains("- ⏳ validate_table: public.audit_logs — no outcome before the deadline\n");
    }

    @Test
    void namesTheReasonOfARefusedRun() {
        MaintenanceReport report = ReportBuilder.build(Fixtures.refusedPlan("r-refused",
                "month '2025-13' is not yyyy-MM"),
                Map.of(), ReportStatus.COMPLETE, REPORTED_AT);

        assertThat(MarkdownRenderer.render(report)).contains("- **Error**: month '2025-13' is not yyyy-MM\n")
                .contains("- **Total Operations**: 0\n");
    }

    @Test
    void escapesPipesInsideTableCells() {
        Finding pipe = Fixtures.finding("GAP", null, "gap | between 2025-01 and 2025-03", null);
        var validate = Fixtures.validate("v1", AUDIT_LOGS);
        PlannedRun plan = Fixtures.plan("r1", Fixtures.database("orders",
                Fixtures.table(AUDIT_LOGS, java.util.List.of(), validate)));

        String md = MarkdownRenderer.render(ReportBuilder.build(plan,
                Fixtures.byCommand(outcome("r1", validate, AUDIT_LOGS).findings(pipe).build()),
                ReportStatus.COMPLETE, REPORTED_AT));

        assertThat(md).contains("| public.audit_logs | GAP | — | gap \\| between 2025-01 and 2025-03 |\n");
    }
}
