package io.arxos.partitions.reporter.domain.maintenance;

import io.arxos.partitions.reporter.domain.ReportCells;
import io.arxos.partitions.reporter.domain.TableName;
import io.arxos.partitions.reporter.domain.maintenance.Alert.Kind;
import io.arxos.partitions.reporter.domain.maintenance.Alert.Severity;
import io.arxos.partitions.reporter.domain.maintenance.PlannedRun.PlannedCommand;
import io.arxos.partitions.reporter.domain.maintenance.PlannedRun.PlannedDatabase;
import io.arxos.partitions.reporter.domain.maintenance.PlannedRun.PlannedTable;
import io.arxos.partitions.reporter.domain.run.ReportStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Derives a run's alerts from its plan and outcomes: failures, default-partition rows, runway, missing pieces. */
public final class AlertRules {

    /** How many missing commands a RUN_INCOMPLETE message names before summarising the rest. */
    static final int MISSING_NAMED = 5;

    private AlertRules() {
    }

    public static List<Alert> alerts(PlannedRun plan, Map<String, Outcome> outcomes, ReportStatus status) {
        return alerts(plan, outcomes::get, status);
    }

    /** @param outcomes the final outcome of a command id, or null when none came */
    public static List<Alert> alerts(PlannedRun plan, Function<String, Outcome> outcomes, ReportStatus status) {
        Collector alerts = new Collector(plan, status);
        plan.databases().forEach(database -> alerts.add(database, outcomes));
        return alerts.alerts();
    }

    /** A run's alerts gathered one database at a time, for a report that is built that way. */
    public static final class Collector {

        private final PlannedRun plan;
        private final ReportStatus status;
        private final List<Alert> alerts = new ArrayList<>();
        private final List<String> missing = new ArrayList<>();

        public Collector(PlannedRun plan, ReportStatus status) {
            this.plan = plan;
            this.status = status;
        }

        /** @param outcomes the final outcome of a command id of {@code database}, or null when none came */
        public void add(PlannedDatabase database, Function<String, Outcome> outcomes) {
            if (!database.reachable()) {
                alerts.add(new Alert(plan.runId(), Kind.DATABASE_UNREACHABLE, Severity.CRITICAL, plan.runId(), null,
                        null, null, "run " + plan.runId() + ": database " + database.database() + " was unreachable: "
                                + ReportCells.orElse(database.error(), "no reason given"), null));
            }
            for (PlannedTable table : database.tables()) {
                table(table, outcomes);
            }
        }

        /** The alerts of the databases added, and RUN_INCOMPLETE last when commands are missing. */
        public List<Alert> alerts() {
            List<Alert> all = new ArrayList<>(alerts);
            if (status == ReportStatus.INCOMPLETE && !missing.isEmpty()) {
                all.add(incomplete(plan, missing));
            }
            return all;
        }

        private void table(PlannedTable table, Function<String, Outcome> outcomes) {
            boolean validated = false;
            for (PlannedCommand command : table.commands()) {
                Outcome outcome = outcomes.apply(command.commandId());
                if (outcome == null) {
                    missing.add(command.operation().label() + " " + target(command, table.table()) + " on "
                            + table.table().key());
                    continue;
                }
                failure(plan.runId(), table.table(), command, outcome).ifPresent(alerts::add);
                if (command.operation() == CommandKind.VALIDATE_TABLE) {
                    validated = true;
                    outcome.findings().forEach(f -> finding(plan.runId(), table.table(), f, command.commandId(),
                            true).ifPresent(alerts::add));
                }
            }
            if (table.validation() != null) {
                validated = true;
                String id = table.validation().commandId();
                table.validation().findings().forEach(f -> finding(plan.runId(), table.table(), f, id, true)
                        .ifPresent(alerts::add));
            }
            if (!validated) {
                // without a fresh validation the planner's notes are the best knowledge of the default partition
                table.notes().forEach(n -> finding(plan.runId(), table.table(), n, null, false)
                        .ifPresent(alerts::add));
            }
        }
    }

    private static Optional<Alert> failure(String runId, TableName table, PlannedCommand command, Outcome outcome) {
        String what = table.key() + ": " + command.operation().label() + " " + target(command, table);
        if (outcome.status() == CommandStatus.FAILED) {
            String state = outcome.sqlState() == null ? "" : " (SQLSTATE " + outcome.sqlState() + ")";
            return Optional.of(new Alert(runId, Kind.COMMAND_FAILED, Severity.CRITICAL, table.key(), table,
                    command.commandId(), command.partition(), what + " failed" + state + ": "
                            + ReportCells.orElse(outcome.errorMessage(), "no error message"), null));
        }
        if (outcome.status() == CommandStatus.REJECTED) {
            // a refusal is the executor's safety net working, so it warns rather than pages
            return Optional.of(new Alert(runId, Kind.COMMAND_FAILED, Severity.WARNING, table.key(), table,
                    command.commandId(), command.partition(), what + " was rejected: "
                            + ReportCells.orElse(outcome.errorMessage(), "no reason given"), null));
        }
        return Optional.empty();
    }

    private static Optional<Alert> finding(String runId, TableName table, Finding f, String commandId,
            boolean fromValidation) {
        String rows = f.rows() == null ? "an unknown number of" : f.rows().toString();
        String where = "the default partition" + (f.partition() == null ? "" : " " + f.partition());
        String about = switch (f.kind()) {
            case "DEFAULT_ROWS_EXPIRED" -> rows + " rows in " + where + " are older than the retention period";
            case "DEFAULT_ROWS_FUTURE" -> rows + " rows in " + where + " lie beyond the last premade partition";
            case "DEFAULT_ROWS_NULL_KEY" -> rows + " rows in " + where + " have a NULL partition key";
            case "DEFAULT_ROWS_IN_WINDOW" -> fromValidation
                    ? rows + " rows are stuck in " + where + " although their months are in the partition window"
                    : null;
            case "RUNWAY_SHORT" -> fromValidation
                    ? "partition runway is short" + (f.partition() == null ? "" : " (last partition " + f.partition()
                            + ")")
                    : null;
            default -> null;
        };
        if (about == null) {
            return Optional.empty();
        }
        Kind kind = switch (f.kind()) {
            case "DEFAULT_ROWS_IN_WINDOW" -> Kind.DEFAULT_ROWS_STUCK;
            default -> Kind.valueOf(f.kind());
        };
        String source = fromValidation ? "" : " (planner note)";
        return Optional.of(new Alert(runId, kind, Severity.WARNING, table.key(), table, commandId, f.partition(),
                table.key() + ": " + about + source + " — " + f.detail(), f.rows()));
    }

    private static Alert incomplete(PlannedRun plan, List<String> missing) {
        int total = (int) plan.commandIds().distinct().count();
        StringBuilder message = new StringBuilder("run ").append(plan.runId()).append(": ").append(missing.size())
                .append(" of ").append(total).append(" commands had no outcome by the deadline ")
                .append(plan.deadline()).append(": ")
                .append(String.join(", ", missing.subList(0, Math.min(MISSING_NAMED, missing.size()))));
        if (missing.size() > MISSING_NAMED) {
            message.append(" and ").append(missing.size() - MISSING_NAMED).append(" more");
        }
        return new Alert(plan.runId(), Kind.RUN_INCOMPLETE, Severity.CRITICAL, plan.runId(), null, null, null,
                message.toString(), null);
    }

    private static String target(PlannedCommand command, TableName table) {
        return command.partition() == null ? table.qualified() : command.partition();
    }
}
