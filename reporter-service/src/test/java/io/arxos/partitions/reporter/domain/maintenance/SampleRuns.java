package io.arxos.partitions.reporter.domain.maintenance;

import static io.arxos.partitions.reporter.domain.maintenance.Fixtures.AUDIT_LOGS;
import static io.arxos.partitions.reporter.domain.maintenance.Fixtures.EVENTS;
import static io.arxos.partitions.reporter.domain.maintenance.Fixtures.byCommand;
import static io.arxos.partitions.reporter.domain.maintenance.Fixtures.create;
import static io.arxos.partitions.reporter.domain.maintenance.Fixtures.database;
import static io.arxos.partitions.reporter.domain.maintenance.Fixtures.defaultPartition;
import static io.arxos.partitions.reporter.domain.maintenance.Fixtures.detach;
import static io.arxos.partitions.reporter.domain.maintenance.Fixtures.drop;
import static io.arxos.partitions.reporter.domain.maintenance.Fixtures.finding;
import static io.arxos.partitions.reporter.domain.maintenance.Fixtures.month;
import static io.arxos.partitions.reporter.domain.maintenance.Fixtures.outcome;
import static io.arxos.partitions.reporter.domain.maintenance.Fixtures.table;
import static io.arxos.partitions.reporter.domain.maintenance.Fixtures.unreachable;
import static io.arxos.partitions.reporter.domain.maintenance.Fixtures.validate;

import io.arxos.partitions.reporter.domain.TableName;
import io.arxos.partitions.reporter.domain.maintenance.PlannedRun.PlannedCommand;
import io.arxos.partitions.reporter.domain.maintenance.PlannedRun.PlannedDatabase;
import io.arxos.partitions.reporter.domain.maintenance.PlannedRun.PlannedTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Two realistic runs: a maintenance run where a bit of everything happens, and a clean dry run. */
public final class SampleRuns {

    public static final String RUN = "run-2025-01-01";
    public static final PlannedCommand CREATE_FEB = create("c-create-feb", "audit_logs_p2025_02");
    public static final PlannedCommand CREATE_MAR = create("c-create-mar", "audit_logs_p2025_03");
    public static final PlannedCommand DROP_DEC = drop("c-drop-dec", "audit_logs_p2023_12", 13);
    public static final PlannedCommand VALIDATE_AUDIT = validate("c-validate-audit", AUDIT_LOGS);
    public static final PlannedCommand CREATE_EVENTS = create("c-create-events-feb", "events_p2025_02");
    public static final PlannedCommand DETACH_EVENTS = detach("c-detach-events", "events_p2023_12", 13);

    public static final Finding FUTURE_NOTE = finding("DEFAULT_ROWS_FUTURE", "events_default",
            "7 rows dated 2027-05, beyond the premade partitions", 7L);
    public static final Finding EXPIRED = finding("DEFAULT_ROWS_EXPIRED", "audit_logs_default",
            "42 rows older than the retention cutoff 2023-12-01", 42L);
    public static final Finding RUNWAY = finding("RUNWAY_SHORT", "audit_logs_p2025_03",
            "only 2 months premade ahead of 2025-01, premake is 3", null);

    private SampleRuns() {
    }

    public static PlannedRun maintenance() {
        return Fixtures.plan(RUN,
                database("orders",
                        table(AUDIT_LOGS, List.of(), CREATE_FEB, CREATE_MAR, DROP_DEC, VALIDATE_AUDIT),
                        table(EVENTS, List.of(FUTURE_NOTE), CREATE_EVENTS, DETACH_EVENTS)),
                unreachable("billing", "connection refused (billing-db:5432)"));
    }

    public static Map<String, Outcome> maintenanceOutcomes() {
        return byCommand(
                outcome(RUN, CREATE_FEB, AUDIT_LOGS).rowsMoved(120).build(),
                outcome(RUN, CREATE_MAR, AUDIT_LOGS).status(CommandStatus.ALREADY_APPLIED).build(),
                outcome(RUN, DROP_DEC, AUDIT_LOGS).build(),
                outcome(RUN, VALIDATE_AUDIT, AUDIT_LOGS).findings(EXPIRED, RUNWAY).partitions(
                        month("audit_logs_p2024_12", 2024, 12, 1_000_000, 157_286_400),
                        month("audit_logs_p2025_01", 2025, 1, 250_000, 39_321_600),
                        month("audit_logs_p2025_02", 2025, 2, 120, 65_536),
                        month("audit_logs_p2025_03", 2025, 3, -1, 8_192),
                        defaultPartition("audit_logs_default", 42, 16_384)).build(),
                outcome(RUN, CREATE_EVENTS, EVENTS).status(CommandStatus.FAILED).error("23514",
                        "updated partition constraint for default partition \"events_default\" would be violated "
                                + "by some row").build(),
                outcome(RUN, DETACH_EVENTS, EVENTS).status(CommandStatus.REJECTED)
                        .error(null, "events_p2023_12 ends after the executor's retention cutoff 2023-12-01").build());
    }

