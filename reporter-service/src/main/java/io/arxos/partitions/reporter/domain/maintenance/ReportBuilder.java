package io.arxos.partitions.reporter.domain.maintenance;

import io.arxos.partitions.reporter.domain.TableName;
import io.arxos.partitions.reporter.domain.maintenance.MaintenanceReport.DatabaseSection;
import io.arxos.partitions.reporter.domain.maintenance.MaintenanceReport.LineStatus;
import io.arxos.partitions.reporter.domain.maintenance.MaintenanceReport.OperationLine;
import io.arxos.partitions.reporter.domain.maintenance.MaintenanceReport.Summary;
import io.arxos.partitions.reporter.domain.maintenance.MaintenanceReport.TableNote;
import io.arxos.partitions.reporter.domain.maintenance.PlannedRun.PlannedCommand;
import io.arxos.partitions.reporter.domain.maintenance.PlannedRun.PlannedDatabase;
import io.arxos.partitions.reporter.domain.maintenance.PlannedRun.PlannedTable;
import io.arxos.partitions.reporter.domain.run.ReportStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Builds a run's {@link MaintenanceReport} from its plan and the final outcomes received so far. */
public final class ReportBuilder {

    /** The planner writes "(12 months old)" into drop and detach summaries; executors may repeat it in detail. */
    private static final Pattern AGE = Pattern.compile("(\\d+) months? old");

    private ReportBuilder() {
    }

    /**
     * @param outcomes final outcomes by command id; planned commands without one are reported as missing
     */
    public static MaintenanceReport build(PlannedRun plan, Map<String, Outcome> outcomes, ReportStatus status,
            Instant now) {
        List<DatabaseSection> sections = new ArrayList<>();
        for (PlannedDatabase database : plan.databases()) {
            sections.add(section(database, outcomes::get));
        }
        MaintenanceReport head = head(plan, sections, status, now);
        return new MaintenanceReport(head.runId(), head.trigger(), head.dryRun(), head.generatedAt(), status,
                head.exitCode(), head.error(), head.summary(), sections);
    }

    /**
     * The report without its sections (summary, status, exit code), built one section at a time so a run of any
     * size needs only one section in memory; {@link #section} gives the sections when they are rendered.
     *
     * @param outcomes the final outcome of a command id, or null when none came
     */
    public static MaintenanceReport head(PlannedRun plan, Function<String, Outcome> outcomes, ReportStatus status,
            Instant now) {
        Iterable<DatabaseSection> sections = () -> plan.databases().stream().map(d -> section(d, outcomes))
                .iterator();
        return head(plan, sections, status, now);
    }

    /** One database's section: its operations in plan order and the planner's notes per table. */
    public static DatabaseSection section(PlannedDatabase database, Function<String, Outcome> outcomes) {
        List<OperationLine> operations = new ArrayList<>();
        List<TableNote> notes = new ArrayList<>();
        for (PlannedTable table : database.tables()) {
            for (PlannedCommand command : table.commands()) {
                operations.add(line(table.table(), command, outcomes.apply(command.commandId())));
            }
            if (table.validation() != null) {
                operations.add(validatedByPlanner(table.table(), table.validation()));
            }
            table.notes().forEach(note -> notes.add(TableNote.of(table.table().qualified(), note)));
        }
        return new DatabaseSection(database.database(), database.reachable(), database.error(), operations, notes);
    }

    private static MaintenanceReport head(PlannedRun plan, Iterable<DatabaseSection> sections, ReportStatus status,
            Instant now) {
        Tally tally = new Tally();
        sections.forEach(tally::add);
        Summary summary = tally.summary();
        boolean unreachable = plan.databases().stream().anyMatch(d -> !d.reachable());
        int exitCode = exitCode(summary, tally.unknown, status, plan.error() != null || unreachable);
        return new MaintenanceReport(plan.runId(), plan.trigger(), plan.dryRun(), now.truncatedTo(ChronoUnit.SECONDS),
                status, exitCode, plan.error(), summary, List.of());
    }

