package io.arxos.partitions.reporter.domain.maintenance;

import static io.arxos.partitions.reporter.domain.maintenance.Fixtures.AUDIT_LOGS;
import static io.arxos.partitions.reporter.domain.maintenance.Fixtures.EVENTS;
import static io.arxos.partitions.reporter.domain.maintenance.Fixtures.byCommand;
import static io.arxos.partitions.reporter.domain.maintenance.Fixtures.database;
import static io.arxos.partitions.reporter.domain.maintenance.Fixtures.finding;
import static io.arxos.partitions.reporter.domain.maintenance.Fixtures.outcome;
import static io.arxos.partitions.reporter.domain.maintenance.Fixtures.plan;
import static io.arxos.partitions.reporter.domain.maintenance.Fixtures.table;
import static io.arxos.partitions.reporter.domain.maintenance.Fixtures.validate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.arxos.partitions.reporter.domain.maintenance.Alert.Kind;
import io.arxos.partitions.reporter.domain.maintenance.Alert.Severity;
import io.arxos.partitions.reporter.domain.maintenance.PlannedRun.PlannedCommand;
import io.arxos.partitions.reporter.domain.run.ReportStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertRulesTest {

    @Test
    void raisesOneAlertPerFailureFindingAndUnreachableDatabase() {
        List<Alert> alerts = AlertRules.alerts(SampleRuns.maintenance(), SampleRuns.maintenanceOutcomes(),
                ReportStatus.COMPLETE);

        assertThat(alerts).extracting(Alert::kind, Alert::severity, Alert::key, Alert::rows).containsExactly(
                tuple(Kind.DEFAULT_ROWS_EXPIRED, Severity.WARNING, "orders/public.audit_logs", 42L),
                tuple(Kind.RUNWAY_SHORT, Severity.WARNING, "orders/public.audit_logs", null),
                tuple(Kind.COMMAND_FAILED, Severity.CRITICAL, "orders/public.events", null),
                tuple(Kind.COMMAND_FAILED, Severity.WARNING, "orders/public.events", null),
                // public.events had no validate command: its planner note stands in for validation
                tuple(Kind.DEFAULT_ROWS_FUTURE, Severity.WARNING, "orders/public.events", 7L),
                tuple(Kind.DATABASE_UNREACHABLE, Severity.CRITICAL, SampleRuns.RUN, null));
    }

    @Test
    void namesTableCommandAndErrorInAFailureAlert() {
        Alert failed = AlertRules.alerts(SampleRuns.maintenance(), SampleRuns.maintenanceOutcomes(),
                ReportStatus.COMPLETE).stream().filter(a -> a.severity() == Severity.CRITICAL
                        && a.kind() == Kind.COMMAND_FAILED).findFirst().orElseThrow();

        assertThat(failed.message()).isEqualTo("orders/public.events: create_partition events_p2025_02 failed "
                + "(SQLSTATE 23514): updated partition constraint for default partition \"events_default\" would be "
                + "violated by some row");
        assertThat(failed.commandId()).isEqualTo("c-create-events-feb");
        assertThat(failed.table()).isEqualTo(EVENTS);
    }

    @Test
    void namesTablePartitionAndRowsInADefaultRowsAlert() {
        Alert expired = AlertRules.alerts(SampleRuns.maintenance(), SampleRuns.maintenanceOutcomes(),
                ReportStatus.COMPLETE).stream().filter(a -> a.kind() == Kind.DEFAULT_ROWS_EXPIRED).findFirst()
                .orElseThrow();

        assertThat(expired.message()).isEqualTo("orders/public.audit_logs: 42 rows in the default partition "
                + "audit_logs_default are older than the retention period — 42 rows older than the retention cutoff "
                + "2023-12-01");
    }

    @Test
    void turnsRowsStuckInTheWindowIntoADefaultRowsStuckAlert() {
        PlannedCommand v = validate("v1", AUDIT_LOGS);
        PlannedRun plan = plan("r1", database("orders", table(AUDIT_LOGS, List.of(), v)));
        Finding stuck = finding("DEFAULT_ROWS_IN_WINDOW", "audit_logs_default", "300 rows dated 2025-01", 300L);

        List<Alert> alerts = AlertRules.alerts(plan, byCommand(outcome("r1", v, AUDIT_LOGS).findings(stuck).build()),
                ReportStatus.COMPLETE);

        assertThat(alerts).extracting(Alert::kind, Alert::rows).containsExactly(tuple(Kind.DEFAULT_ROWS_STUCK, 300L));
    }

    @Test
    void prefersValidationFindingsOverPlannerNotesForAValidatedTable() {
        PlannedCommand v = validate("v1", AUDIT_LOGS);
        Finding note = finding("DEFAULT_ROWS_NULL_KEY", "audit_logs_default", "3 rows with NULL key", 3L);
        PlannedRun plan = plan("r1", database("orders", table(AUDIT_LOGS, List.of(note), v)));

        assertThat(AlertRules.alerts(plan, byCommand(outcome("r1", v, AUDIT_LOGS).build()), ReportStatus.COMPLETE))
                .isEmpty();
        assertThat(AlertRules.alerts(plan, Map.of(), ReportStatus.INCOMPLETE)).extracting(Alert::kind)
                .containsExactly(Kind.DEFAULT_ROWS_NULL_KEY, Kind.RUN_INCOMPLETE);
    }

    @Test
    void listsTheMissingCommandsInARunIncompleteAlert() {
        Alert incomplete = AlertRules.alerts(SampleRuns.maintenance(), Map.of(), ReportStatus.INCOMPLETE).stream()
                .filter(a -> a.kind() == Kind.RUN_INCOMPLETE).findFirst().orElseThrow();

        assertThat(incomplete.key()).isEqualTo(SampleRuns.RUN);
        assertThat(incomplete.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(incomplete.message()).isEqualTo("run run-2025-01-01: 6 of 6 commands had no outcome by the "
                + "deadline 2025-01-01T02:10:00Z: create_partition audit_logs_p2025_02 on orders/public.audit_logs, "
                + "create_partition audit_logs_p2025_03 on orders/public.audit_logs, drop_partition "
                + "audit_logs_p2023_12 on orders/public.audit_logs, validate_table public.audit_logs on "
                + "orders/public.audit_logs, create_partition events_p2025_02 on orders/public.events and 1 more");
    }

    @Test
    void raisesNoRunIncompleteAlertForACompleteRun() {
        assertThat(AlertRules.alerts(SampleRuns.dryRun(), SampleRuns.dryRunOutcomes(), ReportStatus.COMPLETE))
                .isEmpty();
    }
}
