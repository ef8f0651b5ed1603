package io.arxos.partitions.reporter.domain;

import io.arxos.partitions.reporter.domain.MaintenanceReport.LineStatus;
import io.arxos.partitions.reporter.domain.MaintenanceReport.OperationLine;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Text pieces the Markdown and HTML renderers share, so both print a value the same way. */
final class ReportCells {

    private ReportCells() {
    }

    static String bound(PartitionSize p, boolean lower) {
        if (p.defaultPartition()) {
            return "DEFAULT";
        }
        LocalDateTime value = lower ? p.from() : p.to();
        if (value == null) {
            return lower ? "MINVALUE" : "MAXVALUE";
        }
        return value.toLocalTime().equals(LocalTime.MIDNIGHT) ? value.toLocalDate().toString() : value.toString();
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.2f", bytes / (1024.0 * 1024.0));
    }

    /** Estimates are -1 for tables PostgreSQL never analysed. */
    static String rows(long estimate) {
        return estimate < 0 ? "?" : Long.toString(estimate);
    }

    static String emoji(LineStatus status) {
        return switch (status) {
            case SUCCEEDED -> "✅";
            case ALREADY_APPLIED -> "♻️";
            case DRY_RUN -> "📝";
            case FAILED -> "❌";
            case REJECTED -> "⛔";
            case MISSING -> "⏳";
            case UNKNOWN -> "❔";
        };
    }

    static boolean isValidate(OperationLine op) {
        return op.operation().equals(CommandKind.VALIDATE_TABLE.label());
    }

    /** What the operation acted on: the partition, or the table for validation. */
    static String target(OperationLine op) {
        return isValidate(op) || op.partition() == null ? op.table() : op.partition();
    }

    /** One operation as a sentence, without the status emoji: {@code create_partition: x (already applied)}. */
    static String sentence(OperationLine op) {
        StringBuilder text = new StringBuilder(op.operation()).append(": ").append(target(op));
        switch (op.status()) {
            case SUCCEEDED, ALREADY_APPLIED, DRY_RUN -> {
                for (String extra : extras(op)) {
                    text.append(" (").append(extra).append(')');
                }
            }
            case FAILED -> text.append(" — ").append(failure(op));
            case REJECTED -> text.append(" — rejected: ").append(orElse(op.errorMessage(), "no reason given"));
            case MISSING -> text.append(" — no outcome before the deadline");
            case UNKNOWN -> text.append(" — outcome status unknown to this reporter");
        }
        return text.toString();
    }

    private static List<String> extras(OperationLine op) {
        List<String> extras = new ArrayList<>();
        if (op.ageMonths() != null) {
            extras.add(op.ageMonths() + (op.ageMonths() == 1 ? " month old" : " months old"));
        }
        if (op.rowsMoved() > 0) {
            extras.add("moved " + op.rowsMoved() + " rows out of the default partition");
        }
        if (isValidate(op)) {
            int n = op.findings().size();
            extras.add(n + (n == 1 ? " finding" : " findings"));
        }
        if (op.status() == LineStatus.ALREADY_APPLIED) {
            extras.add("already applied");
        }
        if (op.status() == LineStatus.DRY_RUN) {
            extras.add("dry run");
        }
        return extras;
    }

    private static String failure(OperationLine op) {
        String state = op.sqlState() == null ? "" : op.sqlState();
        String message = op.errorMessage() == null ? "" : op.errorMessage();
        String both = (state + " " + message).trim();
        return both.isEmpty() ? "failed" : both;
    }

    static String orElse(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }
}