    /**
     * The report of a run whose report could not be built ({@code reason}): INCOMPLETE, exit code 1, the planned
     * total and no sections, so it is small whatever the run's size.
     */
    public static MaintenanceReport unreportable(PlannedRun plan, int plannedCommands, String reason, Instant now) {
        Summary summary = new Summary(plannedCommands, 0, 0, 0, 0, 0, 0, 0, 0);
        return new MaintenanceReport(plan.runId(), plan.trigger(), plan.dryRun(), now.truncatedTo(ChronoUnit.SECONDS),
                ReportStatus.INCOMPLETE, 1, "the report of this run could not be built (" + reason + "); the "
                        + "outcomes are on the outcomes topic",
                summary, List.of());
    }

    private static OperationLine line(TableName table, PlannedCommand command, Outcome outcome) {
        String partition = command.partition() != null ? command.partition()
                : outcome != null ? outcome.partition() : null;
        if (outcome == null) {
            return new OperationLine(command.commandId(), table.qualified(), command.operation().label(), partition,
                    LineStatus.MISSING, null, age(command, null), null, null, 0, 0, List.of(), List.of(), List.of());
        }
        return new OperationLine(command.commandId(), table.qualified(), command.operation().label(), partition,
                LineStatus.of(outcome.status()), outcome.detail(), age(command, outcome.detail()), outcome.sqlState(),
                outcome.errorMessage(), outcome.rowsMoved(), outcome.durationMillis(), outcome.sql(),
                outcome.findings(), outcome.partitions());
    }

    /** The planner validated an unchanged table itself: shown like a validate outcome, which it replaces. */
    private static OperationLine validatedByPlanner(TableName table, PlannedRun.SnapshotValidation validation) {
        return new OperationLine(validation.commandId(), table.qualified(), CommandKind.VALIDATE_TABLE.label(), null,
                LineStatus.SUCCEEDED, validation.findings().size() + " findings (from the planner's catalog read;"
                        + " nothing in this run changed the table)", null, null, null, 0, 0, List.of(),
                validation.findings(), validation.partitions());
    }

    private static Integer age(PlannedCommand command, String detail) {
        if (command.operation() != CommandKind.DROP_PARTITION && command.operation() != CommandKind.DETACH_PARTITION) {
            return null;
        }
        for (String text : new String[] {command.summary(), detail}) {
            if (text != null) {
                Matcher m = AGE.matcher(text);
                if (m.find()) {
                    return Integer.valueOf(m.group(1));
                }
            }
        }
        return null;
    }

    /** The summary's counts, added up one section at a time. */
    private static final class Tally {
        private int total;
        private int successful;
        private int failed;
        private int rejected;
        private int created;
        private int dropped;
        private int detached;
        private long rowsMoved;
        private int findings;
        private boolean unknown;

        void add(DatabaseSection section) {
            for (OperationLine op : section.operations()) {
                total++;
                switch (op.status()) {
                    case SUCCEEDED, ALREADY_APPLIED, DRY_RUN -> successful++;
                    case FAILED -> failed++;
                    case REJECTED -> rejected++;
                    case UNKNOWN -> unknown = true;
                    default -> {
                    }
                }
                if (op.status() == LineStatus.SUCCEEDED) {
                    created += op.operation().equals(CommandKind.CREATE_PARTITION.label()) ? 1 : 0;
                    dropped += op.operation().equals(CommandKind.DROP_PARTITION.label()) ? 1 : 0;
                    detached += op.operation().equals(CommandKind.DETACH_PARTITION.label()) ? 1 : 0;
                }
                rowsMoved += op.rowsMoved();
                findings += op.findings().size();
            }
        }

        Summary summary() {
            return new Summary(total, successful, failed, rejected, created, dropped, detached, rowsMoved, findings);
        }
    }

    /**
     * 1 when anything went wrong (a failed, rejected or unknown outcome, an incomplete run, a refused run or an
     * unreachable database); else 2 when validation found problems; else 0.
     */
    static int exitCode(Summary summary, boolean unknown, ReportStatus status, boolean planProblem) {
        if (summary.failed() > 0 || summary.rejected() > 0 || unknown || status == ReportStatus.INCOMPLETE
                || planProblem) {
            return 1;
        }
        return summary.validationFindings() > 0 ? 2 : 0;
    }
}
