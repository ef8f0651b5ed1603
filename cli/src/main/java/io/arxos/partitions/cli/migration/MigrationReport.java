package io.arxos.partitions.cli.migration;

import static io.arxos.partitions.cli.migration.CopyProgress.number;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arxos.partitions.cli.ExitCodes;
import io.arxos.partitions.events.MigrationOutcome;
import io.arxos.partitions.events.MigrationStep;
import io.arxos.partitions.events.MonthComparison;
import io.arxos.partitions.events.OutcomeStatus;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The summary partctl prints after a migration command, in Markdown or JSON: per table the steps and their results,
 * the rows copied and the rate, the time writers were blocked, and VERIFY's month-by-month comparison.
 */
public final class MigrationReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final String migrationId;
    private final String action;
    private final List<TableMigration> tables;

    public MigrationReport(String migrationId, String action, List<TableMigration> tables) {
        this.migrationId = migrationId;
        this.action = action;
        this.tables = List.copyOf(tables);
    }

    /** 3 when a step went unanswered, else 1 when one failed, else 2 when VERIFY found differences, else 0. */
    public int exitCode() {
        if (any(TableMigration.Ending.NO_ANSWER)) {
            return ExitCodes.UNREACHABLE;
        }
        if (any(TableMigration.Ending.FAILED)) {
            return ExitCodes.OPERATION_FAILED;
        }
        return any(TableMigration.Ending.DIFFERENCES) ? ExitCodes.VALIDATION_PROBLEMS : ExitCodes.OK;
    }

    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# partctl ").append(action).append(": migration ").append(migrationId).append("\n\n");
        md.append("| table | result | phase | rows copied | copy rate |\n|---|---|---|--:|--:|\n");
        for (TableMigration table : tables) {
            md.append("| ").append(table.table()).append(" | ").append(cell(table.note())).append(" | ")
                    .append(table.phase().orElse("")).append(" | ")
                    .append(rowsCopied(table).map(CopyProgress::number).orElse("")).append(" | ")
                    .append(rate(table).map(r -> number(Math.round(r)) + " rows/s").orElse("")).append(" |\n");
        }
        for (TableMigration table : tables) {
            md.append('\n');
            section(table, md);
        }
        md.append("\nExit status ").append(exitCode()).append('.');
        return md.toString();
    }

    public String json() {
        ObjectNode root = JSON.createObjectNode();
        root.put("migrationId", migrationId);
        root.put("action", action);
        root.put("exitCode", exitCode());
        ArrayNode list = root.putArray("tables");
        for (TableMigration table : tables) {
            list.add(json(table));
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean any(TableMigration.Ending ending) {
        return tables.stream().anyMatch(t -> t.ending() == ending);
    }

    private static void section(TableMigration table, StringBuilder md) {
        md.append("## ").append(table.table()).append("\n\n")
                .append("Partition key `").append(table.partitionKey()).append("`. Result: ")
                .append(table.ending() == TableMigration.Ending.DONE ? table.note() : "**" + table.note() + "**")
                .append(table.note().endsWith("?") ? "\n" : ".\n");
        if (table.outcomes().isEmpty()) {
            return;
        }
        md.append("\n| step | status | phase | took | message |\n|---|---|---|--:|---|\n");
        for (StepRow row : rows(table)) {
            md.append("| ").append(row.label()).append(" | ").append(row.last().getStatus()).append(" | ")
                    .append(row.last().getPhase()).append(" | ").append(seconds(row.millis())).append(" | ")
                    .append(cell(row.last().getMessage())).append(" |\n");
        }
        Optional<MigrationOutcome> copy = table.last(MigrationStep.COPY).filter(o -> !isDryRun(o));
        if (copy.isPresent()) {
            md.append("\nCopied ").append(number(copy.get().getRowsCopied())).append(" rows")
                    .append(copy.get().getRowsEstimated() > 0
                            ? " (estimated ~" + number(copy.get().getRowsEstimated()) + ")" : "")
                    .append(rate(table).map(r -> " at " + number(Math.round(r)) + " rows/s").orElse(""))
                    .append(copy.get().getCopyDone() ? "; the copy is complete" : "; the copy is not complete")
                    .append(".\n");
        }
        for (MigrationStep step : List.of(MigrationStep.SWAP, MigrationStep.ROLLBACK)) {
            table.last(step).filter(o -> o.getBlockedMillis() > 0).ifPresent(o -> md.append("\nWriters were blocked ")
                    .append(number(o.getBlockedMillis())).append(" ms by the ").append(MigrationDriver.label(step))
                    .append(".\n"));
        }
        table.last(MigrationStep.VERIFY).ifPresent(verify -> months(verify, md));
    }

    private static void months(MigrationOutcome verify, StringBuilder md) {
        if (!verify.getMonths().isEmpty()) {
            md.append("\n| month | source rows | partitioned rows | match |\n|---|--:|--:|---|\n");
            for (MonthComparison month : verify.getMonths()) {
                md.append("| ").append(month.getMonth()).append(" | ").append(number(month.getSourceRows()))
                        .append(" | ").append(number(month.getTargetRows())).append(" | ").append(match(month))
                        .append(" |\n");
            }
        }
        if (!verify.getDifferences().isEmpty()) {
            md.append("\nDifferences:\n");
            verify.getDifferences().forEach(d -> md.append("- ").append(d).append('\n'));
        }
    }

    /** Equal counts and equal checksums; a checksum difference with equal counts means changed rows. */
    static String match(MonthComparison month) {
        if (month.getSourceRows() != month.getTargetRows()) {
            return "**no**";
        }
        return Objects.equals(month.getSourceChecksum(), month.getTargetChecksum()) ? "yes" : "**no** (checksum)";
    }

    private static boolean matches(MonthComparison month) {
        return month.getSourceRows() == month.getTargetRows()
                && Objects.equals(month.getSourceChecksum(), month.getTargetChecksum());
    }

    /** A step's row in the table; the COPY chunks collapse into one row. */
    private record StepRow(String label, MigrationOutcome last, long millis) {
    }

    private static List<StepRow> rows(TableMigration table) {
        List<StepRow> rows = new ArrayList<>();
        List<MigrationOutcome> chunks = table.of(MigrationStep.COPY);
        for (MigrationOutcome outcome : table.outcomes()) {
            if (outcome.getStep() != MigrationStep.COPY) {
                rows.add(new StepRow(MigrationDriver.label(outcome.getStep()), outcome, outcome.getDurationMillis()));
            } else if (outcome == chunks.get(0)) {
                // the chunks collapse into one row, where the first chunk was
                long millis = chunks.stream().mapToLong(MigrationOutcome::getDurationMillis).sum();
                String label = "copy" + (chunks.size() > 1 ? " (" + chunks.size() + " chunks)" : "");
                rows.add(new StepRow(label, chunks.get(chunks.size() - 1), millis));
            }
        }
        return rows;
    }

    private static boolean isDryRun(MigrationOutcome outcome) {
        return outcome.getStatus() == OutcomeStatus.DRY_RUN;
    }

    private static Optional<Long> rowsCopied(TableMigration table) {
        Optional<MigrationOutcome> source = table.last(MigrationStep.COPY).or(() -> table.last(MigrationStep.STATUS));
        return source.filter(o -> !isDryRun(o)).map(MigrationOutcome::getRowsCopied);
    }

    /** The copy rate over all chunks: each chunk's rate weighted by its duration. */
    static Optional<Double> rate(TableMigration table) {
        List<MigrationOutcome> chunks = table.of(MigrationStep.COPY).stream().filter(o -> !isDryRun(o)).toList();
        if (chunks.isEmpty()) {
            return Optional.empty();
        }
        long millis = chunks.stream().mapToLong(MigrationOutcome::getDurationMillis).sum();
        if (millis <= 0) {
            return Optional.of(chunks.get(chunks.size() - 1).getRowsPerSecond());
        }
        double rows = chunks.stream().mapToDouble(o -> o.getRowsPerSecond() * o.getDurationMillis()).sum();
        return Optional.of(rows / millis);
    }

    private static ObjectNode json(TableMigration table) {
        ObjectNode node = JSON.createObjectNode();
        node.put("database", table.table().database().value());
        node.put("table", table.table().table().toString());
        node.put("partitionKey", table.partitionKey());
        node.put("result", table.ending().name());
        node.put("note", table.note());
        table.phase().ifPresentOrElse(p -> node.put("phase", p), () -> node.putNull("phase"));
        rowsCopied(table).ifPresent(r -> node.put("rowsCopied", r));
        table.last(MigrationStep.COPY).or(() -> table.last(MigrationStep.STATUS))
                .ifPresent(o -> node.put("rowsEstimated", o.getRowsEstimated()));
        rate(table).ifPresent(r -> node.put("rowsPerSecond", Math.round(r * 10) / 10.0));
        ArrayNode steps = node.putArray("steps");
        for (MigrationOutcome outcome : table.outcomes()) {
            ObjectNode step = steps.addObject();
            step.put("step", outcome.getStep().name());
            step.put("commandId", outcome.getCommandId());
            step.put("status", outcome.getStatus().name());
            step.put("phase", outcome.getPhase());
            step.put("message", outcome.getMessage());
            step.put("durationMillis", outcome.getDurationMillis());
            if (outcome.getStep() == MigrationStep.COPY) {
                step.put("rowsCopied", outcome.getRowsCopied());
                step.put("copyDone", outcome.getCopyDone());
            }
            if (outcome.getStep() == MigrationStep.SWAP || outcome.getStep() == MigrationStep.ROLLBACK) {
                step.put("blockedMillis", outcome.getBlockedMillis());
            }
            ArrayNode statements = step.putArray("statements");
            outcome.getStatements().forEach(statements::add);
        }
        table.last(MigrationStep.VERIFY).ifPresent(verify -> {
            ArrayNode months = node.putArray("months");
            for (MonthComparison month : verify.getMonths()) {
                months.addObject().put("month", month.getMonth()).put("sourceRows", month.getSourceRows())
                        .put("targetRows", month.getTargetRows()).put("sourceChecksum", month.getSourceChecksum())
                        .put("targetChecksum", month.getTargetChecksum()).put("match", matches(month));
            }
            ArrayNode differences = node.putArray("differences");
            verify.getDifferences().forEach(differences::add);
        });
        return node;
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    /** Keeps a message inside its Markdown table cell. */
    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\r", " ").replace("\n", " ");
    }
}