    public static final String DRY_RUN = "dry-2025-01-15";
    public static final PlannedCommand DRY_CREATE = create("d-create-apr", "audit_logs_p2025_04");
    public static final PlannedCommand DRY_DROP = drop("d-drop-jan", "audit_logs_p2024_01", 12);

    public static PlannedRun dryRun() {
        return Fixtures.dryRunPlan(DRY_RUN, database("orders", table(AUDIT_LOGS, List.of(), DRY_CREATE, DRY_DROP)));
    }

    public static Map<String, Outcome> dryRunOutcomes() {
        return byCommand(
                outcome(DRY_RUN, DRY_CREATE, AUDIT_LOGS).status(CommandStatus.DRY_RUN).sql(
                        "SET LOCAL lock_timeout = '2s';",
                        "CREATE TABLE \"public\".\"audit_logs_p2025_04\" PARTITION OF \"public\".\"audit_logs\""
                                + " FOR VALUES FROM ('2025-04-01 00:00:00+00') TO ('2025-05-01 00:00:00+00');")
                        .build(),
                outcome(DRY_RUN, DRY_DROP, AUDIT_LOGS).status(CommandStatus.DRY_RUN).sql(
                        "SET LOCAL lock_timeout = '2s';",
                        "DROP TABLE \"public\".\"audit_logs_p2024_01\";").build());
    }

    /**
     * {@code databaseCount} databases × {@code tableCount} tables, each creating three months (with their SQL) and
     * validated with 13 partitions listed; the outcomes, all successful, go to {@code outcomes}.
     */
    public static PlannedRun fleet(String run, int databaseCount, int tableCount, List<Outcome> outcomes) {
        List<PlannedDatabase> databases = new ArrayList<>();
        for (int d = 0; d < databaseCount; d++) {
            List<PlannedTable> tables = new ArrayList<>();
            for (int t = 0; t < tableCount; t++) {
                TableName name = new TableName("db" + d, "public", "events_" + t);
                List<PlannedCommand> commands = new ArrayList<>();
                List<PartitionSize> partitions = new ArrayList<>();
                for (int m = 1; m <= 3; m++) {
                    String partition = "events_" + t + "_p2025_0" + (m + 1);
                    PlannedCommand command = create("c-" + d + "-" + t + "-" + m, partition);
                    commands.add(command);
                    outcomes.add(outcome(run, command, name).sql(
                            "SET LOCAL lock_timeout = '2s';",
                            "CREATE TABLE public." + partition + " (LIKE public.events_" + t
                                    + " INCLUDING DEFAULTS INCLUDING CONSTRAINTS);",
                            "ALTER TABLE public.events_" + t + " ATTACH PARTITION public." + partition
                                    + " FOR VALUES FROM ('2025-0" + (m + 1) + "-01') TO ('2025-0" + (m + 2)
                                    + "-01');")
                            .build());
                }
                for (int m = 1; m <= 12; m++) {
                    partitions.add(month("events_" + t + "_p2024_" + (m < 10 ? "0" : "") + m, 2024, m, 10_000L * m,
                            1_048_576L * m));
                }
                partitions.add(defaultPartition("events_" + t + "_default", 0, 8_192));
                PlannedCommand validation = validate("v-" + d + "-" + t, name);
                commands.add(validation);
                outcomes.add(outcome(run, validation, name).partitions(partitions.toArray(PartitionSize[]::new))
                        .build());
                tables.add(table(name, List.of(), commands.toArray(PlannedCommand[]::new)));
            }
            databases.add(database("db" + d, tables.toArray(PlannedTable[]::new)));
        }
        return Fixtures.plan(run, databases.toArray(PlannedDatabase[]::new));
    }

}
