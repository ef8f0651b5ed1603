package io.arxos.partitions.reporter.domain.maintenance;

import static io.arxos.partitions.reporter.domain.maintenance.Fixtures.AUDIT_LOGS;
import static io.arxos.partitions.reporter.domain.maintenance.Fixtures.REPORTED_AT;
import static io.arxos.partitions.reporter.domain.maintenance.Fixtures.byCommand;
import static io.arxos.partitions.reporter.domain.maintenance.Fixtures.create;
import static io.arxos.partitions.reporter.domain.maintenance.Fixtures.database;
import static io.arxos.partitions.reporter.domain.maintenance.Fixtures.outcome;
import static io.arxos.partitions.reporter.domain.maintenance.Fixtures.plan;
import static io.arxos.partitions.reporter.domain.maintenance.Fixtures.table;
import static io.arxos.partitions.reporter.domain.maintenance.Fixtures.validate;
import static org.assertj.core.api.Assertions.assertThat;

import io.arxos.partitions.reporter.domain.maintenance.MaintenanceReport.Summary;
import io.arxos.partitions.reporter.domain.maintenance.PlannedRun.PlannedCommand;
import io.arxos.partitions.reporter.domain.run.ReportStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReportBuilderTest {

    private static final PlannedCommand CREATE = create("c1", "audit_logs_p2025_02");
    private static final PlannedCommand VALIDATE = validate("v1", AUDIT_LOGS);
    private static final PlannedRun PLAN = plan("r1", database("orders", table(AUDIT_LOGS, List.of(), CREATE,
            VALIDATE)));

    @Test
    void countsEveryKindOfOutcomeInTheSummary() {
        MaintenanceReport report = ReportBuilder.build(SampleRuns.maintenance(), SampleRuns.maintenanceOutcomes(),
                ReportStatus.COMPLETE, REPORTED_AT);

        assertThat(report.summary()).isEqualTo(new Summary(6, 4, 1, 1, 1, 1, 0, 120, 2));
        assertThat(report.generatedAt()).isEqualTo("2025-01-01T02:05:30Z");
    }

    @Test
    void exitsZeroWhenEverythingSucceededWithoutFindings() {
        assertThat(exitCode(PLAN, ok(CREATE), ok(VALIDATE))).isZero();
    }

    @Test
    void exitsTwoWhenOnlyValidationFoundProblems() {
        Outcome validated = outcome("r1", VALIDATE, AUDIT_LOGS).findings(SampleRuns.RUNWAY).build();

        assertThat(exitCode(PLAN, ok(CREATE), validated)).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(value = CommandStatus.class, names = {"FAILED", "REJECTED", "UNKNOWN"})
    void exitsOneWhenACommandDidNotSucceedEvenWithFindings(CommandStatus status) {
        Outcome validated = outcome("r1", VALIDATE, AUDIT_LOGS).findings(SampleRuns.RUNWAY).build();

        assertThat(exitCode(PLAN, outcome("r1", CREATE, AUDIT_LOGS).status(status).build(), validated)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(value = CommandStatus.class, names = {"SUCCEEDED", "ALREADY_APPLIED", "DRY_RUN"})
    void countsSucceededAlreadyAppliedAndDryRunAsSuccessful(CommandStatus status) {
        MaintenanceReport report = ReportBuilder.build(PLAN,
                byCommand(outcome("r1", CREATE, AUDIT_LOGS).status(status).build(), ok(VALIDATE)),
                ReportStatus.COMPLETE, REPORTED_AT);

        assertThat(report.summary().successful()).isEqualTo(2);
        assertThat(report.summary().partitionsCreated()).isEqualTo(status == CommandStatus.SUCCEEDED ? 1 : 0);
        assertThat(report.exitCode()).isZero();
    }

    @Test
    void exitsOneWhenTheRunIsIncomplete() {
        MaintenanceReport report = ReportBuilder.build(PLAN, byCommand(ok(CREATE)), ReportStatus.INCOMPLETE,
                REPORTED_AT);

        assertThat(report.exitCode()).isEqualTo(1);
        assertThat(report.databases().get(0).operations().get(1).status())
                .isEqualTo(MaintenanceReport.LineStatus.MISSING);
    }

    @Test
    void exitsOneWhenTheRunWasRefused() {
        assertThat(exitCode(Fixtures.refusedPlan("r1", "unknown database 'nope'"))).isEqualTo(1);
    }

    @Test
    void exitsOneWhenADatabaseWasUnreachable() {
        PlannedRun plan = plan("r1", Fixtures.unreachable("billing", "connection refused"));

        assertThat(exitCode(plan)).isEqualTo(1);
    }

    @Test
    void takesThePartitionAgeFromTheOutcomeDetailWhenTheSummaryHasNone() {
        PlannedCommand drop = new PlannedCommand("d1", CommandKind.DROP_PARTITION, "audit_logs_p2023_01", "drop it");
        PlannedRun plan = plan("r1", database("orders", table(AUDIT_LOGS, List.of(), drop)));

        MaintenanceReport report = ReportBuilder.build(plan,
                byCommand(outcome("r1", drop, AUDIT_LOGS).detail("dropped; partition was 24 months old").build()),
                ReportStatus.COMPLETE, REPORTED_AT);

        assertThat(report.databases().get(0).operations().get(0).ageMonths()).isEqualTo(24);
    }

    private static Outcome ok(PlannedCommand command) {
        return outcome("r1", command, AUDIT_LOGS).build();
    }

    private static int exitCode(PlannedRun plan, Outcome... outcomes) {
        Map<String, Outcome> map = byCommand(outcomes);
        return ReportBuilder.build(plan, map, ReportStatus.COMPLETE, REPORTED_AT).exitCode();
    }
}
