package io.arxos.partitions.reporter.domain.maintenance;

import static io.arxos.partitions.reporter.domain.maintenance.Fixtures.AUDIT_LOGS;
import static io.arxos.partitions.reporter.domain.maintenance.Fixtures.REPORTED_AT;
import static io.arxos.partitions.reporter.domain.maintenance.Fixtures.database;
import static io.arxos.partitions.reporter.domain.maintenance.Fixtures.defaultPartition;
import static io.arxos.partitions.reporter.domain.maintenance.Fixtures.finding;
import static io.arxos.partitions.reporter.domain.maintenance.Fixtures.month;
import static io.arxos.partitions.reporter.domain.maintenance.Fixtures.plan;
import static org.assertj.core.api.Assertions.assertThat;

import io.arxos.partitions.reporter.domain.maintenance.Alert.Kind;
import io.arxos.partitions.reporter.domain.maintenance.MaintenanceReport.OperationLine;
import io.arxos.partitions.reporter.domain.maintenance.PlannedRun.PlannedTable;
import io.arxos.partitions.reporter.domain.maintenance.PlannedRun.SnapshotValidation;
import io.arxos.partitions.reporter.domain.run.Announcement;
import io.arxos.partitions.reporter.domain.run.ReportStatus;
import io.arxos.partitions.reporter.domain.run.RunProgress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A table nothing in the run changed is validated by the planner: the report and the alerts show it as validated. */
class PlannerValidationTest {

    private static final Finding NULL_KEYS = finding("DEFAULT_ROWS_NULL_KEY", "audit_logs_default",
            "4 rows with a NULL created_at", 4L);
    private static final SnapshotValidation VALIDATION = new SnapshotValidation(
            "validate_table:orders/public.audit_logs:run=r1", List.of(NULL_KEYS),
            List.of(month("audit_logs_p2025_01", 2025, 1, 120, 8192), defaultPartition("audit_logs_default", 4, 8192)));
    private static final PlannedRun PLAN = plan("r1", database("orders",
            new PlannedTable(AUDIT_LOGS, List.of(), List.of(), VALIDATION)));

    @Test
    void showsThePlannersValidationAsAValidateLineWithItsFindingsAndSizes() {
        MaintenanceReport report = ReportBuilder.build(PLAN, Map.of(), ReportStatus.COMPLETE, REPORTED_AT);

        OperationLine line = report.databases().get(0).operations().get(0);
        assertThat(line.operation()).isEqualTo("validate_table");
        assertThat(line.status()).isEqualTo(MaintenanceReport.LineStatus.SUCCEEDED);
        assertThat(line.commandId()).isEqualTo("validate_table:orders/public.audit_logs:run=r1");
        assertThat(line.findings()).containsExactly(NULL_KEYS);
        assertThat(line.partitions()).hasSize(2);
        assertThat(line.detail()).contains("planner's catalog read");
        assertThat(report.summary().validationFindings()).isEqualTo(1);
        assertThat(report.exitCode()).as("findings, nothing failed").isEqualTo(2);
    }

    @Test
    void raisesAlertsFromThePlannersValidationAsFromAValidateOutcome() {
        assertThat(AlertRules.alerts(PLAN, Map.of(), ReportStatus.COMPLETE)).extracting(Alert::kind)
                .containsExactly(Kind.DEFAULT_ROWS_NULL_KEY);
    }

    @Test
    void aRunWhoseTablesAreAllValidatedByThePlannerIsCompleteWithoutAnyOutcome() {
        RunProgress progress = RunProgress.firstSeen("r1", REPORTED_AT)
                .applyPlan(Announcement.of(PLAN.commandIds().toList(), PLAN.deadline()), id -> null).progress();

        assertThat(progress.complete()).isTrue();
    }
}
